// Placing decision-exit labels (Ya / Tidak …): searched along the first segments of the exit,
// on both sides of the line, for the spot nearest the decision whose text box (real Arimo
// advance widths) lies inside one table cell of the decision's own row (elsewhere it reads as
// another row's), 2 pt clear of rules, lines, symbols and the labels already placed, on its
// line's side of the column rules. A label that finds no such spot on one line tries two, then
// three (split at a space, or between syllables with a hyphen: narrow columns beside a line).
// Rows with a label that found no spot, or only one across a rule, are reported, so the caller
// can give them more height.
import { syllableBreaks } from '../kit/hyphen.ts';
import { labelFontMetrics, textWidth } from './font-metrics.ts';
import type { Connector, LabelAnchor, PageLayout, Point } from './types.ts';

/** Font size labels are placed and printed at: 8 pt (px), the floor for text a reader must read (issue 20 item 4). */
export const LABEL_FONT_SIZE = 32 / 3;
/** Clearance around a label's ink box: 2 pt. */
export const LABEL_CLEAR = 2 * (96 / 72);

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Spot {
  at: Point;
  anchor: LabelAnchor;
  /** The label's ink box there (labelBox). */
  box: Box;
}

/** How far along the path labels are searched, and in what steps (px). */
const SEARCH_SEGMENTS = 3;
const SEARCH_LEN = 240;
const STEP = 1;
/** Distances off the line tried (px), to step around a connector symbol or a crossing line. */
const OFFSETS = [0, 4, 8, 12, 16];
/** Score of a free spot across a column rule from the label's line (what crowds a spot counts 1 or more). */
const ACROSS = 0.5;
/** Distance of a label's ink from its own line: the clearance and a little air. */
const OFF_LINE = LABEL_CLEAR + 0.5;

/** Box of a label's ink (one line, or lines `lineHeight` apart): advance widths of the face, ascender to descender. */
export function labelBox(text: string | string[], at: Point, anchor: LabelAnchor, size: number): Box {
  const m = labelFontMetrics();
  const lines = typeof text === 'string' ? [text] : text;
  const w = Math.max(...lines.map((l) => textWidth(l, size, m)));
  const x0 = anchor === 'start' ? at.x : anchor === 'end' ? at.x - w : at.x - w / 2;
  return { x0, x1: x0 + w, y0: at.y - m.ascent * size, y1: at.y + (lines.length - 1) * lineHeight(size) + m.descent * size };
}

/** Distance between the baselines of a two-line label. */
export function lineHeight(size: number): number {
  const m = labelFontMetrics();
  return (m.ascent + m.descent) * size;
}

/** The lines a connector's label is drawn on. */
export function labelLines(c: Connector): string[] {
  return c.labelLines ?? [c.label ?? ''];
}

/** A wrapped label may end a line with a two-letter syllable (Setu-ju); headers keep three. */
const LABEL_MIN_RIGHT = 2;
/** Labels wrap to at most this many lines (sop check refuses a label that needs more in its column). */
export const LABEL_MAX_LINES = 3;

/**
 * Every way to write a label on two or three lines: broken at spaces, or between the
 * syllables of a word (kit/hyphen.ts) with a hyphen. Fewer lines first, then forms without a
 * hyphen, then the narrowest. The one measurement of label lines: placement tries these
 * (placeLabels) and `sop check` counts with them (view/print-fit.ts labelLineCount).
 */
