// The installed package's code (dist/): scripts/ bundled by esbuild, so a command loads a handful
// of files instead of one per module (~75 for a cached `sop check`). Run by `prepare` (npm pack,
// npm publish, an install from git) and by the bench's installed form (scripts/bench/installed.ts).
// Plain JavaScript, like bin/: an install from git runs it on the installer's Node, which may be
// older than the first releases that strip types (bin/node-floor.js).
//
// Every file the code loads by path at run time is an entry of its own, at its place under
// scripts/: the CLI, the check's worker and the generated schema validators. Shared code goes to
// dist/chunks/, two folders deep like the entries, so `new URL('../', import.meta.url)` is the
// code folder and `new URL('../../', import.meta.url)` the package root from any output file.
// Packages stay in node_modules: they are the installed package's dependencies.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PACKAGE_FLOOR } from '../../bin/node-floor.js';

/** Sources loaded by path at run time (a Worker, a lazy require), besides the CLI. */
export const ENTRIES = ['scripts/cli/main.ts', 'scripts/validate/check-worker.ts', 'scripts/validate/schema-validators.generated.ts'];

/**
 * Bundles the sources of `root` into `outdir` (emptied first). Same sources, same bytes: no
 * timestamps, chunk names from their content, paths in comments relative to `root`.
 * @param {string} root the repository (package.json, scripts/)
 * @param {string} outdir where dist/ goes
 */
export async function bundle(root, outdir) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outbase: 'scripts',
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${PACKAGE_FLOOR}`,
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // Readable code and names: SOP_DEBUG=1 stack traces should say where.
    minify: false,
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await bundle(root, path.join(root, 'dist'));
}
