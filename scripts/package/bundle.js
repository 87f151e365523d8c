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
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PACKAGE_FLOOR } from '../../bin/node-floor.js';
import { VENDORED } from './vendored.js';

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
    // Packages stay in node_modules, but for the few small ones every command imports (vfile,
    // picocolors, mdast-util-to-string: thirteen files, each resolved through its package.json).
    external: externalPackages(root),
    chunkNames: 'chunks/[name]-[hash]',
    // Readable code and names: SOP_DEBUG=1 stack traces should say where.
    minify: false,
    logLevel: 'warning',
  });
  // Lazily loaded packages as one CommonJS file each (vendored.js): what require() gives kit/lazy.ts.
  const resolve = createRequire(path.join(root, 'package.json')).resolve;
  await build({
    absWorkingDir: root,
    entryPoints: VENDORED.map((name) => ({ in: resolve(name), out: `vendor/${name}` })),
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: `node${PACKAGE_FLOOR}`,
    minify: false,
    logLevel: 'warning',
  });
  writeDigest(outdir);
}

/** Inlined into the bundle: statically imported by every command, small, and without state a second copy could split. */
const INLINED = ['vfile', 'vfile-message', 'unist-util-stringify-position', 'picocolors', 'mdast-util-to-string'];

/**
 * Every package the package.json names, and their subpaths, but the inlined ones.
 * @param {string} root
 * @returns {string[]}
 */
function externalPackages(root) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !INLINED.includes(name));
  return names.flatMap((name) => [name, `${name}/*`]);
}

/**
 * dist/digest.json: the SHA-256 of every bundled file (path and bytes, in path order), so the
 * installed code need not read itself to say what it is (kit/code-digest.ts).
 * @param {string} outdir
 */
function writeDigest(outdir) {
  const files = readdirSync(outdir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(outdir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const rel of files) hash.update(`${rel}\0`).update(readFileSync(path.join(outdir, rel)));
  writeFileSync(path.join(outdir, 'digest.json'), `${JSON.stringify({ sha256: hash.digest('hex') })}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  await bundle(root, path.join(root, 'dist'));
}
