// The I/O edge of `check`: finds SOP sources and instansi.yml files under content/ and reads
// their bytes. Everything after this works on the returned plain data.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { BOOK_PAGES_DIR, MONEV_DIR, projectDirs } from '../model/paths.ts';
import { isInside, readInside, readListedFile, rootOf, type ReadInside, type Root } from './read-inside.ts';

export interface RawFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the project root, with `/`, for messages. */
  rel: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a broken link, no permission): reported, not thrown. */
  readError?: string;
  /**
   * A link (to a file or a folder) that was not followed: it leads outside content/
   * (`di-luar`), or to a file or folder already read under another path (`ganda`).
   */
  link?: { problem: 'di-luar' | 'ganda'; target: string; folder: boolean };
}

export interface ContentSet {
  root: string;
  contentDir: string;
  sops: RawFile[];
  instansi: RawFile[];
  /** The pages an office writes for its book: `<instansi>/buku/*.md`. */
  bookPages?: RawFile[];
  /** Monitoring and evaluation results: `<instansi>/monev/*.yml`. */
  monev?: RawFile[];
  /** The latest modification time (ms) of the files read: whether anything was written since a build (cli/print-hint.ts). */
  newestMs?: number;
}

/** Folders beside instansi.yml that hold no SOPs. */
const NOT_SOP_DIRS = new Set([BOOK_PAGES_DIR, MONEV_DIR, 'node_modules', '.git']);

/** The Markdown files of a book folder the book prints (not drafts `_…`, hidden files or README). */
export function isBookPage(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && lower !== 'readme.md';
}

const isInstansi = (name: string) => name === 'instansi.yml' || name === 'instansi.yaml';
const isSop = (name: string) => name.endsWith('.md') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md';
const skipDir = (name: string) => NOT_SOP_DIRS.has(name) || name.startsWith('.');

/**
 * Walks content/ and reads every SOP, instansi.yml and book page. Links are followed only inside
 * content/: real folders are walked first, then links, so a folder reached both ways is read
 * under its own path; a link out of content/, or to something already read (a cycle), is
 * returned as a RawFile with `link` set and is never read.
 */
export function readContent(root: string, contentDir = projectDirs(root).content): ContentSet {
  const sops: RawFile[] = [];
  const instansi: RawFile[] = [];
  const bookPages: RawFile[] = [];
  const monev: RawFile[] = [];
  // Each folder made relative once: path.relative resolves both paths on every call.
  const relDirs = new Map<string, string>();
  const rel = (abs: string) => {
    const dir = path.dirname(abs);
    let relDir = relDirs.get(dir);
    if (relDir === undefined) relDirs.set(dir, (relDir = path.relative(root, dir).split(path.sep).join('/')));
    const name = path.basename(abs);
    return relDir ? `${relDir}/${name}` : name;
  };
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) return { root, contentDir, sops, instansi, bookPages, monev };
  const base: Root = rootOf(contentDir);
  const seen = new Set<string>([base.real]);
  const links: Array<{ abs: string; name: string }> = [];

  // `real`: the file's real path when the walk found it through real folders (no realpath needed).
  let newestMs = 0;
  const read = (abs: string, real?: string): RawFile => {
    const got: ReadInside = real ? readListedFile(real, base) : readInside(abs, base);
    if (got.ok) {
      newestMs = Math.max(newestMs, got.stats.mtimeMs);
      return { abs, rel: rel(abs), bytes: got.bytes };
    }
    if (got.problem === 'di-luar') return { abs, rel: rel(abs), bytes: new Uint8Array(), link: { problem: 'di-luar', target: got.real, folder: false } };
    const readError = got.problem === 'tak-terbaca' ? got.code : got.problem === 'tidak-ada' ? 'ENOENT' : got.problem === 'bukan-berkas' ? `bukan berkas biasa: ${got.kind}` : got.problem;
    return { abs, rel: rel(abs), bytes: new Uint8Array(), readError };
  };
  // `listed`: found by the walk of real folders (not through a link), so `real` needs no realpath.
  const file = (abs: string, name: string, real: string, listed = false) => {
    if (!isInstansi(name) && !isSop(name)) return;
    seen.add(real);
    (isInstansi(name) ? instansi : sops).push(read(abs, listed ? real : undefined));
  };
  // Book pages: files and links to files, each read (and its link judged) by read().
  const pagesIn = (dir: string) => {
    for (const page of entriesOf(dir)) if ((page.isFile() || page.isSymbolicLink()) && isBookPage(page.name)) bookPages.push(read(path.join(dir, page.name)));
  };
  const resultsIn = (dir: string) => {
    for (const f of entriesOf(dir)) if ((f.isFile() || f.isSymbolicLink()) && /\.ya?ml$/i.test(f.name) && !f.name.startsWith('.')) monev.push(read(path.join(dir, f.name)));
  };
  // `realDir`: `dir` with links resolved; entries that are not links add only their name.
  const walk = (dir: string, realDir: string) => {
    for (const entry of entriesOf(dir)) {
      const abs = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push({ abs, name: entry.name });
      else if (entry.isDirectory()) {
        const book = entry.name === BOOK_PAGES_DIR;
        if (entry.name === MONEV_DIR) {
          seen.add(path.join(realDir, entry.name));
          resultsIn(abs);
          continue;
        }
        if (!book && skipDir(entry.name)) continue;
        const real = path.join(realDir, entry.name);
        seen.add(real);
        if (book) pagesIn(abs);
        else walk(abs, real);
      } else if (entry.isFile()) file(abs, entry.name, path.join(realDir, entry.name), true);
      else file(abs, entry.name, path.join(realDir, entry.name));
    }
  };
  walk(contentDir, base.real);
  // Links last, in the order found; walking a linked folder may find more links.
  for (let i = 0; i < links.length; i++) {
    const { abs, name } = links[i]!;
    let real: string;
    let folder: boolean;
    try {
      real = realpathSync.native(abs);
      folder = statSync(real).isDirectory();
    } catch {
      // A broken link: read() reports it where it matters (an SOP or instansi.yml).
      if (isInstansi(name) || isSop(name)) file(abs, name, abs);
      continue;
    }
    if (!folder && !isInstansi(name) && !isSop(name)) continue;
    const book = folder && name === BOOK_PAGES_DIR;
    if (folder && !book && skipDir(name)) continue;
    const list = book ? bookPages : !folder && isInstansi(name) ? instansi : sops;
    if (!isInside(real, base.real)) list.push({ abs, rel: rel(abs), bytes: new Uint8Array(), link: { problem: 'di-luar', target: real, folder } });
    else if (seen.has(real)) list.push({ abs, rel: rel(abs), bytes: new Uint8Array(), link: { problem: 'ganda', target: rel(path.join(contentDir, path.relative(base.real, real))) + (folder ? '/' : ''), folder } });
    else if (folder) {
      seen.add(real);
      if (book) pagesIn(abs);
      else walk(abs, real);
    } else file(abs, name, real);
  }
  bookPages.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  monev.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return { root, contentDir, sops, instansi, bookPages, monev, newestMs };
}

/** A folder's entries by name; none when it cannot be listed (it vanished, no permission). */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return [];
  }
}
