import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowGraph } from '../../scripts/flow/graph.ts';
import { isVertex, onBoundary } from '../../scripts/flow/geometry.ts';
import { LABEL_FONT_SIZE, labelBox } from '../../scripts/flow/labels.ts';
import { layoutFlow, MIN_ROW_HEIGHT } from '../../scripts/flow/layout.ts';
import { minRowHeights } from '../../scripts/flow/fit.ts';
import { checkLayout, crowdedSides, readability } from '../../scripts/flow/quality.ts';
import type { Connector, PageLayout, PageSlice, PlacedSymbol, Point } from '../../scripts/flow/types.ts';
import { build, steps } from './helpers.ts';
import type { Case, RowSpec } from './helpers.ts';

const sym = (page: PageLayout, id: string): PlacedSymbol => {
  const s = page.symbols.find((x) => x.id === id);
  if (!s) throw new Error(`no symbol ${id}`);
  return s;
};
const conn = (page: PageLayout, from: string, to: string): Connector => {
  const c = page.connectors.find((x) => x.from === from && x.to === to);
  if (!c) throw new Error(`no connector ${from}→${to}`);
  return c;
};
const last = (c: Connector): Point => c.points[c.points.length - 1]!;
const centre = (s: PlacedSymbol): Point => ({ x: s.x + s.width / 2, y: s.y + s.height / 2 });
/** Page holding row `no`, and that row's top/bottom y on it. */
function rowBox(c: Case, no: number): { page: number; top: number; bottom: number } {
  const i = c.graph.nodes.findIndex((n) => n.no === no);
  const page = c.pages.findIndex((p) => p.first <= i && i <= p.last);
  let top = page > 0 ? c.bandHeight : 0;
  for (let k = c.pages[page]!.first; k < i; k++) top += c.rowHeights[k]!;
  return { page, top, bottom: top + c.rowHeights[i]! };
}
function expectClean(c: Case): void {
  expect(checkLayout(c.graph, c.layout)).toEqual([]);
}

// The 13-row linear flow of the Kominfo seed SOP (Pemantauan Capaian Kinerja Internal):
// Sekretaris, Kepala Bidang, Kasubag, Sekretaris ×3, Kasubag ×6, Sekretaris.
const SEED: RowSpec[] = [[0], [1], [2], [0], [0], [0], [2], [2], [2], [2], [2], [2], [0, 'end']];
const SEED_HEIGHTS = [52, 56, 48, 60, 52, 64, 70, 62, 52, 60, 56, 62, 56];

describe('layoutFlow: long lines', () => {
  it('run through the middle of a free column rather than 8 px beside a rule', () => {
    // Ten rows in the first of three narrow columns; row 10 loops back up to row 2.
    const spec: RowSpec[] = [[0], [0], [0], [0], [0], [0], [0], [0], [0], [0, 'Ya: 11; Tidak: 2'], [0, 'end']];
    const c = build(spec, { actors: 3, columnWidths: [60, 60, 60] });
    const loop = conn(c.layout[0]!, '10', '2');
    expect(loop.points.map((p) => p.x)).toEqual([48, 90, 90, 48]);
    expectClean(c);
    expect(readability(c.graph, c.layout)).toMatchObject({ longBesideRule: 0, ruleHugs: 0 });
  });
});

describe('layoutFlow: connector bands', () => {
  // Row 3 decides between rows 5 and 1; row 5 returns to 4, row 4 goes on to 6.
  const spec: RowSpec[] = [[0], [1], [2, 'Ya: 5; Tidak: 1'], [0, '6'], [1, '4'], [2, 'end']];
  const pages: PageSlice[] = [{ first: 0, last: 2 }, { first: 3, last: 5 }];

  it('leaves them out at a page break the flow only jumps across (its off-page connectors stand beside the rows)', () => {
    const c = build(spec, { actors: 3, pages });
    expect(c.layout.map((p) => [p.topBand, p.bottomBand])).toEqual([[false, false], [false, false]]);
    expectClean(c);
    expect(readability(c.graph, c.layout)).toMatchObject({ bands: 0, emptyBands: 0 });
  });

  it('prints both where a row flows on to the following row across the break', () => {
    const c = build(spec.map((r, i): RowSpec => (i === 2 ? [2, 'Ya: 4; Tidak: 1'] : r)), { actors: 3, pages });
    expect(c.layout.map((p) => [p.topBand, p.bottomBand])).toEqual([[false, true], [true, false]]);
    expectClean(c);
    expect(readability(c.graph, c.layout)).toMatchObject({ bands: 2, emptyBands: 0, lettersOutOfOrder: 0 });
  });
});

