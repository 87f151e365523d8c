// Monitoring and evaluation of SOPs (Permenpan-RB 35/2012, Bab IV): what a results file
// `content/<instansi>/monev/<tahun>-<semester>.yml` says, as checked plain data, and the periods
// it is counted in. Every stage that shows the cycle (forms, report, book, site) reads these.
import type { IsoDate, IsoDay, Sop } from './sop.ts';

/** Semester 1 is January–June, semester 2 July–December. */
export type Semester = 1 | 2;

export interface Periode {
  tahun: number;
  semester: Semester;
}

/** Tabel 7's assessment of a step: "berjalan dengan baik" / "tidak berjalan dengan baik". */
export type Penilaian = 'baik' | 'tidak-baik';

/** The evaluation's outcome: keep the SOP as it is, revise it, or withdraw it. */
export type Kesimpulan = 'tetap' | 'revisi' | 'cabut';

export const KESIMPULAN_LABEL: Record<Kesimpulan, string> = { tetap: 'Tetap', revisi: 'Revisi', cabut: 'Cabut' };

/**
 * The annex's criteria for evaluating how an SOP AP is applied, each answered Ya/Tidak. The keys
 * are what results files write; the labels are printed.
 */
export const KRITERIA = [
  ['mendorong_kinerja', 'Mampu mendorong peningkatan kinerja'],
  ['mudah_dipahami', 'Mudah dipahami'],
  ['mudah_dilaksanakan', 'Mudah dilaksanakan'],
  ['peran_jelas', 'Semua orang dapat menjalankan perannya masing-masing'],
  ['mengatasi_masalah', 'Mampu mengatasi permasalahan yang berkaitan dengan proses'],
  ['menjawab_kebutuhan', 'Mampu menjawab kebutuhan peningkatan kinerja organisasi'],
  ['sinergi', 'Sinergi satu dengan lainnya'],
] as const;

export type KriteriaKey = (typeof KRITERIA)[number][0];

export interface Jawaban {
  ya: boolean;
  catatan?: string;
}

/** One row of Tabel 7 as the assessor filled it. Steps a file does not list ran well. */
export interface HasilLangkah {
  no: number;
  penilaian: Penilaian;
  catatan?: string;
  tindakan?: string;
  /** Who assessed (paraf penilai): the step's own, else the SOP's, else the file's. */
  penilai?: string;
}

export interface Evaluasi {
  tanggal: IsoDay;
  jawaban: Record<KriteriaKey, Jawaban>;
  kesimpulan: Kesimpulan;
  catatan?: string;
}

export interface HasilSop {
  /** The SOP's id (model/sop.ts `Sop.id`), resolved from the `nomor` the file writes. */
  sopId: string;
  nomor: string;
  /** Day of the monitoring. */
  tanggal: IsoDay;
  penilai?: string;
  /** Steps that were assessed explicitly (every step not listed ran well). */
  langkah: HasilLangkah[];
  evaluasi?: Evaluasi;
}

export interface MonevResults {
  /** Instansi id (the folder's slug). */
  instansi: string;
  periode: Periode;
  /** The file, relative to the project root, with `/`. */
  file: string;
  sop: HasilSop[];
}

/** Due-date thresholds from instansi.yml `monev:`; absent, the office has not started the cycle. */
export interface MonevSettings {
  /** Days after a semester ends before its missing monitoring is warned about. */
  tenggang_hari: number;
  /** Months an evaluation stays current. */
  evaluasi_bulan: number;
}

export const DEFAULT_MONEV_SETTINGS: Readonly<MonevSettings> = { tenggang_hari: 30, evaluasi_bulan: 12 };

/** `2026-1` → { tahun: 2026, semester: 1 }; anything else → undefined. */
export function parsePeriode(text: string): Periode | undefined {
  const m = /^(\d{4})-([12])$/.exec(text.trim());
  return m ? { tahun: Number(m[1]), semester: Number(m[2]) as Semester } : undefined;
}

