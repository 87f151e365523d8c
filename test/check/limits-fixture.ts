// The largest SOP `sop check` accepts: every identity field at its character bound, written in
// wide capitals (W, the worst case for the layout), and procedure rows as tall as the check lets
// them be (found by asking the check itself: one character more is refused). The PDF suite prints
// it (it must fit), the check suite pushes each field one character past its bound.
import { LIMITS } from '../../scripts/parse/bounds.ts';
import { runCheck, type Files } from './helpers.ts';

/** `n` characters of wide capitals, with a space every eighth so text can wrap as words do. */
export const wide = (n: number) => Array.from({ length: n }, (_, i) => (i % 8 === 7 && i < n - 1 ? ' ' : 'W')).join('');

/** Character bounds of the identity fields (schemas/*.json). */
export const LIMIT = {
  nomor: 100,
  nama: 120,
  unit: 150,
  pemerintah: 150,
  instansi: 100,
  alamat: 250,
  jabatan: 300,
  penandatangan: 60,
  pangkat: 40,
  item: 500,
  items: 40,
} as const;

export interface MaxedOptions {
  tandaTangan: 'basah' | 'elektronik';
  kertas: 'A4' | 'F4';
  rows: number;
  /** Number of actors, each named with a long real-looking name. */
  actors: number;
  /**
   * How the identity lists fill the frontmatter (LIMITS.yamlChars bounds them together; the
   * identity part continues on further sheets): evenly at the item limit, one list at its item
   * limits (the tallest column, over several sheets), or every list at the item count limit
   * with one-word items.
   */
  lists?: 'spread' | 'one' | 'many';
  status?: 'berlaku' | 'draf' | 'dicabut';
}

/** Text cells of a row grown together, `k` characters in Kegiatan and the others in proportion to their columns. */
export interface RowSize {
  /** Every row but the last. */
  middle: number;
  /** The last row, which shares its page with the signature block. */
  last: number;
}

/**
 * Real actor names: a long one up to 8 actors; with 12 (11.9 mm columns on A4, headers at 8 pt)
 * a shorter one, since twelve long names leave the last page no room beside the widest
 * signature block (the check says so: test/check/limits.test.ts).
 */
const actorName = (i: number, count: number) => `${String.fromCharCode(65 + i)} ${count > 8 ? 'Kasubag Perencanaan' : 'Kepala Sub Bagian Perencanaan dan Keuangan'}`;

export function maxedInstansi(): string {
  return [
    `pemerintah: ${wide(LIMIT.pemerintah)}`,
    `nama: ${wide(LIMIT.instansi)}`,
    `alamat: ${wide(LIMIT.alamat)}`,
    'disahkan_oleh:',
    `  jabatan: ${wide(LIMIT.jabatan)}`,
    `  nama: ${wide(LIMIT.penandatangan)}`,
    `  pangkat: ${wide(LIMIT.pangkat)}`,
    '  nip: "19681117 199703 1 003"',
    '',
  ].join('\n');
}

const row = (no: number, k: number, actor: string, lanjut: string) =>
  `| ${no} | ${wide(k)} | ${actor} | ${wide(Math.max(1, Math.round(k * 0.6)))} | 30 (tiga puluh) menit | ${wide(Math.max(1, Math.round(k * 0.55)))} | ${wide(Math.round(k * 0.35))} | ${lanjut} |`;

export function maxedSop({ tandaTangan, kertas, rows, actors: count, lists = 'spread', status = 'berlaku' }: MaxedOptions, size: RowSize = { middle: 1, last: 1 }): string {
  // The lists get what the frontmatter's bound leaves after the other fields (under 2,000 characters).
  const budget = LIMITS.yamlChars - 4_000;
  const items = (count: number, size: number) => Array.from({ length: count }, () => `  - ${wide(size)}`);
  const list = (key: string, i: number) => [
    `${key}:`,
    ...(lists === 'many'
      ? items(LIMIT.items, 1)
      : lists === 'one'
        ? i === 0 ? items(LIMIT.items, LIMIT.item) : ['  - W']
        : items(Math.floor(budget / 6 / (LIMIT.item + 5)), LIMIT.item)),
  ];
  const actors = Array.from({ length: count }, (_, i) => actorName(i, count));
  const header = ['---', `nomor: ${wide(LIMIT.nomor)}`, `nama: ${wide(LIMIT.nama)}`, `unit: ${wide(LIMIT.unit)}`, 'tanggal_pembuatan: 2024-05-08', 'tanggal_efektif: 2024-05-08',
    ...(status === 'berlaku' ? [] : [`status: ${status}`, ...(status === 'dicabut' ? ['tanggal_dicabut: 2025-01-02'] : [])]),
    `kertas: ${kertas}`, `tanda_tangan: ${tandaTangan}`,
    ...['dasar_hukum', 'kualifikasi_pelaksana', 'keterkaitan', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan'].flatMap(list),
    `pelaksana: [${actors.join(', ')}]`, '---', '',
    '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |', '|---|---|---|---|---|---|---|---|'];
  const body = Array.from({ length: rows }, (_, i) => {
    const no = i + 1;
    // A real long label; in twelve 12 mm columns it needs four lines at 8 pt, and is refused.
    const [yes, no_] = count > 8 ? ['Lengkap', 'Tidak'] : ['Tidak Memenuhi Syarat', 'Memenuhi Syarat'];
    const lanjut = no === 2 && rows > 2 ? `${yes}: ${no + 1}; ${no_}: 1` : '';
    return row(no, no === rows ? size.last : size.middle, actors[i % actors.length]!, lanjut);
  });
  return [...header, ...body, ''].join('\n');
}

export const maxedFiles = (options: MaxedOptions, size?: RowSize): Files => ({ 'dinas/instansi.yml': maxedInstansi(), 'dinas/maks.md': maxedSop(options, size) });

const accepted = (options: MaxedOptions, size: RowSize) => runCheck(maxedFiles(options, size)).result.sops.length === 1;

/** The largest `k` in [lo, hi] for which `ok(k)`, given `ok(lo)`. */
function largest(lo: number, hi: number, ok: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The tallest rows the check accepts for these options: one character more in either is refused. */
export function edgeSize(options: MaxedOptions): RowSize {
  const last = largest(1, 2_000, (k) => accepted(options, { middle: 1, last: k }));
  const middle = options.rows > 1 ? largest(1, 2_000, (k) => accepted(options, { middle: k, last })) : 1;
  return { middle, last };
}
