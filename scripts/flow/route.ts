// Routing of jumps on one page: every edge that is not "down to the following row" leaves
// its source from a side (or its free bottom), runs along a vertical lane in a gap between
// actor columns, and enters its target from a side (or its free top). Lanes sit in column
// margins, which no symbol occupies, and each row holds one step symbol (plus its own
// off-page connectors), so these routes meet other connectors only at crossing points.
// When the two ends cannot see a common gap, the route changes lane once, through the free
// space between two rows ("jog").
import { laneFree, SPACING, takeLane } from './lanes.ts';
import type { Lane } from './lanes.ts';
import type { PlannedEdge } from './plan.ts';
import type { PlacedSymbol, Point } from './types.ts';

export type Side = 'L' | 'R';

/** A placed symbol with the connectors attached to its left and right sides. */
export interface Obj {
  sym: PlacedSymbol;
  /** Node index of the row it stands in. */
  row: number;
  col: number;
  cx: number;
  cy: number;
  ports: Record<Side, Port[]>;
  /** Decision vertices already used by an exit. */
  exitSides: Set<Side>;
  /** Columns holding this row's off-page connectors, per side. */
  pentCols: Record<Side, number[]>;
  /**
   * Heights (best first) at which a route leaving the bottom (entering the top) may turn
   * sideways, in the free band below (above) the row; undefined when that end is used.
   */
  belowY?: number[];
  aboveY?: number[];
}

export interface Port {
  obj: Obj;
  side: Side;
  /** Pinned offset from the side's centre. */
  fixed?: number;
  /** Order among free ports, top to bottom (set once lanes are known). */
  key: number;
  /** Set by the layout once offsets are assigned. */
  point?: Point;
}

/** One end of a lane route: a side port, or the bottom (source) / top (target) middle. */
export type End = { kind: 'side'; port: Port } | { kind: 'vertical'; obj: Obj; turnY: number };

/** An edge (or the on-page half of one) to route between two placed objects. */
export interface Job {
  pe: PlannedEdge;
  A: Obj;
  B: Obj;
  /** Leaves a decision: from a vertex, one exit per vertex. */
  exit: boolean;
  /** Carries the edge's label (the half that leaves the source). */
  labelled: boolean;
}

export interface LaneRoute {
  job: Job;
  from: End;
  to: End;
  /** Lane x positions: one, or two joined by a horizontal run at jogY. */
  xs: [number] | [number, number];
  /** The gaps those lanes stand in. */
  gaps: number[];
  jogY?: number;
}

/** A horizontal run already on the page, for crossings and for sharing a height safely. */
export interface HRun {
  y: number;
  x0: number;
  x1: number;
  /** Symbols its connector joins: crossing a connector that shares one is far worse. */
  ends?: string[];
}

export interface VRun {
  x: number;
  y0: number;
  y1: number;
  ends?: string[];
}

/** Free vertical space between the contents of row k and row k+1, and the table rule between them. */
export interface Space {
  a: number;
  b: number;
  rule: number;
}
export type Spaces = Map<number, Space>;

/** Horizontal runs keep this far from a row rule (closer, they read as a doubled rule) and from symbols. */
export const RUN_OFF_RULE = 8;
const RUN_OFF_SYMBOL = 3;

/**
 * Heights for horizontal runs through a space, each through the middle of a free band: the
 * part above the rule (`lower`, where bottom exits turn) and below it (`upper`, top entries),
 * both at least RUN_OFF_RULE from the rule; undefined where the band is too thin. `jogs`
 * adds the quarter points of the bands.
 */
export function spaceHeights(s: Space): { lower?: number; upper?: number; lowers: number[]; uppers: number[]; jogs: number[] } {
  const { a, b, rule } = s;
  // The middle, and the quarter points when they stand clear of it (a run beside another reads as one).
  const band = (lo: number, hi: number): number[] => (hi - lo >= 16 ? [(lo + hi) / 2, (3 * lo + hi) / 4, (lo + 3 * hi) / 4] : hi - lo >= -1e-9 ? [(lo + hi) / 2] : []);
  const below = band(a + RUN_OFF_SYMBOL, rule - RUN_OFF_RULE);
  const above = band(rule + RUN_OFF_RULE, b - RUN_OFF_SYMBOL);
  return { lower: below[0], upper: above[0], lowers: below, uppers: above, jogs: [...below, ...above] };
}

