// The identity part's sheets (plan/identity.ts): the grid keeps its size and continues on the
// next sheet, as a long table does, instead of shrinking.
import { describe, expect, it } from 'vitest';
import { planIdentity, type GridSectionMeasure, type IdentityMeasure } from '../../scripts/plan/identity.ts';

const section = (left: number[], right: number[] = [20]): GridSectionMeasure => ({ head: 20, continuedHead: 22, padding: 8, columns: [left, right] });
const measure = (...sections: GridSectionMeasure[]): IdentityMeasure => ({ top: 300, continuedTop: 30, sections });
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
