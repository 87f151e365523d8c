// Data types of the flowchart stage: the graph (what connects to what) and its geometry
// (where every symbol and arrow stands). Geometry is in CSS pixels, origin at the top-left
// of the actor-column area of one procedure page, y growing downwards.
import type { StepSymbol } from '../model/sop.ts';

export type SymbolKind = StepSymbol | 'offpage';

export interface FlowNode {
  /** Row number (`No`). */
  no: number;
  /** Actor column index, 0-based. */
  actor: number;
  symbol: StepSymbol;
}

export interface FlowEdge {
  from: number;
  to: number;
  /** Exit label of a decision (Ya / Tidak ...), absent for plain flow. */
  label?: string;
}

export interface FlowGraph {
  actors: number;
  /** In row order. */
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** One procedure page: which rows it holds and whether it has connector bands. */
export interface PageSlice {
  /** Index into FlowGraph.nodes of the first and last row on this page (inclusive). */
  first: number;
  last: number;
}

export interface LayoutInput {
  graph: FlowGraph;
  /** Width of each actor column. */
  columnWidths: number[];
  /** Measured height of each table row, same order as graph.nodes. */
  rowHeights: number[];
  /** Pages, in order, covering every row exactly once. */
  pages: PageSlice[];
  /** Height of the band reserved at the top/bottom of a page for off-page connectors. */
  bandHeight: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedSymbol {
  /** Row number, or the off-page connector's letter (`A`, `B` …). */
  id: string;
  kind: SymbolKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text inside an off-page connector. */
  text?: string;
}

export interface Connector {
  /** Symbol id it starts from / ends at (row number or off-page letter). */
  from: string;
  to: string;
  /** Orthogonal polyline; the last point lies on the target symbol's edge. */
  points: Point[];
  label?: string;
  /** The label on two lines (where one found no free spot); the first line's baseline is labelAt.y. */
  labelLines?: string[];
  labelAt?: Point;
  /** How the label text is anchored at labelAt (SVG text-anchor); `start` when absent. */
  labelAnchor?: LabelAnchor;
}

export type LabelAnchor = 'start' | 'middle' | 'end';

/** Page capacities for `paginate`, in the same units as the row heights. */
export interface PaginateOptions {
  /** Height available for the actor-column area on the first procedure page (bands included). */
  firstPageCapacity: number;
  /** Same, for every following page. */
  pageCapacity: number;
  /** Height of one off-page connector band. */
  bandHeight: number;
  /** Height of the closing (signer) block that must follow the last row on its page. */
  closingHeight?: number;
  /** Edges as node index pairs: pagination keeps as many as it can on one page. */
  edges?: Array<[number, number]>;
}

export interface PageLayout {
  /** Does the page start with a top band (entry connectors) / end with a bottom band? */
  topBand: boolean;
  bottomBand: boolean;
  width: number;
  height: number;
  symbols: PlacedSymbol[];
  connectors: Connector[];
  /**
   * The table's rules under the overlay: x of every actor column boundary (both outer ones
   * included), y of every row and band boundary (page top and bottom included). The
   * readability metrics measure distances to them.
   */
  rules?: { x: number[]; y: number[] };
  /** Font size (px) the decision labels were placed for. */
  labelFontSize?: number;
}