/** Weights of the lane choice: crossings cost far more than a detour; crowded sides and long runs less. */
export const W_CROSS = 300;
/** Crossing a connector of the same symbol (or one's own reverse) reads as a knot: never, unless forced. */
export const W_CROSS_SHARED = 5000;
const W_PORT = 6;
const W_NEAR_EXIT = 20;
const W_LEFT_LOOP = 1;
/** Leaving by the bottom or entering by the top is fine, but sides read better for jumps. */
const W_VERTICAL = 24;
const W_JOG = 60;
const GRAZE = 4;
/** Grazing a symbol reads as joining it: nearly as bad as a crossing (W_CROSS). */
const W_GRAZE = 250;
/** How many spaces beyond the rows of its ends a jog may turn in. */
const JOG_REACH = 2;
/** Lanes this close to a rule run beside it; beyond LONG_RUN px each px costs W_BESIDE_RULE (a column's middle may be free). */
const BESIDE_RULE = 12;
const LONG_RUN = 96;
const W_BESIDE_RULE = 1;
/** A column's middle keeps this far (vertically) from the symbols standing in it. */
const MIDDLE_PAD = 30;

export function sideX(o: Obj, side: Side): number {
  return side === 'R' ? o.sym.x + o.sym.width : o.sym.x;
}

export function objOf(e: End): Obj {
  return e.kind === 'side' ? e.port.obj : e.obj;
}

/** Range of gaps a side's connectors may turn into without meeting this row's off-page connectors. */
function gapRange(o: Obj, side: Side, n: number): [number, number] {
  if (side === 'R') return [o.col + 1, Math.min(n, ...o.pentCols.R)];
  return [Math.max(0, ...o.pentCols.L.map((c) => c + 1)), o.col];
}

function exitSideFree(o: Obj, side: Side): boolean {
  return !o.exitSides.has(side) && o.ports[side].every((q) => q.fixed === undefined || Math.abs(q.fixed) >= 3);
}

/** How a candidate route attaches at one end, before ports exist. */
interface EndPlan {
  vertical: boolean;
  side: Side;
  /** Where the horizontal run to the lane starts, and at which height (approximate for sides). */
  x: number;
  y: number;
}

interface Leg {
  lane: Lane;
  lo: number;
  hi: number;
}

interface Candidate {
  cost: number;
  a: EndPlan;
  b: EndPlan;
  legs: [Leg] | [Leg, Leg];
  jogY?: number;
}

interface Ctx {
  /** Objects of the jobs: a jog must not take the height where one's free end may still turn. */
  objs: Obj[];
  n: number;
  gaps: Lane[][];
  spaces: Spaces;
  hruns: HRun[];
  vruns: VRun[];
  /** `edgeIndex:gap` pairs a route must not use (see layout.ts: a retry after a knot). */
  bans: ReadonlySet<string>;
  /** Every symbol on the page: a lane grazing one reads as touching it. */
  symbols: PlacedSymbol[];
}

/**
 * Allocate lanes to every job, shortest spans first so that longer loops wrap around
 * shorter ones instead of crossing them. Attaches ports to the objects. `fixedRuns` are
 * horizontal runs already decided (plain-flow elbows).
 */
