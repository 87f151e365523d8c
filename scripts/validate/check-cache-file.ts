// The bytes of the check cache on disk (check-cache.ts says what they mean). Two files under
// output/.cache/: `check.bin`, every entry of one run, sealed with this machine's key; and
// `check.log`, records appended by later runs that changed a few files, each sealed over the
// base's seal too. A run that re-checked one SOP of a thousand appends that entry (a few KB)
// instead of writing 5 MB again; when the log grows past half the base, or a file was deleted,
// the next save writes a new base and drops the log.
//
// Kills: the base is written then renamed; a record torn by a kill fails its seal, and reading
// stops there (the next save writes a new base). A log left beside a newer base carries the old
// base's seal and is ignored.
import { closeSync, constants, mkdirSync, openSync, realpathSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../pdf/atomic.ts';
import { machineMac, readInside, trackedUnder } from '../output/vouch.ts';
import { projectDirs } from '../model/paths.ts';

const PURPOSE = 'sop-check-cache';
const LOG_PURPOSE = 'sop-check-cache-log';
const MAC_BYTES = 32;

/** One file's outcome and what it was computed from. */
export interface Entry {
  /** SHA-256 of the file's bytes, its place and the instansi it inherits from. */
  key: string;
  /** The outcome, serialised on its own: a run that changed one file serialises that entry only. */
  result: Uint8Array;
  /** The Sop's steps (three quarters of the bytes), serialised apart and decoded only when read. */
  steps?: Uint8Array;
}

export interface Stored {
  tool: string;
  /** Project-relative path → entry. */
  files: Record<string, Entry>;
  /** instansi.yml path → its outcome. */
  instansi: Record<string, Entry>;
}

/** Where an entry's bytes lie in the blob after the index: start, end, and the steps' start, end. */
type Row = [key: string, start: number, end: number, stepsStart?: number, stepsEnd?: number];
type Index = { tool: string; files: Record<string, Row>; instansi: Record<string, Row> };

/**
 * A body: the length of its index (4 bytes), the index (JSON: keys and spans, parsed far faster
 * than the same in v8's format), then every entry's bytes one after another.
 */
export function encodeStored(stored: Stored): Buffer {
  const parts: Uint8Array[] = [];
  let at = 0;
  const span = (bytes: Uint8Array): [number, number] => {
    parts.push(bytes);
    return [at, (at += bytes.length)];
  };
  const rows = (entries: Record<string, Entry>) => {
    const out: Record<string, Row> = {};
    for (const rel in entries) {
      const e = entries[rel]!;
      out[rel] = e.steps ? [e.key, ...span(e.result), ...span(e.steps)] : [e.key, ...span(e.result)];
    }
    return out;
  };
  const index = Buffer.from(JSON.stringify({ tool: stored.tool, files: rows(stored.files), instansi: rows(stored.instansi) } satisfies Index));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  return Buffer.concat([length, index, ...parts]);
}

/** The body encodeStored wrote (sealed, so only this tool's own writing reaches here). */
export function decodeStored(body: Uint8Array): Stored {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const indexEnd = 4 + bytes.readUInt32LE(0);
  if (indexEnd > bytes.length) throw new RangeError('index outside the cache');
  const index = JSON.parse(bytes.toString('utf8', 4, indexEnd)) as Index;
  const blob = bytes.subarray(indexEnd);
  const view = (start: number, end: number) => {
    if (!(start >= 0 && start <= end && end <= blob.length)) throw new RangeError('span outside the cache');
    return blob.subarray(start, end);
  };
  const entries = (rows: Record<string, Row>) => {
    const out: Record<string, Entry> = {};
    for (const rel in rows) {
      const [key, start, end, stepsStart, stepsEnd] = rows[rel]!;
      out[rel] = stepsStart === undefined ? { key, result: view(start, end) } : { key, result: view(start, end), steps: view(stepsStart, stepsEnd!) };
    }
    return out;
  };
  return { tool: index.tool, files: entries(index.files), instansi: entries(index.instansi) };
}

/** What a save needs to know of the files as read. */
export interface Loaded {
  stored: Stored;
  /** The base's seal, which every log record is sealed over; its size and the log's. */
  baseMac: Buffer;
  baseBytes: number;
  logBytes: number;
  /** The log ended in a record that did not verify (torn by a kill): append nothing after it. */
  tornLog: boolean;
}

export function cacheFiles(cacheDir: string): { base: string; log: string } {
  return { base: path.join(cacheDir, 'check.bin'), log: path.join(cacheDir, 'check.log') };
}

/**
 * The cache at `base` (and its log) if this machine sealed it for `tool`, git does not track it
 * and it is a regular file inside the project; undefined otherwise.
 */
export function readCacheFiles(root: string, base: string, log: string, tool: string): Loaded | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const inside = (file: string) => readInside(realRoot, path.join(realRoot, path.relative(root, file)));
  const bytes = inside(base);
  if (!bytes || bytes.length <= MAC_BYTES || tracked(root, base, log)) return undefined;
  const baseMac = bytes.subarray(0, MAC_BYTES);
  const body = bytes.subarray(MAC_BYTES);
  if (!machineMac(PURPOSE, body).equals(baseMac)) return undefined;
  let stored: Stored;
  try {
    stored = decodeStored(body);
  } catch {
    return undefined;
  }
  const records = (v: unknown) => typeof v === 'object' && v !== null;
  if (stored.tool !== tool || !records(stored.files) || !records(stored.instansi)) return undefined;
  const loaded: Loaded = { stored, baseMac, baseBytes: bytes.length, logBytes: 0, tornLog: false };
  const logged = inside(log);
  if (logged) replay(loaded, logged, tool);
  return loaded;
}

