// The sample content in content/ is what new users copy: it checks clean, with no warning. Its
// related SOPs that are not kept here are written `- eksternal: <nama>`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../../scripts/diagnostics/report.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent } from '../../scripts/validate/check-content.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('contoh di content/', () => {
  it('lolos sop check tanpa galat maupun peringatan', () => {
    const result = checkContent(readContent(ROOT), probeAsset);
    expect(collect(result.files).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
    expect(result.sops.flatMap((s) => s.keterkaitan.filter((k) => k.eksternal))).not.toEqual([]);
  });
});
