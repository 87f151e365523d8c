// Flowchart geometry, page by page: where each symbol stands and how each arrow runs.
// Pure: the same input always gives the same output, so renderers and tests can rely on it.
//
// Routing rules, chosen so that connectors cannot overlap by construction:
//  - to the following row: out of the bottom, an elbow in the space between the two rows,
//    into the top (a straight line when both rows share an actor);
//  - to the following row on the next page: straight down into an off-page connector in the
//    bottom band, and out of its twin in the next page's top band;
//  - any other edge: out of a side, along a vertical lane in a column margin, into a side
//    (route.ts); across pages, into an off-page connector beside the row (beside.ts).
import { placeOffpage } from './beside.ts';
import type { Beside, Piece, Remote } from './beside.ts';
import { sideAt, simplify, SIZE, SYMBOL_CLEAR, symbolHeight, symbolWidth } from './geometry.ts';
import { LABEL_FONT_SIZE, placeLabels } from './labels.ts';
import { buildLanes, columnMiddles } from './lanes.ts';
import { colCenter, pageBands, pageGeom, pentSize, RULE_MID_X } from './page.ts';
import type { PageBands, PageGeom } from './page.ts';
import { offpageLetter, planEdges } from './plan.ts';
import type { Plan, PlannedEdge } from './plan.ts';
import { sideOffsets } from './ports.ts';
import { checkPage, crossings, crowdedSides, LANE_SEP, lettersByAppearance } from './quality.ts';
import { banKey, besideRule, objOf, roomKey, routeLanes, sideX, spaceHeights, W_CROSS, W_CROSS_SHARED } from './route.ts';
import type { HRun, Job, LaneRoute, Obj, Port, Side, Spaces, VRun } from './route.ts';
import type { Connector, LayoutInput, PageLayout, PlacedSymbol, Point } from './types.ts';

export { MIN_ROW_HEIGHT } from './geometry.ts';
export { LABEL_FONT_SIZE } from './labels.ts';

/** One PageLayout per PageSlice of the input. */
export function layoutFlow(input: LayoutInput): PageLayout[] {
  return layoutFlowRoom(input).pages;
}

/**
 * Pages already laid out for one graph, column widths and band height (fitFlow lays the flow
 * out again after a row grew: most pages are as before), by pageKey.
 */
export type PageCache = Map<string, PageResult>;

/**
 * The layout, and the node indices of the rows holding a decision whose label found no free
 * spot in one cell: they need more height (see planFlow). `cache` serves only calls with the
 * same graph, column widths and band height.
 */
export function layoutFlowRoom(input: LayoutInput, cache?: PageCache): { pages: PageLayout[]; crowdedRows: number[] } {
  if (input.rowHeights.length !== input.graph.nodes.length) {
    throw new Error(`layoutFlow: ${input.rowHeights.length} row heights for ${input.graph.nodes.length} rows`);
  }
  const plan = planEdges(input);
  const rows = new Set<number>();
  const index = new Map(input.graph.nodes.map((n, i) => [String(n.no), i]));
  const pages = input.pages.map((_, p) => {
    const key = cache && pageKey(input, plan, p);
    let done = key === undefined ? undefined : cache!.get(key);
    if (!done) {
      done = layoutPage(input, plan, p);
      if (key !== undefined) cache!.set(key, done);
    }
    const { page, crowded, across } = done;
    // A label across a column rule from its line, as one with no free spot: its row grows (room for two lines beside its line).
    for (const c of [...crowded, ...across.map((i) => page.connectors[i]!)]) rows.add(index.get(c.from)!);
    return page;
  });
  return { pages: letteredInOrder(pages), crowdedRows: [...rows].sort((a, b) => a - b) };
}

/**
 * Everything of the input and the plan a page's layout reads besides the graph, the column
 * widths and the band height: its place among the pages, its rows' heights, and the edges
 * touching it with their routes, letters and which of their ends stand on it.
 */
function pageKey(input: LayoutInput, plan: Plan, p: number): string {
  const { first, last } = input.pages[p]!;
  const edges = plan.edges.filter((e) => plan.pageOf[e.u] === p || plan.pageOf[e.v] === p).map((e) => [e.index, e.u, e.v, e.route, e.exit, e.letter ?? null, plan.pageOf[e.u] === p, plan.pageOf[e.v] === p]);
  return JSON.stringify([p, input.pages.length, first, last, input.rowHeights.slice(first, last + 1), edges]);
}

