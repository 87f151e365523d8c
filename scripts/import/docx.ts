// A Word file (.docx) read into a SourceDocument: body paragraphs and tables in order, merged
// cells resolved, row heights estimated where Word decides them ("at least" rows grow with their
// text), and every DrawingML shape placed in the frame of the table it is anchored in.
// Pure after reading the bytes.
import type { Element } from '@xmldom/xmldom';
import { cellWhere, type Block, type Cell, type Para, type Row, type Shape, type SourceDocument, type Table, type Where } from './document.ts';
import { readGroup, readShape, shapesIn, translate } from './drawingml.ts';
import { attr, descendants, kid, kids, numAttr, PackageError, path, xmlPart, type Parts } from './ooxml.ts';
import { readVml } from './vml.ts';

const EMU_PER_TWIP = 635;
const EMU_PER_PT = 12700;
/** Word's default cell margin, left and right (twips). */
const CELL_MARGIN = 108;

interface Context {
  page: number;
  tables: number;
  blocks: Block[];
  shapes: Shape[];
  problems: SourceDocument['problems'];
  /** Body font size, pt: for estimating the height of rows Word sizes to their text. */
  fontPt: number;
  marginLeft: number;
  textWidth: number;
  /** VML drawings that are neither a symbol nor a straight line (curves, groups): not read. */
  vmlOther: number;
}

interface ParaRead {
  para: Para;
  drawings: Element[];
  centred: boolean;
}

