// Off-page connectors of jumps between pages, placed beside the row they leave or enter.
// A row holds one step symbol, so the neighbouring actor columns of that row are free: each
// connector stands there and is joined to the symbol by one horizontal line (from a side,
// or turning out of the free bottom / into the free top). Heights and columns are chosen so
// that no line runs through another connector. When a row has more than fits, the extra
// ones stand in a free cell of a nearby row, or failing that of the page's connector band,
// and are routed like jumps (rare: crowded rows in tables with few actor columns).
import { SIZE, SYMBOL_CLEAR } from './geometry.ts';
import { colCenter, pentSize } from './page.ts';
import type { PageGeom } from './page.ts';
import type { PlannedEdge } from './plan.ts';
import type { Obj, Port, Side } from './route.ts';
import type { PlacedSymbol } from './types.ts';

/** A cross-page edge's end on this page. */
export interface Piece {
  pe: PlannedEdge;
  /** The row's symbol it leaves (out) or enters. */
  obj: Obj;
  out: boolean;
}

/** How a connector beside its row joins the symbol. */
export type Via = 'side' | 'bottom' | 'top';

export interface Beside {
  piece: Piece;
  /** Where the line meets the symbol (side port), or where it turns (bottom/top). */
  port: Port;
  pent: PlacedSymbol;
  via: Via;
}

/** A connector standing in another row's free cell, as an object for the lane router. */
export interface Remote {
  piece: Piece;
  obj: Obj;
}

export interface RowEnds {
  bottomFree(row: number): boolean;
  topFree(row: number): boolean;
}

/**
 * A one-bend hand-off leaving `row`'s symbol by `side` at mid-height: connectors on that side
 * must stand above its line (below, their lines would cross its descent).
 */
export interface Wall {
  row: number;
  side: Side;
  /** How far below mid-height the line may leave to pass clear under connectors above it. */
  drop: number;
}

interface Slot {
  /** A hand-off's line, not a connector (see Wall): its index among the walls, and its drop. */
  wall?: { index: number; drop: number };
  side: Side;
  col: number;
  /** Centre height of the connector relative to the row symbol's centre. */
  dy: number;
  via: Via | 'remote';
  exit: boolean;
}

/** Search budget per row; rows have a handful of connectors, so this is never reached in practice. */
const BUDGET = 20000;

/**
 * `bandCols` holds the columns already used in each band (by the pseudo-row index of the
 * band: first-1 for the top band, last+1 for the bottom one).
 */
