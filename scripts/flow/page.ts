// Geometry of one procedure page: column and row positions, bands, off-page connector size.
import { ptToPx } from '../print/units.ts';
import { SIZE, symbolWidth } from './geometry.ts';
import type { FlowGraph, LayoutInput } from './types.ts';

export interface PageGeom {
  /** Number of layout columns (actor columns, some possibly split, see layoutColumns). */
  n: number;
  /** Layout column boundaries, n+1 of them, from 0. */
  colX: number[];
  cw: number[];
  /** Layout column holding each actor's symbols. */
  actorCol: number[];
  /** For each layout column boundary (n+1): is a table rule drawn there? */
  isRule: boolean[];
  width: number;
  height: number;
  band: number;
  topBand: boolean;
  bottomBand: boolean;
  /** Top y of every row on the page, by node index. */
  rowTop: Map<number, number>;
  rowBottom: Map<number, number>;
  first: number;
  last: number;
}

/**
 * Where a column rule prints: Chromium paints the table's collapsed 0.75 pt (1 px) rules just
 * right of the column boundaries the overlay is laid out on (measured in the PDF), so a rule's
 * middle stands half its width right of its boundary. (Row rules are snapped to whole pixels,
 * within half a pixel of their boundaries either way.)
 */
export const RULE_MID_X = ptToPx(0.75) / 2;

/** Only tables with this few actors split their wide columns (see layoutColumns). */
const SPLIT_MAX_ACTORS = 2;
/** Narrowest side part worth having: room for an off-page connector and a lane or two. */
const SPLIT_MIN_SIDE = 40;

/**
 * With one or two actors there is no neighbouring actor column (or just one) to stand
 * off-page connectors in and few gaps for lanes. A wide actor column is then laid out as
 * three: side | centre | side, the centre just wide enough for the same symbol and its
 * margins. The symbol keeps its size and its place (the centre of the actor column).
 */
export function layoutColumns(columnWidths: number[]): { cw: number[]; actorCol: number[]; isRule: boolean[] } {
  if (columnWidths.length > SPLIT_MAX_ACTORS) return { cw: [...columnWidths], actorCol: columnWidths.map((_, i) => i), isRule: [true, ...columnWidths.map(() => true)] };
  const cw: number[] = [];
  const actorCol: number[] = [];
  const isRule = [true];
  for (const w of columnWidths) {
    const centre = Math.ceil(symbolWidth(w) / SIZE.widthRatio);
    const side = (w - centre) / 2;
    if (side >= SPLIT_MIN_SIDE) {
      cw.push(side, centre, side);
      actorCol.push(cw.length - 2);
      isRule.push(false, false, true);
    } else {
      cw.push(w);
      actorCol.push(cw.length - 1);
      isRule.push(true);
    }
  }
  return { cw, actorCol, isRule };
}

/** Does the page start with a top band, end with a bottom band? */
export interface PageBands {
  top: boolean;
  bottom: boolean;
}

/** The bands the page's flow needs: where a row's flow continues to the following row across its breaks. */
export function pageBands(input: LayoutInput, p: number): PageBands {
  const bands = bandBreaks(input.graph);
  const slice = input.pages[p]!;
  return { top: p > 0 && bands[slice.first - 1]!, bottom: p < input.pages.length - 1 && bands[slice.last]! };
}

export function pageGeom(input: LayoutInput, p: number, bands: PageBands = pageBands(input, p)): PageGeom {
  const { cw, actorCol, isRule } = layoutColumns(input.columnWidths);
  const colX = [0];
  for (const w of cw) colX.push(colX[colX.length - 1]! + w);
  const slice = input.pages[p]!;
  const band = input.bandHeight;
  const topBand = bands.top;
  const bottomBand = bands.bottom;
  const rowTop = new Map<number, number>();
  const rowBottom = new Map<number, number>();
  let y = topBand ? band : 0;
  for (let i = slice.first; i <= slice.last; i++) {
    rowTop.set(i, y);
    y += input.rowHeights[i]!;
    rowBottom.set(i, y);
  }
  const height = y + (bottomBand ? band : 0);
  // Actor column boundaries are rules; the splits of a wide column (layoutColumns) are not.
  return { n: cw.length, colX, cw, actorCol, isRule, width: colX[cw.length]!, height, band, topBand, bottomBand, rowTop, rowBottom, first: slice.first, last: slice.last };
}

/**
 * Per row (node index): would a page break after it need connector bands? Only when an edge
 * runs to the following row: that flow goes straight down into the bottom band's connector and
 * out of its twin in the next page's top band. Jumps across a break stand beside their rows
 * (beside.ts), so a break without such an edge would leave both bands empty.
 */
export function bandBreaks(graph: FlowGraph): boolean[] {
  const next = new Set(graph.edges.map((e) => `${e.from}>${e.to}`));
  return graph.nodes.map((n, i) => i + 1 < graph.nodes.length && next.has(`${n.no}>${graph.nodes[i + 1]!.no}`));
}

export function colCenter(g: PageGeom, col: number): number {
  return g.colX[col]! + g.cw[col]! / 2;
}

/** Off-page connector size: never wider than the column's symbols, at most `room` tall. */
export function pentSize(g: PageGeom, col: number, room: number): { w: number; h: number } {
  return { w: Math.min(SIZE.offpage, symbolWidth(g.cw[col]!)), h: Math.max(8, Math.min(SIZE.offpage, room)) };
}