/** Text of a paragraph's runs (split by spell-check marks, revisions, fields), its drawings aside. */
function readPara(p: Element, ctx: Context): ParaRead {
  let text = '';
  const drawings: Element[] = [];
  const pPr = kid(p, 'pPr');
  const numId = attr(path(pPr, 'numPr', 'numId'), 'val');
  if (kid(pPr, 'pageBreakBefore')) ctx.page++;
  const walk = (el: Element) => {
    for (const c of kids(el)) {
      switch (c.localName) {
        case 't':
          text += c.textContent ?? '';
          break;
        case 'tab':
          if (el.localName === 'r') text += '\t';
          break;
        case 'br':
          if (attr(c, 'type') === 'page') ctx.page++;
          else text += '\n';
          break;
        case 'cr':
          text += '\n';
          break;
        case 'drawing':
          drawings.push(c);
          break;
        case 'AlternateContent': {
          // The modern drawing; its VML fallback is the same shape again.
          const choice = kid(c, 'Choice');
          if (choice) drawings.push(...descendants(choice, 'drawing'));
          else walk(c);
          break;
        }
        case 'pict':
          // Only here when no DrawingML version exists (mc:Fallback is never walked).
          drawings.push(c);
          break;
        case 'del':
        case 'moveFrom':
        case 'pPr':
        case 'rPr':
        case 'instrText':
          break;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return { para: { text, numbered: Boolean(numId && numId !== '0') }, drawings, centred: attr(kid(pPr, 'jc'), 'val') === 'center' };
}

interface Pending {
  el: Element;
  row: number;
  cell: Cell;
  paraIndex: number;
  centred: boolean;
}

function readTable(tbl: Element, ctx: Context): Table {
  const index = ctx.tables++;
  const tblPr = kid(tbl, 'tblPr');
  const grid = kids(kid(tbl, 'tblGrid')!, 'gridCol').map((g) => (numAttr(g, 'w') ?? 0) * EMU_PER_TWIP);
  const indent = (numAttr(kid(tblPr, 'tblInd'), 'w') ?? 0) * EMU_PER_TWIP;
  const marL = (numAttr(path(tblPr, 'tblCellMar', 'left') ?? path(tblPr, 'tblCellMar', 'start'), 'w') ?? CELL_MARGIN) * EMU_PER_TWIP;
  const marR = (numAttr(path(tblPr, 'tblCellMar', 'right') ?? path(tblPr, 'tblCellMar', 'end'), 'w') ?? CELL_MARGIN) * EMU_PER_TWIP;
  const rows: Row[] = [];
  const pending: Pending[] = [];
  const lefts = grid.map((_, i) => grid.slice(0, i).reduce((a, b) => a + b, 0));
  const charW = 0.5 * ctx.fontPt * EMU_PER_PT;
  const lineH = 1.15 * ctx.fontPt * EMU_PER_PT;
  let top = 0;
  for (const tr of kids(tbl, 'tr')) {
    const trPr = kid(tr, 'trPr');
    const where: Where = { page: ctx.page, table: index + 1, row: rows.length + 1 };
    let col = numAttr(kid(trPr, 'gridBefore'), 'val') ?? 0;
    const cells: Cell[] = [];
    let estimate = 0;
    for (const tc of kids(tr, 'tc')) {
      const tcPr = kid(tc, 'tcPr');
      const span = numAttr(kid(tcPr, 'gridSpan'), 'val') ?? 1;
      const vMerge = kid(tcPr, 'vMerge');
      const continued = Boolean(vMerge) && attr(vMerge, 'val') !== 'restart';
      const paras: Para[] = [];
      const cell: Cell = { col, span, paras, text: '', continued };
      const width = Math.max(grid.slice(col, col + span).reduce((a, b) => a + b, 0) - marL - marR, charW);
      let height = 0;
      // Paragraphs, and those of a table nested in the cell, in order.
      for (const p of descendants(tc, 'p', new Set(['txbxContent', 'drawing', 'AlternateContent', 'pict']))) {
        const read = readPara(p, ctx);
        paras.push(read.para);
        for (const el of read.drawings) pending.push({ el, row: rows.length, cell, paraIndex: paras.length - 1, centred: read.centred });
        const lines = read.para.text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil((l.length * charW) / width)), 0);
        height += lines * lineH + read.drawings.reduce((h, d) => h + (kid(d, 'inline') ? (numAttr(path(d, 'inline', 'extent'), 'cy') ?? 0) : 0), 0);
      }
      cell.text = paras.map((p) => p.text).join('\n').trim();
      estimate = Math.max(estimate, height);
      cells.push(cell);
      col += span;
    }
    const trH = kid(trPr, 'trHeight');
    const given = (numAttr(trH, 'val') ?? 0) * EMU_PER_TWIP;
    const height = attr(trH, 'hRule') === 'exact' ? given : Math.max(given, estimate);
    rows.push({ cells, repeats: Boolean(kid(trPr, 'tblHeader')), top, height, where });
    top += height;
  }
  // Merged cells below their first row carry its text: a label merged over several rows is one label.
  for (let r = 1; r < rows.length; r++) {
    for (const c of rows[r]!.cells) {
      if (!c.continued) continue;
      const above = rows[r - 1]!.cells.find((a) => a.col === c.col);
      if (above) {
        c.paras = above.paras;
        c.text = above.text;
      }
    }
  }
  const table: Table = { index, grid, rows };
  for (const p of pending) ctx.shapes.push(...placeDrawing(p, table, lefts, indent, marL, marR, ctx));
  return table;
}

/** A drawing anchored in a cell's paragraph, placed in its table's frame (EMU from the table's top left). */
function placeDrawing(p: Pending, table: Table, lefts: number[], indent: number, marL: number, marR: number, ctx: Context): Shape[] {
  const row = table.rows[p.row]!;
  const where: Where = cellWhere(row.where, p.cell.col);
  const cellLeft = (lefts[p.cell.col] ?? 0) + marL;
  const cellWidth = table.grid.slice(p.cell.col, p.cell.col + p.cell.span).reduce((a, b) => a + b, 0) - marL - marR;
  if (p.el.localName === 'pict') {
    const read = readVml(p.el, { text: cellLeft, margin: -indent, page: -(ctx.marginLeft + indent), top: row.top }, table.index, where);
    if (read.pageRelative) ctx.problems.push({ where, message: 'posisi tegak gambar diukur dari halaman, bukan dari paragraf; barisnya diperkirakan dari paragraf tempat gambar berjangkar' });
    if (read.shapes.some((s) => s.kind === 'other')) ctx.vmlOther++;
    return read.shapes;
  }
  const anchor = kid(p.el, 'anchor');
  const inline = kid(p.el, 'inline');
  const graphicData = path(anchor ?? inline, 'graphic', 'graphicData');
  if (!graphicData) return [];
  const extent = kid(anchor ?? inline, 'extent');
  const w = numAttr(extent, 'cx') ?? 0;
  const h = numAttr(extent, 'cy') ?? 0;
  let x: number;
  let y: number;
  if (anchor) {
    const ph = kid(anchor, 'positionH');
    const pv = kid(anchor, 'positionV');
    const inCell = attr(anchor, 'layoutInCell') !== '0';
    const relH = attr(ph, 'relativeFrom') ?? 'column';
    const originX = relH === 'page' || relH === 'leftMargin' ? -(ctx.marginLeft + indent) : (relH === 'column' && inCell) || relH === 'character' ? cellLeft : -indent;
    const frameW = (relH === 'column' && inCell) || relH === 'character' ? cellWidth : ctx.textWidth;
    const offH = kid(ph, 'posOffset');
    const align = attr(kid(ph, 'align'), 'val') ?? kid(ph, 'align')?.textContent ?? 'left';
    x = originX + (offH ? Number(offH.textContent) || 0 : align === 'center' ? (frameW - w) / 2 : align === 'right' ? frameW - w : 0);
    const relV = attr(pv, 'relativeFrom') ?? 'paragraph';
    const offV = kid(pv, 'posOffset');
    if (relV !== 'paragraph' && relV !== 'line') {
      ctx.problems.push({ where, message: `posisi tegak gambar diukur dari ${relV === 'page' ? 'halaman' : 'margin'}, bukan dari paragraf; barisnya diperkirakan dari paragraf tempat gambar berjangkar` });
    }
    y = row.top + (offV ? Number(offV.textContent) || 0 : 0);
  } else {
    x = cellLeft + (p.centred ? (cellWidth - w) / 2 : 0);
    y = row.top + p.paraIndex * 1.15 * ctx.fontPt * EMU_PER_PT;
  }
  const box = { x, y, w, h };
  const out: Shape[] = [];
  for (const c of kids(graphicData)) {
    if (c.localName === 'wsp') out.push(readShape(c, translate(0, 0), table.index, where, box));
    else if (c.localName === 'wgp' || c.localName === 'wpc') out.push(...readGroup(c, translate(0, 0), table.index, where, box));
  }
  if (!out.length) out.push(...shapesIn(graphicData, translate(x, y), table.index, where));
  return out;
}

export function readDocx(parts: Parts): SourceDocument {
  const root = xmlPart(parts, 'word/document.xml');
  const body = kid(root, 'body');
  if (!root || !body) throw new PackageError('tidak ada isi dokumen Word (word/document.xml)');
  const sect = kid(body, 'sectPr');
  const pgSz = kid(sect, 'pgSz');
  const pgW = numAttr(pgSz, 'w') ?? 11906;
  const pgH = numAttr(pgSz, 'h') ?? 16838;
  const pgMar = kid(sect, 'pgMar');
  const marginLeft = (numAttr(pgMar, 'left') ?? 1440) * EMU_PER_TWIP;
  const textWidth = (pgW - (numAttr(pgMar, 'left') ?? 1440) - (numAttr(pgMar, 'right') ?? 1440)) * EMU_PER_TWIP;
  const styles = xmlPart(parts, 'word/styles.xml');
  const sz = numAttr(path(styles, 'docDefaults', 'rPrDefault', 'rPr', 'sz'), 'val');
  const ctx: Context = { page: 1, tables: 0, blocks: [], shapes: [], problems: [], fontPt: sz ? sz / 2 : 10, marginLeft, textWidth, vmlOther: 0 };
  const walk = (el: Element) => {
    for (const c of kids(el)) {
      if (c.localName === 'p') {
        const where: Where = { page: ctx.page };
        const read = readPara(c, ctx);
        ctx.blocks.push({ kind: 'para', para: read.para, where });
        if (read.drawings.length) ctx.problems.push({ where, message: 'gambar di luar tabel tidak dibaca sebagai bagan alir' });
      } else if (c.localName === 'tbl') ctx.blocks.push({ kind: 'table', table: readTable(c, ctx) });
      else if (c.localName === 'sdt') walk(kid(c, 'sdtContent') ?? c);
    }
  };
  walk(body);
  if (ctx.vmlOther) ctx.problems.push({ where: {}, message: `${ctx.vmlOther} gambar lama (VML, Word 2003) bukan simbol bagan maupun garis lurus dan tidak dibaca; bila itu panah, periksa kolom Lanjut` });
  const short = Math.min(pgW, pgH);
  const long = Math.max(pgW, pgH);
  const kertas = Math.abs(short - 11906) < 200 && Math.abs(long - 16838) < 200 ? 'A4' : Math.abs(short - 12189) < 250 && Math.abs(long - 18709) < 250 ? 'F4' : undefined;
  return { format: 'docx', blocks: ctx.blocks, shapes: ctx.shapes, page: { ...(kertas ? { kertas } : {}), landscape: pgW > pgH }, problems: ctx.problems };
}
