// The CI matrix templates (templates/matriks/): each job prints its share with a cache of its
// own and uploads it; the last job downloads every share and names them to `sop site
// --dari-bagian`. actionlint checks the GitHub file (test/scaffold/actionlint.test.ts); here
// both files parse and their parts fit together.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix: { bagian: number[] }; 'fail-fast'?: boolean };
  steps: Step[];
}

describe('templates/matriks/github-actions.yml', () => {
  const text = read('templates/matriks/github-actions.yml');
  const wf = parse(text, { strict: true, uniqueKeys: true }) as { jobs: Record<string, Job> };
  const step = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`))!;
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

  it('prints share i of n in each matrix job, n being the number of jobs, only from main', () => {
    const cetak = wf.jobs.cetak!;
    expect(cetak.needs).toBe('periksa');
    expect(cetak.if).toContain("github.ref == 'refs/heads/main'");
    expect(cetak.strategy!.matrix.bagian).toEqual([1, 2, 3, 4]);
    expect(runs(cetak)).toContain('npx sop build --bagian "${{ matrix.bagian }}/${{ strategy.job-total }}"');
  });

  it('gives each share its own cache and artifact, and the last job all of them', () => {
    const cetak = wf.jobs.cetak!;
    const cache = step(cetak, 'actions/cache').with!;
    expect(cache.path).toBe('output');
    expect(cache.key).toContain('bagian-${{ matrix.bagian }}-${{ strategy.job-total }}-');
    expect(String(cache['restore-keys'])).toContain('bagian-${{ matrix.bagian }}-');
    const upload = step(cetak, 'actions/upload-artifact').with!;
    expect(upload.name).toBe('pdf-bagian-${{ matrix.bagian }}');
    expect(runs(cetak)).toContain('cp -rL output/pdf "$RUNNER_TEMP/bagian"');
    expect(upload.path).toBe('${{ runner.temp }}/bagian');

    const terbitkan = wf.jobs.terbitkan!;
    expect(terbitkan.needs).toBe('cetak');
    const download = step(terbitkan, 'actions/download-artifact').with!;
    expect(download).toEqual({ pattern: 'pdf-bagian-*', path: '${{ runner.temp }}/bagian' });
    expect(runs(terbitkan)).toContain('--dari-bagian "$RUNNER_TEMP/bagian"');
    expect(runs(terbitkan)).not.toContain('sop build');
    expect(step(terbitkan, 'actions/cache')).toBeUndefined();
  });

  it('pins every action to the commit publish.yml pins it to', () => {
    const pins = (t: string) => new Map([...t.matchAll(/uses: (actions\/[a-z-]+)@([0-9a-f]{40}) # v[\d.]+$/gm)].map((m) => [m[1]!, m[2]!]));
    const lines = text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    for (const l of lines) expect(l, l).toMatch(/uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
    const ours = pins(text);
    for (const [action, sha] of pins(read('.github/workflows/publish.yml'))) if (ours.has(action)) expect(ours.get(action), action).toBe(sha);
    expect([...ours.keys()].sort()).toEqual(['actions/cache', 'actions/checkout', 'actions/configure-pages', 'actions/deploy-pages', 'actions/download-artifact', 'actions/setup-node', 'actions/upload-artifact', 'actions/upload-pages-artifact']);
  });
});

describe('templates/matriks/gitlab-ci.yml', () => {
  interface GlJob {
    stage: string;
    parallel?: number;
    needs?: string[];
    script: string[];
    cache?: Array<{ key: unknown; paths: string[] }>;
    artifacts?: { paths: string[] };
  }
  const ci = parse(read('templates/matriks/gitlab-ci.yml'), { strict: true, uniqueKeys: true }) as Record<string, GlJob> & { stages: string[] };

  it('prints share CI_NODE_INDEX of CI_NODE_TOTAL in parallel jobs, each with its own PDF cache and artifact folder', () => {
    expect(ci.stages).toEqual(['periksa', 'cetak', 'terbitkan']);
    const cetak = ci.cetak!;
    expect(cetak.parallel).toBe(4);
    expect(cetak.script).toContain('npx sop build --bagian "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(cetak.cache!.find((c) => c.paths[0] === 'output/')!.key).toBe('pdf-$CI_DEFAULT_BRANCH-bagian-$CI_NODE_INDEX-$CI_NODE_TOTAL');
    expect(cetak.artifacts!.paths).toEqual(['bagian/$CI_NODE_INDEX/']);
    expect(cetak.script.join('\n')).toContain('cp -rL output/pdf "bagian/$CI_NODE_INDEX"');
  });

  it('assembles the site from every share without printing', () => {
    const pages = ci.pages!;
    expect(pages.needs).toEqual(['cetak']);
    expect(pages.script).toContain('npx sop site --base-url "$CI_PAGES_URL/" --dari-bagian bagian/');
    expect(pages.script.join('\n')).not.toContain('sop build');
    expect(pages.cache!.map((c) => c.paths[0])).not.toContain('output/');
    expect(pages.artifacts!.paths).toEqual(['public']);
  });
});
