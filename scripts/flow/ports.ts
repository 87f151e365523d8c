// Where on a symbol's side each connector attaches: distinct heights so that no two
// horizontal runs leaving the same side can overlap.

export interface SideItem {
  /** Ordering of free items, top to bottom. */
  key: number;
  /** Pinned offset from the side's centre (decision vertex, off-page connector). */
  fixed?: number;
}

/** Free items keep this far from pinned ones, and at most this far apart from each other. */
const MIN_SEP = 4;
const MAX_STEP = 7;

/**
 * Vertical offsets (from the side's centre, within ±usable) for the items, in input order.
 * Free items are spread in key order over the heights left by the pinned ones.
 */
export function sideOffsets(items: SideItem[], usable: number): number[] {
  const out = new Array<number>(items.length).fill(0);
  const fixed: number[] = [];
  const free: number[] = [];
  items.forEach((it, i) => {
    if (it.fixed !== undefined) {
      out[i] = it.fixed;
      fixed.push(it.fixed);
    } else free.push(i);
  });
  free.sort((a, b) => items[a]!.key - items[b]!.key || a - b);
  const k = free.length;
  if (k === 0) return out;
  if (fixed.length === 0) {
    const step = k > 1 ? Math.min(MAX_STEP, (2 * usable) / (k - 1)) : 0;
    free.forEach((idx, j) => (out[idx] = (j - (k - 1) / 2) * step));
    return out;
  }
  // Heights on a half-pixel grid that keep clear of the pinned items.
  const grid: number[] = [];
  for (let y = -usable; y <= usable + 1e-9; y += 0.5) {
    if (fixed.every((f) => Math.abs(y - f) >= MIN_SEP)) grid.push(y);
  }
  if (grid.length === 0) {
    free.forEach((idx, j) => (out[idx] = usable - j)); // nothing left: degrade, checker will tell
    return out;
  }
  if (k === 1) {
    // Midway between the pinned items and the corner, towards where its line goes
    // (negative keys go up), so the arrow neither hugs the other line nor the corner.
    const it = items[free[0]!]!;
    const score = (y: number): number => Math.min(...fixed.map((f) => Math.abs(y - f)), usable - Math.abs(y) + 3);
    const wantSign = it.key < 0 ? -1 : 1;
    const best = grid.reduce((b, y) => {
      const d = score(y) - score(b);
      if (Math.abs(d) > 1e-9) return d > 0 ? y : b;
      return Math.sign(y) === wantSign && Math.sign(b) !== wantSign ? y : b;
    }, grid[0]!);
    out[free[0]!] = best;
    return out;
  }
  // Lines going up (negative keys) above the pinned ones, lines going down below: a line
  // turning up from under a pinned one would cross it.
  const up = free.filter((i) => items[i]!.key < 0);
  const down = free.filter((i) => items[i]!.key >= 0);
  const top = Math.min(...fixed);
  const bottom = Math.max(...fixed);
  const above = grid.filter((y) => y < top);
  const below = grid.filter((y) => y > bottom);
  if (above.length >= up.length && below.length >= down.length) {
    spread(up, above.slice(0, Math.max(up.length, Math.ceil(above.length / 2))), out);
    spread(down, below.slice(-Math.max(down.length, Math.ceil(below.length / 2))), out);
    return out;
  }
  spread(free, grid, out);
  return out;
}

/** Items (in order) over evenly spaced heights of `grid`, keeping them near each other. */
function spread(items: number[], grid: number[], out: number[]): void {
  const k = items.length;
  const m = grid.length;
  items.forEach((idx, j) => (out[idx] = grid[k > 1 ? Math.round((j * (m - 1)) / (k - 1)) : Math.floor((m - 1) / 2)]!));
}
