// The files of a new province repository (`sop mulai --gabungan`): no SOPs of its own, a
// gabungan.yml listing the office sites, and the nightly CI that federates them (GitHub Actions
// and GitLab, from templates/gabungan/, shipped with sop-press). Pure: templates in, files out.
import type { InstallSpec } from './install-spec.ts';
import { GITIGNORE, type ScaffoldFile } from './templates.ts';

export interface ProvinceContext {
  name: string;
  /** How the province repository installs sop-press, as an office's does (scaffold/install-spec.ts). */
  install: InstallSpec;
  /** A local tarball's bytes, copied to vendor/ beside the repository. */
  tarballBytes?: Uint8Array;
  engines: string;
  /** templates/gabungan/: github-actions.yml, gitlab-ci.yml, gabungan.yml, as shipped. */
  github: string;
  gitlab: string;
  gabungan: string;
}

export function provinceFiles(ctx: ProvinceContext): ScaffoldFile[] {
  const pkg = {
    name: ctx.name,
    private: true,
    description: 'Katalog SOP gabungan (sop-press)',
    engines: { node: ctx.engines },
    scripts: { gabung: 'sop gabung' },
    dependencies: { 'sop-press': ctx.install.spec },
  };
  return [
    { path: 'package.json', data: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: '.gitignore', data: `${GITIGNORE}.salinan-gabungan/\n` },
    { path: 'gabungan.yml', data: ctx.gabungan },
    { path: '.github/workflows/gabungan.yml', data: ctx.github },
    { path: '.gitlab-ci.yml', data: ctx.gitlab },
    ...(ctx.install.tarball && ctx.tarballBytes ? [{ path: ctx.install.spec.replace(/^file:/, ''), data: ctx.tarballBytes }] : []),
  ];
}

export function provinceNextSteps(dir: string): string {
  const cd = dir === '.' ? '' : `  cd ${dir}\n`;
  return `Langkah berikutnya:
${cd}  (isi gabungan.yml dengan alamat situs SOP setiap kantor)
  npm install                 # pasang sop-press (sekali saja)
  npm run gabung              # bangun katalog gabungan di output/gabungan/

Di GitHub: Settings → Pages → Source: "GitHub Actions"; alur kerja berjalan setiap malam dan
lewat tombol "Run workflow". Di GitLab: Build → Pipeline schedules.
Panduan lengkap: node_modules/sop-press/docs/gabungan.md
`;
}