export function labelForms(text: string, size: number): string[][] {
  // Pieces of the text and, before each but the first, how it may break there.
  const pieces: Array<{ text: string; after: 'space' | 'hyphen' | undefined }> = [];
  for (const word of text.split(' ').filter(Boolean)) {
    const at = [0, ...syllableBreaks(word, LABEL_MIN_RIGHT), word.length];
    at.slice(1).forEach((end, i) => pieces.push({ text: word.slice(at[i], end), after: pieces.length === 0 ? undefined : i === 0 ? 'space' : 'hyphen' }));
  }
  const line = (from: number, to: number): string => pieces.slice(from, to).map((p, k) => (k > 0 && p.after === 'space' ? ' ' : '') + p.text).join('') + (pieces[to]?.after === 'hyphen' ? '-' : '');
  const forms: Array<{ lines: string[]; hyphens: number; width: number }> = [];
  const add = (cuts: number[]): void => {
    const ends = [0, ...cuts, pieces.length];
    const lines = ends.slice(1).map((end, i) => line(ends[i]!, end));
    forms.push({ lines, hyphens: cuts.filter((c) => pieces[c]!.after === 'hyphen').length, width: Math.max(...lines.map((l) => textWidth(l, size))) });
  };
  for (let i = 1; i < pieces.length; i++) add([i]);
  for (let i = 1; i < pieces.length; i++) for (let j = i + 1; j < pieces.length; j++) add([i, j]);
  return forms.sort((x, y) => x.lines.length - y.lines.length || x.hyphens - y.hyphens || x.width - y.width).map((f) => f.lines);
}

/** Width of a label's widest line. */
export function formWidth(lines: string[], size: number): number {
  return Math.max(...lines.map((l) => textWidth(l, size)));
}

/** Does a form break a word (a line ending with a hyphen)? */
export function hyphenated(lines: string[] | undefined): boolean {
  return !!lines?.some((l) => l.endsWith('-'));
}

/**
 * The forms placement tries for each number of lines: the first two (fewest hyphens) and the
 * narrowest, so that a form sop check found to fit is among them. Every form breaking only at
 * spaces comes before any form breaking a word: a word is broken only where it fits whole
 * nowhere (a reviewer reads "Ti-/dak" beside a line as a defect when "Tidak" had room).
 */
function formsTried(text: string, size: number): string[][] {
  const out: string[][] = [];
  const all = labelForms(text, size);
  for (let n = 2; n <= LABEL_MAX_LINES; n++) {
    const forms = all.filter((f) => f.length === n);
    const narrowest = forms.reduce<string[] | undefined>((best, f) => (!best || formWidth(f, size) < formWidth(best, size) ? f : best), undefined);
    for (const f of [...forms.slice(0, 2), ...(narrowest ? [narrowest] : [])]) if (!out.includes(f)) out.push(f);
  }
  return [...out.filter((f) => !hyphenated(f)), ...out.filter((f) => hyphenated(f))];
}

/**
 * Candidate spots along the first segments, nearest the exit first: above/below a horizontal
 * segment (the box running ahead from the point reached, or ending there), left/right of a
 * vertical one, touching the line or standing a little off it (to clear a connector symbol).
 */
export function labelSpots(c: Connector, size: number): Spot[] {
  const { x0s, y0s, w, h, ascent } = spotCorners(c, size);
  return x0s.map((x0, i) => spotAt(x0, y0s[i]!, w, h, ascent));
}

function spotAt(x0: number, y0: number, w: number, h: number, ascent: number): Spot {
  return { at: { x: x0, y: y0 + ascent }, anchor: 'start', box: { x0, y0, x1: x0 + w, y1: y0 + h } };
}

interface Corners {
  x0s: number[];
  y0s: number[];
  w: number;
  h: number;
  ascent: number;
}

/**
 * The same label on the same line is searched again and again (every routing of a page, every
 * fitting round): its candidates are kept, for the latest few hundred lines and labels.
 */
const cornersKept = new Map<string, Corners>();
const KEPT = 256;

/** The candidates' top-left corners in labelSpots' order, as flat lists (thousands per label: no object per spot). */
function spotCorners(c: Connector, size: number): Corners {
  const lines = labelLines(c);
  let key = `${size}|${JSON.stringify(lines)}`;
  for (let i = 0; i < c.points.length && i <= SEARCH_SEGMENTS; i++) key += `|${c.points[i]!.x},${c.points[i]!.y}`;
  const known = cornersKept.get(key);
  if (known) return known;
  if (cornersKept.size >= KEPT) cornersKept.clear();
  const corners = findCorners(c, lines, size);
  cornersKept.set(key, corners);
  return corners;
}

