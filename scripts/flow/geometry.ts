// Shapes of the flowchart symbols and the few geometric predicates the layout, the quality
// checker and the SVG writer must agree on. All in CSS pixels, y growing downwards.
import { ptToPx } from '../print/units.ts';
import type { PlacedSymbol, Point, SymbolKind } from './types.ts';

/**
 * Symbol sizes. Symbols take 60 % of their column (the least a reviewer reads as using the
 * cell), which leaves margins wide enough for lanes 8 px off the column rules.
 */
export const SIZE = {
  widthRatio: 0.6,
  maxWidth: 90,
  processHeight: 22,
  decisionHeight: 34,
  offpage: 16,
  /** Minimum free space above and below a symbol inside its row. */
  rowPad: 6,
  minHeight: 10,
} as const;

/** A line passing nearer than this (2 pt) to a symbol it does not join reads as joining it. */
export const LINE_CLEAR = ptToPx(2);
/** Off-page connectors stand further (3 pt) from lines they do not join: their tip points at them. */
export const SYMBOL_CLEAR = 4;

/**
 * Rows lower than this squeeze the symbols (decision 34px + padding + room for two stacked
 * off-page connectors). Renderers should give flowchart rows at least this min-height.
 */
export const MIN_ROW_HEIGHT = 48;

export function symbolWidth(columnWidth: number): number {
  return Math.min(columnWidth * SIZE.widthRatio, SIZE.maxWidth);
}

export function symbolHeight(kind: SymbolKind, rowHeight: number): number {
  const nominal = kind === 'decision' ? SIZE.decisionHeight : kind === 'offpage' ? SIZE.offpage : SIZE.processHeight;
  return Math.max(SIZE.minHeight, Math.min(nominal, rowHeight - 2 * SIZE.rowPad));
}

/** Outline as a convex polygon, clockwise on screen. */
export function outline(s: PlacedSymbol): Point[] {
  const { x, y, width: w, height: h } = s;
  switch (s.kind) {
    case 'terminator':
      return capsule(s);
    case 'decision':
      return [
        { x: x + w / 2, y },
        { x: x + w, y: y + h / 2 },
        { x: x + w / 2, y: y + h },
        { x, y: y + h / 2 },
      ];
    case 'offpage':
      return pentagon(s);
    default:
      return [
        { x, y },
        { x: x + w, y },
        { x: x + w, y: y + h },
        { x, y: y + h },
      ];
  }
}

/** Arcs per rounded end of a capsule: the chords stay within 0.2 px of the curve. */
const ARCS = 8;

/** Radius of a capsule's rounded ends (SVG clamps rx to half the width). */
function capsuleRadius(s: PlacedSymbol): number {
  return Math.min(s.height, s.width) / 2;
}

/**
 * Terminator: a box with half-circle ends (svg.ts draws rx = height / 2), as the polygon
 * inscribed in it, so that lines ending on the curve do not count as entering it.
 */
function capsule(s: PlacedSymbol): Point[] {
  const r = capsuleRadius(s);
  const cy = s.y + s.height / 2;
  const pts: Point[] = [];
  for (const [cx, from] of [[s.x + s.width - r, -Math.PI / 2], [s.x + r, Math.PI / 2]] as const) {
    for (let k = 0; k <= ARCS; k++) {
      const a = from + (Math.PI * k) / ARCS;
      pts.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
    }
  }
  return pts;
}

/** Where a horizontal line at height cy + dy meets the symbol's left or right side. */
export function sideAt(s: PlacedSymbol, side: 'L' | 'R', dy: number): number {
  const edge = side === 'R' ? s.x + s.width : s.x;
  const sign = side === 'R' ? -1 : 1;
  if (s.kind === 'decision') return edge + sign * (s.width / 2) * Math.min(1, Math.abs(dy) / (s.height / 2));
  if (s.kind !== 'terminator') return edge;
  const r = capsuleRadius(s);
  const e = Math.min(Math.abs(dy), r);
  return edge + sign * (r - Math.sqrt(r * r - e * e));
}

/** Off-page connector: a box whose bottom is a point (pointing down, the flow direction). */
export function pentagon(s: PlacedSymbol): Point[] {
  const { x, y, width: w, height: h } = s;
  return [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h * 0.6 },
    { x: x + w / 2, y: y + h },
    { x, y: y + h * 0.6 },
  ];
}

/**
 * Is p on the symbol's edge? Rectangles and off-page connectors use their bounding box (the
 * renderer's arrowhead touches it); diamonds and capsules their true outline.
 */
