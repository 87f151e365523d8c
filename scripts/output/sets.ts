// Whole-set swaps for output/pdf, output/buku, output/site and output/monev.
//
// Each is a symbolic link to a complete set of files in output/.sets/ (e.g. output/pdf →
// .sets/pdf.4711.x3Fq9a), so output/pdf/<instansi>/<slug>.pdf stays the path people open. A run
// writes a new set beside the current one (unchanged files are hard-linked from it, not rewritten),
// then replaces the link with one rename(2). Whenever the process is killed, output/<kind> shows
// the whole previous set or the whole new one; the next run deletes the unfinished set.
//
// Not atomic, so guarded by a marker that the next run completes: turning an old real folder
// output/<kind> into a link (once, on the first run of this version), and every swap on Windows,
// where a junction cannot be renamed over another.
//
// What a run takes over from the set shown is only what this machine vouches for (output/vouch.ts):
// a committed or copied output/ is rebuilt, never republished, and no link in it is followed.
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../pdf/atomic.ts';
import { projectDirs, SETS_DIR } from '../model/paths.ts';
import { OutputError, shownPath, writing } from './fs-errors.ts';
import { noteShown } from './shown.ts';
import { fileStamp, ledgerFile, readInside, readLedger, sha256, trackedFiles, writeLedger, type Ledger } from './vouch.ts';
import { entriesUnder } from '../kit/tree.ts';

export type SetKind = 'pdf' | 'buku' | 'site' | 'monev' | 'gabungan';

/** Sets being written by this process: never tidied away under it. */
const inProgress = new Set<string>();

const SET_NAME = /^(pdf|buku|site|monev|gabungan)\.(\d+)\.[A-Za-z0-9_-]+$/;

/** True while process `pid` runs (also one of another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Name of the set `output/<kind>` links to; null when it does not exist or is an old real folder. */
function linkedSet(outDir: string, kind: SetKind): string | null {
  const link = path.join(outDir, kind);
  const stat = lstatOrNull(link);
  if (!stat?.isSymbolicLink()) return null;
  const name = path.basename(readlinkSync(link));
  const target = path.resolve(outDir, readlinkSync(link));
  if (!SET_NAME.test(name) || target !== path.join(outDir, SETS_DIR, name)) {
    const root = path.dirname(outDir);
    throw new OutputError(
      `${shownPath(link, root)} adalah tautan ke ${readlinkSync(link)}, bukan tautan yang dibuat sop-press.`,
      `sop-press mengganti isi ${shownPath(link, root)} sekaligus lewat tautannya sendiri. Hapus tautan itu (isinya di tempat tujuan tidak ikut terhapus), lalu jalankan lagi; untuk menerbitkan ke folder lain, salin isinya setelah pembangunan selesai.`,
    );
  }
  return name;
}

/**
 * The folder whose files `output/<kind>` shows now: its set, an old real folder, or undefined
 * when there is none yet. Completes an interrupted swap first.
 */
export function currentSet(outDir: string, kind: SetKind): string | undefined {
  checkSetsDir(outDir);
  recover(outDir, kind);
  const name = linkedSet(outDir, kind);
  if (name) return existsSync(path.join(outDir, SETS_DIR, name)) ? path.join(outDir, SETS_DIR, name) : undefined;
  const stat = lstatOrNull(path.join(outDir, kind));
  if (!stat) return undefined;
  if (stat.isDirectory()) return path.join(outDir, kind);
  const root = path.dirname(outDir);
  throw new OutputError(
    `${shownPath(path.join(outDir, kind), root)} adalah berkas, padahal seharusnya folder hasil.`,
    `Pindahkan atau ganti nama berkas ${shownPath(path.join(outDir, kind), root)}, lalu jalankan lagi. Hasil sebelumnya di output/ tidak diubah.`,
  );
}

/**
 * output/.sets must be a real folder: were it a link, cleanup would delete (and new sets land)
 * wherever it points.
 */
function checkSetsDir(outDir: string): void {
  const sets = path.join(outDir, SETS_DIR);
  // A file there (or in place of output/) fails on mkdir, with its own message (fs-errors.ts).
  let link: boolean;
  try {
    link = lstatSync(sets).isSymbolicLink();
  } catch {
    return;
  }
  if (!link) return;
  const root = path.dirname(outDir);
  throw new OutputError(
    `${shownPath(sets, root)} adalah tautan ke ${readlinkSync(sets)}, bukan folder yang dibuat sop-press.`,
    `sop-press hanya membersihkan folder ${shownPath(sets, root)} yang asli di dalam proyek. Hapus tautan ${shownPath(sets, root)} (isi di tempat tujuannya tidak ikut terhapus), lalu jalankan lagi. Hasil sebelumnya di output/ tidak diubah.`,
  );
}

