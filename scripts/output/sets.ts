// Whole-set swaps for output/pdf, output/buku and output/site.
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
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../pdf/atomic.ts';
import { projectDirs, SETS_DIR } from '../model/paths.ts';
import { OutputError, shownPath, writing } from './fs-errors.ts';

export type SetKind = 'pdf' | 'buku' | 'site' | 'gabungan';

/** Sets being written by this process: never tidied away under it. */
const inProgress = new Set<string>();

const SET_NAME = /^(pdf|buku|site|gabungan)\.(\d+)\.[A-Za-z0-9_-]+$/;

function alive(pid: number): boolean {
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
    const base = entry.replace(/\.(json|link)$/, '');
    const m = /^(pdf|buku|site|gabungan)\.(\d+)\./.exec(base);
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

/** Every file under `dir`, as `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A new set being written; nothing shows it until commit(). */
export class StagedSet {
  readonly outDir: string;
  readonly kind: SetKind;
  /** Folder the new files go into. */
  readonly dir: string;
  /** Folder of the set shown now (undefined: none yet). */
  readonly previous: string | undefined;
  readonly #name: string;
  readonly #made = new Set<string>();
  #done = false;

  constructor(outDir: string, kind: SetKind) {
    this.outDir = outDir;
    this.kind = kind;
    this.previous = currentSet(outDir, kind);
    tidy(outDir, kind);
    // Not mkdtemp: its folder is private (0700), and a web server must be able to read the site.
    this.#name = `${kind}.${process.pid}.${randomBytes(6).toString('base64url')}`;
    this.dir = path.join(outDir, SETS_DIR, this.#name);
    makeDirs(this.dir);
    inProgress.add(this.#name);
  }

  /** Takes `rel` unchanged from the previous set: a hard link where the disk allows, else a copy. */
  carry(rel: string): void {
    if (!this.previous) throw new Error(`Tidak ada set ${this.kind} sebelumnya untuk ${rel}.`);
    const from = path.join(this.previous, rel);
    const to = path.join(this.dir, rel);
    makeDirs(path.dirname(to));
    try {
      linkSync(from, to);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'EOPNOTSUPP') throw e;
      writing(to, () => copyFileSync(from, to));
    }
  }

  /** Copies `from` (anywhere) into the new set as `rel`. */
  copy(rel: string, from: string): void {
    const to = path.join(this.dir, rel);
    makeDirs(path.dirname(to));
    writing(to, () => copyFileSync(from, to));
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
  }

  /** Writes this set's side file (see setMetaFile). */
  writeMeta(data: string): void {
    writing(setMetaFile(this.dir), () => writeFileSync(setMetaFile(this.dir), data));
  }

  /** Shows the new set at output/<kind> in one step, then deletes the previous one. */
  commit(): void {
    if (this.#done) throw new Error('Set sudah ditutup.');
    pointAt(this.outDir, this.kind, this.#name);
    this.#done = true;
    inProgress.delete(this.#name);
    tidy(this.outDir, this.kind);
  }

  /** Deletes the unfinished set; output/<kind> stays as it was. */
  discard(): void {
    if (this.#done) return;
    this.#done = true;
    inProgress.delete(this.#name);
    rmSync(this.dir, { recursive: true, force: true });
    rmSync(setMetaFile(this.dir), { force: true });
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
