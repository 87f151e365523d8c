// Placing decision-exit labels (Ya / Tidak …) next to their exit where they collide with
// nothing: a few spots around the start of the connector, scored by what the text's box
// would overlap. Text width is estimated (the layout has no font metrics).
import type { Connector, LabelAnchor, PageLayout, Point } from './types.ts';

/** Font size labels are placed for; flowSvg draws labels at this size unless told otherwise. */
export const LABEL_FONT_SIZE = 9.5;

interface Spot {
  at: Point;
  anchor: LabelAnchor;
}

/** Average advance of a character at font size 1 (sans-serif), and cap height + descent. */
const CHAR_EM = 0.56;
const ASCENT_EM = 0.85;
const DESCENT_EM = 0.25;

/** Candidate spots beside the first segment, the natural one first. */
export function labelSpots(c: Connector): Spot[] {
  const [p0, p1, p2] = c.points;
  if (!p0 || !p1) return [];
  if (Math.abs(p0.x - p1.x) < 1e-9) {
    // Leaves downwards (bottom vertex): left or right of the line, just below the vertex;
    // first on the side away from where the line turns.
    const right: Spot = { at: { x: p0.x + 3, y: p0.y + 9 }, anchor: 'start' };
    const left: Spot = { at: { x: p0.x - 3, y: p0.y + 9 }, anchor: 'end' };
    return p2 && p2.x > p1.x ? [left, right] : [right, left];
  }
  // Leaves sideways: above or below the line, just outside the vertex; first on the side
  // away from where the line turns.
  const dir = p1.x > p0.x ? 1 : -1;
  const anchor: LabelAnchor = dir > 0 ? 'start' : 'end';
  const above: Spot = { at: { x: p0.x + 3 * dir, y: p0.y - 3 }, anchor };
  const below: Spot = { at: { x: p0.x + 3 * dir, y: p0.y + 9 }, anchor };
  return p2 && p2.y < p1.y ? [below, above] : [above, below];
}

/** The page with every label moved to its least crowded spot. */
export function placeLabels(page: PageLayout, fontSize: number): PageLayout {
  const connectors = page.connectors.map((c) => {
    if (c.label === undefined) return c;
    const spots = labelSpots(c);
    let best: { spot: Spot; score: number } | undefined;
    for (const spot of spots) {
      const score = crowding(page, box(spot, c.label, fontSize));
      if (!best || score < best.score) best = { spot, score };
    }
    return best ? { ...c, labelAt: best.spot.at, labelAnchor: best.spot.anchor } : c;
  });
  return { ...page, connectors };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function box(s: Spot, text: string, fontSize: number): Box {
  const w = text.length * CHAR_EM * fontSize;
  const x0 = s.anchor === 'start' ? s.at.x : s.anchor === 'end' ? s.at.x - w : s.at.x - w / 2;
  return { x0, x1: x0 + w, y0: s.at.y - ASCENT_EM * fontSize, y1: s.at.y + DESCENT_EM * fontSize };
}

/** Lines and symbols under the box, and a smaller penalty for leaving the page. */
function crowding(page: PageLayout, b: Box): number {
  let n = 0;
  for (const c of page.connectors) {
    for (let i = 1; i < c.points.length; i++) if (segmentHitsBox(c.points[i - 1]!, c.points[i]!, b)) n++;
  }
  for (const s of page.symbols) if (s.x < b.x1 && b.x0 < s.x + s.width && s.y < b.y1 && b.y0 < s.y + s.height) n++;
  if (b.x0 < 0 || b.y0 < 0 || b.x1 > page.width || b.y1 > page.height) n += 0.5;
  return n;
}

function segmentHitsBox(p: Point, q: Point, b: Box): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x0 < b.x1 && b.x0 < x1 + 1e-9 && y0 < b.y1 && b.y0 < y1 + 1e-9;
}
