// Where each layout file comes from. sop-press ships a complete layouts/ folder; an office may
// override any single file of it with its own project's layouts/<same path> (e.g. only
// layouts/sop.css, or only layouts/site/partials/halaman.hbs). Files are resolved one by one:
// the office's copy when it exists, sop-press's otherwise. Partials and site assets are the
// union of both folders, the office winning on equal names.
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { SopError } from '../errors.ts';
import { LAYOUTS_DIR, PACKAGE_ROOT, projectDirs } from '../model/paths.ts';
import { entriesUnder } from '../kit/tree.ts';

/** sop-press's own layouts (the repository's layouts/, or the installed package's). */
export const PACKAGE_LAYOUTS = path.join(PACKAGE_ROOT, LAYOUTS_DIR);

export interface LayoutFiles {
  /** Folders searched in order: the office's layouts/ (when it has one), then sop-press's. */
  dirs: string[];
}

/** The layouts a project at `root` prints with. */
export function layoutFiles(root: string): LayoutFiles {
  const own = projectDirs(root).layouts;
  const dirs = [PACKAGE_LAYOUTS];
  // In sop-press's own repository the project's layouts/ *is* the package's: search it once.
  if (existsSync(own) && realpathSync(own) !== realpathSync(PACKAGE_LAYOUTS)) dirs.unshift(own);
  return { dirs };
}

/**
 * `file`, found in the layouts folder `dir`, if its real path is inside that folder's: a layout
 * file that links elsewhere (`layouts/site/404.hbs -> /home/x/secret.txt`) would be published or
 * printed. Like content assets, judged after every link.
 */
function inside(dir: string, file: string): string {
  const real = realpathSync(file);
  const rel = path.relative(realpathSync(dir), real);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return file;
  const shown = `${LAYOUTS_DIR}/${path.relative(dir, file).split(path.sep).join('/')}`;
  throw new SopError(`Berkas tata letak ${shown} adalah tautan ke ${real}, di luar folder ${LAYOUTS_DIR}/.`, {
    hint: `Salin berkas yang dimaksud ke dalam folder ${LAYOUTS_DIR}/ (bukan tautan ke luar), lalu jalankan lagi. sop tidak mencetak atau menerbitkan berkas di luar proyek.`,
  });
}

/** Absolute path of one layout file, e.g. `book/buku.hbs`. */
export function layoutPath(files: LayoutFiles, rel: string): string {
  for (const dir of files.dirs) {
    const file = path.join(dir, rel);
    if (existsSync(file)) return inside(dir, file);
  }
  throw new SopError(`Berkas tata letak ${LAYOUTS_DIR}/${rel} tidak ditemukan.`, {
    // Every file asked for ships with sop-press: missing means a damaged installation.
    hint: 'Pasang ulang sop-press dengan `npm install`, lalu jalankan perintah ini lagi.',
  });
}

export function readLayout(files: LayoutFiles, rel: string): string {
  return readFileSync(layoutPath(files, rel), 'utf8');
}

/** Files directly in one layout folder (e.g. `site/assets`), by name, sorted; the office wins. */
export function listLayouts(files: LayoutFiles, sub: string, ext = ''): Array<{ name: string; path: string }> {
  const found = new Map<string, string>();
  for (const dir of [...files.dirs].reverse()) {
    const folder = path.join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      if ((e.isFile() || e.isSymbolicLink()) && e.name.endsWith(ext) && existsSync(path.join(folder, e.name))) found.set(e.name, inside(dir, path.join(folder, e.name)));
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, file]) => ({ name, path: file }));
}

/** Every file the PDFs depend on (all layouts but site/ and book/), resolved; for the build cache. */
export function pdfLayoutPaths(files: LayoutFiles): string[] {
  const rels = new Set<string>();
  for (const dir of files.dirs) {
    for (const e of entriesUnder(dir)) {
      const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
      if ((e.isFile() || e.isSymbolicLink()) && !/^(site|book|monev)\//.test(rel)) rels.add(rel);
    }
  }
  return [...rels].sort().map((rel) => layoutPath(files, rel));
}
