// Advance widths of the label face (Arimo Regular, the font the PDF and site print labels in)
// and of the header face (Arimo Bold), read once from the shipped WOFF files: label boxes and
// actor header sizes are then exact, not estimated.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { boldWoffFile, regularWoffFile } from '../kit/fonts.ts';

export interface FontMetrics {
  /** Advance of each code point at font size 1; `fallback` for unmapped ones. */
  advance: Map<number, number>;
  fallback: number;
  /** Ascender / descender (positive, below the baseline) at font size 1. */
  ascent: number;
  descent: number;
}

let cached: FontMetrics | undefined;
let cachedBold: FontMetrics | undefined;

export function labelFontMetrics(): FontMetrics {
  if (cached) return cached;
  cached = parseWoff(readFileSync(regularWoffFile()));
  return cached;
}

/** Arimo Bold: the table headers. */
export function headerFontMetrics(): FontMetrics {
  cachedBold ??= parseWoff(readFileSync(boldWoffFile()));
  return cachedBold;
}

/** Width of `text` at `size` px. */
export function textWidth(text: string, size: number, m: FontMetrics = labelFontMetrics()): number {
  let w = 0;
  for (const ch of text) w += m.advance.get(ch.codePointAt(0)!) ?? m.fallback;
  return w * size;
}

/** WOFF 1.0: a table directory of (optionally) zlib-compressed sfnt tables. */
export function parseWoff(buf: Buffer): FontMetrics {
  if (buf.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF font');
  const numTables = buf.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = buf.toString('latin1', e, e + 4);
    const offset = buf.readUInt32BE(e + 4);
    const compLength = buf.readUInt32BE(e + 8);
    const origLength = buf.readUInt32BE(e + 12);
    const data = buf.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? inflateSync(data) : data);
  }
  const table = (t: string): Buffer => {
    const b = tables.get(t);
    if (!b) throw new Error(`font has no ${t} table`);
    return b;
  };
  const head = table('head');
  const upem = head.readUInt16BE(18);
  const hhea = table('hhea');
  const ascent = hhea.readInt16BE(4) / upem;
  const descent = -hhea.readInt16BE(6) / upem;
  const numH = hhea.readUInt16BE(34);
  const hmtx = table('hmtx');
  const adv = (gid: number): number => hmtx.readUInt16BE(4 * Math.min(gid, numH - 1)) / upem;
  const advance = new Map<number, number>();
  for (const [cp, gid] of cmap4(table('cmap'))) advance.set(cp, adv(gid));
  return { advance, fallback: adv(0), ascent, descent };
}

/** Code point → glyph id from the Unicode BMP (format 4) subtable. */
function cmap4(cmap: Buffer): Map<number, number> {
  const n = cmap.readUInt16BE(2);
  for (let i = 0; i < n; i++) {
    const off = cmap.readUInt32BE(4 + i * 8 + 4);
    if (cmap.readUInt16BE(off) !== 4) continue;
    const segX2 = cmap.readUInt16BE(off + 6);
    const ends = off + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    const out = new Map<number, number>();
    for (let s = 0; s < segX2 / 2; s++) {
      const end = cmap.readUInt16BE(ends + 2 * s);
      const start = cmap.readUInt16BE(starts + 2 * s);
      const delta = cmap.readInt16BE(deltas + 2 * s);
      const ro = cmap.readUInt16BE(ranges + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g: number;
        if (ro === 0) g = (c + delta) & 0xffff;
        else {
          const at = ranges + 2 * s + ro + 2 * (c - start);
          g = cmap.readUInt16BE(at);
          if (g !== 0) g = (g + delta) & 0xffff;
        }
        if (g !== 0) out.set(c, g);
      }
    }
    return out;
  }
  throw new Error('font has no format 4 cmap');
}
