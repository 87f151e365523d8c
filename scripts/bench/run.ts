// `npm run bench`: the performance figures of the README, measured in one run so they can be
// compared as ratios on a noisy machine.
//   1. `sop check` on 1,000 generated SOPs: cold against a bare parse (target: at most 0.5x), and
//      with its cache after one file changed (target: under 0.3 s and at most 0.1x cold).
//   2. `sop build` of N generated SOPs, cold, against a bare puppeteer-core baseline printing the
//      same HTML (target: at most 1.3x), then again after changing one SOP (target: under 3 s).
//   3. `sop book` from the warm PDFs, when the book command exists.
//   4. `sop impor` of 100 Word SOPs built like the office files of test/import/fixtures (target: under 20 s).
//   5. `sop gabung` over generated office catalogues (300 offices, 60,000 SOPs: target <= 120 s
//      and <= 1.5 GB, the memory of sop and its Pagefind indexers together), and the first
//      search result on the combined site in headless Chromium (target: median <= 500 ms).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectBaseUrl } from '../model/paths.ts';
import { measureSops, printHtmls } from '../pdf/print-html.ts';
import { planProcedure } from '../plan/procedure.ts';
import { Printer } from '../print/pool.ts';
import { layoutFiles } from '../layouts/files.ts';
import { loadLayouts } from '../render/document.ts';
import { fontDir } from '../kit/fonts.ts';
import { sopView } from '../view/sop-view.ts';
import { probeAsset } from '../source/assets.ts';
import { readContent } from '../source/content.ts';
import { checkContent } from '../validate/check-content.ts';
import { generateProject } from './generate.ts';
import { docx, DOCX_FILES } from '../../test/import/fixtures/make-docx.ts';
import { readDocument } from '../import/read.ts';
import { planWrite } from '../import/write.ts';
import { writeNew } from '../scaffold/write.ts';
import { runCheck } from '../validate/run.ts';
import { benchGabung } from './gabung.ts';
import { cacheFile } from '../validate/check-cache.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOP = path.join(ROOT, 'bin', 'sop.js');

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '500' },
    check: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'skip-build': { type: 'boolean' },
    'only-import': { type: 'boolean' },
    'only-check': { type: 'boolean' },
    import: { type: 'string', default: '100' },
    'gabung-kantor': { type: 'string', default: '300' },
    'gabung-sop': { type: 'string', default: '60000' },
    'skip-gabung': { type: 'boolean' },
    'only-gabung': { type: 'boolean' },
  },
});
const N = Number(values.n);
const CHECK_N = Number(values.check);
const RUNS = Number(values.runs);

function time(cmd: string, args: string[], cwd: string): number {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return seconds;
}

/** The floor the issue measures the check against: frontmatter YAML and Markdown (GFM) parsed, one thread, nothing else. */
function bareParse(dir: string): number {
  const files = readContent(dir).sops.map((raw) => raw.abs);
  const start = performance.now();
  const markdown = unified().use(remarkParse).use(remarkGfm);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const end = text.indexOf('\n---', 4);
    parseYaml(text.slice(4, end));
    markdown.parse(text.slice(end + 4));
  }
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number) => `${s.toFixed(2)} s`;

