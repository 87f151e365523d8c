// Writing scaffolded files: never over an existing file, all-or-nothing for the checks.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ScaffoldFile } from './templates.ts';

/** Files among `files` that already exist under `root` (none may be overwritten). */
export function existing(root: string, files: readonly ScaffoldFile[]): string[] {
  return files.filter((f) => existsSync(path.join(root, f.path))).map((f) => f.path);
}

/** Writes `files` under `root`; only `overwrite` (sop impor --timpa) replaces a file already there. */
export function writeNew(root: string, files: readonly ScaffoldFile[], overwrite = false): void {
  for (const f of files) {
    const file = path.join(root, f.path);
    mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': fails instead of overwriting, should the file appear between the check and now.
    writeFileSync(file, f.data, { flag: overwrite ? 'w' : 'wx' });
  }
}
