// Every way the commands check content says the same thing: one thread without the cache
// (checkContent, what the preview ran), two threads (the worker path), and with the cache, cold
// and warm (validate/check-cache.ts). Over the repository's content (derived from the real seed
// SOPs: book pages, monev results, three instansi), every hostile input of hostile.ts, and
// mutations of the seeds that give per-file and cross-file findings.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../scripts/diagnostics/report.ts';
import { machineMac } from '../../scripts/output/vouch.ts';
import { sopInputsHash } from '../../scripts/pdf/inputs.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { cacheFile, CheckCache, decodeStored, encodeStored } from '../../scripts/validate/check-cache.ts';
import { checkContent, projectOf } from '../../scripts/validate/check-content.ts';
import { checkContentParallel } from '../../scripts/validate/check-parallel.ts';
import { HOSTILE } from './hostile.ts';

const REPO = new URL('../../', import.meta.url).pathname;
let tmp: string;
let root: string;

/** Seed SOPs, each with one mistake an officer makes (the same mistake over many files: linear). */
const MUTATIONS: Array<(text: string, k: number) => string> = [
  (t) => t,
  (t, k) => t.replace(/^nomor: .*$/m, `nomor: "999/${k}"`),
  (t) => t.replace(/^nama:/m, 'namma:'),
  (t) => t.replace(/^tanggal_pembuatan: .*$/m, 'tanggal_pembuatan: 31-02-2024'),
  (t) => t.replace(/\| 1 \|/, '| 1 | x |'),
  (t) => t.replace(/^---\n/, ''),
  (t, k) => t.replace(/^nama: .*$/m, `nama: Salinan ${k}`).replace(/^keterkaitan:.*$/m, 'keterkaitan:\n  - SOP Yang Tidak Ada Di Sini Sama Sekali'),
];

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sop-cache-eq-'));
  process.env.XDG_STATE_HOME = path.join(tmp, 'state'); // this test's own machine key
  root = path.join(tmp, 'proyek');
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  const seeds = readContent(root).sops.map((raw) => raw.abs);
  // Enough files for the worker path (check-parallel.ts: 150 per thread).
  for (let k = 0; k < 320; k++) {
    const seed = seeds[k % seeds.length]!;
    const copy = path.join(path.dirname(seed), 'salinan', `${path.basename(seed, '.md')}-${k}.md`);
    mkdirSync(path.dirname(copy), { recursive: true });
    writeFileSync(copy, MUTATIONS[k % MUTATIONS.length]!(readFileSync(seed, 'utf8'), k));
  }
  const hostile = path.join(path.dirname(seeds[0]!), 'rusak');
  mkdirSync(hostile);
  HOSTILE.forEach((h, i) => writeFileSync(path.join(hostile, `berkas-${i}.md`), h.sop(0.25)));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function parallel(cached: boolean) {
  const cache = cached ? CheckCache.open(root) : undefined;
  const result = await checkContentParallel(readContent(root), probeAsset, 2, cache);
  cache?.save();
  return { diagnostics: collect(result.files), project: projectOf(result, root), ok: result.ok, stats: cache?.stats, instansi: cache?.instansiStats };
}

/** The check on one thread without any cache: what every cached run must say. */
function uncached() {
  const one = checkContent(readContent(root), probeAsset);
  return { diagnostics: collect(one.files), project: projectOf(one, root), ok: one.ok };
}

/** A cached run after `change`: the same as without the cache, having re-checked `instansi` instansi.yml files. */
async function afterChange(change: () => void, instansi: number) {
  change();
  const run = await parallel(true);
  const plain = uncached();
  expect(run.diagnostics).toStrictEqual(plain.diagnostics);
  expect(run.project).toStrictEqual(plain.project);
  expect(run.ok).toBe(plain.ok);
  expect(run.instansi?.misses).toBe(instansi);
  return { run, plain };
}