describe('layoutFlow: 13-row linear seed flow over several pages', () => {
  const c = build(SEED, { actors: 5, columnWidths: [84, 84, 84, 84, 84], rowHeights: SEED_HEIGHTS, paging: { firstPageCapacity: 300, pageCapacity: 380, bandHeight: 28 } });

  it('is split over 2–3 pages with bands only where pages continue, and checks clean', () => {
    expect(c.layout.length).toBeGreaterThanOrEqual(2);
    expect(c.layout.length).toBeLessThanOrEqual(3);
    c.layout.forEach((p, i) => {
      expect(p.topBand).toBe(i > 0);
      expect(p.bottomBand).toBe(i < c.layout.length - 1);
      const rows = c.rowHeights.slice(c.pages[i]!.first, c.pages[i]!.last + 1).reduce((a, b) => a + b, 0);
      expect(p.height).toBe(rows + (p.topBand ? 28 : 0) + (p.bottomBand ? 28 : 0));
      expect(p.width).toBe(420);
    });
    expectClean(c);
  });

  it('centres every symbol in its row and actor column, with the terminator/process sizes', () => {
    for (const n of c.graph.nodes) {
      const box = rowBox(c, n.no);
      const s = sym(c.layout[box.page]!, String(n.no));
      expect(s.kind).toBe(n.symbol);
      expect(centre(s).x).toBeCloseTo(n.actor * 84 + 42, 6);
      expect(centre(s).y).toBeCloseTo((box.top + box.bottom) / 2, 6);
      expect(s.width).toBeCloseTo(84 * 0.6, 6);
      expect(s.height).toBe(22);
      // Well inside the row: room to route above and below.
      expect(s.y - box.top).toBeGreaterThanOrEqual(6);
      expect(box.bottom - (s.y + s.height)).toBeGreaterThanOrEqual(6);
    }
  });

  it('hands off to the following row in another column with one bend: out of the side, into the top; straight down when the actor stays', () => {
    const p0 = c.layout[0]!;
    const a = conn(p0, '1', '2');
    const s1 = sym(p0, '1');
    const s2 = sym(p0, '2');
    expect(a.points).toEqual([
      { x: s1.x + s1.width, y: centre(s1).y },
      { x: centre(s2).x, y: centre(s1).y },
      { x: centre(s2).x, y: s2.y },
    ]);
    // Back to the left: out of the left side.
    const back = conn(p0, '3', '4');
    expect(back.points[0]).toEqual({ x: sym(p0, '3').x, y: centre(sym(p0, '3')).y });
    expect(back.points).toHaveLength(3);
    // Consecutive rows of one actor on one page are joined by a straight line.
    const same = c.layout.flatMap((p) => p.connectors).find((k) => ['4→5', '5→6', '8→9', '9→10'].includes(`${k.from}→${k.to}`))!;
    expect(same.points).toHaveLength(2);
    expect(same.points[0]!.x).toBe(same.points[1]!.x);
  });

  it('continues through lettered off-page connectors: bottom band under the source, top band over the target', () => {
    const letters = c.layout.flatMap((p) => p.symbols.filter((s) => s.kind === 'offpage').map((s) => s.id));
    // Each letter twice (leaving page, entering page), in reading order A, B …
    const unique = [...new Set(letters)];
    expect(unique).toEqual(['A', 'B'].slice(0, c.layout.length - 1));
    c.pages.slice(0, -1).forEach((slice, i) => {
      const letter = unique[i]!;
      const here = c.layout[i]!;
      const next = c.layout[i + 1]!;
      const lastRow = c.graph.nodes[slice.last]!;
      const firstRow = c.graph.nodes[slice.last + 1]!;
      const out = sym(here, letter);
      const inn = sym(next, letter);
      expect(out.text).toBe(letter);
      expect(inn.text).toBe(letter);
      expect(out.y).toBeGreaterThanOrEqual(here.height - 28);
      expect(inn.y + inn.height).toBeLessThanOrEqual(28);
      expect(centre(out).x).toBeCloseTo(lastRow.actor * 84 + 42, 6);
      expect(centre(inn).x).toBeCloseTo(firstRow.actor * 84 + 42, 6);
      const down = conn(here, String(lastRow.no), letter);
      expect(down.points).toEqual([
        { x: centre(out).x, y: sym(here, String(lastRow.no)).y + 22 },
        { x: centre(out).x, y: out.y },
      ]);
      const into = conn(next, letter, String(firstRow.no));
      expect(into.points[0]).toEqual({ x: centre(inn).x, y: inn.y + inn.height });
      expect(last(into)).toEqual({ x: centre(inn).x, y: sym(next, String(firstRow.no)).y });
    });
  });
});