export function periodeName(p: Periode): string {
  return `${p.tahun}-${p.semester}`;
}

export function periodeLabel(p: Periode): string {
  return `Semester ${p.semester === 1 ? 'I' : 'II'} Tahun ${p.tahun}`;
}

/** First and last day of a semester. */
export function periodeDays(p: Periode): { start: IsoDay; end: IsoDay } {
  return p.semester === 1
    ? { start: `${p.tahun}-01-01` as IsoDay, end: `${p.tahun}-06-30` as IsoDay }
    : { start: `${p.tahun}-07-01` as IsoDay, end: `${p.tahun}-12-31` as IsoDay };
}

export function comparePeriode(a: Periode, b: Periode): number {
  return a.tahun - b.tahun || a.semester - b.semester;
}

/** The semester a day falls in. */
export function periodeOf(day: string): Periode {
  const [y, m] = day.split('-').map(Number);
  return { tahun: y!, semester: (m ?? 1) <= 6 ? 1 : 2 };
}

export function previousPeriode(p: Periode): Periode {
  return p.semester === 2 ? { tahun: p.tahun, semester: 1 } : { tahun: p.tahun - 1, semester: 2 };
}

/** `2026-06-30` + 30 → `2026-07-30` (UTC calendar arithmetic). */
export function addDays(day: string, days: number): IsoDay {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as IsoDay;
}

export function addMonths(day: string, months: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number);
  const total = y! * 12 + (m! - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d ?? 1, last)).padStart(2, '0')}` as IsoDay;
}

/**
 * The day the version of an SOP now in force was made: its last revision (tanggal_revisi or the
 * latest riwayat entry), else its effective date, else the day it was made. Results older than
 * this were about an earlier version.
 */
export function versionDate(sop: Pick<Sop, 'tanggal_revisi' | 'riwayat' | 'tanggal_efektif' | 'tanggal_pembuatan'>): IsoDate {
  const dates = [sop.tanggal_revisi, ...sop.riwayat.map((r) => r.tanggal)].filter((d): d is IsoDate => Boolean(d));
  const latest = dates.sort().at(-1);
  return latest ?? sop.tanggal_efektif ?? sop.tanggal_pembuatan;
}

/** Where an SOP stands in the cycle: when last monitored and evaluated, and whether it is being revised. */
export interface MonevStatus {
  /** The latest semester the SOP was monitored in, and the day. */
  dipantau?: { periode: Periode; tanggal: IsoDay };
  /** Its latest evaluation. */
  dievaluasi?: { tanggal: IsoDay; kesimpulan: Kesimpulan };
  /** Its latest evaluation says revise, and the SOP has not been revised since. */
  direvisi: boolean;
}

/** The cycle status of every SOP that results name, by SOP id (results in any order). */
export function monevStatuses(sops: readonly Sop[], results: readonly MonevResults[]): Map<string, MonevStatus> {
  const out = new Map<string, MonevStatus>();
  const sorted = [...results].sort((a, b) => comparePeriode(a.periode, b.periode));
  for (const r of sorted) {
    for (const h of r.sop) {
      const s = out.get(h.sopId) ?? { direvisi: false };
      s.dipantau = { periode: r.periode, tanggal: h.tanggal };
      if (h.evaluasi && (!s.dievaluasi || h.evaluasi.tanggal >= s.dievaluasi.tanggal)) s.dievaluasi = { tanggal: h.evaluasi.tanggal, kesimpulan: h.evaluasi.kesimpulan };
      out.set(h.sopId, s);
    }
  }
  for (const sop of sops) {
    const s = out.get(sop.id);
    if (s?.dievaluasi?.kesimpulan === 'revisi') s.direvisi = sop.status === 'berlaku' && versionDate(sop) <= s.dievaluasi.tanggal;
  }
  return out;
}