export function placeOffpage(
  g: PageGeom,
  pieces: Piece[],
  objs: Map<number, Obj>,
  ends: RowEnds,
  bandCols: Map<number, number[]>,
  walls: Wall[] = [],
  toBand: ReadonlySet<number> = new Set(),
): { besides: Beside[]; remotes: Remote[]; wallDys: number[] } {
  const taken = new Map<number, Slot[]>();
  walls.forEach((w, index) => taken.set(w.row, [...(taken.get(w.row) ?? []), { wall: { index, drop: w.drop }, side: w.side, col: -1, dy: 0, via: 'side', exit: false }]));
  const besides: Beside[] = [];
  const overflow: Piece[] = [];
  // Pieces sent to the band (a retry after a knot, see layout.ts) skip the rows.
  const sorted = pieces.filter((p) => !toBand.has(p.pe.index)).sort(
    (a, b) => a.obj.row - b.obj.row || Number(isExit(b)) - Number(isExit(a)) || a.pe.index - b.pe.index,
  );
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.obj === sorted[i]!.obj) j++;
    const row = sorted.slice(i, j);
    const o = row[0]!.obj;
    const fixed = taken.get(o.row) ?? [];
    const { slots, rest } = solveRow(g, row, ends, fixed);
    taken.set(o.row, [...fixed]);
    row.forEach((piece, k) => {
      const slot = slots[k];
      if (slot) besides.push(attachBeside(g, piece, slot, taken.get(o.row)!));
    });
    overflow.push(...rest);
    i = j;
  }

  const remotes: Remote[] = [];
  const inBand = new Map([...bandCols].map(([row, cols]) => [row, [...cols]]));
  for (const piece of [...pieces.filter((p) => toBand.has(p.pe.index)), ...overflow]) {
    const r = toBand.has(piece.pe.index)
      ? placeInBand(g, piece, inBand) ?? placeRemote(g, piece, objs, taken)
      : placeRemote(g, piece, objs, taken) ?? placeInBand(g, piece, inBand);
    if (r) remotes.push(r);
    else besides.push(attachBeside(g, piece, { side: 'R', col: piece.obj.col, dy: 0, via: 'side', exit: isExit(piece) }, [])); // nowhere: the checker reports it
  }
  // A remote connector may send lines only away from its row's symbol, and not past the
  // next connector standing in that row.
  for (const rm of remotes) {
    const band = inBand.get(rm.obj.row);
    if (band) {
      rm.obj.pentCols = { L: band.filter((c) => c < rm.obj.col), R: band.filter((c) => c > rm.obj.col) };
      continue;
    }
    const o = objs.get(rm.obj.row)!;
    const toward: Side = rm.obj.col > o.col ? 'L' : 'R';
    const away: Side = toward === 'L' ? 'R' : 'L';
    rm.obj.pentCols[toward] = [rm.obj.col];
    rm.obj.pentCols[away] = (taken.get(rm.obj.row) ?? []).filter((s) => !s.wall).map((s) => s.col).filter((c) => (away === 'R' ? c > rm.obj.col : c < rm.obj.col));
  }
  // Each hand-off's line leaves as high as the connectors above it on its side allow.
  const wallDys = walls.map(() => 0);
  for (const slots of taken.values()) {
    for (const w of slots) {
      if (!w.wall) continue;
      const ph = pentH(g, objs.get(walls[w.wall.index]!.row)!);
      for (const q of slots) if (!q.wall && q.side === w.side) wallDys[w.wall.index] = Math.max(wallDys[w.wall.index]!, q.dy + ph / 2 + SYMBOL_CLEAR);
    }
  }
  return { besides, remotes, wallDys };
}

function isExit(p: Piece): boolean {
  return p.out && p.pe.exit;
}

function pentH(g: PageGeom, o: Obj): number {
  return pentSize(g, o.col, SIZE.offpage).h;
}

/** Candidate slots for a piece, best first. */
function candidates(g: PageGeom, piece: Piece, alt: boolean, ends: RowEnds): Slot[] {
  const o = piece.obj;
  const ph = pentH(g, o);
  const usable = o.sym.height / 2 - 2;
  const step = ph / 2 + 1;
  // Clear of a line passing at the symbol's mid-height (see compatible).
  const clear = ph / 2 + SYMBOL_CLEAR;
  const exit = isExit(piece);
  // An exit leaves from a vertex; on a decision the others keep the vertex height free.
  const dys = (exit ? [0] : o.sym.kind === 'decision' ? [-step, step, 0, -clear, clear] : [0, step, -step, -clear, clear]).filter((d) => Math.abs(d) <= usable + 1e-9);
  if (dys.length === 0) dys.push(0);
  const sides: Side[] = alt ? ['L', 'R'] : ['R', 'L'];
  const slots: Slot[] = [];
  for (let k = 1; k < g.n; k++) {
    for (const side of sides) {
      const col = o.col + (side === 'R' ? k : -k);
      if (col >= 0 && col < g.n) for (const dy of dys) slots.push({ side, col, dy, via: 'side', exit });
    }
  }
  // Then the free bottom (leaving) or top (entering): the line turns out of / into the
  // symbol's middle, and the connector stands below / above the side ones.
  const off = Math.max(o.sym.height / 2 + 4, ph + 1);
  const via: Via = piece.out ? 'bottom' : 'top';
  // Only where the connector stays inside its own row.
  const roomy = o.cy + off + ph / 2 <= g.rowBottom.get(o.row)! && o.cy - off - ph / 2 >= g.rowTop.get(o.row)!;
  if (roomy && (piece.out ? ends.bottomFree(o.row) : ends.topFree(o.row))) {
    for (const side of sides) {
      const col = o.col + (side === 'R' ? 1 : -1);
      if (col >= 0 && col < g.n) slots.push({ side, col, dy: piece.out ? off : -off, via, exit });
    }
  }
  return slots;
}

