// Three ways to print diagnostics: for people (grouped per file, coloured on a TTY),
// for programs (JSON) and for GitHub Actions (workflow annotations).
import pc from 'picocolors';
import { codePointNotation, INVISIBLE, UNPRINTABLE } from '../kit/invisible.ts';
import type { Diagnostic } from './report.ts';

export type OutputFormat = 'human' | 'json' | 'github';

/**
 * Text from a file name or a value, safe to print on a terminal or in a CI log: control
 * characters (ESC sequences that erase lines or write the clipboard, BEL, line breaks that fake
 * a line of their own), bidirectional overrides and zero-width characters shown as `\u{…}`.
 * `keepLineBreaks`: for annotations, which escape CR and LF themselves (%0D, %0A).
 */
export function printable(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? INVISIBLE_IN_LINES : UNPRINTABLE, codePointNotation);
}

/** Invisible characters and tab, but not CR and LF. */
const INVISIBLE_IN_LINES = new RegExp(`${INVISIBLE.source}|\t`, 'g');
/** `sop check --pantau` starts each round with this (a background problem matcher's begin). */
export const WATCH_BEGINS_TEXT = 'Memeriksa ulang';
export const WATCH_BEGINS = `^${WATCH_BEGINS_TEXT} `;
/** …and ends it with formatHuman's summary line, uncoloured. */
export const WATCH_ENDS = '^\\d+ berkas diperiksa: \\d+ galat, \\d+ peringatan\\.$';

export function formatHuman(diagnostics: Diagnostic[], color: boolean, fileCount: number): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of diagnostics) {
    const file = printable(d.file);
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(c.underline(file));
      current = d.file;
    }
    const sev = d.severity === 'galat' ? c.red('galat') : c.yellow('peringatan');
    lines.push(`  ${file}:${d.line}:${d.column}  ${sev}  ${printable(d.message)}  ${c.dim(d.ruleId)}`);
    if (d.hint) lines.push(c.dim(`      Saran: ${printable(d.hint)}`));
  }
  const errors = diagnostics.filter((d) => d.severity === 'galat').length;
  const warnings = diagnostics.length - errors;
  if (lines.length) lines.push('');
  const summary = `${fileCount} berkas diperiksa: ${errors} galat, ${warnings} peringatan.`;
  lines.push(errors ? c.red(c.bold(summary)) : c.green(summary));
  return lines.join('\n') + '\n';
}

export function formatJson(diagnostics: Diagnostic[]): string {
  return JSON.stringify(diagnostics, null, 2) + '\n';
}

// Workflow-command escaping per the Actions toolkit: data escapes %, CR, LF; properties also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * Where an annotation points. A range on one line gets endColumn; one over several lines gets
 * endLine and no columns (the toolkit forbids columns when the lines differ); a point stays a point.
 */
function githubPlace(d: Diagnostic): string {
  if (d.endLine !== d.line) return `line=${d.line},endLine=${d.endLine}`;
  if (d.endColumn !== d.column) return `line=${d.line},endLine=${d.endLine},col=${d.column},endColumn=${d.endColumn}`;
  return `line=${d.line},col=${d.column}`;
}

export function formatGithub(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const kind = d.severity === 'galat' ? 'error' : 'warning';
      const text = d.hint ? `${printable(d.message, true)}\nSaran: ${printable(d.hint, true)}` : printable(d.message, true);
      return `::${kind} file=${escapeProp(printable(d.file))},${githubPlace(d)},title=${escapeProp(d.ruleId)}::${escapeData(text)}\n`;
    })
    .join('');
}
