// Reading SOPs out of a document, on tables and shapes built by hand: where a symbol sits
// between two columns, the importer says which it chose and why, at the row.
import { describe, expect, it } from 'vitest';
import type { Cell, Row, Shape, SourceDocument } from '../../scripts/import/document.ts';
import { readSops } from '../../scripts/import/sops.ts';

const W = 1_000_000;
const H = 500_000;
const cell = (col: number, text: string, span = 1, continued = false): Cell => ({ col, span, text, continued, paras: text.split('\n').map((t) => ({ text: t, numbered: false })) });
const row = (i: number, cells: Cell[]): Row => ({ cells, repeats: false, top: i * H, height: H, where: { page: 1, table: 1, row: i + 1 } });

/** No | Kegiatan | Sekretaris | Kepala Bidang | Kelengkapan | Waktu | Output, two rows, a symbol per row at the given centre x. */
function doc(centres: number[]): SourceDocument {
  const rows = [
    row(0, [cell(0, 'No'), cell(1, 'Kegiatan'), cell(2, 'Pelaksana', 2), cell(4, 'Mutu Baku', 3)]),
    row(1, [cell(0, 'No', 1, true), cell(1, 'Kegiatan', 1, true), cell(2, 'Sekretaris'), cell(3, 'Kepala Bidang'), cell(4, 'Kelengkapan'), cell(5, 'Waktu'), cell(6, 'Output')]),
    ...centres.map((_, i) => row(2 + i, [cell(0, `${i + 1}`), cell(1, `Kegiatan ${i + 1}`), cell(4, 'Berkas'), cell(5, '1 jam'), cell(6, 'Hasil')])),
  ];
  const shapes: Shape[] = centres.map((cx, i) => ({ kind: i === 0 || i === centres.length - 1 ? 'terminator' : 'process', x: cx - 200_000, y: (2 + i) * H + 100_000, w: 400_000, h: 300_000, text: '', table: 0, where: { page: 1, table: 1, row: 3 + i } }));
  return { format: 'docx', blocks: [{ kind: 'table', table: { index: 0, grid: Array(7).fill(W), rows } }], shapes, page: {}, problems: [] };
}

describe('simbol dan kolom pelaksana', () => {
  it('the column holding the centre; at a column edge the choice is said, at its row', () => {
    const { sops } = readSops(doc([2.5 * W, 3.02 * W, 3.5 * W]));
    expect(sops[0]!.rows.map((r) => r.pelaksana)).toEqual(['Sekretaris', 'Kepala Bidang', 'Kepala Bidang']);
    expect(sops[0]!.notes.filter((n) => n.row === 2).map((n) => n.message)).toEqual(['simbol baris 2 berada di antara kolom Kepala Bidang dan Sekretaris; dipilih Kepala Bidang']);
  });

  it('a symbol outside the actor columns goes to the nearest one, said', () => {
    const { sops } = readSops(doc([2.5 * W, 4.3 * W, 3.5 * W]));
    expect(sops[0]!.rows[1]!.pelaksana).toBe('Kepala Bidang');
    expect(sops[0]!.notes.map((n) => n.message)).toContain('simbol baris 2 berada di luar kolom pelaksana; dipilih Kepala Bidang');
  });
});
