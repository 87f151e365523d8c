// `sop mulai --gabungan`: a new province repository for `sop gabung`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../model/paths.ts';
import { installSpec } from '../scaffold/install-spec.ts';
import { provinceFiles, provinceNextSteps } from '../scaffold/province.ts';
import { existing, writeNew } from '../scaffold/write.ts';
import { slugify } from '../site/urls.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export function mulaiGabungan(dir: string, ctx: CheckContext, sumber?: string): number {
  const root = path.resolve(ctx.cwd, dir);
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; engines: { node: string }; repository?: { url?: string } };
  // Installed the way this sop-press was obtained (vendored tarball, git, or the registry), as `sop mulai` does.
  const install = installSpec(sumber, { cwd: ctx.cwd, packageRoot: PACKAGE_ROOT, pkg });
  const doc = (name: string) => readFileSync(path.join(PACKAGE_ROOT, 'templates', 'gabungan', name), 'utf8');
  const files = provinceFiles({
    name: slugify(path.basename(root)) === 'lainnya' ? 'sop-gabungan' : slugify(path.basename(root)),
    install,
    ...(install.tarball ? { tarballBytes: readFileSync(install.tarball) } : {}),
    engines: pkg.engines.node,
    github: doc('github-actions.yml'),
    gitlab: doc('gitlab-ci.yml'),
    gabungan: doc('gabungan.yml'),
  });
  const clash = existsSync(root) ? existing(root, files) : [];
  if (clash.length) {
    throw new UsageError(`Berkas ini sudah ada di ${dir}: ${clash.join(', ')}. Tidak ada yang diubah.`, 'Jalankan sop mulai --gabungan di folder kosong, mis. sop mulai --gabungan sop-provinsi.');
  }
  writeNew(root, files);
  ctx.stdout(`Repositori katalog gabungan dibuat di ${dir === '.' ? 'folder ini' : dir}:\n${files.map((f) => `  ${f.path}\n`).join('')}\n${provinceNextSteps(dir)}`);
  return EXIT.ok;
}
