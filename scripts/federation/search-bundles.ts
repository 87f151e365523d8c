// The combined site's search index, in parts. Pagefind keeps a whole index in memory while it
// builds it (some 35 kB per page, several times what it keeps while pages are added), so a
// province of 60,000 SOPs in one index took over 2 GB. Parts of PER_BUNDLE pages are built one
// after another, each by a fresh Pagefind process, and the search page merges them in the browser
// (Pagefind's mergeIndex, layouts/site/assets/cari.js): the first part is pagefind/, the
// others pagefind-2/, pagefind-3/ … Pure.

export const PER_BUNDLE = 10_000;

export interface SearchBundle {
  /** Folder in the site. */
  dir: string;
  /** Merged into the first in the browser: data only. */
  merged: boolean;
  /** Entries [start, end) of the model, in its order. */
  start: number;
  end: number;
}

export function searchBundles(pages: number, per: number = PER_BUNDLE): SearchBundle[] {
  const count = Math.max(1, Math.ceil(pages / per));
  // Even parts (not one large and a small remainder): same memory for each.
  const size = Math.ceil(pages / count);
  return Array.from({ length: count }, (_, i) => ({
    dir: i === 0 ? 'pagefind' : `pagefind-${i + 1}`,
    merged: i > 0,
    start: i * size,
    end: Math.min(pages, (i + 1) * size),
  }));
}