/**
 * The off-page connectors lettered A, B … in the order a reader first meets them, page by page
 * and top to bottom: where they stand is only known once the pages are laid out (a jump's
 * connector may stand beside either row, in a nearby row or in a band), and the letters do
 * not change where anything stands.
 */
function letteredInOrder(pages: PageLayout[]): PageLayout[] {
  const letter = new Map(lettersByAppearance(pages).map((id, k) => [id, offpageLetter(k)]));
  const rename = (id: string): string => letter.get(id) ?? id;
  return pages.map((page) => ({
    ...page,
    symbols: page.symbols.map((s) => (s.kind === 'offpage' ? { ...s, id: rename(s.id), text: rename(s.id) } : s)),
    connectors: page.connectors.map((c) => ({ ...c, from: rename(c.from), to: rename(c.to) })),
  }));
}

/** A retry after a knot bans the lanes' gaps of one of its connectors; a few rounds at most. */
const RETRY_ROUNDS = 4;
const RETRIES_PER_ROUND = 24;
/** Page score: broken geometry first, then knots and other crossings as the router weighs them, then crowded labels. */
const KNOT = W_CROSS_SHARED;
const CROSS = W_CROSS;
const BROKEN = 1e6;
const CROWDED = 40;
/** A label across a column rule from its line reads as another line's: worse than a crowded one, better than a crossing. */
const ACROSS = 100;
/**
 * A label with a broken word (Ti-/dak) where another lane would leave it room whole: less than
 * a crowded one. (Growing its row instead was tried: 16 labels then ended across a table rule
 * in the 300-flow suite, as rows growing for a hyphen paginate the table again.)
 */
const HYPHEN = 20;
/** Two lines at one side of a symbol closer than LANE_SEP read as one: as bad as a knot. */
const SIDE = KNOT;
/** Ports keep this far from the ends of a side. */
const PORT_END = 2;

interface Routed {
  page: PageLayout;
  crowded: Connector[];
  /** Connectors (indices) whose label stands across a column rule from its line. */
  across: number[];
  /** Connectors (indices) whose label is written with a broken word. */
  hyphens: number[];
  /** Per connector routed by lanes, or a hand-off: the edge it draws and the gaps of its lanes. */
  lanes: Array<{ edge: number; gaps: number[]; offpage: boolean; handoff: boolean } | undefined>;
  bans: ReadonlySet<string>;
  /** Symbols drawn taller to hold the lines at their sides (id → lines at the busiest side). */
  tall: ReadonlyMap<string, number>;
  mode: Mode;
}

/** How a page is routed: with which connector bands, and whether lanes may run through the columns' middles. */
interface Mode {
  bands: PageBands;
  middles: boolean;
}

/**
 * The page with the connector bands its flow needs (see bandBreaks). Where that page keeps a
 * crossing, a band the page could have (the next page's top band, its own bottom one) may
 * hold a jump's off-page connector instead (see placeInBand): taken when that routes the page
 * better and the extra band does hold one (an empty band reads as a missing step).
 */
export interface PageResult {
  page: PageLayout;
  crowded: Connector[];
  across: number[];
  hyphens: number[];
}

