// `sop check` across runs (like `eslint --cache`): the per-file stage's outcome, kept under
// output/.cache/ and reused for a file whose bytes, instansi and tool are all the same as when it
// was checked. Cross-file rules always run again over these per-file facts (check-content.ts).
//
// The cache is sealed with this machine's key (output/vouch.ts): one that was committed, copied
// or edited does not verify and is ignored, so a pull request cannot hide an error behind it.
// Neither is one git tracks, nor one that is not a regular file inside the project.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deserialize as v8Deserialize, serialize as v8Serialize } from 'node:v8';
import { bundledCodeDigest } from '../kit/code-digest.ts';
import { sha256 } from '../output/vouch.ts';
import { PACKAGE_ROOT, projectDirs } from '../model/paths.ts';
import type { RawFile } from '../source/content.ts';
import type { AssetVerdict } from '../source/assets.ts';
import { cacheFiles, readCacheFiles, writeCacheFiles, type Entry, type Loaded, type Stored } from './check-cache-file.ts';
import type { InstansiMemo, InstansiOutcome } from './check-stages.ts';
import type { SerializedResult } from './check-parallel.ts';
import type { InstansiEntry } from './instansi.ts';
import { entriesUnder } from '../kit/tree.ts';

export { decodeStored, encodeStored, type Entry, type Stored } from './check-cache-file.ts';

export class CheckCache implements InstansiMemo {
  private readonly fresh: Record<string, Entry> = {};
  private readonly freshInstansi: Record<string, Entry> = {};
  private hits = 0;
  private misses = 0;
  private readonly instansiCounts = { hits: 0, misses: 0 };

  private readonly old: Record<string, Entry>;
  private readonly oldInstansi: Record<string, Entry>;

  private readonly root: string;
  /** The files as read (undefined: none this machine can trust, or the preview's cache in memory). */
  private readonly loaded: Loaded | undefined;

  private constructor(root: string, old: Pick<Stored, 'files' | 'instansi'>, loaded?: Loaded) {
    this.root = root;
    this.old = old.files;
    this.oldInstansi = old.instansi;
    this.loaded = loaded;
  }

  /** The cache of the project at `root` (empty when there is none this machine can trust). */
  static open(root: string): CheckCache {
    const { base, log } = cacheFiles(projectDirs(root).cache);
    const loaded = readCacheFiles(root, base, log, toolIdentity());
    return new CheckCache(root, loaded?.stored ?? { files: {}, instansi: {} }, loaded);
  }

  /** The key of `raw` checked under the instansi found for it (`found`: one exists, readable or not). */
  keyOf(raw: RawFile, near: { found: boolean; entry?: InstansiEntry }): string | undefined {
    if (raw.link || raw.readError) return undefined;
    return sha256(`${raw.rel}\0${raw.abs}\0${this.inherited(near)}\0${sha256(raw.bytes)}`);
  }

  private readonly byEntry = new Map<InstansiEntry | boolean, string>();

  /** What validateSop takes from the instansi entry, hashed from structured-clone bytes (exact, unlike JSON); once per instansi. */
  private inherited(near: { found: boolean; entry?: InstansiEntry }): string {
    const e = near.entry;
    const id = e ?? near.found;
    let hash = this.byEntry.get(id);
    if (hash === undefined) {
      hash = sha256(v8Serialize({ found: near.found, ...(e ? { ok: e.ok, hasSigner: e.hasSigner, disahkan_oleh: e.disahkan_oleh, instansi: e.instansi } : {}) }));
      this.byEntry.set(id, hash);
    }
    return hash;
  }

  get(raw: RawFile, key: string | undefined): SerializedResult | undefined {
    const hit = key ? this.old[raw.rel] : undefined;
    if (hit && hit.key === key) {
      this.fresh[raw.rel] = hit;
      this.hits++;
      const result = v8Deserialize(hit.result) as SerializedResult;
      if (result.sop && hit.steps) lazyProperty(result.sop, 'steps', hit.steps);
      return result;
    }
    this.misses++;
    return undefined;
  }

  /**
   * instansi.yml's outcome of an earlier run, for the same bytes at the same place, when each
   * asset it asked about (its logo, whose bytes `ask` reads again) answers as it did then.
   */
  instansiOutcome(raw: RawFile, contentDir: string, ask: (abs: string) => AssetVerdict): InstansiOutcome | undefined {
    const key = instansiKey(raw, contentDir);
    const hit = key ? this.oldInstansi[raw.rel] : undefined;
    if (hit && hit.key === key) {
      const outcome = v8Deserialize(hit.result) as InstansiOutcome;
      if (outcome.assets.every(([abs, verdict]) => isDeepStrictEqual(ask(abs), verdict))) {
        this.freshInstansi[raw.rel] = hit;
        this.instansiCounts.hits++;
        return outcome;
      }
    }
    this.instansiCounts.misses++;
    return undefined;
  }

