// Bad input, one small edit of a valid SOP at a time: every case asserts the exact diagnostics
// (file, line:column, severity, rule id) an officer would see, and that nothing crashes.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/report.ts';
import { base, edit, INSTANSI, png, runCheck, SOP, SOP_PATH, type Files } from './helpers.ts';

const S = `content/${SOP_PATH}`;
const I = 'content/dinas/instansi.yml';
const K = 'content/dinas/kedua.md';

type Want = [file: string, line: number, column: number, ruleId: string, severity?: 'galat' | 'peringatan'];
interface Case {
  name: string;
  files: Files;
  want: Want[];
  /** Every pattern must match the message of the first diagnostic. */
  message?: RegExp[];
  hint?: RegExp;
  /** Each pattern must match the message of exactly one diagnostic. */
  all?: RegExp[];
}

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));
/** The base SOP with one edit. */
const sop = (from: string, to: string) => base(edit(SOP, from, to));
/** The base SOP with several edits. */
const sopN = (...pairs: Array<[string, string]>) => base(pairs.reduce((text, [from, to]) => edit(text, from, to), SOP));
const SIGNER = (nip: string) => `disahkan_oleh:\n  jabatan: Kepala Dinas\n  nama: Budi Santoso\n  nip: ${nip}\npelaksana: [`;
const HEAD = SOP.slice(0, SOP.indexOf('| No |'));
const TABLE_HEAD = '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |\n|---:|---|---|---|---|---|---|---|\n';
const row = (n: number, lanjut = '', actor = 'Sekretaris') => `| ${n} | Kegiatan ${n} | ${actor} | Berkas | 1 jam | Hasil ${n} | | ${lanjut} |`;
const table = (...rows: string[]) => base(HEAD + TABLE_HEAD + rows.join('\n') + '\n');
const ROW3 = '| 3 | Menandatangani laporan | Kepala Dinas | Laporan | 1 jam | Laporan sah | | |';
const DECISION = 'Lengkap: 3; Tidak: 1';
const DASAR = 'dasar_hukum:\n  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\n';

