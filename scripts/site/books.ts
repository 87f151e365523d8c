// The yearly SOP books (`sop book`: output/buku/<instansi>-<tahun>.pdf) the site links to.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BookRef } from './model.ts';

/** Book PDFs found in `bukuDir`, per instansi id (only ids that are given). */
export function findBooks(bukuDir: string, instansiIds: Iterable<string>): Map<string, BookRef[]> {
  let names: string[];
  try {
    names = readdirSync(bukuDir).sort();
  } catch {
    return new Map();
  }
  const out = new Map<string, BookRef[]>();
  for (const id of instansiIds) {
    const re = new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{4})\\.pdf$`);
    const refs = names.flatMap((file) => {
      const m = re.exec(file);
      return m ? [{ tahun: m[1]!, file, source: path.join(bukuDir, file) }] : [];
    });
    if (refs.length) out.set(id, refs);
  }
  return out;
}
