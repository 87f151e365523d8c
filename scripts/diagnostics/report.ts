// Diagnostics are vfile messages (the unified way): each carries a position, a rule id,
// a message in Bahasa Indonesia and, in `note`, a hint on how to fix it.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { RULES, type RuleId, type Severity } from './rules.ts';

export type { RuleId, Severity };

/** 1-based line and column, as editors count them. */
export interface Place {
  line: number;
  column: number;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  ruleId: string;
  message: string;
  hint?: string;
}

/**
 * Adds a diagnostic to a file. Its severity is the catalogue's (errors `fatal: true`, warnings
 * `fatal: false`); its hint the one given here, else the catalogue's.
 */
export function report(
  file: VFile,
  ruleId: RuleId,
  message: string,
  place: Place | undefined,
  options: { hint?: string } = {},
): VFileMessage {
  const rule = RULES[ruleId];
  const msg = file.message(message, { place: place ?? { line: 1, column: 1 }, ruleId, source: 'sop' });
  msg.fatal = rule.severity === 'galat';
  msg.note = options.hint ?? rule.hint;
  return msg;
}

export function toDiagnostic(file: VFile, msg: VFileMessage): Diagnostic {
  return {
    file: file.path,
    line: msg.line ?? 1,
    column: msg.column ?? 1,
    severity: msg.fatal ? 'galat' : 'peringatan',
    ruleId: msg.ruleId ?? 'tidak-diketahui',
    message: msg.reason,
    ...(msg.note ? { hint: msg.note } : {}),
  };
}

/** All diagnostics of all files, sorted by file, then position. */
export function collect(files: Iterable<VFile>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) for (const msg of file.messages) out.push(toDiagnostic(file, msg));
  return out.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

export function hasErrors(files: Iterable<VFile>): boolean {
  for (const file of files) if (file.messages.some((m) => m.fatal)) return true;
  return false;
}
