// What an SOP's PDF is printed from, part by part (each identity field, each procedure row, the
// instansi, the layouts and code), as short hashes kept in the PDF's XMP metadata. A signed PDF
// carries the hashes of the sources it was printed from, so when the sources change after signing
// `sop check` can name what changed (row 4, tanggal_efektif) instead of only "different bytes".
import { createHash } from 'node:crypto';
import type { Sop } from '../model/sop.ts';
import type { SopContext } from '../view/sop-view.ts';

/** Part name → 16 hex digits. Names are what an officer reads: `nama`, `baris 4`, `instansi`. */
export type SourceParts = Record<string, string>;

/** The part that is not in the SOP's own file: layouts, fonts, logo and sop-press's code. */
export const PRINT_PART = 'cetakan';
/** The part that says which SOP this is at all. */
export const IDENTITY_PART = 'nomor';

/** Not printed: where the file sits (a rename does not change the document). */
const NOT_PRINTED = new Set(['id', 'slug', 'path', 'steps']);

const short = (value: unknown) => createHash('sha256').update(JSON.stringify(value) ?? 'undefined').digest('hex').slice(0, 16);

/** The instansi as it prints: not where its instansi.yml sits. */
function printedInstansi(instansi: Sop['instansi']): Omit<Sop['instansi'], 'file' | 'dir'> {
  const { file: _file, dir: _dir, ...printed } = instansi;
  return printed;
}

/**
 * `printed`: hash of everything shared by every SOP's print (layouts, fonts, code) and the logo,
 * so that "same source parts, different bytes" can be told apart from a source edit.
 */
export function sourceParts(sop: Sop, context: SopContext, printed: string): SourceParts {
  const parts: SourceParts = {};
  for (const [key, value] of Object.entries(sop)) if (!NOT_PRINTED.has(key)) parts[key] = short(key === 'instansi' ? printedInstansi(sop.instansi) : value);
  parts['jumlah baris'] = short(sop.steps.length);
  for (const step of sop.steps) parts[`baris ${step.no}`] = short(step);
  if (context.replacedBy) parts['digantikan oleh'] = short(context.replacedBy);
  parts[PRINT_PART] = short(printed);
  return parts;
}

/** The names of the parts that differ, in a reading order (identity first, then rows by number). */
export function changedParts(then: SourceParts, now: SourceParts): string[] {
  const names = new Set([...Object.keys(then), ...Object.keys(now)]);
  const changed = [...names].filter((n) => then[n] !== now[n] && n !== 'jumlah baris');
  const rank = (n: string) => (n === PRINT_PART ? 2 : n.startsWith('baris ') ? 1 : 0);
  const row = (n: string) => Number(n.slice(6)) || 0;
  return changed.sort((a, b) => rank(a) - rank(b) || row(a) - row(b) || a.localeCompare(b));
}

const ITEM = /^([^=]+)=([0-9a-f]{16})$/;

/** As written into XMP: one `name=hash` per item. */
export function partItems(parts: SourceParts): string[] {
  return Object.entries(parts).map(([k, v]) => `${k}=${v}`);
}

export function partsFromItems(items: string[]): SourceParts {
  const parts: SourceParts = {};
  for (const item of items) {
    const m = ITEM.exec(item);
    if (m) parts[m[1]!] = m[2]!;
  }
  return parts;
}
