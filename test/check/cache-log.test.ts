// The check cache's log (validate/check-cache-file.ts): a run that re-checked a few files appends
// them instead of writing the whole cache again, and what the log holds is trusted exactly as far
// as the base is: a torn record, a log beside another base, or a deleted file all fall back to a
// new base, and every run says what a run without the cache says.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/bench/generate.ts';
import { collect } from '../../scripts/diagnostics/report.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { cacheFile, CheckCache } from '../../scripts/validate/check-cache.ts';
import { checkContentParallel } from '../../scripts/validate/check-parallel.ts';

let root: string;
let files: string[];
let base: string;
let log: string;

/** One cached check on one thread; its hits and misses, and whether it says what an uncached one says. */
async function check() {
  const cache = CheckCache.open(root);
  const result = await checkContentParallel(readContent(root), probeAsset, 1, cache);
  cache.save();
  const plain = await checkContentParallel(readContent(root), probeAsset, 1);
  expect(collect(result.files)).toStrictEqual(collect(plain.files));
  expect(result.sops).toStrictEqual(plain.sops);
  return cache.stats;
}

const edit = (k: number, text: string) => writeFileSync(files[k]!, readFileSync(files[k]!, 'utf8').replace(/^nama: (.*)$/m, `nama: $1 ${text}`));

beforeAll(() => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sop-cache-log-'));
  process.env.XDG_STATE_HOME = path.join(tmp, 'state'); // this test's own machine key
  root = path.join(tmp, 'proyek');
  files = generateProject(root, 40);
  base = cacheFile(root);
  log = base.replace(/\.bin$/, '.log');
});

afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe('the check cache log', () => {
  it('appends a changed file, leaves the base as it was, and trusts the record next run', async () => {
    expect(await check()).toEqual({ hits: 0, misses: 40 });
    const before = readFileSync(base);
    expect(existsSync(log)).toBe(false);

    edit(3, 'satu');
    expect(await check()).toEqual({ hits: 39, misses: 1 });
    expect(readFileSync(base).equals(before)).toBe(true);
    expect(statSync(log).size).toBeGreaterThan(0);
    expect(statSync(log).size).toBeLessThan(before.length / 10);

    edit(3, 'dua');
    edit(9, 'dua');
    expect(await check()).toEqual({ hits: 38, misses: 2 });
    expect(await check()).toEqual({ hits: 40, misses: 0 });
    expect(readFileSync(base).equals(before)).toBe(true);
  });

  it('stops at a torn record: its files are checked again, and a new base replaces base and log', async () => {
    const size = statSync(log).size;
    truncateSync(log, size - 5); // a kill in the middle of the last append
    expect(await check()).toEqual({ hits: 38, misses: 2 }); // the last record held files 3 and 9
    expect(existsSync(log)).toBe(false);
    expect(await check()).toEqual({ hits: 40, misses: 0 });
  });

  it('ignores a log sealed over another base', async () => {
    edit(5, 'tiga');
    await check(); // a record with file 5 as it is now
    const record = readFileSync(log);
    const tiga = readFileSync(files[5]!);
    edit(5, 'empat');
    rmSync(base);
    expect(await check()).toEqual({ hits: 0, misses: 40 }); // a new base; the log goes
    expect(existsSync(log)).toBe(false);
    // The old record back beside the new base, and file 5 back to what it records: trusted, it would hit.
    writeFileSync(log, record);
    writeFileSync(files[5]!, tiga);
    expect(await check()).toEqual({ hits: 39, misses: 1 });
  });

  it('writes a new base when a file is gone or the log outgrows half the base', async () => {
    rmSync(files.pop()!);
    expect(await check()).toEqual({ hits: 39, misses: 0 });
    expect(existsSync(log)).toBe(false);
    let rounds = 0;
    const first = readFileSync(base);
    while (readFileSync(base).equals(first)) {
      edit(rounds % 30, `ubah ${rounds}`);
      expect(await check()).toEqual({ hits: 38, misses: 1 });
      rounds++;
      expect(rounds).toBeLessThan(60);
    }
    expect(rounds).toBeGreaterThan(5); // appended several times first
    expect(existsSync(log)).toBe(false);
  });
});
