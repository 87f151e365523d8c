// What the installed package's code is, without reading it: scripts/package/bundle.js writes the
// SHA-256 of every file it bundled to dist/digest.json. The PDF inputs hash (pdf/inputs.ts) and
// the check cache's tool identity (validate/check-cache.ts) take it instead of reading or
// stat-ing the code on every run. From the sources there is none: they are read.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { once } from './lazy.ts';

/** The file beside the bundle's folders: from dist/chunks/ (or an entry two folders deep), ../digest.json. */
export const DIGEST_FILE = 'digest.json';

/** The bundle's digest when running the installed bundle; undefined from the sources (or a bundle without one). */
export const bundledCodeDigest = once((): string | undefined => {
  if (!import.meta.url.endsWith('.js')) return undefined;
  try {
    const { sha256 } = JSON.parse(readFileSync(fileURLToPath(new URL(`../${DIGEST_FILE}`, import.meta.url)), 'utf8')) as { sha256?: unknown };
    return typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256) ? sha256 : undefined;
  } catch {
    return undefined;
  }
});
