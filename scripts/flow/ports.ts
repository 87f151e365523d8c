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
/** Wanted distance between runs at one side (MIN_SEP is the least when a side is crowded). */
const SEP = 6;

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
  // Keys order pinned items too: each free one goes between the pinned ones its key falls
  // between (a line turning up from under a pinned one going further would cross it).
  const pinned = items.map((it, i) => ({ it, i })).filter(({ it }) => it.fixed !== undefined).sort((a, b) => a.it.fixed! - b.it.fixed!);
  const groups: number[][] = pinned.map(() => []);
  groups.push([]);
  for (const idx of free) groups[pinned.filter(({ it }) => it.key < items[idx]!.key).length]!.push(idx);
  const bounds = [-Infinity, ...pinned.map(({ it }) => it.fixed!), Infinity];
  if (spaced(groups, bounds, usable, out)) return out;
  const fits = groups.every((g, k) => grid.filter((y) => y > bounds[k]! && y < bounds[k + 1]!).length >= g.length);
  if (!fits) {
    spread(free, grid, out);
    return out;
  }
  groups.forEach((g, k) => {
    const room = grid.filter((y) => y > bounds[k]! && y < bounds[k + 1]!);
    // Outer groups keep close to their pinned neighbour, inner ones spread between both.
    const near = k === 0 ? room.slice(-Math.max(g.length, Math.ceil(room.length / 2))) : k === groups.length - 1 ? room.slice(0, Math.max(g.length, Math.ceil(room.length / 2))) : room;
    spread(g, near, out);
  });
  return out;
}

/**
 * Each group between its pinned neighbours at least SEP from them and from each other (runs
 * closer than that read as one thick line), centred in their room; outer groups in the half
 * next to their pinned neighbour.
 * False when some group does not fit so (the caller then packs them tighter).
 */
function spaced(groups: number[][], bounds: number[], usable: number, out: number[]): boolean {
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    if (g.length === 0) continue;
    let lo = Math.max(-usable, bounds[k]! + SEP);
    let hi = Math.min(usable, bounds[k + 1]! - SEP);
    const need = SEP * (g.length - 1);
    if (hi - lo < need - 1e-9) return false;
    // Outer groups keep to the half nearest their pinned neighbour when they fit there.
    const mid = (lo + hi) / 2;
    if (k === 0 && groups.length > 1 && hi - mid >= need) lo = mid;
    else if (k === groups.length - 1 && groups.length > 1 && mid - lo >= need) hi = mid;
    const step = g.length > 1 ? Math.min(MAX_STEP, (hi - lo) / (g.length - 1)) : 0;
    const start = (lo + hi - step * (g.length - 1)) / 2;
    g.forEach((idx, j) => (out[idx] = start + j * step));
  }
  return true;
}

/** Items (in order) over evenly spaced heights of `grid`, keeping them near each other. */
function spread(items: number[], grid: number[], out: number[]): void {
  const k = items.length;
  const m = grid.length;
  items.forEach((idx, j) => (out[idx] = grid[k > 1 ? Math.round((j * (m - 1)) / (k - 1)) : Math.floor((m - 1) / 2)]!));
}
