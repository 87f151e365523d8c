// The CI publishing set-up: the GitHub Actions workflow and the GitLab example parse and do
// what the README promises (check pull requests; build and deploy from main only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './fixtures.ts';

interface Step {
  uses?: string;
  if?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
}

interface Job {
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': unknown };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const uses = (job: Job) => job.steps.map((s) => s.uses ?? '');
/** `actions/cache@<sha>` → `actions/cache`. */
const action = (use: string) => use.replace(/@.*$/, '');
const step = (job: Job, name: string) => job.steps.find((s) => action(s.uses ?? '') === name)!;

describe('.github/workflows/publish.yml', () => {
  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency.group).toContain('pages');
  });

  it('pins every action to a commit SHA with its tag in a comment', () => {
    const text = readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8');
    const lines = text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    expect(lines.length).toBeGreaterThan(6);
    for (const l of lines) expect(l, l).toMatch(/uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
  });

  it('checks every pull request with Node 24 and sop check, then attaches the changed SOPs\' PDFs with a summary table', () => {
    const job = workflow.jobs.periksa!;
    expect(job.if).toBeUndefined();
    expect(uses(job).map(action)).toEqual(['actions/checkout', 'actions/setup-node', '', '', 'actions/cache', '', '', 'actions/upload-artifact']);
    expect(step(job, 'actions/setup-node').with!['node-version']).toBe(24);
    expect(runs(job)).toMatch(/^npm ci$/m);
    expect(runs(job)).toMatch(/^npx sop check$/m);
    expect(runs(job)).not.toContain('sop site');
    // Everything after the check only on pull requests.
    const check = job.steps.findIndex((s) => s.run === 'npx sop check');
    for (const s of job.steps.slice(check + 1)) expect(s.if).toBe("github.event_name == 'pull_request'");
    const print = job.steps.find((s) => s.run?.includes('npx sop build'))!.run!;
    expect(print).toContain('GITHUB_STEP_SUMMARY');
    expect(print).toContain('| PDF | ukuran |');
    expect(print).toContain('-newer');
    expect(step(job, 'actions/upload-artifact').with).toMatchObject({ name: 'pdf-sop-berubah', path: '${{ runner.temp }}/pdf-sop-berubah' });
  });

  it('keeps the PDFs between runs in actions/cache, keyed by the lock file and the sources', () => {
    for (const job of [workflow.jobs.periksa!, workflow.jobs.terbitkan!]) {
      const cache = step(job, 'actions/cache').with!;
      expect(cache.path).toBe('output');
      expect(cache.key).toBe("pdf-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-${{ hashFiles('content/**', 'layouts/**') }}");
      expect(cache['restore-keys']).toBe("pdf-${{ runner.os }}-${{ hashFiles('package-lock.json') }}-");
    }
  });

  it('changes no kernel setting and needs no sudo (self-hosted runners), with comments in Indonesian', () => {
    const text = readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8');
    for (const job of Object.values(workflow.jobs)) expect(runs(job)).not.toMatch(/sudo|sysctl|apparmor|\/proc\/sys/);
    const comments = text.split('\n').filter((l) => /^\s*#/.test(l)).join(' ');
    expect(comments).not.toMatch(/\b(the|and|every|with|on)\b/);
  });

  it('builds the site only from main, after the check, under the Pages address', () => {
    const job = workflow.jobs.terbitkan!;
    expect(job.needs).toBe('periksa');
    expect(job.permissions).toEqual({ contents: 'read', pages: 'read' }); // configure-pages on a private repository
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
    expect(job.if).toContain("github.event_name == 'push'");
    expect(job.if).not.toContain('pull_request');
    expect(runs(job)).toContain('npx sop site --base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(step(job, 'actions/upload-pages-artifact').with).toEqual({ path: 'output/site' });
    // The steps run in this order.
    const order = ['actions/cache', 'actions/configure-pages', 'npx sop site', 'actions/upload-pages-artifact'].map((k) => job.steps.findIndex((s) => action(s.uses ?? '') === k || s.run?.startsWith(k)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[1]).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm ci'));
  });

  it('deploys with the least permissions Pages needs', () => {
    const job = workflow.jobs.deploy!;
    expect(job.needs).toBe('terbitkan');
    expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(job.environment?.name).toBe('github-pages');
    expect(uses(job).map(action)).toEqual(['actions/deploy-pages']);
    expect(Object.keys(workflow.jobs).sort()).toEqual(['deploy', 'periksa', 'terbitkan']);
  });
});

describe('templates/gitlab-ci.yml', () => {
  it('is the file docs/gitlab-pages.md shows, and caches the browser packages and the PDFs', () => {
    const template = readFileSync(path.join(ROOT, 'templates/gitlab-ci.yml'), 'utf8');
    const doc = readFileSync(path.join(ROOT, 'docs/gitlab-pages.md'), 'utf8');
    expect(/```yaml\n([\s\S]*?)```/.exec(doc)?.[1]).toBe(template);
    const ci = parse(template, { strict: true, uniqueKeys: true }) as Record<string, { script?: string[]; cache?: Array<{ key: unknown; paths: string[] }> }>;
    expect(ci.pages!.cache!.map((c) => c.paths[0])).toEqual(['.npm/', '.apt/', 'output/']);
    expect(ci.pages!.script!.join('\n')).toContain('dir::cache::archives="$CI_PROJECT_DIR/.apt"');
  });
});

describe('docs/gitlab-pages.md', () => {
  it('holds a .gitlab-ci.yml that checks merge requests and publishes public/ from the default branch', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/gitlab-pages.md'), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const ci = parse(block!, { strict: true, uniqueKeys: true }) as Record<string, { script?: string[]; rules?: Array<{ if: string }>; artifacts?: { paths?: string[]; when?: string; reports?: object } }>;
    expect(ci.periksa!.script).toContain('npx sop check');
    expect(ci.periksa!.script!.join('\n')).toContain('npx sop check --format codequality > gl-code-quality-report.json');
    expect(ci.periksa!.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json' } });
    expect(ci.periksa!.rules!.map((r) => r.if).join(' ')).toContain('merge_request_event');
    expect(ci.pages!.script!.join('\n')).toContain('npx sop site --base-url "$CI_PAGES_URL/"');
    expect(ci.pages!.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(ci.pages!.artifacts!.paths).toEqual(['public']);
  });
});