describe('layoutFlow: decisions and jumps', () => {
  it('routes "Lengkap: 3; Tidak: 1" as a bottom exit down and a side exit looping back up, labelled near the exit', () => {
    const c = build([[0], [1, 'Lengkap: 3; Tidak: 1'], [1], [0, 'end']], { actors: 2, columnWidths: [90, 90] });
    expectClean(c);
    const p = c.layout[0]!;
    const d = sym(p, '2');
    expect(d.kind).toBe('decision');
    expect(d.height).toBe(34);
    const yes = conn(p, '2', '3');
    const no = conn(p, '2', '1');
    expect(yes.points[0]).toEqual({ x: centre(d).x, y: d.y + d.height }); // bottom vertex
    expect(isVertex(no.points[0]!, d)).toBe(true);
    expect(no.points[0]!.y).toBeCloseTo(centre(d).y, 6); // a side vertex, not the bottom one
    expect(onBoundary(last(no), sym(p, '1'))).toBe(true);
    expect(last(no).y).toBeLessThan(no.points[0]!.y); // goes back up
    for (const [k, label] of [[yes, 'Lengkap'], [no, 'Tidak']] as const) {
      expect(k.label).toBe(label);
      // Near its exit: the label's box starts within 30 px of it.
      const b = labelBox(label, k.labelAt!, k.labelAnchor ?? 'start', LABEL_FONT_SIZE);
      const dx = Math.max(b.x0 - k.points[0]!.x, k.points[0]!.x - b.x1, 0);
      const dy = Math.max(b.y0 - k.points[0]!.y, k.points[0]!.y - b.y1, 0);
      expect(Math.hypot(dx, dy)).toBeLessThan(30);
    }
  });

  it('routes a forward jump out of a side, down a lane outside every symbol, into the target from the side', () => {
    const c = build([[0], [1, '5'], [2], [3], [1, 'end']], { actors: 4, columnWidths: [90, 90, 90, 90] });
    expectClean(c);
    const p = c.layout[0]!;
    const j = conn(p, '2', '5');
    expect(j.points.length).toBeGreaterThanOrEqual(4);
    const laneX = j.points[1]!.x;
    // The lane is in a column margin: not within any column's symbol band.
    for (let col = 0; col < 4; col++) {
      const inner = [col * 90 + 45 - 27, col * 90 + 45 + 27];
      expect(laneX < inner[0]! || laneX > inner[1]!).toBe(true);
    }
    const t = sym(p, '5');
    expect(last(j).y).toBeGreaterThan(t.y);
    expect(last(j).y).toBeLessThan(t.y + t.height);
    expect([t.x, t.x + t.width]).toContain(last(j).x);
  });

  it('sends a decision exit that jumps back across a page break through a matching off-page pair beside both rows', () => {
    const c = build([[0], [1], [2], [1], [2], [1, 'Ya: 7; Tidak: 2'], [0, 'end']], {
      actors: 3,
      columnWidths: [100, 100, 100],
      paging: { firstPageCapacity: 200, pageCapacity: 400, bandHeight: 28 },
    });
    expectClean(c);
    expect(c.layout).toHaveLength(2);
    const [p1, p2] = c.layout as [PageLayout, PageLayout];
    const out = conn(p2, '6', 'A');
    expect(out.label).toBe('Tidak');
    expect(isVertex(out.points[0]!, sym(p2, '6'))).toBe(true);
    const pentOut = sym(p2, 'A');
    const pentIn = sym(p1, 'A');
    expect([pentOut.kind, pentIn.kind, pentOut.text, pentIn.text]).toEqual(['offpage', 'offpage', 'A', 'A']);
    // Beside the rows: vertically within row 6 on page 2 and row 2 on page 1.
    const r6 = rowBox(c, 6);
    const r2 = rowBox(c, 2);
    expect(pentOut.y).toBeGreaterThan(r6.top);
    expect(pentOut.y + pentOut.height).toBeLessThan(r6.bottom);
    expect(pentIn.y).toBeGreaterThan(r2.top);
    expect(pentIn.y + pentIn.height).toBeLessThan(r2.bottom);
    const inn = conn(p1, 'A', '2');
    expect(onBoundary(last(inn), sym(p1, '2'))).toBe(true);
    // Forward continuation uses the next letter, in the bands.
    const last1 = String(c.pages[0]!.last + 1);
    expect(conn(p1, last1, 'B').points).toHaveLength(2);
    expect(conn(p2, 'B', String(Number(last1) + 1)).points).toHaveLength(2);
  });

  it('lays out many decisions looping back and forward, on one page and over several', () => {
    const spec: RowSpec[] = [[0]];
    for (let i = 2; i <= 15; i++) {
      if (i % 3 === 0) spec.push([i % 4, `Ya: ${i + 1}; Tidak: ${Math.max(1, i - 2)}`]);
      else if (i % 5 === 0) spec.push([(i + 1) % 4, `Benar: ${i + 1}; Salah: ${Math.min(16, i + 3)}`]);
      else spec.push([i % 4]);
    }
    spec.push([1, 'end']);
    const one = build(spec, { actors: 4, columnWidths: [88, 88, 88, 88] });
    expect(one.layout).toHaveLength(1);
    expectClean(one);
    const many = build(spec, { actors: 4, columnWidths: [88, 88, 88, 88], paging: { firstPageCapacity: 260, pageCapacity: 330, bandHeight: 28 } });
    expect(many.layout.length).toBeGreaterThanOrEqual(3);
    expectClean(many);
    // Two exits of a decision never share a vertex.
    for (const page of many.layout) {
      for (const d of page.symbols.filter((s) => s.kind === 'decision')) {
        const starts = page.connectors.filter((k) => k.from === d.id).map((k) => `${k.points[0]!.x},${k.points[0]!.y}`);
        expect(new Set(starts).size).toBe(starts.length);
      }
    }
  });

  it('gives two jumps into one row different entry points', () => {
    const c = build([[0], [1, '6'], [2, '6'], [3], [0], [1], [2, 'end']], { actors: 4, columnWidths: [90, 90, 90, 90] });
    expectClean(c);
    const p = c.layout[0]!;
    expect(last(conn(p, '2', '6'))).not.toEqual(last(conn(p, '3', '6')));
  });
});

