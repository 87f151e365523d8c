// The files of a new office repository (`sop mulai`). Pure: answers and sop-press's own
// templates in, files out; writing them is write.ts's job.
import { BOOK_PAGES_DIR, CONTENT_DIR } from '../model/paths.ts';
import type { InstallSpec } from './install-spec.ts';
import { nomorFromPola } from './nomor.ts';
import { GITIGNORE, instansiYml, schemaFrom, officePackageJson, sopTemplate, vscodeFiles, type OfficeAnswers, type ScaffoldFile } from './templates.ts';

export interface OfficeContext {
  /** npm package name of the office's repository. */
  name: string;
  /** How the office installs sop-press; a local tarball comes along as `tarballBytes`. */
  install: InstallSpec;
  tarballBytes?: Uint8Array;
  engines: string;
  /** sop-press's own GitHub Actions workflow, used unchanged. */
  workflow: string;
  /** The GitLab CI template, when the office asked for it. */
  gitlab?: string;
  /** templates/buku/*.md: book pages whose {{…}} fields are filled from instansi.yml at `sop book`. */
  bookPages: Record<string, string>;
  /** YYYY-MM-DD. */
  today: string;
}

export const SAMPLE_SOP = 'contoh-pelayanan-permohonan.md';

export function officeFiles(a: OfficeAnswers, ctx: OfficeContext): ScaffoldFile[] {
  const year = Number(ctx.today.slice(0, 4));
  const dir = `${CONTENT_DIR}/${a.instansi}`;
  return [
    { path: 'package.json', data: officePackageJson(ctx.name, ctx.install.spec, ctx.engines) },
    ...(ctx.install.tarball && ctx.tarballBytes ? [{ path: ctx.install.spec.replace(/^file:/, ''), data: ctx.tarballBytes }] : []),
    { path: '.gitignore', data: GITIGNORE },
    { path: `${dir}/instansi.yml`, data: instansiYml(a) },
    {
      path: `${dir}/${SAMPLE_SOP}`,
      data: sopTemplate({ nomor: nomorFromPola(a.pola, { nomor: 1, singkatan: a.singkatan, tahun: year }), nama: 'Contoh Pelayanan Permohonan', today: ctx.today, schema: schemaFrom(dir) }),
    },
    ...Object.entries(ctx.bookPages).map(([name, data]) => ({ path: `${dir}/${BOOK_PAGES_DIR}/${name}`, data })),
    { path: '.github/workflows/publish.yml', data: ctx.workflow },
    ...(ctx.gitlab ? [{ path: '.gitlab-ci.yml', data: ctx.gitlab }] : []),
    ...vscodeFiles('node_modules/sop-press/schemas'),
  ];
}

/** What the officer does next, in Indonesian: npm scripts only (they never reach the registry). */
export function nextSteps(dir: string, a: OfficeAnswers, install: InstallSpec): string {
  const cd = dir === '.' ? '' : `  cd ${dir}\n`;
  const vendored = install.tarball ? `\nsop-press dipasang dari ${install.spec.slice('file:'.length)} (salinan paket rilis; ikut di-commit).` : '';
  return `Langkah berikutnya:
${cd}  npm install                 # pasang sop-press (sekali saja)
  npm run cek                 # periksa sumber SOP
  npm run pratinjau           # lihat SOP seperti tercetak, diperbarui saat berkas disimpan
  npm run baru -- "Nama SOP"  # buat SOP baru di content/${a.instansi}/
  npm run bangun              # cetak PDF ke output/pdf/
  npm run buku                # buku SOP tahunan ke output/buku/
  npm run situs               # situs katalog ke output/site/
  npx sop ttd                 # periksa PDF bertanda tangan elektronik di ttd/
${vendored}
Periksa dulu content/${a.instansi}/instansi.yml (alamat, penandatangan, jenis tanda tangan)
dan halaman buku di content/${a.instansi}/${BOOK_PAGES_DIR}/, lalu ganti atau hapus ${SAMPLE_SOP}.
Tanda tangan elektronik (tanda_tangan: elektronik): tandatangani PDF dari output/pdf/ di aplikasi
TTE, simpan hasilnya di ttd/<nama-berkas>.pdf di samping sumber SOP-nya, sertifikat akar BSrE di
content/${a.instansi}/ttd/akar/, lalu npx sop ttd. Untuk menerbitkan katalog di GitHub Pages: Settings → Pages → Source: "GitHub Actions"
setelah repositori diunggah ke GitHub (commit juga package-lock.json).
Panduan lengkap: node_modules/sop-press/docs/panduan.md
`;
}
