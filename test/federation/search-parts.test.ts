// The combined site's search index: what Pagefind is given of each SOP page, and how the pages
// are split into parts. The index built from the parts is checked in the browser by gabung.test.ts.
import { describe, expect, it } from 'vitest';
import { searchBundles } from '../../scripts/federation/search-bundles.ts';
import { searchDocument } from '../../scripts/federation/search-doc.ts';

describe('searchDocument', () => {
  const page = {
    path: 'sop/a/b/c/index.html',
    data: '<!DOCTYPE html><html lang="id" data-base="/"><head><title>T</title></head><body><nav>Menu</nav><main><article class="sop" data-pagefind-body><h1 data-pagefind-meta="title">Nama</h1><ol><li>Langkah</li></ol></article></main><footer>Kaki</footer></body></html>',
  };

  it('keeps only the searchable article, in an Indonesian document', () => {
    expect(searchDocument(page)).toEqual({
      path: page.path,
      data: '<!DOCTYPE html><html lang="id"><body><article class="sop" data-pagefind-body><h1 data-pagefind-meta="title">Nama</h1><ol><li>Langkah</li></ol></article></body></html>',
    });
  });

  it('gives a page without that article (a layout override) whole', () => {
    const other = { path: page.path, data: page.data.replace(' data-pagefind-body', '') };
    expect(searchDocument(other)).toBe(other);
  });
});

describe('searchBundles', () => {
  it('one part up to the size, then even parts in the model order', () => {
    expect(searchBundles(3, 10)).toEqual([{ dir: 'pagefind', merged: false, start: 0, end: 3 }]);
    expect(searchBundles(0, 10)).toEqual([{ dir: 'pagefind', merged: false, start: 0, end: 0 }]);
    expect(searchBundles(25, 10)).toEqual([
      { dir: 'pagefind', merged: false, start: 0, end: 9 },
      { dir: 'pagefind-2', merged: true, start: 9, end: 18 },
      { dir: 'pagefind-3', merged: true, start: 18, end: 25 },
    ]);
  });

  it('60,000 SOPs at the default size: six parts of 10,000', () => {
    const parts = searchBundles(60_000);
    expect(parts.map((p) => p.end - p.start)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
  });
});
