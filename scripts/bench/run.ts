// `npm run bench`: the performance figures of the README, measured in one run so they can be
// compared as ratios on a noisy machine.
//   1. `sop check` on 1,000 generated SOPs: cold against a bare parse (target: at most 0.5x), and
//      with its cache after one file changed (target: under 0.3 s and at most 0.1x cold); the
//      preview's save -> updated page (target: under 0.3 s).
//   2. `sop build` of N generated SOPs, cold, against a bare puppeteer-core baseline printing the
//      same HTML (target: at most 0.5x; interleaved runs, medians), then after changing one SOP
//      (target: at most 2 s) and with nothing changed (target: at most 0.2x a cold check of the
//      same content). As installed (what offices run), like 3.
//   3. `sop book` of a 200-SOP book, cold and after changing one SOP (target: at most 0.3x cold).
//   4. `sop impor` of 100 Word SOPs built like the office files of test/import/fixtures (target: under 20 s).
//   5. `sop gabung` over generated office catalogues (300 offices, 60,000 SOPs: target <= 120 s
//      and <= 1.5 GB, the memory of sop and its Pagefind indexers together), and the first
//      search result on the combined site in headless Chromium (target: median <= 500 ms).
//   6. A 4-way sharded build (`sop build --bagian i/4`, assembled by `sop site --dari-bagian`)
//      of 400 SOPs gives the same bytes as the unsharded `sop site`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { projectBaseUrl } from '../model/paths.ts';
import { measureSops, printHtmls } from '../pdf/print-html.ts';
import { planProcedure } from '../plan/procedure.ts';
import { Printer } from '../print/pool.ts';
import { finishPdf } from '../print/finish-pdf.ts';
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
import { benchSharded } from './bagian.ts';
import { cacheFile } from '../validate/check-cache.ts';
import { installedSop } from './installed.ts';
import { timedWithCpu, type CpuSplit } from './cpu.ts';
import { benchPreview } from './preview.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOP = path.join(ROOT, 'bin', 'sop.js');

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '500' },
    book: { type: 'string', default: '200' },
    check: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'skip-build': { type: 'boolean' },
    'only-import': { type: 'boolean' },
    'only-check': { type: 'boolean' },
    'only-build': { type: 'boolean' },
    import: { type: 'string', default: '100' },
    'gabung-kantor': { type: 'string', default: '300' },
    'gabung-sop': { type: 'string', default: '60000' },
    'skip-gabung': { type: 'boolean' },
    'bagian-sop': { type: 'string', default: '400' },
    'skip-bagian': { type: 'boolean' },
    'only-bagian': { type: 'boolean' },
    'only-gabung': { type: 'boolean' },
  },
});
const N = Number(values.n);
const BOOK_N = Number(values.book);
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