/**
 * Can connectors (or a connector and a hand-off's line) stand at both slots? A line passing
 * a connector it does not join keeps SYMBOL_CLEAR from it.
 */
function compatible(s: Slot, q: Slot, ph: number): boolean {
  if (q.wall || s.wall) {
    const other = q.wall ? s : q;
    const wall = (q.wall ?? s.wall)!;
    return other.side !== (q.wall ? q : s).side || other.dy <= wall.drop - (ph / 2 + SYMBOL_CLEAR);
  }
  if (s.via === q.via && (s.via === 'bottom' || s.via === 'top')) return false;
  if (q.side !== s.side) return true;
  if (s.exit && q.exit && s.via === 'side' && q.via === 'side') return false;
  return Math.abs(q.dy - s.dy) >= (q.col === s.col ? ph + 1 : ph / 2 + SYMBOL_CLEAR);
}

/**
 * Slots for as many of the row's pieces as fit (backtracking), in piece order; the pieces
 * that do not fit are returned in `rest`.
 */
function solveRow(g: PageGeom, row: Piece[], ends: RowEnds, fixed: Slot[]): { slots: Array<Slot | undefined>; rest: Piece[] } {
  const ph = pentH(g, row[0]!.obj);
  const cands = row.map((p, i) => candidates(g, p, i % 2 === 1, ends));
  let budget = BUDGET;
  const solve = (idx: number[]): Slot[] | undefined => {
    const chosen: Slot[] = [];
    const go = (k: number): boolean => {
      if (k === idx.length) return true;
      for (const s of cands[idx[k]!]!) {
        if (--budget < 0) return false;
        if (!chosen.every((q) => compatible(s, q, ph)) || !fixed.every((q) => compatible(s, q, ph))) continue;
        chosen.push(s);
        if (go(k + 1)) return true;
        chosen.pop();
      }
      return false;
    };
    return go(0) ? chosen : undefined;
  };
  const all = row.map((_, i) => i);
  const full = solve(all);
  if (full) return { slots: full, rest: [] };
  // Keep the pieces that fit together, in order; the others go elsewhere.
  let kept: number[] = [];
  let best: Slot[] = [];
  for (const i of all) {
    const s = solve([...kept, i]);
    if (s) {
      kept = [...kept, i];
      best = s;
    }
  }
  const slots: Array<Slot | undefined> = row.map(() => undefined);
  kept.forEach((i, k) => (slots[i] = best[k]));
  return { slots, rest: row.filter((_, i) => !kept.includes(i)) };
}

function attachBeside(g: PageGeom, piece: Piece, slot: Slot, taken: Slot[]): Beside {
  const o = piece.obj;
  const { w, h } = pentSize(g, slot.col, SIZE.offpage);
  // Single actor column: nowhere beside, so squeeze it into the margin (the checker tells).
  const x = slot.col === o.col ? o.sym.x + o.sym.width + 2 : colCenter(g, slot.col) - w / 2;
  const y = o.cy + slot.dy - h / 2;
  const pent: PlacedSymbol = { id: piece.pe.letter!, kind: 'offpage', x, y, width: w, height: h, text: piece.pe.letter! };
  const port: Port = { obj: o, side: slot.side, fixed: slot.dy, key: 0 };
  const via: Via = slot.via === 'remote' ? 'side' : slot.via;
  if (via === 'side') {
    o.ports[slot.side].push(port);
    if (slot.exit) o.exitSides.add(slot.side);
  } else port.point = { x: o.cx, y: o.cy + slot.dy };
  o.pentCols[slot.side].push(slot.col);
  taken.push(slot);
  return { piece, port, pent, via };
}