function layoutPage(input: LayoutInput, plan: Plan, p: number): PageResult {
  const needed = pageBands(input, p);
  let best = retried(input, plan, p, { bands: needed, middles: false });
  const top = p > 0;
  const bottom = p < input.pages.length - 1;
  if (pageScore(best) >= CROSS) {
    const others = [
      { top, bottom },
      { top, bottom: needed.bottom },
      { top: needed.top, bottom },
    ].filter((b, i, all) => (b.top !== needed.top || b.bottom !== needed.bottom) && all.findIndex((o) => o.top === b.top && o.bottom === b.bottom) === i);
    for (const bands of others) {
      const r = retried(input, plan, p, { bands, middles: false });
      if (pageScore(r) < pageScore(best) && bandsHeld(r.page)) best = r;
    }
  }
  // A long line beside a column rule: the page again with the columns' middles as lanes too.
  if (besideRules(best.page) > 0) {
    // Once, with the bans that untied its knots: retrying a second time costs more than it finds.
    const r = taller(input, plan, p, routePage(input, plan, p, best.bans, best.tall, { ...best.mode, middles: true }));
    // Not at the price of a label with no free spot (its row would grow and the table paginate again).
    if (pageScore(r) < pageScore(best) && bandsHeld(r.page) && r.crowded.length <= best.crowded.length) best = r;
  }
  // A label that found room only across a column rule from its line: its loop again on the lane leaving it room.
  if (best.across.length) {
    const edges = best.across.map((i) => best.lanes[i]?.edge).filter((e) => e !== undefined);
    const r = taller(input, plan, p, routePage(input, plan, p, new Set([...best.bans, ...edges.map(roomKey)]), best.tall, best.mode));
    if (pageScore(r) < pageScore(best) && bandsHeld(r.page) && r.crowded.length <= best.crowded.length) best = r;
  }
  // A label with a broken word (Ti-/dak): its line again on the lane leaving it room, or off each gap it runs in, for
  // room to stand whole; kept only without more crossings (a crossing is the worse defect) or crowded labels.
  if (best.hyphens.length) {
    const from = best;
    const crossed = crossings(from.page).length;
    const lanes = from.hyphens.map((i) => from.lanes[i]).filter((l) => l !== undefined);
    const tries = [lanes.map((l) => roomKey(l.edge)), ...lanes.flatMap((l) => l.gaps.map((g) => [banKey(l.edge, g)]))];
    for (const extra of tries) {
      const r = taller(input, plan, p, routePage(input, plan, p, new Set([...from.bans, ...extra]), from.tall, from.mode));
      if (pageScore(r) < pageScore(best) && bandsHeld(r.page) && r.crowded.length <= from.crowded.length && r.across.length <= from.across.length && crossings(r.page).length <= crossed) best = r;
    }
  }
  return { page: best.page, crowded: best.crowded, across: best.across, hyphens: best.hyphens };
}

/** What the page's long vertical lines close beside a column rule cost (see besideRule). */
function besideRules(page: PageLayout): number {
  const xs = page.rules?.x ?? [];
  let cost = 0;
  for (const c of page.connectors) {
    for (let i = 1; i < c.points.length; i++) {
      const a = c.points[i - 1]!;
      const b = c.points[i]!;
      if (Math.abs(a.x - b.x) > 1e-9 || xs.length === 0) continue;
      cost += besideRule(Math.min(...xs.map((x) => Math.abs(x - a.x))), Math.abs(a.y - b.y));
    }
  }
  return cost;
}

/** Does every connector band of the page hold an off-page connector? */
function bandsHeld(page: PageLayout): boolean {
  const ys = page.rules!.y;
  const holds = (y0: number, y1: number): boolean => page.symbols.some((s) => s.kind === 'offpage' && s.y + s.height / 2 > y0 && s.y + s.height / 2 < y1);
  return (!page.topBand || holds(ys[0]!, ys[1]!)) && (!page.bottomBand || holds(ys[ys.length - 2]!, ys[ys.length - 1]!));
}

/**
 * The page routed greedily, then, while two connectors sharing a symbol cross (a knot a
 * reviewer reads as "jumping"), routed again with the gaps of one of them banned; the best
 * page by score is kept. Only pages with a knot pay for the retries.
 */
