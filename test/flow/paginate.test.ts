import { describe, expect, it } from 'vitest';
import { paginate } from '../../scripts/flow/paginate.ts';
import { prng } from './helpers.ts';

const opts = { firstPageCapacity: 350, pageCapacity: 400, bandHeight: 30 };

describe('paginate', () => {
  it('keeps everything on one page, without bands, when it fits', () => {
    expect(paginate([100, 100, 100], opts)).toEqual([{ first: 0, last: 2 }]);
  });

  it('uses the fewest pages, with bands where pages continue, and no page holding a single row', () => {
    // Page 1: 350 - 30 (bottom) = 320 → at most 3 rows. Middle pages: 400 - 30 - 30 = 340 → 3.
    // Last page: 400 - 30 (top only) = 370 → 3. Four pages are needed; greedy filling would
    // leave the tenth row alone on the last one.
    const pages = paginate(new Array(10).fill(100), opts);
    expect(pages).toHaveLength(4);
    expect(pages.every((p) => p.last > p.first)).toBe(true);
    expect(pages[0]!.first).toBe(0);
    expect(pages[pages.length - 1]!.last).toBe(9);
  });

  it('splits a 13-row SOP into two pages of balanced rows rather than 12 + 1', () => {
    const pages = paginate(new Array(13).fill(40), { firstPageCapacity: 520, pageCapacity: 560, bandHeight: 34, closingHeight: 120 });
    expect(pages).toHaveLength(2);
    const sizes = pages.map((p) => p.last - p.first + 1);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it('keeps the closing block with at least the last two rows', () => {
    // Without the closing block all five rows fit on page 1; with it, two at least go on.
    const pages = paginate([60, 60, 60, 60, 60], { firstPageCapacity: 320, pageCapacity: 400, bandHeight: 30, closingHeight: 100 });
    expect(pages).toHaveLength(2);
    expect(pages[1]!.last - pages[1]!.first).toBeGreaterThanOrEqual(1);
  });

  it('among splits with as many pages, keeps edges on one page', () => {
    // Six rows, three per page fit either way 2+4, 3+3 or 4+2; a jump 3→4 (indices 2, 3) and a
    // loop 4→3 prefer a break elsewhere; evenness alone would pick 3+3.
    const o = { firstPageCapacity: 330, pageCapacity: 330, bandHeight: 30 };
    expect(paginate(new Array(6).fill(70), o)).toEqual([{ first: 0, last: 2 }, { first: 3, last: 5 }]);
    const kept = paginate(new Array(6).fill(70), { ...o, edges: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [3, 2], [2, 4]] });
    expect(kept).not.toEqual([{ first: 0, last: 2 }, { first: 3, last: 5 }]);
    expect(kept).toHaveLength(2);
  });

  it('finishes on a page when the rest fits without a bottom band', () => {
    // 340 fits in 350 (no band needed on the last page) though not in 350 - 30.
    expect(paginate([100, 100, 140], opts)).toEqual([{ first: 0, last: 2 }]);
    // The second page has room 400 - 30 = 370 for its rows when it is the last one.
    expect(paginate([300, 370], opts)).toEqual([
      { first: 0, last: 0 },
      { first: 1, last: 1 },
    ]);
  });

  it('gives a row taller than a page its own page and goes on', () => {
    expect(paginate([50, 1000, 50], { firstPageCapacity: 300, pageCapacity: 300, bandHeight: 30 })).toEqual([
      { first: 0, last: 0 },
      { first: 1, last: 1 },
      { first: 2, last: 2 },
    ]);
    expect(paginate([1000], opts)).toEqual([{ first: 0, last: 0 }]);
  });

  it('terminates with one row per page when the bands eat the whole page', () => {
    expect(paginate([10, 10, 10], { firstPageCapacity: 20, pageCapacity: 20, bandHeight: 25 })).toEqual([
      { first: 0, last: 0 },
      { first: 1, last: 1 },
      { first: 2, last: 2 },
    ]);
  });

  it('returns no page for no rows', () => {
    expect(paginate([], opts)).toEqual([]);
  });

  it('always covers every row once, in order, with no empty page and no page over capacity unless a single row is', () => {
    const r = prng(42);
    for (let t = 0; t < 300; t++) {
      const heights = Array.from({ length: 1 + Math.floor(r() * 40) }, () => 20 + r() * 200);
      const o = { firstPageCapacity: 150 + r() * 400, pageCapacity: 200 + r() * 400, bandHeight: 10 + r() * 30 };
      const pages = paginate(heights, o);
      let next = 0;
      pages.forEach((p, i) => {
        expect(p.first).toBe(next);
        expect(p.last).toBeGreaterThanOrEqual(p.first);
        next = p.last + 1;
        const used = heights.slice(p.first, p.last + 1).reduce((a, b) => a + b, 0);
        const cap = (i === 0 ? o.firstPageCapacity : o.pageCapacity) - (i > 0 ? o.bandHeight : 0) - (i < pages.length - 1 ? o.bandHeight : 0);
        if (p.last > p.first) expect(used).toBeLessThanOrEqual(cap + 1e-6);
      });
      expect(next).toBe(heights.length);
    }
  });
});
