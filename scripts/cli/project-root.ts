// Which project a command works on: like git, the nearest folder at or above where `sop` was
// typed that holds content/. An officer in content/dinas/ runs `sop check` as from the root.
import { statSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR } from '../model/paths.ts';

export function findProjectRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (statSync(path.join(dir, CONTENT_DIR), { throwIfNoEntry: false })?.isDirectory()) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The folder the person typed the command in: npm runs a script (`npm run cek`) in the project
 * root and passes that folder as INIT_CWD. Only when this process is that script: a `sop`
 * started from elsewhere (a test under `npx vitest`) inherits npm's variables too.
 */
export function invokedFrom(env: NodeJS.ProcessEnv, cwd: string): string {
  const scriptRoot = env.npm_package_json ? path.dirname(env.npm_package_json) : undefined;
  return env.INIT_CWD && scriptRoot && path.resolve(scriptRoot) === path.resolve(cwd) ? env.INIT_CWD : cwd;
}
