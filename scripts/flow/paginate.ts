// Splitting the procedure table into pages by measured row heights.
import type { PageSlice, PaginateOptions } from './types.ts';

// Heights come from layout measurement: allow for float noise when a row fits exactly.
const EPS = 1e-6;

/**
 * Greedy page fill. Every page but the first starts with a top band and every page but the
 * last ends with a bottom band (both `bandHeight` tall, for off-page connectors). A row
 * taller than a page gets a page of its own (it overflows; nothing better can be done here).
 * Returns no page for no rows, and never an empty page.
 */
export function paginate(rowHeights: number[], opts: PaginateOptions): PageSlice[] {
  const n = rowHeights.length;
  const pages: PageSlice[] = [];
  let i = 0;
  while (i < n) {
    const first = pages.length === 0;
    const room = (first ? opts.firstPageCapacity : opts.pageCapacity) - (first ? 0 : opts.bandHeight);
    // The last page needs no bottom band, so try to finish here before reserving one.
    if (sum(rowHeights, i, n) <= room + EPS) {
      pages.push({ first: i, last: n - 1 });
      break;
    }
    const avail = room - opts.bandHeight;
    let j = i;
    let used = 0;
    while (j < n && used + (rowHeights[j] ?? 0) <= avail + EPS) {
      used += rowHeights[j] ?? 0;
      j++;
    }
    if (j === i) j = i + 1; // oversize row: alone on its page, so the loop always advances
    pages.push({ first: i, last: j - 1 });
    i = j;
  }
  return pages;
}

function sum(xs: number[], from: number, to: number): number {
  let s = 0;
  for (let k = from; k < to; k++) s += xs[k] ?? 0;
  return s;
}
