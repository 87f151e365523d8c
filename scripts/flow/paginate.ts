// Splitting the procedure table into pages by measured row heights.
import type { PageSlice, PaginateOptions } from './types.ts';

// Heights come from layout measurement: allow for float noise when a row fits exactly.
const EPS = 1e-6;

/** Lexicographic cost of a split: orphan pages, pages, edges across pages, unevenness. */
type Cost = [singles: number, pages: number, cross: number, uneven: number];

function better(a: Cost, b: Cost): boolean {
  for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return a[3] < b[3] - EPS;
}

/**
 * Pages for the rows, by dynamic programming over page breaks. Every page but the first
 * starts with a top band and every page but the last ends with a bottom band (both
 * `bandHeight` tall, for off-page connectors: their room is kept at every break, and the
 * layout leaves out those no connector needs, see bandBreaks); the last page also holds the closing block
 * (`closingHeight`). Among the splits where every page fits, it minimises, in order: pages
 * holding a single row (when the table has more than three rows; and a last page with a
 * single row, which would leave the signer block with one row), pages, edges between rows
 * on different pages (`edges`, node index pairs), and the unevenness of the pages (sum of
 * squared free heights). A row taller than a page gets a page of its own (it overflows;
 * nothing better can be done here). Returns no page for no rows, and never an empty page.
 * Linear in the rows for a bounded number of rows per page.
 */
export function paginate(rowHeights: number[], opts: PaginateOptions): PageSlice[] {
  const n = rowHeights.length;
  if (n === 0) return [];
  const closing = opts.closingHeight ?? 0;
  const incident: number[][] = rowHeights.map(() => []);
  for (const [u, v] of opts.edges ?? []) {
    if (u === v || incident[u] === undefined || incident[v] === undefined) continue;
    incident[u]!.push(v);
    incident[v]!.push(u);
  }
  const best: Array<{ cost: Cost; from: number } | undefined> = new Array(n + 1).fill(undefined);
  best[0] = { cost: [0, 0, 0, 0], from: -1 };
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    const first = i === 0;
    const room = (first ? opts.firstPageCapacity : opts.pageCapacity) - (first ? 0 : opts.bandHeight);
    let used = 0;
    let cross = 0;
    for (let j = i + 1; j <= n; j++) {
      const r = j - 1;
      used += rowHeights[r] ?? 0;
      for (const o of incident[r]!) cross += o >= i && o < r ? -1 : 1;
      const last = j === n;
      const cap = room - (last ? 0 : opts.bandHeight);
      const fill = used + (last ? closing : 0);
      const single = j - i === 1;
      if (fill > cap + EPS && !single) {
        // Rows only add height: no longer page starting at i fits once the band-less last page does not.
        if (used > room + EPS) break;
        continue;
      }
      const orphan = single && (n > 3 || (last && n >= 2)) ? 1 : 0;
      const free = Math.max(0, cap - fill);
      const cost: Cost = [here.cost[0] + orphan, here.cost[1] + 1, here.cost[2] + cross, here.cost[3] + free * free];
      const known = best[j];
      if (!known || better(cost, known.cost)) best[j] = { cost, from: i };
    }
  }
  const pages: PageSlice[] = [];
  for (let j = n; j > 0; ) {
    const i = best[j]!.from;
    pages.unshift({ first: i, last: j - 1 });
    j = i;
  }
  return pages;
}