function findCorners(c: Connector, lines: string[], size: number): Corners {
  const m = labelFontMetrics();
  const w = Math.max(...lines.map((l) => textWidth(l, size, m)));
  const h = (m.ascent + m.descent) * size + (lines.length - 1) * lineHeight(size);
  // One list per offset, each in order of its key already: merged below, not sorted.
  const xs: number[][] = OFFSETS.map(() => []);
  const ys: number[][] = OFFSETS.map(() => []);
  const keys: number[][] = OFFSETS.map(() => []);
  let walked = 0;
  for (let i = 1; i < c.points.length && i <= SEARCH_SEGMENTS && walked < SEARCH_LEN; i++) {
    const p = c.points[i - 1]!;
    const q = c.points[i]!;
    const len = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    const across = Math.abs(p.y - q.y) < 1e-9;
    for (let t = 0; t <= len && walked + t < SEARCH_LEN; t += STEP) {
      const d = walked + t;
      for (let k = 0; k < OFFSETS.length; k++) {
        const off = OFFSETS[k]!;
        const key = d + 2 * off;
        const kx = xs[k]!;
        const ky = ys[k]!;
        const kk = keys[k]!;
        if (across) {
          const dir = q.x >= p.x ? 1 : -1;
          const x = p.x + dir * t;
          const above = p.y - OFF_LINE - off - h;
          const below = p.y + OFF_LINE + off;
          const x0 = dir > 0 ? x + OFF_LINE : x - OFF_LINE - w;
          kx.push(x0, x0);
          ky.push(above, below);
          kk.push(key, key);
          if (t >= w + OFF_LINE) {
            const x1 = dir > 0 ? x - w : x;
            kx.push(x1, x1);
            ky.push(above, below);
            kk.push(key, key);
          }
        } else {
          const dir = q.y >= p.y ? 1 : -1;
          const y0 = dir > 0 ? p.y + t + OFF_LINE : p.y - t - OFF_LINE - h;
          kx.push(p.x + OFF_LINE + off, p.x - OFF_LINE - off - w);
          ky.push(y0, y0);
          kk.push(key, key);
        }
      }
    }
    walked += len;
  }
  // Nearest first; of equal keys, the one further off the line (nearer the exit) first, as it was found first.
  const x0s: number[] = [];
  const y0s: number[] = [];
  const at = OFFSETS.map(() => 0);
  for (;;) {
    let k = -1;
    let best = Infinity;
    for (let j = OFFSETS.length - 1; j >= 0; j--) {
      const n = at[j]!;
      if (n < keys[j]!.length && (k < 0 || keys[j]![n]! < best)) {
        k = j;
        best = keys[j]![n]!;
      }
    }
    if (k < 0) return { x0s, y0s, w, h, ascent: m.ascent * size };
    const n = at[k]!++;
    x0s.push(xs[k]![n]!);
    y0s.push(ys[k]![n]!);
  }
}

/**
 * The page with every label at its first free spot. `crowded` lists the connectors whose
 * label found none (they keep their least crowded spot), `across` (indices) those whose label
 * stands across a column rule from its line. Placed greedily, one label may take the only spot
 * another had: then those left without one are placed first, and the better placing is kept.
 */
export function placeLabels(page: PageLayout, fontSize: number): Placed {
  const first = placeInOrder(page, fontSize, page.connectors.map((_, i) => i));
  if (first.crowded.length + first.across.length === 0) return first;
  const troubled = [...first.crowded.map((c) => page.connectors.indexOf(c)), ...first.across];
  const order = [...new Set([...troubled, ...page.connectors.map((_, i) => i)])];
  const second = placeInOrder(page, fontSize, order);
  const worse = (r: Placed): number => 2 * r.crowded.length + r.across.length;
  return worse(second) < worse(first) ? second : first;
}

/** A page with its labels placed: the connectors whose label found no free spot, and those (indices) across a rule from their line or written with a broken word. */
export interface Placed {
  page: PageLayout;
  crowded: Connector[];
  across: number[];
  hyphens: number[];
}

