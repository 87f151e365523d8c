import { describe, expect, it } from 'vitest';
import { onBoundary, segmentEntersSymbol, sideAt } from '../../scripts/flow/geometry.ts';
import { textWidth } from '../../scripts/flow/font-metrics.ts';
import { checkLayout, readability, readabilityDefects } from '../../scripts/flow/quality.ts';
import type { Connector, FlowGraph, PageLayout, PlacedSymbol } from '../../scripts/flow/types.ts';

// Two rows in two columns of 100px, row height 60: symbol 1 top-left, symbol 2 bottom-right.
const s1: PlacedSymbol = { id: '1', kind: 'terminator', x: 15, y: 19, width: 70, height: 22 };
const s2: PlacedSymbol = { id: '2', kind: 'process', x: 115, y: 79, width: 70, height: 22 };
const good: Connector = { from: '1', to: '2', points: [{ x: 50, y: 41 }, { x: 50, y: 55 }, { x: 150, y: 55 }, { x: 150, y: 79 }] };
const graph: FlowGraph = { actors: 2, nodes: [{ no: 1, actor: 0, symbol: 'terminator' }, { no: 2, actor: 1, symbol: 'process' }], edges: [{ from: 1, to: 2 }] };
const page = (over: Partial<PageLayout> = {}): PageLayout => ({ topBand: false, bottomBand: false, width: 200, height: 120, symbols: [s1, s2], connectors: [good], ...over });
const one = (v: string[], re: RegExp): void => {
  expect(v.filter((m) => re.test(m)), v.join('\n')).toHaveLength(1);
};

