// Independent checks of a laid-out flowchart, used by the flow tests and by the PDF/site
// tests on real SOPs. Each violation is one human-readable line; none means the chart is
// clean: orthogonal arrows that end on their target's edge, never run through a symbol or
// along another arrow, stay on the page, and draw every edge of the graph exactly once.
import { isVertex, LINE_CLEAR, onBoundary, segmentEntersSymbol, segmentSymbolDistance } from './geometry.ts';
import { boxesMeet, inflate, LABEL_CLEAR, labelBox, labelLines, rowOf, ruleBetween, segmentMeetsBox } from './labels.ts';
import type { Connector, FlowGraph, PageLayout, PlacedSymbol, Point } from './types.ts';

const EPS = 0.01;

export function checkLayout(pages: PageLayout[]): string[];
export function checkLayout(graph: FlowGraph, pages: PageLayout[]): string[];
export function checkLayout(a: FlowGraph | PageLayout[], b?: PageLayout[]): string[] {
  const pages = Array.isArray(a) ? a : b ?? [];
  const graph = Array.isArray(a) ? undefined : a;
  const out: string[] = [];
  pages.forEach((page, i) => out.push(...checkPage(page).map((m) => `page ${i + 1}: ${m}`)));
  if (graph) out.push(...checkGraph(graph, pages));
  return out;
}

/** Geometry of one page on its own. */
export function checkPage(page: PageLayout): string[] {
  const out: string[] = [];
  const byId = new Map<string, PlacedSymbol>();
  for (const s of page.symbols) {
    if (byId.has(s.id)) out.push(`symbol ${s.id} appears twice`);
    byId.set(s.id, s);
    if (s.x < -EPS || s.y < -EPS || s.x + s.width > page.width + EPS || s.y + s.height > page.height + EPS) {
      out.push(`symbol ${s.id} lies outside the page (${fmt(s.x)},${fmt(s.y)} ${fmt(s.width)}×${fmt(s.height)} in ${fmt(page.width)}×${fmt(page.height)})`);
    }
  }
  for (let i = 0; i < page.symbols.length; i++) {
    for (let j = i + 1; j < page.symbols.length; j++) {
      const p = page.symbols[i]!;
      const q = page.symbols[j]!;
      if (boxesOverlap(p, q)) out.push(`symbols ${p.id} and ${q.id} overlap`);
    }
  }

  page.connectors.forEach((c) => out.push(...checkConnector(c, page, byId).map((m) => `connector ${name(c)}: ${m}`)));

  // Overlap along a segment, between connectors and within one.
  const segs = page.connectors.flatMap((c, ci) => segments(c).map(([p, q], si) => ({ c, ci, si, p, q })));
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i]!;
      const t = segs[j]!;
      if (s.ci === t.ci && t.si === s.si + 1 && !reverses(s.p, s.q, t.q)) continue;
      const len = sharedLength(s.p, s.q, t.p, t.q);
      if (len > EPS) {
        out.push(s.ci === t.ci
          ? `connector ${name(s.c)} runs back over itself for ${fmt(len)}px`
          : `connectors ${name(s.c)} and ${name(t.c)} overlap for ${fmt(len)}px at ${pt(s.p)}–${pt(s.q)}`);
      }
    }
  }

  // A decision's two exits leave from two different vertices.
  const starts = new Map<string, Point[]>();
  for (const c of page.connectors) {
    if (byId.get(c.from)?.kind !== 'decision' || !c.points[0]) continue;
    const seen = starts.get(c.from) ?? [];
    if (seen.some((p) => near(p, c.points[0]!))) out.push(`decision ${c.from} has two exits from the same vertex ${pt(c.points[0])}`);
    starts.set(c.from, [...seen, c.points[0]]);
  }
  return out;
}

