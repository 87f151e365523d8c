// What a Word or Excel file is reduced to before any SOP is looked for: paragraphs and tables
// (cells on their grid, merged cells resolved) and the shapes drawn over the tables, placed in
// the table's own frame. docx.ts and xlsx.ts build it; sops.ts reads SOPs out of it.

/** A place in the source document, as an officer finds it again in Word or Excel. */
export interface Where {
  /** Word: the page, counting the file's own page breaks (an estimate when Word breaks pages itself). */
  page?: number;
  /** Excel: the sheet's name. */
  sheet?: string;
  /** Word: the table's number in the file (1-based). */
  table?: number;
  /** The row: in Word counted within its table, in Excel the sheet's row number. */
  row?: number;
  /** Excel: the cell reference, e.g. `C12`; Word: the column counted from the left. */
  cell?: string;
}

export interface Para {
  text: string;
  /** Word numbering (`w:numPr`) on the paragraph: a list item whatever its text. */
  numbered: boolean;
}

export interface Cell {
  /** First grid column it covers (0-based) and how many. */
  col: number;
  span: number;
  paras: Para[];
  /** The text of all paragraphs, joined by line breaks. */
  text: string;
  /** Covered by a merge started in a row above (its text is that cell's). */
  continued: boolean;
}

export interface Row {
  cells: Cell[];
  /** Word `w:tblHeader`: repeated at the top of every page. */
  repeats: boolean;
  /** Top and height in EMU, in the table's frame (heights of "at least" rows estimated from their text). */
  top: number;
  height: number;
  where: Where;
}

/** A shape's kind: the five flowchart symbols, a line or connector, a text label, or anything else. */
export type ShapeKind = 'terminator' | 'process' | 'decision' | 'offpage' | 'line' | 'label' | 'other';

export interface Point {
  x: number;
  y: number;
}

export interface Shape {
  kind: ShapeKind;
  /** The drawing's own id (Excel connectors name shapes by it). */
  id?: string;
  /** Box in EMU, in the frame of table `table`. */
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  /** Lines: end points (after rotation and flips), and which ends carry an arrowhead. */
  from?: Point;
  to?: Point;
  arrowFrom?: boolean;
  arrowTo?: boolean;
  /** Excel connectors glued to shapes (`a:stCxn` / `a:endCxn`): the shapes' ids. */
  startId?: string;
  endId?: string;
  /** Index of the table (in Document.blocks order of tables) whose frame the shape is in. */
  table: number;
  where: Where;
}

export interface Table {
  /** Index among the document's tables. */
  index: number;
  /** Grid column widths, EMU. */
  grid: number[];
  rows: Row[];
}

export type Block = { kind: 'para'; para: Para; where: Where } | { kind: 'table'; table: Table };

export interface PageSetup {
  kertas?: 'A4' | 'F4';
  landscape?: boolean;
}

export interface SourceDocument {
  format: 'docx' | 'xlsx';
  blocks: Block[];
  shapes: Shape[];
  page: PageSetup;
  /** Things the reader could not place (VML-only drawings, shapes outside tables …), said once each. */
  problems: { where: Where; message: string }[];
}

/** "halaman 2, tabel 3, baris 5, kolom 4" / "lembar SOP, sel C12". */
export function describe(w: Where): string {
  const parts: string[] = [];
  if (w.sheet !== undefined) parts.push(`lembar "${w.sheet}"`);
  if (w.page !== undefined) parts.push(`halaman ${w.page}`);
  if (w.table !== undefined) parts.push(`tabel ${w.table}`);
  if (w.sheet !== undefined && w.cell) parts.push(`sel ${w.cell}`);
  else {
    if (w.row !== undefined) parts.push(`baris ${w.row}`);
    if (w.cell) parts.push(`kolom ${w.cell}`);
  }
  return parts.join(', ');
}

const colName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

/** A cell's place: Excel's `D3`, or Word's column number, within its row's place. */
export const cellWhere = (row: Where, col: number): Where => ({ ...row, cell: row.sheet !== undefined ? `${colName(col)}${row.row ?? ''}` : String(col + 1) });

/** The cell covering grid column `col`, if any. */
export const cellAt = (row: Row, col: number): Cell | undefined => row.cells.find((c) => col >= c.col && col < c.col + c.span);
