// The largest SOP `sop check` accepts: every printed field at its limit, written in wide
// capitals (W), the worst case for the layout. The PDF suite prints it (it must fit), the check
// suite pushes each field one character past its limit (it must be refused at that line).
import { actorNameLimit, CELL_LIMITS, LABEL_LIMIT } from '../../scripts/validate/steps.ts';
import { LIMITS } from '../../scripts/parse/bounds.ts';

/** `n` characters of wide capitals, with a space every eighth so text can wrap as words do. */
export const wide = (n: number) => Array.from({ length: n }, (_, i) => (i % 8 === 7 && i < n - 1 ? ' ' : 'W')).join('');

export const LIMIT = {
  nomor: 100,
  nama: 120,
  unit: 150,
  pemerintah: 150,
  instansi: 100,
  alamat: 250,
  jabatan: 100,
  penandatangan: 60,
  pangkat: 40,
  item: 500,
  items: 40,
} as const;

export interface MaxedOptions {
  tandaTangan: 'basah' | 'elektronik';
  kertas: 'A4' | 'F4';
  rows: number;
  /** Number of actors (the longer the list, the shorter each name may be). */
  actors: number;
  /**
   * How the identity lists fill the frontmatter (LIMITS.yamlChars bounds them together; the
   * identity part continues on further sheets): evenly at the item limit, one list at its item
   * limits (the tallest column, over several sheets), or every list at the item count limit
   * with one-word items.
   */
  lists?: 'spread' | 'one' | 'many';
}

const actorName = (i: number, count: number) => `${String.fromCharCode(65 + i)}${wide(actorNameLimit(count) - 1)}`;

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

export function maxedSop({ tandaTangan, kertas, rows, actors: count, lists = 'spread' }: MaxedOptions): string {
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
    `kertas: ${kertas}`, `tanda_tangan: ${tandaTangan}`,
    ...['dasar_hukum', 'kualifikasi_pelaksana', 'keterkaitan', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan'].flatMap(list),
    `pelaksana: [${actors.join(', ')}]`, '---', '',
    '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |', '|---|---|---|---|---|---|---|---|'];
  const label = (c: string) => c + wide(LABEL_LIMIT - 1);
  const body = Array.from({ length: rows }, (_, i) => {
    const no = i + 1;
    const lanjut = no === 2 && rows > 2 ? `${label('Y')}: ${no + 1}; ${label('T')}: 1` : '';
    const waktu = `${'9'.repeat(CELL_LIMITS.waktu - 6)} menit`;
    return `| ${no} | ${wide(CELL_LIMITS.kegiatan)} | ${actors[i % actors.length]} | ${wide(CELL_LIMITS.kelengkapan)} | ${waktu} | ${wide(CELL_LIMITS.output)} | ${wide(CELL_LIMITS.keterangan)} | ${lanjut} |`;
  });
  return [...header, ...body, ''].join('\n');
}