export function onBoundary(p: Point, s: PlacedSymbol, eps = 0.01): boolean {
  if (s.kind === 'terminator') {
    // Distance to the capsule's core segment (between the centres of its ends) is its radius.
    const r = capsuleRadius(s);
    const cy = s.y + s.height / 2;
    const x = Math.max(s.x + r, Math.min(s.x + s.width - r, p.x));
    return Math.abs(Math.hypot(p.x - x, p.y - cy) - r) <= eps;
  }
  if (s.kind === 'decision') {
    const cx = s.x + s.width / 2;
    const cy = s.y + s.height / 2;
    const r = Math.abs(p.x - cx) / (s.width / 2) + Math.abs(p.y - cy) / (s.height / 2);
    return Math.abs(r - 1) * Math.min(s.width, s.height) / 2 <= eps;
  }
  const inX = p.x >= s.x - eps && p.x <= s.x + s.width + eps;
  const inY = p.y >= s.y - eps && p.y <= s.y + s.height + eps;
  const onV = Math.abs(p.x - s.x) <= eps || Math.abs(p.x - (s.x + s.width)) <= eps;
  const onH = Math.abs(p.y - s.y) <= eps || Math.abs(p.y - (s.y + s.height)) <= eps;
  return (onV && inY) || (onH && inX);
}

/** Is p one of the diamond's four vertices? */
export function isVertex(p: Point, s: PlacedSymbol, eps = 0.01): boolean {
  return outline(s).some((v) => Math.abs(v.x - p.x) <= eps && Math.abs(v.y - p.y) <= eps);
}

/**
 * Does segment a-b run through the interior of the symbol's outline (deeper than `inset`)?
 * Touching or running along the edge does not count. Cyrus-Beck clipping against the
 * outline shrunk by `inset`.
 */
export function segmentEntersSymbol(a: Point, b: Point, s: PlacedSymbol, inset = 0.5): boolean {
  const poly = outline(s);
  const c = centroid(poly);
  let t0 = 0;
  let t1 = 1;
  const d = { x: b.x - a.x, y: b.y - a.y };
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    let n = { x: -(q.y - p.y), y: q.x - p.x };
    const len = Math.hypot(n.x, n.y);
    if (len === 0) continue;
    n = { x: n.x / len, y: n.y / len };
    if (n.x * (c.x - p.x) + n.y * (c.y - p.y) < 0) n = { x: -n.x, y: -n.y };
    // Inside (shrunk) means n·(pt - p) >= inset.
    const f0 = n.x * (a.x - p.x) + n.y * (a.y - p.y) - inset;
    const fd = n.x * d.x + n.y * d.y;
    if (Math.abs(fd) < 1e-12) {
      if (f0 < 0) return false;
      continue;
    }
    const t = -f0 / fd;
    if (fd > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return (t1 - t0) * Math.hypot(d.x, d.y) > 1e-6;
}

function centroid(poly: Point[]): Point {
  const sx = poly.reduce((m, p) => m + p.x, 0);
  const sy = poly.reduce((m, p) => m + p.y, 0);
  return { x: sx / poly.length, y: sy / poly.length };
}

/** Drop repeated points and points in the middle of a straight run. */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-9 && Math.abs(last.y - p.y) < 1e-9) continue;
    const prev = out[out.length - 2];
    if (prev && last && collinear(prev, last, p)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

function collinear(a: Point, b: Point, c: Point): boolean {
  const sameX = Math.abs(a.x - b.x) < 1e-9 && Math.abs(b.x - c.x) < 1e-9;
  const sameY = Math.abs(a.y - b.y) < 1e-9 && Math.abs(b.y - c.y) < 1e-9;
  // Only merge when the run keeps its direction; a reversal must stay visible to the checker.
  if (sameX) return (b.y - a.y) * (c.y - b.y) > 0;
  if (sameY) return (b.x - a.x) * (c.x - b.x) > 0;
  return false;
}

/** Distance from segment a-b to the symbol's outline (0 when it touches or runs through it). */
export function segmentSymbolDistance(a: Point, b: Point, s: PlacedSymbol): number {
  if (segmentEntersSymbol(a, b, s, 0)) return 0;
  const poly = outline(s);
  let d = Infinity;
  for (let i = 0; i < poly.length; i++) d = Math.min(d, segmentDistance(a, b, poly[i]!, poly[(i + 1) % poly.length]!));
  return d;
}

function segmentDistance(a: Point, b: Point, c: Point, d: Point): number {
  if (segmentsIntersect(a, b, c, d)) return 0;
  return Math.min(pointSegment(a, c, d), pointSegment(b, c, d), pointSegment(c, a, b), pointSegment(d, a, b));
}

function pointSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (o: Point, p: Point, q: Point): number => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}
