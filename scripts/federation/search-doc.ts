// What Pagefind reads of a combined site's SOP page: only its searchable article (the one
// element marked data-pagefind-body, where every meta and ignore mark also sits), in a bare
// <html lang="id"> document. Pagefind indexes nothing outside that element, so the index is the
// same, but the page frame (head, CSP, navigation, footer: two thirds of each page) is neither
// sent down the pipe nor parsed 60,000 times. Pure.
import type { SiteFile } from '../site/pages.ts';

const OPEN = /<article\b[^>]*\bdata-pagefind-body\b[^>]*>/;
const CLOSE = '</article>';

export function searchDocument(page: SiteFile): SiteFile {
  const html = page.data;
  const open = OPEN.exec(html);
  const end = open ? html.lastIndexOf(CLOSE) : -1;
  // A layout override without that article: the whole page, as Pagefind would read it anyway.
  if (!open || end < open.index) return page;
  return { path: page.path, data: `<!DOCTYPE html><html lang="id"><body>${html.slice(open.index, end + CLOSE.length)}</body></html>` };
}
