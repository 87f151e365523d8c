// Same sources → the same bytes, for every file `sop site` publishes (SOP PDFs and signing
// manifests, yearly books, the site), not only for the sample SOPs (issue 14). One generated
// project of 50 SOPs is built clean three times, each with another print pool size, time zone
// and project folder, then rebuilt incrementally after a change and its undo; every run must
// give the same files, byte for byte.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/bench/generate.ts';
import { runSop } from '../support/run-sop.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sop = (cwd: string, env: Record<string, string>, args: string[]) => runSop(cwd, args, env);
const SOPS = 50;
const YEAR = '2024'; // the book edition; the default ("this year") would change with the clock
// A build of 50 SOPs takes seconds alone, minutes on a two-core machine shared by many jobs:
// the limit only catches a hang.
const SLOW = { timeout: 900_000 };

/** `sop site` (PDFs, books, site) with a pool size and a time zone; fails the test on exit ≠ 0. */
async function site(cwd: string, pool: number, tz: string): Promise<void> {
  const run = await sop(cwd, { SOP_POOL_SIZE: String(pool), TZ: tz }, ['site', '--tahun', YEAR]);
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
}

/**
 * Every published file under output/ → its SHA-256, by the path people open: output/pdf,
 * output/buku and output/site are links to complete sets in output/.sets/ (output/sets.ts), so
 * links are followed and the sets' own folder with its caches, like .cache/, is left out.
 */
function snapshot(outDir: string): Map<string, string> {
  const entries: Array<readonly [string, string]> = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir)) {
      const rel = prefix + name;
      if (rel === '.sets' || rel === '.cache') continue;
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      if (stat.isDirectory()) walk(file, `${rel}/`);
      else if (stat.isFile()) entries.push([rel, createHash('sha256').update(fs.readFileSync(file)).digest('hex')]);
    }
  };
  walk(outDir, '');
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Files that differ between two snapshots, or exist in only one. */
function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

/** Moves a project's output/ aside, so the next build starts clean. */
function keep(project: string, name: string): Map<string, string> {
  const out = path.join(project, 'output');
  const snap = snapshot(out);
  fs.renameSync(out, path.join(tmp, name));
  return snap;
}

let tmp: string;
let project: string;
let elsewhere: string;
const builds: Record<string, Map<string, string>> = {};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-determinism-'));
  project = path.join(tmp, 'proyek');
  // Every actor count the layout supports, long tables that break over pages, decisions.
  generateProject(project, SOPS, 14, { actors: [2, 8], rows: [5, 30] });
  fs.cpSync(path.join(ROOT, 'layouts'), path.join(project, 'layouts'), { recursive: true });
  // The same sources in another folder, with a space in its name, as on an officer's desktop.
  elsewhere = path.join(tmp, 'folder lain', 'sop');
  fs.cpSync(project, elsewhere, { recursive: true });
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('same sources, same bytes', () => {
  it('uses a project with 2 to 8 actors, decisions and tables of up to 30 rows', () => {
    const sources = fs.readdirSync(path.join(project, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(sources).toHaveLength(SOPS);
    const texts = sources.map((f) => fs.readFileSync(path.join(project, 'content', f), 'utf8'));
    const actors = texts.map((t) => /^pelaksana: \[(.*)\]$/m.exec(t)![1]!.split(', ').length);
    expect(Math.min(...actors)).toBe(2);
    expect(Math.max(...actors)).toBe(8);
    expect(texts.filter((t) => /\| (Ya|Lengkap|Setuju): \d+; Tidak: \d+ \|/.test(t)).length).toBeGreaterThanOrEqual(SOPS / 2);
    expect(Math.max(...texts.map((t) => t.match(/^\| \d+ \|/gm)!.length))).toBe(30);
  });

  it('builds every PDF, manifest, book and site page (clean, pool size 1, UTC)', SLOW, async () => {
    await site(project, 1, 'UTC');
    builds.a = keep(project, 'a');
    const files = [...builds.a.keys()];
    expect(files.filter((f) => /^pdf\/[^/]+\/[^/]+\.pdf$/.test(f))).toHaveLength(SOPS);
    expect(files.filter((f) => /^pdf\/.*\.ttd\.json$/.test(f))).toHaveLength(SOPS);
    expect(files.filter((f) => f.startsWith('buku/'))).toEqual([`buku/dinas-a-${YEAR}.pdf`, `buku/dinas-b-${YEAR}.pdf`]);
    expect(files.filter((f) => /^site\/sop\/.*\/index\.html$/.test(f))).toHaveLength(SOPS);
    expect(files).toContain('site/pagefind/pagefind-entry.json');
    // Page breaks really happen: some SOPs print an identity page and three procedure pages.
    const pdfs = files.filter((f) => f.startsWith('pdf/') && f.endsWith('.pdf'));
    const pages = pdfs.map((f) => fs.readFileSync(path.join(tmp, 'a', f), 'latin1').match(/\/Type \/Page\b/g)!.length);
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(4);
  });

  // One build per test: each may take minutes on a loaded machine.
  it('gives the same files from a clean build with pool size 2, in Asia/Jayapura, in another folder', SLOW, async () => {
    expect(builds.a, 'needs the first build').toBeDefined();
    await site(elsewhere, 2, 'Asia/Jayapura');
    builds.b = keep(elsewhere, 'b');
    expect(differing(builds.a!, builds.b)).toEqual([]);
  });

  it('gives the same files from a clean build with pool size 4, in America/Los_Angeles', SLOW, async () => {
    expect(builds.a, 'needs the first build').toBeDefined();
    await site(project, 4, 'America/Los_Angeles');
    builds.c = snapshot(path.join(project, 'output'));
    expect(differing(builds.a!, builds.c)).toEqual([]);
  });

  it('gives the same files again from an incremental rebuild after a change and its undo', SLOW, async () => {
    expect(builds.c, 'needs the clean builds').toBeDefined();
    const content = path.join(project, 'content', 'dinas-a', 'bidang-1', 'sop-0001.md');
    const original = fs.readFileSync(content, 'utf8');
    fs.writeFileSync(content, original.replace('| 1 | ', '| 1 | Segera '));
    // PDFs only: `sop site` below rebuilds the books and the site whole anyway.
    const build = await sop(project, { SOP_POOL_SIZE: '2', TZ: 'Asia/Jakarta' }, ['build']);
    expect(build.code, build.stdout).toBe(0);
    expect(differing(builds.c!, snapshot(path.join(project, 'output'))).filter((f) => f.startsWith('pdf/'))).toEqual(['pdf/dinas-a/sop-0001.pdf']);

    fs.writeFileSync(content, original);
    // Every source touched too: the cache goes by content, not by time.
    const later = new Date(Date.now() + 60_000);
    for (const f of fs.readdirSync(path.join(project, 'content'), { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(project, 'content', f), later, later);
    await site(project, 3, 'Pacific/Kiritimati');
    expect(differing(builds.a!, snapshot(path.join(project, 'output')))).toEqual([]);
  });
});
