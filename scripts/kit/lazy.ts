// Packages loaded on first use rather than at import: `sop check` with a warm cache parses no
// Markdown and compiles no SOP schema, and should not pay for loading the packages that do
// (the rehype stack, micromark, ajv: most of its start-up). `require` also loads ES modules
// (Node >= 22.12), synchronously, so the sync stages stay sync.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { VENDORED } from '../package/vendored.js';

const require = createRequire(import.meta.url);
/** Running the installed bundle (dist/, .js), which carries the vendored packages. */
const bundled = import.meta.url.endsWith('.js');

/** `load()` on the first call, its value after. */
export function once<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: load() }).v;
}

/** A package (its module namespace, or a CommonJS package's exports), loaded now. */
export function loadPackage<T>(name: string): T {
  // From dist/chunks/ (or an entry two folders deep), ../vendor/ is dist/vendor/ (package/bundle.js).
  return require(bundled && VENDORED.includes(name) ? fileURLToPath(new URL(`../vendor/${name}.cjs`, import.meta.url)) : name) as T;
}