describe('checkLayout', () => {
  it('accepts a clean layout', () => {
    expect(checkLayout([page()])).toEqual([]);
    expect(checkLayout(graph, [page()])).toEqual([]);
  });

  it('reports a diagonal segment', () => {
    const c: Connector = { from: '1', to: '2', points: [{ x: 50, y: 41 }, { x: 150, y: 79 }] };
    one(checkLayout([page({ connectors: [c] })]), /not horizontal or vertical/);
  });

  it('reports a connector passing through a symbol that is not its end', () => {
    const s3: PlacedSymbol = { id: '3', kind: 'process', x: 90, y: 50, width: 40, height: 10 };
    one(checkLayout([page({ symbols: [s1, s2, s3] })]), /passes through symbol 3/);
  });

  it('reports a connector running through its own target instead of stopping at the edge', () => {
    const c: Connector = { from: '1', to: '2', points: [{ x: 50, y: 41 }, { x: 50, y: 55 }, { x: 150, y: 55 }, { x: 150, y: 90 }] };
    const v = checkLayout([page({ connectors: [c] })]);
    expect(v.some((m) => /passes through symbol 2/.test(m))).toBe(true);
    expect(v.some((m) => /does not end on the edge of 2/.test(m))).toBe(true);
  });

  it('reports an endpoint short of the target edge', () => {
    const c: Connector = { ...good, points: [...good.points.slice(0, 3), { x: 150, y: 75 }] };
    one(checkLayout([page({ connectors: [c] })]), /does not end on the edge of 2/);
  });

  it('reports two connectors overlapping along a segment, but not two that cross', () => {
    const other: Connector = { from: '2', to: '1', points: [{ x: 185, y: 90 }, { x: 190, y: 90 }, { x: 190, y: 55 }, { x: 100, y: 55 }, { x: 100, y: 30 }, { x: 85, y: 30 }] };
    one(checkLayout([page({ connectors: [good, other] })]), /overlap for 50px/);
    const crossing: Connector = { from: '2', to: '1', points: [{ x: 185, y: 90 }, { x: 190, y: 90 }, { x: 190, y: 5 }, { x: 100, y: 5 }, { x: 100, y: 30 }, { x: 85, y: 30 }] };
    expect(checkLayout([page({ connectors: [good, crossing] })])).toEqual([]);
  });

  it('reports a connector that runs back over itself', () => {
    const c: Connector = { from: '1', to: '2', points: [{ x: 50, y: 41 }, { x: 50, y: 60 }, { x: 50, y: 55 }, { x: 150, y: 55 }, { x: 150, y: 79 }] };
    one(checkLayout([page({ connectors: [c] })]), /runs back over itself/);
  });

  it('reports symbols and points outside the page', () => {
    const far: PlacedSymbol = { ...s2, x: 150 };
    const v = checkLayout([page({ symbols: [s1, far], connectors: [] })]);
    one(v, /symbol 2 lies outside the page/);
  });

  it('reports a decision whose two exits share a vertex, and an exit that leaves elsewhere than a vertex', () => {
    const d: PlacedSymbol = { id: '1', kind: 'decision', x: 15, y: 13, width: 70, height: 34 };
    const s3: PlacedSymbol = { id: '3', kind: 'process', x: 15, y: 79, width: 70, height: 22 };
    const a: Connector = { from: '1', to: '2', points: [{ x: 50, y: 47 }, { x: 50, y: 60 }, { x: 150, y: 60 }, { x: 150, y: 79 }] };
    const b: Connector = { from: '1', to: '3', points: [{ x: 50, y: 47 }, { x: 50, y: 79 }] };
    one(checkLayout([page({ symbols: [d, s2, s3], connectors: [a, b] })]), /two exits from the same vertex/);
    const off: Connector = { from: '1', to: '3', points: [{ x: 67.5, y: 38.5 }, { x: 67.5, y: 79 }] };
    one(checkLayout([page({ symbols: [d, s2, s3], connectors: [a, off] })]), /elsewhere than a vertex/);
  });

  it('reports graph edges that are not drawn, connectors that draw none, and rows drawn twice or wrongly', () => {
    const g: FlowGraph = { ...graph, edges: [{ from: 1, to: 2 }, { from: 2, to: 1, label: 'Tidak' }] };
    one(checkLayout(g, [page()]), /edge 2→1 is not drawn/);
    const extra: Connector = { from: '2', to: '1', points: [{ x: 185, y: 90 }, { x: 195, y: 90 }, { x: 195, y: 30 }, { x: 85, y: 30 }] };
    one(checkLayout(graph, [page({ connectors: [good, extra] })]), /draws no edge/);
    one(checkLayout(g, [page({ connectors: [good, extra] })]), /labelled "", expected "Tidak"/);
    one(checkLayout(graph, [page(), page()]), /row 1 is drawn 2 times/);
    one(checkLayout({ ...graph, nodes: [{ no: 1, actor: 0, symbol: 'process' }, graph.nodes[1]!] }, [page()]), /row 1 is drawn as terminator, not process/);
  });

  it('follows an edge across pages through its off-page pair and checks the pair', () => {
    const pa: PlacedSymbol = { id: 'A', kind: 'offpage', x: 42, y: 62, width: 16, height: 16, text: 'A' };
    const pb: PlacedSymbol = { id: 'A', kind: 'offpage', x: 142, y: 4, width: 16, height: 16, text: 'A' };
    const first = page({ height: 90, bottomBand: true, symbols: [s1, pa], connectors: [{ from: '1', to: 'A', points: [{ x: 50, y: 41 }, { x: 50, y: 62 }] }] });
    const second: PageLayout = { topBand: true, bottomBand: false, width: 200, height: 120, symbols: [s2, pb], connectors: [{ from: 'A', to: '2', points: [{ x: 150, y: 20 }, { x: 150, y: 79 }] }] };
    expect(checkLayout(graph, [first, second])).toEqual([]);
    one(checkLayout(graph, [first, { ...second, symbols: [s2, { ...pb, text: 'B' }] }]), /shows another text/);
  });
});

describe('segmentEntersSymbol', () => {
  const d: PlacedSymbol = { id: 'd', kind: 'decision', x: 0, y: 0, width: 60, height: 30 };
  it('uses the diamond outline, not its box', () => {
    expect(segmentEntersSymbol({ x: 52, y: 2 }, { x: 70, y: 2 }, d)).toBe(false); // box corner only
    expect(segmentEntersSymbol({ x: 20, y: 15 }, { x: 70, y: 15 }, d)).toBe(true);
    expect(segmentEntersSymbol({ x: 60, y: 15 }, { x: 90, y: 15 }, d)).toBe(false); // leaves from the vertex
  });
});