function checkConnector(c: Connector, page: PageLayout, byId: Map<string, PlacedSymbol>): string[] {
  const out: string[] = [];
  const from = byId.get(c.from);
  const to = byId.get(c.to);
  if (!from) out.push(`starts at unknown symbol ${c.from}`);
  if (!to) out.push(`ends at unknown symbol ${c.to}`);
  if (c.points.length < 2) return [...out, 'has fewer than two points'];
  for (const p of c.points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) out.push(`has a non-finite point`);
    else if (p.x < -EPS || p.y < -EPS || p.x > page.width + EPS || p.y > page.height + EPS) out.push(`point ${pt(p)} lies outside the page`);
  }
  for (const [p, q] of segments(c)) {
    if (Math.abs(p.x - q.x) > EPS && Math.abs(p.y - q.y) > EPS) out.push(`segment ${pt(p)}–${pt(q)} is not horizontal or vertical`);
    for (const s of page.symbols) {
      if (segmentEntersSymbol(p, q, s)) out.push(`segment ${pt(p)}–${pt(q)} passes through symbol ${s.id}`);
    }
  }
  const first = c.points[0]!;
  const last = c.points[c.points.length - 1]!;
  if (from && !onBoundary(first, from)) out.push(`does not start on the edge of ${from.id} (${pt(first)})`);
  if (from?.kind === 'decision' && !isVertex(first, from)) out.push(`leaves decision ${from.id} elsewhere than a vertex (${pt(first)})`);
  if (to && !onBoundary(last, to)) out.push(`does not end on the edge of ${to.id} (${pt(last)})`);
  if (c.label !== undefined && !c.labelAt) out.push(`has a label without a position`);
  return out;
}

/** Every row drawn once with its symbol, every edge drawn once (directly or via an off-page pair). */
function checkGraph(graph: FlowGraph, pages: PageLayout[]): string[] {
  const out: string[] = [];
  const where = new Map<string, Array<{ page: number; sym: PlacedSymbol }>>();
  pages.forEach((pg, i) => pg.symbols.forEach((sym) => where.set(sym.id, [...(where.get(sym.id) ?? []), { page: i, sym }])));
  for (const n of graph.nodes) {
    const at = where.get(String(n.no)) ?? [];
    if (at.length !== 1) out.push(`row ${n.no} is drawn ${at.length} times`);
    else if (at[0]!.sym.kind !== n.symbol) out.push(`row ${n.no} is drawn as ${at[0]!.sym.kind}, not ${n.symbol}`);
  }

  const conns = pages.flatMap((pg, page) => pg.connectors.map((c) => ({ c, page, used: false })));
  const isLetter = (id: string): boolean => where.get(id)?.every((w) => w.sym.kind === 'offpage') ?? false;
  for (const e of graph.edges) {
    const f = String(e.from);
    const t = String(e.to);
    const direct = conns.find((k) => !k.used && k.c.from === f && k.c.to === t);
    let head = direct;
    if (direct) direct.used = true;
    else {
      // Through an off-page pair: row → letter on one page, letter → row on another.
      const pair = conns
        .filter((k) => !k.used && k.c.from === f && isLetter(k.c.to))
        .map((k) => ({ k, tail: conns.find((m) => !m.used && m.c.from === k.c.to && m.c.to === t && m.page !== k.page) }))
        .find((x) => x.tail);
      if (!pair) {
        out.push(`edge ${f}→${t} is not drawn`);
        continue;
      }
      pair.k.used = true;
      pair.tail!.used = true;
      head = pair.k;
    }
    if ((head!.c.label ?? '') !== (e.label ?? '')) out.push(`edge ${f}→${t} is labelled "${head!.c.label ?? ''}", expected "${e.label ?? ''}"`);
  }
  for (const k of conns) if (!k.used) out.push(`page ${k.page + 1}: connector ${name(k.c)} draws no edge of the graph`);

  for (const [id, at] of where) {
    if (!at.every((w) => w.sym.kind === 'offpage')) continue;
    if (at.length !== 2 || at[0]!.page === at[1]!.page) out.push(`off-page connector ${id} must appear once on each of two pages, found on pages ${at.map((w) => w.page + 1).join(', ')}`);
    if (at.some((w) => w.sym.text !== id)) out.push(`off-page connector ${id} shows another text`);
  }
  return out;
}