/**
 * The set shown now, as far as this machine vouches for it: only files its sealed ledger lists,
 * unchanged, regular files inside the set (no link followed). Nothing at all when git tracks
 * anything under output/ (a committed output/ is rebuilt, never republished).
 */
export class ShownSet {
  /** Folder of the set (through its real path). */
  readonly dir: string;
  readonly #ledger: Ledger | undefined;
  readonly #checked = new Map<string, boolean>();

  constructor(dir: string, ledger: Ledger | undefined) {
    this.dir = dir;
    this.#ledger = ledger;
  }

  /** True when `rel` can be taken over unchanged. */
  has(rel: string): boolean {
    let ok = this.#checked.get(rel);
    if (ok === undefined) {
      const want = this.#ledger && Object.hasOwn(this.#ledger.files, rel) ? this.#ledger.files[rel] : undefined;
      const file = inSet(this.dir, rel);
      // The inode the ledger was sealed over, untouched: no need to read and hash it again.
      const stamp = want && this.#ledger!.seen && Object.hasOwn(this.#ledger!.seen, rel) ? this.#ledger!.seen[rel] : undefined;
      if (stamp !== undefined && fileStamp(file) === stamp) ok = true;
      else {
        const bytes = want ? readInside(this.dir, file) : undefined;
        ok = bytes !== undefined && sha256(bytes) === want;
      }
      this.#checked.set(rel, ok);
    }
    return ok;
  }

  hash(rel: string): string | undefined {
    return this.has(rel) ? this.#ledger!.files[rel] : undefined;
  }

