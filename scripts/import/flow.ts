// The flow drawn over a procedure table: symbols per row and column, lines and connectors
// joined to them (glued by id, or ends touching an outline), pieces of one long arrow chained,
// arrowheads for direction, decision exits with their labels, off-page connectors passed
// through. Pure geometry over the shapes of one table frame.
import type { Point, Shape } from './document.ts';

export interface FlowNode {
  shape: Shape;
  /** The row number (No) the symbol stands in; undefined for off-page connectors. */
  no?: number;
}

export interface FlowEdge {
  from: FlowNode;
  to: FlowNode;
  label?: string;
  /** Where the line leaves its source symbol (decision labels sit near it). */
  exit?: Point;
}

export interface FlowTrace {
  edges: FlowEdge[];
  /** Lines with an end joined to nothing. */
  loose: Shape[];
  /** Chains whose direction came from their drawing order (no arrowhead). */
  undirected: Shape[];
}

const dist = (p: Point, s: Shape) => {
  const dx = Math.max(s.x - p.x, 0, p.x - (s.x + s.w));
  const dy = Math.max(s.y - p.y, 0, p.y - (s.y + s.h));
  return Math.hypot(dx, dy);
};
const near = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** How close (EMU) an end must come to an outline, or to another piece's end, to count as joined: about 2 mm. */
export const TOUCH = 72000;

/**
 * Items by horizontal band, so finding what is near a point costs the items of one band, not all
 * of them: a file with thousands of shapes stays linear.
 */
class Bands<T> {
  private readonly bands = new Map<number, T[]>();
  private static readonly HEIGHT = 4 * TOUCH;
  add(item: T, y0: number, y1: number): void {
    for (let b = Math.floor((y0 - TOUCH) / Bands.HEIGHT); b <= Math.floor((y1 + TOUCH) / Bands.HEIGHT); b++) {
      const list = this.bands.get(b);
      if (list) list.push(item);
      else this.bands.set(b, [item]);
    }
  }
  near(y: number): readonly T[] {
    return this.bands.get(Math.floor(y / Bands.HEIGHT)) ?? [];
  }
}

interface End {
  piece: number;
  at: 'from' | 'to';
  p: Point;
  node?: FlowNode;
}

export function traceFlow(nodes: FlowNode[], lines: Shape[], labels: Shape[]): FlowTrace {
  const byId = new Map(nodes.filter((n) => n.shape.id).map((n) => [n.shape.id!, n]));
  const nodeBands = new Bands<FlowNode>();
  for (const n of nodes) nodeBands.add(n, n.shape.y, n.shape.y + n.shape.h);
  const attach = (p: Point, id: string | undefined): FlowNode | undefined => {
    if (id && byId.has(id)) return byId.get(id);
    let best: FlowNode | undefined;
    let bestD = TOUCH;
    for (const n of nodeBands.near(p.y)) {
      const d = dist(p, n.shape);
      if (d <= bestD) [best, bestD] = [n, d];
    }
    return best;
  };
  const ends: End[][] = lines.map((l, i) => [
    { piece: i, at: 'from', p: l.from!, node: attach(l.from!, l.startId) },
    { piece: i, at: 'to', p: l.to!, node: attach(l.to!, l.endId) },
  ]);
  // Chain pieces whose free ends meet.
  const partner = new Map<End, End>();
  const free = ends.flat().filter((e) => !e.node);
  const freeBands = new Bands<End>();
  for (const e of free) freeBands.add(e, e.p.y, e.p.y);
  for (const e of free) {
    if (partner.has(e)) continue;
    let best: End | undefined;
    let bestD = TOUCH;
    for (const o of freeBands.near(e.p.y)) {
      if (o.piece === e.piece || partner.has(o)) continue;
      const d = near(e.p, o.p);
      if (d <= bestD) [best, bestD] = [o, d];
    }
    if (best) {
      partner.set(e, best);
      partner.set(best, e);
    }
  }
  const seen = new Set<number>();
  const edges: FlowEdge[] = [];
  const loose: Shape[] = [];
  const undirected: Shape[] = [];
  const arrowAt = (e: End) => (e.at === 'from' ? lines[e.piece]!.arrowFrom : lines[e.piece]!.arrowTo);
  for (let i = 0; i < lines.length; i++) {
    if (seen.has(i)) continue;
    // Walk to one outer end of the chain, then along it to the other.
    let start = ends[i]![0]!;
    for (let guard = 0; partner.has(start) && guard < lines.length; guard++) {
      const other = partner.get(start)!;
      start = ends[other.piece]![other.at === 'from' ? 1 : 0]!;
    }
    const pieces: number[] = [];
    let cur = start;
    const arrowOut = Boolean(arrowAt(start));
    for (let guard = 0; guard <= lines.length; guard++) {
      pieces.push(cur.piece);
      seen.add(cur.piece);
      const far = ends[cur.piece]![cur.at === 'from' ? 1 : 0]!;
      const next = partner.get(far);
      if (!next || seen.has(next.piece)) {
        const arrowIn = Boolean(arrowAt(far));
        const a = start.node;
        const b = far.node;
        if (!a || !b) {
          loose.push(lines[cur.piece]!);
          break;
        }
        if (a === b) break;
        let [src, dst] = arrowIn && !arrowOut ? [a, b] : arrowOut && !arrowIn ? [b, a] : [undefined, undefined];
        if (!src || !dst) {
          // No arrowhead (or both ends): the flow reads downwards, then left to right.
          [src, dst] = a.shape.y + a.shape.h / 2 <= b.shape.y + b.shape.h / 2 ? [a, b] : [b, a];
          undirected.push(lines[cur.piece]!);
        }
        const exit = src === a ? start.p : far.p;
        edges.push({ from: src, to: dst, exit });
        break;
      }
      cur = next;
    }
  }
  labelDecisions(edges, labels);
  return { edges, loose, undirected };
}