export function routeLanes(jobs: Job[], gaps: Lane[][], fixedRuns: HRun[], spaces: Spaces, fixedVRuns: VRun[] = [], bans: ReadonlySet<string> = new Set(), symbols: PlacedSymbol[] = []): LaneRoute[] {
  const n = gaps.filter((g) => g[0] && Number.isInteger(g[0].at)).length - 1;
  const ctx: Ctx = { objs: [...new Set(jobs.flatMap((j) => [j.A, j.B]))], n, gaps, spaces, hruns: [...fixedRuns], vruns: [...fixedVRuns], bans, symbols };
  const routes: LaneRoute[] = [];
  const span = (j: Job): number => Math.abs(j.A.row - j.B.row);
  const order = [...jobs].sort((a, b) => span(a) - span(b) || a.pe.index - b.pe.index);
  for (const job of order) {
    const { A, B } = job;
    // Relax step by step: one lane; two lanes; an exit sharing a vertex side; overlapping
    // lanes (the quality checker reports the last two; they should not happen in practice).
    // A jog beats one lane when that lane would cross a connector (crossings cost more than detours).
    const best =
      cheaper(bestSingle(ctx, job, false, false), bestJog(ctx, job)) ??
      bestSingle(ctx, job, true, false) ??
      bestSingle(ctx, job, true, true) ??
      degraded(ctx, A, B);
    routes.push(commit(ctx, job, best));
  }
  // Port order on a side: connectors going up above those going down, and among those
  // going the same way the one on the nearer lane on the inside, so they do not cross.
  for (const r of routes) {
    if (r.from.kind === 'side') r.from.port.key = portKey(r.from.port, objOf(r.to), r.xs[0]);
    if (r.to.kind === 'side') r.to.port.key = portKey(r.to.port, objOf(r.from), r.xs[r.xs.length - 1]!);
  }
  return routes;
}

function cheaper(a: Candidate | undefined, b: Candidate | undefined): Candidate | undefined {
  if (!a || !b) return a ?? b;
  return b.cost < a.cost ? b : a;
}

function bestSingle(ctx: Ctx, job: Job, shareVertex: boolean, anyLane: boolean): Candidate | undefined {
  const { A, B } = job;
  let best: Candidate | undefined;
  // With the columns' middles to run in, a long line beside a rule pays for it (see besideRule).
  const withMiddles = ctx.gaps.length > ctx.n + 1;
  for (let g = 0; g < ctx.gaps.length; g++) {
    const at = ctx.gaps[g]![0]?.at ?? g;
    const middle = !Number.isInteger(at);
    if (banned(ctx, job, g) || (middle && anyLane)) continue;
    for (const a of endOptions(ctx, A, at, 'out', job.exit && !shareVertex)) {
      for (const b of endOptions(ctx, B, at, 'in', false)) {
        const lo = Math.min(A.sym.y, B.sym.y, a.y, b.y);
        const hi = Math.max(A.sym.y + A.sym.height, B.sym.y + B.sym.height, a.y, b.y);
        const lane = pickLane(ctx.gaps[g]!, a.side, b.side, lo, hi, anyLane, ctx.bans.has(roomKey(job.pe.index)));
        if (!lane || !turnsClear(ctx, a, lane.x) || !turnsClear(ctx, b, lane.x)) continue;
        if (middle && !middleFree(ctx, lane.x, lo, hi)) continue;
        const cost = endCost(A, B, a, b) + runCost(ctx, a, b, lane.x, jobEnds(job)) + (withMiddles ? besideRule(lane.offRule, Math.abs(a.y - b.y)) : 0);
        if (!best || cost < best.cost) best = { cost, a, b, legs: [{ lane, lo, hi }] };
      }
    }
  }
  return best;
}

