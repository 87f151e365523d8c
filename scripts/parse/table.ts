// The procedure table: header recognised by name (with the aliases officers write),
// every cell kept with its text and position.
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Place } from '../diagnostics/report.ts';

export type ColumnName = 'no' | 'kegiatan' | 'pelaksana' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan' | 'lanjut';

export const REQUIRED_COLUMNS: readonly ColumnName[] = ['no', 'kegiatan', 'pelaksana', 'kelengkapan', 'waktu', 'output'];

/** Header names as printed in the official layout, for messages. */
export const COLUMN_TITLES: Record<ColumnName, string> = {
  no: 'No',
  kegiatan: 'Kegiatan',
  pelaksana: 'Pelaksana',
  kelengkapan: 'Kelengkapan',
  waktu: 'Waktu',
  output: 'Output',
  keterangan: 'Keterangan',
  lanjut: 'Lanjut',
};

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

const pointOf = (p: { line: number; column: number } | undefined): Place => ({ line: p?.line ?? 1, column: p?.column ?? 1 });

function insideEmpty(pos: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined): Place | undefined {
  if (!pos) return undefined;
  const roomy = pos.end.line === pos.start.line && pos.end.column > pos.start.column + 1;
  return { line: pos.start.line, column: pos.start.column + (roomy ? 1 : 0) };
}

export function readTable(node: Table): RawTable {
  const [head, ...body] = node.children;
  const cellsOf = (row: (typeof node.children)[number]): Cell[] =>
    row.children.map((cell) => ({
      text: toString(cell).trim(),
      // Point at the cell's content, not at its leading pipe; inside an empty cell, just after the pipe.
      place: pointOf(cell.children[0]?.position?.start ?? insideEmpty(cell.position)),
    }));
  return {
    header: head ? cellsOf(head) : [],
    rows: body.map((row) => ({ cells: cellsOf(row), place: pointOf(row.position?.start), end: pointOf(row.position?.end) })),
    place: pointOf(node.position?.start),
  };
}
