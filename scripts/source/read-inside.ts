// The one way sop reads a file an officer points at (SOP sources, logos, book pages): the real
// path, after every link is resolved, must stay inside a root folder, the file must be a regular
// file (never a device, FIFO or folder, which can block or never end), and its size is checked
// with stat before a byte is read. Nothing outside the root is opened, not even to look.
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export type ReadProblem =
  | { problem: 'tidak-ada' }
  /** The path as written, or the file a link leads to, lies outside the root. */
  | { problem: 'di-luar'; real: string }
  | { problem: 'bukan-berkas'; kind: 'folder' | 'perangkat' | 'pipa' | 'soket' | 'lain' }
  | { problem: 'terlalu-besar'; size: number; max: number }
  | { problem: 'tak-terbaca'; code: string };

export type ReadInside = { ok: true; bytes: Uint8Array; real: string; stats: Stats } | ({ ok: false } & ReadProblem);

/** True when `p` is `root` or lies below it (both absolute and normalized, as path.resolve gives). */
export function isInside(p: string, root: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** `root` itself with every link resolved (the root may be a link, e.g. a mounted share). */
export function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return path.resolve(root);
  }
}

export function kindOf(stats: Stats): Extract<ReadProblem, { problem: 'bukan-berkas' }>['kind'] {
  if (stats.isDirectory()) return 'folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'perangkat';
  if (stats.isFIFO()) return 'pipa';
  if (stats.isSocket()) return 'soket';
  return 'lain';
}

/** Where an open descriptor really points (Linux); undefined where the system does not say. */
function fdPath(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** A root folder as written (paths are built from it) and with its links resolved. */
export interface Root {
  logical: string;
  real: string;
}

export function rootOf(dir: string): Root {
  return { logical: path.resolve(dir), real: realRoot(dir) };
}

/**
 * Reads `abs` if it stays inside `root` and is a regular file of at most `maxBytes`. Never
 * throws for a bad file; the answer says what is wrong.
 */
export function readInside(abs: string, roots: Root, maxBytes = Number.POSITIVE_INFINITY): ReadInside {
  const root = roots.real;
  const lexical = path.resolve(abs);
  // `../../etc/passwd`, `/dev/zero`: refused by the path alone, nothing outside is touched.
  if (!isInside(lexical, roots.logical) && !isInside(lexical, root)) return { ok: false, problem: 'di-luar', real: lexical };
  let real: string;
  try {
    real = realpathSync.native(lexical);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, problem: 'tidak-ada' } : { ok: false, problem: 'tak-terbaca', code };
  }
  if (!isInside(real, root)) return { ok: false, problem: 'di-luar', real };
  let before: Stats;
  try {
    before = statSync(real);
  } catch (e) {
    return { ok: false, problem: 'tak-terbaca', code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  if (!before.isFile()) return { ok: false, problem: 'bukan-berkas', kind: kindOf(before) };
  if (before.size > maxBytes) return { ok: false, problem: 'terlalu-besar', size: before.size, max: maxBytes };
  return openInside(real, root, maxBytes, before);
}

/**
 * Reads a file a walk of real folders (no link on the way) listed as a regular file: `real` is
 * already its real path, so neither realpath nor a stat comes first (a thousand SOPs: ~7 ms).
 * The guards after open stay: no link, a regular file, inside `root`.
 */
export function readListedFile(real: string, roots: Root, maxBytes = Number.POSITIVE_INFINITY): ReadInside {
  if (!isInside(real, roots.real)) return { ok: false, problem: 'di-luar', real };
  return openInside(real, roots.real, maxBytes);
}

/** Opens `real` and reads it, checking what the descriptor points at; `before`: its stat from just before, when taken. */
function openInside(real: string, root: string, maxBytes: number, before?: Stats): ReadInside {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a link put in place since the path was resolved is refused; O_NONBLOCK: a FIFO
    // swapped in cannot block the open.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: 'bukan-berkas', kind: kindOf(stats) };
    if (before && (stats.dev !== before.dev || stats.ino !== before.ino)) return { ok: false, problem: 'tak-terbaca', code: 'EAGAIN' };
    // A folder on the way swapped for a link between realpath and open: the descriptor knows.
    const opened = fdPath(fd);
    if (opened !== undefined && path.isAbsolute(opened) && !isInside(opened, root)) return { ok: false, problem: 'di-luar', real: opened };
    if (stats.size > maxBytes) return { ok: false, problem: 'terlalu-besar', size: stats.size, max: maxBytes };
    return { ok: true, bytes: readAll(fd, stats.size, maxBytes), real, stats };
  } catch (e) {
    if (e instanceof TooBig) return { ok: false, problem: 'terlalu-besar', size: e.size, max: maxBytes };
    return { ok: false, problem: 'tak-terbaca', code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

class TooBig extends Error {
  readonly size: number;
  constructor(size: number) {
    super('too big');
    this.size = size;
  }
}

/** Reads to the end, never more than `maxBytes` (the file may grow while it is read). */
function readAll(fd: number, expected: number, maxBytes: number): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.max(1, Math.min(expected + 1, maxBytes + 1)));
  let used = 0;
  for (;;) {
    if (used === buf.length) {
      if (used > maxBytes) throw new TooBig(used);
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, used);
      buf = bigger;
    }
    const n = readSync(fd, buf, used, buf.length - used, null);
    if (n === 0) break;
    used += n;
  }
  if (used > maxBytes) throw new TooBig(used);
  return new Uint8Array(buf.buffer, buf.byteOffset, used);
}