function segments(c: Connector): Array<[Point, Point]> {
  const s: Array<[Point, Point]> = [];
  for (let i = 1; i < c.points.length; i++) s.push([c.points[i - 1]!, c.points[i]!]);
  return s;
}

/** Length over which two axis-parallel segments lie on top of each other. */
function sharedLength(a: Point, b: Point, c: Point, d: Point): number {
  const h1 = Math.abs(a.y - b.y) <= EPS;
  const h2 = Math.abs(c.y - d.y) <= EPS;
  const v1 = Math.abs(a.x - b.x) <= EPS;
  const v2 = Math.abs(c.x - d.x) <= EPS;
  if (h1 && h2 && Math.abs(a.y - c.y) <= EPS) return overlap(a.x, b.x, c.x, d.x);
  if (v1 && v2 && Math.abs(a.x - c.x) <= EPS) return overlap(a.y, b.y, c.y, d.y);
  return 0;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(Math.max(a0, a1), Math.max(b0, b1)) - Math.max(Math.min(a0, a1), Math.min(b0, b1));
}

/** Does the path a→b→c turn straight back on itself? */
function reverses(a: Point, b: Point, c: Point): boolean {
  return (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) < 0;
}

function boxesOverlap(p: PlacedSymbol, q: PlacedSymbol): boolean {
  return p.x + EPS < q.x + q.width && q.x + EPS < p.x + p.width && p.y + EPS < q.y + q.height && q.y + EPS < p.y + p.height;
}

function near(p: Point, q: Point): boolean {
  return Math.abs(p.x - q.x) <= EPS && Math.abs(p.y - q.y) <= EPS;
}

