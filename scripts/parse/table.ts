// The procedure table: header recognised by name (with the aliases officers write),
// every cell kept with its text and position.
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Place, Point } from '../diagnostics/report.ts';
import { DEFAULT_COLUMN_HEADERS } from '../model/sop.ts';

export type ColumnName = 'no' | 'kegiatan' | 'pelaksana' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan' | 'lanjut';

export const REQUIRED_COLUMNS: readonly ColumnName[] = ['no', 'kegiatan', 'pelaksana', 'kelengkapan', 'waktu', 'output'];

/** Header names as printed in the official layout, for messages. */
export const COLUMN_TITLES: Readonly<Record<ColumnName, string>> = { ...DEFAULT_COLUMN_HEADERS, lanjut: 'Lanjut' };

const ALIASES: Record<string, ColumnName> = {
  no: 'no',
  'no.': 'no',
  nomor: 'no',
  kegiatan: 'kegiatan',
  'uraian prosedur': 'kegiatan',
  'uraian kegiatan': 'kegiatan',
  uraian: 'kegiatan',
  pelaksana: 'pelaksana',
  kelengkapan: 'kelengkapan',
  persyaratan: 'kelengkapan',
  'persyaratan/kelengkapan': 'kelengkapan',
  'kelengkapan dan peralatan': 'kelengkapan',
  waktu: 'waktu',
  output: 'output',
  keluaran: 'output',
  keterangan: 'keterangan',
  ket: 'keterangan',
  'ket.': 'keterangan',
  lanjut: 'lanjut',
  alur: 'lanjut',
};

export const KNOWN_HEADERS: readonly string[] = Object.keys(ALIASES);

export function columnOf(header: string): ColumnName | undefined {
  return ALIASES[header.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export interface Cell {
  text: string;
  place: Place;
}

export interface RawRow {
  /** Cells in source order (may be fewer or more than the header has). */
  cells: Cell[];
  place: Place;
  end: Place;
}

export interface RawTable {
  header: Cell[];
  rows: RawRow[];
  place: Place;
}

const pointOf = (p: Point | undefined): Point => ({ line: p?.line ?? 1, column: p?.column ?? 1 });

/** A node's whole range, or its start when it has no end. */
const spanOf = (start: Point | undefined, end: Point | undefined): Place => (start && end ? { start: pointOf(start), end: pointOf(end) } : pointOf(start));

function insideEmpty(pos: { start: Point; end: Point } | undefined): Point | undefined {
  if (!pos) return undefined;
  const roomy = pos.end.line === pos.start.line && pos.end.column > pos.start.column + 1;
  return { line: pos.start.line, column: pos.start.column + (roomy ? 1 : 0) };
}

export function readTable(node: Table): RawTable {
  const [head, ...body] = node.children;
  const cellsOf = (row: (typeof node.children)[number]): Cell[] =>
    row.children.map((cell) => ({
      text: toString(cell).trim(),
      // Cover the cell's content, not its pipes; inside an empty cell, point just after the pipe.
      place: cell.children.length
        ? spanOf(cell.children[0]!.position?.start, cell.children.at(-1)!.position?.end)
        : pointOf(insideEmpty(cell.position)),
    }));
  return {
    header: head ? cellsOf(head) : [],
    rows: body.map((row) => ({ cells: cellsOf(row), place: spanOf(row.position?.start, row.position?.end), end: pointOf(row.position?.end) })),
    place: spanOf(node.position?.start, node.position?.end),
  };
}
