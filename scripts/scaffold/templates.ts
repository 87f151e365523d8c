// The text of the files `sop mulai` and `sop baru` write. Pure: answers in, file text out.
// Every value an officer typed is written as a YAML double-quoted string (JSON is valid YAML),
// so a colon, a hash or a quote in a name can never change the document's structure.

import path from 'node:path';
import { WATCH_BEGINS, WATCH_ENDS } from '../diagnostics/format.ts';

/** A YAML double-quoted string (JSON is valid YAML): no value can change the document's structure. */
export const q = (s: string) => JSON.stringify(s);

/** Paths of sop-press's own files as the office's project sees them once installed. */
const PKG = 'node_modules/sop-press';

export interface SopTemplate {
  nomor: string;
  nama: string;
  /** YYYY-MM-DD. */
  today: string;
  unit?: string;
  /** The SOP schema relative to the file (schemaFrom): completion in editors that read the line. */
  schema?: string;
}

/** The installed SOP schema as seen from the folder `dir` (relative to the project root). */
export function schemaFrom(dir: string): string {
  return path.posix.relative(dir, `${PKG}/schemas/sop.schema.json`);
}

/** A new SOP: a draft (never published) whose every field says what to write in it. */
export function sopTemplate(t: SopTemplate): string {
  return `---
${t.schema ? `# yaml-language-server: $schema=${t.schema}\n` : ''}# SOP baru. Ganti isi setiap isian di bawah; "sop check" menunjukkan yang masih salah.
# Status draf: dicetak bertanda DRAF dan tidak diterbitkan di situs. Setelah disahkan,
# ubah menjadi "status: berlaku" dan isi tanggal_efektif (format TTTT-BB-HH).
nomor: ${q(t.nomor)}
nama: ${q(t.nama)}
${t.unit ? `unit: ${q(t.unit)}\n` : ''}status: draf
tanggal_pembuatan: ${t.today}
tanggal_revisi: null
tanggal_efektif: null
dasar_hukum:
  - Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan
kualifikasi_pelaksana:
  - Memahami tugas dan fungsi unit kerja
keterkaitan: []
peralatan_perlengkapan:
  - Komputer
peringatan:
  - Jika SOP ini tidak dilaksanakan, layanan tidak selesai tepat waktu
pencatatan_pendataan:
  - Disimpan sebagai arsip unit kerja
pelaksana: [Pelaksana, Kepala Subbagian, Kepala Dinas]
---

| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |
|---:|---|---|---|---|---|---|---|
| 1 | Menerima dan mencatat permohonan | Pelaksana | Formulir permohonan | 15 menit | Permohonan tercatat | | |
| 2 | Memeriksa kelengkapan berkas | Kepala Subbagian | Berkas permohonan | 1 jam | Berkas diperiksa | | Lengkap: 3; Tidak: 1 |
| 3 | Menyetujui dan menandatangani | Kepala Dinas | Berkas lengkap | 1 hari | Surat ditandatangani | | |
| 4 | Menyampaikan hasil dan mengarsipkan | Pelaksana | Surat | 30 menit | Arsip | | selesai |
`;
}

export interface OfficeAnswers {
  /** Folder name under content/, e.g. `dpmptsp-balangan`. */
  instansi: string;
  /** e.g. `Pemerintah Kabupaten Balangan`. */
  pemerintah: string;
  /** e.g. `Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu`. */
  nama: string;
  /** The office's acronym, e.g. `DPMPTSP`. */
  singkatan: string;
  /** SOP numbering pattern, e.g. `500.16/{nomor}/SOP/{singkatan}/{tahun}` (scaffold/nomor.ts). */
  pola: string;
  alamat?: string;
  /** Signer of every SOP (instansi.yml `disahkan_oleh`). */
  jabatan: string;
  pejabat: string;
  nip?: string;
}

/** What instansi.yml holds: `sop mulai`'s answers, or what `sop impor` read of an office. */
export interface InstansiFields extends Omit<OfficeAnswers, 'instansi' | 'jabatan' | 'pejabat' | 'singkatan' | 'pola'> {
  /** Left out (no disahkan_oleh) when the SOPs name their own signers. */
  jabatan?: string;
  /** The signer's name; null: written by hand at signing. */
  pejabat?: string | null;
  pangkat?: string;
  /** Defaults `sop mulai` writes with a comment: A4, basah. */
  kertas?: 'A4' | 'F4';
  tanda_tangan?: 'basah' | 'elektronik';
  /** The office's own identity labels, where they differ from the defaults. */
  label_identitas?: Record<string, string>;
  teks_terminator?: boolean;
  /** Comment lines written under the schema line (where the values came from). */
  comments?: string[];
}

export interface ScaffoldFile {
  path: string;
  /** Text, or the bytes of a copied file (the vendored tarball). */
  data: string | Uint8Array;
}


const comment = (lines: readonly string[] = []) => lines.map((l) => `# ${l}\n`).join('');

export function instansiYml(a: InstansiFields): string {
  const signer =
    a.jabatan === undefined
      ? ''
      : `disahkan_oleh:
  jabatan: ${q(a.jabatan)}
  nama: ${a.pejabat === null || a.pejabat === undefined ? 'null' : q(a.pejabat)}
${a.pangkat ? `  pangkat: ${q(a.pangkat)}\n` : ''}${a.nip ? `  nip: ${q(a.nip)}\n` : ''}`;
  const labels = Object.entries(a.label_identitas ?? {});
  // No $schema line: .vscode/settings.json maps the schema to every instansi.yml at any depth,
  // where a relative path written here would break in a copy one folder deeper.
  return `# Identitas instansi dan penandatangan, berlaku untuk setiap SOP di folder ini.
${comment(a.comments)}pemerintah: ${q(a.pemerintah)}
nama: ${q(a.nama)}
${a.alamat ? `alamat: ${q(a.alamat)}\n` : ''}kertas: ${a.kertas ?? 'A4'}
${a.tanda_tangan ? `tanda_tangan: ${a.tanda_tangan}` : 'tanda_tangan: basah   # atau: elektronik (TTE BSrE)'}
${signer}${labels.length ? `label_identitas:\n${labels.map(([k, v]) => `  ${k}: ${q(v)}\n`).join('')}` : ''}${a.teks_terminator ? 'teks_terminator: true\n' : ''}# Monitoring (tiap semester) dan evaluasi SOP, Permenpan-RB 35/2012: cetak formulirnya dengan
# "sop monev formulir", catat hasilnya di monev/<tahun>-<semester>.yml; sop check mengingatkan
# bila monitoring semester lalu atau evaluasi tahunan belum dicatat.
monev:
  tenggang_hari: 30     # hari setelah semester berakhir
  evaluasi_bulan: 12    # setiap SOP dievaluasi paling lambat sekali setahun
`;
}

/** One SOP source in full: what `sop impor` writes. Lines of keys and table rows are returned for messages. */
export interface SopSourceFields {
  comments?: string[];
  nomor: string;
  nama: string;
  unit?: string;
  status: 'berlaku' | 'draf';
  tanggal_pembuatan: string | null;
  tanggal_revisi: string | null;
  tanggal_efektif: string | null;
  disahkan_oleh?: { jabatan: string; nama: string | null; pangkat?: string; nip?: string };
  tanda_tangan?: 'basah' | 'elektronik';
  kertas?: 'A4' | 'F4';
  lists: Record<'dasar_hukum' | 'kualifikasi_pelaksana' | 'keterkaitan' | 'peralatan_perlengkapan' | 'peringatan' | 'pencatatan_pendataan', string[]>;
  pelaksana: string[];
  /** The table: its header words and rows, eight cells each (No … Lanjut). */
  header: string[];
  rows: string[][];
}

export interface WrittenSource {
  text: string;
  /** 1-based line of each frontmatter key written. */
  keyLines: Record<string, number>;
  /** 1-based line of each table row, in order. */
  rowLines: number[];
}

/** A table cell: one line, `|` escaped. */
const cellText = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

export function sopSource(f: SopSourceFields): WrittenSource {
  const lines: string[] = ['---'];
  const keyLines: Record<string, number> = {};
  const key = (k: string, text: string) => {
    keyLines[k] = lines.length + 1;
    lines.push(text);
  };
  for (const c of f.comments ?? []) lines.push(`# ${c}`);
  key('nomor', `nomor: ${q(f.nomor)}`);
  key('nama', `nama: ${q(f.nama)}`);
  if (f.unit) key('unit', `unit: ${q(f.unit)}`);
  key('status', `status: ${f.status}`);
  const date = (v: string | null) => (v === null ? 'null' : v);
  key('tanggal_pembuatan', `tanggal_pembuatan: ${date(f.tanggal_pembuatan)}`);
  key('tanggal_revisi', `tanggal_revisi: ${date(f.tanggal_revisi)}`);
  key('tanggal_efektif', `tanggal_efektif: ${date(f.tanggal_efektif)}`);
  if (f.disahkan_oleh) {
    const s = f.disahkan_oleh;
    key('disahkan_oleh', 'disahkan_oleh:');
    lines.push(`  jabatan: ${q(s.jabatan)}`, `  nama: ${s.nama === null ? 'null' : q(s.nama)}`);
    if (s.pangkat) lines.push(`  pangkat: ${q(s.pangkat)}`);
    if (s.nip) lines.push(`  nip: ${q(s.nip)}`);
  }
  if (f.tanda_tangan) key('tanda_tangan', `tanda_tangan: ${f.tanda_tangan}`);
  if (f.kertas) key('kertas', `kertas: ${f.kertas}`);
  for (const [k, items] of Object.entries(f.lists)) {
    key(k, items.length ? `${k}:` : `${k}: []`);
    for (const item of items) lines.push(`  - ${q(item)}`);
  }
  if (f.pelaksana.length) key('pelaksana', `pelaksana: [${f.pelaksana.map(q).join(', ')}]`);
  lines.push('---', '', `| ${f.header.map(cellText).join(' | ')} |`, `|---:|${f.header.slice(1).map(() => '---').join('|')}|`);
  const rowLines: number[] = [];
  for (const r of f.rows) {
    rowLines.push(lines.length + 1);
    lines.push(`| ${r.map(cellText).join(' | ')} |`.replace(/ {2,}\|/g, ' |'));
  }
  return { text: `${lines.join('\n')}\n`, keyLines, rowLines };
}

/**
 * The office's commands as npm scripts (`npm run cek` …): npm runs them from the project's own
 * node_modules/.bin in the project's root, wherever it is typed, and never asks the registry
 * for a package named `sop` (as `npx sop` does outside the project).
 */
export const OFFICE_SCRIPTS: Readonly<Record<string, string>> = {
  cek: 'sop check',
  pantau: 'sop check --pantau',
  pratinjau: 'sop pratinjau',
  baru: 'sop baru',
  bangun: 'sop build',
  buku: 'sop book',
  situs: 'sop site',
  impor: 'sop impor',
  ttd: 'sop ttd',
  formulir: 'sop monev formulir',
  laporan: 'sop monev laporan',
};

/** `dependency`: how sop-press is installed (scaffold/install-spec.ts). */
export function officePackageJson(name: string, dependency: string, engines: string): string {
  const pkg = {
    name,
    private: true,
    description: 'Sumber SOP Administrasi Pemerintahan (sop-press)',
    engines: { node: engines },
    scripts: OFFICE_SCRIPTS,
    dependencies: { 'sop-press': dependency },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const GITIGNORE = `node_modules/
output/
*.log
`;

/**
 * VS Code: schema mapping, `sop check --pantau` as a background task that starts with the folder
 * and keeps the Problems panel current for every save (the `.md` files too, with no extension),
 * `sop check`/`sop build` tasks, snippets for a new SOP, a table row and a decision.
 */
export function vscodeFiles(schemaDir: string): ScaffoldFile[] {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  // One matcher per severity: VS Code only knows English severity words.
  const matcher = (severity: 'error' | 'warning', word: string, background = false) => ({
    owner: 'sop',
    source: 'sop check',
    fileLocation: ['relative', '${workspaceFolder}'],
    severity,
    pattern: { regexp: `^\\s+(\\S.*?):(\\d+):(\\d+)\\s+${word}\\s+(.*?)\\s+([a-z0-9-]+)$`, file: 1, line: 2, column: 3, message: 4, code: 5 },
    ...(background ? { background: { activeBegin: true, beginsPattern: WATCH_BEGINS, endsPattern: WATCH_ENDS } } : {}),
  });
  const matchers = (background = false) => [matcher('error', 'galat', background), matcher('warning', 'peringatan', background)];
  const noColor = { env: { NO_COLOR: '1' } };
  // `npx --no`: the project's own sop, never a package named `sop` from the registry (a task
  // run before `npm install` fails with npm's message instead of offering a stranger's program).
  return [
    {
      path: '.vscode/settings.json',
      data: json({
        // Every instansi.yml, at any depth (a copy in a sub-folder too), gets the schema's
        // Indonesian descriptions and messages.
        'yaml.schemas': { [`./${schemaDir}/instansi.schema.json`]: ['**/instansi.yml', '**/instansi.yaml'], [`./${schemaDir}/monev.schema.json`]: ['content/**/monev/*.yml'] },
        'files.associations': { '*.md': 'markdown' },
        '[markdown]': { 'editor.wordWrap': 'off', 'files.trimTrailingWhitespace': false, 'editor.tabCompletion': 'on', 'editor.quickSuggestions': { other: true, comments: false, strings: false } },
      }),
    },
    {
      path: '.vscode/tasks.json',
      data: json({
        version: '2.0.0',
        tasks: [
          {
            label: 'sop pantau',
            type: 'shell',
            command: 'npx --no sop check --pantau',
            options: noColor,
            isBackground: true,
            runOptions: { runOn: 'folderOpen' },
            presentation: { reveal: 'never', panel: 'dedicated', clear: false },
            problemMatcher: matchers(true),
          },
          {
            label: 'sop check',
            type: 'shell',
            command: 'npx --no sop check',
            options: noColor,
            group: { kind: 'test', isDefault: true },
            presentation: { reveal: 'silent', clear: true },
            problemMatcher: matchers(),
          },
          { label: 'sop build', type: 'shell', command: 'npx --no sop build', options: noColor, group: { kind: 'build', isDefault: true }, problemMatcher: matchers() },
          { label: 'sop pratinjau', type: 'shell', command: 'npx --no sop pratinjau --buka', isBackground: true, problemMatcher: [] },
        ],
      }),
    },
    { path: '.vscode/sop.code-snippets', data: json(SNIPPETS) },
    { path: '.vscode/extensions.json', data: json({ recommendations: ['redhat.vscode-yaml', 'yzhang.markdown-all-in-one'] }) },
  ];
}

/** Snippets for the `.md` files: type the prefix, then Tab; Tab again moves to the next field. */
const SNIPPETS = {
  'SOP baru': {
    scope: 'markdown',
    prefix: 'sop-baru',
    description: 'Kerangka SOP lengkap: frontmatter dan tabel prosedur',
    body: [
      '---',
      'nomor: "${1:001/SOP/SINGKATAN/2026}"',
      'nama: "${2:Nama SOP}"',
      'status: draf',
      'tanggal_pembuatan: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
      'tanggal_revisi: null',
      'tanggal_efektif: null',
      'dasar_hukum:',
      '  - ${4:Peraturan …}',
      'kualifikasi_pelaksana:',
      '  - ${5:Memahami tugas dan fungsi unit kerja}',
      'keterkaitan: []',
      'peralatan_perlengkapan:',
      '  - ${6:Komputer}',
      'peringatan:',
      '  - ${7:Jika SOP ini tidak dilaksanakan, …}',
      'pencatatan_pendataan:',
      '  - ${8:Disimpan sebagai arsip unit kerja}',
      'pelaksana: [${9:Pelaksana, Kepala Subbagian}]',
      '---',
      '',
      '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |',
      '|---:|---|---|---|---|---|---|---|',
      '| 1 | ${10:Kegiatan pertama} | ${11:Pelaksana} | ${12:Kelengkapan} | ${13:15 menit} | ${14:Output} | | |',
      '$0',
    ],
  },
  'Baris prosedur': {
    scope: 'markdown',
    prefix: 'sop-baris',
    description: 'Satu baris tabel prosedur (satu kegiatan)',
    body: ['| ${1:No} | ${2:Kegiatan} | ${3:Pelaksana} | ${4:Kelengkapan} | ${5:Waktu} | ${6:Output} | ${7} | ${8} |'],
  },
  'Baris keputusan': {
    scope: 'markdown',
    prefix: 'sop-keputusan',
    description: 'Baris keputusan: kolom Lanjut menyebut baris tujuan setiap jawaban',
    body: ['| ${1:No} | ${2:Memeriksa kelengkapan berkas} | ${3:Pelaksana} | ${4:Berkas} | ${5:15 menit} | ${6:Berkas diperiksa} | ${7} | ${8:Lengkap}: ${9:nomor baris}; ${10:Tidak lengkap}: ${11:nomor baris} |'],
  },
};
