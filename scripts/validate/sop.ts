// One SOP file after parsing: cascade from instansi.yml, schema, document rules and the
// procedure table, giving a normalized `Sop` when (and only when) there is no error.
import type { IsoDate, Penandatangan, Riwayat, Sop, Status } from '../model/sop.ts';
import { report } from '../diagnostics/report.ts';
import type { SopSource } from '../parse/sop-source.ts';
import { placeOf } from '../parse/yaml-doc.ts';
import type { VFile } from 'vfile';
import type { InstansiEntry } from './instansi.ts';
import { validateSopData, type SchemaIssue } from './schema.ts';
import { isRealDate, nipProblem } from './rules.ts';
import { coerceNip, reportSchemaIssues } from './shared.ts';
import { readSteps } from './steps.ts';
import { readKeterkaitan } from '../model/relations.ts';
import { terminatorText } from '../flow/terminator-text.ts';
import { paper } from '../view/paper.ts';
import { sopView, tableColumns } from '../view/sop-view.ts';
import { checkPrintFit } from './print-fit.ts';

export interface SopMeta {
  /** Path relative to content/, without `.md`. */
  id: string;
  slug: string;
  path: string;
}

/** Keys an SOP inherits from its instansi.yml when it does not set them itself. */
const INHERITED = ['disahkan_oleh', 'kertas', 'tanda_tangan'] as const;

/**
 * `instansiFound`: an instansi.yml governs this SOP even when `entry` is undefined because that
 * file could not be read (its own errors say why; the SOP does not repeat them).
 */
