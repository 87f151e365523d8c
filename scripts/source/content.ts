// The I/O edge of `check`: finds SOP sources and instansi.yml files under content/ and reads
// their bytes. Everything after this works on the returned plain data.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isInside, readInside, rootOf, type Root } from './read-inside.ts';

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
}

/** Folders beside instansi.yml that hold book pages, not SOPs. */
const NOT_SOP_DIRS = new Set(['buku', 'node_modules', '.git']);

const isInstansi = (name: string) => name === 'instansi.yml' || name === 'instansi.yaml';
const isSop = (name: string) => name.endsWith('.md') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md';
const skipDir = (name: string) => NOT_SOP_DIRS.has(name) || name.startsWith('.');

/**
 * Walks content/ and reads every SOP and instansi.yml. Links are followed only inside content/:
 * real folders are walked first, then links, so a folder reached both ways is read under its
 * own path; a link out of content/, or to something already read (a cycle), is returned as a
 * RawFile with `link` set and is never read.
 */
export function readContent(root: string, contentDir = path.join(root, 'content')): ContentSet {
  const sops: RawFile[] = [];
  const instansi: RawFile[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) return { root, contentDir, sops, instansi };
  const base: Root = rootOf(contentDir);
  const seen = new Set<string>([base.real]);
  const links: Array<{ abs: string; name: string }> = [];

  const read = (abs: string): RawFile => {
    const got = readInside(abs, base);
    if (got.ok) return { abs, rel: rel(abs), bytes: got.bytes };
    const readError = got.problem === 'tak-terbaca' ? got.code : got.problem === 'tidak-ada' ? 'ENOENT' : got.problem === 'bukan-berkas' ? `bukan berkas biasa: ${got.kind}` : got.problem;
    return { abs, rel: rel(abs), bytes: new Uint8Array(), readError };
  };
  const file = (abs: string, name: string, real: string) => {
    if (!isInstansi(name) && !isSop(name)) return;
    seen.add(real);
    (isInstansi(name) ? instansi : sops).push(read(abs));
  };
  // `realDir`: `dir` with links resolved; entries that are not links add only their name.
  const walk = (dir: string, realDir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push({ abs, name: entry.name });
      else if (entry.isDirectory()) {
        if (skipDir(entry.name)) continue;
        const real = path.join(realDir, entry.name);
        seen.add(real);
        walk(abs, real);
      } else file(abs, entry.name, path.join(realDir, entry.name));
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
    if (folder && skipDir(name)) continue;
    const list = !folder && isInstansi(name) ? instansi : sops;
    if (!isInside(real, base.real)) list.push({ abs, rel: rel(abs), bytes: new Uint8Array(), link: { problem: 'di-luar', target: real, folder } });
    else if (seen.has(real)) list.push({ abs, rel: rel(abs), bytes: new Uint8Array(), link: { problem: 'ganda', target: rel(path.join(contentDir, path.relative(base.real, real))) + (folder ? '/' : ''), folder } });
    else if (folder) {
      seen.add(real);
      walk(abs, real);
    } else file(abs, name, real);
  }
  return { root, contentDir, sops, instansi };
}
