// Flowchart geometry, page by page: where each symbol stands and how each arrow runs.
// Pure: the same input always gives the same output, so renderers and tests can rely on it.
//
// Routing rules, chosen so that connectors cannot overlap by construction:
//  - to the following row: out of the bottom, an elbow in the space between the two rows,
//    into the top (a straight line when both rows share an actor);
//  - to the following row on the next page: straight down into an off-page connector in the
//    bottom band, and out of its twin in the next page's top band;
//  - any other edge: out of a side, along a vertical lane in a column margin, into a side
//    (see route.ts); across pages, into an off-page connector beside the row instead.
import { simplify, SIZE, symbolHeight, symbolWidth } from './geometry.ts';
import { buildLanes } from './lanes.ts';
import { planEdges } from './plan.ts';
import type { Plan, PlannedEdge } from './plan.ts';
import { sideOffsets } from './ports.ts';
import { objOf, routeLanes, sideX } from './route.ts';
import type { HRun, LaneRoute, Obj, Port, Side, Spaces } from './route.ts';
import type { Connector, LabelAnchor, LayoutInput, PageLayout, PlacedSymbol, Point } from './types.ts';

export { MIN_ROW_HEIGHT } from './geometry.ts';

/** One PageLayout per PageSlice of the input. */
export function layoutFlow(input: LayoutInput): PageLayout[] {
  if (input.rowHeights.length !== input.graph.nodes.length) {
    throw new Error(`layoutFlow: ${input.rowHeights.length} row heights for ${input.graph.nodes.length} rows`);
  }
  const plan = planEdges(input);
  return input.pages.map((_, p) => layoutPage(input, plan, p));
}

interface PageGeom {
  n: number;
  colX: number[];
  cw: number[];
  width: number;
  height: number;
  band: number;
  topBand: boolean;
  bottomBand: boolean;
  rowTop: Map<number, number>;
}

/** A cross-page edge's end on this page: an off-page connector beside the row. */
interface Piece {
  pe: PlannedEdge;
  obj: Obj;
  out: boolean;
}

interface Beside {
  piece: Piece;
  port: Port;
  pent: PlacedSymbol;
  /** Leaves the decision's bottom vertex (both sides taken), turning towards the connector. */
  bottom: boolean;
}

