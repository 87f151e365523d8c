// The persistent check cache (validate/check-cache.ts): a check that reuses it says exactly what
// a check without it says, re-reads only what changed, and trusts nothing this machine did not write.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/bench/generate.ts';
import { collect } from '../../scripts/diagnostics/report.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { CheckCache, cacheFile } from '../../scripts/validate/check-cache.ts';
import { forgetTracked } from '../../scripts/output/vouch.ts';
import { projectOf } from '../../scripts/validate/check-content.ts';
import { checkContentParallel } from '../../scripts/validate/check-parallel.ts';

const COUNT = 320; // above two workers' threshold: the worker path fills the cache too

let root: string;
let files: string[];

/** One check of the project on two threads, with the cache (as the commands run it) or without. */
async function check(cached: boolean) {
  const cache = cached ? CheckCache.open(root) : undefined;
  const result = await checkContentParallel(readContent(root), probeAsset, 2, cache);
  cache?.save();
  return { result, diagnostics: collect(result.files), project: projectOf(result, root), stats: cache?.stats };
}

beforeAll(() => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sop-cache-'));
  // This test's own machine key (vouch.ts), so the user's state is untouched.
  process.env.XDG_STATE_HOME = path.join(tmp, 'state');
  root = path.join(tmp, 'proyek');
  files = generateProject(root, COUNT);
  // A per-file error and a cross-file one (duplicate nomor), so both kinds cross the cache.
  writeFileSync(files[7]!, readFileSync(files[7]!, 'utf8').replace('nama:', 'namma:'));
  writeFileSync(files[300]!, readFileSync(files[2]!));
});

afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe('sop check cache', () => {
  it('gives the same diagnostics and Project with and without it, and re-reads only the file edited', async () => {
    const plain = await check(false);
    expect(plain.diagnostics.some((d) => d.ruleId === 'nomor-ganda')).toBe(true);
    expect(plain.diagnostics.some((d) => d.file.endsWith('sop-0008.md'))).toBe(true);

    const first = await check(true);
    expect(first.stats).toEqual({ hits: 0, misses: COUNT });
    const warm = await check(true);
    expect(warm.stats).toEqual({ hits: COUNT, misses: 0 });
    for (const run of [first, warm]) {
      expect(run.diagnostics).toStrictEqual(plain.diagnostics);
      expect(run.project).toStrictEqual(plain.project);
      expect(run.result.ok).toBe(plain.result.ok);
    }

    // One file gets a new error; the cross-file finding on the others still stands.
    const edited = files[41]!;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/^nomor: .*$/m, 'nomor: 12'));
    const after = await check(true);
    expect(after.stats).toEqual({ hits: COUNT - 1, misses: 1 });
    const fresh = await check(false);
    expect(after.diagnostics).toStrictEqual(fresh.diagnostics);
    expect(after.project).toStrictEqual(fresh.project);
    const rel = path.relative(root, edited).split(path.sep).join('/');
    const added = after.diagnostics.filter((d) => !plain.diagnostics.some((p) => JSON.stringify(p) === JSON.stringify(d)));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((d) => d.file === rel)).toBe(true);
    expect(plain.diagnostics.filter((d) => !after.diagnostics.some((a) => JSON.stringify(a) === JSON.stringify(d)))).toEqual([]);
  }, 300_000);

  it('ignores a cache this machine did not seal, one git tracks, and one reached through a link; writes none out of the project', async () => {
    await check(true);
    const file = cacheFile(root);
    const sealed = readFileSync(file);
    // The first test's edit was appended to the log (check-cache-file.ts): it goes with the base.
    const log = file.replace(/\.bin$/, '.log');
    const sealedLog = existsSync(log) ? readFileSync(log) : undefined;
    // Forged: the same entries under another seal (as a pull request would have to write it).
    const forged = Buffer.from(sealed);
    forged.fill(7, 0, 32);
    writeFileSync(file, forged);
    expect((await check(true)).stats).toEqual({ hits: 0, misses: COUNT });

    // Committed: sealed by this machine, yet it came with the sources.
    writeFileSync(file, sealed);
    if (sealedLog) writeFileSync(log, sealedLog);
    expect((await check(true)).stats).toEqual({ hits: COUNT, misses: 0 });
    const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root }).status).toBe(0);
    git('init', '-q');
    git('add', '-f', path.relative(root, file));
    forgetTracked(); // a command asks git once (vouch.ts); this test changed the answer mid-process
    expect((await check(true)).stats).toEqual({ hits: 0, misses: COUNT });
    rmSync(path.join(root, '.git'), { recursive: true, force: true });
    forgetTracked();

    // A link: the cache's bytes live outside the project.
    const outside = path.join(path.dirname(root), 'elsewhere.bin');
    await check(true);
    writeFileSync(outside, readFileSync(file));
    rmSync(file);
    mkdirSync(path.dirname(file), { recursive: true });
    symlinkSync(outside, file);
    expect((await check(true)).stats).toEqual({ hits: 0, misses: COUNT });

    // An output/ that leads out of the project: nothing is written there.
    const away = path.join(path.dirname(root), 'away');
    mkdirSync(away);
    rmSync(path.join(root, 'output'), { recursive: true, force: true });
    symlinkSync(away, path.join(root, 'output'));
    await check(true);
    expect(readdirSync(away)).toEqual([]);
  }, 300_000);
});
