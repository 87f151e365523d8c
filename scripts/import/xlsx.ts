// An Excel file (.xlsx) read into a SourceDocument: each sheet one table on the sheet's own grid
// (column widths, row heights, merged cells, rich-text cells with line breaks, manual page
// breaks), and the drawing anchored to its cells (twoCellAnchor, oneCellAnchor, absoluteAnchor,
// groups, connectors glued by id) placed in that grid. Pure after reading the bytes.
import type { Element } from '@xmldom/xmldom';
import { cellWhere, type Block, type Cell, type Para, type Row, type Shape, type SourceDocument, type Table, type Where } from './document.ts';
import { readGroup, readShape, translate } from './drawingml.ts';
import { attr, descendants, kid, kids, numAttr, PackageError, path, relationships, textOf, xmlPart, type Parts } from './ooxml.ts';

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
/** Limits: a sheet's used range is read up to here (an SOP fits easily; a stray cell far away does not make the work huge). */
const MAX_ROWS = 5000;
const MAX_COLS = 200;

const colIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
const ref = (r: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(r);
  return m ? { col: colIndex(m[1]!), row: Number(m[2]) - 1 } : undefined;
};

/** Shared strings: plain or rich text (runs), line breaks kept. */
function sharedStrings(parts: Parts): string[] {
  const root = xmlPart(parts, 'xl/sharedStrings.xml');
  if (!root) return [];
  return kids(root, 'si').map((si) => descendants(si, 't', new Set(['rPh'])).map((t) => t.textContent ?? '').join(''));
}

function cellText(c: Element, strings: string[]): string {
  const t = attr(c, 't');
  if (t === 's') return strings[Number(textOf(kid(c, 'v')))] ?? '';
  if (t === 'inlineStr') return descendants(kid(c, 'is') ?? c, 't').map((x) => x.textContent ?? '').join('');
  return textOf(kid(c, 'v'));
}

