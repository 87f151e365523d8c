// `sop site`: check, build missing/stale PDFs (and books), then the public catalogue site.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../site/build-site.ts';
import { checkedProject, commandProgress, withPrinter } from './build.ts';
import { pdfSteps } from './progress.ts';
import { assembleShares } from '../bagian/assemble.ts';
import type { CheckContext } from './check.ts';
import { baseOption, DARI_BAGIAN_HELP, EXIT, UsageError } from './usage.ts';

export const SITE_HELP = `Pemakaian: sop site [--base-url ALAMAT] [--judul JUDUL] [--tahun TTTT | --tanpa-buku] [--semua | --dari-bagian FOLDER …]

Membangun situs katalog SOP publik di output/site/: beranda (setiap instansi,
unit dan jumlah SOP, kotak pencarian, buku SOP), katalog dengan saringan
instansi, unit, status dan tahun (berfungsi tanpa JavaScript), satu halaman per
SOP (identitas, prosedur dengan bagan alir yang sama dengan PDF, dan di layar
ponsel sebagai daftar langkah; unduhan PDF, keterkaitan, riwayat versi), pencarian teks lengkap
(Pagefind), catalogue.json dan sitemap.xml. SOP berstatus draf tidak pernah
diterbitkan. PDF SOP yang belum ada atau sudah usang dibangun lebih dulu, lalu
buku SOP tahun ini (seperti sop book) untuk setiap instansi. Semua buku resmi
yang ada di output/buku/ (tahun berapa pun, bukan yang -draf) ikut ditautkan.

SOP bertanda tangan elektronik: PDF bertanda tangan di ttd/<nama-berkas>.pdf yang
sah (lihat sop ttd) diterbitkan apa adanya sebagai PDF resmi, dengan nama
penanda tangan dan waktunya; tanpa itu PDF hasil cetak diterbitkan sebagai
"Salinan — belum ditandatangani". SOP bertanda tangan basah menyebut bahwa
aslinya tersimpan di atas kertas.

Situs lama diganti hanya bila pembangunan berhasil. Sumber yang sama (dan tahun
buku yang sama) menghasilkan berkas yang sama persis.

Opsi:
  --base-url ALAMAT  awalan setiap tautan bila situs tidak di akar domain,
                     mis. /sop/ atau https://dinas.example.go.id/sop/
                     (URL lengkap membuat sitemap.xml berisi alamat lengkap)
  --judul JUDUL      judul situs di kepala setiap halaman (bawaan: Katalog SOP);
                     di bawahnya nama pemerintah daerah pemilik SOP, dengan logo
                     instansinya bila semua SOP dari satu pemerintah daerah
  --tahun TTTT       tahun buku SOP yang disusun (bawaan: tahun ini)
  --tanpa-buku       jangan menyusun buku; tautkan buku yang sudah ada saja
  --semua            bangun ulang semua PDF, abaikan cache
${DARI_BAGIAN_HELP}
  --diam             tanpa laporan kemajuan (lihat sop build --help)
  -h, --help         tampilkan bantuan ini

Kode keluar: 0 berhasil, 1 ada galat di isi SOP atau bagian --dari-bagian
ditolak, 2 salah pemakaian atau peramban tidak ditemukan.
`;

export async function site(argv: string[], ctx: CheckContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'base-url': { type: 'string' },
      judul: { type: 'string' },
      tahun: { type: 'string' },
      'tanpa-buku': { type: 'boolean' },
      semua: { type: 'boolean' },
      'dari-bagian': { type: 'string', multiple: true },
      diam: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(SITE_HELP);
    return EXIT.ok;
  }
  const base = baseOption(values['base-url'], ctx.env, '--base-url /sop/ atau --base-url https://dinas.example.go.id/sop/');
  const tahun = values['tanpa-buku'] ? undefined : parseTahun(values.tahun, new Date());
  const shares = values['dari-bagian'];
  if (shares && values.semua) throw new UsageError('--semua dan --dari-bagian tidak dapat dipakai bersama: --dari-bagian memakai PDF bagian-bagian tanpa mencetak ulang.', 'Pilih salah satu.');
  const progress = commandProgress(ctx, values.diam);
  const project = await checkedProject(ctx, progress);
  if (!project) return EXIT.invalid;
  const { sops } = project;
  const started = performance.now();
  const result = await withPrinter(ctx.cwd, 'sop site', async (printer) => {
    if (shares) await assembleShares(shares, ctx.here ?? ctx.cwd, project.sops, project.root);
    return buildSite(project, {
      base,
      ...(values.judul?.trim() ? { judul: values.judul.trim() } : {}),
      printer,
      ...(values.semua ? { force: true } : {}),
      onProgress: pdfSteps(progress, 'Mencetak PDF'),
      ...(tahun !== undefined ? { tahunBuku: tahun } : {}),
    });
  });
  progress.clear();
  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
  const rebuilt = result.pdfs.filter((p) => p.rebuilt).length;
  const hidden = sops.length - result.model.sops.length;
  const books = result.model.instansi.reduce((n, i) => n + i.books.length, 0);
  ctx.stdout(
    `${result.model.sops.length} SOP diterbitkan${hidden ? ` (${hidden} draf tidak diterbitkan)` : ''}, ${rebuilt} PDF dibuat ulang; ` +
      `${result.pages} halaman, ${result.indexed} SOP di indeks pencarian, ${books} buku → ${path.relative(ctx.cwd, result.dir) || '.'}/ (${seconds} dtk)\n`,
  );
  const refused = result.signatures.filter((s) => s.verdict && s.verdict.status !== 'sah');
  if (refused.length) {
    ctx.stdout(`Catatan: ${refused.length} PDF bertanda tangan tidak sah atau sudah tidak cocok dengan sumbernya dan tidak diterbitkan (SOP-nya diterbitkan sebagai salinan): ${refused.map((s) => s.file).join(', ')}. Jalankan "npx sop ttd" untuk rinciannya.\n`);
  }
  return EXIT.ok;
}

function parseTahun(value: string | undefined, now: Date): number {
  if (value === undefined) return now.getFullYear();
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`Tahun "${value}" tidak valid.`, 'Tulis tahun empat angka, misalnya --tahun 2024.');
  return Number(value.trim());
}