/** CPU seconds of this process's finished children so far (Linux /proc; 0 elsewhere). */
function childCpu(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in ticks of 1/100 s
  } catch {
    return 0;
  }
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
async function benchImport(): Promise<void> {
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
  await runCheck(again);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  say(`impor   ${count} Word files (${files} SOP, shapes and connectors), written and checked: ${fmt(seconds)} (sop impor); in process ${fmt(wall)} of which reading and writing ${fmt(read_)}, CPU ${fmt((used.user + used.system) / 1e6)}, load average ${os.loadavg()[0]!.toFixed(1)}; target < 20 s`);
  rmSync(again, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  rmSync(src, { recursive: true, force: true });
}

// 6. the CI matrix: `npm run bench -- --only-bagian [--bagian-sop 40]`.
function benchBagian(): void {
  const count = Number(values['bagian-sop']);
  const r = benchSharded(SOP, ROOT, count, 4);
  const slowest = Math.max(...r.shares);
  say(
    `bagian  ${count} SOP in 4 shares: identical ${r.differing.length ? `no (${r.differing.length} of ${r.files} files differ: ${r.differing.slice(0, 5).join(', ')})` : `yes (${r.files} files: PDFs, books, site)`}; ` +
      `unsharded sop site ${fmt(r.single)}; shares ${r.shares.map(fmt).join(', ')} (slowest ${fmt(slowest)}); assembly ${fmt(r.assemble)}; slowest share + assembly ${fmt(slowest + r.assemble)} = ${((slowest + r.assemble) / r.single).toFixed(2)}x unsharded (CI job start-up not counted)`,
  );
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

if (values['only-bagian']) {
  benchBagian();
  process.exit(0);
}
if (values['only-gabung']) {
  await gabungSection();
  process.exit(0);
}

if (values['only-import']) {
  await benchImport();
  process.exit(0);
}

// sop as an office installs it (the bundle in dist/, scripts/bench/installed.ts): what the build
// and book figures run, and the check's second form.
const INSTALLED = await installedSop(ROOT);
process.on('exit', () => rmSync(path.dirname(path.dirname(INSTALLED)), { recursive: true, force: true }));

// 1. check: cold (no cache), against a bare one-thread parse of the same files; then with the
//    cache of the previous run, unchanged and with one file changed (validate/check-cache.ts);
//    from the sources (type stripping) and as installed (dist/, scripts/bench/installed.ts).
if (!values['only-build']) {
  const dir = project(CHECK_N, 'check');
  const cache = cacheFile(dir);
  const edited = readContent(dir).sops[Math.floor(CHECK_N / 2)]!.abs;
  const original = readFileSync(edited, 'utf8');
  // With the CPU time of each run (all its threads; Linux): on a shared machine the wall clock mostly measures the neighbours.
  const forms = [['sources', SOP], ['installed', INSTALLED]] as const;
  type Form = (typeof forms)[number][0];
  const runs = () => ({ wall: [] as number[], cpu: [] as number[] });
  const figures = Object.fromEntries(forms.map(([name]) => [name, { cold: runs(), warm: runs(), changed: runs() }])) as Record<Form, Record<'cold' | 'warm' | 'changed', ReturnType<typeof runs>>>;
  const run = (form: Form, sop: string, kind: 'cold' | 'warm' | 'changed') => {
    const before = childCpu();
    figures[form][kind].wall.push(time(process.execPath, [sop, 'check'], dir));
    figures[form][kind].cpu.push(childCpu() - before);
  };
  // The bare parse runs in this process, its runs one after another (alternated with the checks'
  // child processes it ran up to 1.6x slower, which would flatter the ratio).
  const bare = runs();
  for (let r = 0; r < RUNS; r++) {
    const before = process.cpuUsage();
    bare.wall.push(bareParse(dir));
    const used = process.cpuUsage(before);
    bare.cpu.push((used.user + used.system) / 1e6);
  }
  // The forms' cold runs alternate, so both see the same machine.
  for (let r = 0; r < RUNS; r++) {
    for (const [name, sop] of forms) {
      rmSync(cache, { force: true });
      run(name, sop, 'cold');
    }
  }
  for (const [name, sop] of forms) {
    time(process.execPath, [sop, 'check'], dir); // leaves this form's cache of the current content
    for (let r = 0; r < RUNS; r++) run(name, sop, 'warm');
    for (let k = 0; k < RUNS; k++) {
      writeFileSync(edited, original.replace(/^nama: (.*)$/m, `nama: $1 (ubah ${k + 1})`));
      run(name, sop, 'changed');
    }
    writeFileSync(edited, original);
  }
  for (const [name] of forms) {
    const { cold, warm, changed } = figures[name];
    const c = median(cold.wall);
    say(`check   ${CHECK_N} SOP cold (no cache), ${name}: median ${fmt(c)} of ${RUNS} runs (${cold.wall.map(fmt).join(', ')}); bare one-thread parse (YAML + remark-gfm): median ${fmt(median(bare.wall))} (${bare.wall.map(fmt).join(', ')}): ratio ${(c / median(bare.wall)).toFixed(2)}x (target <= 0.5x)`);
    say(`check   ${CHECK_N} SOP with the cache, one file changed, ${name}: median ${fmt(median(changed.wall))} (${changed.wall.map(fmt).join(', ')}) = ${(median(changed.wall) / c).toFixed(2)}x cold (target <= 0.3 s and <= 0.1x); nothing changed: ${fmt(median(warm.wall))} = ${(median(warm.wall) / c).toFixed(2)}x cold`);
    say(`check   CPU time (median, all threads), ${name}: cold ${fmt(median(cold.cpu))}, one file changed ${fmt(median(changed.cpu))}, nothing changed ${fmt(median(warm.cpu))}; bare parse CPU ${fmt(median(bare.cpu))}`);
  }
  const installedCold = median(figures.installed.cold.wall);
  // What any cached check pays before it decodes a result or parses a file: the command itself
  // (Node's start and sop's code, on a project without SOPs), and reading and hashing every source
  // and the cache file (the cache is keyed by content, so every byte is read).
  const empty = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-kosong-'));
  mkdirSync(path.join(empty, 'content'));
  time(process.execPath, [INSTALLED, 'check'], dir); // the cache of the content as it is
  const many = (args: string[], cwd: string) => median(Array.from({ length: 3 * RUNS }, () => time(process.execPath, args, cwd)));
  const node = many(['-e', '0'], dir);
  const command = many([INSTALLED, 'check'], empty);
  const readAll = "const fs=require('fs'),path=require('path'),c=require('crypto');const walk=(d)=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);if(e.isDirectory())walk(p);else if(e.name.endsWith('.md'))c.hash('sha256',fs.readFileSync(p));}};walk('content');c.hash('sha256',fs.readFileSync('output/.cache/check.bin'));";
  const bytes = many(['-e', readAll], dir) - node;
  // Checking one SOP in a fresh process (its instansi.yml cached): the parser, the validators and
  // the flowchart layout loaded and run once, as a check of one changed file must.
  const one = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-satu-'));
  const sample = readContent(dir).sops[0]!;
  const instansiYml = path.join(path.dirname(path.dirname(sample.abs)), 'instansi.yml');
  mkdirSync(path.join(one, 'content', 'dinas'), { recursive: true });
  writeFileSync(path.join(one, 'content', 'dinas', 'instansi.yml'), readFileSync(instansiYml));
  const oneSop = median(
    Array.from({ length: 3 * RUNS }, () => {
      const sop = path.join(one, 'content', 'dinas', 'sop.md');
      rmSync(sop, { force: true });
      rmSync(path.join(one, 'output', '.cache'), { recursive: true, force: true });
      time(process.execPath, [INSTALLED, 'check'], one); // the instansi.yml cached, no SOP yet
      writeFileSync(sop, readFileSync(sample.abs));
      return time(process.execPath, [INSTALLED, 'check'], one);
    }),
  );
  rmSync(one, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
  const floor = command + bytes + (oneSop - command);
  say(
    `check   floor of a cached check with one file changed (installed): sop check of a project without SOPs ${fmt(command)} (Node's start alone ${fmt(node)}); reading and hashing the ${CHECK_N} sources and the cache file ${fmt(bytes)}; ` +
      `checking one SOP in a fresh process ${fmt(oneSop - command)} (a one-SOP project ${fmt(oneSop)} less the empty one); together ${fmt(floor)} = ${(floor / installedCold).toFixed(2)}x cold, before a result of the other files is decoded or a rule across files runs`,
  );
  say(`check   load average (1 / 5 / 15 min) after these runs: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  rmSync(dir, { recursive: true, force: true });
}
// 1b. the preview: save -> page updated in headless Chromium (scripts/bench/preview.ts).
if (!values['only-build']) {
  const saves = await benchPreview(ROOT, 10);
  say(`preview save -> page updated in the browser: median ${(median(saves) / 1000).toFixed(2)} s of ${saves.length} saves (${saves.map((ms) => Math.round(ms)).join(', ')} ms; target <= 0.3 s); load average ${os.loadavg()[0]!.toFixed(1)}`);
}
if (values['only-check']) process.exit(0);

if (!values['skip-build']) {
  const dir = project(N, 'build');
  // 2a. the HTML the pipeline prints (measured, planned, rendered as `sop build` does), for the baseline.
  const htmlDir = path.join(dir, 'html');
  mkdirSync(htmlDir);
  const sops = checkContent(readContent(dir), probeAsset).sops;
  const printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] });
  const layouts = loadLayouts(layoutFiles(dir));
  const printed = await printHtmls(printer, layouts, sops, projectBaseUrl(dir));
  const measured = await measureSops(printer, layouts, sops, projectBaseUrl(dir));
  // Finishing a printed PDF (pdf-lib: parse, structure ids, metadata, signature field, save), Node only.
  {
    const sample = sops.slice(0, 40);
    const pdfs = [];
    for (const sop of sample) {
      const { paper } = sopView(sop);
      pdfs.push(await printer.printPdf(printed.get(sop.id)!, { baseUrl: projectBaseUrl(dir), width: `${paper.widthMm}mm`, height: `${paper.heightMm}mm` }));
    }
    const start = performance.now();
    for (const p of pdfs) await finishPdf(p.pdf, { title: 'SOP', subject: 'SOP', author: 'Dinas', keywords: ['SOP'], language: 'id', date: new Date(0), signature: { fieldName: 'ttd', page: 0, rect: { x: 10, y: 10, width: 100, height: 50 } } });
    say(`finish  ${sample.length} printed SOPs: ${((performance.now() - start) / sample.length).toFixed(2)} ms per SOP (pdf-lib: parse, structure ids, metadata, signature field, save)`);
  }
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

  // 2b. cold build, as an officer runs it, against the bare baseline printing the same HTML with
  //     the same Chromium: interleaved (which goes first alternates), so both see the same load.
  const loadBefore = os.loadavg()[0]!;
  const coldRuns: CpuSplit[] = [];
  const bareRuns: CpuSplit[] = [];
  const coldBuild = async () => {
    rmSync(path.join(dir, 'output'), { recursive: true, force: true });
    coldRuns.push(await timedWithCpu(process.execPath, [INSTALLED, 'build'], dir));
  };
  const baseline = async () => bareRuns.push(await timedWithCpu(process.execPath, [path.join(ROOT, 'scripts/bench/baseline-cli.ts'), htmlDir, baseOut, dir], dir));
  for (let r = 0; r < RUNS; r++) for (const run of r % 2 ? [baseline, coldBuild] : [coldBuild, baseline]) await run();
  const cold = coldRuns.map((c) => c.wall);
  const bare = bareRuns.map((c) => c.wall);
  const ratios = cold.map((c, i) => (c / bare[i]!).toFixed(2));
  say(
    `build   ${N} SOP cold (installed): median ${fmt(median(cold))} (${cold.map(fmt).join(', ')}); bare baseline (same Chromium, same HTML): median ${fmt(median(bare))} (${bare.map(fmt).join(', ')}); ` +
      `ratio of medians ${(median(cold) / median(bare)).toFixed(2)}x, per run ${ratios.join(', ')} (target <= 0.5x); load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`,
  );
  // Whether the processors bound it, and whose work: Chromium's, or sop's own Node (the rest).
  const split = (runs: CpuSplit[]) => {
    const busy = median(runs.map((r) => r.busy));
    const chromium = median(runs.map((r) => r.chromium));
    return `CPU busy ${fmt(busy)} (${Math.round(100 * median(runs.map((r) => r.share)))}% of ${os.availableParallelism()} cores), Chromium ${fmt(chromium)}, the rest (its Node, the system) ${fmt(median(runs.map((r) => r.busy - r.chromium)))}`;
  };
  say(`build   where the processors went (medians; Chromium's processes sampled every 0.2 s): cold build ${split(coldRuns)}; bare baseline ${split(bareRuns)}`);

  // 2c. one SOP changed (target <= 2 s), and nothing changed (target <= 0.2x a cold check of the
  //     same content, no browser): each nothing-changed build right after a cold check (which
  //     leaves the cache of the content as it is), so both see the same load; medians.
  const first = path.join(dir, 'content', 'dinas-a', 'bidang-1', 'sop-0001.md');
  const source = readFileSync(first, 'utf8');
  const one = median(Array.from({ length: RUNS }, (_, k) => (writeFileSync(first, source.replace('| 1 | ', `| 1 | Segera ${k + 1} `)), time(process.execPath, [INSTALLED, 'build'], dir))));
  const checkCold: number[] = [];
  const checkNone: number[] = [];
  const none: number[] = [];
  for (let r = 0; r < 3 * RUNS; r++) {
    rmSync(cacheFile(dir), { force: true });
    checkCold.push(time(process.execPath, [INSTALLED, 'check'], dir));
    none.push(time(process.execPath, [INSTALLED, 'build'], dir));
    checkNone.push(time(process.execPath, [INSTALLED, 'check'], dir));
  }
  const coldCheck = median(checkCold);
  say(
    `rebuild ${N} SOP (installed) after changing one: median ${fmt(one)} (target <= 2 s); nothing changed: median ${fmt(median(none))} = ${(median(none) / coldCheck).toFixed(2)}x a cold check of the same content (median ${fmt(coldCheck)}; target <= 0.2x), ` +
      `against sop check of the same content with its cache, nothing changed: ${fmt(median(checkNone))} = ${(median(checkNone) / coldCheck).toFixed(2)}x (the build stops its check at the fingerprint, pdf/up-to-date.ts); ${none.length} of each, alternated; load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  rmSync(dir, { recursive: true, force: true });
  rmSync(baseOut, { recursive: true, force: true });

  // 3. `sop book` of one BOOK_N-SOP book (--instansi dinas-a): cold (no output/ at all: every
  //    PDF printed), then after changing one of its SOPs (target <= 0.3x cold); medians.
  const books = project(2 * BOOK_N, 'book');
  const book = () => time(process.execPath, [INSTALLED, 'book', '--instansi', 'dinas-a', '--diam'], books);
  const bookCold = median(Array.from({ length: RUNS }, () => (rmSync(path.join(books, 'output'), { recursive: true, force: true }), book())));
  const edited = path.join(books, 'content', 'dinas-a', 'bidang-1', 'sop-0001.md');
  const text = readFileSync(edited, 'utf8');
  const bookOne = median(Array.from({ length: RUNS }, (_, k) => (writeFileSync(edited, text.replace('| 1 | ', `| 1 | Segera ${k + 1} `)), book())));
  say(`book    ${BOOK_N}-SOP book: cold ${fmt(bookCold)}; one SOP changed ${fmt(bookOne)} = ${(bookOne / bookCold).toFixed(2)}x cold (target <= 0.3x); medians of ${RUNS}`);
  rmSync(books, { recursive: true, force: true });
}

// 4. import
await benchImport();
// 5. the province catalogue.
if (!values['skip-gabung']) await gabungSection();
// 6. the CI matrix.
if (!values['skip-bagian']) benchBagian();
