// How SOPs refer to each other: related SOPs (`keterkaitan`, by number or title), replacements
// (`menggantikan`, by number) and which SOP is in force after a chain of replacements. Used by
// the check (to warn), the book (changes of the year) and the site (links). Pure.
import { compareText } from './collation.ts';
import { effectiveDate } from './project.ts';
import type { Keterkaitan, Sop } from './sop.ts';

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

/** The government an SOP belongs to, as a key: offices of one *pemerintah* refer to each other. */
export const pemerintahKey = (pemerintah: string) => pemerintah.trim().replace(/\s+/g, ' ').toLowerCase();

/** A `keterkaitan` item as written: a name or number, or `{ eksternal: <name> }`. */
export function readKeterkaitan(item: unknown): Keterkaitan | undefined {
  if (typeof item === 'string') return { teks: item, eksternal: false };
  const eksternal = item && typeof item === 'object' ? (item as { eksternal?: unknown }).eksternal : undefined;
  return typeof eksternal === 'string' ? { teks: eksternal, eksternal: true } : undefined;
}

/**
 * Finds the SOP a `keterkaitan` entry names (by nomor or title) among the SOPs of the same
 * *pemerintah* (two governments may each have an SOP of the same title); external entries never.
 */
export function relatedIndex<T extends { nomor: string; nama: string; pemerintah: string }>(sops: T[]): (entry: Keterkaitan, pemerintah: string) => T | undefined {
  const byGov = new Map<string, Map<string, T>>();
  for (const s of sops) {
    const gov = pemerintahKey(s.pemerintah);
    const byKey = byGov.get(gov) ?? new Map<string, T>();
    byGov.set(gov, byKey);
    if (s.nomor.trim()) byKey.set(s.nomor.trim(), s);
    byKey.set(normTitle(s.nama), s);
  }
  const words = new Map<Map<string, T>, Map<string, string[]>>();
  return (entry, pemerintah) => {
    const byKey = byGov.get(pemerintahKey(pemerintah));
    if (entry.eksternal || !byKey) return undefined;
    const exact = byKey.get(entry.teks.trim());
    if (exact) return exact;
    const title = normTitle(entry.teks);
    if (byKey.has(title)) return byKey.get(title);
    // Only the titles holding the entry's rarest word can contain it: looking through all of
    // them for every unmatched entry made the check quadratic in the number of SOPs.
    let index = words.get(byKey);
    if (!index) words.set(byKey, (index = wordIndex(byKey.keys())));
    const lists = title.split(' ').map((w) => index.get(w) ?? []);
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    return byKey.get(findTitle(rarest, title) ?? '');
  };
}

/** Word → the keys holding it as a whole word, in the keys' order (as findTitle reads them). */
function wordIndex(keys: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const key of keys) {
    for (const word of new Set(key.split(' '))) {
      const list = index.get(word);
      if (list) list.push(key);
      else index.set(word, [key]);
    }
  }
  return index;
}

/** What the rest of the content says about an SOP, beyond its own source. */
export interface SopContext {
  /** Number of the SOP in this content that replaces it (`menggantikan`). */
  replacedBy?: string;
}

/** Each SOP's context (SOP id → what the others say of it): printed with it, so its PDF depends on it. */
export function sopContexts(sops: Sop[]): Map<string, SopContext> {
  const by = replacers(sops);
  const out = new Map<string, SopContext>();
  for (const s of sops) {
    const replacedBy = s.status === 'digantikan' ? by.get(s.nomor.trim())?.nomor : undefined;
    out.set(s.id, replacedBy ? { replacedBy } : {});
  }
  return out;
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