describe('capsule outline', () => {
  // s1: x 15–85, y 19–41, rounded ends of radius 11 centred at (26,30) and (74,30).
  it('puts a line entering off the middle on the rounded end, not on the box', () => {
    const p = { x: sideAt(s1, 'R', 8), y: 38 };
    expect(p.x).toBeCloseTo(74 + Math.sqrt(11 * 11 - 8 * 8), 6);
    expect(onBoundary(p, s1)).toBe(true);
    expect(onBoundary({ x: 85, y: 38 }, s1)).toBe(false); // the box, 3.45px short of the curve
    expect(onBoundary({ x: 85, y: 30 }, s1)).toBe(true); // mid-height: curve and box meet
    expect(sideAt(s1, 'L', -8)).toBeCloseTo(26 - Math.sqrt(11 * 11 - 8 * 8), 6);
  });

  it('checks connector ends against the curve, and the curve does not count as entering', () => {
    const end = (x: number): Connector => ({ from: '2', to: '1', points: [{ x: 115, y: 90 }, { x: 100, y: 90 }, { x: 100, y: 38 }, { x, y: 38 }] });
    expect(checkLayout([page({ connectors: [good, end(sideAt(s1, 'R', 8))] })])).toEqual([]);
    one(checkLayout([page({ connectors: [good, end(85)] })]), /does not end on the edge of 1/);
    one(checkLayout([page({ connectors: [good, end(80)] })]), /passes through symbol 1/);
  });
});