function layoutPage(input: LayoutInput, plan: Plan, p: number): PageLayout {
  const geom = pageGeom(input, p);
  const slice = input.pages[p]!;
  const objs = new Map<number, Obj>();
  for (let i = slice.first; i <= slice.last; i++) objs.set(i, stepObj(input, geom, i));

  const mine = plan.edges.filter((e) => plan.pageOf[e.u] === p || plan.pageOf[e.v] === p);
  const bandPents = new Map<number, PlacedSymbol>();
  for (const pe of mine.filter((e) => e.route === 'band')) bandPents.set(pe.index, bandPentagon(geom, objs, pe, plan.pageOf[pe.u] === p));

  const pieces: Piece[] = mine
    .filter((e) => e.route === 'cross')
    .map((pe) => (plan.pageOf[pe.u] === p ? { pe, obj: objs.get(pe.u)!, out: true } : { pe, obj: objs.get(pe.v)!, out: false }));
  // Exits first: they must take a decision vertex, the others can go where room is left.
  pieces.sort((a, b) => a.obj.row - b.obj.row || Number(b.out && b.pe.exit) - Number(a.out && a.pe.exit) || a.pe.index - b.pe.index);
  const besides: Beside[] = [];
  for (let i = 0; i < pieces.length; ) {
    let j = i;
    while (j < pieces.length && pieces[j]!.obj === pieces[i]!.obj) j++;
    const row = pieces[i]!.obj.row;
    const bottomFree = !mine.some((e) => e.u === row && (e.route === 'straight' || e.route === 'band'));
    besides.push(...placeRow(geom, pieces.slice(i, j), bottomFree));
    i = j;
  }

  const extent = rowExtents(objs, besides);
  setTurns(geom, slice, objs, extent, mine, besides);
  const elbows: HRun[] = mine
    .filter((e) => e.route === 'straight')
    .map((pe) => {
      const a = objs.get(pe.u)!;
      const b = objs.get(pe.v)!;
      return { y: elbowY(extent, a, b), x0: Math.min(a.cx, b.cx), x1: Math.max(a.cx, b.cx) };
    });
  const margins = geom.cw.map((w) => (w - symbolWidth(w)) / 2);
  const spaces: Spaces = new Map();
  for (let k = slice.first; k < slice.last; k++) spaces.set(k, [extent.get(k)![1], extent.get(k + 1)![0]]);
  const lanes = routeLanes(mine.filter((e) => e.route === 'lane'), objs, buildLanes(geom.colX, margins), elbows, spaces);
  for (const o of objs.values()) assignPorts(o);

  const connectors: Connector[] = [];
  for (const pe of mine) {
    switch (pe.route) {
      case 'straight':
        connectors.push(straight(pe, objs.get(pe.u)!, objs.get(pe.v)!, extent));
        break;
      case 'band':
        connectors.push(bandConnector(pe, objs, bandPents.get(pe.index)!, plan.pageOf[pe.u] === p));
        break;
      case 'lane':
        connectors.push(laneConnector(lanes.find((r) => r.pe === pe)!));
        break;
      case 'cross':
        connectors.push(besideConnector(besides.find((b) => b.piece.pe === pe)!));
        break;
    }
  }

  const offpage = [...bandPents.values(), ...besides.map((b) => b.pent)];
  offpage.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    topBand: geom.topBand,
    bottomBand: geom.bottomBand,
    width: geom.width,
    height: geom.height,
    symbols: [...[...objs.values()].map((o) => o.sym), ...offpage],
    connectors,
  };
}

function pageGeom(input: LayoutInput, p: number): PageGeom {
  const cw = input.columnWidths;
  const colX = [0];
  for (const w of cw) colX.push(colX[colX.length - 1]! + w);
  const slice = input.pages[p]!;
  const band = input.bandHeight;
  const topBand = p > 0;
  const bottomBand = p < input.pages.length - 1;
  const rowTop = new Map<number, number>();
  let y = topBand ? band : 0;
  for (let i = slice.first; i <= slice.last; i++) {
    rowTop.set(i, y);
    y += input.rowHeights[i]!;
  }
  return { n: cw.length, colX, cw, width: colX[cw.length]!, height: y + (bottomBand ? band : 0), band, topBand, bottomBand, rowTop };
}

/** The row's symbol, centred in its row and its actor column. */
function stepObj(input: LayoutInput, g: PageGeom, i: number): Obj {
  const node = input.graph.nodes[i]!;
  const c = node.actor;
  if (!(c >= 0 && c < g.n)) throw new Error(`layoutFlow: row ${node.no} has actor ${c}, but there are ${g.n} columns`);
  const rh = input.rowHeights[i]!;
  const w = symbolWidth(g.cw[c]!);
  const h = symbolHeight(node.symbol, rh);
  const cx = g.colX[c]! + g.cw[c]! / 2;
  const cy = g.rowTop.get(i)! + rh / 2;
  const sym: PlacedSymbol = { id: String(node.no), kind: node.symbol, x: cx - w / 2, y: cy - h / 2, width: w, height: h };
  return { sym, row: i, col: c, cx, cy, ports: { L: [], R: [] }, exitSides: new Set(), pentCols: { L: [], R: [] } };
}

function pentSize(g: PageGeom, col: number, room: number): { w: number; h: number } {
  return { w: Math.min(SIZE.offpage, symbolWidth(g.cw[col]!)), h: Math.max(8, Math.min(SIZE.offpage, room)) };
}

