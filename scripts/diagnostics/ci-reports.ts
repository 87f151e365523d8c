// Diagnostics for CI services beyond GitHub's annotations: the job summary (GitHub shows only
// the first 10 warnings and 10 errors of a step as annotations) and GitLab's Code Quality
// report (findings shown in the merge request).
import { createHash } from 'node:crypto';
import { printable } from './format.ts';
import type { Diagnostic } from './report.ts';

/** GitHub caps annotations per kind and step. */
export const ANNOTATION_CAP = 10;
/** Rows in the summary table. */
const SUMMARY_ROWS = 500;
/** GitHub refuses a job summary over 1 MiB (and then shows none of it). */
export const SUMMARY_BYTES = 1024 * 1024;

const cell = (s: string) => printable(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');

/** Markdown for $GITHUB_STEP_SUMMARY: counts, then every finding (up to SUMMARY_ROWS). */
export function githubSummary(diagnostics: Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'galat').length;
  const warnings = diagnostics.length - errors;
  const lines = [`### sop check: ${errors} galat, ${warnings} peringatan (${fileCount} berkas)`, ''];
  if (errors > ANNOTATION_CAP || warnings > ANNOTATION_CAP) {
    lines.push(`GitHub hanya menampilkan ${ANNOTATION_CAP} anotasi pertama per jenis di *pull request*; daftar lengkapnya ada di bawah.`, '');
  }
  if (diagnostics.length) {
    lines.push('| letak | jenis | temuan | aturan |', '|---|---|---|---|');
    // Room for the closing line, whatever the rows before it.
    let bytes = Buffer.byteLength(lines.join('\n')) + 512;
    let shown = 0;
    for (const d of diagnostics.slice(0, SUMMARY_ROWS)) {
      const text = d.hint ? `${d.message} Saran: ${d.hint}` : d.message;
      const row = `| \`${cell(`${d.file}:${d.line}:${d.column}`)}\` | ${d.severity} | ${cell(text)} | \`${cell(d.ruleId)}\` |`;
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > SUMMARY_BYTES) break;
      lines.push(row);
      shown++;
    }
    const left = diagnostics.length - shown;
    if (left) lines.push('', `… dan ${left.toLocaleString('id-ID')} temuan lain tidak ditampilkan di sini (batas ringkasan GitHub 1 MiB); jalankan \`npx sop check\` untuk semuanya.`);
  }
  return `${lines.join('\n')}\n`;
}

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab Code Quality JSON. The fingerprint names a finding by file, rule, message and its rank
 * among equal ones, not by line: a finding that only moved is not reported as new.
 */
export function formatCodeQuality(diagnostics: Diagnostic[]): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = diagnostics.map((d) => {
    const base = `${d.file}\0${d.ruleId}\0${d.message}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      description: d.hint ? `${d.message} Saran: ${d.hint}` : d.message,
      check_name: d.ruleId,
      fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32),
      severity: d.severity === 'galat' ? 'major' : 'minor',
      location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
