// Officers write on Windows: a UTF-8 BOM and CRLF line endings are normal, not errors.
// Binary files and other encodings are reported instead of producing mojibake.

export type Decoded = { ok: true; text: string } | { ok: false; reason: 'biner' | 'bukan-utf8'; offset: number };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeSource(bytes: Uint8Array): Decoded {
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

/** Byte offset of the first invalid UTF-8 sequence (for the error position). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

/** 1-based line/column of a byte offset, counting lines by LF. */
export function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
