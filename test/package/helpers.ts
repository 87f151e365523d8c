// Packing sop-press and installing the tarball the way an office does, without the network.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm pack` (which compiles dist/ at prepack) into `dir`; returns the tarball's path. */
export function packTarball(dir: string): string {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
  return path.join(dir, info!.filename);
}

interface LockEntry {
  version: string;
  dev?: boolean;
  [key: string]: unknown;
}

/**
 * Installs the tarball into `office` (whose package.json, when present, is kept) with `npm ci
 * --offline`. Our own lockfile names every runtime dependency with its integrity; given the
 * registry URL too, npm takes each tarball from its cache without asking the registry.
 */
export function installFromTarball(office: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const own = lock.packages['']!;
  const spec = `file:${path.relative(office, tarball)}`;
  const pkgFile = path.join(office, 'package.json');
  let pkg: { name?: string; dependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  } catch {
    pkg = { name: 'kantor', dependencies: {} };
  }
  pkg.dependencies = { ...pkg.dependencies, 'sop-press': spec };
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  const packages: Record<string, unknown> = {
    '': { name: pkg.name, dependencies: pkg.dependencies },
    'node_modules/sop-press': { version: own.version, resolved: spec, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || entry.dev) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    packages[key] = { resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`, ...entry };
  }
  writeFileSync(path.join(office, 'package-lock.json'), JSON.stringify({ name: pkg.name, lockfileVersion: 3, requires: true, packages }, null, 2));
  execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: office, stdio: ['ignore', 'ignore', 'pipe'] });
}
