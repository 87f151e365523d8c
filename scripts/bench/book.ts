// Benchmark of `sop book`: N generated SOPs (scripts/bench/generate.ts) in a temporary project,
// their PDFs built once (cold), then the books assembled from those warm PDFs, twice.
//
//   node scripts/bench/book.ts [N=500]
//
// Prints the time per stage; the figure that matters is "buku (PDF hangat)": assembling every
// book when no SOP needs printing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBooks, type BookRun } from '../book/build-book.ts';
import { runCheck } from '../validate/run.ts';
import { projectOf } from '../validate/check-stages.ts';
import { Printer } from '../print/pool.ts';
import { fontDir } from '../kit/fonts.ts';
import { generateProject } from './generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const n = Number(process.argv[2] ?? 500);
if (!Number.isInteger(n) || n < 1) {
  process.stderr.write('Pemakaian: node scripts/bench/book.ts [JUMLAH_SOP]\n');
  process.exit(2);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function report(label: string, run: BookRun, ms: number): void {
  const pages = run.books.reduce((a, b) => a + b.assembled.pageCount, 0);
  const bytes = run.books.reduce((a, b) => a + b.assembled.pdf.byteLength, 0);
  process.stdout.write(`${label}: ${s(ms)} (PDF SOP ${s(run.timings.pdf)}, susun buku ${s(run.timings.buku)}), ${run.books.length} buku, ${pages} halaman, ${(bytes / 1e6).toFixed(1)} MB\n`);
  const stages = new Map<string, number>();
  for (const b of run.books) for (const [k, v] of Object.entries(b.assembled.timings)) if (k !== 'penataan' && k !== 'muatLambat') stages.set(k, (stages.get(k) ?? 0) + v);
  process.stdout.write(`  per tahap: ${[...stages].map(([k, v]) => `${k} ${s(v)}`).join(', ')}\n`);
  process.stdout.write(`  penataan daftar isi: ${run.books.map((b) => b.assembled.timings.penataan).join(', ')} kali; PDF SOP dibaca lambat (cadangan): ${run.books.reduce((a, b) => a + (b.assembled.timings.muatLambat ?? 0), 0)}\n`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-press-bench-book-'));
const printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] });
try {
  fs.cpSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'), { recursive: true });
  generateProject(dir, n);
  const { result } = await runCheck(dir);
  if (!result.ok) throw new Error('Sumber SOP hasil generator tidak lolos sop check.');
  process.stdout.write(`${result.sops.length} SOP di ${dir}, ${printer.poolSize} halaman peramban\n`);
  const options = { tahun: 2024, printer: async () => printer };
  const project = projectOf(result, dir);

  let t = performance.now();
  const cold = await buildBooks(project, options);
  report('dingin (semua PDF SOP dicetak)', cold, performance.now() - t);

  // Warm: nothing to print. (The cache key includes sop-press's own code: if it changed during
  // the cold run, e.g. while developing, the PDFs are rebuilt once more; measure again then.)
  let warm: BookRun;
  let ms: number;
  let tries = 0;
  do {
    t = performance.now();
    warm = await buildBooks(project, options);
    ms = performance.now() - t;
  } while (warm.pdfs.some((p) => p.rebuilt) && ++tries < 3);
  if (warm.pdfs.some((p) => p.rebuilt)) process.stdout.write('catatan: PDF SOP masih dicetak ulang (kode sop-press berubah selama pengukuran)\n');
  report('buku (PDF hangat)', warm, ms);

  t = performance.now();
  const again = await buildBooks(project, options);
  report('buku (PDF hangat, ulang)', again, performance.now() - t);
  const same = warm.books.every((b, i) => Buffer.from(b.assembled.pdf).equals(Buffer.from(again.books[i]!.assembled.pdf)));
  process.stdout.write(`hasil identik antarjalan: ${same ? 'ya' : 'TIDAK'}\n`);
} finally {
  await printer.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
