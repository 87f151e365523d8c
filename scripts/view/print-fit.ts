// What the procedure page prints, estimated before any browser runs from the advance widths of
// the faces it prints in (flow/font-metrics.ts): the lines a cell wraps to, the height of a row,
// of the table header and of the closing signer block, and the room a page leaves one row.
// `sop check` refuses a value only when it cannot print by these figures (validate/steps.ts);
// test/pdf/limits.test.ts prints rows at the edge of what they accept. Pure.
import { headerFontMetrics, labelFontMetrics, textWidth, type FontMetrics } from '../flow/font-metrics.ts';
import { formWidth, LABEL_CLEAR, LABEL_FONT_SIZE, LABEL_MAX_LINES, labelForms } from '../flow/labels.ts';
import { syllables } from '../kit/hyphen.ts';
import { ptToPx } from '../print/units.ts';
import { PX_PER_MM, type Paper, type ProcedureColumns } from './paper.ts';
import type { ColumnHeaders } from '../model/sop.ts';

/** sop.css: the table prints at 8 pt, line-height 1.3; a cell has 3 px of padding above and below, 4 px each side, and a 0.75 pt rule. */
export const TABLE_PT = 8;
const LINE = 1.3;
const CELL_PAD_Y = 6;
const CELL_PAD_X = 8;
const RULE = 1;
/** sop.css `tr.langkah td { height: 48px }`: the least a row is printed at. */
export const MIN_ROW = 48;
/** plan/procedure.ts BAND_HEIGHT: the off-page connector bands above and below a page's rows. */
const BAND = 24;
/**
 * Chromium's line breaking and kerning differ a little from a sum of advance widths: the
 * estimate takes text 3 % wider than its advances and a cell's room a pixel narrower, so that
 * what it accepts prints (test/pdf/limits.test.ts prints rows at the edge).
 */
const SAFETY = 1.03;

const px = (pt: number) => ptToPx(pt);

/**
 * Lines `text` wraps to in `width` px at `sizePx`: greedy at spaces (as the browser does); a word
 * wider than the line breaks where it must (`overflow-wrap: anywhere`), or, with `hyphenate`,
 * between syllables with a hyphen first.
 */
export function wrapCount(text: string, width: number, sizePx: number, m: FontMetrics = labelFontMetrics(), hyphenate = false): number {
  const w = (s: string) => textWidth(s, sizePx, m) * SAFETY;
  const space = w(' ');
  let lines = 0;
  let used = -1; // -1: no line open
  const put = (piece: number) => {
    if (used >= 0 && used + space + piece <= width) used += space + piece;
    else {
      lines++;
      used = piece;
    }
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const whole = w(word);
    if (whole <= width) {
      put(whole);
      continue;
    }
    // Too wide for any line: it starts a line of its own and breaks inside.
    const pieces = hyphenate ? syllables(word) : [...word];
    let line = -1;
    pieces.forEach((p, i) => {
      const pw = w(hyphenate && i < pieces.length - 1 ? `${p}-` : p);
      if (line >= 0 && line + pw <= width) {
        line += w(p);
        return;
      }
      // A syllable wider than the line breaks anywhere too.
      const extra = pw > width ? Math.ceil(pw / width) - 1 : 0;
      lines += 1 + extra;
      line = pw - extra * width;
    });
    used = line;
  }
  return Math.max(1, lines);
}

/** Height (px) of a text block of `lines` lines at `pt`, line-height 1.3. */
const linesHeight = (lines: number, pt: number) => lines * px(pt) * LINE;

/** The text cells of a procedure row, and the columns they print in. */
export type RowCell = 'kegiatan' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan';
export const ROW_CELLS: readonly RowCell[] = ['kegiatan', 'kelengkapan', 'waktu', 'output', 'keterangan'];

export interface CellFit {
  cell: RowCell;
  lines: number;
  /** Height of the cell, padding and rule included (px). */
  height: number;
}

/** Each text cell's lines and height at the table's size, tallest first. */
export function rowCells(texts: Record<RowCell, string>, columns: ProcedureColumns): CellFit[] {
  return ROW_CELLS.map((cell) => {
    const lines = texts[cell] ? wrapCount(texts[cell], columns[cell] - CELL_PAD_X - RULE - 1, px(TABLE_PT)) : 0;
    return { cell, lines, height: linesHeight(lines, TABLE_PT) + CELL_PAD_Y + RULE };
  }).sort((a, b) => b.height - a.height);
}

/** Height of a row (px): its tallest cell, at least MIN_ROW. */
export const rowHeight = (cells: CellFit[]) => Math.max(MIN_ROW, ...cells.map((c) => c.height));

/** Header words as written (No, Kegiatan, …), the actors' names and their size. */
export interface HeaderTexts extends ColumnHeaders {
  actors: string[];
  actorPt: number;
}

