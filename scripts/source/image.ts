// An image's type is what its bytes say, never its name. PNG and JPEG are walked chunk by chunk
// (magic bytes, structure, dimensions); what is published is rebuilt from the parts that were
// checked: a PNG keeps only its image chunks (no text, no appended bytes), a JPEG ends at its end
// marker. SVG goes through svg.ts. Pure.
import { crc32 } from 'node:zlib';
import { sanitizeSvg } from './svg.ts';

export type ImageType = 'png' | 'jpeg' | 'svg';

export const MIME: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

/** A longer side makes the printer decode hundreds of MB for a few centimetres of logo. */
export const MAX_SIDE = 4096;

export type Inspected =
  | {
      ok: true;
      type: ImageType;
      /** What may be used: the checked bytes rebuilt (PNG, JPEG) or the sanitized SVG. */
      bytes: Uint8Array;
      /** What sanitizing removed from an SVG (script, event handlers, external references …). */
      removed: string[];
    }
  | { ok: false; problem: 'jenis'; reason: string }
  | { ok: false; problem: 'dimensi'; width: number; height: number };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks that draw the image; the rest (text, EXIF, animation …) is dropped. */
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD']);

export function inspectImage(bytes: Uint8Array): Inspected {
  if (startsWith(bytes, PNG_MAGIC)) return png(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpeg(bytes);
  const svg = sanitizeSvg(bytes, (inner) => {
    const image = inspectImage(inner);
    return image.ok && image.type !== 'svg';
  });
  if (svg.ok) return { ok: true, type: 'svg', bytes: svg.bytes, removed: svg.removed };
  if (svg.notSvg) return { ok: false, problem: 'jenis', reason: `bukan gambar PNG, JPEG atau SVG (${describe(bytes)})` };
  return { ok: false, problem: 'jenis', reason: svg.reason };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

const bad = (reason: string): Inspected => ({ ok: false, problem: 'jenis', reason });
const tooLarge = (width: number, height: number): Inspected | undefined =>
  width > MAX_SIDE || height > MAX_SIDE ? { ok: false, problem: 'dimensi', width, height } : undefined;

function png(bytes: Uint8Array): Inspected {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let first = true;
  let idat = false;
  for (;;) {
    if (at + 12 > bytes.length) return bad('berkas PNG terpotong (tidak ada penanda akhir IEND)');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type) || at + 12 + length > bytes.length) return bad('struktur berkas PNG rusak');
    const chunk = bytes.subarray(at, at + 12 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) >>> 0 !== view.getUint32(at + 8 + length)) return bad(`berkas PNG rusak (bagian ${type} tidak utuh)`);
    if (first) {
      if (type !== 'IHDR' || length !== 13) return bad('berkas PNG rusak (tidak diawali IHDR)');
      const width = view.getUint32(at + 8);
      const height = view.getUint32(at + 12);
      if (width === 0 || height === 0) return bad('berkas PNG rusak (lebar atau tinggi 0)');
      const large = tooLarge(width, height);
      if (large) return large;
      first = false;
    }
    if (type === 'IDAT') idat = true;
    if (PNG_KEEP.has(type)) kept.push(chunk);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (!idat) return bad('berkas PNG tidak berisi data gambar');
  return { ok: true, type: 'png', bytes: concat(kept), removed: [] };
}

function jpeg(bytes: Uint8Array): Inspected {
  let at = 2;
  let size: { width: number; height: number } | undefined;
  // Segments up to the start of scan: the frame header (SOFn) gives the dimensions.
  for (;;) {
    while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at++;
    if (at + 4 > bytes.length || bytes[at] !== 0xff) return bad('struktur berkas JPEG rusak');
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return bad('struktur berkas JPEG rusak');
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return bad('struktur berkas JPEG rusak');
      size = { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
    if (marker === 0xda) break;
  }
  if (!size || size.width === 0 || size.height === 0) return bad('berkas JPEG rusak (ukuran gambar tidak ada)');
  const large = tooLarge(size.width, size.height);
  if (large) return large;
  let end = bytes.length;
  while (end > at && !(bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9)) end--;
  if (end <= at) return bad('berkas JPEG terpotong (tidak ada penanda akhir)');
  return { ok: true, type: 'jpeg', bytes: bytes.subarray(0, end), removed: [] };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What the bytes look like, for the message. */
function describe(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'berkas kosong';
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('GIF8')) return 'isinya gambar GIF';
  if (head.startsWith('%PDF')) return 'isinya dokumen PDF';
  if (head.startsWith('RIFF')) return 'isinya gambar WebP atau berkas RIFF';
  if (head.startsWith('BM')) return 'isinya gambar BMP';
  if (head.startsWith('PK')) return 'isinya arsip ZIP atau dokumen Office';
  return bytes.subarray(0, 4096).some((b) => b === 0) ? 'isinya data biner' : 'isinya teks biasa';
}
