// Where an office's package.json gets sop-press from, without the npm registry: the release
// tarball copied into the repository (vendor/), the git repository (built by `prepare`), or the
// registry once sop-press is published there. `sop mulai` follows the way it was itself obtained.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** How an office depends on sop-press. */
export interface InstallSpec {
  /** The dependency as written in package.json. */
  spec: string;
  /** A local tarball to copy to `vendor/<name>` (spec then reads `file:vendor/<name>`). */
  tarball?: string;
}

export const VENDOR_DIR = 'vendor';

interface OwnPackage {
  version: string;
  repository?: string | { url?: string };
}

/** `git+https://…/sop-press.git#v0.1.0`: the tagged release in sop-press's repository. */
export function gitSpec(pkg: OwnPackage): string | undefined {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return url ? `${url.replace(/#.*$/, '')}#v${pkg.version}` : undefined;
}

/**
 * The dependency for a new office. `requested` (from `--sumber`) wins: `npm` for the registry,
 * a path to a tarball, or any other npm spec as is. Without it, the spec that installed the
 * running sop-press (npx's or an office's package.json), else the tagged git release.
 */
export function installSpec(requested: string | undefined, ctx: { cwd: string; packageRoot: string; pkg: OwnPackage }): InstallSpec {
  if (requested === 'npm') return { spec: `^${ctx.pkg.version}` };
  if (requested) return fromSpec(requested, ctx.cwd);
  const installed = installedFrom(ctx.packageRoot);
  if (installed && isRegistryRange(installed.spec)) return { spec: `^${ctx.pkg.version}` };
  if (installed) return fromSpec(installed.spec, installed.dir);
  return { spec: gitSpec(ctx.pkg) ?? `^${ctx.pkg.version}` };
}

/** A spec naming a local `.tgz` becomes a copy in vendor/, so the repository installs anywhere (CI too). */
function fromSpec(spec: string, base: string): InstallSpec {
  const local = spec.replace(/^file:/, '');
  const drive = /^[A-Za-z]:[/\\]/.test(spec);
  const looksLocal = spec.startsWith('file:') || drive || (!/^[a-z][a-z0-9+.-]*:/i.test(spec) && (/^[./\\]/.test(spec) || /\.t(ar\.)?gz$/.test(spec)));
  if (looksLocal) {
    const file = path.resolve(base, local);
    if (/\.t(ar\.)?gz$/.test(file) && existsSync(file) && statSync(file).isFile()) {
      return { spec: `file:${VENDOR_DIR}/${path.basename(file)}`, tarball: file };
    }
  }
  return { spec };
}

const isRegistryRange = (spec: string) => spec === 'latest' || /^[\^~>=<]*\d/.test(spec) || /^npm:/.test(spec);

/**
 * The spec in the package.json of the project that holds this sop-press in its node_modules
 * (npx keeps one per command too), with that project's folder; undefined in sop-press's own
 * repository.
 */
function installedFrom(packageRoot: string): { spec: string; dir: string } | undefined {
  const nodeModules = path.dirname(path.resolve(packageRoot));
  if (path.basename(nodeModules) !== 'node_modules') return undefined;
  const dir = path.dirname(nodeModules);
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const spec = pkg.dependencies?.['sop-press'] ?? pkg.devDependencies?.['sop-press'];
    return spec ? { spec, dir } : undefined;
  } catch {
    return undefined;
  }
}
