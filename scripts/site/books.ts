// The yearly SOP books (`sop book`: output/buku/<instansi>-<tahun>.pdf) the site links to.
import path from 'node:path';
import type { ShownSet } from '../output/sets.ts';
import type { BookRef } from './model.ts';

/**
 * Book PDFs of the set output/buku shows, per instansi id (only ids that are given): only books
 * this machine built (see ShownSet), never one committed or copied into output/buku.
 */
export function findBooks(shown: ShownSet | undefined, instansiIds: Iterable<string>): Map<string, BookRef[]> {
  if (!shown) return new Map();
  const names = shown.files();
  const out = new Map<string, BookRef[]>();
  for (const id of instansiIds) {
    const re = new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{4})\\.pdf$`);
    const refs = names.flatMap((file) => {
      const m = re.exec(file);
      return m ? [{ tahun: m[1]!, file, source: path.join(shown.dir, file) }] : [];
    });
    if (refs.length) out.set(id, refs);
  }
  return out;
}
