// The identity part's pages. Its lists print at 9 pt, or one or two half-points smaller when that
// keeps the part on one sheet (never below 8 pt); when even 8 pt does not fit, they print at 9 pt
// and the grid continues on the next sheet as a long table does,
// under the running head of the procedure pages, each continued column headed "(lanjutan)" and
// its numbering carried on. Pure: from heights the browser measured (plan/procedure.ts).

/** One two-column row of the grid (Dasar Hukum | Kualifikasi Pelaksana, …), measured in CSS px. */
export interface GridSectionMeasure {
  /** Height of its header row, as printed on the first sheet and with "(lanjutan)". */
  head: number;
  continuedHead: number;
  /** What the content row adds to its taller column: cell padding and borders. */
  padding: number;
  /** Height of each item of the left and right list; an empty list has one unit: its dash. */
  columns: [number[], number[]];
}

export interface IdentityMeasure {
  /** From the top margin to the grid's top on the first sheet (title and top band). */
  top: number;
  /** The same on a continuation sheet (its running head). */
  continuedTop: number;
  sections: GridSectionMeasure[];
  /** The same grid measured again at each smaller size of GRID_PT (8.5 and 8 pt), in that order. */
  smaller: GridSectionMeasure[][];
}

/** Items [from, to) of one list on one sheet. */
export interface ColumnSlice {
  from: number;
  to: number;
}

export interface IdentitySlice {
  section: number;
  /** The row began on an earlier sheet: its header is repeated with "(lanjutan)". */
  continued: boolean;
  columns: [ColumnSlice, ColumnSlice];
}

export interface IdentityPagePlan {
  /** Grid rows printed on this sheet, in order. */
  sections: IdentitySlice[];
}

/** Sums of measured heights are a hair off the printed layout (sub-pixel borders): keep this much spare. */
const SLACK = 4;

/**
 * Distributes the grid over sheets of `room` px (the page inside its margins). A row that does not
 * fit continues on the next sheet with as many items of each column as fit; a header never stands
 * alone at a sheet's foot. Throws when a single item is taller than a whole sheet (`sop check`
 * bounds items far below that).
 */
export function planIdentity(m: IdentityMeasure, room: number): IdentityPagePlan[] {
  const pages: IdentityPagePlan[] = [{ sections: [] }];
  let used = m.top;
  let fresh = false; // a continuation sheet with nothing on it yet
  const nextPage = () => {
    pages.push({ sections: [] });
    used = m.continuedTop;
    fresh = true;
  };
  m.sections.forEach((s, section) => {
    const done: [number, number] = [0, 0];
    const remaining = () => done[0] < s.columns[0].length || done[1] < s.columns[1].length;
    do {
      const continued = done[0] > 0 || done[1] > 0;
      const avail = room - used - (continued ? s.continuedHead : s.head) - s.padding - SLACK;
      const take = s.columns.map((heights, c) => {
        let to = done[c]!;
        let sum = 0;
        while (to < heights.length && sum + heights[to]! <= avail) sum += heights[to++]!;
        return { to, sum };
      }) as [{ to: number; sum: number }, { to: number; sum: number }];
      if (take[0].to === done[0] && take[1].to === done[1]) {
        if (fresh) throw new Error(`Butir ke-${Math.min(...done) + 1} daftar halaman identitas lebih tinggi dari satu halaman.`);
        nextPage();
        continue;
      }
      pages.at(-1)!.sections.push({ section, continued, columns: [{ from: done[0], to: take[0].to }, { from: done[1], to: take[1].to }] });
      fresh = false;
      used += (continued ? s.continuedHead : s.head) + s.padding + Math.max(take[0].sum, take[1].sum);
      done[0] = take[0].to;
      done[1] = take[1].to;
      if (remaining()) nextPage();
    } while (remaining());
  });
  return pages;
}

/** The grid's sizes (pt), largest first: the stylesheet's own, then the steps a reviewer still reads easily. */
export const GRID_PT = [9, 8.5, 8] as const;

export interface IdentityPlan {
  /** Font size of the grid's lists, pt. */
  pt: number;
  pages: IdentityPagePlan[];
}

/**
 * The largest size at which the grid stays on the first sheet; when none does, the full size over
 * as many sheets as it takes: a second sheet is what a reviewer expects of a long part, text
 * shrunk below 8 pt is not.
 */
export function planIdentitySheets(m: IdentityMeasure, room: number): IdentityPlan {
  const full = planIdentity(m, room);
  if (full.length === 1) return { pt: GRID_PT[0], pages: full };
  for (const [i, pt] of GRID_PT.slice(1).entries()) {
    const sections = m.smaller[i];
    if (!sections) break;
    const pages = planIdentity({ ...m, sections }, room);
    if (pages.length === 1) return { pt, pages };
  }
  return { pt: GRID_PT[0], pages: full };
}