/** Applies the log's records in order, up to the first that does not verify. */
function replay(loaded: Loaded, log: Buffer, tool: string): void {
  let at = 0;
  while (at < log.length) {
    const length = at + 4 + MAC_BYTES <= log.length ? log.readUInt32LE(at) : -1;
    const end = at + 4 + MAC_BYTES + length;
    if (length < 0 || end > log.length) break;
    const mac = log.subarray(at + 4, at + 4 + MAC_BYTES);
    const body = log.subarray(at + 4 + MAC_BYTES, end);
    if (!logMac(loaded.baseMac, body).equals(mac)) break;
    let record: Stored;
    try {
      record = decodeStored(body);
    } catch {
      break;
    }
    if (record.tool !== tool) break;
    Object.assign(loaded.stored.files, record.files);
    Object.assign(loaded.stored.instansi, record.instansi);
    at = end;
  }
  loaded.logBytes = at;
  loaded.tornLog = at < log.length;
}

function logMac(baseMac: Uint8Array, body: Uint8Array): Buffer {
  return machineMac(LOG_PURPOSE, Buffer.concat([baseMac, body]));
}

/**
 * Saves `next`: as a log record of the entries that differ from `loaded` when that is enough,
 * else as a new base. Never through a link out of the project; a cache that cannot be written
 * (read-only output/) costs time next run, nothing else.
 */
export function writeCacheFiles(root: string, base: string, log: string, next: Stored, loaded: Loaded | undefined): void {
  try {
    if (!makeInside(root, path.dirname(base))) return;
    const changed = loaded && !loaded.tornLog ? changes(loaded.stored, next) : undefined;
    if (loaded && changed) {
      const body = encodeStored({ tool: next.tool, ...changed });
      if (loaded.logBytes + body.length <= loaded.baseBytes / 2) {
        const length = Buffer.alloc(4);
        length.writeUInt32LE(body.length);
        append(log, Buffer.concat([length, logMac(loaded.baseMac, body), body]));
        return;
      }
    }
    const body = encodeStored(next);
    const mac = machineMac(PURPOSE, body);
    writeAtomic(base, Buffer.concat([mac, body]));
    rmSync(log, { force: true });
  } catch {
    // not writable: fine
  }
}

/**
 * One write, never through a link (O_NOFOLLOW): a kill leaves the whole record or a torn one that
 * does not verify.
 */
function append(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** The entries of `next` that are new or differ from `old`; undefined when one of `old`'s is gone (a new base drops it). */
function changes(old: Stored, next: Stored): Pick<Stored, 'files' | 'instansi'> | undefined {
  const part = (before: Record<string, Entry>, after: Record<string, Entry>) => {
    for (const rel in before) if (!(rel in after)) return undefined;
    const out: Record<string, Entry> = {};
    for (const rel in after) if (after[rel] !== before[rel]) out[rel] = after[rel]!;
    return out;
  };
  const files = part(old.files, next.files);
  const instansi = part(old.instansi, next.instansi);
  return files && instansi ? { files, instansi } : undefined;
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

/** Git tracks one of `files` (under output/): it came with the sources, not from this machine. */
function tracked(root: string, ...files: string[]): boolean {
  const output = projectDirs(root).output;
  const listed = trackedUnder(output);
  return files.some((f) => listed.includes(path.relative(output, f).split(path.sep).join('/')));
}
