// sop-press as `npm install` leaves it: the bundle `npm pack` builds from scripts/ (dist/, no type
// stripping at start-up; scripts/package/bundle.js), beside bin/, schemas/ and layouts/. The bench
// times the check in both forms: officers run this one, the repository's own runs (and tests) run
// the sources.
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle } from '../package/bundle.js';

/** Builds the package into a temporary folder; returns its `bin/sop.js`. */
export async function installedSop(root: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-paket-'));
  await bundle(root, path.join(dir, 'dist'));
  for (const name of ['bin', 'schemas', 'layouts', 'templates', 'package.json']) cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return path.join(dir, 'bin', 'sop.js');
}
