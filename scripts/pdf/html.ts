// The HTML of an SOP as one self-contained file: its fonts and logo inlined as data: URLs, so
// the page that was printed opens in any browser, anywhere, and prints the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { urlPolicy } from '../print/guard.ts';

const TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/**
 * Replaces the `file:` URLs of stylesheets (`url(…)` inside `<style>`) and images
 * (`<img src>`) by data: URLs. Only files inside `allowedDirs` are read (the printer would not
 * load others either); user text never reaches these places, being escaped.
 */
export function selfContainedHtml(html: string, allowedDirs: readonly string[]): string {
  const allowed = urlPolicy(allowedDirs);
  const inline = (url: string): string => {
    if (!url.startsWith('file:') || !allowed(url)) return url;
    const file = fileURLToPath(url);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return `data:${type};base64,${readFileSync(file).toString('base64')}`;
  };
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, (style) => style.replace(/url\((['"]?)(file:[^'")]+)\1\)/g, (_, q: string, url: string) => `url(${q}${inline(url)}${q})`))
    .replace(/(<img\b[^>]*\bsrc=")(file:[^"]+)"/gi, (_, head: string, url: string) => `${head}${inline(url.replaceAll('&amp;', '&'))}"`);
}
