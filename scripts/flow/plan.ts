// Document-level decisions taken before any page is drawn: how each edge is routed and
// which off-page letter it gets (letters run across the whole document; the layout letters
// them again in the order they first appear once it knows where they stand, see letteredInOrder).
import type { FlowEdge, LayoutInput } from './types.ts';

/**
 * straight: to the following row on the same page (source bottom → target top).
 * band: to the following row on the next page, through the bottom/top connector bands.
 * lane: any other edge on one page, routed through a vertical lane beside the columns.
 * cross: any other edge between pages, through off-page connectors beside both rows.
 */
export type EdgeRoute = 'straight' | 'band' | 'lane' | 'cross';

export interface PlannedEdge {
  /** Index into graph.edges (connectors keep this order). */
  index: number;
  edge: FlowEdge;
  /** Node indices of source and target. */
  u: number;
  v: number;
  route: EdgeRoute;
  /** Leaves a decision, so from one of its vertices. */
  exit: boolean;
  /** Off-page connector letter, for band and cross edges. */
  letter?: string;
}

export interface Plan {
  edges: PlannedEdge[];
  /** Page index of every node. */
  pageOf: number[];
}

export function planEdges(input: LayoutInput): Plan {
  const { graph, pages } = input;
  const indexOf = new Map<number, number>();
  graph.nodes.forEach((n, i) => indexOf.set(n.no, i));
  const pageOf = new Array<number>(graph.nodes.length).fill(-1);
  pages.forEach((p, pi) => {
    for (let i = p.first; i <= p.last; i++) {
      if (pageOf[i] !== -1) throw new Error(`layoutFlow: row index ${i} is on two pages`);
      pageOf[i] = pi;
    }
  });
  const orphan = pageOf.indexOf(-1);
  if (orphan !== -1) throw new Error(`layoutFlow: row ${graph.nodes[orphan]?.no} is on no page`);

  // Only one edge of a row may use its bottom: the first one to the following row.
  const bottomTaken = new Set<number>();
  const edges: PlannedEdge[] = graph.edges.map((edge, index) => {
    const u = indexOf.get(edge.from);
    const v = indexOf.get(edge.to);
    if (u === undefined || v === undefined) throw new Error(`layoutFlow: edge ${edge.from}→${edge.to} names a missing row`);
    const exit = graph.nodes[u]?.symbol === 'decision';
    const samePage = pageOf[u] === pageOf[v];
    let route: EdgeRoute = samePage ? 'lane' : 'cross';
    if (v === u + 1 && !bottomTaken.has(u)) {
      bottomTaken.add(u);
      route = samePage ? 'straight' : 'band';
    }
    return { index, edge, u, v, route, exit };
  });

  // Reading order of the first connector of each pair: a band one sits after its row, a
  // cross one beside the earlier of its two rows.
  const lettered = edges
    .filter((e) => e.route === 'band' || e.route === 'cross')
    .map((e) => ({ e, key: e.route === 'band' ? e.u + 0.5 : Math.min(e.u, e.v) }))
    .sort((a, b) => a.key - b.key || a.e.index - b.e.index);
  lettered.forEach(({ e }, i) => (e.letter = offpageLetter(i)));
  return { edges, pageOf };
}

/** A, B … Z, AA, AB … (bijective base 26). */
export function offpageLetter(i: number): string {
  let s = '';
  let k = i + 1;
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}
