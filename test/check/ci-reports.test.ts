// The CI reports of `sop check`: GitHub's job summary (annotations stop at 10 per kind) and
// GitLab's Code Quality JSON.
import { describe, expect, it } from 'vitest';
import { formatCodeQuality, githubSummary } from '../../scripts/diagnostics/ci-reports.ts';
import type { Diagnostic } from '../../scripts/diagnostics/report.ts';

const warning = (i: number): Diagnostic => ({ file: `content/d/sop-${i}.md`, line: i, column: 3, endLine: i, endColumn: 9, severity: 'peringatan', ruleId: 'contoh-aturan', message: `Temuan | nomor ${i}`, hint: 'Perbaiki.' });
const error: Diagnostic = { file: 'content/d/a.md', line: 7, column: 9, endLine: 8, endColumn: 2, severity: 'galat', ruleId: 'nilai-tak-dikenal', message: 'Nilai `status` salah.' };

describe('githubSummary', () => {
  it('lists every finding past the annotation cap, with pipes escaped', () => {
    const all = [error, ...Array.from({ length: 12 }, (_, i) => warning(i + 1))];
    const md = githubSummary(all, 13);
    expect(md).toContain('### sop check: 1 galat, 12 peringatan (13 berkas)');
    expect(md).toContain('GitHub hanya menampilkan 10 anotasi pertama per jenis');
    expect(md.split('\n').filter((l) => l.startsWith('| `content/'))).toHaveLength(13);
    expect(md).toContain('| `content/d/sop-12.md:12:3` | peringatan | Temuan \\| nomor 12 Saran: Perbaiki. | `contoh-aturan` |');
  });

  it('says nothing about the cap under it', () => {
    expect(githubSummary([error], 1)).not.toContain('anotasi pertama');
  });
});

describe('formatCodeQuality', () => {
  it('gives GitLab issues with severity, location and a fingerprint that ignores moved lines', () => {
    const [issue] = JSON.parse(formatCodeQuality([error]));
    expect(issue).toEqual({
      description: 'Nilai `status` salah.',
      check_name: 'nilai-tak-dikenal',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: 'major',
      location: { path: 'content/d/a.md', lines: { begin: 7, end: 8 } },
    });
    const moved = JSON.parse(formatCodeQuality([{ ...error, line: 12, endLine: 13 }]))[0];
    expect(moved.fingerprint).toBe(issue.fingerprint);
    const twice = JSON.parse(formatCodeQuality([error, { ...error, line: 20 }]));
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    expect(JSON.parse(formatCodeQuality([warning(1)]))[0].severity).toBe('minor');
  });
});
