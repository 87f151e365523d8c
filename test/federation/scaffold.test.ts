// `sop mulai --gabungan`: a province repository whose gabungan.yml reads as sop gabung expects
// and whose CI (GitHub Actions, GitLab) runs nightly and on demand, pinned like the office one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mulai } from '../../scripts/cli/mulai.ts';
import { UsageError } from '../../scripts/cli/usage.ts';
import { readSources } from '../../scripts/federation/sources.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(path.join(os.tmpdir(), 'sop-gabungan-scaffold-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
}

describe('sop mulai --gabungan', async () => {
  const out: string[] = [];
  const ctx = { cwd: temp, env: {}, stdout: (s: string) => out.push(s), isTTY: false };
  const code = await mulai(['sop-provinsi', '--gabungan'], ctx);
  const dir = path.join(temp, 'sop-provinsi');
  const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');

  it('writes the province repository and says what to do next', () => {
    expect(code).toBe(0);
    expect(out.join('')).toContain('.github/workflows/gabungan.yml');
    expect(out.join('')).toContain('npm run gabung');
    expect(JSON.parse(read('package.json'))).toMatchObject({ private: true, scripts: { gabung: 'sop gabung' } });
    expect(read('.gitignore')).toContain('.salinan-gabungan/');
  });

  it('gabungan.yml is read as sop gabung reads it', () => {
    const list = readSources([], dir);
    expect(list.judul).toBe('Katalog SOP Provinsi Contoh');
    expect(list.sources.map((s) => s.id)).toEqual(['dinas-kominfo-contoh-go-id-sop', 'bkpsdm']);
  });

  it('the GitHub workflow is valid, nightly and on demand, keeps the copies in a cache, and pins actions to commit SHAs like the office workflow', () => {
    const text = read('.github/workflows/gabungan.yml');
    expect(text).toBe(readFileSync(path.join(ROOT, 'templates/gabungan/github-actions.yml'), 'utf8'));
    expect(validateWorkflow(text).errors).toEqual([]);
    const wf = parse(text) as Workflow;
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']));
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    expect(steps.map((s) => s.run ?? '').join('\n')).toMatch(/npx sop gabung --salinan \.salinan-gabungan --base-url/);
    expect(steps.find((s) => s.uses?.startsWith('actions/cache@'))!.with!.path).toBe('.salinan-gabungan');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with!.path).toBe('output/gabungan');
    const office = parse(readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
    const pinned = new Map(Object.values(office.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses.split('@') as [string, string]] : []))));
    for (const s of steps.filter((s) => s.uses)) {
      const [action, version] = s.uses!.split('@') as [string, string];
      expect(version, action).toBe(pinned.get(action) ?? version);
      expect(version, action).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it('the GitLab pipeline runs on schedule and on demand and publishes output/gabungan', () => {
    const gl = parse(read('.gitlab-ci.yml')) as { pages: { rules: Array<{ if: string }>; script: string[]; cache: Array<{ paths: string[] }>; artifacts: { paths: string[] } } };
    expect(gl.pages.rules.map((r) => r.if)).toEqual(expect.arrayContaining(['$CI_PIPELINE_SOURCE == "schedule"', '$CI_PIPELINE_SOURCE == "web"']));
    expect(gl.pages.script.join('\n')).toContain('cp -rL output/gabungan public');
    expect(gl.pages.cache.flatMap((c) => c.paths)).toContain('.salinan-gabungan/');
    expect(gl.pages.artifacts.paths).toEqual(['public']);
  });

  it('never overwrites an existing repository', async () => {
    await expect(mulai(['sop-provinsi', '--gabungan'], ctx)).rejects.toThrow(UsageError);
  });
});
