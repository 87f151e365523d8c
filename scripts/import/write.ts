// Imported SOPs → the files `sop impor` writes: one SOP source each, and instansi.yml for the
// folder when it has none, with every note turned into a positioned vfile message at its line
// in the written source. Pure: the model in, file texts and messages out.
import { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { DEFAULT_COLUMN_HEADERS, DEFAULT_IDENTITY_LABELS, type IdentityLabelKey } from '../model/sop.ts';
import { slugify } from '../model/slug.ts';
import { columnOf, type ColumnName } from '../parse/table.ts';
import { instansiYml, sopSource, type ScaffoldFile, type SopSourceFields } from '../scaffold/templates.ts';
import { describe, type PageSetup } from './document.ts';
import type { ImportedSop, Note } from './model.ts';
import { LIST_KEYS } from './words.ts';

export interface ReadFile {
  /** The document's path as the officer named it. */
  name: string;
  sops: ImportedSop[];
  problems: Note[];
  page: PageSetup;
}

export interface WritePlan {
  /** Folder (project-relative, with `/`) the SOPs go to. */
  folder: string;
  files: ScaffoldFile[];
  /** One per written SOP (path = its .md), carrying the notes at their lines. */
  messages: VFile[];
}

const TABLE_COLUMNS: ColumnName[] = ['no', 'kegiatan', 'pelaksana', 'kelengkapan', 'waktu', 'output', 'keterangan', 'lanjut'];
const TITLES: Record<ColumnName, string> = { ...DEFAULT_COLUMN_HEADERS, lanjut: 'Lanjut' };

const sameSigner = (a: ImportedSop['signer'], b: ImportedSop['signer']) =>
  JSON.stringify([a?.jabatan, a?.nama, a?.pangkat, a?.nip, a?.elektronik]) === JSON.stringify([b?.jabatan, b?.nama, b?.pangkat, b?.nip, b?.elektronik]);

/** The default folder: named after the office the first SOP names. */
export function defaultFolder(files: readonly ReadFile[]): string | undefined {
  const office = files.flatMap((f) => f.sops)[0]?.office;
  return office?.nama ? `content/${slugify(office.nama)}` : undefined;
}

/**
 * The files to write under `folder`. `hasInstansi`: the folder already has an instansi.yml (then
 * every SOP names its own signer). Two SOPs of the same name get `-2`, `-3` …
 */
export function planWrite(files: readonly ReadFile[], folder: string, hasInstansi: boolean): WritePlan {
  const all = files.flatMap((f) => f.sops.map((sop) => ({ file: f, sop })));
  const out: ScaffoldFile[] = [];
  const messages: VFile[] = [];
  const first = all[0]?.sop;
  const signers = all.map((a) => a.sop.signer);
  const oneSigner = !hasInstansi && signers.every((s) => s && sameSigner(s, signers[0]));
  const kinds = new Set(all.map((a) => (a.sop.signer?.elektronik ? 'elektronik' : 'basah')));
  const oneKind = !hasInstansi && kinds.size === 1;
  const kertas = files.find((f) => f.page.kertas)?.page.kertas;
  const used = new Set<string>();
  // A file's own problems (drawings it could not read) go with its first SOP.
  const firstOfFile = new Set(files.map((f) => f.sops[0]));
  for (const { file, sop } of all) {
    const base = slugify(sop.nama ?? sop.nomor ?? 'sop-impor');
    let name = `${base}.md`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.md`;
    used.add(name);
    const path = `${folder}/${name}`;
    const notes = [...sop.notes];
    if (first && sop !== first && sop.office.nama && first.office.nama && sop.office.nama !== first.office.nama) {
      notes.push({ rule: 'impor-tebakan', where: sop.where, message: `nama instansi di SOP ini ("${sop.office.nama}") berbeda dari SOP pertama ("${first.office.nama}"); dipakai yang pertama di instansi.yml` });
    }
    if (first && sop !== first && !hasInstansi) {
      const differ = (Object.keys(sop.labels) as IdentityLabelKey[]).filter((k) => (first.labels[k] ?? DEFAULT_IDENTITY_LABELS[k]) !== sop.labels[k]);
      if (differ.length) notes.push({ rule: 'impor-tebakan', where: sop.where, message: `label identitas SOP ini berbeda dari SOP pertama (${differ.map((k) => `"${sop.labels[k]}"`).join(', ')}); instansi.yml memakai label SOP pertama untuk semua SOP` });
    }
    const fields = sourceFields(file, sop, notes, { signer: !oneSigner, kind: !oneKind });
    const written = sopSource(fields);
    out.push({ path, data: written.text });
    const vfile = new VFile({ path });
    for (const n of [...(firstOfFile.has(sop) ? file.problems : []), ...notes]) {
      const rowAt = n.row === undefined ? -1 : sop.rows.findIndex((r) => r.no === n.row);
      const line = (n.key ? written.keyLines[n.key] : undefined) ?? (rowAt >= 0 ? written.rowLines[rowAt] : undefined) ?? 1;
      const where = describe(n.where);
      report(vfile, n.rule, `${file.name}${where ? ` (${where})` : ''}: ${n.message}`, { line, column: 1 }, n.hint ? { hint: n.hint } : {});
    }
    messages.push(vfile);
  }
  if (!hasInstansi && first) out.unshift({ path: `${folder}/instansi.yml`, data: instansiText(files, first, oneSigner, oneKind, kertas) });
  return { folder, files: out, messages };
}

function instansiText(files: readonly ReadFile[], first: ImportedSop, oneSigner: boolean, oneKind: boolean, kertas: 'A4' | 'F4' | undefined): string {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(first.labels) as [IdentityLabelKey, string][]) {
    if (v && v !== DEFAULT_IDENTITY_LABELS[k] && v.length <= 40) labels[k] = v;
  }
  const page = files.find((f) => f.page.kertas)?.page;
  const s = first.signer;
  return instansiYml({
    comments: [
      `Diimpor dengan "sop impor" dari ${files.map((f) => f.name).join(', ')}.`,
      ...(page?.landscape !== undefined ? [`Berkas asli: kertas ${page.kertas ?? 'tidak dikenal'}, ${page.landscape ? 'melintang (landscape)' : 'tegak (portrait)'}.`] : []),
      ...(first.office.pemerintah ? [] : ['Nama pemerintah tidak ditemukan di berkas: isi baris "pemerintah".']),
    ],
    pemerintah: first.office.pemerintah ?? 'Pemerintah …',
    nama: first.office.nama ?? 'Instansi …',
    ...(first.office.alamat ? { alamat: first.office.alamat } : {}),
    ...(kertas ? { kertas } : {}),
    tanda_tangan: oneKind ? (s?.elektronik ? 'elektronik' : 'basah') : 'basah',
    ...(oneSigner && s?.jabatan ? { jabatan: s.jabatan, pejabat: s.nama, ...(s.pangkat ? { pangkat: s.pangkat } : {}), ...(s.nip ? { nip: s.nip } : {}) } : {}),
    ...(Object.keys(labels).length ? { label_identitas: labels } : {}),
    ...(files.some((f) => f.sops.some((x) => x.terminatorText)) ? { teks_terminator: true } : {}),
  });
}

function sourceFields(file: ReadFile, sop: ImportedSop, notes: Note[], own: { signer: boolean; kind: boolean }): SopSourceFields {
  const where = sop.where;
  if (!sop.nama) notes.push({ rule: 'impor-tidak-terbaca', where, message: 'nama SOP tidak ditemukan', key: 'nama', hint: 'Isi nama SOP.' });
  if (sop.tanggal_pembuatan === undefined) notes.push({ rule: 'impor-tidak-terbaca', where, message: 'tanggal pembuatan tidak ditemukan', key: 'tanggal_pembuatan', hint: 'Isi tanggal pembuatan, mis. 2024-05-08.' });
  const elektronik = Boolean(sop.signer?.elektronik);
  let status: 'berlaku' | 'draf' = 'berlaku';
  if (!sop.tanggal_efektif && elektronik) {
    status = 'draf';
    notes.push({ rule: 'impor-tebakan', where, message: 'tanggal pengesahan kosong pada SOP bertanda tangan elektronik: ditulis sebagai draf', key: 'status', hint: 'Setelah disahkan, ubah menjadi "status: berlaku" dan isi tanggal_efektif.' });
  }
  const words = sop.columns;
  const header = TABLE_COLUMNS.map((c) => {
    const w = words[c];
    return w && columnOf(w) === c ? w : TITLES[c];
  });
  const actors: string[] = [];
  for (const a of sop.actors) {
    if (actors.some((x) => x.toLowerCase() === a.toLowerCase())) notes.push({ rule: 'impor-tebakan', where, message: `kolom pelaksana "${a}" ada dua kali; ditulis sekali`, key: 'pelaksana' });
    else actors.push(a);
  }
  const lists = Object.fromEntries(LIST_KEYS.map((k) => [k, sop.lists[k] ?? []])) as SopSourceFields['lists'];
  const s = sop.signer;
  return {
    comments: [`Diimpor dengan "sop impor" dari ${file.name}. Periksa catatan impor, lalu hapus baris ini.`],
    nomor: sop.nomor ?? '……',
    nama: sop.nama ?? 'SOP tanpa nama',
    ...(sop.unit ? { unit: sop.unit } : {}),
    status,
    tanggal_pembuatan: sop.tanggal_pembuatan ?? null,
    tanggal_revisi: sop.tanggal_revisi?.length === 10 ? sop.tanggal_revisi : null,
    tanggal_efektif: sop.tanggal_efektif ?? null,
    ...(own.signer && s?.jabatan ? { disahkan_oleh: { jabatan: s.jabatan, nama: s.nama, ...(s.pangkat ? { pangkat: s.pangkat } : {}), ...(s.nip ? { nip: s.nip } : {}) } } : {}),
    ...(own.kind ? { tanda_tangan: elektronik ? ('elektronik' as const) : ('basah' as const) } : {}),
    lists,
    pelaksana: actors,
    header,
    rows: sop.rows.map((r) => [String(r.no), r.kegiatan, r.pelaksana, r.kelengkapan, r.waktu, r.output, r.keterangan, r.lanjut]),
  };
}

/** What was read of one SOP, in one line: "nomor …, nama …, 5 pelaksana, 13 baris, 1 keputusan". */
export function summarize(sop: ImportedSop): string {
  const found = (['nomor', 'nama'] as const).filter((k) => sop[k]).map((k) => `${k} ${sop[k]}`);
  const dates = (['tanggal_pembuatan', 'tanggal_revisi', 'tanggal_efektif'] as const).filter((k) => sop[k]).length;
  const lists = LIST_KEYS.filter((k) => sop.lists[k]?.length).length;
  return [...found, `${dates} tanggal`, sop.signer?.nama ? `penandatangan ${sop.signer.nama}` : 'penandatangan tanpa nama', `${lists}/6 daftar`, `${sop.actors.length} pelaksana`, `${sop.rows.length} baris`, `${sop.decisions} keputusan`].join(', ');
}
