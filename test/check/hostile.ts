// Generators for the inputs that used to stall or crash `sop check` (issues 11 and 13): each
// a single SOP file an officer could produce by a bad paste or a stuck key. `scale` grows the
// input (1 = the size the issue reported, or the largest that stays under the file limits).
import { INSTANSI, SOP } from './helpers.ts';

const HEAD = SOP.slice(0, SOP.indexOf('| No |'));
const TABLE = SOP.slice(SOP.indexOf('| No |'));
const TABLE_HEAD = TABLE.slice(0, TABLE.indexOf('| 1 |'));
const FM_BODY = SOP.slice(4, SOP.indexOf('\n---\n') + 1);

export interface Hostile {
  name: string;
  /** The SOP text; `scale` multiplies the hostile part. */
  sop: (scale: number) => string;
  /** Rule ids that may answer it (the first diagnostic must be one of them). */
  rules: string[];
}

const rows = (n: number, lanjut: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `| ${i + 1} | Memeriksa berkas ${i + 1} | Sekretaris | Berkas | 15 menit | Berkas terperiksa | | ${lanjut(i + 1)} |`).join('\n');

export const HOSTILE: Hostile[] = [
  {
    name: 'kutipan bertingkat ribuan (> > > …)',
    sop: (k) => HEAD + `${'> '.repeat(2400)}teks\n`.repeat(Math.ceil(20 * k)) + '\n' + TABLE,
    rules: ['prosa-terlalu-rumit'],
  },
  { name: 'kutipan 100.000 tingkat', sop: (k) => HEAD + `${'>'.repeat(100_000 * k)} teks\n\n` + TABLE, rules: ['baris-terlalu-panjang'] },
  { name: 'kutipan 100.000 tingkat dalam baris-baris pendek', sop: (k) => HEAD + `${'>'.repeat(4000)}\n`.repeat(Math.ceil(25 * k)) + '\n' + TABLE, rules: ['prosa-terlalu-rumit'] },
  { name: 'bom penekanan (ribuan * dan _ tak berpasangan)', sop: (k) => HEAD + `${'*_'.repeat(2000)}\n`.repeat(Math.ceil(20 * k)) + '\n' + TABLE, rules: ['prosa-terlalu-rumit'] },
  {
    name: 'daftar Markdown sangat dalam',
    sop: (k) => HEAD + Array.from({ length: Math.ceil(2000 * k) }, (_, i) => `${' '.repeat((2 * i) % 4000)}- butir ${i}`).join('\n') + '\n\n' + TABLE,
    rules: ['prosa-terlalu-rumit', 'berkas-terlalu-besar', 'baris-terlalu-panjang'],
  },
  { name: 'daftar - - - - sebaris', sop: (k) => HEAD + `${'- '.repeat(2000)}x\n`.repeat(Math.ceil(20 * k)) + '\n' + TABLE, rules: ['prosa-terlalu-rumit'] },
  {
    name: 'sel Lanjut berisi banyak spasi',
    sop: (k) => HEAD + TABLE_HEAD + rows(Math.ceil(40 * k), (i) => `Ya${' '.repeat(6000)}: ${i + 1}; Tidak: 1`) + '\n',
    rules: ['baris-terlalu-panjang'],
  },
  {
    name: 'sel Lanjut berisi 2.500 spasi (di bawah batas baris)',
    sop: (k) => HEAD + TABLE_HEAD + rows(Math.ceil(60 * k), (i) => `Ya${' '.repeat(2500)}: ${i + 1}; Tidak: 1`) + '\n',
    rules: ['sel-terlalu-panjang'],
  },
  {
    name: 'frontmatter dengan 120.000 kunci unik',
    sop: (k) => `---\n${FM_BODY}${Array.from({ length: 120_000 * k }, (_, i) => `kunci_${i}: nilai`).join('\n')}\n---\n\n${TABLE}`,
    rules: ['berkas-terlalu-besar'],
  },
  {
    name: 'frontmatter dengan 4.000 kunci unik (di bawah batas ukuran)',
    sop: (k) => `---\n${FM_BODY}${Array.from({ length: Math.ceil(4000 * k) }, (_, i) => `k${i}: v`).join('\n')}\n---\n\n${TABLE}`,
    rules: ['yaml-tidak-valid'],
  },
  { name: 'YAML bertingkat sangat dalam ([[[…)', sop: (k) => `---\n${FM_BODY}pelaksana: ${'['.repeat(4000 * k)}\n---\n\n${TABLE}`, rules: ['yaml-tidak-valid'] },
  {
    name: 'YAML bertingkat sangat dalam (indentasi)',
    sop: (k) => `---\n${FM_BODY}${Array.from({ length: Math.ceil(300 * k) }, (_, i) => `${' '.repeat(i % 4000)}a${i}:`).join('\n')} 1\n---\n\n${TABLE}`,
    rules: ['yaml-tidak-valid'],
  },
  { name: 'YAML - - - sebaris', sop: (k) => `---\n${FM_BODY}riwayat: ${'- '.repeat(Math.ceil(1000 * k))}x\n---\n\n${TABLE}`, rules: ['yaml-tidak-valid'] },
  // Lines right under the table are rows of it (GFM), blank-separated ones are prose.
  { name: 'banyak pagar ---', sop: (k) => SOP + '---\n'.repeat(100_000 * k), rules: ['tabel-terlalu-panjang', 'berkas-terlalu-besar'] },
  { name: 'banyak pagar --- setelah baris kosong', sop: (k) => `${SOP}\n${'---\n'.repeat(100_000 * k)}`, rules: ['prosa-terlalu-rumit', 'berkas-terlalu-besar'] },
  { name: 'banyak pagar --- sebelum frontmatter ditutup', sop: (k) => `---\n${FM_BODY}${'---\n'.repeat(100_000 * k)}\n${TABLE}`, rules: ['prosa-terlalu-rumit', 'berkas-terlalu-besar'] },
  {
    name: 'kurung [ tak tertutup di baris-baris panjang (isu 11)',
    sop: (k) => `---\n${FM_BODY.replace('pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]\n', '')}${`pelaksana: [${'Kepala Bidang, '.repeat(300)}\n`.repeat(Math.ceil(7 * k))}---\n\n${TABLE}`,
    rules: ['yaml-tidak-valid', 'yaml-kunci-ganda'],
  },
  {
    name: 'alias YAML berlipat (alias bomb)',
    sop: (k) => `---\n${FM_BODY}x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: Math.ceil(12 * k) }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\n---\n\n${TABLE}`,
    rules: ['yaml-tidak-valid'],
  },
  { name: 'tabel 20.000 baris', sop: (k) => HEAD + TABLE_HEAD + rows(Math.ceil(20_000 * k), () => '') + '\n', rules: ['tabel-terlalu-panjang', 'berkas-terlalu-besar'] },
  { name: 'berkas 5 MB', sop: (k) => HEAD + `${'Prosedur ini mengatur pemantauan capaian kinerja. '.repeat(20)}\n\n`.repeat(Math.ceil(5_000 * k)) + TABLE, rules: ['berkas-terlalu-besar'] },
  { name: 'judul setext berulang (a / ===)', sop: (k) => HEAD + 'a\n===\n'.repeat(Math.ceil(1000 * k)) + '\n' + TABLE, rules: ['prosa-terlalu-rumit'] },
];

export { INSTANSI };
