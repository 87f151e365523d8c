// The full-text index: Pagefind, run through its Node API on the SOP pages only (catalogue and
// home pages would just repeat them). Indonesian stemming (`<html lang="id">`, forced here so a
// page can never switch it). Pagefind's indexer is a binary shipped in an npm package
// (@pagefind/<platform>); it runs locally, without network, and writes the same files for the
// same pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteFile } from './pages.ts';

/** Pagefind's ready-made UIs: the site has its own (assets/cari.js) on Pagefind's core API. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/** What a merged bundle needs: its entry, metadata, word index and fragments (the script and WebAssembly are the first bundle's). */
const MERGED = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index\/[^/]+|fragment\/[^/]+|filter\/[^/]+)$/;

/** The pages search covers: one per SOP. */
export const isSopPage = (f: SiteFile) => f.path.startsWith('sop/') && f.path.endsWith('/index.html');

/** An index being filled page by page (a province catalogue need not hold every page at once). */
export interface SearchIndex {
  add(file: SiteFile): Promise<void>;
  /** Pages added so far. */
  readonly count: number;
  /**
   * Writes the index into `<siteDir>/<bundle>/` (default pagefind/). A `merged` bundle is one the
   * first bundle's script merges in the browser (Pagefind's mergeIndex): its data only, without
   * a second copy of the script and WebAssembly.
   */
  write(siteDir: string, bundle?: { dir: string; merged: boolean }): Promise<void>;
  /** Stops the indexer; always call it. */
  close(): Promise<void>;
}

export async function openSearchIndex(): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
  if (!index) {
    await pagefind.close();
    throw new Error(`Pagefind: ${errors.join('; ')}`);
  }
  let count = 0;
  return {
    get count() {
      return count;
    },
    async add(f) {
      const added = await index.addHTMLFile({ url: `/${f.path.replace(/index\.html$/, '')}`, content: f.data });
      if (added.errors.length) throw new Error(`Pagefind, ${f.path}: ${added.errors.join('; ')}`);
      count++;
    },
    async write(siteDir, bundle = { dir: 'pagefind', merged: false }) {
      // The files are taken in memory and written here: `writeFiles` can report success while
      // the service is still writing, and closing it then leaves a truncated file behind.
      const { files: out, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
      for (const file of [...out].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        const rel = file.path.replace(/^\/+/, '');
        if (UNUSED.includes(rel) || rel.split('/').includes('..')) continue;
        if (bundle.merged && !MERGED.test(rel)) continue;
        const target = path.join(siteDir, bundle.dir, rel);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
    },
    async close() {
      await pagefind.close();
    },
  };
}

export async function writeSearchIndex(siteDir: string, files: SiteFile[]): Promise<number> {
  const index = await openSearchIndex();
  try {
    for (const f of files.filter(isSopPage)) await index.add(f);
    await index.write(siteDir);
    return index.count;
  } finally {
    await index.close();
  }
}
