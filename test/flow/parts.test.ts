import { describe, expect, it } from 'vitest';
import { inflate, LABEL_CLEAR, labelBox, labelForms, labelSpots, lineHeight, placeLabels, segmentMeetsBox } from '../../scripts/flow/labels.ts';
import { buildLanes, columnMiddles, laneFree, takeLane } from '../../scripts/flow/lanes.ts';
import { offpageLetter } from '../../scripts/flow/plan.ts';
import { sideOffsets } from '../../scripts/flow/ports.ts';
import type { Connector, PageLayout, Point } from '../../scripts/flow/types.ts';

describe('sideOffsets', () => {
  it('spreads free ports in key order, at most 7px apart, centred', () => {
    expect(sideOffsets([{ key: 5 }], 9)).toEqual([0]);
    expect(sideOffsets([{ key: 2 }, { key: 1 }, { key: 3 }], 9)).toEqual([0, -7, 7]);
    const many = sideOffsets([1, 2, 3, 4, 5, 6].map((key) => ({ key })), 9);
    expect(Math.min(...many)).toBeGreaterThanOrEqual(-9);
    expect(Math.max(...many)).toBeLessThanOrEqual(9);
    expect(new Set(many).size).toBe(6);
  });

  it('keeps pinned ports and keeps free ones at least 4px from them, lines going up above them', () => {
    const offs = sideOffsets([{ key: 0, fixed: 0 }, { key: -900 }, { key: 900 }], 15);
    expect(offs[0]).toBe(0);
    expect(offs[1]).toBeLessThan(-4);
    expect(offs[2]).toBeGreaterThan(4);
    // Two going up and one going down around a pinned hand-off: up ones above it, in key order.
    const [, a, b, c] = sideOffsets([{ key: 0, fixed: 0 }, { key: -990 }, { key: -980 }, { key: 990 }], 9);
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(-4 + 1e-9);
    expect(c).toBeGreaterThan(4 - 1e-9);
    // A lone free port goes midway, towards its line's direction (negative key: up).
    const [, up] = sideOffsets([{ key: 0, fixed: 0 }, { key: -990 }], 15);
    expect(up).toBeLessThan(-6);
    expect(up).toBeGreaterThan(-12);
  });
});

describe('lanes', () => {
  it('sit in the column margins, off the rules and the symbols, and share only disjoint spans', () => {
    // 8 px off every column rule, 6 px apart, 2 px off the symbols (18 px margins).
    const gaps = buildLanes([0, 90, 180], [18, 18]);
    expect(gaps.map((g) => g.map((l) => l.x))).toEqual([[8, 14], [76, 82, 98, 104], [166, 172]]);
    // Rules printing half a pixel right of their boundaries (RULE_MID_X): lanes keep 8 px from where they print.
    expect(buildLanes([0, 90, 180], [18, 18], [true, true, true], 0.5).map((g) => g.map((l) => l.x))).toEqual([[8.5, 14.5], [76.5, 82.5, 98.5, 104.5], [166.5, 172.5]]);
    // A boundary that only splits a wide column is no rule: lanes may stand right beside it.
    expect(buildLanes([0, 90, 180], [18, 18], [true, false, true])[1]!.map((l) => l.x)).toEqual([75, 81, 87, 93, 99, 105]);
    // One lane through the middle of each column, numbered after the gaps.
    expect(columnMiddles([0, 90, 180]).map((g) => g.map((l) => [l.x, l.gap, l.at]))).toEqual([[[45, 3, 0.5]], [[135, 4, 1.5]]]);
    const lane = gaps[1]![0]!;
    takeLane(lane, 100, 200);
    expect(laneFree(lane, 150, 300)).toBe(false);
    expect(laneFree(lane, 210, 300)).toBe(true);
  });
});

