// `sop build`: check, then print every valid SOP to PDF.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPdfs, type BuiltPdf } from '../pdf/build-pdfs.ts';
import { likelyToPrint } from './print-hint.ts';
import { collect } from '../diagnostics/report.ts';
import { explainFsErrors } from '../output/fs-errors.ts';
import { describeHolder, lockFile, withProjectLock, type LockHolder } from '../output/lock.ts';
import { committedOutput, peekMade } from '../output/sets.ts';
import { formatGithub, formatHuman } from '../diagnostics/format.ts';
import type { Printer } from '../print/pool.ts';
import type { Project } from '../model/project.ts';
import { projectOf } from '../validate/check-stages.ts';
import { packageDirs } from '../print/package-dirs.ts';
import type { CheckContext } from './check.ts';
import { createProgress, pdfSteps, progressMode, type Progress } from './progress.ts';
import { runCheckParallel, runCheckUnlessCurrent, type RunOptions } from '../validate/run.ts';
import type { CheckResult } from '../validate/check-stages.ts';
import { awaitingSignature, currentMade, inputsKey, madeInputs, rememberMade, type AwaitingSignature, type Made } from '../pdf/up-to-date.ts';
import { sharedInputsHash } from '../pdf/inputs.ts';
import { layoutFiles } from '../layouts/files.ts';
import { projectDirs } from '../model/paths.ts';
import { EXIT, UsageError } from './usage.ts';
import { label, owns, parseBagian, type Bagian } from '../bagian/split.ts';
import { describeShard, SHARD_FILE } from '../bagian/shard.ts';

export const BUILD_HELP = `Pemakaian: sop build [--semua] [--html] [--bagian I/N] [--diam]

Memeriksa content/ lalu mencetak setiap SOP yang valid menjadi PDF resmi
(halaman identitas + halaman prosedur dengan bagan alir) di
output/pdf/<instansi>/<slug>.pdf, beserta manifes tanda tangan elektronik
(<slug>.ttd.json). PDF yang sudah ditandatangani secara elektronik disimpan
kembali di ttd/<slug>.pdf di samping sumbernya (lihat sop ttd). SOP yang sumber, instansi.yml, tata letak dan asetnya
tidak berubah sejak pembangunan terakhir dilewati; bila tidak satu berkas pun
berubah dan PDF di output/pdf masih utuh, sop build langsung selesai dengan
laporan yang sama seperti sebelumnya. PDF milik SOP yang sudah
dihapus atau diganti namanya ikut dibersihkan dari output/pdf/.

Opsi:
  --semua      bangun ulang semua PDF, abaikan cache
  --html       tulis juga <slug>.html di samping setiap PDF: halaman HTML
               mandiri (huruf dan logo tertanam) yang persis dicetak menjadi
               PDF itu, untuk dibuka di peramban
  --bagian I/N cetak hanya bagian ke-I dari N (untuk matriks CI dengan N job):
               setiap SOP selalu jatuh ke bagian yang sama, di mesin mana pun.
               output/pdf hanya berisi PDF bagian ini beserta bagian.json; job
               lain merakitnya dengan sop site --dari-bagian (lihat panduan 12.3)
  --diam       tanpa laporan kemajuan (di terminal: tahap, n/N, SOP yang
               sedang dicetak dan waktu; di CI atau bila disalurkan: satu baris
               per tahap)
  -h, --help   tampilkan bantuan ini

Memerlukan Chrome, Chromium atau Edge. Bila tidak ditemukan otomatis,
isi variabel PUPPETEER_EXECUTABLE_PATH dengan lokasi programnya.

Kode keluar: 0 berhasil, 1 ada galat di isi SOP, 2 salah pemakaian atau
peramban tidak ditemukan.
`;

/** Check content; on errors print them and return undefined. Shared by build, book and site. */
/** `onRead`: called once content/ is read, while the check goes on (see validate/run.ts). */
export async function checkedProject(ctx: CheckContext, progress?: Progress, onRead?: RunOptions['onRead']): Promise<Project | undefined> {
  requireContent(ctx);
  const { result } = await runCheckParallel(ctx.cwd, [], { saveOnlyIfOk: true, ...(onRead ? { onRead } : {}) });
  return passed(ctx, result, progress) ? projectOf(result, ctx.cwd) : undefined;
}

function requireContent(ctx: CheckContext): void {
  if (!existsSync(projectDirs(ctx.cwd).content)) {
    throw new UsageError('Folder content/ tidak ditemukan di folder ini maupun di atasnya.', 'Pindah ke folder proyek SOP (yang berisi content/), atau buat proyek baru dengan sop mulai.');
  }
}

