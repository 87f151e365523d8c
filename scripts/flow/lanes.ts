// Vertical routing lanes: x positions in the margins beside the symbols, a few per gap
// between actor columns. A lane carries several connectors if their spans do not meet.

export interface Lane {
  x: number;
  /** Gap index: 0 = left edge of the first actor column, n = right edge of the last. */
  gap: number;
  /** Occupied [lo, hi] y spans. */
  taken: Array<[number, number]>;
}

/** Lanes keep off the table's column rule and off the symbols. */
const OFF_RULE = 4;
const SPACING = 5;
const OFF_SYMBOL = 3;
/** Space left between two spans sharing a lane. */
const SPAN_SEP = 3;

/**
 * Lanes per gap. `colX` has n+1 column boundaries; `margins[c]` is the free width between
 * column c's edge and its symbols.
 */
export function buildLanes(colX: number[], margins: number[]): Lane[][] {
  const n = margins.length;
  const gaps: Lane[][] = [];
  for (let g = 0; g <= n; g++) {
    const X = colX[g]!;
    const xs: number[] = [];
    if (g > 0) xs.push(...offsets(margins[g - 1]!).map((d) => X - d));
    if (g < n) xs.push(...offsets(margins[g]!).map((d) => X + d));
    if (xs.length === 0) {
      // Columns too narrow for the usual spacing: one lane in the middle of a margin.
      if (g > 0) xs.push(X - margins[g - 1]! / 2);
      else xs.push(X + margins[g]! / 2);
    }
    gaps.push(xs.sort((a, b) => a - b).map((x) => ({ x, gap: g, taken: [] })));
  }
  return gaps;
}

function offsets(margin: number): number[] {
  const ds: number[] = [];
  for (let d = OFF_RULE; d <= margin - OFF_SYMBOL + 1e-9; d += SPACING) ds.push(d);
  return ds;
}

export function laneFree(lane: Lane, lo: number, hi: number): boolean {
  return lane.taken.every(([a, b]) => hi + SPAN_SEP <= a || lo - SPAN_SEP >= b);
}

export function takeLane(lane: Lane, lo: number, hi: number): void {
  lane.taken.push([lo, hi]);
}
