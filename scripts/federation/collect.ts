// Gathering the offices' catalogues: each fetched (or read), parsed against the contract and its
// links checked; an office that fails keeps its last good copy (data/<id>.json of the combined
// site now shown), and the report says which, and why, in Indonesian.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Katalog } from '../site/catalogue.ts';
import { parseKatalog, type Parsed } from './contract.ts';
import { DEFAULT_LIMITS, fetchCatalogue, readFolderCatalogue, type FetchLimits } from './fetch.ts';
import { checkLinks, originOf } from './links.ts';
import type { Source } from './sources.ts';

/** Where an office's last good catalogue is kept inside the combined site. */
export const COPIES_DIR = 'data';
export const copyPath = (id: string) => `${COPIES_DIR}/${id}.json`;

export interface Office {
  source: Source;
  katalog: Katalog;
}

export type Outcome =
  | { source: Source; state: 'baru'; katalog: Katalog }
  /** This run failed; the last good copy is used. */
  | { source: Source; state: 'lama'; katalog: Katalog; reason: string }
  /** Failed, and no good copy: the office is missing from the combined site. */
  | { source: Source; state: 'gagal'; reason: string };

async function fresh(source: Source, limits: FetchLimits): Promise<Parsed<Katalog>> {
  const got = source.kind === 'url' ? await fetchCatalogue(source.url, limits) : readFolderCatalogue(source.dir, limits);
  if (!got.ok) return got;
  const parsed = parseKatalog(got.text);
  if (!parsed.ok) return parsed;
  if (source.kind === 'url') return checkLinks(parsed.data, got.from, new URL(got.from).origin);
  // A folder: its links are checked against the address it is published at.
  const alamat = source.alamat ?? parsed.data.situs.alamat;
  const origin = originOf(alamat);
  if (!origin) {
    return { ok: false, reason: 'alamat publik situs ini tidak diketahui: bangun situs kantor dengan --base-url https://… atau tulis "alamat:" untuk folder ini di gabungan.yml' };
  }
  return checkLinks(parsed.data, new URL(alamat.endsWith('/') ? alamat : `${alamat}/`).href, origin);
}

/** The copy kept by the previous run (`<copies>/<id>.json`), checked again as strictly as a fresh one. */
function lastGood(copies: string | undefined, id: string): Katalog | undefined {
  const file = copies && path.join(copies, `${id}.json`);
  if (!file || !existsSync(file)) return undefined;
  const parsed = parseKatalog(readFileSync(file, 'utf8'));
  if (!parsed.ok) return undefined;
  const origin = originOf(parsed.data.situs.alamat);
  if (!origin) return undefined;
  const checked = checkLinks(parsed.data, parsed.data.situs.alamat, origin);
  return checked.ok ? checked.data : undefined;
}

/** Runs `work` over `items`, at most `limit` at a time, results in the items' order. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

/** `copies`: the folder of last good copies (`<id>.json`), if any. */
export async function collect(sources: Source[], copies: string | undefined, limits: FetchLimits = DEFAULT_LIMITS): Promise<Outcome[]> {
  return pool(sources, 8, async (source): Promise<Outcome> => {
    const got = await fresh(source, limits);
    if (got.ok) return { source, state: 'baru', katalog: got.data };
    const copy = lastGood(copies, source.id);
    return copy ? { source, state: 'lama', katalog: copy, reason: got.reason } : { source, state: 'gagal', reason: got.reason };
  });
}