function placeInOrder(page: PageLayout, fontSize: number, order: number[]): Placed {
  const placed: Box[] = [];
  const crowded: Connector[] = [];
  const across: number[] = [];
  const hyphens: number[] = [];
  const lines = page.connectors.flatMap((c) => c.points.slice(1).map((q, i): [Point, Point] => [c.points[i]!, q]));
  const connectors = [...page.connectors];
  for (const i of order) {
    const c = page.connectors[i]!;
    if (c.label === undefined) continue;
    const row = rowOf(page, c.from);
    // One line first; more only where fewer find no free spot.
    let best: { spot: Spot; box: Box; score: number; lines?: string[] } | undefined;
    for (const wrap of [undefined, ...formsTried(c.label, fontSize)]) {
      const found = freeSpot(page, lines, placed, wrap ? { ...c, labelLines: wrap } : c, fontSize, row, best?.score);
      if (found && (!best || found.score < best.score)) best = { ...found, ...(wrap ? { lines: wrap } : {}) };
      if (best?.score === 0) break;
    }
    if (!best) continue;
    if (best.score >= 1) crowded.push(c);
    if (page.rules && ruleBetween(best.box, c, page.rules.x)) across.push(i);
    if (hyphenated(best.lines)) hyphens.push(i);
    placed.push(best.box);
    const { labelLines: _, ...rest } = c;
    connectors[i] = { ...rest, labelAt: best.spot.at, labelAnchor: best.spot.anchor, ...(best.lines ? { labelLines: best.lines } : {}) };
  }
  return { page: { ...page, connectors, labelFontSize: fontSize }, crowded, across: across.sort((a, b) => a - b), hyphens: hyphens.sort((a, b) => a - b) };
}

/** The least crowded spot for the connector's label as its lines stand (the first free one); only one scoring under `bound` counts. */
function freeSpot(page: PageLayout, lines: Array<[Point, Point]>, placed: Box[], c: Connector, fontSize: number, row?: [number, number], bound = Infinity): { spot: Spot; box: Box; score: number } | undefined {
  const { x0s, y0s, w, h, ascent } = spotCorners(c, fontSize);
  // A label in another row reads as that row's decision's: only spots in its own row, while there are any.
  let order: number[] | undefined;
  if (row) {
    order = [];
    for (let i = 0; i < x0s.length; i++) if (y0s[i]! >= row[0] && y0s[i]! + h <= row[1]) order.push(i);
  }
  const inRow = order !== undefined && order.length > 0;
  const count = inRow ? order!.length : x0s.length;
  const index = (k: number): number => (inRow ? order![k]! : k);
  // Only what lies near the candidates can meet them.
  const r = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let k = 0; k < count; k++) {
    const i = index(k);
    const x0 = x0s[i]!;
    const y0 = y0s[i]!;
    r.x0 = Math.min(r.x0, x0);
    r.y0 = Math.min(r.y0, y0);
    r.x1 = Math.max(r.x1, x0 + w);
    r.y1 = Math.max(r.y1, y0 + h);
  }
  const region = inflate(r, LABEL_CLEAR + 1);
  const near: PageLayout = { ...page, symbols: page.symbols.filter((s) => boxesMeet(region, { x0: s.x, y0: s.y, x1: s.x + s.width, y1: s.y + s.height })) };
  const nearLines = lines.filter(([p, q]) => segmentMeetsBox(p, q, region));
  // Across a column rule from its line it reads as another line's: the last free spot to take (its row grows, see layout.ts).
  const extra = !inRow && row ? 4 : 0;
  let best: { spot: Spot; box: Box; score: number } | undefined;
  const grown: Box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  for (let k = 0; k < count; k++) {
    const i = index(k);
    const x0 = x0s[i]!;
    const y0 = y0s[i]!;
    const x1 = x0 + w;
    const y1 = y0 + h;
    grown.x0 = x0 - LABEL_CLEAR;
    grown.y0 = y0 - LABEL_CLEAR;
    grown.x1 = x1 + LABEL_CLEAR;
    grown.y1 = y1 + LABEL_CLEAR;
    // What cannot beat the best so far is not counted to the end.
    let score = crowding(near, nearLines, placed, grown, Math.min(bound, best?.score ?? Infinity) - extra) + extra;
    if (best && score >= best.score) continue;
    const box = { x0, y0, x1, y1 };
    if (page.rules && ruleBetween(box, c, page.rules.x)) score += ACROSS;
    if (!best || score < best.score) best = { spot: spotAt(x0, y0, w, h, ascent), box, score };
    if (score === 0) break;
  }
  return best;
}

