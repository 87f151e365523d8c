// The files of a new office repository (`sop mulai`). Pure: answers and sop-press's own
// workflow in, files out; writing them is write.ts's job.
import { CONTENT_DIR } from '../model/paths.ts';
import { nextNomor } from './nomor.ts';
import { GITIGNORE, instansiYml, officePackageJson, sopTemplate, vscodeFiles, type OfficeAnswers, type ScaffoldFile } from './templates.ts';

export interface OfficeContext {
  /** npm package name of the office's repository. */
  name: string;
  /** sop-press's version and Node floor, written into the office's package.json. */
  version: string;
  engines: string;
  /** sop-press's own GitHub Actions workflow, used unchanged. */
  workflow: string;
  /** YYYY-MM-DD. */
  today: string;
}

export const SAMPLE_SOP = 'contoh-pelayanan-permohonan.md';

export function officeFiles(a: OfficeAnswers, ctx: OfficeContext): ScaffoldFile[] {
  const year = Number(ctx.today.slice(0, 4));
  return [
    { path: 'package.json', data: officePackageJson(ctx.name, ctx.version, ctx.engines) },
    { path: '.gitignore', data: GITIGNORE },
    { path: `${CONTENT_DIR}/${a.instansi}/instansi.yml`, data: instansiYml(a) },
    {
      path: `${CONTENT_DIR}/${a.instansi}/${SAMPLE_SOP}`,
      data: sopTemplate({ nomor: nextNomor([], a.instansi.toUpperCase(), year), nama: 'Contoh Pelayanan Permohonan', today: ctx.today }),
    },
    { path: '.github/workflows/publish.yml', data: ctx.workflow },
    ...vscodeFiles('node_modules/sop-press/schemas'),
  ];
}

/** What the officer does next, in Indonesian. */
export function nextSteps(dir: string, a: OfficeAnswers): string {
  const cd = dir === '.' ? '' : `  cd ${dir}\n`;
  return `Langkah berikutnya:
${cd}  npm install                 # pasang sop-press (sekali saja)
  npx sop check               # periksa sumber SOP
  npx sop pratinjau           # lihat SOP seperti tercetak, diperbarui saat berkas disimpan
  npx sop build               # cetak PDF ke output/pdf/
  npx sop baru "Nama SOP"     # buat SOP baru di content/${a.instansi}/
  npx sop ttd                 # periksa PDF bertanda tangan elektronik di ttd/

Periksa dulu content/${a.instansi}/instansi.yml (alamat, penandatangan, jenis tanda tangan),
lalu ganti atau hapus ${SAMPLE_SOP}.
Tanda tangan elektronik (tanda_tangan: elektronik): tandatangani PDF dari output/pdf/ di aplikasi
TTE, simpan hasilnya di ttd/<nama-berkas>.pdf di samping sumber SOP-nya, sertifikat akar BSrE di
content/${a.instansi}/ttd/akar/, lalu npx sop ttd. Untuk menerbitkan katalog di GitHub Pages:
Settings → Pages → Source: "GitHub Actions" setelah repositori diunggah ke GitHub.
Panduan lengkap: node_modules/sop-press/docs/panduan.md
`;
}