export function validateSop(source: SopSource, entry: InstansiEntry | undefined, meta: SopMeta, instansiFound = entry !== undefined): Sop | undefined {
  const { file, yaml, lines } = source;
  const own = yaml.data as Record<string, unknown>;
  const at = (pointer: string, part: 'key' | 'value' = 'value') => placeOf(yaml.spans, lines, pointer, part);
  const before = file.messages.filter((m) => m.fatal).length;

  if (!instansiFound) {
    report(file, 'instansi-tidak-ada', 'Tidak ada instansi.yml di folder SOP ini atau di folder di atasnya.', { line: 1, column: 1 }, {
      hint: 'Buat content/<instansi>/instansi.yml berisi `pemerintah:`, `nama:` dan `disahkan_oleh:`.',
    });
  }
  if (own.tanggal_revisi === '-') own.tanggal_revisi = null; // "-" is how officers write "none"
  if (own.keterkaitan === null) own.keterkaitan = []; // `keterkaitan:` left empty: no related SOPs
  coerceNip(own, yaml, '/disahkan_oleh');

  const data: Record<string, unknown> = { ...own };
  for (const key of INHERITED) {
    const inherited = key === 'disahkan_oleh' ? entry?.disahkan_oleh : entry?.instansi[key];
    if (data[key] === undefined && inherited !== undefined) data[key] = inherited;
  }
  // Values inherited from instansi.yml were checked (and reported) there.
  const inheritedKey = (p: string) => INHERITED.some((k) => own[k] === undefined && p.startsWith(`/${k}`));
  // `menggantikan_eksternal` without `menggantikan` has its own, clearer rule below.
  const skip = (issue: SchemaIssue) => inheritedKey(issue.pointer) || (issue.missing === 'menggantikan' && data.menggantikan_eksternal === true);
  reportSchemaIssues(file, validateSopData(data), yaml, lines, skip);
  // Without a (readable) instansi.yml the default signer is unknown: that error comes first.
  if (data.disahkan_oleh === undefined && entry && !entry.hasSigner) {
    report(file, 'wajib-diisi', 'Kunci `disahkan_oleh` wajib diisi (di SOP ini atau di instansi.yml).', { line: 1, column: 1 }, {
      hint: 'Tulis `disahkan_oleh:` dengan jabatan, nama, pangkat dan nip di instansi.yml agar berlaku untuk semua SOP, atau di frontmatter SOP ini.',
    });
  }

  const signer = data.disahkan_oleh as Penandatangan | undefined;
  if (own.disahkan_oleh !== undefined && typeof signer?.nip === 'string') {
    // Characters other than digits and spaces are reported by the schema.
    const problem = /^[0-9 ]+$/.test(signer.nip) ? nipProblem(signer.nip) : undefined;
    if (problem) report(file, 'nip-tidak-valid', problem, at('/disahkan_oleh/nip'), { hint: 'NIP terdiri atas 18 angka: tanggal lahir (8), tahun-bulan pengangkatan (6), jenis kelamin (1), nomor urut (3).' });
  }
  const status = (typeof data.status === 'string' ? data.status : 'berlaku') as Status;
  if (signer && typeof signer === 'object') checkSignerName(file, signer, data.tanda_tangan === 'basah', status, at);
  const pembuatan = data.tanggal_pembuatan;
  const efektif = data.tanggal_efektif;
  const revisi = data.tanggal_revisi;
  // Order is only meaningful between real dates (a wrong date has its own message).
  if (isIsoDate(pembuatan) && isIsoDate(efektif) && efektif < pembuatan) {
    report(file, 'tanggal-urutan', `Tanggal efektif (${efektif}) lebih awal daripada tanggal pembuatan (${pembuatan}).`, at('/tanggal_efektif'), {
      hint: 'Tanggal efektif (pengesahan) tidak boleh sebelum tanggal pembuatan SOP.',
    });
  }
  if (isIsoDate(pembuatan) && isIsoDate(revisi) && revisi < pembuatan) {
    report(file, 'tanggal-urutan', `Tanggal revisi (${revisi}) lebih awal daripada tanggal pembuatan (${pembuatan}).`, at('/tanggal_revisi'), {
      hint: 'Tanggal revisi adalah tanggal perubahan terakhir, sesudah tanggal pembuatan.',
    });
  }
  if (status !== 'draf' && efektif === null) {
    if (data.tanda_tangan === 'basah') {
      report(file, 'tanggal-diisi-tangan', '`tanggal_efektif` dibiarkan kosong: dicetak titik-titik untuk diisi tangan saat penandatanganan.', at('/tanggal_efektif'), {
        hint: 'Setelah SOP ditandatangani, tulis tanggal pengesahannya di sini, mis. `tanggal_efektif: 2024-05-08`, agar katalog dan buku memuat tanggal yang sama.',
      });
    } else {
      report(file, 'wajib-diisi', '`tanggal_efektif` wajib diisi untuk SOP yang berlaku dengan tanda tangan elektronik.', at('/tanggal_efektif'), {
        hint: 'Tulis tanggal SOP disahkan, mis. `tanggal_efektif: 2024-05-08`, atau tulis `status: draf` bila SOP belum disahkan. Hanya SOP bertanda tangan basah yang boleh mengosongkannya.',
      });
    }
  }
  for (const [key, value] of [['tanggal_pembuatan', pembuatan], ['tanggal_efektif', efektif]] as const) {
    if (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value) && !isIsoDate(value)) {
      report(file, 'tanggal-tidak-valid', `Tanggal \`${key}\` (${value}) tidak ada di kalender.`, at(`/${key}`), {
        hint: 'Tulis TAHUN-BULAN-HARI, mis. `2024-05-08`, atau TAHUN-BULAN, mis. `2021-03`, bila harinya diisi saat penandatanganan.',
      });
    } else if (typeof value === 'string' && value.length === 7 && isIsoDate(value)) {
      report(file, 'tanggal-diisi-tangan', `Hari pada \`${key}\` (${value}) dibiarkan kosong: dicetak titik-titik untuk diisi saat penandatanganan.`, at(`/${key}`), {
        hint: 'Setelah SOP ditandatangani, lengkapi dengan harinya, mis. `2021-03-15`.',
      });
    }
  }
  if (status === 'dicabut' && data.tanggal_dicabut == null) {
    report(file, 'dicabut-tanpa-tanggal', 'SOP berstatus `dicabut` tetapi `tanggal_dicabut` tidak diisi.', at('/status'), {
      hint: 'Tambahkan `tanggal_dicabut: TAHUN-BULAN-HARI` (tanggal surat pencabutannya): buku SOP tahun itu mencatat pencabutan pada tanggal tersebut.',
    });
  }
  if (data.menggantikan_eksternal === true && typeof data.menggantikan !== 'string') {
    report(file, 'menggantikan-eksternal-tanpa-nomor', '`menggantikan_eksternal` diisi tetapi `menggantikan` tidak.', at('/menggantikan_eksternal', 'key'), {
      hint: 'Tulis nomor SOP lama di `menggantikan:`, atau hapus `menggantikan_eksternal`.',
    });
  }


  // An empty or malformed list is reported by the schema; the table then defines the actors.
  const declared = Array.isArray(own.pelaksana) && own.pelaksana.length > 0 && own.pelaksana.every((a) => typeof a === 'string') ? (own.pelaksana as string[]) : undefined;
  const steps = source.table ? readSteps(file, source.table, declared, (i) => at(i === undefined ? '/pelaksana' : `/pelaksana/${i}`)) : undefined;

  if (!entry?.ok || !steps?.ok || file.messages.filter((m) => m.fatal).length > before) return undefined;
  const kertas = data.kertas === 'F4' ? 'F4' : 'A4';
  if (entry.instansi.teks_terminator && !terminatorText(steps.steps, tableColumns(paper(kertas), steps.pelaksana, steps.headers.no).actors)) {
    report(file, 'teks-terminator-tidak-muat', `Teks "Mulai"/"Selesai" (\`teks_terminator\` di ${entry.instansi.file}) tidak muat di simbol terminator: dengan ${steps.pelaksana.length} kolom pelaksana di kertas ${kertas}, huruf 8 pt pun lebih lebar dari simbolnya. Bagan alir SOP ini dicetak tanpa teks itu.`, source.table!.place, {
      hint: 'Kurangi jumlah pelaksana (gabungkan yang sejenis), atau pakai `kertas: F4` yang kolomnya lebih lebar.',
    });
  }
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as string[]) : []);
  const optional = <K extends string>(key: K) => (typeof data[key] === 'string' ? { [key]: data[key] as string } : {}) as Partial<Record<K, string>>;
  const sop: Sop = {
    id: meta.id,
    slug: meta.slug,
    path: meta.path,
    instansi: entry.instansi,
    nomor: String(data.nomor),
    nama: String(data.nama),
    ...optional('unit'),
    status,
    tanggal_pembuatan: String(pembuatan) as IsoDate,
    tanggal_revisi: typeof revisi === 'string' ? (revisi as IsoDate) : null,
    tanggal_efektif: typeof efektif === 'string' ? (efektif as IsoDate) : null,
    ...(typeof data.tanggal_dicabut === 'string' ? { tanggal_dicabut: data.tanggal_dicabut as IsoDate } : {}),
    ...optional('menggantikan'),
    menggantikan_eksternal: data.menggantikan_eksternal === true,
    disahkan_oleh: { ...signer!, ...(signer!.nip ? { nip: signer!.nip.replace(/\s+/g, '') } : {}) },
    kertas,
    tanda_tangan: data.tanda_tangan === 'basah' ? 'basah' : 'elektronik',
    dasar_hukum: list('dasar_hukum'),
    kualifikasi_pelaksana: list('kualifikasi_pelaksana'),
    keterkaitan: (Array.isArray(data.keterkaitan) ? data.keterkaitan : []).flatMap((item) => readKeterkaitan(item) ?? []),
    peralatan_perlengkapan: list('peralatan_perlengkapan'),
    peringatan: list('peringatan'),
    pencatatan_pendataan: list('pencatatan_pendataan'),
    pelaksana: steps.pelaksana,
    riwayat: Array.isArray(data.riwayat) ? (data.riwayat as Riwayat[]) : [],
    headers: steps.headers,
    steps: steps.steps,
    prose: source.prose,
  };
  return checkPrintFit(file, sopView(sop), steps.steps, steps.cells, (i) => at(`/pelaksana/${i}`)) ? sop : undefined;
}