function readSheet(parts: Parts, file: string, name: string, index: number, strings: string[], shapes: Shape[]): { table: Table; page: { kertas?: 'A4' | 'F4'; landscape?: boolean } } {
  const root = xmlPart(parts, file);
  if (!root) throw new PackageError(`lembar ${name} tidak ada di berkas`);
  const defaultHt = numAttr(kid(root, 'sheetFormatPr'), 'defaultRowHeight') ?? 15;
  const defaultW = numAttr(kid(root, 'sheetFormatPr'), 'defaultColWidth') ?? 8.43;
  const values = new Map<number, Map<number, string>>();
  const heights = new Map<number, number>();
  let maxRow = 0;
  let maxCol = 0;
  for (const row of kids(kid(root, 'sheetData') ?? root, 'row')) {
    const r = (numAttr(row, 'r') ?? 0) - 1;
    if (r < 0 || r >= MAX_ROWS) continue;
    const ht = numAttr(row, 'ht');
    if (ht !== undefined) heights.set(r, ht);
    for (const c of kids(row, 'c')) {
      const at = ref(attr(c, 'r') ?? '');
      if (!at || at.col >= MAX_COLS) continue;
      const text = cellText(c, strings);
      if (!text.trim()) continue;
      if (!values.has(r)) values.set(r, new Map());
      values.get(r)!.set(at.col, text);
      maxRow = Math.max(maxRow, r + 1);
      maxCol = Math.max(maxCol, at.col + 1);
    }
  }
  const merges: { r0: number; c0: number; r1: number; c1: number }[] = [];
  for (const m of kids(kid(root, 'mergeCells') ?? root, 'mergeCell')) {
    const [a, b] = (attr(m, 'ref') ?? '').split(':').map(ref);
    if (a && b && b.row < MAX_ROWS && b.col < MAX_COLS) merges.push({ r0: a.row, c0: a.col, r1: b.row, c1: b.col });
  }
  // Drawing first: shapes may reach beyond the last cell with text.
  const rels = relationships(parts, file);
  const drawingId = attr(kid(root, 'drawing'), 'id');
  const drawingPart = drawingId ? rels.get(drawingId) : undefined;
  const drawing = drawingPart ? xmlPart(parts, drawingPart) : undefined;
  const anchors = drawing ? kids(drawing).filter((a) => /Anchor$/.test(a.localName ?? '')) : [];
  for (const a of anchors) {
    for (const end of [kid(a, 'from'), kid(a, 'to')]) {
      if (!end) continue;
      maxRow = Math.min(MAX_ROWS, Math.max(maxRow, (numAttr(kid(end, 'row') ?? end, 'x') ?? Number(textOf(kid(end, 'row')))) + 1));
      maxCol = Math.min(MAX_COLS, Math.max(maxCol, Number(textOf(kid(end, 'col'))) + 1));
    }
  }
  const widthPx = (w: number) => Math.trunc(w * 7 + 5);
  const grid = Array.from({ length: maxCol }, () => widthPx(defaultW) * EMU_PER_PX);
  for (const col of kids(kid(root, 'cols') ?? root, 'col')) {
    const w = numAttr(col, 'width');
    if (w === undefined) continue;
    for (let c = (numAttr(col, 'min') ?? 1) - 1; c < Math.min(numAttr(col, 'max') ?? 1, maxCol); c++) grid[c] = (numAttr(col, 'hidden') ? 0 : widthPx(w)) * EMU_PER_PX;
  }
  const lefts = grid.map((_, i) => grid.slice(0, i).reduce((a, b) => a + b, 0));
  const rows: Row[] = [];
  let top = 0;
  for (let r = 0; r < maxRow; r++) {
    const height = (heights.get(r) ?? defaultHt) * EMU_PER_PT;
    const cells: Cell[] = [];
    const line = values.get(r);
    const covered = new Set<number>();
    for (const m of merges) {
      if (r < m.r0 || r > m.r1) continue;
      const text = values.get(m.r0)?.get(m.c0) ?? '';
      cells.push(cellOf(m.c0, m.c1 - m.c0 + 1, text, r > m.r0));
      for (let c = m.c0; c <= m.c1; c++) covered.add(c);
    }
    for (const [c, text] of line ?? []) if (!covered.has(c)) cells.push(cellOf(c, 1, text, false));
    cells.sort((a, b) => a.col - b.col);
    rows.push({ cells, repeats: false, top, height, where: { sheet: name, row: r + 1 } });
    top += height;
  }
  const table: Table = { index, grid, rows };
  const pos = (el: Element | undefined) => {
    const c = Number(textOf(kid(el, 'col')));
    const r = Number(textOf(kid(el, 'row')));
    return { x: (lefts[c] ?? 0) + Number(textOf(kid(el, 'colOff'))), y: (rows[r]?.top ?? top) + Number(textOf(kid(el, 'rowOff'))), c, r };
  };
  for (const a of anchors) {
    let box: { x: number; y: number; w: number; h: number } | undefined;
    let where: Where = { sheet: name };
    if (a.localName === 'twoCellAnchor') {
      const f = pos(kid(a, 'from'));
      const t = pos(kid(a, 'to'));
      box = { x: f.x, y: f.y, w: t.x - f.x, h: t.y - f.y };
      where = cellWhere({ sheet: name, row: f.r + 1 }, f.c);
    } else if (a.localName === 'oneCellAnchor') {
      const f = pos(kid(a, 'from'));
      const ext = kid(a, 'ext');
      box = { x: f.x, y: f.y, w: numAttr(ext, 'cx') ?? 0, h: numAttr(ext, 'cy') ?? 0 };
      where = cellWhere({ sheet: name, row: f.r + 1 }, f.c);
    } else if (a.localName === 'absoluteAnchor') {
      const p = kid(a, 'pos');
      const ext = kid(a, 'ext');
      box = { x: numAttr(p, 'x') ?? 0, y: numAttr(p, 'y') ?? 0, w: numAttr(ext, 'cx') ?? 0, h: numAttr(ext, 'cy') ?? 0 };
    }
    if (!box) continue;
    for (const c of kids(a)) {
      if (c.localName === 'sp' || c.localName === 'cxnSp') shapes.push(readShape(c, translate(0, 0), index, where, box));
      else if (c.localName === 'grpSp') shapes.push(...readGroup(c, translate(0, 0), index, where, box));
    }
  }
  const setup = kid(root, 'pageSetup');
  const paper = numAttr(setup, 'paperSize');
  const page = { ...(paper === 9 ? { kertas: 'A4' as const } : paper === 14 || paper === 41 ? { kertas: 'F4' as const } : {}), ...(attr(setup, 'orientation') ? { landscape: attr(setup, 'orientation') === 'landscape' } : {}) };
  return { table, page };
}

function cellOf(col: number, span: number, text: string, continued: boolean): Cell {
  const paras: Para[] = text.split('\n').map((t) => ({ text: t, numbered: false }));
  return { col, span, paras, text: text.trim(), continued };
}

export function readXlsx(parts: Parts): SourceDocument {
  const book = xmlPart(parts, 'xl/workbook.xml');
  if (!book) throw new PackageError('tidak ada buku kerja Excel (xl/workbook.xml)');
  const rels = relationships(parts, 'xl/workbook.xml');
  const strings = sharedStrings(parts);
  const blocks: Block[] = [];
  const shapes: Shape[] = [];
  let page = {};
  kids(path(book, 'sheets') ?? book, 'sheet').forEach((s, i) => {
    const target = rels.get(attr(s, 'id') ?? '');
    if (!target || !parts.has(target)) return;
    const read = readSheet(parts, target, attr(s, 'name') ?? `Lembar ${i + 1}`, blocks.length, strings, shapes);
    blocks.push({ kind: 'table', table: read.table });
    if (Object.keys(read.page).length && !Object.keys(page).length) page = read.page;
  });
  return { format: 'xlsx', blocks, shapes, page, problems: [] };
}
