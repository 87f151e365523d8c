// Vertical routing lanes: x positions in the margins beside the symbols, a few per gap
// between actor columns. A lane carries several connectors if their spans do not meet.
import { LINE_CLEAR } from './geometry.ts';

export interface Lane {
  x: number;
  /**
   * Group index: 0 = left edge of the first actor column, n = right edge of the last; n+1+c =
   * the middle of column c (see columnMiddles).
   */
  gap: number;
  /** Where the group stands among the columns: gap g at g, the middle of column c at c + 0.5. */
  at: number;
  /** Distance to the rule of its gap (Infinity where there is none: a split, a column's middle). */
  offRule: number;
  /** Occupied [lo, hi] y spans. */
  taken: Array<[number, number]>;
}

/**
 * Lanes keep 8 px off the table's column rules (closer, a line reads as a doubled rule), 6 px
 * off each other, and off the symbols. Where a wide column is only split for layout there is
 * no rule: lanes may stand at the boundary itself.
 */
export const OFF_RULE = 8;
export const SPACING = 6;
const OFF_SYMBOL = LINE_CLEAR;
/** Space left between two spans sharing a lane. */
const SPAN_SEP = 3;

/**
 * Lanes per gap. `colX` has n+1 column boundaries; `margins[c]` is the free width between
 * column c's edge and its symbols; a rule prints `ruleMid` right of its boundary (RULE_MID_X),
 * and lanes keep their distance from where it prints.
 */
export function buildLanes(colX: number[], margins: number[], isRule: boolean[] = colX.map(() => true), ruleMid = 0): Lane[][] {
  const n = margins.length;
  const gaps: Lane[][] = [];
  for (let g = 0; g <= n; g++) {
    const shift = isRule[g] ? ruleMid : 0;
    const X = colX[g]! + shift;
    const xs: number[] = [];
    const first = isRule[g] ? OFF_RULE : SPACING / 2;
    // The margins as seen from the rule's middle.
    const left = g > 0 ? margins[g - 1]! + shift : 0;
    const right = g < n ? margins[g]! - shift : 0;
    if (g > 0) xs.push(...offsets(left, first).map((d) => X - d));
    if (g < n) xs.push(...offsets(right, first).map((d) => X + d));
    if (xs.length === 0) {
      // Columns too narrow for the usual spacing: one lane off the rule if the margin leaves
      // 2 px to the symbols (routes avoid passing them there, see route.ts), else in its middle.
      const at = (m: number): number => (m >= first + 2 ? first : m / 2);
      if (g > 0) xs.push(X - at(margins[g - 1]!));
      else xs.push(X + at(margins[g]!));
    }
    gaps.push(xs.sort((a, b) => a - b).map((x) => ({ x, gap: g, at: g, offRule: isRule[g] ? Math.abs(x - X) : Infinity, taken: [] })));
  }
  return gaps;
}

/**
 * One lane through the middle of each column, numbered after the n+1 gaps: a long line runs
 * there, where no symbol stands along it, rather than beside a rule (where it reads as a
 * doubled rule). Which spans are free is up to the router.
 */
export function columnMiddles(colX: number[]): Lane[][] {
  const n = colX.length - 1;
  return Array.from({ length: n }, (_, c) => [{ x: (colX[c]! + colX[c + 1]!) / 2, gap: n + 1 + c, at: c + 0.5, offRule: Infinity, taken: [] }]);
}

function offsets(margin: number, first: number): number[] {
  const ds: number[] = [];
  for (let d = first; d <= margin - OFF_SYMBOL + 1e-9; d += SPACING) ds.push(d);
  return ds;
}

export function laneFree(lane: Lane, lo: number, hi: number): boolean {
  return lane.taken.every(([a, b]) => hi + SPAN_SEP <= a || lo - SPAN_SEP >= b);
}

export function takeLane(lane: Lane, lo: number, hi: number): void {
  lane.taken.push([lo, hi]);
}
