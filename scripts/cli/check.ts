// `sop check`: validate content/ (or the given paths) and print diagnostics.
import { appendFileSync, existsSync, lstatSync, statSync } from 'node:fs';
import type { Sop } from '../model/sop.ts';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatCodeQuality, githubSummary } from '../diagnostics/ci-reports.ts';
import { collect } from '../diagnostics/report.ts';
import { formatGithub, formatHuman, formatJson, WATCH_BEGINS_TEXT, type OutputFormat } from '../diagnostics/format.ts';
import { watchTree } from '../source/watch-tree.ts';
import { runCheckParallel } from '../validate/run.ts';
import { projectDirs, SIGNED_DIR, signedPdfPath } from '../model/paths.ts';
import { EXIT, UsageError } from './usage.ts';

export const CHECK_HELP = `Pemakaian: sop check [BERKAS|FOLDER …] [--format human|json|github|codequality] [--pantau]

Memeriksa sumber SOP di content/ (atau hanya berkas/folder yang disebut): frontmatter,
tabel prosedur, alur (kolom Lanjut), tanggal, NIP, nomor ganda dan keterkaitan. Juga:
- hasil monitoring dan evaluasi (content/<instansi>/monev/*.yml) dan tenggatnya
  (SOP_HARI_INI=TTTT-BB-HH menetapkan tanggal hari ini);
- PDF bertanda tangan elektronik di ttd/<nama-berkas>.pdf di samping sumbernya: cetakan
  sumber yang sekarang, hanya tanda tangan yang ditambahkan, tanda tangan utuh, dan rantai
  sertifikat ke sertifikat akar di content/<instansi>/ttd/akar/ (dibandingkan dengan PDF
  hasil sop build terakhir; tanpanya, peringatan ttd-belum-dicocokkan).

Opsi:
  --format human   tampilan untuk dibaca (bawaan), berwarna di terminal
  --format json    daftar temuan dalam JSON
  --format github  anotasi GitHub Actions (otomatis bila GITHUB_ACTIONS=true),
                   dengan daftar lengkap di ringkasan job ($GITHUB_STEP_SUMMARY)
  --format codequality
                   laporan Code Quality GitLab (JSON) untuk merge request
  --pantau         tetap berjalan dan periksa ulang setiap kali berkas di content/
                   disimpan (tugas "sop pantau" VS Code memakainya); Ctrl+C berhenti
  -h, --help       tampilkan bantuan ini

Kode keluar: 0 tidak ada galat, 1 ada galat di isi SOP, 2 salah pemakaian.
`;

export interface CheckContext {
  /** The project root (cli/project-root.ts): the folder holding content/. */
  cwd: string;
  /** Where the command was typed, when not the root: paths given on the command line are relative to it. */
  here?: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  isTTY: boolean;
}