describe('layoutFlow: crowded sides', () => {
  // Row 4 hands off to row 5 out of its left side, and rows 5 and 8 loop back into that side
  // from below: three lines where a 22 px box holds two 6 px apart (from generated flow alur-038).
  const spec: RowSpec[] = [[2], [2], [2], [2], [0, 'Lengkap: 6; Tidak: 4'], [0], [1, 'Setuju: 8; Tidak: 2'], [0, 'Tidak: 4; Lengkap: 9'], [0, 'end']];
  const c = build(spec, { actors: 5, columnWidths: [100, 100, 100, 100, 100], rowHeights: [49, 49, 48, 48, 68, 48, 68, 68, 48] });

  it('draws a symbol taller, within its row, when its side holds more lines than fit 6 px apart', () => {
    expectClean(c);
    const p = c.layout[0]!;
    expect(crowdedSides(p)).toEqual([]);
    const s = sym(p, '4');
    expect(s.height).toBeGreaterThan(sym(p, '3').height);
    const box = rowBox(c, 4);
    expect(s.y).toBeGreaterThanOrEqual(box.top);
    expect(s.y + s.height).toBeLessThanOrEqual(box.bottom);
    const left = p.connectors.flatMap((k) => [...(k.from === '4' ? [k.points[0]!] : []), ...(k.to === '4' ? [last(k)] : [])]).filter((q) => q.x < s.x + s.width / 2);
    expect(left.length).toBe(3);
  });
});

