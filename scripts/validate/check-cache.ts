// `sop check` across runs (like `eslint --cache`): the per-file stage's outcome, kept under
// output/.cache/ and reused for a file whose bytes, instansi and tool are all the same as when it
// was checked. Cross-file rules always run again over these per-file facts (check-content.ts).
//
// The cache is sealed with this machine's key (output/vouch.ts): one that was committed, copied
// or edited does not verify and is ignored, so a pull request cannot hide an error behind it.
// Neither is one git tracks, nor one that is not a regular file inside the project.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deserialize as v8Deserialize, serialize as v8Serialize } from 'node:v8';
import { writeAtomic } from '../pdf/atomic.ts';
import { machineMac, readInside, sha256 } from '../output/vouch.ts';
import { PACKAGE_ROOT, projectDirs } from '../model/paths.ts';
import type { RawFile } from '../source/content.ts';
import type { AssetVerdict } from '../source/assets.ts';
import type { InstansiMemo, InstansiOutcome } from './check-content.ts';
import type { SerializedResult } from './check-parallel.ts';
import type { InstansiEntry } from './instansi.ts';

const PURPOSE = 'sop-check-cache';
const MAC_BYTES = 32;

/** One file's outcome and what it was computed from. */
export interface Entry {
  /** SHA-256 of the file's bytes, its place and the instansi it inherits from. */
  key: string;
  /**
   * The SerializedResult, serialised on its own: a run that changed one file re-serialises that
   * entry and copies the others' bytes, rather than re-serialising every SOP (~50 ms for 1,000).
   */
  result: Uint8Array;
  /**
   * The Sop's steps (three quarters of the bytes), serialised apart and decoded only when a reader
   * asks for them (see get): `sop check` never does, and decoding them cost a warm check ~50 ms.
   */
  steps?: Uint8Array;
}

export interface Stored {
  tool: string;
  /** Project-relative path → entry. */
  files: Record<string, Entry>;
  /**
   * instansi.yml path → its InstansiOutcome: a run that changed no instansi.yml neither parses
   * YAML nor loads ajv for them.
   */
  instansi: Record<string, Entry>;
}

export class CheckCache implements InstansiMemo {
  private readonly fresh: Record<string, Entry> = {};
  private readonly freshInstansi: Record<string, Entry> = {};
  private hits = 0;
  private misses = 0;
  private readonly instansiCounts = { hits: 0, misses: 0 };

  private readonly file: string;
  private readonly old: Record<string, Entry>;
  private readonly oldInstansi: Record<string, Entry>;

  private readonly root: string;

  private constructor(root: string, file: string, old: Pick<Stored, 'files' | 'instansi'>) {
    this.root = root;
    this.file = file;
    this.old = old.files;
    this.oldInstansi = old.instansi;
  }