  /** Kept for the next run (a link or an unreadable file never). */
  keepInstansi(raw: RawFile, contentDir: string, outcome: InstansiOutcome): void {
    const key = instansiKey(raw, contentDir);
    if (key) this.freshInstansi[raw.rel] = { key, result: v8Serialize(outcome) };
  }

  set(raw: RawFile, key: string | undefined, result: SerializedResult): void {
    if (!key) return;
    // The steps' key stays in place (undefined) so a decoded Sop has its keys in the same order.
    this.fresh[raw.rel] = result.sop
      ? { key, result: v8Serialize({ ...result, sop: { ...result.sop, steps: undefined } }), steps: v8Serialize(result.sop.steps) }
      : { key, result: v8Serialize(result) };
  }

  /** The cache for the next run in this process: this run's entries, kept in memory (the preview's). */
  next(): CheckCache {
    return new CheckCache(this.root, { files: this.fresh, instansi: this.freshInstansi });
  }

  /** SOP files answered from the cache, and checked. */
  get stats(): { hits: number; misses: number } {
    return { hits: this.hits, misses: this.misses };
  }

  /** instansi.yml files answered from the cache, and checked. */
  get instansiStats(): { hits: number; misses: number } {
    return { ...this.instansiCounts };
  }

  /**
   * Keeps the entries of this run only (deleted files drop out). Written only when something
   * changed: a few changed files are appended to the log (check-cache-file.ts).
   */
  save(): void {
    const same = (a: object, b: object) => Object.keys(a).length === Object.keys(b).length;
    if (!this.misses && !this.instansiCounts.misses && same(this.fresh, this.old) && same(this.freshInstansi, this.oldInstansi)) return;
    const { base, log } = cacheFiles(projectDirs(this.root).cache);
    writeCacheFiles(this.root, base, log, { tool: toolIdentity(), files: this.fresh, instansi: this.freshInstansi }, this.loaded);
  }
}

/**
 * `object[key]` decoded from `bytes` on first read (then a plain data property, as if it had
 * always been one); enumerable, so spreading, comparing and serialising see the value.
 */
function lazyProperty(object: object, key: string, bytes: Uint8Array): void {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get(this: object) {
      const value: unknown = v8Deserialize(bytes);
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(this: object, value: unknown) {
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

/** An instansi.yml's bytes at its place (the folder names its id); none for a link or an unreadable file. */
function instansiKey(raw: RawFile, contentDir: string): string | undefined {
  if (raw.link || raw.readError) return undefined;
  return createHash('sha256').update('instansi\0').update(raw.rel).update('\0').update(raw.abs).update('\0').update(contentDir).update('\0').update(raw.bytes).digest('hex');
}

/** The cache's base file (check-cache-file.ts): what tests and the bench remove for a cold run. */
export function cacheFile(root: string): string {
  return cacheFiles(projectDirs(root).cache).base;
}

let identity: string | undefined;

/**
 * sop-press's version and its own code and schemas (rules and messages live there), plus the
 * serialisation format: a cache from any other tool is not this tool's verdict. Each file counts
 * by name, size and modification time, as make and `tsc --incremental` do: reading every byte
 * cost a warm check ~50 ms, and an edit, checkout or install changes the time.
 */
export function toolIdentity(): string {
  if (identity) return identity;
  const hash = createHash('sha256').update(process.versions.v8);
  try {
    hash.update(readFileSync(path.join(PACKAGE_ROOT, 'package.json')));
  } catch {
    // installed without it: the code's files still say which tool this is
  }
  // The installed bundle says what its code is (kit/code-digest.ts); the sources are stat-ed.
  const digest = bundledCodeDigest();
  if (digest) hash.update(digest);
  else hashTree(hash, fileURLToPath(new URL('../', import.meta.url)));
  hashTree(hash, fileURLToPath(new URL('../../schemas/', import.meta.url)));
  return (identity = hash.digest('hex'));
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = entriesUnder(dir)
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return;
  }
  for (const name of names) {
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false, bigint: true });
    if (stat?.isFile()) hash.update(`${name}\0${stat.size}\0${stat.mtimeNs}\0`);
  }
}