describe('layoutFlow: knots the usual hand-off cannot avoid', () => {
  // Three flows of the generated suite as printed (73 px columns, measured row heights, pages):
  // drawn with every hand-off as side-then-down, a decision's loop must cross a connector of
  // its own symbol wherever it goes. One hand-off per flow turns the other way round instead.
  const fixtures = JSON.parse(readFileSync(new URL('./fixtures/boxed-in.json', import.meta.url), 'utf8')) as Array<{
    id: string; rows: RowSpec[]; actors: number; columnWidths: number[]; rowHeights: number[]; pages: PageSlice[]; bandHeight: number;
  }>;

  it.each(fixtures.map((f) => [f.id, f] as const))('%s: no knot; one hand-off goes down out of the bottom and across into the side', (_, f) => {
    // Rows at least as tall as the flowchart needs (fitFlow raises them so: decision rows hold an 8 pt label).
    const min = minRowHeights(flowGraph(steps(f.rows), f.actors), f.columnWidths);
    const rowHeights = f.rowHeights.map((h, i) => Math.max(h, min[i]!));
    const c = build(f.rows, { actors: f.actors, columnWidths: f.columnWidths, rowHeights, pages: f.pages, paging: { bandHeight: f.bandHeight } });
    expectClean(c);
    const r = readability(c.graph, c.layout);
    expect(r.details.filter((d) => /share a symbol and cross|own reverse/.test(d))).toEqual([]);
    expect([r.handoffsL, r.handoffsTurned]).toEqual([r.handoffs, 1]);
    const turned = c.layout.flatMap((p) =>
      p.connectors.filter((k) => {
        const a = p.symbols.find((s) => s.id === k.from)!;
        const b = p.symbols.find((s) => s.id === k.to)!;
        const [p0, p1, p2] = k.points as [Point, Point, Point];
        const down = p0.x === centre(a).x && p0.y === a.y + a.height && p1.x === p0.x;
        return k.points.length === 3 && down && p1.y === p2.y && onBoundary(p2, b) && Math.abs(p2.x - centre(b).x) > 1;
      }),
    );
    expect(turned).toHaveLength(1);
  });
});

describe('layoutFlow: narrow tables and input errors', () => {
  it('lays out one- and two-actor tables, including jumps across pages', () => {
    const spec: RowSpec[] = [[0], [0], [0, 'Ya: 4; Tidak: 1'], [0], [0], [0, 'Ya: 7; Tidak: 2'], [0, 'end']];
    const one = build(spec, { actors: 1, columnWidths: [400], paging: { firstPageCapacity: 200, pageCapacity: 300, bandHeight: 28 } });
    expect(one.layout.length).toBeGreaterThan(1);
    expectClean(one);
    const two = build(spec.map(([a, l], i) => [(a + i) % 2, l] as RowSpec), { actors: 2, columnWidths: [200, 200], paging: { firstPageCapacity: 200, pageCapacity: 300, bandHeight: 28 } });
    expectClean(two);
  });

  it('keeps symbols inside rows lower than MIN_ROW_HEIGHT by shrinking them', () => {
    const c = build([[0], [1, 'Ya: 3; Tidak: 1'], [0, 'end']], { actors: 2, columnWidths: [90, 90], rowHeights: [30, 30, 30] });
    expect(MIN_ROW_HEIGHT).toBeGreaterThanOrEqual(46);
    const d = sym(c.layout[0]!, '2');
    expect(d.height).toBe(18);
    expect(d.y).toBeCloseTo(36, 6);
  });

  it('rejects inputs that do not describe the graph', () => {
    const graph = flowGraph(steps([[0], [5, 'end']]));
    expect(() => layoutFlow({ graph, columnWidths: [90, 90], rowHeights: [50, 50], pages: [{ first: 0, last: 1 }], bandHeight: 28 })).toThrow(/actor 5/);
    expect(() => layoutFlow({ graph, columnWidths: new Array(6).fill(90), rowHeights: [50], pages: [{ first: 0, last: 1 }], bandHeight: 28 })).toThrow(/row heights/);
    expect(() => layoutFlow({ graph, columnWidths: new Array(6).fill(90), rowHeights: [50, 50], pages: [{ first: 0, last: 0 }], bandHeight: 28 })).toThrow(/on no page/);
  });

  it('is deterministic', () => {
    const a = build(SEED, { actors: 5, rowHeights: SEED_HEIGHTS, paging: { firstPageCapacity: 300, pageCapacity: 380, bandHeight: 28 } });
    const b = build(SEED, { actors: 5, rowHeights: SEED_HEIGHTS, paging: { firstPageCapacity: 300, pageCapacity: 380, bandHeight: 28 } });
    expect(JSON.stringify(a.layout)).toBe(JSON.stringify(b.layout));
  });
});