export async function check(argv: string[], ctx: CheckContext): Promise<number> {
  // parseArgs would say this in English ("argument missing" / "ambiguous").
  const f = argv.indexOf('--format');
  if (f !== -1 && (f === argv.length - 1 || argv[f + 1]!.startsWith('-'))) {
    throw new UsageError('Opsi "--format" memerlukan nilai.', 'Tulis --format human, --format json, --format github atau --format codequality.');
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, pantau: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    ctx.stdout(CHECK_HELP);
    return EXIT.ok;
  }
  const format = (values.format ?? (ctx.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human')) as OutputFormat | 'codequality';
  if (!['human', 'json', 'github', 'codequality'].includes(format)) {
    throw new UsageError(`Format "${format}" tidak dikenal.`, 'Pilih --format human, json, github atau codequality.');
  }
  const here = ctx.here ?? ctx.cwd;
  for (const p of positionals) {
    if (!existsSync(path.resolve(here, p))) throw new UsageError(`Berkas atau folder "${p}" tidak ditemukan.`);
  }
  if (!existsSync(projectDirs(ctx.cwd).content)) {
    throw new UsageError('Folder content/ tidak ditemukan di folder ini maupun di atasnya.', 'Pindah ke folder proyek SOP (yang berisi content/), atau buat proyek baru dengan sop mulai.');
  }
  // Only content/ is checked: a path elsewhere would quietly check nothing and pass.
  const contentDir = path.join(ctx.cwd, 'content');
  for (const p of positionals) {
    const rel = path.relative(contentDir, path.resolve(here, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new UsageError(`"${p}" berada di luar folder content/, sehingga tidak dapat diperiksa.`, 'sop check hanya memeriksa SOP di dalam content/: sebut berkas atau folder di dalamnya (mis. content/dinas/sop.md), atau jalankan sop check tanpa nama berkas untuk memeriksa semuanya.');
    }
  }
  const paths = positionals.map((p) => path.resolve(here, p));
  if (values.pantau) {
    if (format !== 'human') throw new UsageError('Opsi --pantau hanya untuk tampilan human.', 'Jalankan sop check --pantau tanpa --format.');
    return watchContent(ctx, paths);
  }
  return report(ctx, format, paths);
}

/** Some SOP has a ttd/ entry beside it (a folder, a link, anything): the only place signatures/check.ts reads. */
function signedFolders(root: string, sops: Sop[]): boolean {
  const dirs = new Set(sops.map((s) => path.join(root, path.dirname(s.path), SIGNED_DIR)));
  for (const dir of dirs) {
    try {
      lstatSync(dir);
      return true;
    } catch {
      // none here
    }
  }
  return false;
}

/** One check, printed in `format`; the exit code it deserves. */
async function report(ctx: CheckContext, format: OutputFormat | 'codequality', paths: string[]): Promise<number> {
  const { result, shown } = await runCheckParallel(ctx.cwd, paths);
  // Signed PDFs (ttd/<slug>.pdf) of the SOPs shown, reported at the PDF.
  const wanted = paths.map((p) => path.relative(ctx.cwd, p).split(path.sep).join('/').replace(/\/$/, ''));
  const under = (file: string) => !wanted.length || wanted.some((w) => w === '' || file === w || file.startsWith(`${w}/`));
  const sops = result.sops.filter((s) => under(s.path) || under(signedPdfPath(s)));
  // The signature check (pdf-lib, the PDF pipeline) is loaded only where a ttd/ folder could hold
  // something to report: loading it is a third of a cached check's time.
  const signatures = signedFolders(ctx.cwd, sops) ? await (await import('../signatures/check.ts')).checkSignatures(ctx.cwd, sops) : { files: [] };
  shown.push(...signatures.files);
  const diagnostics = collect(shown);
  if (format === 'json') ctx.stdout(formatJson(diagnostics));
  else if (format === 'codequality') ctx.stdout(formatCodeQuality(diagnostics));
  else if (format === 'github') {
    ctx.stdout(formatGithub(diagnostics));
    if (ctx.env.GITHUB_STEP_SUMMARY) appendFileSync(ctx.env.GITHUB_STEP_SUMMARY, githubSummary(diagnostics, shown.length));
    ctx.stdout(formatHuman(diagnostics, false, shown.length));
  } else ctx.stdout(formatHuman(diagnostics, ctx.isTTY && !ctx.env.NO_COLOR, shown.length));
  return diagnostics.some((d) => d.severity === 'galat') ? EXIT.invalid : EXIT.ok;
}

/**
 * `--pantau`: check, then again after every save, until Ctrl+C. Each round starts with a line
 * WATCH_BEGINS matches and ends with the summary WATCH_ENDS matches (diagnostics/format.ts):
 * VS Code's background problem matcher (scaffold/templates.ts) replaces the Problems panel's
 * findings each round.
 */
async function watchContent(ctx: CheckContext, paths: string[]): Promise<number> {
  const clock = () => new Date().toLocaleTimeString('id-ID', { hour12: false });
  let running = Promise.resolve();
  let queued = false;
  const round = (why: string) => {
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      ctx.stdout(`${WATCH_BEGINS_TEXT} ${why} (${clock()})\n`);
      await report(ctx, 'human', paths);
      ctx.stdout('Menunggu perubahan berkas… (Ctrl+C untuk berhenti)\n');
    });
  };
  round('content/');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changed = new Set<string>();
  const watcher = watchTree(projectDirs(ctx.cwd).content, (rel) => {
    if (rel) changed.add(`content/${rel}`);
    // A save fires several events (write, rename): one round per burst.
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A folder reports a change of what it holds as its own: name the files when there are.
      const all = [...changed].sort();
      changed = new Set();
      const files = all.filter((rel) => !statSync(path.join(ctx.cwd, rel), { throwIfNoEntry: false })?.isDirectory());
      const names = files.length ? files : all;
      round(names.length === 1 ? names[0]! : names.length ? `${names.length} berkas` : 'content/');
    }, 100);
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  return EXIT.ok;
}
