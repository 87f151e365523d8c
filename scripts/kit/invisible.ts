// Characters nobody sees but that change what is read, printed or compared: the one list that
// `sop check` refuses (parse/bounds.ts), numbers are compared without (validate/project.ts) and
// terminal output shows as `\u{…}` (diagnostics/format.ts).

/**
 * Control characters (C0 but tab and line breaks, DEL, C1), the Arabic letter mark and the
 * bidirectional marks, embeddings, overrides and isolates (they print text reversed), and the
 * zero-width space, joiners, word joiner and byte-order mark.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Invisible characters in text (tab, CR and LF are text). */
export const INVISIBLE = new RegExp(TEXT.source, 'g');

/** The same plus tab, CR and LF: for a file name or a message on one terminal line. */
export const UNPRINTABLE = new RegExp(TEXT.source.replace('\\u0000-\\u0008', '\\u0000-\\u0008\\u0009\\u000A\\u000D'), 'g');

/** `\u{1B}`-style notation for one character. */
export const codePointNotation = (c: string) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