/** Words that start a position, not a person's name ("Kepala Dinas …", "Plt. Sekretaris"). */
const POSITION = /^(plt\.?\s+|plh\.?\s+|pj\.?\s+)?(kepala|sekretaris|kabid|kasubag|kasubbag|kasi|kadis|direktur|camat|lurah|bupati|wakil|wali ?kota|gubernur|inspektur|asisten|staf)\b/i;

/**
 * A blank name is fine on paper signed by hand (written in at signing), not for an e-signature
 * (certificates are personal). A position written as the name is almost always a slip.
 */
function checkSignerName(file: VFile, signer: Penandatangan, basah: boolean, status: Status, at: (pointer: string) => ReturnType<typeof placeOf>): void {
  const where = at('/disahkan_oleh/nama');
  if (signer.nama === null && !basah && status === 'berlaku') {
    report(file, 'wajib-diisi', 'Nama penandatangan (`disahkan_oleh.nama`) wajib diisi untuk tanda tangan elektronik.', where, {
      hint: 'Tulis nama pejabat beserta gelar, mis. `nama: Wendi, S.H., M.Hum`. Hanya SOP bertanda tangan basah yang boleh mengosongkannya (`nama: null`).',
    });
  } else if (typeof signer.nama === 'string' && POSITION.test(signer.nama.trim())) {
    report(file, 'nama-seperti-jabatan', `Nama penandatangan "${signer.nama}" tampak seperti jabatan, bukan nama orang.`, where, {
      hint: 'Tulis jabatan di `jabatan:` dan nama orangnya (beserta gelar) di `nama:`; bila nama ditulis tangan saat penandatanganan basah, tulis `nama: null`.',
    });
  }
}

/** `YYYY-MM-DD` that exists, or `YYYY-MM` with a real month. */
function isIsoDate(value: unknown): value is IsoDate {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value) : null;
  return m !== null && (m[3] === undefined ? Number(m[2]) >= 1 && Number(m[2]) <= 12 : isRealDate(Number(m[1]), Number(m[2]), Number(m[3])));
}
