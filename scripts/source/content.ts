// The I/O edge of `check`: finds SOP sources and instansi.yml files under content/ and reads
// their bytes. Everything after this works on the returned plain data.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { BOOK_PAGES_DIR, projectDirs } from '../model/paths.ts';

export interface RawFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the project root, with `/`, for messages. */
  rel: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a broken link, no permission): reported, not thrown. */
  readError?: string;
}

export interface ContentSet {
  root: string;
  contentDir: string;
  sops: RawFile[];
  instansi: RawFile[];
  /** The pages an office writes for its book: `<instansi>/buku/*.md`. */
  bookPages?: RawFile[];
}

/** Folders beside instansi.yml that hold no SOPs. */
const NOT_SOP_DIRS = new Set([BOOK_PAGES_DIR, 'node_modules', '.git']);

/** The Markdown files of a book folder the book prints (not drafts `_…`, hidden files or README). */
export function isBookPage(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && lower !== 'readme.md';
}

export function readContent(root: string, contentDir = projectDirs(root).content): ContentSet {
  const sops: RawFile[] = [];
  const instansi: RawFile[] = [];
  const bookPages: RawFile[] = [];
  const read = (abs: string): RawFile => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    try {
      return { abs, rel, bytes: readFileSync(abs) };
    } catch (e) {
      return { abs, rel, bytes: new Uint8Array(), readError: (e as NodeJS.ErrnoException).code ?? String(e) };
    }
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === BOOK_PAGES_DIR) {
          for (const page of readdirSync(abs, { withFileTypes: true })) if (page.isFile() && isBookPage(page.name)) bookPages.push(read(path.join(abs, page.name)));
        } else if (!NOT_SOP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(abs);
      } else if (entry.name === 'instansi.yml' || entry.name === 'instansi.yaml') {
        instansi.push(read(abs));
      } else if (entry.name.endsWith('.md') && !entry.name.startsWith('_') && entry.name.toLowerCase() !== 'readme.md') {
        sops.push(read(abs));
      }
    }
  };
  if (existsSync(contentDir) && statSync(contentDir).isDirectory()) walk(contentDir);
  bookPages.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return { root, contentDir, sops, instansi, bookPages };
}
