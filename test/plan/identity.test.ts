// The identity part's sheets (plan/identity.ts): the grid steps down to 8.5 or 8 pt when that keeps it
// on one sheet, and otherwise keeps its size and continues on the next sheet, as a long table does.
import { describe, expect, it } from 'vitest';
import { planIdentity, planIdentitySheets, type GridSectionMeasure, type IdentityMeasure } from '../../scripts/plan/identity.ts';

const section = (left: number[], right: number[] = [20]): GridSectionMeasure => ({ head: 20, continuedHead: 22, padding: 8, columns: [left, right] });
const measure = (...sections: GridSectionMeasure[]): IdentityMeasure => ({ top: 300, continuedTop: 30, sections, smaller: [] });
const ROOM = 700;

describe('planIdentity', () => {
  it('keeps a grid that fits on the first sheet', () => {
    const pages = planIdentity(measure(section([40, 40]), section([20]), section([20])), ROOM);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.sections.map((s) => [s.section, s.continued, s.columns])).toEqual([
      [0, false, [{ from: 0, to: 2 }, { from: 0, to: 1 }]],
      [1, false, [{ from: 0, to: 1 }, { from: 0, to: 1 }]],
      [2, false, [{ from: 0, to: 1 }, { from: 0, to: 1 }]],
    ]);
  });

  it('continues a long Dasar Hukum on the next sheet, under a "(lanjutan)" header, numbering carried on', () => {
    // 14 items of 60 px: 300 + 20 + 8 + 4 spare leaves 368 px, six items on the first sheet.
    const pages = planIdentity(measure(section(Array(14).fill(60), [20, 20]), section([20]), section([20])), ROOM);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.sections).toEqual([{ section: 0, continued: false, columns: [{ from: 0, to: 6 }, { from: 0, to: 2 }] }]);
    expect(pages[1]!.sections[0]).toEqual({ section: 0, continued: true, columns: [{ from: 6, to: 14 }, { from: 2, to: 2 }] });
    expect(pages[1]!.sections.slice(1).map((s) => [s.section, s.continued])).toEqual([[1, false], [2, false]]);
  });

  it('never leaves a header alone at the foot of a sheet: the row moves whole', () => {
    // The first row fills the sheet to 20 px of its end: the second row starts on the next one.
    const pages = planIdentity(measure(section([350]), section([40]), section([20])), ROOM);
    expect(pages.map((p) => p.sections.map((s) => s.section))).toEqual([[0], [1, 2]]);
    expect(pages[1]!.sections[0]!.continued).toBe(false);
  });

  it('spreads a very long list over as many sheets as it needs', () => {
    const pages = planIdentity(measure(section(Array(40).fill(100)), section([20]), section([20])), ROOM);
    const items = pages.flatMap((p) => p.sections.filter((s) => s.section === 0).map((s) => s.columns[0].to - s.columns[0].from));
    expect(items.reduce((a, b) => a + b)).toBe(40);
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const p of pages.slice(1, -1)) expect(p.sections).toHaveLength(1);
  });

  it('refuses an item taller than a whole sheet (sop check bounds items far below that)', () => {
    expect(() => planIdentity(measure(section([900])), ROOM)).toThrow(/lebih tinggi dari satu halaman/);
  });
});

describe('planIdentitySheets', () => {
  // The grid as measured at 9 pt, and again at 8.5 and 8 pt (fewer lines break at a smaller size).
  const grid = (left: number): GridSectionMeasure[] => [section(Array(14).fill(left)), section([20]), section([20])];
  const sized = (at9: number, at85: number, at8: number): IdentityMeasure => ({ ...measure(...grid(at9)), smaller: [grid(at85), grid(at8)] });

  it('keeps 9 pt when the grid fits', () => {
    expect(planIdentitySheets(sized(15, 14, 13), ROOM)).toMatchObject({ pt: 9, pages: [expect.anything()] });
  });

  it('steps down to the largest size that keeps the part on one sheet', () => {
    // 300 + 3 × (20 + 8) + 4 spare leaves 312 px of lists: Dasar Hukum may take 272 beside two rows of 20.
    expect(planIdentity(sized(20, 19, 18), ROOM)).toHaveLength(2); // 14 × 20 = 280
    expect(planIdentitySheets(sized(20, 19, 18), ROOM)).toMatchObject({ pt: 8.5, pages: [expect.anything()] }); // 266
    expect(planIdentitySheets(sized(20, 19.5, 18), ROOM)).toMatchObject({ pt: 8, pages: [expect.anything()] }); // 273, 252
  });

  it('never goes below 8 pt: a grid too long for one sheet at 8 pt continues at 9 pt', () => {
    const plan = planIdentitySheets(sized(60, 56, 53), ROOM);
    expect(plan.pt).toBe(9);
    expect(plan.pages).toHaveLength(planIdentity(measure(...grid(60)), ROOM).length);
    expect(plan.pages.length).toBeGreaterThan(1);
  });
});
