// One order for names and numbers everywhere (book, site): independent of the machine's locale
// data (same bytes on every machine), accents and case ignored, digits read as numbers
// ("SOP 2" before "SOP 10"); ties broken by the raw text so the order is total.

/** Sort key without accents and case. */
export function sortKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const CHUNKS = /\d+|\D+/g;

function compareKeys(a: string, b: string): number {
  const ca = a.match(CHUNKS) ?? [];
  const cb = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      // Compare as numbers without Number() (no precision limit): shorter once leading zeros go.
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

export function compareText(a: string, b: string): number {
  return compareKeys(sortKey(a), sortKey(b)) || (a < b ? -1 : a > b ? 1 : 0);
}
