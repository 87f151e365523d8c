// Issues 11, 13 and 15: `sop check` answers every hostile input fast, with a located Indonesian
// diagnostic; its cost grows linearly with the input; and whatever the layout cannot print is
// refused at its line (the maxed SOP of limits-fixture.ts prints, see test/pdf/limits.test.ts).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/diagnostics/report.ts';
import { base, cpuTime, edit, INSTANSI, runCheck, SOP, SOP_PATH, type Files } from './helpers.ts';
import { HOSTILE } from './hostile.ts';
import { LIMIT, maxedInstansi, maxedSop, wide } from './limits-fixture.ts';
import { CELL_LIMITS, LABEL_LIMIT } from '../../scripts/validate/steps.ts';

const S = `content/${SOP_PATH}`;
const I = 'content/dinas/instansi.yml';
const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`;
const NOT_INDONESIAN = /\b(must|should|undefined|NaN|expected|invalid|Error|null is)\b|\[object |\n\s+at /;
const HEAD = SOP.slice(0, SOP.indexOf('| No |'));
const TABLE = SOP.slice(SOP.indexOf('| No |'));

/** Every diagnostic inside its file, with a hint, in Indonesian, and never an internal error. */
function expectLocated(files: Files, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const source = files[d.file.replace(/^content\//, '')]!;
    const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    expect(d.ruleId, show(d)).not.toBe('galat-internal');
    expect(d.line, show(d)).toBeGreaterThanOrEqual(1);
    expect(d.line, show(d)).toBeLessThanOrEqual(lines.length);
    expect(d.column, show(d)).toBeGreaterThanOrEqual(1);
    expect(d.column, show(d)).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
    expect(d.hint, show(d)).toBeTruthy();
    expect(d.message).not.toMatch(NOT_INDONESIAN);
  }
}

// Compile the schema once, so the first timed case measures the check and not ajv.
runCheck(base());

describe('masukan yang dulu membuat sop check macet (isu 13, isu 11 butir 4)', () => {
  it.each(HOSTILE)('$name: < 2 detik, galat berletak', ({ sop, rules }) => {
    const files = base(sop(1));
    const { value: { diagnostics, result }, ms } = cpuTime(() => runCheck(files));
    expect(ms).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(rules, show(diagnostics[0]!)).toContain(diagnostics[0]!.ruleId);
    expectLocated(files, diagnostics);
  });

  it('letak yang tepat: batas baris, kedalaman kutipan, tanda penekanan, kedalaman YAML', () => {
    const first = (text: string) => show(runCheck(base(text)).diagnostics[0]!);
    // The whole line, as a range.
    const long = runCheck(base(HEAD + `${'>'.repeat(100_000)} teks\n\n` + TABLE)).diagnostics[0]!;
    expect([show(long), long.endLine, long.endColumn]).toEqual([`${S}:23:1 baris-terlalu-panjang`, 23, 100_006]);
    // The ninth `>` is one too deep.
    expect(first(HEAD + `${'> '.repeat(2000)}teks\n\n` + TABLE)).toBe(`${S}:23:17 prosa-terlalu-rumit`);
    // The 201st mark of the paragraph, on its second line.
    expect(first(HEAD + `${'*_'.repeat(50)}\n${'*_'.repeat(100)}\n\n` + TABLE)).toBe(`${S}:24:101 prosa-terlalu-rumit`);
    // The 17th `[`.
    expect(first(edit(SOP, 'pelaksana: [', `pelaksana: ${'['.repeat(20)}`))).toBe(`${S}:20:28 yaml-tidak-valid`);
    // The rows beyond the limit, as a range.
    const rows = runCheck(base(`${SOP.slice(0, -1)}\n${'|  |  |  |  |  |  |  |  |\n'.repeat(600)}`)).diagnostics[0]!;
    expect([show(rows), rows.endLine, rows.endColumn]).toEqual([`${S}:525:1 tabel-terlalu-panjang`, 627, 26]);
  });

  it('tabel di dalam komentar HTML atau blok kode bukan tabel prosedur', () => {
    const old = '<!-- tabel lama:\n| No | Kegiatan |\n|---|---|\n| 1 | Lama |\n-->\n\n```\n| a | b |\n|---|---|\n```\n\n';
    const { diagnostics, result } = runCheck(base(HEAD + old + TABLE));
    expect(diagnostics.map(show)).toEqual([]);
    expect(result.sops[0]!.prose).toContain('tabel lama');
  });

  it('instansi.yml juga dibatasi: ukuran dan kedalaman', () => {
    const deep = runCheck(base(SOP, `${INSTANSI}alamat: ${'{'.repeat(5000)}\n`)).diagnostics;
    expect(deep.map(show)).toEqual([`${I}:8:25 yaml-tidak-valid`]);
    const big = runCheck(base(SOP, `${INSTANSI}${'# komentar panjang\n'.repeat(5000)}`)).diagnostics;
    expect(big.map(show)[0]).toMatch(/instansi\.yml:\d+:\d+ berkas-terlalu-besar$/);
  });
});

describe('biaya sop check tumbuh linear', () => {
  const row = (i: number, lanjut = '', actor = 'Sekretaris') => `| ${i} | Memeriksa berkas ${i} | ${actor} | Berkas | 15 menit | Berkas terperiksa | | ${lanjut} |`;
  const tableOf = (n: number, cell: (i: number) => string, actor?: (i: number) => string) =>
    HEAD + TABLE.slice(0, TABLE.indexOf('| 1 |')) + Array.from({ length: n }, (_, i) => row(i + 1, cell(i + 1), actor?.(i + 1))).join('\n') + '\n';
  const shapes: Array<[string, (n: number) => string]> = [
    ['tabel sah', (n) => tableOf(20 * n, () => '')],
    ['setiap baris salah', (n) => tableOf(20 * n, () => '', () => 'Pelaksana Asing')],
    ['sel Lanjut berisi spasi', (n) => tableOf(30, (i) => (i < 30 ? `Ya${' '.repeat(150 * n)}: ${i + 1}; Tidak: 1` : ''))],
    ['prosa panjang', (n) => HEAD + 'Prosedur ini mengatur pemantauan capaian kinerja internal dinas. '.repeat(28 * n) + '\n\n' + TABLE],
    ['kurung [ tak tertutup (isu 11)', (n) => edit(SOP, 'pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]\n', `pelaksana: [${'Kepala Bidang, '.repeat(20)}\n`.repeat(n * 10))],
    ['banyak pagar ---', (n) => `${SOP}\n${'---\n'.repeat(1000 * n)}`],
    ['berkas terlalu besar', (n) => HEAD + `${'Prosedur ini mengatur pemantauan capaian kinerja. '.repeat(20)}\n\n`.repeat(500 * n) + TABLE],
  ];

  it.each(shapes)('%s: masukan 10× lebih besar, waktu < 20× lebih lama', (_name, make) => {
    const small = base(make(1));
    const large = base(make(10));
    // Processor time of ten small runs against one large, alternating, the best of three: the
    // machine is shared, and the best time is the cost itself.
    let a = Infinity;
    let b = Infinity;
    for (let r = 0; r < 3; r++) {
      a = Math.min(a, cpuTime(() => { for (let k = 0; k < 10; k++) runCheck(small); }).ms / 10);
      b = Math.min(b, cpuTime(() => runCheck(large)).ms);
    }
    expect(b / a).toBeLessThan(20);
  });
});

describe('batas panjang: yang tidak muat dicetak ditolak di barisnya (isu 15)', () => {
  it('SOP dengan setiap isian tepat di batasnya lolos sop check', () => {
    for (const actors of [1, 5, 12]) {
      const files = { 'dinas/instansi.yml': maxedInstansi(), 'dinas/maks.md': maxedSop({ tandaTangan: 'basah', kertas: 'A4', rows: 13, actors }) };
      const { diagnostics, result } = runCheck(files);
      // Its made-up `keterkaitan` entries are only warnings.
      expect(diagnostics.filter((d) => d.severity === 'galat').map((d) => `${show(d)} ${d.message}`)).toEqual([]);
      expect(result.sops).toHaveLength(1);
    }
  });

  const cell = (from: string, length: number) => base(edit(SOP, `| ${from} |`, `| ${wide(length)} |`));
  const over: Array<[string, Files, string, RegExp?]> = [
    ['nama 12 KB', base(edit(SOP, 'nama: Pengujian Prosedur', `nama: ${wide(12_000)}`)), `${S}:3:7 teks-terlalu-panjang`, /12000 karakter, paling banyak 120/],
    ['nama', base(edit(SOP, 'nama: Pengujian Prosedur', `nama: ${wide(LIMIT.nama + 1)}`)), `${S}:3:7 teks-terlalu-panjang`],
    ['nomor', base(edit(SOP, 'nomor: 001/SOP/TES/2024', `nomor: ${wide(LIMIT.nomor + 1)}`)), `${S}:2:8 teks-terlalu-panjang`],
    ['unit', base(edit(SOP, 'unit: Sekretariat', `unit: ${wide(LIMIT.unit + 1)}`)), `${S}:4:7 teks-terlalu-panjang`],
    ['butir dasar_hukum', base(edit(SOP, '  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah', `  - ${wide(LIMIT.item + 1)}`)), `${S}:10:5 teks-terlalu-panjang`],
    ['41 butir peringatan', base(edit(SOP, '  - Laporan tidak tersusun tepat waktu\n', '  - Butir\n'.repeat(41))), `${S}:57:5 daftar-terlalu-panjang`],
    ['pemerintah', base(SOP, edit(INSTANSI, 'pemerintah: Pemerintah Kabupaten Contoh', `pemerintah: ${wide(LIMIT.pemerintah + 1)}`)), `${I}:1:13 teks-terlalu-panjang`],
    ['jabatan penandatangan', base(SOP, edit(INSTANSI, 'jabatan: Kepala Dinas Komunikasi dan Informatika', `jabatan: ${wide(LIMIT.jabatan + 1)}`)), `${I}:5:12 teks-terlalu-panjang`],
    ['sel Waktu 3.005 karakter', base(edit(SOP, '| 1 jam |', `| ${'1'.repeat(2999)} menit |`)), `${S}:27:57 sel-terlalu-panjang`, /Waktu terlalu panjang \(3005 karakter, paling banyak 20\)/],
    ['sel Kegiatan', cell('Menandatangani laporan', CELL_LIMITS.kegiatan + 1), `${S}:27:7 sel-terlalu-panjang`],
    ['sel Kelengkapan', base(edit(SOP, '| Kepala Dinas | Laporan |', `| Kepala Dinas | ${wide(CELL_LIMITS.kelengkapan + 1)} |`)), `${S}:27:47 sel-terlalu-panjang`],
    ['sel Output', cell('Laporan sah', CELL_LIMITS.output + 1), `${S}:27:65 sel-terlalu-panjang`],
    ['sel Keterangan', base(edit(SOP, '| Laporan sah | | |', `| Laporan sah | ${wide(CELL_LIMITS.keterangan + 1)} | |`)), `${S}:27:79 sel-terlalu-panjang`],
    ['label cabang', base(edit(SOP, 'Lengkap: 3; Tidak: 1', `${wide(LABEL_LIMIT + 1)}: 3; Tidak: 1`)), `${S}:26:93 sel-terlalu-panjang`],
    ['13 pelaksana', base(edit(SOP.replace('pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]\n', ''), /\| 3 \|[^\n]*\n/, Array.from({ length: 11 }, (_, i) => `| ${i + 3} | Kegiatan | Pelaksana ${i + 1} | Berkas | 1 jam | Hasil | | |\n`).join(''))), `${S}:36:19 pelaksana-terlalu-banyak`],
    ['nama pelaksana untuk 11 kolom', base(edit(SOP, 'pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]', `pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas, ${Array.from({ length: 8 }, (_, i) => `P${i} ${wide(41)}`).join(', ')}]`)), `${S}:20:56 teks-terlalu-panjang`, /11 kolom pelaksana \(44 karakter, paling banyak 43\)/],
  ];

  it.each(over)('%s: satu karakter melewati batas', (_name, files, want, message) => {
    const { diagnostics, result } = runCheck(files);
    expect(result.ok).toBe(false);
    // Each diagnostic of one kind (eight long names give eight); the first at the expected place.
    expect(show(diagnostics[0]!)).toBe(want);
    expect(new Set(diagnostics.map((d) => d.ruleId))).toEqual(new Set([diagnostics[0]!.ruleId]));
    if (message) expect(diagnostics[0]!.message).toMatch(message);
    expectLocated(files, diagnostics);
  });
});

describe('CR tunggal sebagai akhir baris (isu 11 butir 7)', () => {
  const bytes = (s: string, at: number, b: number) => {
    const e = new TextEncoder().encode(s);
    return new Uint8Array([...e.slice(0, at), b, ...e.slice(at)]);
  };

  it('letak galat sama dengan berkas ber-LF, juga untuk byte yang bukan UTF-8', () => {
    const bad = edit(SOP, '| Kepala Dinas | Laporan | 1 jam', '| Kepala Dinass | Laporan | 1 jam');
    expect(runCheck(base(bad.replace(/\n/g, '\r'))).diagnostics.map(show)).toEqual([`${S}:27:32 pelaksana-tak-dikenal`]);
    const at = SOP.indexOf('Laporan sah');
    const lf = runCheck(base(bytes(SOP, at, 0xff))).diagnostics.map(show);
    expect(lf).toEqual([`${S}:27:65 bukan-utf8`]);
    expect(runCheck(base(bytes(SOP.replace(/\n/g, '\r'), at, 0xff))).diagnostics.map(show)).toEqual(lf);
    // One lone CR inside an LF file ends a line too, as editors show it.
    const mixed = SOP.replace('unit: Sekretariat\n', 'unit: Sekretariat\r');
    expect(runCheck(base(bytes(mixed, at, 0xff))).diagnostics.map(show)).toEqual(lf);
  });
});
