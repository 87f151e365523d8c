// The sample content in content/ is what new users copy: it checks clean, with no warning but
// the one its monitoring results call for (an SOP under revision, see content/*/monev/). Its
// related SOPs that are not kept here are written `- eksternal: <nama>`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../../scripts/diagnostics/report.ts';
import type { IsoDay } from '../../scripts/model/sop.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent } from '../../scripts/validate/check-content.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('contoh di content/', () => {
  it('lolos sop check tanpa galat; satu-satunya peringatan: SOP yang menurut evaluasinya sedang direvisi', () => {
    // Due dates count from a fixed day, inside the semester after the sample's last results.
    const result = checkContent(readContent(ROOT), probeAsset, '2026-12-07' as IsoDay);
    expect(collect(result.files).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'content/diskominfosp-balangan/sekretariat/pelaksanaan-pengukuran-kinerja.md:4:8 monev-revisi-tertunda',
    ]);
    expect(result.monev.map((r) => r.file)).toEqual(['content/diskominfosp-balangan/monev/2025-2.yml', 'content/diskominfosp-balangan/monev/2026-1.yml']);
    expect(result.sops.flatMap((s) => s.keterkaitan.filter((k) => k.eksternal))).not.toEqual([]);
  });
});
