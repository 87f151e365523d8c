// The full-text index: Pagefind, run through its Node API on the SOP pages only (catalogue and
// home pages would just repeat them). Indonesian stemming (`<html lang="id">`, forced here so a
// page can never switch it). Pagefind's indexer is a binary shipped in an npm package
// (@pagefind/<platform>); it runs locally, without network, and writes the same files for the
// same pages.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { SiteFile } from './pages.ts';

/** Pagefind's ready-made UIs: the site has its own (assets/cari.js) on Pagefind's core API. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

export async function writeSearchIndex(siteDir: string, files: SiteFile[]): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'id' });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    let count = 0;
    for (const f of files.filter((f) => f.path.startsWith('sop/') && f.path.endsWith('/index.html'))) {
      const added = await index.addHTMLFile({ url: `/${f.path.replace(/index\.html$/, '')}`, content: f.data });
      if (added.errors.length) throw new Error(`Pagefind, ${f.path}: ${added.errors.join('; ')}`);
      count++;
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const name of UNUSED) rmSync(path.join(siteDir, 'pagefind', name), { force: true });
    return count;
  } finally {
    await pagefind.close();
  }
}