/** Height (px) of the procedure table's header: two rows of titles and the row of column numbers. */
export function theadHeight(h: HeaderTexts, c: ProcedureColumns): number {
  const bold = headerFontMetrics();
  const cell = (text: string, width: number, pt = TABLE_PT, hyphenate = false) =>
    linesHeight(wrapCount(text.replace(/\//g, '/ '), width - CELL_PAD_X - RULE - 1, px(pt), bold, hyphenate), pt) + CELL_PAD_Y + RULE;
  const actorsWidth = c.actors.reduce((a, b) => a + b, 0);
  const first = Math.max(cell(h.pelaksana, actorsWidth), cell('Mutu Baku', c.kelengkapan + c.waktu + c.output));
  const second = Math.max(
    ...h.actors.map((a, i) => cell(a, c.actors[i]!, h.actorPt, true)),
    cell(h.kelengkapan, c.kelengkapan), cell(h.waktu, c.waktu), cell(h.output, c.output),
  );
  const spanning = Math.max(cell(h.no, c.no), cell(h.kegiatan, c.kegiatan), cell(h.keterangan, c.keterangan));
  const numbers = linesHeight(1, 7) + 2 + RULE;
  // A pixel for the rules' rounding: the browser's header is up to half a pixel taller.
  return Math.max(first + second, spanning) + numbers + 1;
}

/** Height (px) of the running head of a procedure page (`SOP : <nama>` beside the office's name), its 2 mm margin included. */
export function runningHeadHeight(nama: string, instansi: string, innerWidth: number): number {
  const bold = headerFontMetrics();
  const inst = Math.min(innerWidth / 2, textWidth(instansi, px(8)) * SAFETY);
  const lines = wrapCount(`SOP : ${nama.toUpperCase()}`, innerWidth - inst - 8, px(10), bold);
  return linesHeight(lines, 10) + 2 * PX_PER_MM;
}

export interface ClosingTexts {
  /** The note above the jabatan of an e-signed SOP (8 pt italic). */
  note?: string;
  jabatan: string;
  nama: string;
  pangkat?: string;
  nip?: string;
}

/**
 * Height (px) of the closing signature block under the last row (sop.css `.penutup`, 95 mm wide
 * at 8.5 pt): its 4 mm margin, the note, the upper-case jabatan and the name in bold, the 18 mm
 * signature box, pangkat and NIP; each as many lines as it wraps to.
 */
export function closingHeight(t: ClosingTexts): number {
  const width = 95 * PX_PER_MM;
  const bold = headerFontMetrics();
  const lines = (text: string | undefined, m: FontMetrics = labelFontMetrics()) => (text ? wrapCount(text, width, px(8.5), m) : 0);
  const text = lines(t.jabatan.toUpperCase(), bold) + lines(t.nama, bold) + lines(t.pangkat) + lines(t.nip && `NIP. ${t.nip}`);
  return 4 * PX_PER_MM + (t.note ? linesHeight(lines(t.note), 8) : 0) + linesHeight(text, 8.5) + 18 * PX_PER_MM + 1;
}

/** Room (px) a procedure page leaves its rows: the sheet inside its margins, less the running head and the table header. */
export function pageRoom(p: Paper, runningHead: number, thead: number): number {
  return Math.floor((p.heightMm - p.margin[0] - p.margin[2]) * PX_PER_MM - runningHead - thead) - 1;
}

/** Room (px) for one row on a page of its own between the two connector bands. */
export const roomForRow = (room: number) => room - 2 * BAND;
/** Room (px) for the last row on its page, above the closing block, below the top band. */
export const roomForLastRow = (room: number, closing: number) => room - BAND - closing;

/**
 * Lines a decision label takes in its actor column at the flowchart's label size, clear of the
 * rules: the fewest of flow/labels.ts's forms that fit (the ones placement tries), or, when no
 * form of LABEL_MAX_LINES fits, as many as it wraps to greedily (for the message).
 */
export function labelLineCount(label: string, actorColumn: number): number {
  const room = actorColumn - 2 * LABEL_CLEAR;
  if (textWidth(label, LABEL_FONT_SIZE) <= room) return 1;
  const form = labelForms(label, LABEL_FONT_SIZE).find((f) => formWidth(f, LABEL_FONT_SIZE) <= room);
  return form ? form.length : Math.max(LABEL_MAX_LINES + 1, wrapCount(label, room, LABEL_FONT_SIZE, labelFontMetrics(), true));
}

export { LABEL_MAX_LINES };

/** px → mm, rounded to a tenth, for messages. */
export const mm = (pxValue: number) => Math.round((pxValue / PX_PER_MM) * 10) / 10;