/** A project folder the CLI can run in: generated content, the repo's layouts. */
function project(count: number, name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sop-bench-${name}-`));
  generateProject(dir, count);
  symlinkSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'));
  return dir;
}

const report: string[] = [];
const say = (line: string) => {
  report.push(line);
  console.log(line);
};

say(`sop-press bench: ${os.availableParallelism()} cores, Node ${process.version}`);

// 4 first when asked alone: `npm run bench -- --only-import`.
function benchImport(): void {
  const count = Number(values.import);
  const src = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-impor-src-'));
  const kinds = Object.values(DOCX_FILES);
  for (let i = 0; i < count; i++) {
    const sops = kinds[i % kinds.length]!.map(({ sop, style }) => ({ sop: { ...sop, nomor: `${String(i + 1).padStart(3, '0')}/${sop.nomor}`, nama: `${sop.nama} ${i + 1}` }, style }));
    writeFileSync(path.join(src, `sop-${String(i + 1).padStart(3, '0')}.docx`), docx(sops));
  }
  const files = kinds.reduce((n, k, i) => n + k.length * Math.ceil((count - i) / kinds.length), 0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-impor-'));
  mkdirSync(path.join(dir, 'content'));
  const seconds = time(process.execPath, [SOP, 'impor', src, '--ke', 'content/impor'], dir);
  // The same stage in this process, with its CPU time: on a shared machine the wall clock mostly measures the neighbours.
  const again = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-impor-'));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const read = readdirSync(src).sort().map((n) => readDocument(n, readFileSync(path.join(src, n))));
  const plan = planWrite(read, 'content/impor', false);
  writeNew(again, plan.files);
  const read_ = (performance.now() - start) / 1000;
  runCheck(again);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  say(`impor   ${count} Word files (${files} SOP, shapes and connectors), written and checked: ${fmt(seconds)} (sop impor); in process ${fmt(wall)} of which reading and writing ${fmt(read_)}, CPU ${fmt((used.user + used.system) / 1e6)}, load average ${os.loadavg()[0]!.toFixed(1)}; target < 20 s`);
  rmSync(again, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  rmSync(src, { recursive: true, force: true });
}

// 5 alone: `npm run bench -- --only-gabung [--gabung-kantor 30 --gabung-sop 6000]`.
async function gabungSection(): Promise<void> {
  const offices = Number(values['gabung-kantor']);
  const sops = Number(values['gabung-sop']);
  const r = await benchGabung(SOP, offices, sops);
  say(
    `gabung  ${offices} kantor, ${sops} SOP: ${fmt(r.seconds)}, peak ${(r.peakMb / 1024).toFixed(2)} GB (sop + Pagefind; Pagefind alone ${(r.pagefindPeakMb / 1024).toFixed(2)} GB); CPU ${fmt(r.cpu.sop)} sop + ${fmt(r.cpu.pagefind)} Pagefind; ${r.pages} pages, ${r.mb.toFixed(0)} MB; target <= 120 s, <= 1.5 GB; load average before ${r.loadBefore}, after ${r.loadAfter}`,
  );
  const ms = (x: number) => `${Math.round(x)} ms`;
  const typed = r.search.map((t) => t.typedMs);
  const opened = r.search.map((t) => t.openedMs);
  say(
    `gabung  first search result, ${r.search.length} queries, each in a fresh browser context (nothing cached): typed into the search box, last key to first result median ${ms(median(typed))} (slowest ${ms(Math.max(...typed))}; includes the box's 250 ms pause for typing); opening cari/?q=… to first result median ${ms(median(opened))} (slowest ${ms(Math.max(...opened))}); target <= 500 ms; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  for (const t of r.search) say(`        ${JSON.stringify(t.query)}: typed ${ms(t.typedMs)}, opened ${ms(t.openedMs)}, ${t.results} shown`);
}

if (values['only-gabung']) {
  await gabungSection();
  process.exit(0);
}

if (values['only-import']) {
  benchImport();
  process.exit(0);
}

// 1. check: cold (no cache), against a bare one-thread parse of the same files; then with the
//    cache of the previous run, unchanged and with one file changed (validate/check-cache.ts).
{
  const dir = project(CHECK_N, 'check');
  const cache = cacheFile(dir);
  const cold = Array.from({ length: RUNS }, () => {
    rmSync(cache, { force: true });
    return time(process.execPath, [SOP, 'check'], dir);
  });
  const bare = Array.from({ length: RUNS }, () => bareParse(dir));
  time(process.execPath, [SOP, 'check'], dir); // leaves the cache of the current content
  const warm = Array.from({ length: RUNS }, () => time(process.execPath, [SOP, 'check'], dir));
  const edited = readContent(dir).sops[Math.floor(CHECK_N / 2)]!.abs;
  const original = readFileSync(edited, 'utf8');
  const changed = Array.from({ length: RUNS }, (_, k) => {
    writeFileSync(edited, original.replace(/^nama: (.*)$/m, `nama: $1 (ubah ${k + 1})`));
    return time(process.execPath, [SOP, 'check'], dir);
  });
  writeFileSync(edited, original);
  const c = median(cold);
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  say(`check   ${CHECK_N} SOP cold (no cache): median ${fmt(c)} of ${RUNS} runs (${cold.map(fmt).join(', ')}); bare one-thread parse (YAML + remark-gfm) ${fmt(median(bare))}: ratio ${(c / median(bare)).toFixed(2)}x (target <= 0.5x)`);
  say(`check   ${CHECK_N} SOP with the cache, one file changed: median ${fmt(median(changed))} (${changed.map(fmt).join(', ')}) = ${(median(changed) / c).toFixed(2)}x cold (target <= 0.3 s and <= 0.1x); nothing changed: ${fmt(median(warm))} = ${(median(warm) / c).toFixed(2)}x cold`);
  say(`check   load average (1 / 5 / 15 min) after these runs: ${load}`);
  rmSync(dir, { recursive: true, force: true });
}
if (values['only-check']) process.exit(0);

if (!values['skip-build']) {
  const dir = project(N, 'build');
  // 2a. cold build, as an officer runs it.
  const cold = time(process.execPath, [SOP, 'build'], dir);

  // 2b. the same HTML the pipeline printed, printed by the bare baseline.
  const htmlDir = path.join(dir, 'html');
  mkdirSync(htmlDir);
  const sops = checkContent(readContent(dir), probeAsset).sops;
  const printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] });
  const layouts = loadLayouts(layoutFiles(dir));
  const printed = await printHtmls(printer, layouts, sops, projectBaseUrl(dir));
  const measured = await measureSops(printer, layouts, sops, projectBaseUrl(dir));
  await printer.close();
  // Flowchart layout (rows sized for the flow, pagination, routing, labels), Node only.
  {
    const rounds = 3;
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const sop of sops) planProcedure(sopView(sop), sop.steps, measured.get(sop.id)!);
    const perSop = (performance.now() - start) / rounds / sops.length;
    const rows = sops.reduce((n, s) => n + s.steps.length, 0) / sops.length;
    say(`layout  ${sops.length} SOP (${rows.toFixed(1)} rows on average): ${perSop.toFixed(2)} ms per SOP (plan, pages, flowchart, SVG; mean of ${rounds} rounds)`);
  }
  sops.forEach((sop, i) => writeFileSync(path.join(htmlDir, `${String(i).padStart(5, '0')}.html`), printed.get(sop.id)!));
  const baseOut = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-baseline-'));
  const baseline = time(process.execPath, [path.join(ROOT, 'scripts/bench/baseline-cli.ts'), htmlDir, baseOut, dir], dir);
  say(`build   ${N} SOP cold: ${fmt(cold)}; bare baseline (same Chromium, same HTML): ${fmt(baseline)}; ratio ${(cold / baseline).toFixed(2)}x (target <= 1.3x)`);

  // 2c. one SOP changed.
  const first = path.join(dir, 'content', 'dinas-a', 'bidang-1', 'sop-0001.md');
  writeFileSync(first, readFileSync(first, 'utf8').replace('| 1 | ', '| 1 | Segera '));
  const one = time(process.execPath, [SOP, 'build'], dir);
  const none = time(process.execPath, [SOP, 'build'], dir);
  say(`rebuild ${N} SOP after changing one: ${fmt(one)} (target < 3 s); with nothing changed: ${fmt(none)}`);

  // 3. the book, from warm PDFs.
  if (existsSync(path.join(ROOT, 'scripts', 'cli', 'book.ts'))) {
    const book = time(process.execPath, [SOP, 'book'], dir);
    say(`book    ${N} SOP from warm PDFs: ${fmt(book)}`);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(baseOut, { recursive: true, force: true });
}

// 4. import
benchImport();
// 5. the province catalogue.
if (!values['skip-gabung']) await gabungSection();
