// Packing sop-press, and the office path the README gives for installing it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm pack` (which bundles dist/ first, by `prepare`) into `dir`; returns the tarball's path. */
export function packTarball(dir: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
  return path.join(dir, info!.filename);
}

/**
 * The commands of the README's office quick start (its first sh block after "For an office"),
 * one per line, without their trailing comments.
 */
export function officePath(readme: string): string[] {
  const section = readme.slice(readme.indexOf('### For an office'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#\s.*$/, '').trim())
    .filter((l) => l && !l.startsWith('#'));
}
