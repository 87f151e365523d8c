// The two-thread check must say exactly what the single-thread one says.
import { describe, expect, it } from 'vitest';
import { generateSop, prng } from '../../scripts/bench/generate.ts';
import { collect } from '../../scripts/diagnostics/report.ts';
import { checkContent } from '../../scripts/validate/check-content.ts';
import { checkContentParallel } from '../../scripts/validate/check-parallel.ts';
import { contentSet, edit, INSTANSI, memoryAssets, png, SOP, type Files } from './helpers.ts';

describe('checkContentParallel', () => {
  it('gives the same diagnostics and SOPs as checkContent, across threads', async () => {
    const rand = prng(3);
    const files: Files = { 'dinas/instansi.yml': `${INSTANSI}logo: logo.png\n`, 'dinas/logo.png': png() };
    for (let i = 0; i < 400; i++) files[`dinas/sop-${String(i).padStart(3, '0')}.md`] = generateSop(rand, i, 'dinas');
    // Broken files in both halves, and a duplicate nomor across the halves.
    files['dinas/sop-005.md'] = edit(SOP, 'nama:', 'namma:');
    files['dinas/sop-350.md'] = edit(SOP, 'nama:', 'namma:');
    files['dinas/sop-399.md'] = files['dinas/sop-001.md']!;
    const set = contentSet(files);
    const assets = memoryAssets(files);
    const single = checkContent(set, assets);
    const parallel = await checkContentParallel(set, assets, 2);
    expect(collect(parallel.files)).toEqual(collect(single.files));
    expect(parallel.sops.map((s) => s.id)).toEqual(single.sops.map((s) => s.id));
    expect(parallel.sops).toEqual(single.sops);
    expect(collect(single.files).some((d) => d.ruleId === 'nomor-ganda')).toBe(true);
    expect(single.sops.length).toBeGreaterThan(390);
    // 800 SOP checks: seconds alone, far more on a machine shared by many processes.
  }, 120_000);
});
