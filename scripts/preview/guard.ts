// What the preview lets a browser do: it runs at an origin any web page open beside it can aim
// requests at, and it shows HTML made by layouts (code from whoever changed them). So its
// documents run no script but its own reload client, its files are only those its documents
// reference (fonts; logos as checked bytes), and nothing that builds answers another site.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import path from 'node:path';

/** Per-run nonce of the preview's own reload client: a layout's script cannot carry it. */
export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** CSP of a printed document and of the preview's own pages: as strict as printing, plus the reload client. */
export function documentCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A file served on its own (font, logo): never a document that runs anything. */
export const FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** Headers every answer carries. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * True when the request comes from another site's page (a link, an `<img>`, a `fetch` aimed at
 * 127.0.0.1): browsers say so in Sec-Fetch-Site, and in Origin for anything but a plain GET.
 * An address typed or bookmarked (`none`) and the preview's own pages (`same-origin`) pass; so
 * do programs that are not browsers, which send neither header.
 */
export function fromElsewhere(req: http.IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  return origin !== undefined && origin !== `http://${req.headers.host ?? ''}`;
}

/** Files the preview may hand out by path: fonts and raster images, never markup, scripts or SVG. */
const SERVABLE = new Set(['.woff2', '.woff', '.ttf', '.otf', '.png', '.jpg', '.jpeg', '.gif', '.webp']);

/**
 * True when `real` (a real path) may be served: a font or raster image inside one of `dirs`
 * (themselves real paths), with no hidden folder or file (`.git`, `.env`, `.sop-cache`) on the
 * way from that folder.
 */
export function servable(real: string, dirs: readonly string[]): boolean {
  if (!SERVABLE.has(path.extname(real).toLowerCase())) return false;
  return dirs.some((dir) => {
    const rel = path.relative(dir, real);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).some((part) => part.startsWith('.'));
  });
}