  /** Every file that can be taken over, sorted. */
  files(): string[] {
    return Object.keys(this.#ledger?.files ?? {})
      .filter((rel) => this.has(rel))
      .sort();
  }

  /** What the set's writer sealed as its inputs (vouch.ts Ledger.made). */
  made(): string | undefined {
    return this.#ledger?.made;
  }

  /** Seals `made` into the ledger: the set itself stays as it is (written beside and renamed over). */
  remember(made: string): void {
    if (!this.#ledger || this.#ledger.made === made) return;
    writeAtomic(ledgerFile(this.dir), writeLedger(this.dir, { ...this.#ledger, made }));
  }

  /** Everything the ledger lists can be taken over (the side file too), and the folder holds nothing else. */
  intact(): boolean {
    if (!this.#ledger) return false;
    const listed = Object.keys(this.#ledger.files);
    return listed.every((rel) => this.has(rel)) && listFiles(this.dir).length === listed.length && (!this.#ledger.meta || this.meta() !== undefined);
  }

  /** The side file (see setMetaFile), if vouched for. */
  meta(): string | undefined {
    const want = this.#ledger?.meta;
    if (!want) return undefined;
    const bytes = readInside(path.dirname(this.dir), setMetaFile(this.dir));
    return bytes && sha256(bytes) === want ? bytes.toString('utf8') : undefined;
  }
}

/** The file `rel` (`/`-separated) of the set in `dir`: joined as is where `/` is the separator (thousands per build). */
function inSet(dir: string, rel: string): string {
  return path.sep === '/' ? `${dir}/${rel}` : path.join(dir, rel);
}

/** Why nothing of output/ was reused, if that is so: files git tracks there. */
export function committedOutput(outDir: string): number {
  return existsSync(outDir) ? trackedFiles(outDir) : 0;
}

/** The set `output/<kind>` shows now, as far as it can be reused (see ShownSet); undefined: none. */
export function shownSet(outDir: string, kind: SetKind): ShownSet | undefined {
  const dir = currentSet(outDir, kind);
  if (!dir) return undefined;
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return undefined;
  }
  // A set is a real folder in the real .sets; an old real output/<kind> has no ledger.
  const stat = lstatSync(dir);
  const inSets = path.dirname(real) === path.join(realpathSync(outDir), SETS_DIR) && stat.isDirectory() && !stat.isSymbolicLink();
  const ledger = inSets && committedOutput(outDir) === 0 ? readLedger(real) : undefined;
  return new ShownSet(real, ledger);
}

/**
 * What the writer of the set `output/<kind>` shows sealed as its inputs (ShownSet.made), read
 * without changing anything (no interrupted swap completed, nothing tidied): for a command that
 * has not taken the project's lock yet. Undefined for anything but a set this machine sealed.
 */
export function peekMade(outDir: string, kind: SetKind): string | undefined {
  try {
    const name = path.basename(readlinkSync(path.join(outDir, kind)));
    if (!SET_NAME.test(name) || committedOutput(outDir) !== 0) return undefined;
    const real = realpathSync(path.join(outDir, SETS_DIR, name));
    if (path.dirname(real) !== path.join(realpathSync(outDir), SETS_DIR)) return undefined;
    return readLedger(real)?.made;
  } catch {
    return undefined;
  }
}

/** Side file of a set (same name + `.json`): data about exactly these files, e.g. the build cache. */
export function setMetaFile(setDir: string): string {
  return `${setDir}.json`;
}

function markerFile(outDir: string, kind: SetKind): string {
  return path.join(outDir, SETS_DIR, `${kind}.swap`);
}

/** Points `output/<kind>` at set `name`, replacing whatever is there. */
function pointAt(outDir: string, kind: SetKind, name: string): void {
  const link = path.join(outDir, kind);
  const sets = path.join(outDir, SETS_DIR);
  const windows = process.platform === 'win32';
  // Windows junctions need an absolute target; elsewhere a relative one survives moving the project.
  const target = windows ? path.join(sets, name) : `${SETS_DIR}/${name}`;
  const fresh = path.join(sets, `${name}.link`);
  rmSync(fresh, { force: true });
  symlinkSync(target, fresh, windows ? 'junction' : 'dir');
  const stat = lstatOrNull(link);
  if (stat && (stat.isDirectory() || windows)) {
    // Two steps: the marker lets the next run finish the swap if this one is killed in between.
    writeAtomic(markerFile(outDir, kind), name);
    if (stat.isDirectory()) renameSync(link, path.join(sets, `${kind}.${process.pid}.lama`));
    else unlinkSync(link);
  }
  renameSync(fresh, link);
  rmSync(markerFile(outDir, kind), { force: true });
}

/** Finishes a two-step swap that was interrupted (see pointAt). */
function recover(outDir: string, kind: SetKind): void {
  let name: string;
  try {
    name = readFileSync(markerFile(outDir, kind), 'utf8').trim();
  } catch {
    return;
  }
  if (SET_NAME.test(name) && existsSync(path.join(outDir, SETS_DIR, name))) pointAt(outDir, kind, name);
  else rmSync(markerFile(outDir, kind), { force: true });
}

/**
 * Deletes sets of `kind` that are neither shown nor being written: the one just replaced, and
 * leftovers of killed runs (also the temporary folders of earlier versions). Best effort: a file
 * left behind costs disk space, not correctness. Also for a run with nothing new to show.
 */
export function tidy(outDir: string, kind: SetKind): void {
  checkSetsDir(outDir);
  const current = linkedSet(outDir, kind);
  const sets = path.join(outDir, SETS_DIR);
  const remove = (file: string) => {
    try {
      rmSync(file, { recursive: true, force: true });
    } catch {
      // e.g. a file held open on Windows: next run
    }
  };
  for (const entry of safeList(sets)) {
    const base = entry.replace(/\.(json|link|ledger)$/, '');
    const m = /^(pdf|buku|site|monev|gabungan)\.(\d+)\./.exec(base);
    if (!m || m[1] !== kind || base === current || inProgress.has(base)) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && alive(pid) && !base.endsWith('.lama')) continue;
    remove(path.join(sets, entry));
  }
  // What earlier versions left: the site's temporary folders, the cache beside a real pdf folder.
  if (kind === 'site') {
    for (const entry of safeList(outDir)) {
      const m = /^\.site-(\d+)\.(tmp|old)$/.exec(entry);
      if (m && !alive(Number(m[1]))) remove(path.join(outDir, entry));
    }
  }
  const cacheDir = projectDirs(path.dirname(outDir), outDir).cache;
  if (kind === 'pdf' && current && existsSync(path.join(cacheDir, 'pdf.json'))) {
    remove(path.join(cacheDir, 'pdf.json'));
    if (!safeList(cacheDir).length) remove(cacheDir);
  }
}

/**
 * mkdir -p that reports the real cause: Node's recursive mkdir says ENOENT where the disk is
 * read-only (EROFS) or full, so the missing folders are made one by one for the true error.
 */
function makeDirs(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const missing: string[] = [];
    for (let d = dir; !existsSync(d) && d !== path.dirname(d); d = path.dirname(d)) missing.unshift(d);
    for (const d of missing) mkdirSync(d);
    throw error;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Every file (and link) under `dir`, as `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  const base = path.resolve(dir);
  // Sliced, not path.relative: that resolves both paths again for each of thousands of files.
  const rel = (parent: string) => (parent === base ? '' : `${parent.slice(base.length + 1).split(path.sep).join('/')}/`);
  return entriesUnder(base)
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => `${rel(e.parentPath)}${e.name}`)
    .sort();
}

/** A new set being written; nothing shows it until commit(). */
export class StagedSet {
  readonly outDir: string;
  readonly kind: SetKind;
  /** Folder the new files go into. */
  readonly dir: string;
  /** The set shown now, as far as it can be reused (undefined: none yet). */
  readonly previous: ShownSet | undefined;
  readonly #name: string;
  /** What this set holds, sealed beside it on commit (see output/vouch.ts). */
  readonly #ledger: Ledger = { files: {} };
  readonly #made = new Set<string>();
  #done = false;

  constructor(outDir: string, kind: SetKind) {
    this.outDir = outDir;
    this.kind = kind;
    this.previous = shownSet(outDir, kind);
    tidy(outDir, kind);
    // Not mkdtemp: its folder is private (0700), and a web server must be able to read the site.
    this.#name = `${kind}.${process.pid}.${randomBytes(6).toString('base64url')}`;
    this.dir = path.join(outDir, SETS_DIR, this.#name);
    makeDirs(this.dir);
    inProgress.add(this.#name);
  }

  /**
   * Takes `rel` unchanged from the previous set: a hard link where the disk allows, else a copy.
   * Only a file the previous set vouches for (see ShownSet.has).
   */
  carry(rel: string): void {
    const hash = this.previous?.hash(rel);
    if (!hash) throw new Error(`Berkas ${rel} dari set ${this.kind} sebelumnya tidak dapat dipakai ulang.`);
    const from = path.join(this.previous!.dir, rel);
    const to = path.join(this.dir, rel);
    makeDirs(path.dirname(to));
    try {
      linkSync(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'EOPNOTSUPP') throw e;
      writing(to, () => writeFileSync(to, readFileSync(from)));
    }
    this.#ledger.files[rel] = hash;
  }

  /** Copies the bytes of `from` (anywhere; a link is read through) into the new set as `rel`. */
  copy(rel: string, from: string): void {
    this.write(rel, readFileSync(from));
  }

  /** Writes a file of the new set. Plain write: no one sees the set before commit. */
  write(rel: string, data: string | Uint8Array): void {
    const file = path.join(this.dir, rel);
    // Folders made once each: a province catalogue writes tens of thousands of pages.
    if (!this.#made.has(path.dirname(file))) {
      makeDirs(path.dirname(file));
      this.#made.add(path.dirname(file));
    }
    writing(file, () => writeFileSync(file, data));
    this.#ledger.files[rel.split(path.sep).join('/')] = sha256(data);
  }

  /** Writes this set's side file (see setMetaFile). */
  writeMeta(data: string): void {
    writing(setMetaFile(this.dir), () => writeFileSync(setMetaFile(this.dir), data));
    this.#ledger.meta = sha256(data);
  }

  /** Shows the new set at output/<kind> in one step, then deletes the previous one. */
  commit(): void {
    if (this.#done) throw new Error('Set sudah ditutup.');
    const ledger = writeLedger(this.dir, this.#ledger);
    writing(ledgerFile(this.dir), () => writeFileSync(ledgerFile(this.dir), ledger));
    pointAt(this.outDir, this.kind, this.#name);
    noteShown(path.join(this.outDir, this.kind));
    this.#done = true;
    inProgress.delete(this.#name);
    tidy(this.outDir, this.kind);
    this.#stamp();
  }

  /**
   * Seals the ledger again with each file's stamp (vouch.ts fileStamp), so the next run need not
   * hash every file. Only now: deleting the replaced set changed the link count, hence the change
   * time, of every file carried from it. Written beside and renamed over: a kill leaves the first
   * ledger, which vouches for the same files by their hashes alone.
   */
  #stamp(): void {
    const seen: Record<string, string> = {};
    for (const rel of Object.keys(this.#ledger.files)) {
      const stamp = fileStamp(path.join(this.dir, ...rel.split('/')));
      if (stamp !== undefined) seen[rel] = stamp;
    }
    try {
      writeAtomic(ledgerFile(this.dir), writeLedger(this.dir, { ...this.#ledger, seen }));
    } catch {
      // Best effort: the first ledger stands.
    }
  }

  /** Deletes the unfinished set; output/<kind> stays as it was. */
  discard(): void {
    if (this.#done) return;
    this.#done = true;
    inProgress.delete(this.#name);
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(setMetaFile(this.dir), { force: true });
    rmSync(ledgerFile(this.dir), { force: true });
  }
}

/** Runs `fill` on a new set of `kind` and shows it if `fill` succeeds; on failure nothing changes. */
export async function replaceSet<T>(outDir: string, kind: SetKind, fill: (set: StagedSet) => Promise<T> | T): Promise<T> {
  const set = new StagedSet(outDir, kind);
  try {
    const result = await fill(set);
    set.commit();
    return result;
  } catch (e) {
    set.discard();
    throw e;
  }
}
