// Diagnostics carry the range they are about (start and end), taken from the YAML and Markdown
// node spans: editors and GitHub underline exactly the wrong text.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../scripts/source/lines.ts';
import { base, edit, runCheck, SOP, SOP_PATH } from './helpers.ts';

const S = `content/${SOP_PATH}`;
const range = (d: { line: number; column: number; endLine: number; endColumn: number }) => [d.line, d.column, d.endLine, d.endColumn];
const only = (text: string, ruleId: string) => {
  const found = runCheck(base(text)).diagnostics.filter((d) => d.file === S && d.ruleId === ruleId);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('rentang diagnosis', () => {
  it('nilai YAML: dari awal sampai tepat setelah nilainya', () => {
    const d = only(edit(SOP, 'status: berlaku', 'status: Berlaku'), 'nilai-tak-dikenal');
    expect(range(d)).toEqual([5, 9, 5, 16]);
  });

  it('kunci YAML tak dikenal: rentang kuncinya saja', () => {
    const d = only(edit(SOP, 'status: berlaku', 'statuss: berlaku'), 'kunci-tak-dikenal');
    expect(range(d)).toEqual([5, 1, 5, 8]);
  });

  it('sel tabel: isi sel tanpa tanda `|`', () => {
    const text = edit(SOP, '| Kepala Dinas | Laporan | 1 jam', '| Kepala Dinas | Laporan | 1 jm');
    const d = only(text, 'waktu-tidak-valid');
    const line = text.split('\n')[d.line - 1]!;
    expect(line.slice(d.column - 1, d.endColumn - 1)).toBe('1 jm');
    expect(d.endLine).toBe(d.line);
  });

  it('teks yang dibuang setelah `#`: dari `#` sampai akhir baris', () => {
    const text = edit(SOP, 'nama: Pengujian Prosedur', 'nama: Pengujian #2');
    const d = only(text, 'yaml-pagar-memotong');
    expect(range(d)).toEqual([3, 17, 3, 19]);
  });

  it('temuan tanpa rentang tetap satu titik (akhir = awal)', () => {
    const d = only(edit(SOP, 'nomor: 001/SOP/TES/2024\n', ''), 'wajib-diisi');
    expect([d.endLine, d.endColumn]).toEqual([d.line, d.column]);
  });

  it('LineIndex.span tidak menghitung spasi dan baris baru di ujung', () => {
    const lines = new LineIndex('a: satu  \nb: dua\n');
    expect(lines.span(3, 10)).toEqual({ start: { line: 1, column: 4 }, end: { line: 1, column: 8 } });
    expect(lines.span(3, 3)).toEqual({ line: 1, column: 4 });
  });
});
