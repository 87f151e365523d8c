// Deterministic, realistic SOP sources for benchmarks and tests: 5–25 rows, 3–6 actors by
// default, some decisions with backward jumps, every row reaching the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTORS = ['Kepala Dinas', 'Sekretaris', 'Kepala Bidang', 'Kasubag Umum dan Kepegawaian', 'Kasubag Program', 'Kepala Seksi', 'Staf Pelaksana', 'Jabatan Fungsional'];
const VERBS = ['Menerima', 'Memeriksa', 'Mengolah', 'Menyusun', 'Mengirimkan', 'Membahas', 'Memverifikasi', 'Mengarsipkan', 'Mendisposisikan', 'Merekapitulasi'];
const OBJECTS = ['surat permohonan', 'data kinerja triwulan', 'draft laporan monitoring evaluasi kinerja', 'berkas usulan', 'dokumen rencana kerja', 'nota dinas', 'laporan kegiatan bidang', 'formulir isian'];
const UNITS = ['15 menit', '30 menit', '1 jam', '2 Jam', '1 hari', '2 hari', '3 hari', '1 Minggu'];
const DECISIONS: Array<[string, string]> = [['Ya', 'Tidak'], ['Lengkap', 'Tidak'], ['Setuju', 'Tidak']];

/** Ranges (inclusive) of a generated SOP; the defaults are the benchmark's. */
export interface SopShape {
  actors: [min: number, max: number];
  rows: [min: number, max: number];
}

export const BENCH_SHAPE: SopShape = { actors: [3, 6], rows: [5, 25] };

export interface GeneratedRow {
  kegiatan: string;
  actor: string;
  waktu: string;
  lanjut: string;
}

export function generateSop(rand: () => number, index: number, instansi: string, shape: SopShape = BENCH_SHAPE): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const between = ([min, max]: [number, number]) => min + Math.floor(rand() * (max - min + 1));
  const actorCount = between(shape.actors);
  if (actorCount > ACTORS.length) throw new Error(`generateSop: at most ${ACTORS.length} actors`);
  const actors = [...ACTORS].sort(() => rand() - 0.5).slice(0, actorCount);
  const n = between(shape.rows);
  const rows: GeneratedRow[] = [];
  for (let i = 1; i <= n; i++) {
    let lanjut = '';
    // A decision goes on to the next row or back to an earlier one: the flow always ends.
    if (i > 2 && i < n && rand() < 0.15) {
      const [yes, no] = pick(DECISIONS);
      lanjut = `${yes}: ${i + 1}; ${no}: ${1 + Math.floor(rand() * (i - 1))}`;
    }
    rows.push({ kegiatan: `${pick(VERBS)} ${pick(OBJECTS)}`, actor: pick(actors), waktu: pick(UNITS), lanjut });
  }
  const nomor = `${String(index + 1).padStart(3, '0')}/SOP/${instansi.toUpperCase()}/2024`;
  const lines = [
    '---',
    `nomor: ${nomor}`,
    `nama: Prosedur Uji Nomor ${index + 1}`,
    `unit: Bidang ${1 + (index % 4)}`,
    'tanggal_pembuatan: 2024-01-15',
    'tanggal_efektif: 2024-02-01',
    'dasar_hukum:',
    '  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah',
    '  - Peraturan Menteri PAN-RB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan SOP Administrasi Pemerintahan',
    'kualifikasi_pelaksana: [Memahami tugas dan fungsi, Mampu mengoperasikan komputer]',
    'keterkaitan: []',
    'peralatan_perlengkapan: [Komputer, ATK]',
    'peringatan: [Jika SOP tidak dilaksanakan maka pelayanan terhambat]',
    'pencatatan_pendataan: [Disimpan sebagai arsip elektronik dan manual]',
    `pelaksana: [${actors.join(', ')}]`,
    '---',
    '',
    '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |',
    '|---:|---|---|---|---|---|---|---|',
    ...rows.map((r, i) => `| ${i + 1} | ${r.kegiatan} | ${r.actor} | Berkas kerja | ${r.waktu} | Dokumen hasil langkah ${i + 1} | | ${r.lanjut} |`),
    '',
  ];
  return lines.join('\n');
}

