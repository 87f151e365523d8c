// How SOPs refer to each other: related SOPs (`keterkaitan`, by number or title), replacements
// (`menggantikan`, by number) and which SOP is in force after a chain of replacements. Used by
// the check (to warn), the book (changes of the year) and the site (links). Pure.
import { compareText } from './collation.ts';
import { effectiveDate } from './project.ts';
import type { Sop } from './sop.ts';

export const normTitle = (s: string) =>
  s.toLowerCase().replace(/^\s*(sop|standar operasional prosedur)\b[\s:.-]*/i, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Officers shorten titles ("SOP Pengumpulan Data Kinerja" for "SOP Mekanisme Pengumpulan
 * Data Kinerja"): an exact title, or one that contains the entry as whole words (3 or more).
 */
export function findTitle(titles: Iterable<string>, entry: string): string | undefined {
  let found: string | undefined;
  for (const t of titles) {
    if (t === entry) return t;
    if (entry.split(' ').length >= 3 && ` ${t} `.includes(` ${entry} `)) found ??= t;
  }
  return found;
}

/** Finds the SOP a `keterkaitan` entry names (by nomor or title), for links. */
export function relatedIndex<T extends { nomor: string; nama: string }>(sops: T[]): (entry: string) => T | undefined {
  const byKey = new Map<string, T>();
  for (const s of sops) {
    byKey.set(s.nomor.trim(), s);
    byKey.set(normTitle(s.nama), s);
  }
  return (entry) => byKey.get(entry.trim()) ?? byKey.get(findTitle(byKey.keys(), normTitle(entry)) ?? '');
}

/** Number → the SOP in this content that replaces it (`menggantikan`, not external). */
export function replacers(sops: Sop[]): Map<string, Sop> {
  const map = new Map<string, Sop>();
  for (const s of sops) if (s.menggantikan && !s.menggantikan_eksternal) map.set(s.menggantikan.trim(), s);
  return map;
}

/**
 * Follows `replacedBy` from `start` to the SOPs in force; the newest one (by effective date,
 * then number) when the chain forks. Cycles are cut.
 */
export function inForce<T>(start: T, replacedBy: (t: T) => T[], sopOf: (t: T) => Sop): T | undefined {
  const seen = new Set<T>([start]);
  let frontier = [...replacedBy(start)];
  const found: T[] = [];
  while (frontier.length) {
    const next: T[] = [];
    for (const s of frontier) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (sopOf(s).status === 'berlaku') found.push(s);
      next.push(...replacedBy(s));
    }
    frontier = next;
  }
  const date = (s: T) => effectiveDate(sopOf(s));
  return found.sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : compareText(sopOf(a).nomor, sopOf(b).nomor)))[0];
}
