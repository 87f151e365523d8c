// The text of the files `sop mulai` and `sop baru` write. Pure: answers in, file text out.
// Every value an officer typed is written as a YAML double-quoted string (JSON is valid YAML),
// so a colon, a hash or a quote in a name can never change the document's structure.

/** A YAML double-quoted string (JSON is valid YAML): no value can change the document's structure. */
export const q = (s: string) => JSON.stringify(s);

export interface SopTemplate {
  nomor: string;
  nama: string;
  /** YYYY-MM-DD. */
  today: string;
  unit?: string;
}

/** A new SOP: a draft (never published) whose every field says what to write in it. */
export function sopTemplate(t: SopTemplate): string {
  return `---
# SOP baru. Ganti isi setiap isian di bawah; "sop check" menunjukkan yang masih salah.
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
  /** Folder name under content/, e.g. `diskominfo-balangan`. */
  instansi: string;
  /** e.g. `Pemerintah Kabupaten Balangan`. */
  pemerintah: string;
  /** e.g. `Dinas Komunikasi dan Informatika`. */
  nama: string;
  alamat?: string;
  /** Signer of every SOP (instansi.yml `disahkan_oleh`). */
  jabatan: string;
  pejabat: string;
  nip?: string;
}

/** What instansi.yml holds: `sop mulai`'s answers, or what `sop impor` read of an office. */
export interface InstansiFields extends Omit<OfficeAnswers, 'instansi' | 'jabatan' | 'pejabat'> {
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
  data: string;
}

/** Paths of sop-press's own files as the office's project sees them once installed. */
const PKG = 'node_modules/sop-press';

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
  return `# yaml-language-server: $schema=../../${PKG}/schemas/instansi.schema.json
# Identitas instansi dan penandatangan, berlaku untuk setiap SOP di folder ini.
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

export function officePackageJson(name: string, version: string, engines: string): string {
  const pkg = {
    name,
    private: true,
    description: 'Sumber SOP Administrasi Pemerintahan (sop-press)',
    engines: { node: engines },
    scripts: { check: 'sop check', build: 'sop build', book: 'sop book', site: 'sop site', pratinjau: 'sop pratinjau', monev: 'sop monev laporan' },
    dependencies: { 'sop-press': `^${version}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const GITIGNORE = `node_modules/
output/
*.log
`;

/** VS Code: schema mapping, `sop check` as a task whose findings reach the Problems panel. */
export function vscodeFiles(schemaDir: string): ScaffoldFile[] {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  // One matcher per severity: VS Code only knows English severity words.
  const matcher = (severity: 'error' | 'warning', word: string) => ({
    owner: 'sop',
    source: 'sop check',
    fileLocation: ['relative', '${workspaceFolder}'],
    severity,
    pattern: { regexp: `^\\s+(\\S.*?):(\\d+):(\\d+)\\s+${word}\\s+(.*?)\\s+([a-z0-9-]+)$`, file: 1, line: 2, column: 3, message: 4, code: 5 },
  });
  return [
    {
      path: '.vscode/settings.json',
      data: json({
        'yaml.schemas': { [`./${schemaDir}/instansi.schema.json`]: ['content/**/instansi.yml', 'content/**/instansi.yaml'], [`./${schemaDir}/monev.schema.json`]: ['content/**/monev/*.yml'] },
        'files.associations': { '*.md': 'markdown' },
        '[markdown]': { 'editor.wordWrap': 'off', 'files.trimTrailingWhitespace': false },
      }),
    },
    {
      path: '.vscode/tasks.json',
      data: json({
        version: '2.0.0',
        tasks: [
          {
            label: 'sop check',
            type: 'shell',
            command: 'npx sop check',
            options: { env: { NO_COLOR: '1' } },
            group: { kind: 'test', isDefault: true },
            presentation: { reveal: 'silent', clear: true },
            problemMatcher: [matcher('error', 'galat'), matcher('warning', 'peringatan')],
          },
          { label: 'sop build', type: 'shell', command: 'npx sop build', options: { env: { NO_COLOR: '1' } }, group: { kind: 'build', isDefault: true }, problemMatcher: [matcher('error', 'galat'), matcher('warning', 'peringatan')] },
          { label: 'sop pratinjau', type: 'shell', command: 'npx sop pratinjau', isBackground: true, problemMatcher: [] },
        ],
      }),
    },
    { path: '.vscode/extensions.json', data: json({ recommendations: ['redhat.vscode-yaml', 'yzhang.markdown-all-in-one'] }) },
  ];
}
