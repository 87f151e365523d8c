// The CI publishing set-up: the GitHub Actions workflow and the GitLab example parse and do
// what the README promises (check pull requests; build and deploy from main only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './fixtures.ts';

interface Step {
  uses?: string;
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

describe('.github/workflows/publish.yml', () => {
  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency.group).toContain('pages');
  });

  it('checks every pull request with Node 24 and sop check (annotations from GITHUB_ACTIONS), no browser needed', () => {
    const job = workflow.jobs.periksa!;
    expect(job.if).toBeUndefined();
    expect(uses(job)).toEqual(expect.arrayContaining(['actions/checkout@v6', 'actions/setup-node@v6']));
    expect(job.steps.find((s) => s.uses === 'actions/setup-node@v6')!.with!['node-version']).toBe(24);
    expect(runs(job)).not.toContain('chromium');
    expect(runs(job)).toMatch(/^npm ci$/m);
    expect(runs(job)).toMatch(/^npx sop check$/m);
    expect(runs(job)).not.toContain('sop site');
  });

  it('builds the site only from main, after the check, under the Pages address', () => {
    const job = workflow.jobs.terbitkan!;
    expect(job.needs).toBe('periksa');
    expect(job.permissions).toEqual({ contents: 'read', pages: 'read' }); // configure-pages on a private repository
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
    expect(job.if).toContain("github.event_name == 'push'");
    expect(job.if).not.toContain('pull_request');
    expect(uses(job)).toEqual(expect.arrayContaining(['actions/configure-pages@v6', 'actions/upload-pages-artifact@v5']));
    expect(runs(job)).toContain('npx sop site --base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(runs(job)).toContain('sudo apt-get install -y chromium');
    expect(runs(job)).toContain('apparmor_restrict_unprivileged_userns'); // Chrome's sandbox on Ubuntu 24.04
    expect(job.steps.find((s) => s.uses === 'actions/upload-pages-artifact@v5')!.with).toEqual({ path: 'output/site' });
    // The steps run in this order.
    const order = ['actions/configure-pages@v6', 'npx sop site', 'actions/upload-pages-artifact@v5'].map((k) => job.steps.findIndex((s) => s.uses === k || s.run?.startsWith(k)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npm ci'));
  });

  it('deploys with the least permissions Pages needs', () => {
    const job = workflow.jobs.deploy!;
    expect(job.needs).toBe('terbitkan');
    expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(job.environment?.name).toBe('github-pages');
    expect(uses(job)).toEqual(['actions/deploy-pages@v5']);
    expect(Object.keys(workflow.jobs).sort()).toEqual(['deploy', 'periksa', 'terbitkan']);
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