function name(c: Connector): string {
  return `${c.from}→${c.to}`;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function pt(p: Point): string {
  return `(${fmt(p.x)},${fmt(p.y)})`;
}

// ---------------------------------------------------------------------------------------
// Readability: what a reviewer sees as cramped or "jumping", measured in printed px (96/in).

/** 1 pt in px. */
const PT = 96 / 72;
/** A segment closer than this to a parallel table rule, over more than HUG_LEN, reads as a doubled rule. */
export const RULE_CLEAR = 8;
const HUG_LEN = 20;
/** Lines longer than this (1 in) within BESIDE of a column rule are counted apart. */
const LONG_LINE = 96;
const BESIDE = 12;
/** Vertical lanes of different connectors keep at least this far apart. */
export const LANE_SEP = 6;
/** Labels keep LABEL_CLEAR (2 pt) clear of rules, lines, symbols and other labels, and are at least 7 pt. */
export const LABEL_MIN_SIZE = 7 * PT;
/** Symbols take at least this share of their column (or reach SYMBOL_MAX wide). */
export const SYMBOL_SHARE = 0.6;
export const SYMBOL_MAX = 90;
/** Strokes at least 0.75 pt. */
export const MIN_STROKE = 0.75 * PT;

export interface Readability {
  /** Segments running parallel to a table rule closer than RULE_CLEAR for > HUG_LEN. */
  ruleHugs: number;
  /** Lanes (inner vertical segments) closer than RULE_CLEAR to a column rule. */
  laneNearRule: number;
  /** Vertical lines longer than LONG_LINE within BESIDE of a column rule (they may read as a doubled rule; a column's middle may be free). */
  longBesideRule: number;
  /** Pairs of vertical segments of different connectors closer than LANE_SEP side by side. */
  laneTooClose: number;
  /** Pairs of horizontal runs leaving (or entering) one side of a symbol closer than LANE_SEP. */
  sideRunsClose: number;
  /** Next-row hand-offs to another column on the same page, those whose one-bend L path is free, and those drawn so. */
  handoffs: number;
  handoffsFree: number;
  handoffsL: number;
  /** Of those, drawn down-then-across (see isTurnedL). */
  handoffsTurned: number;
  /** Crossings between connectors that share a symbol, between an edge and its reverse, and all others. */
  crossSharing: number;
  crossReverse: number;
  crossOther: number;
  /** Decision labels, and those not inside one cell ≥ 2 pt clear of everything (or too small). */
  labels: number;
  labelsBad: number;
  /** Of those, labels lying across a table rule. */
  labelsOnRule: number;
  /** Step symbols narrower than SYMBOL_SHARE of their column (and SYMBOL_MAX). */
  smallSymbols: number;
  /** Segments passing closer than LINE_CLEAR (2 pt) to a symbol (or off-page connector) their connector does not join. */
  nearSymbols: number;
  /** Of the labels, those with a column rule between them and their own line (they read as another line's). */
  labelsAcrossLine: number;
  /** Connector bands, and those holding no off-page connector (a band is a table row: empty, it reads as a missing step). */
  bands: number;
  emptyBands: number;
  /** Off-page letters not in the order they first appear, reading page by page, top to bottom. */
  lettersOutOfOrder: number;
  /** One line per defect, for test messages. */
  details: string[];
}

/** Which metrics must be zero on every flow (hand-offs: every free one drawn as an L). */
export function readabilityDefects(r: Readability): number {
  return r.ruleHugs + r.laneNearRule + r.laneTooClose + r.sideRunsClose + (r.handoffsFree - r.handoffsL) + r.crossSharing + r.crossReverse + r.labelsBad + r.smallSymbols + r.nearSymbols + r.labelsAcrossLine + r.emptyBands + r.lettersOutOfOrder;
}

interface Seg {
  ci: number;
  si: number;
  p: Point;
  q: Point;
  inner: boolean;
}

/**
 * Readability of a laid-out flow. `graph` gives the hand-offs; pages without `rules` (hand-made
 * test pages) skip the rule-related measures.
 */
export function readability(graph: FlowGraph, pages: PageLayout[], fontSize?: number): Readability {
  const r: Readability = {
    ruleHugs: 0, laneNearRule: 0, longBesideRule: 0, laneTooClose: 0, sideRunsClose: 0, handoffs: 0, handoffsFree: 0, handoffsL: 0, handoffsTurned: 0,
    crossSharing: 0, crossReverse: 0, crossOther: 0, labels: 0, labelsBad: 0, labelsOnRule: 0, smallSymbols: 0, nearSymbols: 0,
    labelsAcrossLine: 0, bands: 0, emptyBands: 0, lettersOutOfOrder: 0, details: [],
  };
  const actorOf = new Map(graph.nodes.map((n, i) => [String(n.no), { actor: n.actor, i }]));
  pages.forEach((page, pi) => {
    const where = `page ${pi + 1}`;
    const segs: Seg[] = page.connectors.flatMap((c, ci) =>
      segments(c).map(([p, q], si, all) => ({ ci, si, p, q, inner: si > 0 && si < all.length - 1 })),
    );
    const rules = page.rules;
    if (rules) {
      const bands: Array<['top' | 'bottom', number, number]> = [];
      if (page.topBand) bands.push(['top', rules.y[0]!, rules.y[1]!]);
      if (page.bottomBand) bands.push(['bottom', rules.y[rules.y.length - 2]!, rules.y[rules.y.length - 1]!]);
      for (const [which, y0, y1] of bands) {
        r.bands++;
        if (page.symbols.some((s) => s.kind === 'offpage' && s.y + s.height / 2 > y0 && s.y + s.height / 2 < y1)) continue;
        r.emptyBands++;
        r.details.push(`${where}: the ${which} connector band holds no off-page connector`);
      }
      for (const s of segs) {
        const c = page.connectors[s.ci]!;
        const horiz = Math.abs(s.p.y - s.q.y) <= EPS;
        const len = horiz ? Math.abs(s.p.x - s.q.x) : Math.abs(s.p.y - s.q.y);
        const d = Math.min(...(horiz ? rules.y.map((y) => Math.abs(y - s.p.y)) : rules.x.map((x) => Math.abs(x - s.p.x))));
        if (len > HUG_LEN && d < RULE_CLEAR - EPS) {
          r.ruleHugs++;
          r.details.push(`${where}: connector ${name(c)} runs ${fmt(d)}px beside a table rule for ${fmt(len)}px at ${pt(s.p)}–${pt(s.q)}`);
        }
        if (!horiz && len > LONG_LINE && d < BESIDE - EPS) r.longBesideRule++;
        if (!horiz && s.inner && d < RULE_CLEAR - EPS) {
          r.laneNearRule++;
          r.details.push(`${where}: lane of ${name(c)} at x=${fmt(s.p.x)} stands ${fmt(d)}px from a column rule`);
        }
      }
      for (const s of page.symbols) {
        if (s.kind === 'offpage') continue;
        const cx = s.x + s.width / 2;
        const k = rules.x.findIndex((x, j) => j > 0 && cx <= x);
        const colW = k > 0 ? rules.x[k]! - rules.x[k - 1]! : s.width;
        if (s.width < Math.min(SYMBOL_SHARE * colW, SYMBOL_MAX) - EPS) {
          r.smallSymbols++;
          r.details.push(`${where}: symbol ${s.id} is ${fmt(s.width)}px wide in a ${fmt(colW)}px column`);
        }
      }
    }
    for (const s of segs) {
      const c = page.connectors[s.ci]!;
      for (const sym of page.symbols) {
        if (sym.id === c.from || sym.id === c.to) continue;
        const d = segmentSymbolDistance(s.p, s.q, sym);
        if (d < LINE_CLEAR - EPS) {
          r.nearSymbols++;
          r.details.push(`${where}: connector ${name(c)} passes ${fmt(d)}px from symbol ${sym.id} at ${pt(s.p)}–${pt(s.q)}`);
        }
      }
    }
    // Vertical segments of different connectors side by side.
    const verts = segs.filter((s) => Math.abs(s.p.x - s.q.x) <= EPS && Math.abs(s.p.y - s.q.y) > EPS);
    for (let i = 0; i < verts.length; i++) {
      for (let j = i + 1; j < verts.length; j++) {
        const a = verts[i]!;
        const b = verts[j]!;
        if (a.ci === b.ci || !(a.inner || b.inner)) continue;
        const dx = Math.abs(a.p.x - b.p.x);
        if (dx < LANE_SEP - EPS && overlap(a.p.y, a.q.y, b.p.y, b.q.y) > 1) {
          r.laneTooClose++;
          r.details.push(`${where}: connectors ${name(page.connectors[a.ci]!)} and ${name(page.connectors[b.ci]!)} run ${fmt(dx)}px apart`);
        }
      }
    }
    for (const c of crowdedSides(page)) {
      r.sideRunsClose++;
      r.details.push(`${where}: two lines at the ${c.side === 'L' ? 'left' : 'right'} of symbol ${c.id} run ${fmt(c.gap)}px apart`);
    }
    for (const x of crossings(page)) {
      const ca = page.connectors[x.a]!;
      const cb = page.connectors[x.b]!;
      if (x.kind === 'reverse') {
        r.crossReverse++;
        r.details.push(`${where}: connector ${name(ca)} crosses its reverse ${name(cb)}`);
      } else if (x.kind === 'sharing') {
        r.crossSharing++;
        r.details.push(`${where}: connectors ${name(ca)} and ${name(cb)} share a symbol and cross`);
      } else r.crossOther++;
    }
    // Hand-offs to the following row in another column.
    const byId = new Map(page.symbols.map((s) => [s.id, s]));
    for (const e of graph.edges) {
      const a = actorOf.get(String(e.from));
      const b = actorOf.get(String(e.to));
      const sa = byId.get(String(e.from));
      const sb = byId.get(String(e.to));
      if (!a || !b || !sa || !sb || b.i !== a.i + 1 || a.actor === b.actor) continue;
      const c = page.connectors.find((k) => k.from === sa.id && k.to === sb.id);
      if (!c) continue;
      r.handoffs++;
      const l = lPath(sa, sb);
      const others = page.symbols.filter((s) => s !== sa && s !== sb);
      const free = segmentsOf(l).every(([p, q]) => others.every((s) => !segmentEntersSymbol(p, q, s)));
      if (free) r.handoffsFree++;
      const turned = isTurnedL(c, sa, sb);
      if (turned) r.handoffsTurned++;
      if (turned || isL(c, sa, sb)) r.handoffsL++;
      else if (free) r.details.push(`${where}: hand-off ${name(c)} is not drawn as a one-bend L though the path is free`);
    }
    // Labels.
    const size = fontSize ?? page.labelFontSize ?? 8;
    const labelled = page.connectors.filter((c) => c.label !== undefined && c.labelAt);
    const boxes = labelled.map((c) => labelBox(labelLines(c), c.labelAt!, c.labelAnchor ?? 'start', size));
    labelled.forEach((c, k) => {
      r.labels++;
      const b = boxes[k]!;
      const why: string[] = [];
      if (size < LABEL_MIN_SIZE - EPS) why.push(`${fmt(size / PT)}pt`);
      const grown = inflate(b, LABEL_CLEAR);
      if (rules) {
        const onRule = rules.y.some((y) => y > b.y0 && y < b.y1) || rules.x.some((x) => x > b.x0 && x < b.x1);
        if (onRule) {
          r.labelsOnRule++;
          why.push('across a table rule');
        } else if (rules.y.some((y) => y > grown.y0 && y < grown.y1) || rules.x.some((x) => x > grown.x0 && x < grown.x1)) why.push('too near a table rule');
        if (b.x0 < rules.x[0]! || b.x1 > rules.x[rules.x.length - 1]!) why.push('outside the actor columns');
        const row = rowOf(page, c.from);
        if (row && (b.y0 < row[0] || b.y1 > row[1])) why.push("outside its decision's row");
        if (ruleBetween(b, c, rules.x)) {
          r.labelsAcrossLine++;
          r.details.push(`${where}: label "${c.label}" of ${name(c)} stands across a column rule from its line`);
        }
      }
      if (page.connectors.some((o) => segments(o).some(([p, q]) => segmentMeetsBox(p, q, grown)))) why.push('too near a line');
      if (page.symbols.some((s) => boxesMeet(grown, { x0: s.x, y0: s.y, x1: s.x + s.width, y1: s.y + s.height }))) why.push('too near a symbol');
      if (boxes.some((o, m) => m !== k && boxesMeet(grown, o))) why.push('too near another label');
      if (why.length) {
        r.labelsBad++;
        r.details.push(`${where}: label "${c.label}" of ${name(c)}: ${why.join(', ')}`);
      }
    });
  });
  const order = lettersByAppearance(pages);
  const named = [...order].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  order.forEach((id, k) => {
    if (id === named[k]) return;
    r.lettersOutOfOrder++;
    r.details.push(`off-page letter ${id} is the ${k + 1}. to appear`);
  });
  return r;
}

/** Off-page connector ids in the order a reader first meets them: page by page, top to bottom, left to right. */
export function lettersByAppearance(pages: PageLayout[]): string[] {
  const seen = new Set<string>();
  for (const page of pages) {
    const pents = page.symbols.filter((s) => s.kind === 'offpage').sort((a, b) => a.y - b.y || a.x - b.x);
    for (const s of pents) seen.add(s.id);
  }
  return [...seen];
}

/** A pair of neighbouring horizontal runs at one side of a symbol closer than LANE_SEP (they read as one thick line). */
export interface CrowdedSide {
  id: string;
  side: 'L' | 'R';
  gap: number;
  /** How many runs leave or enter that side. */
  lines: number;
}

export function crowdedSides(page: PageLayout): CrowdedSide[] {
  const out: CrowdedSide[] = [];
  for (const s of page.symbols) {
    const at: Record<'L' | 'R', number[]> = { L: [], R: [] };
    for (const c of page.connectors) {
      const ends: Array<[Point, Point | undefined]> = [];
      if (c.from === s.id) ends.push([c.points[0]!, c.points[1]]);
      if (c.to === s.id) ends.push([c.points[c.points.length - 1]!, c.points[c.points.length - 2]]);
      for (const [p, q] of ends) {
        if (!q || Math.abs(p.y - q.y) > EPS) continue;
        at[q.x < p.x ? 'L' : 'R'].push(p.y);
      }
    }
    for (const side of ['L', 'R'] as const) {
      const ys = at[side].sort((a, b) => a - b);
      for (let k = 1; k < ys.length; k++) {
        if (ys[k]! - ys[k - 1]! < LANE_SEP - EPS) out.push({ id: s.id, side, gap: ys[k]! - ys[k - 1]!, lines: ys.length });
      }
    }
  }
  return out;
}

export interface Crossing {
  /** Indices of the two connectors on the page. */
  a: number;
  b: number;
  /** An edge and its reverse; two connectors with a symbol in common; any other pair. */
  kind: 'reverse' | 'sharing' | 'other';
}

/** Every point where a horizontal and a vertical segment of two connectors meet inside both. */
export function crossings(page: PageLayout): Crossing[] {
  const out: Crossing[] = [];
  const segs = page.connectors.flatMap((c, ci) => segments(c).map(([p, q]) => ({ ci, p, q })));
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i]!;
      const b = segs[j]!;
      if (a.ci === b.ci || !crosses(a.p, a.q, b.p, b.q)) continue;
      const ca = page.connectors[a.ci]!;
      const cb = page.connectors[b.ci]!;
      const kind = ca.from === cb.to && ca.to === cb.from ? 'reverse' : [ca.from, ca.to].some((e) => e === cb.from || e === cb.to) ? 'sharing' : 'other';
      out.push({ a: a.ci, b: b.ci, kind });
    }
  }
  return out;
}