/** Off-page connector in the bottom band under the source, or the top band over the target. */
function bandPentagon(g: PageGeom, objs: Map<number, Obj>, pe: PlannedEdge, source: boolean): PlacedSymbol {
  const o = objs.get(source ? pe.u : pe.v)!;
  const { w, h } = pentSize(g, o.col, g.band - 4);
  const y = source ? g.height - g.band + (g.band - h) / 2 : (g.band - h) / 2;
  return { id: pe.letter!, kind: 'offpage', x: o.cx - w / 2, y, width: w, height: h, text: pe.letter! };
}

interface Slot {
  side: Side;
  col: number;
  dy: number;
  bottom?: boolean;
}

/**
 * Off-page connectors beside one row, in neighbouring actor columns (free: a row holds one
 * step symbol), each joined to the symbol's side by one horizontal line. A small search
 * picks columns and heights such that no line runs through another connector: two in one
 * column sit a full height apart, in different columns half a height apart.
 */
function placeRow(g: PageGeom, pieces: Piece[], bottomFree: boolean): Beside[] {
  const o = pieces[0]!.obj;
  const ph = pentSize(g, o.col, SIZE.offpage).h;
  const usable = o.sym.height / 2 - 2;
  const step = ph / 2 + 1;
  const isExit = (pc: Piece): boolean => pc.out && pc.pe.exit;
  const candidates = pieces.map((pc, i): Slot[] => {
    // An exit leaves from a vertex; on a decision the others keep the vertex height free.
    const dys = (isExit(pc) ? [0] : o.sym.kind === 'decision' ? [-step, step, 0] : [0, step, -step]).filter((d) => Math.abs(d) <= usable + 1e-9);
    if (dys.length === 0) dys.push(0);
    const sides: Side[] = i % 2 === 0 ? ['R', 'L'] : ['L', 'R'];
    const slots: Slot[] = [];
    for (let k = 1; k < g.n; k++) {
      for (const side of sides) {
        const col = o.col + (side === 'R' ? k : -k);
        if (col >= 0 && col < g.n) for (const dy of dys) slots.push({ side, col, dy });
      }
    }
    // Last resort for an exit: the bottom vertex, when no edge to the next row uses it;
    // the connector then stands just below the symbol's side.
    if (isExit(pc) && bottomFree) {
      for (const side of sides) {
        const col = o.col + (side === 'R' ? 1 : -1);
        if (col >= 0 && col < g.n) slots.push({ side, col, dy: o.sym.height / 2 + 4, bottom: true });
      }
    }
    return slots;
  });
  const compatible = (s: Slot, i: number, chosen: Slot[]): boolean =>
    chosen.every((q, j) => {
      if (q.bottom && s.bottom) return false;
      if (q.side !== s.side) return true;
      if (isExit(pieces[i]!) && isExit(pieces[j]!) && !q.bottom && !s.bottom) return false;
      return Math.abs(q.dy - s.dy) >= (q.col === s.col ? ph + 1 : ph / 2 + 1);
    });
  const chosen: Slot[] = [];
  let budget = 20000;
  const search = (i: number): boolean => {
    if (i === pieces.length) return true;
    for (const s of candidates[i]!) {
      if (--budget < 0) return false;
      if (!compatible(s, i, chosen)) continue;
      chosen.push(s);
      if (search(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  if (!search(0)) {
    // No clean arrangement (too many for the columns there are): best effort, the checker reports it.
    chosen.length = 0;
    pieces.forEach((_, i) => chosen.push(candidates[i]!.find((s) => compatible(s, i, chosen)) ?? candidates[i]![0] ?? { side: 'R', col: o.col, dy: 0 }));
  }
  return pieces.map((piece, i) => {
    const slot = chosen[i]!;
    const { w, h } = pentSize(g, slot.col, SIZE.offpage);
    const colCx = g.colX[slot.col]! + g.cw[slot.col]! / 2;
    // Single actor column: nowhere beside, so squeeze it into the margin.
    const x = slot.col === o.col ? o.sym.x + o.sym.width + 2 : colCx - w / 2;
    const y = o.cy + slot.dy - h / 2;
    const pent: PlacedSymbol = { id: piece.pe.letter!, kind: 'offpage', x, y, width: w, height: h, text: piece.pe.letter! };
    const port: Port = { obj: o, side: slot.side, fixed: slot.dy, key: 0 };
    if (slot.bottom) port.point = { x: o.cx, y: o.cy + slot.dy };
    else {
      o.ports[slot.side].push(port);
      if (isExit(piece)) o.exitSides.add(slot.side);
    }
    o.pentCols[slot.side].push(slot.col);
    return { piece, port, pent, bottom: slot.bottom ?? false };
  });
}

/** Give every port on the object its height on the side and its point on the outline. */
function assignPorts(o: Obj): void {
  for (const side of ['L', 'R'] as const) {
    const ports = o.ports[side];
    if (ports.length === 0) continue;
    const offs = sideOffsets(ports.map((q) => ({ key: q.key, ...(q.fixed !== undefined ? { fixed: q.fixed } : {}) })), o.sym.height / 2 - 2);
    ports.forEach((q, j) => (q.point = sidePoint(o, side, offs[j]!)));
  }
}

function sidePoint(o: Obj, side: Side, dy: number): Point {
  const y = o.cy + dy;
  if (o.sym.kind !== 'decision') return { x: sideX(o, side), y };
  // On the diamond's slanted edge; at dy = 0 this is the vertex.
  const half = (o.sym.width / 2) * (1 - Math.abs(dy) / (o.sym.height / 2));
  return { x: side === 'R' ? o.cx + half : o.cx - half, y };
}

/** Vertical extent of everything standing in each row (step symbol and its off-page connectors). */
function rowExtents(objs: Map<number, Obj>, besides: Beside[]): Map<number, [number, number]> {
  const ext = new Map<number, [number, number]>();
  const add = (row: number, s: PlacedSymbol): void => {
    const e = ext.get(row);
    const top = s.y;
    const bottom = s.y + s.height;
    ext.set(row, e ? [Math.min(e[0], top), Math.max(e[1], bottom)] : [top, bottom]);
  };
  for (const o of objs.values()) add(o.row, o.sym);
  for (const b of besides) add(b.piece.obj.row, b.pent);
  return ext;
}

/**
 * Where routes may turn below a row's bottom / above a row's top, when plain flow does not
 * use them: a third of the way into the free space between rows (plain-flow elbows take the
 * middle, and only where both of these ends are taken), so the two never share a height.
 */
function setTurns(g: PageGeom, slice: { first: number; last: number }, objs: Map<number, Obj>, ext: Map<number, [number, number]>, mine: PlannedEdge[], besides: Beside[]): void {
  const plain = mine.filter((e) => e.route === 'straight' || e.route === 'band');
  for (const o of objs.values()) {
    const [top, bottom] = ext.get(o.row)!;
    const below = o.row < slice.last ? ext.get(o.row + 1)![0] : g.height;
    const above = o.row > slice.first ? ext.get(o.row - 1)![1] : 0;
    const bottomUsed = plain.some((e) => e.u === o.row) || besides.some((b) => b.bottom && b.piece.obj === o);
    const topUsed = plain.some((e) => e.v === o.row);
    if (!bottomUsed) o.belowY = bottom + (below - bottom) / 3;
    if (!topUsed) o.aboveY = top - (top - above) / 3;
  }
}

/** Plain-flow elbows run midway through the free space between the two rows' contents. */
function elbowY(ext: Map<number, [number, number]>, a: Obj, b: Obj): number {
  return (ext.get(a.row)![1] + ext.get(b.row)![0]) / 2;
}

function straight(pe: PlannedEdge, a: Obj, b: Obj, ext: Map<number, [number, number]>): Connector {
  const start = { x: a.cx, y: a.sym.y + a.sym.height };
  const yE = elbowY(ext, a, b);
  const points = simplify([start, { x: a.cx, y: yE }, { x: b.cx, y: yE }, { x: b.cx, y: b.sym.y }]);
  return withLabel({ from: a.sym.id, to: b.sym.id, points }, pe, bottomLabel(start, b.cx > a.cx));
}

function bandConnector(pe: PlannedEdge, objs: Map<number, Obj>, pent: PlacedSymbol, source: boolean): Connector {
  if (source) {
    const a = objs.get(pe.u)!;
    const start = { x: a.cx, y: a.sym.y + a.sym.height };
    const c: Connector = { from: a.sym.id, to: pent.id, points: [start, { x: a.cx, y: pent.y }] };
    return withLabel(c, pe, bottomLabel(start, false));
  }
  const b = objs.get(pe.v)!;
  return { from: pent.id, to: b.sym.id, points: [{ x: b.cx, y: pent.y + pent.height }, { x: b.cx, y: b.sym.y }] };
}

function laneConnector(r: LaneRoute): Connector {
  const pts: Point[] = [];
  let label: LabelPlace;
  const [x1] = r.xs;
  const x2 = r.xs[r.xs.length - 1]!;
  if (r.from.kind === 'side') {
    const a = r.from.port.point!;
    pts.push(a, { x: x1, y: a.y });
    label = sideLabel(a, r.from.port.side);
  } else {
    const o = r.from.obj;
    const start = { x: o.cx, y: o.sym.y + o.sym.height };
    pts.push(start, { x: o.cx, y: r.from.turnY }, { x: x1, y: r.from.turnY });
    label = bottomLabel(start, x1 > o.cx);
  }
  if (r.jogY !== undefined) pts.push({ x: x1, y: r.jogY }, { x: x2, y: r.jogY });
  if (r.to.kind === 'side') {
    const b = r.to.port.point!;
    pts.push({ x: x2, y: b.y }, b);
  } else {
    const o = r.to.obj;
    pts.push({ x: x2, y: r.to.turnY }, { x: o.cx, y: r.to.turnY }, { x: o.cx, y: o.sym.y });
  }
  const c: Connector = { from: objOf(r.from).sym.id, to: objOf(r.to).sym.id, points: simplify(pts) };
  return withLabel(c, r.pe, label);
}

function besideConnector(b: Beside): Connector {
  const pt = b.port.point!;
  // The pentagon's near edge; its far side faces away from the symbol.
  const right = b.pent.x > b.piece.obj.cx;
  const edge = { x: right ? b.pent.x : b.pent.x + b.pent.width, y: pt.y };
  const o = b.piece.obj;
  if (b.bottom) {
    const start = { x: o.cx, y: o.sym.y + o.sym.height };
    const c: Connector = { from: o.sym.id, to: b.pent.id, points: [start, pt, edge] };
    return withLabel(c, b.piece.pe, bottomLabel(start, right));
  }
  if (b.piece.out) {
    const c: Connector = { from: b.piece.obj.sym.id, to: b.pent.id, points: [pt, edge] };
    return withLabel(c, b.piece.pe, sideLabel(pt, b.port.side));
  }
  return { from: b.pent.id, to: b.piece.obj.sym.id, points: [edge, pt] };
}

interface LabelPlace {
  at: Point;
  anchor: LabelAnchor;
}

/** Below a bottom vertex, on the side away from where the line turns. */
function bottomLabel(start: Point, turnsRight: boolean): LabelPlace {
  return turnsRight ? { at: { x: start.x - 3, y: start.y + 9 }, anchor: 'end' } : { at: { x: start.x + 3, y: start.y + 9 }, anchor: 'start' };
}

/** Just above the line leaving a side vertex. */
function sideLabel(start: Point, side: Side): LabelPlace {
  return side === 'R' ? { at: { x: start.x + 3, y: start.y - 3 }, anchor: 'start' } : { at: { x: start.x - 3, y: start.y - 3 }, anchor: 'end' };
}

function withLabel(c: Connector, pe: PlannedEdge, place: LabelPlace): Connector {
  if (pe.edge.label === undefined) return c;
  return { ...c, label: pe.edge.label, labelAt: place.at, labelAnchor: place.anchor };
}