/** Two lanes, one reachable from each end, joined through the space between two rows. */
function bestJog(ctx: Ctx, job: Job): Candidate | undefined {
  const { A, B } = job;
  let best: Candidate | undefined;
  const r0 = Math.min(A.row, B.row);
  const r1 = Math.max(A.row, B.row);
  // Heights a jog may run at, per space (the same for every pair of ends).
  const jogs: number[][] = [];
  for (let k = r0 - JOG_REACH; k < r1 + JOG_REACH; k++) {
    const space = ctx.spaces.get(k);
    jogs.push(space ? spaceHeights(space).jogs : []);
  }
  for (let g1 = 0; g1 <= ctx.n; g1++) {
    if (banned(ctx, job, g1)) continue;
    for (const a of endOptions(ctx, A, g1, 'out', job.exit)) {
      // The first leg depends on the second end's side and the jog's height only: found once for each.
      const firstLegs: Record<Side, Map<number, Leg | undefined>> = { L: new Map(), R: new Map() };
      const firstLeg = (side: Side, y: number): Leg | undefined => {
        const known = firstLegs[side];
        if (known.has(y)) return known.get(y);
        const leg = legFor(ctx.gaps[g1]!, a, side, A, a.y, y);
        known.set(y, leg);
        return leg;
      };
      for (let g2 = 0; g2 <= ctx.n; g2++) {
        if (g2 === g1 || banned(ctx, job, g2)) continue;
        for (const b of endOptions(ctx, B, g2, 'in', false)) {
          // Between the two rows, or a little above or below both (around an end boxed in by its neighbours' lines).
          for (const heights of jogs) {
            for (const y of heights) {
              const leg1 = firstLeg(b.side, y);
              const leg2 = leg1 && legFor(ctx.gaps[g2]!, b, a.side, B, y, b.y);
              if (!leg1 || !leg2) continue;
              const x1 = leg1.lane.x;
              const x2 = leg2.lane.x;
              if (blocksTurn(ctx, y, x1, x2)) continue;
              if (!turnsClear(ctx, a, x1) || !turnsClear(ctx, b, x2) || !runClear(ctx, y, x1, x2)) continue;
              const jogEnd: EndPlan = { vertical: true, side: a.side, x: x2, y };
              const cost = W_JOG + endCost(A, B, a, b) + runCost(ctx, a, jogEnd, x1, jobEnds(job)) + runCost(ctx, jogEnd, b, x2, jobEnds(job));
              if (!best || cost < best.cost) best = { cost, a, b, legs: [leg1, leg2], jogY: y };
              break; // first free height in this space is good enough
            }
          }
        }
      }
    }
  }
  return best;
}

/**
 * A column's middle is free along [lo, hi] when no symbol stands there, nor in the rows next to
 * it (lines enter and leave symbols through the middle), and no other line runs near it.
 */
function middleFree(ctx: Ctx, x: number, lo: number, hi: number): boolean {
  const y0 = lo - MIDDLE_PAD;
  const y1 = hi + MIDDLE_PAD;
  if (ctx.symbols.some((s) => s.x - SPACING < x && x < s.x + s.width + SPACING && s.y < y1 && s.y + s.height > y0)) return false;
  return ctx.vruns.every((v) => Math.abs(v.x - x) >= SPACING || v.y1 <= y0 || v.y0 >= y1);
}

/** A long line close beside a column rule reads as a doubled rule: what it costs beyond LONG_RUN. */
export function besideRule(offRule: number, length: number): number {
  return offRule < BESIDE_RULE ? W_BESIDE_RULE * Math.max(0, length - LONG_RUN) : 0;
}

export function banKey(edgeIndex: number, gap: number): string {
  return `${edgeIndex}:${gap}`;
}

/** Ban that keeps a labelled loop off the lane hugging its symbols (its label found room only across a rule, see pickLane). */
export function roomKey(edgeIndex: number): string {
  return `room:${edgeIndex}`;
}

function banned(ctx: Ctx, job: Job, g: number): boolean {
  return ctx.bans.has(banKey(job.pe.index, g));
}

/** Would a run at y between xa and xb pass where an object's free bottom or top turns? */
function blocksTurn(ctx: Ctx, y: number, xa: number, xb: number): boolean {
  const lo = Math.min(xa, xb);
  const hi = Math.max(xa, xb);
  return ctx.objs.some((o) => o.cx > lo && o.cx < hi && [o.belowY?.[0], o.aboveY?.[0]].some((t) => t !== undefined && Math.abs(t - y) < 0.5));
}

function legFor(lanes: Lane[], e: EndPlan, otherSide: Side, o: Obj, ya: number, yb: number): Leg | undefined {
  const lo = Math.min(ya, yb, o.sym.y);
  const hi = Math.max(ya, yb, o.sym.y + o.sym.height);
  const lane = pickLane(lanes, e.side, otherSide, lo, hi, false);
  return lane && { lane, lo, hi };
}

/** Every gap is fenced off by off-page connectors (single-column tables): degrade. */
function degraded(ctx: Ctx, A: Obj, B: Obj): Candidate {
  const g = A.col + 1 <= ctx.n ? A.col + 1 : A.col;
  const sA: Side = g > A.col ? 'R' : 'L';
  const sB: Side = g > B.col ? 'R' : 'L';
  const a = { vertical: false, side: sA, x: sideX(A, sA), y: A.cy };
  const b = { vertical: false, side: sB, x: sideX(B, sB), y: B.cy };
  return { cost: 0, a, b, legs: [{ lane: ctx.gaps[g]![0]!, lo: A.sym.y, hi: B.sym.y }] };
}