const BAD: Case[] = [
  // ── The file itself ───────────────────────────────────────────────────────────────────────
  { name: 'berkas kosong', files: base(''), want: [[S, 1, 1, 'berkas-kosong']] },
  { name: 'hanya spasi dan baris kosong', files: base('  \n\t\n   \n'), want: [[S, 1, 1, 'berkas-kosong']] },
  {
    name: 'gambar PNG bernama .md',
    files: base(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])),
    want: [[S, 1, 1, 'berkas-biner']],
    message: [/PNG/],
  },
  { name: 'byte NUL di tengah teks', files: base(bytes('---\nnomor: 001\nnama: A', [0], 'B\n')), want: [[S, 3, 8, 'berkas-biner']] },
  {
    name: 'Latin-1 "é" (bukan UTF-8)',
    files: base(bytes(SOP.slice(0, SOP.indexOf('nama: Pengujian Prosedur')), 'nama: Pengujian Prosedur Caf', [0xe9], SOP.slice(SOP.indexOf('\nunit:')))),
    want: [[S, 3, 29, 'bukan-utf8']],
    message: [/UTF-8/],
  },
  {
    // The column counts characters: "–" is three bytes but one column.
    name: 'Latin-1 setelah huruf UTF-8 multibita',
    files: base(bytes(SOP.slice(0, SOP.indexOf('nama: Pengujian Prosedur')), 'nama: Pengujian – Caf', [0xe9], SOP.slice(SOP.indexOf('\nunit:')))),
    want: [[S, 3, 22, 'bukan-utf8']],
  },
  {
    name: 'UTF-16 dari Notepad ("Unicode")',
    files: base(new Uint8Array([0xff, 0xfe, ...[...'---\nnomor: 1\n'].flatMap((c) => [c.charCodeAt(0), 0])])),
    want: [[S, 1, 1, 'bukan-utf8']],
    message: [/UTF-16/],
  },

  // ── Frontmatter fences ────────────────────────────────────────────────────────────────────
  { name: 'tanpa --- pembuka', files: base(SOP.slice(4)), want: [[S, 1, 1, 'frontmatter-tidak-ada']], hint: /`---` di baris pertama/ },
  { name: 'baris kosong sebelum --- pembuka', files: base(`\n${SOP}`), want: [[S, 1, 1, 'frontmatter-tidak-ada']], hint: /baris kosong/ },
  { name: 'tanpa --- penutup', files: sop('---\n\n| No', '\n| No'), want: [[S, 1, 1, 'frontmatter-tidak-tertutup']], hint: /sebelum tabel prosedur \(baris 22\)/ },
  {
    name: 'blok --- kedua (kunci setelah penutup)',
    files: sop('Kepala Dinas]\n---\n', 'Kepala Dinas]\n---\nunit: Sekretariat\n---\n'),
    want: [[S, 22, 1, 'frontmatter-ganda']],
    message: [/`unit`/],
  },
  {
    name: 'dua blok frontmatter berturut-turut',
    files: sop('Kepala Dinas]\n---\n', 'Kepala Dinas]\n---\n---\nstatus: draf\n---\n'),
    want: [[S, 23, 1, 'frontmatter-ganda']],
    message: [/`status`/],
  },
  { name: 'frontmatter kosong', files: base(`---\n---\n\n${TABLE_HEAD}${row(1)}\n`), want: [[S, 2, 1, 'yaml-bukan-objek']], message: [/kosong/] },
  { name: 'frontmatter berupa daftar', files: base(`---\n- nomor\n- nama\n---\n\n${TABLE_HEAD}${row(1)}\n`), want: [[S, 2, 1, 'yaml-bukan-objek']], message: [/daftar/] },
  { name: 'frontmatter berupa teks biasa', files: base(`---\nSOP pengujian\n---\n\n${TABLE_HEAD}${row(1)}\n`), want: [[S, 2, 1, 'yaml-bukan-objek']], message: [/teks biasa/] },

  // ── YAML syntax ───────────────────────────────────────────────────────────────────────────
  {
    name: 'indentasi butir daftar salah',
    files: sop('  - Perangkat Komputer', '  - Perangkat Komputer\n - Printer'),
    want: [[S, 16, 2, 'yaml-tidak-valid']],
    message: [/indentasi/],
  },
  { name: 'indentasi dengan tab', files: sop('  - Perangkat Komputer', '\t- Perangkat Komputer'), want: [[S, 15, 1, 'yaml-tidak-valid']], message: [/tab/] },
  {
    name: 'tanda kutip tidak ditutup (ditunjuk di pembukanya)',
    files: sop('nama: Pengujian Prosedur', 'nama: "Pengujian Prosedur'),
    want: [[S, 3, 7, 'yaml-tidak-valid']],
    message: [/tanda kutip/],
  },
  {
    name: 'kurung [ tidak ditutup',
    files: sop('pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]', 'pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas'),
    want: [[S, 20, 12, 'yaml-tidak-valid']],
    message: [/kurung/],
  },
  {
    name: 'titik dua di dalam nilai (nama: a: b)',
    files: sop('nama: Pengujian Prosedur', 'nama: a: b'),
    want: [[S, 3, 7, 'yaml-tidak-valid']],
    message: [/titik dua/],
    hint: /tanda kutip/,
  },
  { name: 'baris tanpa titik dua', files: sop('unit: Sekretariat', 'unit Sekretariat'), want: [[S, 4, 1, 'yaml-tidak-valid']], message: [/titik dua/] },
  { name: 'nilai tanpa nama kunci (: …)', files: sop('pelaksana: [', ': ['), want: [[S, 20, 3, 'yaml-tidak-valid']], message: [/tanpa nama kunci/] },
  { name: 'kunci ganda', files: sop('unit: Sekretariat', 'unit: Sekretariat\nnama: Lagi'), want: [[S, 5, 1, 'yaml-kunci-ganda']], message: [/`nama`/] },
  { name: 'alias YAML tak dikenal (*teks tanpa kutip)', files: sop('nama: Pengujian Prosedur', 'nama: *Pengujian'), want: [[S, 3, 7, 'yaml-tidak-valid']], message: [/alias/] },
  {
    name: 'bom alias YAML',
    files: sop('unit: Sekretariat', ['unit: Sekretariat', 'x0: &a0 [a, a, a, a, a, a, a, a, a, a]', ...Array.from({ length: 6 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n')),
    want: [[S, 6, 10, 'yaml-tidak-valid']],
  },

  // ── Schema: required keys, types, values ──────────────────────────────────────────────────
  { name: 'nomor tidak ada', files: sop('nomor: 001/SOP/TES/2024\n', ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`nomor`/] },
  { name: 'nama tidak ada', files: sop('nama: Pengujian Prosedur\n', ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`nama`/] },
  { name: 'tanggal_pembuatan tidak ada', files: sop('tanggal_pembuatan: 2024-05-08\n', ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`tanggal_pembuatan`/] },
  { name: 'dasar_hukum tidak ada', files: sop(DASAR, ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`dasar_hukum`/] },
  {
    name: 'kualifikasi_pelaksana tidak ada',
    files: sop('kualifikasi_pelaksana:\n  - Memiliki kemampuan pengolahan data\n', ''),
    want: [[S, 1, 1, 'wajib-diisi']],
    message: [/`kualifikasi_pelaksana`/],
  },
  { name: 'peralatan_perlengkapan tidak ada', files: sop('peralatan_perlengkapan:\n  - Perangkat Komputer\n', ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`peralatan_perlengkapan`/] },
  { name: 'peringatan tidak ada', files: sop('peringatan:\n  - Laporan tidak tersusun tepat waktu\n', ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`peringatan`/] },
  { name: 'pencatatan_pendataan tidak ada', files: sop('pencatatan_pendataan:\n  - Disimpan sebagai arsip\n', ''), want: [[S, 1, 1, 'wajib-diisi']], message: [/`pencatatan_pendataan`/] },
  {
    name: 'frontmatter hanya berisi nomor (setiap kunci wajib disebut)',
    files: base(`---\nnomor: 001/SOP/TES/2024\n---\n\n${TABLE_HEAD}${row(1)}\n`),
    want: Array.from({ length: 8 }, (): Want => [S, 1, 1, 'wajib-diisi']),
    all: ['nama', 'tanggal_pembuatan', 'dasar_hukum', 'kualifikasi_pelaksana', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan', 'tanggal_efektif'].map((k) => new RegExp(`\`${k}\``)),
  },
  { name: 'dasar_hukum: [] (daftar kosong)', files: sop(DASAR, 'dasar_hukum: []\n'), want: [[S, 9, 1, 'daftar-kosong']] },
  { name: 'dasar_hukum: tanpa butir', files: sop(DASAR, 'dasar_hukum:\n'), want: [[S, 9, 1, 'daftar-kosong']] },
  { name: 'peringatan: [] (daftar kosong)', files: sop('peringatan:\n  - Laporan tidak tersusun tepat waktu\n', 'peringatan: []\n'), want: [[S, 16, 1, 'daftar-kosong']] },
  { name: 'nama: tanpa isi', files: sop('nama: Pengujian Prosedur', 'nama:'), want: [[S, 3, 1, 'teks-kosong']], hint: /wajib diisi/ },
  { name: 'unit: tanpa isi (kunci pilihan)', files: sop('unit: Sekretariat', 'unit:'), want: [[S, 4, 1, 'teks-kosong']], hint: /hapus barisnya/ },
  { name: 'nama hanya spasi', files: sop('nama: Pengujian Prosedur', 'nama: "   "'), want: [[S, 3, 7, 'teks-kosong']] },
  { name: 'nomor berupa angka', files: sop('nomor: 001/SOP/TES/2024', 'nomor: 12'), want: [[S, 2, 8, 'tipe-salah']], hint: /tanda kutip/ },
  {
    name: 'dasar_hukum berupa teks, bukan daftar',
    files: sop(DASAR, 'dasar_hukum: Undang-Undang Nomor 23 Tahun 2014\n'),
    want: [[S, 9, 14, 'tipe-salah']],
    message: [/daftar/],
  },
  {
    name: 'kunci salah ketik dasar_hokum',
    files: sop('unit: Sekretariat', 'unit: Sekretariat\ndasar_hokum: []'),
    want: [[S, 5, 1, 'kunci-tak-dikenal']],
    message: [/`dasar_hokum`/, /Maksud Anda `dasar_hukum`\?/],
  },
  { name: 'status: berlaku!', files: sop('status: berlaku', 'status: berlaku!'), want: [[S, 5, 9, 'nilai-tak-dikenal']], message: [/berlaku, draf, digantikan, dicabut/] },
  { name: 'kertas: A3', files: sop('unit: Sekretariat', 'unit: Sekretariat\nkertas: A3'), want: [[S, 5, 9, 'nilai-tak-dikenal']], message: [/A4, F4/] },
  {
    name: 'pelaksana ditulis dua kali di daftar',
    files: sop('Kasubag Program, Kepala Dinas]', 'Kasubag Program, Kepala Dinas, Sekretaris]'),
    want: [[S, 20, 56, 'butir-ganda']],
    message: [/"Sekretaris"/],
  },
  { name: 'pelaksana: [] (daftar kosong)', files: sop('pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]', 'pelaksana: []'), want: [[S, 20, 1, 'daftar-kosong']] },
  {
    name: 'riwayat: tanggal salah di butir kedua',
    files: sop('unit: Sekretariat', 'unit: Sekretariat\nriwayat:\n  - { tanggal: 2024-05-08, uraian: Penetapan awal }\n  - { tanggal: 2024-13-01, uraian: Revisi }'),
    want: [[S, 7, 16, 'tanggal-tidak-valid']],
    message: [/butir ke-2 `riwayat`/],
  },

  // ── Dates ─────────────────────────────────────────────────────────────────────────────────
  { name: 'tanggal tidak ada di kalender (2024-02-30)', files: sop('tanggal_pembuatan: 2024-05-08', 'tanggal_pembuatan: 2024-02-30'), want: [[S, 6, 20, 'tanggal-tidak-valid']] },
  { name: 'tanggal hari dulu (08/05/2024): saran tanggal yang sama', files: sop('tanggal_pembuatan: 2024-05-08', 'tanggal_pembuatan: 08/05/2024'), want: [[S, 6, 20, 'tanggal-tidak-valid']], hint: /`tanggal_pembuatan: 2024-05-08`/ },
  { name: 'format tanggal "8 Mei 2024"', files: sop('tanggal_pembuatan: 2024-05-08', 'tanggal_pembuatan: 8 Mei 2024'), want: [[S, 6, 20, 'tanggal-tidak-valid']], hint: /TAHUN-BULAN-HARI/ },
  { name: 'efektif sebelum pembuatan', files: sop('tanggal_efektif: 2024-05-08', 'tanggal_efektif: 2024-05-01'), want: [[S, 8, 18, 'tanggal-urutan']] },
  { name: 'dicabut tanpa tanggal_dicabut (peringatan)', files: sop('status: berlaku', 'status: dicabut'), want: [[S, 5, 9, 'dicabut-tanpa-tanggal', 'peringatan']] },
  { name: 'dicabut dengan tanggal_dicabut', files: sop('status: berlaku', 'status: dicabut\ntanggal_dicabut: 2024-06-03'), want: [] },
  { name: 'tanggal_dicabut tidak ada di kalender', files: sop('status: berlaku', 'status: dicabut\ntanggal_dicabut: 2024-02-30'), want: [[S, 6, 18, 'tanggal-tidak-valid']] },
  { name: 'revisi sebelum pembuatan', files: sop('tanggal_revisi: null', 'tanggal_revisi: 2024-01-01'), want: [[S, 7, 17, 'tanggal-urutan']] },
  { name: 'tanggal_efektif tidak ada, status berlaku', files: sop('tanggal_efektif: 2024-05-08\n', ''), want: [[S, 1, 1, 'wajib-diisi']], hint: /status: draf/ },
  { name: 'tanggal_efektif: null, status berlaku', files: sop('tanggal_efektif: 2024-05-08', 'tanggal_efektif: null'), want: [[S, 8, 18, 'wajib-diisi']], message: [/tanggal_efektif/] },

  // ── Signer and NIP ────────────────────────────────────────────────────────────────────────
  { name: 'NIP 16 angka', files: sop('pelaksana: [', SIGNER('"1968111719970310"')), want: [[S, 23, 8, 'nip-tidak-valid']], message: [/18 angka/] },
  { name: 'NIP dengan tanggal lahir mustahil', files: sop('pelaksana: [', SIGNER('"19681317 199703 1 003"')), want: [[S, 23, 8, 'nip-tidak-valid']], message: [/tanggal lahir/i] },
  { name: 'NIP dengan angka jenis kelamin 3', files: sop('pelaksana: [', SIGNER('"19681117 199703 3 003"')), want: [[S, 23, 8, 'nip-tidak-valid']], message: [/jenis kelamin/] },
  { name: 'NIP berisi huruf', files: sop('pelaksana: [', SIGNER('"19681117 1997O3 1 003"')), want: [[S, 23, 8, 'nip-tidak-valid']] },
  { name: 'NIP salah di instansi.yml', files: base(SOP, edit(INSTANSI, '199703 1', '199713 1')), want: [[I, 7, 8, 'nip-tidak-valid']] },
  { name: 'disahkan_oleh tanpa jabatan', files: sop('pelaksana: [', 'disahkan_oleh:\n  nama: Budi Santoso\npelaksana: ['), want: [[S, 20, 1, 'wajib-diisi']], message: [/`jabatan`/] },
  { name: 'disahkan_oleh berupa teks', files: sop('pelaksana: [', 'disahkan_oleh: Kepala Dinas\npelaksana: ['), want: [[S, 20, 16, 'tipe-salah']], hint: /jabatan/ },
  { name: 'menggantikan_eksternal: ya (bukan true/false)', files: sop('unit: Sekretariat', 'unit: Sekretariat\nmenggantikan: 001/SOP/TES/2023\nmenggantikan_eksternal: ya'), want: [[S, 6, 25, 'tipe-salah']], hint: /`true`/ },
  { name: 'butir daftar berupa daftar', files: sop('  - Perangkat Komputer', '  - [Komputer, Printer]'), want: [[S, 15, 5, 'tipe-salah']], message: [/butir ke-1 `peralatan_perlengkapan`/] },
  { name: 'disahkan_oleh: tanpa isi', files: sop('pelaksana: [', 'disahkan_oleh:\npelaksana: ['), want: [[S, 20, 1, 'wajib-diisi']], hint: /instansi\.yml/ },
  { name: 'tidak ada disahkan_oleh di mana pun', files: base(SOP, 'pemerintah: Pemerintah Kabupaten Contoh\nnama: Dinas Contoh\n'), want: [[S, 1, 1, 'wajib-diisi']], message: [/disahkan_oleh/] },

  // ── instansi.yml ──────────────────────────────────────────────────────────────────────────
  { name: 'tidak ada instansi.yml', files: { [SOP_PATH]: SOP }, want: [[S, 1, 1, 'instansi-tidak-ada']] },
  { name: 'instansi.yml tanpa nama', files: base(SOP, edit(INSTANSI, 'nama: Dinas Komunikasi dan Informatika\n', '')), want: [[I, 1, 1, 'wajib-diisi']], hint: /instansi\.yml/ },
  { name: 'instansi.yml kosong', files: base(SOP, ''), want: [[I, 1, 1, 'yaml-bukan-objek']] },
  { name: 'instansi.yml berupa PDF', files: base(SOP, bytes('%PDF-1.4\n%', [0xe2, 0xe3, 0xcf, 0xd3])), want: [[I, 1, 1, 'berkas-biner']], message: [/PDF/] },
  { name: 'instansi.yml: kunci salah ketik', files: base(SOP, `${INSTANSI}kertass: F4\n`), want: [[I, 8, 1, 'kunci-tak-dikenal']], message: [/`kertas`/] },
  { name: 'instansi.yml: YAML rusak', files: base(SOP, edit(INSTANSI, '  nama: Wendi', '\tnama: Wendi')), want: [[I, 6, 1, 'yaml-tidak-valid']], message: [/^instansi\.yml/] },
  { name: 'berkas logo tidak ada', files: base(SOP, `${INSTANSI}logo: logo.png\n`), want: [[I, 8, 7, 'logo-tidak-ada']] },

  // ── Across SOPs ───────────────────────────────────────────────────────────────────────────
  {
    name: 'nomor ganda di dua SOP (keduanya ditandai)',
    files: { ...base(), 'dinas/kedua.md': edit(SOP, 'nama: Pengujian Prosedur', 'nama: Prosedur Kedua') },
    want: [[K, 2, 8, 'nomor-ganda'], [S, 2, 8, 'nomor-ganda']],
  },
  {
    // The second SOP's misspelt `nomor` is its one error: the first still finds it by name.
    name: 'SOP terkait yang nomornya salah ketik tetap ditemukan lewat namanya',
    files: {
      ...sop('keterkaitan: []', 'keterkaitan:\n  - Prosedur Kedua'),
      'dinas/kedua.md': edit(edit(SOP, 'nama: Pengujian Prosedur', 'nama: Prosedur Kedua'), 'nomor: 001/SOP/TES/2024', 'nomer: 002/SOP/TES/2024'),
    },
    want: [[K, 2, 1, 'kunci-tak-dikenal']],
  },
  {
    name: 'nama berkas sama di dua subfolder satu instansi',
    files: { 'dinas/instansi.yml': INSTANSI, 'dinas/a/pengujian.md': SOP, 'dinas/b/pengujian.md': edit(SOP, 'nomor: 001/SOP/TES/2024', 'nomor: 002/SOP/TES/2024') },
    want: [['content/dinas/a/pengujian.md', 1, 1, 'nama-berkas-ganda'], ['content/dinas/b/pengujian.md', 1, 1, 'nama-berkas-ganda']],
  },
  { name: 'menggantikan SOP yang tidak dikenal', files: sop('unit: Sekretariat', 'unit: Sekretariat\nmenggantikan: 001/SOP/TES/2023'), want: [[S, 5, 15, 'menggantikan-tak-dikenal']], hint: /menggantikan_eksternal/ },
  { name: 'menggantikan dirinya sendiri', files: sop('unit: Sekretariat', 'unit: Sekretariat\nmenggantikan: 001/SOP/TES/2024'), want: [[S, 5, 15, 'menggantikan-diri-sendiri']] },
  { name: 'menggantikan_eksternal tanpa menggantikan', files: sop('unit: Sekretariat', 'unit: Sekretariat\nmenggantikan_eksternal: true'), want: [[S, 5, 1, 'menggantikan-eksternal-tanpa-nomor']] },
  { name: 'keterkaitan eksternal kosong', files: sop('keterkaitan: []', 'keterkaitan:\n  - eksternal: ""'), want: [[S, 14, 16, 'teks-kosong']] },
  // One mistake, one message: "did you mean `eksternal`?", not also "`eksternal` is required".
  { name: 'keterkaitan dengan kunci salah eja', files: sop('keterkaitan: []', 'keterkaitan:\n  - eksternall: SOP Lain'), want: [[S, 14, 5, 'kunci-tak-dikenal']], all: [/Maksud Anda `eksternal`/] },
  { name: 'disahkan_oleh dengan jabatan salah eja', files: sop('pelaksana: [', 'disahkan_oleh:\n  jabatn: Kepala Dinas\n  nama: Budi Santoso\npelaksana: ['), want: [[S, 21, 3, 'kunci-tak-dikenal']], all: [/Maksud Anda `jabatan`/] },
  { name: 'keterkaitan dengan kunci lain (tanpa saran)', files: sop('keterkaitan: []', 'keterkaitan:\n  - nomor: 002/SOP/TES/2024'), want: [[S, 14, 5, 'wajib-diisi'], [S, 14, 5, 'kunci-tak-dikenal']] },
  { name: 'keterkaitan tak dikenal (peringatan saja)', files: sop('keterkaitan: []', 'keterkaitan:\n  - SOP Yang Belum Ditulis'), want: [[S, 14, 5, 'keterkaitan-tak-dikenal', 'peringatan']] },

  // ── The procedure table ───────────────────────────────────────────────────────────────────
  { name: 'tidak ada tabel', files: base(`${HEAD}Hanya teks, belum ada tabel.\n`), want: [[S, 22, 1, 'tabel-tidak-ada']] },
  { name: 'dua tabel', files: base(`${SOP}\nCatatan.\n\n| No | Kegiatan |\n|---|---|\n| 1 | x |\n`), want: [[S, 31, 1, 'tabel-ganda']] },
  { name: 'baris judul tanpa baris pemisah', files: sop('|---:|---|---|---|---|---|---|---|\n', ''), want: [[S, 23, 1, 'tabel-rusak']], hint: /baris pemisah/ },
  { name: 'jumlah kolom judul dan pemisah berbeda', files: sop('|---:|---|---|---|---|---|---|---|', '|---:|---|---|---|---|---|---|'), want: [[S, 23, 1, 'tabel-rusak']], message: [/8 kolom/, /memiliki 7/] },
  { name: 'tabel tanpa baris kegiatan', files: base(HEAD + TABLE_HEAD), want: [[S, 23, 1, 'tabel-kosong']] },
  { name: 'judul kolom tak dikenal (Wakut)', files: sop('| Waktu |', '| Wakut |'), want: [[S, 23, 45, 'kolom-tak-dikenal']], message: [/"Wakut"/, /Maksud Anda "Waktu"\?/] },
  { name: 'judul kolom kosong', files: sop('| Keterangan | Lanjut |', '|  | Lanjut |'), want: [[S, 23, 61, 'kolom-tak-dikenal']], message: [/ke-7 kosong/] },
  {
    name: 'kolom wajib Waktu tidak ada',
    files: base(HEAD + '| No | Kegiatan | Pelaksana | Kelengkapan | Output |\n|---|---|---|---|---|\n| 1 | Kegiatan 1 | Sekretaris | Berkas | Hasil 1 |\n'),
    want: [[S, 23, 1, 'kolom-wajib']],
    message: [/"Waktu"/],
  },
  { name: 'kolom ganda', files: sop('| Keterangan | Lanjut |', '| Keterangan | Output |'), want: [[S, 23, 75, 'kolom-ganda']] },
  { name: 'baris dengan sel kurang', files: sop(ROW3, '| 3 | Menandatangani laporan | Kepala Dinas | Laporan | 1 jam |'), want: [[S, 27, 64, 'tabel-sel-kurang']], message: [/5 sel/, /8 kolom/] },
  {
    name: 'judul tabel kurang satu kolom: satu galat di judul, bukan satu per baris',
    files: sop('| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |\n|---:|---|---|---|---|---|---|---|', '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan |\n|---:|---|---|---|---|---|---|'),
    want: [[S, 23, 1, 'tabel-judul-tidak-cocok']],
    message: [/7 kolom/, /setiap baris kegiatan memiliki 8 sel/],
  },
  { name: 'baris dengan sel lebih', files: sop(ROW3, `${ROW3} Catatan |`), want: [[S, 27, 83, 'tabel-sel-lebih']] },
  { name: 'No tidak berurutan', files: sop('| 3 | Menandatangani', '| 4 | Menandatangani'), want: [[S, 27, 3, 'nomor-urut']], message: [/seharusnya 3/] },
  { name: 'No kosong', files: sop('| 3 | Menandatangani', '|  | Menandatangani'), want: [[S, 27, 2, 'nomor-urut']], message: [/belum diisi/] },
  { name: 'Kegiatan kosong', files: sop('| Menandatangani laporan |', '|  |'), want: [[S, 27, 6, 'kegiatan-kosong']] },
  { name: 'Kegiatan terlalu panjang untuk satu halaman', files: sop('| Menandatangani laporan |', `| Menandatangani ${'laporan '.repeat(240)}|`), want: [[S, 27, 7, 'sel-terlalu-panjang']], message: [/kolom Kegiatan menjadi \d+ baris/, /tidak muat di satu halaman A4/, /lebih [\d.]+ mm/] },
  { name: 'Output terlalu panjang', files: sop('| Laporan sah |', `| ${'Laporan sah '.repeat(150)}|`), want: [[S, 27, 65, 'sel-terlalu-panjang']], message: [/kolom Output/] },
  { name: 'Pelaksana kosong', files: sop('| Kepala Dinas | Laporan | 1 jam', '|  | Laporan | 1 jam'), want: [[S, 27, 31, 'pelaksana-kosong']] },
  {
    name: 'pelaksana tak dikenal (Kepala Dinass)',
    files: sop('| Kepala Dinas | Laporan | 1 jam', '| Kepala Dinass | Laporan | 1 jam'),
    want: [[S, 27, 32, 'pelaksana-tak-dikenal']],
    message: [/"Kepala Dinass"/, /Maksud Anda "Kepala Dinas"\?/],
  },
  { name: 'dua pelaksana dalam satu sel', files: sop('| Kepala Dinas | Laporan | 1 jam', '| Sekretaris, Kepala Dinas | Laporan | 1 jam'), want: [[S, 27, 32, 'pelaksana-ganda']] },
  { name: 'Waktu "sebentar"', files: sop('| 1 jam |', '| sebentar |'), want: [[S, 27, 57, 'waktu-tidak-valid']], message: [/"sebentar"/] },
  { name: 'Waktu "15" tanpa satuan', files: sop('| 1 jam |', '| 15 |'), want: [[S, 27, 57, 'waktu-tidak-valid']], hint: /satuan/ },
  { name: 'Waktu kosong', files: sop('| 1 jam |', '|  |'), want: [[S, 27, 56, 'waktu-tidak-valid']], message: [/belum diisi/] },

  // ── Flow (Lanjut) ─────────────────────────────────────────────────────────────────────────
  { name: 'Lanjut ke baris yang tidak ada', files: sop(DECISION, 'Lengkap: 9; Tidak: 1'), want: [[S, 26, 93, 'lanjut-target-tidak-ada']], message: [/Baris 9/] },
  { name: 'Lanjut ke baris 0', files: sop('| Laporan sah | | |', '| Laporan sah | | 0 |'), want: [[S, 27, 81, 'lanjut-target-tidak-ada']] },
  { name: 'Lanjut ke dirinya sendiri', files: sop('| Format | | |', '| Format | | 1 |'), want: [[S, 25, 80, 'lanjut-ke-diri-sendiri']] },
  { name: 'keputusan dengan satu cabang', files: sop(DECISION, 'Lengkap: 3'), want: [[S, 26, 93, 'keputusan-dua-cabang']], message: [/tertulis 1/] },
  { name: 'keputusan dengan tiga cabang', files: sop(DECISION, 'Lengkap: 3; Tidak: 1; Ragu: 2'), want: [[S, 26, 93, 'keputusan-dua-cabang']], message: [/tertulis 3/] },
  { name: 'keputusan dipisah koma, bukan titik koma', files: sop(DECISION, 'Lengkap: 3, Tidak: 1'), want: [[S, 26, 93, 'keputusan-dua-cabang']], hint: /titik koma/ },
  { name: 'keputusan dengan label sama', files: sop(DECISION, 'Ya: 3; ya: 1'), want: [[S, 26, 93, 'keputusan-label-sama']] },
  {
    name: 'putaran tanpa akhir',
    files: sop('| Laporan sah | | |', '| Laporan sah | | 2 |'),
    want: [[S, 27, 81, 'alur-tanpa-akhir']],
    message: [/baris 1, 2, 3/],
  },
  { name: 'baris tak terjangkau (peringatan)', files: table(row(1, '3'), row(2), row(3)), want: [[S, 26, 3, 'alur-tak-terjangkau', 'peringatan']] },
  { name: 'isi Lanjut tak terbaca', files: sop(DECISION, 'kembali ke awal'), want: [[S, 26, 93, 'lanjut-tidak-valid']], hint: /selesai/ },
];

/** English or programmer noise that must never reach an officer. */
const NOT_INDONESIAN = /\b(must|should|undefined|NaN|expected|invalid|Error|null is)\b|\[object |\n\s+at /;

const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`;

describe('sop check: input yang salah', () => {
  it(`memuat sedikitnya 45 input salah yang berbeda (${BAD.length})`, () => {
    expect(BAD.length).toBeGreaterThanOrEqual(45);
    expect(new Set(BAD.map((c) => c.name)).size).toBe(BAD.length);
    const inputs = BAD.map((c) => JSON.stringify(Object.entries(c.files).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]])));
    expect(new Set(inputs).size).toBe(BAD.length);
  });

  it.each(BAD)('$name', ({ files, want, message, hint, all }) => {
    const { diagnostics, result } = runCheck(files);
    expect(diagnostics.map(show)).toEqual(want.map(([file, line, column, ruleId, severity = 'galat']) => `${file}:${line}:${column} ${severity} ${ruleId}`));
    const errors = want.some((w) => (w[4] ?? 'galat') === 'galat');
    expect(result.ok).toBe(!errors);
    if (errors) expect(result.sops.some((s) => s.path === diagnostics[0]!.file)).toBe(false);
    for (const d of diagnostics) {
      expect(d.hint, `${show(d)} tanpa saran`).toBeTruthy();
      expect(d.message).not.toMatch(NOT_INDONESIAN);
      expect(d.hint).not.toMatch(NOT_INDONESIAN);
    }
    for (const pattern of message ?? []) expect(diagnostics[0]!.message).toMatch(pattern);
    if (hint) expect(diagnostics[0]!.hint).toMatch(hint);
    for (const pattern of all ?? []) expect(diagnostics.filter((d) => pattern.test(d.message)), String(pattern)).toHaveLength(1);
  });
});

describe('sop check: input yang sah', () => {
  const clean = (files: Files) => {
    const { diagnostics, result } = runCheck(files);
    expect(diagnostics.map((d) => `${show(d)} ${d.message}`)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sops).toHaveLength(Object.keys(files).filter((f) => f.endsWith('.md')).length);
    return result.sops[0]!;
  };

  it('SOP dasar', () => {
    const s = clean(base());
    expect(s.steps.map((x) => x.symbol)).toEqual(['terminator', 'decision', 'terminator']);
    expect(s.disahkan_oleh.nip).toBe('196811171997031003');
  });

  it('berkas dengan BOM UTF-8', () => {
    const s = clean(base(bytes([0xef, 0xbb, 0xbf], SOP)));
    expect(s.nomor).toBe('001/SOP/TES/2024');
  });

  it('akhir baris CRLF (Windows), juga di instansi.yml', () => {
    const s = clean(base(SOP.replace(/\n/g, '\r\n'), INSTANSI.replace(/\n/g, '\r\n')));
    expect(s.nama).toBe('Pengujian Prosedur');
    expect(s.steps[2]!.kegiatan).toBe('Menandatangani laporan');
  });

  it('BOM dan CRLF: letak galat tetap sama dengan editor', () => {
    const bad = edit(SOP, '| Kepala Dinas | Laporan | 1 jam', '| Kepala Dinass | Laporan | 1 jam').replace(/\n/g, '\r\n');
    const { diagnostics } = runCheck(base(bytes([0xef, 0xbb, 0xbf], bad)));
    expect(diagnostics.map(show)).toEqual([`${S}:27:32 galat pelaksana-tak-dikenal`]);
    const yaml = edit(SOP, 'nomor: 001/SOP/TES/2024', 'nomor: 12').replace(/\n/g, '\r\n');
    expect(runCheck(base(bytes([0xef, 0xbb, 0xbf], yaml))).diagnostics.map(show)).toEqual([`${S}:2:8 galat tipe-salah`]);
  });

  it('prosa panjang (~19.000 karakter) di depan tabel', () => {
    const para = 'Prosedur ini mengatur pemantauan capaian kinerja internal dinas secara berkala dan terukur. '.repeat(10) + '\n\n';
    const prose = para.repeat(Math.floor(19_000 / para.length));
    const s = clean(base(HEAD + prose + SOP.slice(SOP.indexOf('| No |'))));
    expect(s.prose.length).toBeGreaterThan(18_000);
    expect(s.steps).toHaveLength(3);
  });

  it('tabel 500 baris (batas)', () => {
    const actors = ['Sekretaris', 'Kasubag Program', 'Kepala Dinas'];
    const rows = Array.from({ length: 500 }, (_, i) => row(i + 1, i === 249 ? 'Ya: 251; Tidak: 1' : '', actors[i % 3]));
    const s = clean(table(...rows));
    expect(s.steps).toHaveLength(500);
    expect(s.steps[0]!.symbol).toBe('terminator');
    expect(s.steps[249]!.symbol).toBe('decision');
    expect(s.steps[499]!.symbol).toBe('terminator');
    expect(s.steps.filter((x) => x.symbol === 'process')).toHaveLength(497);
  });

  it('prosa berisi <script> disimpan apa adanya (penyaringan tugas renderer)', () => {
    const s = clean(base(HEAD + 'Pengantar <script>alert(1)</script> prosedur.\n\n' + SOP.slice(SOP.indexOf('| No |')) + '\nPenutup.\n'));
    expect(s.prose).toContain('<script>alert(1)</script>');
    expect(s.prose).toContain('Penutup.');
    expect(s.prose).not.toContain('| No |');
  });

  it('alias judul kolom: Uraian Prosedur, Persyaratan, Ket', () => {
    const s = clean(sop('| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan |', '| NO | Uraian Prosedur | pelaksana | Persyaratan | Waktu | Output | Ket |'));
    expect(s.steps[0]!.kegiatan).toBe('Membuat format isian');
    expect(s.steps[0]!.kelengkapan).toBe('Format isian');
  });

  it('variasi Waktu: 2 Jam, 1 Minggu, 15 MENIT, 1,5 hari', () => {
    const s = clean(sopN(['| 15 menit |', '| 15 MENIT |'], ['| 1 hari |', '| 2 Jam |'], ['| 1 jam |', '| 1 Minggu |']));
    expect(s.steps.map((x) => [x.waktu.value, x.waktu.unit, x.waktu.text])).toEqual([[15, 'menit', '15 MENIT'], [2, 'jam', '2 Jam'], [1, 'minggu', '1 Minggu']]);
    expect(clean(sop('| 1 jam |', '| 1,5 hari |')).steps[2]!.waktu).toEqual({ value: 1.5, unit: 'hari', text: '1,5 hari' });
  });

  it('alur dengan lompatan mundur: simbol terminator, keputusan, proses', () => {
    const s = clean(table(row(1), row(2), row(3, 'Sesuai: 5; Tidak: 4'), row(4, '2'), row(5)));
    expect(s.steps.map((x) => x.symbol)).toEqual(['terminator', 'process', 'decision', 'process', 'terminator']);
    expect(s.steps[2]!.lanjut).toEqual({ kind: 'decision', exits: [{ label: 'Sesuai', to: 5 }, { label: 'Tidak', to: 4 }] });
    expect(s.steps[3]!.lanjut).toEqual({ kind: 'jump', to: 2 });
    const base2 = clean(base()).steps[1]!.lanjut;
    expect(base2).toEqual({ kind: 'decision', exits: [{ label: 'Lengkap', to: 3 }, { label: 'Tidak', to: 1 }] });
  });

  it('"selesai" di tengah tabel mengakhiri alur (terminator)', () => {
    const s = clean(table(row(1), row(2, 'Ya: 3; Tidak: 4'), row(3, 'selesai'), row(4)));
    expect(s.steps.map((x) => x.symbol)).toEqual(['terminator', 'decision', 'terminator', 'terminator']);
  });

  it('status draf tanpa tanggal_efektif', () => {
    const s = clean(sopN(['tanggal_efektif: 2024-05-08\n', ''], ['status: berlaku', 'status: draf']));
    expect(s.status).toBe('draf');
    expect(s.tanggal_efektif).toBeNull();
  });

  it('menggantikan SOP di luar content/ dengan menggantikan_eksternal: true', () => {
    const s = clean(sop('unit: Sekretariat', 'unit: Sekretariat\nmenggantikan: 001/SOP/TES/2023\nmenggantikan_eksternal: true'));
    expect(s.menggantikan).toBe('001/SOP/TES/2023');
  });

  it('menggantikan SOP lain yang ada di content/', () => {
    const old = sopN(['nomor: 001/SOP/TES/2024', 'nomor: 001/SOP/TES/2023'], ['status: berlaku', 'status: digantikan'])[SOP_PATH] as string;
    clean({ ...sop('unit: Sekretariat', 'unit: Sekretariat\nmenggantikan: 001/SOP/TES/2023'), 'dinas/lama.md': old });
  });

  it('NIP tanpa tanda kutip (angka YAML) tetap dibaca 18 angka', () => {
    const s = clean(sop('pelaksana: [', SIGNER('196811171997031003')));
    expect(s.disahkan_oleh.nip).toBe('196811171997031003');
  });

  it('berkas logo ada', () => {
    clean({ ...base(SOP, `${INSTANSI}logo: logo.png\n`), 'dinas/logo.png': png() });
  });

  it('prosa yang diawali "catatan:" bukan frontmatter ganda', () => {
    clean(sop('---\n\n| No', '---\n\ncatatan: prosedur ini ditinjau setiap tahun.\n\n| No'));
  });

  it('tanpa daftar pelaksana: kolom pelaksana menurut urutan kemunculan', () => {
    const s = clean(sop('pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]\n', ''));
    expect(s.pelaksana).toEqual(['Sekretaris', 'Kasubag Program', 'Kepala Dinas']);
  });

  it('keterkaitan eksternal (`- eksternal: <nama>`): tanpa peringatan, tidak dicari di content/', () => {
    const s = clean(sop('keterkaitan: []', 'keterkaitan:\n  - eksternal: SOP Penyusunan LKjIP (Bagian Organisasi Setda)\n  - { eksternal: "SOP Pengaduan: Tahap 2" }'));
    expect(s.keterkaitan).toEqual([
      { teks: 'SOP Penyusunan LKjIP (Bagian Organisasi Setda)', eksternal: true },
      { teks: 'SOP Pengaduan: Tahap 2', eksternal: true },
    ]);
  });

  it('keterkaitan dicari di antara SOP pemerintah yang sama saja: judul sama di pemerintah lain tidak tertaut', () => {
    const other = (pemerintah: string) => ({
      'lain/instansi.yml': INSTANSI.replace('Pemerintah Kabupaten Contoh', pemerintah),
      'lain/data.md': sopN(['nomor: 001/SOP/TES/2024', 'nomor: 009/SOP/LAIN/2024'], ['nama: Pengujian Prosedur', 'nama: Pengumpulan Data Kinerja'])[SOP_PATH] as string,
    });
    const asking = sop('keterkaitan: []', 'keterkaitan:\n  - SOP Pengumpulan Data Kinerja\n  - 009/SOP/LAIN/2024');
    const elsewhere = runCheck({ ...asking, ...other('Pemerintah Kabupaten Way Kanan') });
    expect(elsewhere.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([
      [S, 14, 'keterkaitan-tak-dikenal'],
      [S, 15, 'keterkaitan-tak-dikenal'],
    ]);
    expect(elsewhere.diagnostics[0]!.message).toMatch(/di antara SOP Pemerintah Kabupaten Contoh/);
    // Another office of the same government (spelled with other spaces and capitals): found.
    expect(runCheck({ ...asking, ...other('PEMERINTAH  Kabupaten Contoh') }).diagnostics).toEqual([]);
  });

  it('keterkaitan tak dikenal hanya peringatan: SOP tetap sah', () => {
    const { diagnostics, result } = runCheck(sop('keterkaitan: []', 'keterkaitan:\n  - SOP Yang Belum Ditulis'));
    expect(diagnostics.map((d) => d.severity)).toEqual(['peringatan']);
    expect(result.ok).toBe(true);
    expect(result.sops).toHaveLength(1);
  });
});

describe('sop check: input acak tidak pernah membuat program crash', () => {
  // Deterministic: a fixed seed, small random edits of the base SOP and instansi.yml.
  it('400 suntingan acak: tanpa galat-internal, setiap temuan punya letak dan saran', () => {
    let seed = 20240508;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const pieces = ['---', '\n', ':', ': ', ' ', '|', '-', '"', "'", '[', ']', '{', '}', '#', '*', '&', '!', '\t', '\r\n', '0', '9', 'Ya: 2; Tidak: 1', 'selesai', 'é', '\ufeff', '\u0000', '| x |', '|---|', '  - ', 'nomor: ', '%', '@', '`', '>', '?', '\\'];
    const seen = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const target = random() < 0.8 ? 'sop' : 'instansi';
      let text = target === 'sop' ? SOP : INSTANSI;
      for (let e = 1 + Math.floor(random() * 3); e > 0; e--) {
        const at = Math.floor(random() * text.length);
        const r = random();
        if (r < 0.45) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (r < 0.75) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
        else {
          const from = Math.floor(random() * text.length);
          text = text.slice(0, at) + text.slice(from, from + 16) + text.slice(at);
        }
      }
      const files = target === 'sop' ? base(text) : base(SOP, text);
      const { diagnostics } = runCheck(files);
      for (const d of diagnostics) {
        seen.add(d.ruleId);
        const source = files[d.file.replace(/^content\//, '')] as string;
        const lineCount = source.replace(/\r\n?/g, '\n').split('\n').length;
        expect(d.ruleId, JSON.stringify(text)).not.toBe('galat-internal');
        expect(d.hint, `${show(d)} ${JSON.stringify(text)}`).toBeTruthy();
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(lineCount);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message).not.toMatch(NOT_INDONESIAN);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  }, 60_000);
});
