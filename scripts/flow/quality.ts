// Independent checks of a laid-out flowchart, used by the flow tests and by the PDF/site
// tests on real SOPs. Each violation is one human-readable line; none means the chart is
// clean: orthogonal arrows that end on their target's edge, never run through a symbol or
// along another arrow, stay on the page, and draw every edge of the graph exactly once.
import { isVertex, onBoundary, segmentEntersSymbol } from './geometry.ts';
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
