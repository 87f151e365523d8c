// The normalized SOP: the one data type that flows from validation to every renderer
// (PDF, book, site). Plain data only, so every stage after validation is a pure function.

export type Status = 'berlaku' | 'draf' | 'digantikan' | 'dicabut';
export type Kertas = 'A4' | 'F4';
export type TandaTangan = 'elektronik' | 'basah';
/** How the yearly book is printed: on one side of each sheet, or on both. */
export type Cetak = 'satu-sisi' | 'bolak-balik';
export type WaktuUnit = 'menit' | 'jam' | 'hari' | 'minggu' | 'bulan';

/** ISO calendar date `YYYY-MM-DD`, already checked to exist. */
export type IsoDay = `${number}-${number}-${number}`;
/** `YYYY-MM`: the day is left blank on paper, to be written in at signing. */
export type IsoMonth = `${number}-${number}`;
/** A date as the source gives it: a day, or only its month. Sorts as text (a month before its days). */
export type IsoDate = IsoDay | IsoMonth;

export interface Penandatangan {
  jabatan: string;
  /** Null: left blank for a wet signature, the name written in by hand (printed dotted). */
  nama: string | null;
  pangkat?: string;
  /** 18 digits, no spaces. */
  nip?: string;
}

/** The labels of the identity page, keyed like the SOP fields they name. */
export type IdentityLabelKey =
  | 'nomor'
  | 'tanggal_pembuatan'
  | 'tanggal_revisi'
  | 'tanggal_efektif'
  | 'disahkan_oleh'
  | 'nama'
  | 'dasar_hukum'
  | 'kualifikasi_pelaksana'
  | 'keterkaitan'
  | 'peralatan_perlengkapan'
  | 'peringatan'
  | 'pencatatan_pendataan';
export type IdentityLabels = Record<IdentityLabelKey, string>;

/** The regulation's words; an instansi.yml `label_identitas` replaces any of them (`Tanggal Pengesahan`, `Judul SOP`). */
export const DEFAULT_IDENTITY_LABELS: Readonly<IdentityLabels> = {
  nomor: 'Nomor SOP',
  tanggal_pembuatan: 'Tanggal Pembuatan',
  tanggal_revisi: 'Tanggal Revisi',
  tanggal_efektif: 'Tanggal Efektif',
  disahkan_oleh: 'Disahkan Oleh',
  nama: 'Nama SOP',
  dasar_hukum: 'Dasar Hukum',
  kualifikasi_pelaksana: 'Kualifikasi Pelaksana',
  keterkaitan: 'Keterkaitan',
  peralatan_perlengkapan: 'Peralatan/Perlengkapan',
  peringatan: 'Peringatan',
  pencatatan_pendataan: 'Pencatatan dan Pendataan',
};

export interface Instansi {
  /** Folder name under content/, used in output paths and URLs. */
  id: string;
  pemerintah: string;
  nama: string;
  alamat?: string;
  /**
   * Path of the logo file relative to the project root, with `/`, if any, as `sop check` accepted
   * it (inside content/, an image). Outputs read it only through source/assets.ts loadAsset.
   */
  logo?: string;
  kertas: Kertas;
  tanda_tangan: TandaTangan;
  /** Character printed invisibly in the e-signature box, for services that locate it by text. */
  jangkar_ttd: string;
  /** Identity-page labels of all its SOPs: the defaults with instansi.yml's `label_identitas` over them. */
  label_identitas: IdentityLabels;
  /** `teks_terminator: true`: "Mulai" / "Selesai" are written inside the terminator symbols. */
  teks_terminator: boolean;
  /** The default signer of its SOPs (`disahkan_oleh`), NIP already read as digits. */
  disahkan_oleh?: Penandatangan;
  /** `cetak: bolak-balik`: the book starts every part on a right-hand page (absent: one-sided). */
  cetak?: Cetak;
  /** Monitoring and evaluation due dates (instansi.yml `monev:`), when the office keeps that cycle here. */
  monev?: { tenggang_hari: number; evaluasi_bulan: number };
  /** The instansi.yml this came from, relative to the project root, with `/`. */
  file: string;
  /** The folder holding instansi.yml, relative to the project root, with `/`. */
  dir: string;
}

