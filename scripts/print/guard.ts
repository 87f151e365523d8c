// What the print browser may load: the project's own files and inline data, nothing else.
// An SOP must print the same offline as online, and must never leak a request to the network.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type UrlPolicy = (url: string) => boolean;

/**
 * The real path of `file` (every link resolved), or for a file that does not exist, the real path
 * of its nearest existing folder joined with the rest.
 */
export function realPathOf(file: string): string {
  const rest: string[] = [];
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      if (at === path.dirname(at)) return path.resolve(file);
      rest.push(path.basename(at));
    }
  }
}

/**
 * True for `data:` URLs and `file:` URLs inside one of the allowed folders (after resolving `..`
 * and every link: a project file that links elsewhere is elsewhere): the project, and the folder
 * sop-press itself is installed in (layouts, fonts).
 */
export function urlPolicy(allowedDirs: string | readonly string[]): UrlPolicy {
  const roots = (typeof allowedDirs === 'string' ? [allowedDirs] : allowedDirs).map((d) => realPathOf(d));
  return (url) => {
    if (url.startsWith('data:')) return true;
    if (!url.startsWith('file:')) return false;
    let file: string;
    try {
      file = realPathOf(fileURLToPath(url));
    } catch {
      return false; // e.g. file://server/share on POSIX
    }
    return roots.some((root) => {
      const rel = path.relative(root, file);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
  };
}

/**
 * Puts `<base href>` first in `<head>` so relative asset URLs (fonts, logos) resolve against
 * `baseUrl` even though the document itself is written into an already-open page.
 */
export function withBase(html: string, baseUrl: string): string {
  const tag = `<base href="${baseUrl.replaceAll('"', '%22')}">`;
  const head = /<head(?=[\s>])[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const root = /<html(?=[\s>])[^>]*>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + `<head>${tag}</head>` + html.slice(root.index + root[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + tag + html.slice(at);
}