/** Each decision exit takes the nearest unused label near where it leaves the diamond. */
function labelDecisions(edges: FlowEdge[], labels: Shape[]): void {
  const exits = edges.filter((e) => e.from.shape.kind === 'decision');
  const pairs: { e: FlowEdge; l: Shape; d: number }[] = [];
  const byBand = new Map<number, Shape[]>();
  const band = 2_000_000;
  for (const l of labels) {
    for (let b = Math.floor(l.y / band) - 1; b <= Math.floor((l.y + l.h) / band) + 1; b++) {
      const list = byBand.get(b);
      if (list) list.push(l);
      else byBand.set(b, [l]);
    }
  }
  for (const e of exits) {
    const p = e.exit;
    if (!p) continue;
    const reach = Math.max(e.from.shape.w, e.from.shape.h) * 1.5;
    for (const l of byBand.get(Math.floor(p.y / band)) ?? []) {
      const d = dist(p, l);
      if (d <= reach) pairs.push({ e, l, d });
    }
  }
  const used = new Set<Shape>();
  for (const { e, l } of pairs.sort((a, b) => a.d - b.d)) {
    if (e.label !== undefined || used.has(l)) continue;
    e.label = l.text.replace(/\s+/g, ' ').trim();
    used.add(l);
  }
}

/** A → (A) … (A) → B becomes A → B: the pair of off-page connectors with the same letter. */
export function passThroughOffpage(edges: FlowEdge[]): FlowEdge[] {
  const key = (n: FlowNode) => n.shape.text.trim().toUpperCase();
  const out = edges.filter((e) => e.from.shape.kind !== 'offpage' && e.to.shape.kind !== 'offpage');
  const onwards = new Map<string, FlowEdge[]>();
  for (const e of edges) {
    if (e.from.shape.kind !== 'offpage' || e.to.shape.kind === 'offpage') continue;
    const list = onwards.get(key(e.from));
    if (list) list.push(e);
    else onwards.set(key(e.from), [e]);
  }
  for (const into of edges.filter((e) => e.to.shape.kind === 'offpage' && e.from.shape.kind !== 'offpage')) {
    for (const onward of onwards.get(key(into.to)) ?? []) {
      out.push({ from: into.from, to: onward.to, ...(into.label !== undefined ? { label: into.label } : {}) });
    }
  }
  return out;
}