export interface Waktu {
  value: number;
  unit: WaktuUnit;
  /** As written, for printing (`2 Jam`). */
  text: string;
}

/** Where the flow goes after a step. */
export type Lanjut =
  | { kind: 'next' }
  | { kind: 'jump'; to: number }
  | { kind: 'decision'; exits: [DecisionExit, DecisionExit] }
  | { kind: 'end' };

export interface DecisionExit {
  label: string;
  to: number;
}

export type StepSymbol = 'terminator' | 'process' | 'decision';

/**
 * The procedure table's header words as the author wrote them (`Uraian Prosedur`, `Persyaratan`,
 * `Ket`), printed in place of the official ones; a column the table lacks keeps the official word.
 */
export interface ColumnHeaders {
  no: string;
  kegiatan: string;
  pelaksana: string;
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
}

/** The official header words (Permenpan-RB 35/2012), for a table that wrote them so or lacks the column. */
export const DEFAULT_COLUMN_HEADERS: Readonly<ColumnHeaders> = {
  no: 'No',
  kegiatan: 'Kegiatan',
  pelaksana: 'Pelaksana',
  kelengkapan: 'Kelengkapan',
  waktu: 'Waktu',
  output: 'Output',
  keterangan: 'Keterangan',
};

export interface Step {
  no: number;
  kegiatan: string;
  /** Index into Sop.pelaksana. */
  actor: number;
  kelengkapan: string;
  waktu: Waktu;
  output: string;
  keterangan: string;
  lanjut: Lanjut;
  symbol: StepSymbol;
}

export interface Riwayat {
  tanggal: IsoDate;
  uraian: string;
}

/**
 * A related SOP as printed: its name or number. `eksternal`: written `- eksternal: <nama>`, an SOP
 * outside this content (another office's, or one not kept here), never looked up nor linked.
 */
export interface Keterkaitan {
  teks: string;
  eksternal: boolean;
}

export interface Sop {
  /** Path relative to content/ without `.md`, with `/` separators: `kominfo-pessel/sekretariat/pemantauan-kinerja`. */
  id: string;
  /** Last path segment without `.md`. */
  slug: string;
  /** Source path relative to the project (for messages). */
  path: string;
  instansi: Instansi;
  nomor: string;
  nama: string;
  unit?: string;
  status: Status;
  tanggal_pembuatan: IsoDate;
  tanggal_revisi: IsoDate | null;
  /** Null for a draf, or for a wet-signed SOP whose date is written in by hand (printed dotted). */
  tanggal_efektif: IsoDate | null;
  /** When a `dicabut` SOP was withdrawn (the date of the withdrawal), if the sources say. */
  tanggal_dicabut?: IsoDate;
  menggantikan?: string;
  /** True when `menggantikan` names an SOP outside this content (`menggantikan_eksternal: true`). */
  menggantikan_eksternal: boolean;
  disahkan_oleh: Penandatangan;
  /** Paper and signing mode after the cascade (the SOP may override its instansi). */
  kertas: Kertas;
  tanda_tangan: TandaTangan;
  dasar_hukum: string[];
  kualifikasi_pelaksana: string[];
  keterkaitan: Keterkaitan[];
  peralatan_perlengkapan: string[];
  peringatan: string[];
  pencatatan_pendataan: string[];
  pelaksana: string[];
  riwayat: Riwayat[];
  /** Header words of the procedure table, as written. */
  headers: ColumnHeaders;
  steps: Step[];
  /** Markdown prose outside the table (before and after), raw; sanitized by renderers. */
  prose: string;
}