/** Writes `count` SOPs (spread over 2 instansi) under `root/content/`. */
export function generateProject(root: string, count: number, seed = 42, shape: SopShape = BENCH_SHAPE): string[] {
  const rand = prng(seed);
  const files: string[] = [];
  const instansi = ['dinas-a', 'dinas-b'];
  for (const id of instansi) {
    mkdirSync(path.join(root, 'content', id), { recursive: true });
    writeFileSync(
      path.join(root, 'content', id, 'instansi.yml'),
      [`pemerintah: Pemerintah Kabupaten Contoh`, `nama: Dinas Contoh ${id.slice(-1).toUpperCase()}`, 'disahkan_oleh:', '  jabatan: Kepala Dinas', '  nama: Nama Pejabat, S.H.', '  nip: "196811171997031003"', ''].join('\n'),
    );
  }
  for (let i = 0; i < count; i++) {
    const id = instansi[i % instansi.length]!;
    const file = path.join(root, 'content', id, `bidang-${1 + (i % 4)}`, `sop-${String(i + 1).padStart(4, '0')}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, generateSop(rand, i, id, shape));
    files.push(file);
  }
  return files;
}

const LONG = [
  'dengan memperhatikan ketentuan peraturan perundang-undangan yang berlaku serta hasil koordinasi dengan unit kerja terkait',
  'kemudian menyampaikan hasilnya kepada atasan langsung untuk mendapatkan arahan lebih lanjut',
  'berdasarkan format yang telah ditetapkan dan jadwal yang disepakati bersama seluruh bidang',
];

/**
 * A harder flow for the flowchart suite: 2–8 actors, 5–40 rows, 0–6 decisions whose exits go
 * forward or back (often across pages), plain jumps both ways, early ends, long Kegiatan texts.
 * The flow always ends: every backward exit is paired with an exit to the following row.
 */
export function generateFlowSop(rand: () => number, index: number, instansi: string): string {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const actorCount = int(2, 8);
  const actors = [...ACTORS].sort(() => rand() - 0.5).slice(0, actorCount);
  const n = int(5, 40);
  const decisions = new Set<number>();
  const want = Math.min(int(0, 6), Math.max(0, n - 3));
  while (decisions.size < want) decisions.add(int(2, n - 1));
  const rows: GeneratedRow[] = [];
  let actor = pick(actors);
  for (let i = 1; i <= n; i++) {
    if (rand() < 0.65) actor = pick(actors);
    let lanjut = '';
    if (decisions.has(i)) {
      const [yes, no] = pick(DECISIONS);
      // One exit goes on (to the next row, or forward past a few), the other back or further on.
      const on = i + 1 < n && rand() < 0.25 ? int(i + 2, Math.min(n, i + 6)) : i + 1;
      let other = rand() < 0.65 ? int(1, i - 1) : int(i + 1, n);
      if (other === on) other = on === i + 1 ? Math.max(1, i - 1) : i + 1;
      lanjut = rand() < 0.5 ? `${yes}: ${on}; ${no}: ${other}` : `${no}: ${other}; ${yes}: ${on}`;
      // A forward skip must not strand the rows in between: they stay reachable through the
      // other rows' plain flow, and the flow still ends since `on` lies ahead.
    } else if (i < n && i > 1 && rand() < 0.06) lanjut = String(int(i + 2 <= n ? i + 2 : n, n));
    else if (i < n - 2 && rand() < 0.03) lanjut = 'selesai';
    const long = rand() < 0.3 ? ` ${pick(LONG)}` : '';
    rows.push({ kegiatan: `${pick(VERBS)} ${pick(OBJECTS)}${long}`, actor, waktu: pick(UNITS), lanjut });
  }
  const nomor = `${String(index + 1).padStart(3, '0')}/SOP/${instansi.toUpperCase()}/2025`;
  return [
    '---',
    `nomor: ${nomor}`,
    `nama: Alur Uji Nomor ${index + 1}`,
    'tanggal_pembuatan: 2025-01-15',
    'tanggal_efektif: 2025-02-01',
    'dasar_hukum: [Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah]',
    'kualifikasi_pelaksana: [Memahami tugas dan fungsi]',
    'keterkaitan: []',
    'peralatan_perlengkapan: [Komputer]',
    'peringatan: [Pelayanan terhambat]',
    'pencatatan_pendataan: [Arsip elektronik]',
    `pelaksana: [${actors.join(', ')}]`,
    '---',
    '',
    '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |',
    '|---:|---|---|---|---|---|---|---|',
    ...rows.map((r, i) => `| ${i + 1} | ${r.kegiatan} | ${r.actor} | Berkas kerja | ${r.waktu} | Hasil langkah ${i + 1} | | ${r.lanjut} |`),
    '',
  ].join('\n');
}