describe('offpageLetter', () => {
  it('keeps free ports 6px from pinned ones and from each other where the side has room', () => {
    const offs = sideOffsets([{ key: 0, fixed: 0 }, { key: -990 }, { key: -980 }, { key: 990 }, { key: 980 }], 15);
    const ys = [...offs].sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(6 - 1e-9);
    expect(offs[1]).toBeLessThan(offs[2]!);
  });
  it('runs A … Z, AA, AB …', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(offpageLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('label placement', () => {
  const exit: Connector = { from: '2', to: '1', points: [{ x: 100, y: 50 }, { x: 140, y: 50 }, { x: 140, y: 10 }, { x: 90, y: 10 }], label: 'Tidak' };
  const page: PageLayout = { topBand: false, bottomBand: false, width: 300, height: 120, symbols: [], connectors: [exit], rules: { x: [0, 300], y: [0, 120] } };
  const at = (p: PageLayout): Point => placeLabels(p, 9.5).page.connectors[0]!.labelAt!;

  it('searches along the exit from its start, above and below the line', () => {
    const [first, second] = labelSpots(exit, 9.5);
    expect(first!.at.x).toBeCloseTo(100 + LABEL_CLEAR + 0.5, 6);
    expect(first!.at.y).toBeLessThan(50);
    expect(second!.at.y).toBeGreaterThan(50);
    expect(at(page)).toEqual(first!.at);
  });

  it('wraps a label onto two or three lines at a space, or between Indonesian syllables with a hyphen', () => {
    const two = (t: string): string[][] => labelForms(t, 9.5).filter((f) => f.length === 2);
    expect(two('Tidak lengkap')[0]).toEqual(['Tidak', 'lengkap']);
    expect(two('Lengkap')).toEqual([['Leng-', 'kap']]);
    expect(two('Tidak')).toEqual([['Ti-', 'dak']]);
    expect(two('Setuju').map((l) => l.join('')).sort()).toEqual(['Se-tuju', 'Setu-ju']);
    expect(labelForms('Ya', 9.5)).toEqual([]);
    // Three lines: at both spaces first, then a space and a syllable.
    const three = labelForms('Tidak Memenuhi Syarat', 9.5).filter((f) => f.length === 3);
    expect(three[0]).toEqual(['Tidak', 'Memenuhi', 'Syarat']);
    expect(three).toContainEqual(['Tidak', 'Meme-', 'nuhi Syarat']);
    expect(labelForms('Setuju', 9.5).filter((f) => f.length === 3)).toEqual([['Se-', 'tu-', 'ju']]);
    // Beside a line straight down in a narrow cell, one line would cross the column rule: two lines fit.
    const down: Connector = { from: '3', to: '4', points: [{ x: 31, y: 20 }, { x: 31, y: 80 }], label: 'Lengkap' };
    const narrow: PageLayout = { topBand: false, bottomBand: false, width: 62, height: 100, symbols: [], connectors: [down], rules: { x: [0, 62], y: [0, 100] } };
    const placed = placeLabels(narrow, 9.5);
    expect(placed.crowded).toEqual([]);
    const c = placed.page.connectors[0]!;
    expect(c.labelLines).toEqual(['Leng-', 'kap']);
    const box = labelBox(c.labelLines!, c.labelAt!, 'start', 9.5);
    expect(box.y1 - box.y0).toBeCloseTo(2 * lineHeight(9.5), 6);
    expect(box.x0 >= 31 + LABEL_CLEAR && box.x1 <= 62 - LABEL_CLEAR).toBe(true);
  });

  it('breaks a word only where the label fits whole nowhere beside its line (isu 20: "Ti-/dak")', () => {
    // A line straight down a cell 80 px wide, a line across it at the top: "Tidak" stands whole
    // below that line (where "Ti-/dak" would stand too).
    const down: Connector = { from: '3', to: '4', points: [{ x: 4, y: 10 }, { x: 4, y: 150 }], label: 'Tidak' };
    const blocker: Connector = { from: '5', to: '6', points: [{ x: 0, y: 12 }, { x: 80, y: 12 }] };
    const cell: PageLayout = { topBand: false, bottomBand: false, width: 80, height: 160, symbols: [], connectors: [down, blocker], rules: { x: [0, 80], y: [0, 160] } };
    const placed = placeLabels(cell, 32 / 3);
    expect(placed.crowded).toEqual([]);
    expect(placed.hyphens).toEqual([]);
    expect(placed.page.connectors[0]!.labelLines).toBeUndefined();
    // Three lines at the spaces before two lines with a broken word: 70 px hold "Tidak Meme-/nuhi Syarat" and "Tidak/Memenuhi/Syarat", not "Tidak Memenuhi/Syarat".
    const long: Connector = { ...down, label: 'Tidak Memenuhi Syarat' };
    const narrow: PageLayout = { ...cell, connectors: [long], rules: { x: [0, 80], y: [0, 160] } };
    const three = placeLabels(narrow, 32 / 3);
    expect(three.page.connectors[0]!.labelLines).toEqual(['Tidak', 'Memenuhi', 'Syarat']);
    expect(three.hyphens).toEqual([]);
    // Where only a broken word fits (a 30 px cell, 26 px beside the line), it is taken and reported.
    const tight = placeLabels({ ...narrow, width: 30, rules: { x: [0, 30], y: [0, 160] }, connectors: [{ ...down }] }, 32 / 3);
    expect(tight.page.connectors[0]!.labelLines).toEqual(['Ti-', 'dak']);
    expect(tight.hyphens).toEqual([0]);
  });

  it('moves a label off a rule, a line or another label to the nearest free spot, and reports when there is none', () => {
    // A row rule 8 px above the exit: the label goes below the line instead.
    const ruled = { ...page, rules: { x: [0, 300], y: [0, 42, 120] } };
    expect(at(ruled).y).toBeGreaterThan(50);
    // A line just below as well: a spot clear of both.
    const under: Connector = { from: '5', to: '6', points: [{ x: 90, y: 55 }, { x: 120, y: 55 }] };
    const moved = placeLabels({ ...ruled, connectors: [exit, under] }, 9.5);
    expect(moved.crowded).toEqual([]);
    const box = labelBox('Tidak', moved.page.connectors[0]!.labelAt!, 'start', 9.5);
    const grown = inflate(box, LABEL_CLEAR);
    expect(segmentMeetsBox(under.points[0]!, under.points[1]!, grown)).toBe(false);
    expect(segmentMeetsBox(exit.points[0]!, exit.points[1]!, grown)).toBe(false);
    expect(grown.y0 > 42 || grown.y1 < 42).toBe(true);
    // Boxed in by rules on every side: the label is reported crowded.
    const tight = { ...page, rules: { x: Array.from({ length: 16 }, (_, i) => i * 20), y: [0, 45, 56, 120] } };
    expect(placeLabels(tight, 9.5).crowded).toHaveLength(1);
  });
});