  /** The cache of the project at `root` (empty when there is none this machine can trust). */
  static open(root: string): CheckCache {
    const file = cacheFile(root);
    return new CheckCache(root, file, readTrusted(root, file) ?? { files: {}, instansi: {} });
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
    return new CheckCache(this.root, this.file, { files: this.fresh, instansi: this.freshInstansi });
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
   * changed; a cache that cannot be written (read-only output/) costs time next run, nothing else.
   */
  save(): void {
    const same = (a: object, b: object) => Object.keys(a).length === Object.keys(b).length;
    if (!this.misses && !this.instansiCounts.misses && same(this.fresh, this.old) && same(this.freshInstansi, this.oldInstansi)) return;
    const body = encodeStored({ tool: toolIdentity(), files: this.fresh, instansi: this.freshInstansi });
    try {
      // Never through a link out of the project (an output/ that leads elsewhere): then no cache.
      if (!makeInside(this.root, path.dirname(this.file))) return;
      writeAtomic(this.file, Buffer.concat([machineMac(PURPOSE, body), body]));
    } catch {
      // not writable: fine
    }
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

/** Makes `dir` (under `root`) folder by folder, false where one of them is a link elsewhere. */
function makeInside(root: string, dir: string): boolean {
  let at = root;
  let real = realpathSync(root);
  for (const part of path.relative(root, dir).split(path.sep)) {
    at = path.join(at, part);
    real = path.join(real, part);
    try {
      mkdirSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (realpathSync(at) !== real) return false;
  }
  return true;
}

/** An instansi.yml's bytes at its place (the folder names its id); none for a link or an unreadable file. */
function instansiKey(raw: RawFile, contentDir: string): string | undefined {
  if (raw.link || raw.readError) return undefined;
  return createHash('sha256').update('instansi\0').update(raw.rel).update('\0').update(raw.abs).update('\0').update(contentDir).update('\0').update(raw.bytes).digest('hex');
}

export function cacheFile(root: string): string {
  return path.join(projectDirs(root).cache, 'check.bin');
}

function readTrusted(root: string, file: string): Stored | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const bytes = readInside(realRoot, path.join(realRoot, path.relative(root, file)));
  if (!bytes || bytes.length <= MAC_BYTES || tracked(file)) return undefined;
  const body = bytes.subarray(MAC_BYTES);
  if (!machineMac(PURPOSE, body).equals(bytes.subarray(0, MAC_BYTES))) return undefined;
  try {
    const stored = decodeStored(body);
    const records = (v: unknown) => typeof v === 'object' && v !== null;
    return stored?.tool === toolIdentity() && records(stored.files) && records(stored.instansi) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Where an entry's bytes lie in the blob after the index: [start, end). */
type Span = [number, number];
type IndexEntry = { key: string; result: Span; steps?: Span };
type Index = { tool: string; files: Record<string, IndexEntry>; instansi: Record<string, IndexEntry> };

/**
 * The cache file's body: the length of its index (4 bytes), the index (v8, keys and spans), then
 * every entry's bytes one after another. Reading takes views of one buffer rather than a copy
 * per entry, as a v8-serialised Uint8Array per entry would (two thousand allocations).
 */
export function encodeStored(stored: Stored): Buffer {
  const parts: Uint8Array[] = [];
  let at = 0;
  const span = (bytes: Uint8Array): Span => {
    parts.push(bytes);
    return [at, (at += bytes.length)];
  };
  const index = (entries: Record<string, Entry>) =>
    Object.fromEntries(Object.entries(entries).map(([rel, e]) => [rel, { key: e.key, result: span(e.result), ...(e.steps ? { steps: span(e.steps) } : {}) } satisfies IndexEntry]));
  const head = v8Serialize({ tool: stored.tool, files: index(stored.files), instansi: index(stored.instansi) } satisfies Index);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  return Buffer.concat([length, head, ...parts]);
}

/** The body encodeStored wrote (sealed, so only this tool's own writing reaches here). */
export function decodeStored(body: Buffer): Stored {
  const headLength = body.readUInt32LE(0);
  const index = v8Deserialize(body.subarray(4, 4 + headLength)) as Index;
  const blob = body.subarray(4 + headLength);
  const view = ([start, end]: Span) => {
    if (!(start >= 0 && start <= end && end <= blob.length)) throw new RangeError('span outside the cache');
    return blob.subarray(start, end);
  };
  const entries = (indexed: Record<string, IndexEntry>) => {
    const out: Record<string, Entry> = {};
    for (const rel in indexed) {
      const e = indexed[rel]!;
      out[rel] = { key: e.key, result: view(e.result), ...(e.steps ? { steps: view(e.steps) } : {}) };
    }
    return out;
  };
  return { tool: index.tool, files: entries(index.files), instansi: entries(index.instansi) };
}

/** Git tracks `file`: it came with the sources, not from this machine. */
function tracked(file: string): boolean {
  const r = spawnSync('git', ['ls-files', '--error-unmatch', '--', path.basename(file)], { cwd: path.dirname(file), stdio: 'ignore' });
  return r.status === 0;
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
  for (const dir of [fileURLToPath(new URL('../', import.meta.url)), fileURLToPath(new URL('../../schemas/', import.meta.url))]) hashTree(hash, dir);
  return (identity = hash.digest('hex'));
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false, bigint: true });
    if (stat?.isFile()) hash.update(`${name}\0${stat.size}\0${stat.mtimeNs}\0`);
  }
}
