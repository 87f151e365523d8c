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
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { CheckCache } from '../../scripts/validate/check-cache.ts';
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
  return { diagnostics: collect(result.files), project: projectOf(result, root), ok: result.ok, stats: cache?.stats };
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
  }, 300_000);
});