/** A free cell in a nearby row: entries above their row, exits below, nearest first. */
function placeRemote(g: PageGeom, piece: Piece, objs: Map<number, Obj>, taken: Map<number, Slot[]>): Remote | undefined {
  const r = piece.obj.row;
  const dir = piece.out ? 1 : -1;
  for (let d = 1; d <= g.last - g.first; d++) {
    for (const row of [r + dir * d, r - dir * d]) {
      const o = objs.get(row);
      if (!o) continue;
      const ph = pentH(g, o);
      const usable = o.sym.height / 2 - 2;
      const step = ph / 2 + 1;
      const clear = ph / 2 + SYMBOL_CLEAR;
      const dys = [0, step, -step, clear, -clear].filter((dy) => Math.abs(dy) <= usable + 1e-9);
      const cols = [...Array(g.n).keys()].filter((c) => c !== o.col).sort((a, b) => Math.abs(a - piece.obj.col) - Math.abs(b - piece.obj.col) || a - b);
      const here = taken.get(row) ?? [];
      for (const col of cols) {
        for (const dy of dys) {
          const slot: Slot = { side: col > o.col ? 'R' : 'L', col, dy, via: 'remote', exit: false };
          if (!here.every((q) => compatible(slot, q, ph))) continue;
          here.push(slot);
          taken.set(row, here);
          o.pentCols[slot.side].push(col);
          const { w, h } = pentSize(g, col, SIZE.offpage);
          const cx = colCenter(g, col);
          const cy = o.cy + dy;
          const sym: PlacedSymbol = { id: piece.pe.letter!, kind: 'offpage', x: cx - w / 2, y: cy - h / 2, width: w, height: h, text: piece.pe.letter! };
          const obj: Obj = { sym, row, col, cx, cy, ports: { L: [], R: [] }, exitSides: new Set(), pentCols: { L: [], R: [] } };
          return { piece, obj };
        }
      }
    }
  }
  return undefined;
}

/**
 * Last resort: a free cell of the page's connector bands (exits prefer the bottom one,
 * entries the top one), where readers look for off-page connectors anyway.
 */
function placeInBand(g: PageGeom, piece: Piece, inBand: Map<number, number[]>): Remote | undefined {
  const bands: Array<{ row: number; cy: number }> = [];
  const top = g.topBand ? { row: g.first - 1, cy: g.band / 2 } : undefined;
  const bottom = g.bottomBand ? { row: g.last + 1, cy: g.height - g.band / 2 } : undefined;
  for (const b of piece.out ? [bottom, top] : [top, bottom]) if (b) bands.push(b);
  for (const { row, cy } of bands) {
    const used = inBand.get(row) ?? [];
    const cols = [...Array(g.n).keys()].filter((c) => !used.includes(c)).sort((a, b) => Math.abs(a - piece.obj.col) - Math.abs(b - piece.obj.col) || a - b);
    const col = cols[0];
    if (col === undefined) continue;
    inBand.set(row, [...used, col]);
    const { w, h } = pentSize(g, col, g.band - 4);
    const cx = colCenter(g, col);
    const sym: PlacedSymbol = { id: piece.pe.letter!, kind: 'offpage', x: cx - w / 2, y: cy - h / 2, width: w, height: h, text: piece.pe.letter! };
    return { piece, obj: { sym, row, col, cx, cy, ports: { L: [], R: [] }, exitSides: new Set(), pentCols: { L: [], R: [] } } };
  }
  return undefined;
}