describe('sop check, with and without its cache and workers', () => {
  it('gives identical diagnostics (with positions) and an identical Project', async () => {
    process.env.SOP_HARI_INI = '2026-12-07';
    const one = checkContent(readContent(root), probeAsset);
    const plain = { diagnostics: collect(one.files), project: projectOf(one, root), ok: one.ok };
    // The fixture exercises what it claims to: findings of each kind, on many files.
    const rules = new Set(plain.diagnostics.map((d) => d.ruleId));
    for (const rule of ['nomor-ganda', 'kunci-tak-dikenal', 'keterkaitan-tak-dikenal', 'frontmatter-tidak-ada', 'prosa-terlalu-rumit']) expect(rules, rule).toContain(rule);
    expect(plain.project.sops.length).toBeGreaterThan(40);
    expect(plain.project.monev?.length ?? 0).toBeGreaterThan(0);
    expect(readdirSync(path.join(root, 'content')).length).toBe(3);

    const workers = await parallel(false);
    const cold = await parallel(true);
    const warm = await parallel(true);
    expect(cold.stats?.hits).toBe(0);
    expect(warm.stats?.misses).toBe(0);
    for (const run of [workers, cold, warm]) {
      expect(run.diagnostics).toStrictEqual(plain.diagnostics);
      expect(run.project).toStrictEqual(plain.project);
      expect(run.ok).toBe(plain.ok);
    }
    expect(warm.instansi).toEqual({ hits: 3, misses: 0 });
  }, 300_000);

  it("gives a build the same inputs hash for a cached SOP without decoding its steps", async () => {
    process.env.SOP_HARI_INI = '2026-12-07';
    await parallel(true); // the cache of the content as it is
    const warm = await checkContentParallel(readContent(root), probeAsset, 2, CheckCache.open(root));
    const plain = checkContent(readContent(root), probeAsset);
    const stillEncoded = (sop: object) => typeof Object.getOwnPropertyDescriptor(sop, 'steps')?.get === 'function';
    expect(warm.sops.length).toBe(plain.sops.length);
    expect(warm.sops.every(stillEncoded)).toBe(true);
    const hashes = warm.sops.map((s) => sopInputsHash(s, 'bersama', root));
    expect(warm.sops.every(stillEncoded)).toBe(true);
    expect(hashes).toEqual(plain.sops.map((s) => sopInputsHash(s, 'bersama', root)));
    // The steps count: another step order is another hash.
    const [first] = plain.sops;
    expect(sopInputsHash({ ...first!, steps: [...first!.steps].reverse() }, 'bersama', root)).not.toBe(hashes[0]);
  }, 300_000);

  it('says the same after one SOP, an instansi.yml, its logo or the tool changed', async () => {
    process.env.SOP_HARI_INI = '2026-12-07';
    await parallel(true);
    const sops = readContent(root).sops;
    const [yml] = readContent(root).instansi;
    const logo = path.join(path.dirname(yml!.abs), 'logo.svg');
    const ymlText = readFileSync(yml!.abs, 'utf8');

    // One SOP: that file is checked again, no instansi.yml is.
    const sop = sops[5]!.abs;
    const one = await afterChange(() => writeFileSync(sop, readFileSync(sop, 'utf8').replace(/^nomor: .*$/m, 'nomor: "800/1/Ubah"')), 0);
    expect(one.run.stats).toEqual({ hits: sops.length - 1, misses: 1 });

    // instansi.yml gets a logo and another name: it and the SOPs below it are checked again.
    writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>');
    const named = await afterChange(() => writeFileSync(yml!.abs, `${ymlText.replace(/^nama: .*$/m, 'nama: Nama Baru')}\nlogo: logo.svg\n`), 1);
    expect(named.run.stats!.misses).toBeGreaterThan(0);
    expect(named.plain.project.instansi.some((i) => i.logo?.endsWith('logo.svg') && i.nama === 'Nama Baru')).toBe(true);
    expect((await parallel(true)).instansi).toEqual({ hits: 3, misses: 0 });

    // The logo's bytes change, the instansi.yml's do not: the cached verdict on it is not trusted.
    const broken = await afterChange(() => writeFileSync(logo, 'bukan gambar'), 1);
    expect(broken.plain.diagnostics.some((d) => d.file === path.relative(root, yml!.abs).split(path.sep).join('/') && d.severity === 'galat')).toBe(true);
    const fixed = await afterChange(() => writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle r="20" cx="20" cy="20"/></svg>'), 1);
    expect(fixed.plain.ok).toBe(one.plain.ok);

    // Another tool (its code or schemas changed: toolIdentity): a cache it sealed is not this one's.
    const file = cacheFile(root);
    const body = readFileSync(file).subarray(32);
    const stored = decodeStored(body);
    const other = encodeStored({ ...stored, tool: `${stored.tool}-lain` });
    writeFileSync(file, Buffer.concat([machineMac('sop-check-cache', other), other]));
    const tool = await afterChange(() => undefined, 3);
    expect(tool.run.stats).toEqual({ hits: 0, misses: sops.length });
  }, 300_000);
});