function retried(input: LayoutInput, plan: Plan, p: number, mode: Mode): Routed {
  let best = taller(input, plan, p, routePage(input, plan, p, new Set(), new Map(), mode));
  // The knot search steps only through pages untying more (a label across a rule is left to layoutPage).
  let score = pageScore(best, false);
  for (let round = 0; round < RETRY_ROUNDS && score >= KNOT; round++) {
    let improved = false;
    for (const bans of retryBans(best).slice(0, RETRIES_PER_ROUND)) {
      const r = routePage(input, plan, p, bans, best.tall, mode);
      const s = pageScore(r, false);
      if (s < score) {
        best = r;
        score = s;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return taller(input, plan, p, best);
}

/**
 * A symbol whose side holds more lines than fit LANE_SEP apart (a short box with an off-page
 * connector and two loops at one side) is drawn taller, within its row, and the page routed again.
 */
function taller(input: LayoutInput, plan: Plan, p: number, r: Routed): Routed {
  const crowded = crowdedSides(r.page).filter(({ id, lines }) => (r.tall.get(id) ?? 0) < lines);
  if (crowded.length === 0) return r;
  const tall = new Map(r.tall);
  for (const c of crowded) tall.set(c.id, Math.max(tall.get(c.id) ?? 0, c.lines));
  const again = routePage(input, plan, p, r.bans, tall, r.mode);
  return pageScore(again) < pageScore(r) ? again : r;
}

/** Ban that turns a hand-off the other way round (see turnedHandoff). */
function turnKey(edge: number): string {
  return `turn:${edge}`;
}

/** Ban that sends a jump's off-page connector on this page to the connector band. */
function bandKey(edge: number): string {
  return `band:${edge}`;
}

function pageScore(r: Routed, labelsAcross = true): number {
  let s = BROKEN * checkPage(r.page).length + CROWDED * r.crowded.length + (labelsAcross ? ACROSS * r.across.length + HYPHEN * r.hyphens.length : 0) + SIDE * crowdedSides(r.page).length;
  for (const x of crossings(r.page)) s += x.kind === 'other' ? CROSS : KNOT;
  for (const c of r.page.connectors) for (let i = 1; i < c.points.length; i++) s += (Math.abs(c.points[i]!.x - c.points[i - 1]!.x) + Math.abs(c.points[i]!.y - c.points[i - 1]!.y)) / 100;
  return s + besideRules(r.page);
}

/** For each knot, each of its lane connectors: the current bans and that connector's gaps. */
function retryBans(r: Routed): Array<Set<string>> {
  const out: Array<Set<string>> = [];
  const seen = new Set<string>();
  const add = (extra: string[]): void => {
    const bans = new Set([...r.bans, ...extra]);
    const key = [...bans].sort().join(' ');
    if (bans.size > r.bans.size && !seen.has(key)) {
      seen.add(key);
      out.push(bans);
    }
  };
  const { connectors, symbols } = r.page;
  for (const x of crossings(r.page)) {
    if (x.kind === 'other') continue;
    for (const ci of [x.a, x.b]) {
      const lane = r.lanes[ci];
      if (!lane) continue;
      // Another gap for its lanes; for a jump between pages, its connector in the page's band.
      add(lane.gaps.map((g) => banKey(lane.edge, g)));
      if (lane.offpage) add([bandKey(lane.edge)]);
      if (lane.handoff) add([turnKey(lane.edge)]);
    }
    // An off-page connector standing beside the knotted symbols may be what boxes them in.
    const knotted = symbols.filter((s) => s.kind !== 'offpage' && [connectors[x.a]!, connectors[x.b]!].some((c) => c.from === s.id || c.to === s.id));
    connectors.forEach((c, ci) => {
      const lane = r.lanes[ci];
      const pent = symbols.find((s) => s.kind === 'offpage' && (s.id === c.from || s.id === c.to));
      if (lane?.offpage && pent && knotted.some((s) => pent.y < s.y + s.height && s.y < pent.y + pent.height)) add([bandKey(lane.edge)]);
    });
  }
  // Then any other jump: it may hold the lane a knotted connector needs to go round.
  if (out.length) for (const lane of r.lanes) if (lane && lane.gaps.length) add(lane.gaps.map((g) => banKey(lane.edge, g)));
  return out;
}

function routePage(input: LayoutInput, plan: Plan, p: number, bans: ReadonlySet<string>, tall: ReadonlyMap<string, number>, mode: Mode): Routed {
  const g = pageGeom(input, p, mode.bands);
  const objs = new Map<number, Obj>();
  for (let i = g.first; i <= g.last; i++) objs.set(i, stepObj(input, g, i, tall));

  const mine = plan.edges.filter((e) => plan.pageOf[e.u] === p || plan.pageOf[e.v] === p);
  const plain = mine.filter((e) => e.route === 'straight' || e.route === 'band');
  // Hand-offs to the following row in another column: one bend, out of the side facing the
  // target at mid-height, into the target's top. Their side is taken before anything else.
  const handoffs = new Map<number, { side: Side; port: Port }>();
  // A retry after a knot may turn one the other way round: out of the source's bottom, down
  // to the target's height, across into its near side (still one bend), leaving the target's top free.
  const turned = new Map<number, Port>();
  for (const pe of mine.filter((e) => e.route === 'straight')) {
    const a = objs.get(pe.u)!;
    const b = objs.get(pe.v)!;
    if (a.col === b.col) continue;
    if (bans.has(turnKey(pe.index))) {
      const side: Side = a.cx < b.cx ? 'L' : 'R';
      const port: Port = { obj: b, side, key: -1000 + Math.abs(a.cx - sideX(b, side)) };
      b.ports[side].push(port);
      turned.set(pe.index, port);
      continue;
    }
    const side: Side = b.cx > a.cx ? 'R' : 'L';
    // Ordered among the side's ports as a line going down far out (see portKey).
    const port: Port = { obj: a, side, fixed: 0, key: 1000 - Math.abs(b.cx - sideX(a, side)) };
    a.ports[side].push(port);
    if (pe.exit) a.exitSides.add(side);
    handoffs.set(pe.index, { side, port });
  }
  // Rows whose symbol plain flow leaves by the bottom / enters by the top (a hand-off leaves by
  // its side, a turned one enters by a side): routes and off-page connectors keep off those ends.
  const leavesBottom = new Set(plain.filter((e) => !handoffs.has(e.index)).map((e) => e.u));
  const entersTop = new Set(plain.filter((e) => !turned.has(e.index)).map((e) => e.v));
  const bandPents = new Map<number, PlacedSymbol>();
  for (const pe of mine.filter((e) => e.route === 'band')) bandPents.set(pe.index, bandPentagon(g, objs, pe, plan.pageOf[pe.u] === p));

  const pieces: Piece[] = mine
    .filter((e) => e.route === 'cross')
    .map((pe) => (plan.pageOf[pe.u] === p ? { pe, obj: objs.get(pe.u)!, out: true } : { pe, obj: objs.get(pe.v)!, out: false }));
  const bandCols = new Map<number, number[]>([
    [g.first - 1, []],
    [g.last + 1, []],
  ]);
  for (const pe of mine.filter((e) => e.route === 'band')) {
    const source = plan.pageOf[pe.u] === p;
    bandCols.get(source ? g.last + 1 : g.first - 1)!.push(objs.get(source ? pe.u : pe.v)!.col);
  }
  const { besides, remotes, wallDys } = placeOffpage(
    g,
    pieces,
    objs,
    { bottomFree: (row) => !leavesBottom.has(row), topFree: (row) => !entersTop.has(row) },
    bandCols,
    [...handoffs.values()].map((h) => ({ row: h.port.obj.row, side: h.side, drop: handoffDrop(h.port.obj) })),
    new Set(mine.filter((e) => bans.has(bandKey(e.index))).map((e) => e.index)),
  );
  [...handoffs.values()].forEach((h, k) => (h.port.fixed = wallDys[k]!));

  const extent = rowExtents(g, objs, besides, remotes);
  const spaces = freeSpaces(g, extent);
  setTurns(objs, spaces, leavesBottom, entersTop, besides);
  const elbows: HRun[] = [];
  const descents: VRun[] = [];
  for (const pe of mine.filter((e) => handoffs.has(e.index))) {
    const a = objs.get(pe.u)!;
    const b = objs.get(pe.v)!;
    const ends = [a.sym.id, b.sym.id];
    const { side, port } = handoffs.get(pe.index)!;
    const y = a.cy + port.fixed!;
    elbows.push({ y, x0: Math.min(sideX(a, side), b.cx), x1: Math.max(sideX(a, side), b.cx), ends });
    descents.push({ x: b.cx, y0: y, y1: b.sym.y, ends });
  }
  for (const [index, port] of turned) {
    const pe = plan.edges[index]!;
    const a = objs.get(pe.u)!;
    const ends = [a.sym.id, port.obj.sym.id];
    const x = sideX(port.obj, port.side);
    descents.push({ x: a.cx, y0: a.sym.y + a.sym.height, y1: port.obj.cy, ends });
    elbows.push({ y: port.obj.cy, x0: Math.min(a.cx, x), x1: Math.max(a.cx, x), ends });
  }
  // Plain flow straight down (within a column, into and out of the bands): jogs must see it too.
  for (const pe of plain.filter((e) => !handoffs.has(e.index) && !turned.has(e.index))) {
    const a = objs.get(pe.u);
    const b = objs.get(pe.v);
    const x = (a ?? b)!.cx;
    const ends = [String(input.graph.nodes[pe.u]!.no), String(input.graph.nodes[pe.v]!.no)];
    descents.push({ x, y0: a ? a.sym.y + a.sym.height : 0, y1: b ? b.sym.y : g.height, ends });
  }

  const jobs: Job[] = [
    ...mine.filter((e) => e.route === 'lane').map((pe) => ({ pe, A: objs.get(pe.u)!, B: objs.get(pe.v)!, exit: pe.exit, labelled: true })),
    ...remotes.map(({ piece, obj }) =>
      piece.out
        ? { pe: piece.pe, A: piece.obj, B: obj, exit: piece.pe.exit, labelled: true }
        : { pe: piece.pe, A: obj, B: piece.obj, exit: false, labelled: false },
    ),
  ];
  const margins = g.cw.map((w) => (w - symbolWidth(w)) / 2);
  const lanes = routeLanes(jobs, [...buildLanes(g.colX, margins, g.isRule, RULE_MID_X), ...(mode.middles ? columnMiddles(g.colX) : [])], elbows, spaces, descents, bans, [...[...objs.values()].map((o) => o.sym), ...besides.map((b) => b.pent), ...remotes.map((r) => r.obj.sym)]);
  for (const o of [...objs.values(), ...remotes.map((r) => r.obj)]) assignPorts(o);

  const connectors: Connector[] = [];
  const laneOf: Routed['lanes'] = [];
  for (const pe of mine) {
    const r = lanes.find((x) => x.job.pe === pe);
    const turnable = handoffs.has(pe.index) || turned.has(pe.index);
    laneOf.push(r || pe.route === 'cross' || turnable ? { edge: pe.index, gaps: r?.gaps ?? [], offpage: pe.route === 'cross', handoff: turnable } : undefined);
    switch (pe.route) {
      case 'straight': {
        const h = handoffs.get(pe.index);
        const d = turned.get(pe.index);
        connectors.push(h ? handoff(pe, h.port, objs.get(pe.v)!) : d ? turnedHandoff(pe, objs.get(pe.u)!, d) : straight(pe, objs.get(pe.u)!, objs.get(pe.v)!));
        break;
      }
      case 'band':
        connectors.push(bandConnector(pe, objs, bandPents.get(pe.index)!, plan.pageOf[pe.u] === p));
        break;
      case 'lane':
      case 'cross': {
        const b = besides.find((x) => x.piece.pe === pe);
        connectors.push(b ? besideConnector(b) : laneConnector(lanes.find((r) => r.job.pe === pe)!));
        break;
      }
    }
  }

  const offpage = [...bandPents.values(), ...besides.map((b) => b.pent), ...remotes.map((r) => r.obj.sym)];
  offpage.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const layout: PageLayout = {
    topBand: g.topBand,
    bottomBand: g.bottomBand,
    width: g.width,
    height: g.height,
    symbols: [...[...objs.values()].map((o) => o.sym), ...offpage],
    connectors,
    rules: tableRules(input, g),
    labelFontSize: LABEL_FONT_SIZE,
  };
  return { ...placeLabels(layout, LABEL_FONT_SIZE), lanes: laneOf, bans, tall, mode };
}

/** Where the table prints its rules under this page's overlay (the middles of the column rules, see RULE_MID_X). */
function tableRules(input: LayoutInput, g: PageGeom): { x: number[]; y: number[] } {
  const x = [RULE_MID_X];
  for (const w of input.columnWidths) x.push(x[x.length - 1]! + w);
  const y = [0, ...(g.topBand ? [g.band] : []), ...[...g.rowBottom.values()]];
  if (g.bottomBand) y.push(g.height);
  return { x, y };
}

/**
 * The row's symbol, centred in its row and its actor column; `tall` ones tall enough for their
 * lines LANE_SEP apart all on one side of a pinned middle one (see ports.ts), as the row allows.
 */
function stepObj(input: LayoutInput, g: PageGeom, i: number, tall: ReadonlyMap<string, number>): Obj {
  const node = input.graph.nodes[i]!;
  const c = g.actorCol[node.actor];
  if (c === undefined) throw new Error(`layoutFlow: row ${node.no} has actor ${node.actor}, but there are ${g.actorCol.length} columns`);
  const rh = input.rowHeights[i]!;
  const w = symbolWidth(g.cw[c]!);
  const lines = tall.get(String(node.no));
  const nominal = symbolHeight(node.symbol, rh);
  const h = lines ? Math.max(nominal, Math.min(2 * ((lines - 1) * LANE_SEP + PORT_END), rh - 2 * SIZE.rowPad)) : nominal;
  const cx = colCenter(g, c);
  const cy = g.rowTop.get(i)! + rh / 2;
  const sym: PlacedSymbol = { id: String(node.no), kind: node.symbol, x: cx - w / 2, y: cy - h / 2, width: w, height: h };
  return { sym, row: i, col: c, cx, cy, ports: { L: [], R: [] }, exitSides: new Set(), pentCols: { L: [], R: [] } };
}

/** Off-page connector in the bottom band under the source, or the top band over the target. */
function bandPentagon(g: PageGeom, objs: Map<number, Obj>, pe: PlannedEdge, source: boolean): PlacedSymbol {
  const o = objs.get(source ? pe.u : pe.v)!;
  const { w, h } = pentSize(g, o.col, Math.min(SIZE.offpage, g.band - 4));
  const y = source ? g.height - g.band + (g.band - h) / 2 : (g.band - h) / 2;
  return { id: pe.letter!, kind: 'offpage', x: o.cx - w / 2, y, width: w, height: h, text: pe.letter! };
}

/**
 * How far below mid-height a hand-off may leave its symbol, to pass clear under an off-page
 * connector beside it (see beside.ts): a little, so that it still reads as leaving the middle,
 * and never off a decision's vertex.
 */
function handoffDrop(o: Obj): number {
  if (o.sym.kind === 'decision') return 0;
  return Math.max(0, Math.min(SYMBOL_CLEAR - 1, o.sym.height / 2 - PORT_END - LANE_SEP));
}

/** Give every port on the object its height on the side and its point on the outline. */
function assignPorts(o: Obj): void {
  for (const side of ['L', 'R'] as const) {
    const ports = o.ports[side];
    if (ports.length === 0) continue;
    const offs = sideOffsets(ports.map((q) => ({ key: q.key, ...(q.fixed !== undefined ? { fixed: q.fixed } : {}) })), o.sym.height / 2 - PORT_END);
    ports.forEach((q, j) => (q.point = sidePoint(o, side, offs[j]!)));
  }
}

/** On the outline: the diamond's slanted edge (at dy = 0 its vertex), the capsule's curve. */
function sidePoint(o: Obj, side: Side, dy: number): Point {
  return { x: sideAt(o.sym, side, dy), y: o.cy + dy };
}

/**
 * Vertical extent of everything standing in each row (step symbol and off-page connectors),
 * and of the bands, as pseudo-rows first-1 and last+1.
 */
function rowExtents(g: PageGeom, objs: Map<number, Obj>, besides: Beside[], remotes: Remote[]): Map<number, [number, number]> {
  const ext = new Map<number, [number, number]>();
  if (g.topBand) ext.set(g.first - 1, [0, g.band]);
  if (g.bottomBand) ext.set(g.last + 1, [g.height - g.band, g.height]);
  const add = (row: number, s: PlacedSymbol): void => {
    const e = ext.get(row);
    ext.set(row, e ? [Math.min(e[0], s.y), Math.max(e[1], s.y + s.height)] : [s.y, s.y + s.height]);
  };
  for (const o of objs.values()) add(o.row, o.sym);
  for (const b of besides) add(b.piece.obj.row, b.pent);
  for (const r of remotes) if (r.obj.row >= g.first && r.obj.row <= g.last) add(r.obj.row, r.obj.sym);
  return ext;
}

/**
 * Free space below each row's contents down to the next row's (bands count as rows before
 * the first and after the last; the page edges close the first and last spaces).
 */
function freeSpaces(g: PageGeom, ext: Map<number, [number, number]>): Spaces {
  const spaces: Spaces = new Map();
  for (let k = g.first - 1; k <= g.last; k++) {
    const a = ext.get(k);
    const b = ext.get(k + 1);
    const rule = k < g.first ? g.band : g.rowBottom.get(k)!;
    if (a && b) spaces.set(k, { a: a[1], b: b[0], rule });
    else if (a) spaces.set(k, { a: a[1], b: g.height, rule: g.height });
    else if (b) spaces.set(k, { a: 0, b: b[0], rule: 0 });
  }
  return spaces;
}

/**
 * Where routes may turn below a row's bottom / above a row's top when plain flow does not use
 * them and the free band there is wide enough (see spaceHeights), so the two never meet.
 */
function setTurns(objs: Map<number, Obj>, spaces: Spaces, leavesBottom: ReadonlySet<number>, entersTop: ReadonlySet<number>, besides: Beside[]): void {
  for (const o of objs.values()) {
    const uses = (via: 'bottom' | 'top'): boolean => besides.some((b) => b.via === via && b.piece.obj === o);
    const below = spaceHeights(spaces.get(o.row)!).lowers;
    const above = spaceHeights(spaces.get(o.row - 1)!).uppers;
    if (!leavesBottom.has(o.row) && !uses('bottom') && below.length) o.belowY = below;
    if (!entersTop.has(o.row) && !uses('top') && above.length) o.aboveY = above;
  }
}

/** Straight down to the following row's symbol in the same column. */
function straight(pe: PlannedEdge, a: Obj, b: Obj): Connector {
  const start = { x: a.cx, y: a.sym.y + a.sym.height };
  return withLabel({ from: a.sym.id, to: b.sym.id, points: [start, { x: a.cx, y: b.sym.y }] }, pe);
}

/** One bend: along the source's mid-height to above the target, down into its top. */
function handoff(pe: PlannedEdge, port: Port, b: Obj): Connector {
  const start = port.point!;
  const points = [start, { x: b.cx, y: start.y }, { x: b.cx, y: b.sym.y }];
  return withLabel({ from: port.obj.sym.id, to: b.sym.id, points }, pe);
}

/** One bend the other way round: down out of the source's bottom, across into the target's side. */
function turnedHandoff(pe: PlannedEdge, a: Obj, port: Port): Connector {
  const end = port.point!;
  const points = [{ x: a.cx, y: a.sym.y + a.sym.height }, { x: a.cx, y: end.y }, end];
  return withLabel({ from: a.sym.id, to: port.obj.sym.id, points }, pe);
}

function bandConnector(pe: PlannedEdge, objs: Map<number, Obj>, pent: PlacedSymbol, source: boolean): Connector {
  if (source) {
    const a = objs.get(pe.u)!;
    const start = { x: a.cx, y: a.sym.y + a.sym.height };
    const c: Connector = { from: a.sym.id, to: pent.id, points: [start, { x: a.cx, y: pent.y }] };
    return withLabel(c, pe);
  }
  const b = objs.get(pe.v)!;
  return { from: pent.id, to: b.sym.id, points: [{ x: b.cx, y: pent.y + pent.height }, { x: b.cx, y: b.sym.y }] };
}

function laneConnector(r: LaneRoute): Connector {
  const pts: Point[] = [];
  const [x1] = r.xs;
  const x2 = r.xs[r.xs.length - 1]!;
  if (r.from.kind === 'side') {
    const a = r.from.port.point!;
    pts.push(a, { x: x1, y: a.y });
  } else {
    const o = r.from.obj;
    const start = { x: o.cx, y: o.sym.y + o.sym.height };
    pts.push(start, { x: o.cx, y: r.from.turnY }, { x: x1, y: r.from.turnY });
  }
  if (r.jogY !== undefined) pts.push({ x: x1, y: r.jogY }, { x: x2, y: r.jogY });
  if (r.to.kind === 'side') {
    const b = r.to.port.point!;
    pts.push({ x: x2, y: b.y }, b);
  } else {
    const o = r.to.obj;
    pts.push({ x: x2, y: r.to.turnY }, { x: o.cx, y: r.to.turnY }, { x: o.cx, y: o.sym.y });
  }
  const points = simplify(pts);
  const c: Connector = { from: objOf(r.from).sym.id, to: objOf(r.to).sym.id, points };
  return r.job.labelled ? withLabel(c, r.job.pe) : c;
}

/** Straight from the symbol's side to the connector, or turning out of its bottom / into its top. */
function besideConnector(b: Beside): Connector {
  const o = b.piece.obj;
  const pt = b.port.point!;
  const right = b.pent.x > o.cx;
  const edge = { x: right ? b.pent.x : b.pent.x + b.pent.width, y: pt.y };
  if (b.piece.out) {
    if (b.via === 'bottom') {
      const start = { x: o.cx, y: o.sym.y + o.sym.height };
      return withLabel({ from: o.sym.id, to: b.pent.id, points: [start, pt, edge] }, b.piece.pe);
    }
    return withLabel({ from: o.sym.id, to: b.pent.id, points: [pt, edge] }, b.piece.pe);
  }
  const points = b.via === 'top' ? [edge, pt, { x: o.cx, y: o.sym.y }] : [edge, pt];
  return { from: b.pent.id, to: o.sym.id, points };
}

/** The exit's label, placed later (placeLabels) where it is free. */
function withLabel(c: Connector, pe: PlannedEdge): Connector {
  if (pe.edge.label === undefined) return c;
  return { ...c, label: pe.edge.label, labelAt: c.points[0]!, labelAnchor: 'start' };
}
