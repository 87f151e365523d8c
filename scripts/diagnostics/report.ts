// Diagnostics are vfile messages (the unified way): each carries a position, a rule id,
// a message in Bahasa Indonesia and, in `note`, a hint on how to fix it.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'galat' | 'peringatan';

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

/** Adds a diagnostic to a file. Errors are `fatal: true`, warnings `fatal: false`. */
export function report(
  file: VFile,
  ruleId: string,
  message: string,
  place: Place | undefined,
  options: { hint?: string; severity?: Severity } = {},
): VFileMessage {
  const msg = file.message(message, { place: place ?? { line: 1, column: 1 }, ruleId, source: 'sop' });
  msg.fatal = (options.severity ?? 'galat') === 'galat';
  if (options.hint) msg.note = options.hint;
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