/** The one-bend path from a's side facing b, along a's middle, down into b's top. */
function lPath(a: PlacedSymbol, b: PlacedSymbol): Point[] {
  const bx = b.x + b.width / 2;
  const y = a.y + a.height / 2;
  const x = bx > a.x + a.width / 2 ? a.x + a.width : a.x;
  return [{ x, y }, { x: bx, y }, { x: bx, y: b.y }];
}

function isL(c: Connector, a: PlacedSymbol, b: PlacedSymbol): boolean {
  if (c.points.length !== 3) return false;
  const [p0, p1, p2] = c.points as [Point, Point, Point];
  const bx = b.x + b.width / 2;
  return Math.abs(p0.y - p1.y) <= EPS && Math.abs(p1.x - bx) <= EPS && Math.abs(p2.x - bx) <= EPS && Math.abs(p2.y - b.y) <= EPS && onBoundary(p0, a);
}

/** The other one-bend form, kept for where the first would knot: down out of the bottom, across into the target's side. */
function isTurnedL(c: Connector, a: PlacedSymbol, b: PlacedSymbol): boolean {
  if (c.points.length !== 3) return false;
  const [p0, p1, p2] = c.points as [Point, Point, Point];
  const ax = a.x + a.width / 2;
  return Math.abs(p0.x - ax) <= EPS && Math.abs(p0.y - a.y - a.height) <= EPS && Math.abs(p1.x - ax) <= EPS && Math.abs(p1.y - p2.y) <= EPS && onBoundary(p2, b);
}