/** Says what the check found (its errors, or how many warnings) and whether a build may go on. */
function passed(ctx: CheckContext, result: CheckResult, progress?: Progress): boolean {
  const diagnostics = collect(result.files);
  progress?.finished('Memeriksa content/', `${result.files.length} berkas`);
  if (!result.ok) {
    if (ctx.env.GITHUB_ACTIONS === 'true') ctx.stdout(formatGithub(diagnostics));
    ctx.stdout(formatHuman(diagnostics.filter((d) => d.severity === 'galat'), ctx.isTTY && !ctx.env.NO_COLOR, result.files.length));
    ctx.stdout('Pembangunan dibatalkan: perbaiki galat di atas lalu jalankan lagi. Berkas di output/ tidak diubah.\n');
    return false;
  }
  ctx.stdout(warningsNote(diagnostics.length));
  const tracked = committedOutput(projectDirs(ctx.cwd).output);
  if (tracked) {
    ctx.stdout(
      `Catatan: git melacak ${tracked} berkas di output/. Berkas itu tidak dipakai ulang (bisa saja bukan buatan sop dari sumber ini): semua PDF dan buku dibangun ulang dari content/. ` +
        'Keluarkan output/ dari git dengan "git rm -r --cached output" dan tambahkan baris "output/" ke .gitignore.\n',
    );
  }
  return true;
}

function warningsNote(warnings: number): string {
  return warnings ? `Catatan: sop check memberi ${warnings} peringatan (bukan galat); jalankan "npm run cek" (atau "npx sop check") untuk rinciannya.\n` : '';
}

/** Launches the browser on first use and closes it at the end. */
export function lazyPrinter(root: string): { get: () => Promise<Printer>; close: () => Promise<void> } {
  let printer: Promise<Printer> | undefined;
  return {
    // Loaded with the browser: a build with nothing to print needs neither (nor pdf-lib).
    get: () => (printer ??= import('../print/pool.ts').then(({ Printer }) => Printer.launch({ allowedDir: root, extraDirs: packageDirs() }))),
    close: async () => {
      if (printer) await (await printer.catch(() => undefined))?.close();
    },
  };
}

/** The progress reporter of a command run with (or without) `--diam`. */
export function commandProgress(ctx: CheckContext, diam: boolean | undefined): Progress {
  return createProgress(progressMode({ diam, env: ctx.env, stderrTTY: Boolean(process.stderr.isTTY) }));
}

/**
 * Runs `fn` holding the project's lock (another build, book, site or preview build of the same
 * project is waited for, and named), with a browser started on first use, and always closes it
 * (errors go to main.ts).
 */
export async function withPrinter<T>(root: string, command: string, fn: (get: () => Promise<Printer>) => Promise<T>, printer = lazyPrinter(root)): Promise<T> {
  const onWait = (holder: LockHolder) =>
    process.stderr.write(
      `Menunggu ${describeHolder(holder)} selesai: perintah itu sedang membangun hasil proyek ini. ${command} berlanjut sendiri sesudahnya (tekan Ctrl+C untuk membatalkan). ` +
        `Bila perintah itu ternyata sudah tidak berjalan, hapus berkas ${lockFile(root)}.\n`,
    );
  return withProjectLock(root, command, async () => {
    try {
      // A read-only, blocked or full disk: said in Indonesian with the path, not as Node's error.
      return await explainFsErrors(root, () => fn(printer.get));
    } finally {
      await printer.close();
    }
  }, { onWait });
}

export function summarizePdfs(sops: number, rebuilt: number, root: string): string {
  return `${sops} SOP: ${rebuilt} PDF dibuat, ${sops - rebuilt} tidak berubah → ${path.relative(root, projectDirs(root).pdf) || '.'}/\n`;
}