describe('readability', () => {
  // Two rows of 60 in two columns of 100: rules at x 0/100/200 and y 0/60/120.
  const rules = { x: [0, 100, 200], y: [0, 60, 120] };
  const lPage = (connectors: Connector[], symbols = [s1, s2]): PageLayout => ({ ...page({ connectors, symbols }), rules, labelFontSize: 28 / 3 });
  const lShape: Connector = { from: '1', to: '2', points: [{ x: 85, y: 30 }, { x: 150, y: 30 }, { x: 150, y: 79 }] };

  it('counts a hand-off drawn as an elbow hugging the row rule, and accepts the one-bend L', () => {
    const hug: Connector = { ...good, points: [{ x: 50, y: 41 }, { x: 50, y: 56 }, { x: 150, y: 56 }, { x: 150, y: 79 }] };
    const bad = readability(graph, [lPage([hug])]);
    expect(bad).toMatchObject({ ruleHugs: 1, handoffs: 1, handoffsFree: 1, handoffsL: 0 });
    expect(readabilityDefects(bad)).toBe(2);
    const ok = readability(graph, [lPage([lShape])]);
    expect(ok).toMatchObject({ ruleHugs: 0, handoffs: 1, handoffsL: 1 });
    expect(readabilityDefects(ok)).toBe(0);
  });

  it('accepts the other one-bend form, down out of the bottom and across into the side, and counts it apart', () => {
    const turned: Connector = { from: '1', to: '2', points: [{ x: 50, y: 41 }, { x: 50, y: 90 }, { x: 115, y: 90 }] };
    const r = readability(graph, [lPage([turned])]);
    expect(r).toMatchObject({ handoffs: 1, handoffsL: 1, handoffsTurned: 1 });
    expect(readabilityDefects(r)).toBe(0);
    expect(readability(graph, [lPage([lShape])]).handoffsTurned).toBe(0);
  });

  it('counts lanes near a column rule and crossings between connectors sharing a symbol or reversing', () => {
    const back: Connector = { from: '2', to: '1', points: [{ x: 185, y: 90 }, { x: 195, y: 90 }, { x: 195, y: 25 }, { x: 85, y: 25 }] };
    const r = readability(graph, [lPage([lShape, back])]);
    expect(r.laneNearRule).toBe(1);
    expect(r.crossReverse).toBe(0);
    const across: Connector = { from: '2', to: '1', points: [{ x: 115, y: 90 }, { x: 108, y: 90 }, { x: 108, y: 10 }, { x: 50, y: 10 }, { x: 50, y: 19 }] };
    expect(readability(graph, [lPage([lShape, across])]).crossReverse).toBe(1);
  });

  it('counts a line passing within 2 pt of a symbol it does not join', () => {
    // Off-page connector A pointing down at the one-bend L's horizontal run (y 30).
    const a = (tip: number): PlacedSymbol => ({ id: 'A', kind: 'offpage', x: 112, y: tip - 16, width: 16, height: 16, text: 'A' });
    const near = readability(graph, [lPage([lShape], [s1, s2, a(29)])]);
    expect(near.nearSymbols).toBe(1);
    expect(near.details.join('\n')).toMatch(/1→2 passes 1px from symbol A/);
    expect(readabilityDefects(near)).toBe(1);
    expect(readability(graph, [lPage([lShape], [s1, s2, a(27.3)])]).nearSymbols).toBe(0);
  });

  it('counts two lines leaving one side of a symbol closer than 6 px', () => {
    const runs = (dy: number): PageLayout => lPage([
      { from: '1', to: '2', points: [{ x: 85, y: 30 }, { x: 150, y: 30 }, { x: 150, y: 79 }] },
      { from: '1', to: '2', points: [{ x: 85, y: 30 + dy }, { x: 95, y: 30 + dy }, { x: 95, y: 90 }, { x: 115, y: 90 }] },
    ]);
    expect(readability(graph, [runs(4.5)]).sideRunsClose).toBe(1);
    expect(readability(graph, [runs(6)]).sideRunsClose).toBe(0);
  });

  it('measures labels with the real font: across a rule, too close to a line, or clear', () => {
    const at = (x: number, y: number): Connector => ({ ...lShape, label: 'Tidak', labelAt: { x, y }, labelAnchor: 'start' });
    expect(readability(graph, [lPage([at(110, 64)])])).toMatchObject({ labels: 1, labelsBad: 1, labelsOnRule: 1 });
    expect(readability(graph, [lPage([at(88, 31)])]).labelsBad).toBe(1);
    expect(readability(graph, [lPage([at(110, 48)])])).toMatchObject({ labels: 1, labelsBad: 0 });
    // Clear of everything, but in the row below its decision's: read as that row's.
    const away = readability(graph, [lPage([at(20, 110)])]);
    expect(away).toMatchObject({ labels: 1, labelsBad: 1, labelsOnRule: 0 });
    expect(away.details.join('\n')).toMatch(/Tidak.*: outside its decision's row$/m);
    // "Tidak" at 7 pt is 22.8 px wide in Arimo.
    expect(textWidth('Tidak', 28 / 3)).toBeCloseTo(22.82, 1);
  });

  it('counts a label standing across a column rule from its own line', () => {
    // A loop back up a lane 8 px right of the rule at x 100; "Ya" left of the rule reads as another line's.
    const back = (x: number): Connector => ({ from: '2', to: '1', points: [{ x: 115, y: 90 }, { x: 108, y: 90 }, { x: 108, y: 25 }, { x: 85, y: 25 }], label: 'Ya', labelAt: { x, y: 80 }, labelAnchor: 'start' });
    const across = readability(graph, [lPage([lShape, back(86)])]);
    expect(across).toMatchObject({ labels: 1, labelsAcrossLine: 1, labelsOnRule: 0 });
    expect(across.details.join('\n')).toMatch(/"Ya" of 2→1 stands across a column rule from its line/);
    expect(readability(graph, [lPage([lShape, back(111)])]).labelsAcrossLine).toBe(0);
  });

  it('counts connector bands holding no off-page connector', () => {
    // A bottom band (y 120–150) under the two rows, with and without its connector.
    const pent: PlacedSymbol = { id: 'A', kind: 'offpage', x: 142, y: 127, width: 16, height: 16, text: 'A' };
    const banded = (symbols: PlacedSymbol[]): PageLayout => ({ ...lPage([lShape], symbols), bottomBand: true, height: 150, rules: { x: [0, 100, 200], y: [0, 60, 120, 150] } });
    expect(readability(graph, [banded([s1, s2])])).toMatchObject({ bands: 1, emptyBands: 1 });
    expect(readability(graph, [banded([s1, s2, pent])])).toMatchObject({ bands: 1, emptyBands: 0 });
  });

  it('counts off-page letters not lettered in the order they first appear', () => {
    const pent = (id: string, y: number): PlacedSymbol => ({ id, kind: 'offpage', x: 142, y, width: 16, height: 16, text: id });
    const pages = (first: string, second: string): PageLayout[] => [lPage([lShape], [s1, s2, pent(first, 30)]), lPage([lShape], [s1, s2, pent(second, 2), pent(first, 30)])];
    expect(readability(graph, pages('A', 'B')).lettersOutOfOrder).toBe(0);
    const late = readability(graph, pages('B', 'A'));
    expect(late.lettersOutOfOrder).toBe(2);
    expect(late.details).toContain('off-page letter B is the 1. to appear');
  });
});
