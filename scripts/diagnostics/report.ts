// Diagnostics are vfile messages (the unified way): each carries a position, a rule id,
// a message in Bahasa Indonesia and, in `note`, a hint on how to fix it.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { RULES, type RuleId, type Severity } from './rules.ts';

export type { RuleId, Severity };

/** 1-based line and column, as editors count them. */
export interface Point {
  line: number;
  column: number;
}

/** Where a diagnostic points: a point, or a range whose `end` is just past its last character. */
export type Place = Point | { start: Point; end: Point };

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** End of the range the diagnostic covers (equal to line/column when it is a point). */
  endLine: number;
  endColumn: number;
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

/** A file's messages as plain data, to cross a thread or be cached; `replayMessages` makes them again. */
export interface PlainMessage {
  reason: string;
  place: Place;
  ruleId: RuleId;
  note?: string;
}

export function plainMessages(file: VFile): PlainMessage[] {
  return file.messages.map((m) => ({ reason: m.reason, place: m.place ?? { line: 1, column: 1 }, ruleId: m.ruleId as RuleId, ...(m.note ? { note: m.note } : {}) }));
}

export function replayMessages(file: VFile, messages: PlainMessage[]): void {
  for (const m of messages) report(file, m.ruleId, m.reason, m.place, m.note ? { hint: m.note } : {});
}

export function toDiagnostic(file: VFile, msg: VFileMessage): Diagnostic {
  const line = msg.line ?? 1;
  const column = msg.column ?? 1;
  const end = msg.place && 'end' in msg.place ? msg.place.end : undefined;
  return {
    file: file.path,
    line,
    column,
    endLine: end?.line ?? line,
    endColumn: end?.column ?? column,
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
