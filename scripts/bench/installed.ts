// sop-press as `npm install` leaves it: JavaScript compiled from scripts/ (dist/, no type
// stripping at start-up), beside bin/, schemas/ and layouts/. The bench times the check in both
// forms: officers run this one, the repository's own runs (and tests) run the sources.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Builds the package into a temporary folder; returns its `bin/sop.js`. */
export function installedSop(root: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-paket-'));
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', path.join(dir, 'dist')], { cwd: root, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  for (const name of ['bin', 'schemas', 'layouts', 'templates', 'package.json']) cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return path.join(dir, 'bin', 'sop.js');
}
