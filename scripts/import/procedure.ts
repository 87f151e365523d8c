// The procedure table of an office's SOP: its header rows (the office's words), the actor
// columns in order, and the activity rows, the table continued over pages with its header
// repeated or typed again (counted once). Pure over the SourceDocument's tables.
import { columnOf, type ColumnName } from '../parse/table.ts';
import { cellAt, type Row, type Table } from './document.ts';
import { norm } from './words.ts';

export interface Columns {
  /** Grid column of each recognised column. */
  at: Partial<Record<Exclude<ColumnName, 'pelaksana' | 'lanjut'>, number>>;
  /** The office's header word of each column. */
  words: Partial<Record<ColumnName, string>>;
  actors: { col: number; name: string }[];
}

const EXTRA: Record<string, ColumnName> = { ouput: 'output', 'out put': 'output', 'persyaratan / kelengkapan': 'kelengkapan', 'kelengkapan/persyaratan': 'kelengkapan', 'no urut': 'no', 'uraian prosedur kegiatan': 'kegiatan' };
const columnWord = (text: string): ColumnName | undefined => columnOf(text) ?? EXTRA[norm(text)];
const isGroup = (text: string, word: 'pelaksana' | 'mutu') => (word === 'pelaksana' ? /^pelaksana$/ : /^mutu ba?ku$|^mutu buku$/).test(norm(text));

/** The header of a procedure table: found by a "Kegiatan"/"Uraian Prosedur" and a "Pelaksana" cell in one row. */
export function findHeader(table: Table): { columns: Columns; bodyStart: number } | undefined {
  for (let r = 0; r < Math.min(table.rows.length, 12); r++) {
    const row = table.rows[r]!;
    const kegiatan = row.cells.find((c) => columnWord(c.text) === 'kegiatan');
    const pelaksana = row.cells.find((c) => isGroup(c.text, 'pelaksana'));
    if (!kegiatan || !pelaksana) continue;
    const sub = table.rows[r + 1];
    const columns: Columns = { at: {}, words: {}, actors: [] };
    let next = r + 1;
    const subUsed = sub && !isNumbering(sub) && !sub.cells.some((c) => !c.continued && /^\d+\.?$/.test(c.text));
    if (subUsed) next = r + 2;
    for (const top of row.cells) {
      if (isGroup(top.text, 'pelaksana')) {
        columns.words.pelaksana = top.text.replace(/\s+/g, ' ').trim();
        for (let c = top.col; c < top.col + top.span; c++) {
          const s = subUsed ? cellAt(sub!, c) : undefined;
          if (s && !s.continued && s.col === c && s.text) columns.actors.push({ col: c, name: s.text.replace(/\s+/g, ' ').trim() });
        }
        continue;
      }
      if (isGroup(top.text, 'mutu')) {
        const order: ColumnName[] = ['kelengkapan', 'waktu', 'output'];
        for (let c = top.col, i = 0; c < top.col + top.span; c++) {
          const s = subUsed ? cellAt(sub!, c) : undefined;
          if (!s || s.col !== c) continue;
          const name = columnWord(s.text) ?? order[i];
          i++;
          if (name && name !== 'pelaksana' && name !== 'lanjut' && columns.at[name] === undefined) {
            columns.at[name] = c;
            if (columnWord(s.text) === name) columns.words[name] = s.text.replace(/\s+/g, ' ').trim();
          }
        }
        continue;
      }
      const name = columnWord(top.text);
      if (name && name !== 'pelaksana' && name !== 'lanjut' && columns.at[name] === undefined) {
        columns.at[name] = top.col;
        columns.words[name] = top.text.replace(/\s+/g, ' ').trim();
      }
    }
    if (columns.at.no === undefined) columns.at.no = 0;
    while (table.rows[next] && isNumbering(table.rows[next]!)) next++;
    return { columns, bodyStart: next };
  }
  return undefined;
}

/** "1 2 3 4 …" under the header. */
export function isNumbering(row: Row): boolean {
  const texts = row.cells.filter((c) => !c.continued).map((c) => c.text).filter(Boolean);
  return texts.length >= 3 && texts.every((t, i) => t === String(i + 1));
}

/** A header typed again (after a page break) or a header row Word repeats. */
export function isHeaderAgain(row: Row, columns: Columns): boolean {
  return row.repeats || row.cells.some((c) => isGroup(c.text, 'pelaksana') || (columns.words.kegiatan !== undefined && norm(c.text) === norm(columns.words.kegiatan)));
}

/** Same actors in the same columns. */
export const sameColumns = (a: Columns, b: Columns) =>
  a.actors.length === b.actors.length && a.actors.every((x, i) => x.col === b.actors[i]!.col) && a.at.kegiatan === b.at.kegiatan;

export const rowNumber = (text: string): number | undefined => {
  const m = /^(\d{1,3})\s*[.)]?$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
};