/** Ways to attach to `o` for a lane in gap g: its facing side, or its free bottom/top. */
function endOptions(ctx: Ctx, o: Obj, g: number, dir: 'out' | 'in', needFreeVertex: boolean): EndPlan[] {
  const side: Side = g > o.col ? 'R' : 'L';
  const opts: EndPlan[] = [];
  const [g0, g1] = gapRange(o, side, ctx.n);
  if (g >= g0 && g <= g1 && (!needFreeVertex || exitSideFree(o, side))) opts.push({ vertical: false, side, x: sideX(o, side), y: o.cy });
  // The first height is the band's middle; the others only when a run already passes there.
  for (const y of (dir === 'out' ? o.belowY : o.aboveY) ?? []) opts.push({ vertical: true, side, x: o.cx, y });
  return opts;
}

/** A bottom/top turn is an exact height: it must not run along another run there. */
function turnsClear(ctx: Ctx, e: EndPlan, laneX: number): boolean {
  return !e.vertical || runClear(ctx, e.y, e.x, laneX);
}

function runClear(ctx: Ctx, y: number, xa: number, xb: number): boolean {
  const lo = Math.min(xa, xb);
  const hi = Math.max(xa, xb);
  return ctx.hruns.every((h) => Math.abs(h.y - y) > 0.5 || h.x1 <= lo || h.x0 >= hi);
}

function commit(ctx: Ctx, job: Job, c: Candidate): LaneRoute {
  const from = attach(job.A, c.a, job.exit, 'out');
  const to = attach(job.B, c.b, false, 'in');
  for (const leg of c.legs) takeLane(leg.lane, leg.lo, leg.hi);
  const x1 = c.legs[0].lane.x;
  const x2 = c.legs[c.legs.length - 1]!.lane.x;
  const mid = c.jogY ?? c.b.y;
  const ends = jobEnds(job);
  ctx.vruns.push({ x: x1, y0: Math.min(c.a.y, mid), y1: Math.max(c.a.y, mid), ends });
  ctx.hruns.push(hrun(c.a.y, c.a.x, x1, ends), hrun(c.b.y, c.b.x, x2, ends));
  if (c.jogY !== undefined) {
    ctx.vruns.push({ x: x2, y0: Math.min(c.jogY, c.b.y), y1: Math.max(c.jogY, c.b.y), ends });
    ctx.hruns.push(hrun(c.jogY, x1, x2, ends));
  }
  const xs: LaneRoute['xs'] = c.legs.length === 2 ? [x1, x2] : [x1];
  return { job, from, to, xs, gaps: c.legs.map((l) => l.lane.gap), ...(c.jogY !== undefined ? { jogY: c.jogY } : {}) };
}

function attach(o: Obj, e: EndPlan, exit: boolean, dir: 'out' | 'in'): End {
  if (e.vertical) {
    // That end is used now; a second route there would run along this one.
    if (dir === 'out') o.belowY = undefined;
    else o.aboveY = undefined;
    return { kind: 'vertical', obj: o, turnY: e.y };
  }
  const port: Port = { obj: o, side: e.side, key: 0, ...(exit ? { fixed: 0 } : {}) };
  if (exit) o.exitSides.add(e.side);
  o.ports[e.side].push(port);
  return { kind: 'side', port };
}

function hrun(y: number, a: number, b: number, ends: string[]): HRun {
  return { y, x0: Math.min(a, b), x1: Math.max(a, b), ends };
}

/** Nearest free lane to the symbols the route wraps around. */
function pickLane(lanes: Lane[], sA: Side, sB: Side, lo: number, hi: number, anyLane: boolean, roomy = false): Lane | undefined {
  const pref = lanePreference(lanes, sA, sB, roomy);
  for (const l of pref) if (laneFree(l, lo, hi)) return l;
  return anyLane ? pref[0] : undefined;
}