function segmentsOf(points: Point[]): Array<[Point, Point]> {
  return segments({ from: '', to: '', points });
}

/** A horizontal and a vertical segment meeting strictly inside both. */
function crosses(a: Point, b: Point, c: Point, d: Point): boolean {
  const ah = Math.abs(a.y - b.y) <= EPS;
  const ch = Math.abs(c.y - d.y) <= EPS;
  if (ah === ch) return false;
  const [h0, h1, v0, v1] = ah ? [a, b, c, d] : [c, d, a, b];
  const y = h0.y;
  const x = v0.x;
  return x > Math.min(h0.x, h1.x) + EPS && x < Math.max(h0.x, h1.x) - EPS && y > Math.min(v0.y, v1.y) + EPS && y < Math.max(v0.y, v1.y) - EPS;
}

/** Thinnest stroke and label font size in a flowchart SVG (as flowSvg writes it). */
export function svgStrokes(svg: string): { minStroke: number; fontSize: number } {
  // The labels' white halo is not a line of the chart.
  const lines = svg.replace(/<g class="sop-labels"[^>]*>/g, '');
  const minStroke = Math.min(...[...lines.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1])));
  const fontSize = Number(/font-size="([\d.]+)"/.exec(svg)?.[1] ?? NaN);
  return { minStroke, fontSize };
}
