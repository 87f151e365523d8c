// Officers write on Windows: a UTF-8 BOM and CRLF line endings are normal, not errors.
// Binary files and other encodings are reported instead of producing mojibake.

export type Decoded =
  | { ok: true; text: string }
  | { ok: false; reason: 'biner' | 'bukan-utf8' | 'utf16'; offset: number; /** Known file type, for the message. */ kind?: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Signatures of files an officer might save or rename to `.md` by mistake. */
const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'gambar PNG'],
  [[0xff, 0xd8, 0xff], 'gambar JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'gambar GIF'],
  [[0x25, 0x50, 0x44, 0x46], 'dokumen PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'dokumen Word/Excel (.docx/.xlsx) atau arsip ZIP'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'dokumen Word/Excel lama (.doc/.xls)'],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function decodeSource(bytes: Uint8Array): Decoded {
  const magic = MAGIC.find(([sig]) => startsWith(bytes, sig));
  if (magic) return { ok: false, reason: 'biner', offset: 0, kind: magic[1] };
  // Notepad's "Unicode" is UTF-16: a BOM, or every other byte NUL in ASCII text.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksUtf16(bytes)) {
    return { ok: false, reason: 'utf16', offset: 0 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, reason: 'biner', offset: nul };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'bukan-utf8', offset: firstInvalidUtf8(bytes) };
  }
  // Line numbers stay the same: CRLF and lone CR each end exactly one line.
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** ASCII text in UTF-16 without a BOM: NUL in every odd (LE) or every even (BE) byte. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] !== 0 && bytes[i + 1] === 0) le++;
    if (bytes[i] === 0 && bytes[i + 1] !== 0) be++;
  }
  return le === n / 2 || be === n / 2;
}

/**
 * Byte offset of the first invalid UTF-8 sequence (for the error position), by the table of
 * well-formed sequences in the Unicode standard: overlong forms, surrogates and code points
 * above U+10FFFF are invalid too, exactly as the decoder sees them.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const inRange = (i: number, lo: number, hi: number) => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (len > 1 && !inRange(i + 1, lo, hi)) return i;
    for (let k = 2; k < len; k++) if (!inRange(i + k, 0x80, 0xbf)) return i;
    i += len;
  }
  return i;
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * 1-based line/column of a byte offset. Lines end at LF, CRLF or a lone CR, as in decodeSource
 * (and in editors). The column counts characters as an editor does (a UTF-8 "é" is one column,
 * a BOM none), not bytes.
 */
export function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) {
    const lf = bytes[i] === 0x0a;
    const loneCr = bytes[i] === 0x0d && bytes[i + 1] !== 0x0a;
    if (lf || loneCr) {
      line++;
      start = i + 1;
    }
  }
  // `ignoreBOM: false` drops a leading BOM, so it takes no column on line 1.
  const before = lenient.decode(bytes.subarray(start, end));
  return { line, column: before.length + 1 };
}