/**
 * The table row (between two row rules) the symbol stands in, where its exit labels belong;
 * undefined on pages without rules (hand-made test pages).
 */
export function rowOf(page: PageLayout, id: string): [number, number] | undefined {
  const s = page.symbols.find((x) => x.id === id);
  const ys = page.rules?.y;
  if (!s || !ys?.length) return undefined;
  const cy = s.y + s.height / 2;
  const above = ys.filter((y) => y <= cy);
  const below = ys.filter((y) => y > cy);
  return [above.length ? Math.max(...above) : 0, below.length ? Math.min(...below) : page.height];
}

export function inflate(b: Box, d: number): Box {
  return { x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d };
}

export function boxesMeet(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export function segmentMeetsBox(p: Point, q: Point, b: Box): boolean {
  const e = 1e-9;
  return boxesMeet(b, { x0: Math.min(p.x, q.x) - e, x1: Math.max(p.x, q.x) + e, y0: Math.min(p.y, q.y) - e, y1: Math.max(p.y, q.y) + e });
}

/** Is a column rule between the label's box and the nearest point of its own line (the label would read as another line's)? */
export function ruleBetween(b: Box, c: Connector, xs: number[]): boolean {
  let best: { d: number; x: number } | undefined;
  for (let i = 1; i < c.points.length; i++) {
    const p = c.points[i - 1]!;
    const q = c.points[i]!;
    // Nearest point of the segment to the box (segments are axis-parallel).
    const x = Math.max(Math.min(p.x, q.x), Math.min(Math.max(p.x, q.x), Math.max(b.x0, Math.min(b.x1, (p.x + q.x) / 2))));
    const y = Math.max(Math.min(p.y, q.y), Math.min(Math.max(p.y, q.y), (b.y0 + b.y1) / 2));
    const d = Math.hypot(Math.max(b.x0 - x, 0, x - b.x1), Math.max(b.y0 - y, 0, y - b.y1));
    if (!best || d < best.d) best = { d, x };
  }
  if (!best) return false;
  const { x } = best;
  return xs.some((r) => (r > x && r < b.x0) || (r < x && r > b.x1));
}

/**
 * What the (grown) box meets: rules weigh most, then lines, symbols, labels; leaving the page a
 * little. Counting stops once it reaches `limit` (the spot cannot win then).
 */
function crowding(page: PageLayout, lines: Array<[Point, Point]>, placed: Box[], b: Box, limit = Infinity): number {
  let n = 0;
  const rules = page.rules;
  if (rules) {
    for (const y of rules.y) if (y > b.y0 && y < b.y1) n += 4;
    for (const x of rules.x) if (x > b.x0 && x < b.x1) n += 4;
  }
  // Outside the actor columns the label would stand in another column of the table.
  if (b.x0 < 0 || b.y0 < 0 || b.x1 > page.width || b.y1 > page.height) n += 4;
  if (n >= limit) return n;
  for (const [p, q] of lines) if (segmentMeetsBox(p, q, b) && (n += 2) >= limit) return n;
  for (const s of page.symbols) if (boxesMeet(b, { x0: s.x, y0: s.y, x1: s.x + s.width, y1: s.y + s.height }) && (n += 2) >= limit) return n;
  for (const o of placed) if (boxesMeet(b, o) && (n += 1) >= limit) return n;
  return n;
}