/** A gap's lanes in the order pickLane tries them (by their x only, which never changes: kept per gap and ends' sides). */
const preferences = new WeakMap<Lane[], Array<Lane[] | undefined>>();

function lanePreference(lanes: Lane[], sA: Side, sB: Side, roomy: boolean): Lane[] {
  let byEnds = preferences.get(lanes);
  if (!byEnds) preferences.set(lanes, (byEnds = []));
  const key = (sA === 'R' ? 1 : 0) + (sB === 'R' ? 2 : 0) + (roomy ? 4 : 0);
  const known = byEnds[key];
  if (known) return known;
  const mid = lanes.length ? (lanes[0]!.x + lanes[lanes.length - 1]!.x) / 2 : 0;
  // A loop hugs its symbols; a labelled one keeps to the outer lane, leaving its label room between the lane and the symbols' middle.
  const hug = roomy ? -1 : 1;
  const pref = [...lanes].sort((a, b) => {
    if (sA === 'R' && sB === 'R') return hug * (a.x - b.x); // gap right of both: hug the left
    if (sA === 'L' && sB === 'L') return hug * (b.x - a.x);
    return Math.abs(a.x - mid) - Math.abs(b.x - mid);
  });
  byEnds[key] = pref;
  return pref;
}

/** Preferences that depend on the ends only. */
function endCost(A: Obj, B: Obj, a: EndPlan, b: EndPlan): number {
  let cost = 0;
  if (!a.vertical) cost += W_PORT * A.ports[a.side].length;
  if (!b.vertical) cost += W_PORT * B.ports[b.side].length;
  if (!b.vertical && B.sym.kind === 'decision' && B.exitSides.has(b.side)) cost += W_NEAR_EXIT;
  if (a.vertical) cost += W_VERTICAL;
  if (b.vertical) cost += W_VERTICAL;
  if (a.side === 'L' && b.side === 'L') cost += W_LEFT_LOOP;
  return cost;
}

/** Length of the runs from a to the lane at x, along it, and on to b, plus crossings. */
function runCost(ctx: Ctx, a: EndPlan, b: EndPlan, x: number, ends: string[]): number {
  let cost = Math.abs(x - a.x) + Math.abs(x - b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  for (const h of ctx.hruns) if (h.y > y0 && h.y < y1 && x > h.x0 && x < h.x1) cost += crossWeight(h.ends, ends);
  // Passing a symbol's side within GRAZE px (narrow columns): the lane seems to touch it, and
  // a line leaving that side later crosses it right at the symbol.
  for (const s of ctx.symbols) {
    if (s.y >= y1 || s.y + s.height <= y0 || ends.includes(s.id)) continue;
    if (Math.min(Math.abs(x - s.x), Math.abs(x - s.x - s.width)) < GRAZE) cost += W_GRAZE;
  }
  cost = vrunsCrossed(ctx, a, x, ends, cost);
  return vrunsCrossed(ctx, b, x, ends, cost);
}

/** `cost` plus what crossing the vertical runs costs on the way from the end to the lane at x. */
function vrunsCrossed(ctx: Ctx, e: EndPlan, x: number, ends: string[], cost: number): number {
  const lo = Math.min(e.x, x);
  const hi = Math.max(e.x, x);
  for (const v of ctx.vruns) if (v.x > lo && v.x < hi && e.y > v.y0 && e.y < v.y1) cost += crossWeight(v.ends, ends);
  return cost;
}

/** Crossing a run of a connector that shares a symbol with this one reads as a knot. */
function crossWeight(runEnds: string[] | undefined, ends: string[]): number {
  if (runEnds) for (const e of runEnds) if (ends.includes(e)) return W_CROSS_SHARED;
  return W_CROSS;
}

/** Symbols a job's connector joins (an off-page half joins its row and its letter). */
function jobEnds(job: Job): string[] {
  return [job.A.sym.id, job.B.sym.id];
}

function portKey(p: Port, other: Obj, laneX: number): number {
  const dist = Math.abs(laneX - sideX(p.obj, p.side));
  return other.cy < p.obj.cy ? -1000 + dist : 1000 - dist;
}
