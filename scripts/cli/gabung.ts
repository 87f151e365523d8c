// `sop gabung`: the province catalogue from the offices' published catalogues.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildGabungan } from '../federation/build-gabungan.ts';
import { DEFAULT_LIMITS } from '../federation/fetch.ts';
import { PER_BUNDLE } from '../federation/search-bundles.ts';
import { reportLines, summaryMarkdown } from '../federation/report.ts';
import { readSources } from '../federation/sources.ts';
import { projectDirs } from '../model/paths.ts';
import type { CheckContext } from './check.ts';
import { baseOption, EXIT, UsageError } from './usage.ts';

export const GABUNG_HELP = `Pemakaian: sop gabung [ALAMAT-SITUS | FOLDER ...] [--base-url ALAMAT] [--judul JUDUL]

Membangun satu katalog SOP gabungan (mis. untuk seluruh provinsi) di
output/gabungan/ dari catalogue.json yang diterbitkan situs SOP setiap kantor
(sop site). Tanpa argumen, daftar kantor dibaca dari gabungan.yml.

Setiap catalogue.json diunduh dengan batas waktu dan batas ukuran, diperiksa
terhadap schemas/katalog.schema.json, dan setiap tautannya harus http(s) ke
situs kantor itu sendiri. Katalog yang tidak dapat diunduh atau ditolak diganti
salinan baik terakhirnya (dari output/gabungan/data/), dan disebutkan; di
GitHub Actions juga di ringkasan job.

Hasilnya: beranda, katalog dengan saringan pemerintah daerah, instansi, unit,
status dan tahun, satu halaman ringkas per SOP yang menautkan halaman dan PDF
di situs kantornya, dan pencarian teks (Pagefind). Situs lama diganti hanya bila
pembangunan berhasil; masukan yang sama menghasilkan berkas yang sama persis.

Opsi:
  --base-url ALAMAT    awalan tautan bila situs tidak di akar domain (/sop/ atau
                       https://sop.provinsi.go.id/)
  --judul JUDUL        judul situs (bawaan: judul di gabungan.yml)
  --batas-waktu DETIK  batas waktu unduh per kantor (bawaan: ${DEFAULT_LIMITS.timeoutMs / 1000})
  --batas-ukuran MB    ukuran terbesar catalogue.json (bawaan: ${DEFAULT_LIMITS.maxBytes / (1024 * 1024)})
  --salinan FOLDER     simpan dan baca salinan baik terakhir setiap kantor di
                       FOLDER (mis. cache CI), bukan hanya di output/gabungan/data/
  --per-indeks N       jumlah SOP per bagian indeks pencarian (bawaan: ${PER_BUNDLE});
                       lebih kecil memakai lebih sedikit memori saat membangun,
                       bagian-bagiannya digabung di peramban
  -h, --help           tampilkan bantuan ini

Kode keluar: 0 berhasil (walau ada kantor yang memakai salinan lama), 1 tidak
ada katalog yang dapat dipakai, 2 salah pemakaian.
`;

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`Nilai ${name} "${value}" tidak valid.`, `Tulis angka lebih dari nol, mis. ${name} 20.`);
  return n;
}

export async function gabung(argv: string[], ctx: CheckContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'base-url': { type: 'string' },
      judul: { type: 'string' },
      'batas-waktu': { type: 'string' },
      'batas-ukuran': { type: 'string' },
      salinan: { type: 'string' },
      'per-indeks': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(GABUNG_HELP);
    return EXIT.ok;
  }
  const base = baseOption(values['base-url'], ctx.env, '--base-url /sop/ atau --base-url https://sop.provinsi.go.id/');
  const limits = {
    timeoutMs: positive(values['batas-waktu'], '--batas-waktu', DEFAULT_LIMITS.timeoutMs / 1000) * 1000,
    maxBytes: Math.round(positive(values['batas-ukuran'], '--batas-ukuran', DEFAULT_LIMITS.maxBytes / (1024 * 1024)) * 1024 * 1024),
  };
  const list = readSources(positionals, ctx.cwd);
  const started = performance.now();
  const result = await buildGabungan({
    root: ctx.cwd,
    outDir: projectDirs(ctx.cwd).output,
    list,
    base,
    limits,
    ...(values.salinan ? { salinan: path.resolve(ctx.cwd, values.salinan) } : {}),
    ...(values.judul?.trim() ? { judul: values.judul.trim() } : {}),
    perIndex: Math.ceil(positive(values['per-indeks'], '--per-indeks', PER_BUNDLE)),
  });
  for (const line of reportLines(result.outcomes)) ctx.stdout(`Peringatan: ${line}\n`);
  const summary = ctx.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, summaryMarkdown(result.outcomes, result.model.entries.length));
  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
  const used = result.outcomes.filter((o) => o.state !== 'gagal').length;
  ctx.stdout(
    `${result.model.entries.length} SOP dari ${used} dari ${result.outcomes.length} kantor; ${result.pages} halaman, ${result.indexed} SOP di indeks pencarian → ${path.relative(ctx.cwd, path.join(projectDirs(ctx.cwd).output, 'gabungan')) || '.'}/ (${seconds} dtk)\n`,
  );
  return EXIT.ok;
}
