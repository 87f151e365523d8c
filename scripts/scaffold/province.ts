// The files of a new province repository (`sop mulai --gabungan`): no SOPs of its own, a
// gabungan.yml listing the office sites, and the nightly CI that federates them (GitHub Actions
// and GitLab, from docs/gabungan/, shipped with sop-press). Pure: templates in, files out.
import { GITIGNORE, type ScaffoldFile } from './templates.ts';

export interface ProvinceContext {
  name: string;
  version: string;
  engines: string;
  /** docs/gabungan/: github-actions.yml, gitlab-ci.yml, gabungan.yml, as shipped. */
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
    dependencies: { 'sop-press': `^${ctx.version}` },
  };
  return [
    { path: 'package.json', data: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: '.gitignore', data: `${GITIGNORE}.salinan-gabungan/\n` },
    { path: 'gabungan.yml', data: ctx.gabungan },
    { path: '.github/workflows/gabungan.yml', data: ctx.github },
    { path: '.gitlab-ci.yml', data: ctx.gitlab },
  ];
}

export function provinceNextSteps(dir: string): string {
  const cd = dir === '.' ? '' : `  cd ${dir}\n`;
  return `Langkah berikutnya:
${cd}  (isi gabungan.yml dengan alamat situs SOP setiap kantor)
  npm install                 # pasang sop-press (sekali saja)
  npx sop gabung              # bangun katalog gabungan di output/gabungan/

Di GitHub: Settings → Pages → Source: "GitHub Actions"; alur kerja berjalan setiap malam dan
lewat tombol "Run workflow". Di GitLab: Build → Pipeline schedules.
Panduan lengkap: node_modules/sop-press/docs/gabungan.md
`;
}