export async function build(argv: string[], ctx: CheckContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { semua: { type: 'boolean' }, html: { type: 'boolean' }, bagian: { type: 'string' }, diam: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(BUILD_HELP);
    return EXIT.ok;
  }
  const bagian = values.bagian === undefined ? undefined : bagianOption(values.bagian);
  const progress = commandProgress(ctx, values.diam);
  const browser = lazyPrinter(ctx.cwd);
  // Sources written since the last build: the browser starts while the check runs (print-hint.ts).
  const start = () => void browser.get().catch(() => undefined); // a failure is reported if printing needs it
  if (values.semua) start();
  const onRead: RunOptions['onRead'] = (set) => {
    if (!values.semua && likelyToPrint(ctx.cwd, set)) start();
  };
  const outDir = projectDirs(ctx.cwd).output;
  // Only a plain build records what it was made from, and may find it has nothing to do (pdf/up-to-date.ts).
  const plain = !values.semua && !values.html && !bagian;
  let shared: string | undefined;
  const keyOf = (fingerprint: string) => inputsKey(fingerprint, (shared ??= sharedInputsHash(layoutFiles(ctx.cwd))));
  let outcome: { said: Made } | { built: BuiltPdf[] };
  try {
    requireContent(ctx);
    const checked = plain ? await checkUnlessMade(ctx, keyOf, onRead) : (await runCheckParallel(ctx.cwd, [], { saveOnlyIfOk: true, onRead })).result;
    if ('said' in checked) outcome = checked;
    else {
      if (!passed(ctx, checked, progress)) return EXIT.invalid;
      const project = projectOf(checked, ctx.cwd);
      const built = await withPrinter(
        ctx.cwd,
        'sop build',
        async (printer) => {
          const pdfs = await buildPdfs(project.sops, {
            root: project.root,
            force: Boolean(values.semua),
            prune: true,
            printer,
            ...(shared ? { shared } : {}),
            ...(values.html ? { html: { allowedDirs: [ctx.cwd, ...packageDirs()] } } : {}),
            onProgress: pdfSteps(progress, 'Mencetak PDF'),
            ...(bagian ? shareOptions(bagian) : {}),
          });
          if (plain && checked.fingerprint) {
            const said = { files: checked.files.length, warnings: collect(checked.files).length, sops: pdfs.length, awaiting: awaitingSignature(pdfs, ctx.cwd) };
            rememberMade(outDir, { inputs: keyOf(checked.fingerprint), ...said });
          }
          return pdfs;
        },
        browser,
      );
      outcome = { built };
    }
  } finally {
    await browser.close();
  }
  if ('said' in outcome) {
    // What the build that made these PDFs said, as it said it.
    progress.finished('Memeriksa content/', `${outcome.said.files} berkas`);
    ctx.stdout(warningsNote(outcome.said.warnings));
  }
  progress.clear();
  const { sops, rebuilt, awaiting } =
    'said' in outcome
      ? { sops: outcome.said.sops, rebuilt: 0, awaiting: outcome.said.awaiting }
      : { sops: outcome.built.length, rebuilt: outcome.built.filter((b) => b.rebuilt).length, awaiting: awaitingSignature(outcome.built, ctx.cwd) };
  ctx.stdout((bagian ? `Bagian ${label(bagian)}: ` : '') + summarizePdfs(sops, rebuilt, ctx.cwd));
  if (bagian) ctx.stdout(`${SHARD_FILE} mencatat bagian ini. Rakit situs atau buku dari folder output/pdf setiap bagian dengan sop site --dari-bagian FOLDER (atau sop book --dari-bagian FOLDER).\n`);
  ctx.stdout(signingNote(awaiting, ctx.cwd));
  return EXIT.ok;
}

/**
 * The check of a plain build, unless the PDFs shown were made from the inputs it finds: then what
 * their build said (pdf/up-to-date.ts), once their set is verified under the project's lock as
 * any reuse is. A file of the set changed since: the whole check after all, and the build reprints it.
 */
async function checkUnlessMade(ctx: CheckContext, keyOf: (fingerprint: string) => string, onRead: RunOptions['onRead']): Promise<CheckResult | { said: Made }> {
  const outDir = projectDirs(ctx.cwd).output;
  const options = { saveOnlyIfOk: true, ...(onRead ? { onRead } : {}) };
  const checked = await runCheckUnlessCurrent(ctx.cwd, (fingerprint) => madeInputs(peekMade(outDir, 'pdf')) === keyOf(fingerprint), options);
  if (!('current' in checked)) return checked;
  const key = keyOf(checked.fingerprint);
  const said = await withPrinter(ctx.cwd, 'sop build', async () => currentMade(outDir, key), lazyPrinter(ctx.cwd));
  return said ? { said } : (await runCheckParallel(ctx.cwd, [], options)).result;
}

/** `--bagian 2/4`; a usage error with an example otherwise. */
function bagianOption(value: string): Bagian {
  const parsed = parseBagian(value);
  if (typeof parsed === 'string') throw new UsageError(parsed, 'Contoh: --bagian 1/4 sampai --bagian 4/4 untuk matriks CI dengan empat job.');
  return parsed;
}

/** Prints only the share of `b`, and describes it in the set for the job that assembles. */
function shareOptions(b: Bagian): Pick<Parameters<typeof buildPdfs>[1], 'only' | 'extra'> {
  return {
    only: (sop) => owns(b, sop.id),
    extra: ({ dir, built, hash }) => ({ [SHARD_FILE]: describeShard(b, dir, built, hash) }),
  };
}

/** Where each PDF awaiting an electronic signature goes back once signed (ttd/ beside its source). */
export function signingNote(awaiting: readonly AwaitingSignature[], root: string): string {
  // One listing per ttd/ folder rather than a stat per SOP: most SOPs of a build await signing.
  const listed = new Map<string, Set<string>>();
  const signed = (rel: string) => {
    const dir = path.join(root, path.dirname(rel));
    let names = listed.get(dir);
    if (!names) {
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = new Set();
      }
      listed.set(dir, names);
    }
    return names.has(path.basename(rel)) && existsSync(path.join(root, rel));
  };
  const waiting = awaiting.filter((a) => !signed(a.signed));
  if (!waiting.length) return '';
  return (
    `${waiting.length} PDF menunggu tanda tangan elektronik. Setelah ditandatangani (aplikasi TTE BSrE atau penanda tangan PAdES lain), simpan PDF bertanda tangan di:\n` +
    waiting.map((a) => `  ${a.pdf} → ${a.signed}\n`).join('') +
    'lalu jalankan "npm run ttd" (atau "npx sop ttd") untuk memeriksanya.\n'
  );
}
