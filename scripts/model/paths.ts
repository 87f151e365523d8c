// Where everything lives in a project: the one place that names content/, output/, layouts/
// and the book folders. Pure path arithmetic; nothing here touches the disk.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Sop } from './sop.ts';

/** sop-press's own folder (its layouts/, schemas/, package.json), in the repository or installed. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** SOP sources: `content/<instansi>/instansi.yml` + one `.md` per SOP. */
export const CONTENT_DIR = 'content';
/** Everything generated; never committed. */
export const OUTPUT_DIR = 'output';
/** Handlebars templates and CSS of the document, book and site. */
export const LAYOUTS_DIR = 'layouts';
/** Under output/: the complete sets that output/pdf, output/buku and output/site link to. */
export const SETS_DIR = '.sets';
/** Beside instansi.yml: the book's own pages (kata pengantar, keputusan …), not SOPs. */
export const BOOK_PAGES_DIR = 'buku';
/** Beside instansi.yml: monitoring and evaluation results, one `<tahun>-<semester>.yml` per semester. */
export const MONEV_DIR = 'monev';
/** Beside SOP sources: their electronically signed originals, `ttd/<slug>.pdf`. */
export const SIGNED_DIR = 'ttd';
/** Under an instansi's folder: the root certificates it trusts for those signatures. */
export const ROOTS_DIR = 'ttd/akar';

/** `content/<…>/ttd/<slug>.pdf` for an SOP at `path` (relative to the project, with `/`). */
export function signedPdfPath(sop: { path: string; slug: string }): string {
  return `${path.posix.dirname(sop.path)}/${SIGNED_DIR}/${sop.slug}.pdf`;
}

/** Only an SOP in force that is signed electronically gets a field to sign (pdf/build-pdfs.ts). */
export function isSignable(sop: Pick<Sop, 'tanda_tangan' | 'status'>): boolean {
  return sop.tanda_tangan === 'elektronik' && sop.status === 'berlaku';
}

export interface ProjectDirs {
  root: string;
  content: string;
  layouts: string;
  output: string;
  /** output/pdf: one PDF (and signing manifest) per SOP. */
  pdf: string;
  /** output/buku: the yearly books. */
  buku: string;
  /** output/site: the public catalogue. */
  site: string;
  /** output/.cache: where earlier versions kept the build cache (now beside each set in .sets/). */
  cache: string;
  /** output/.sets: the sets pdf, buku and site link to (scripts/output/sets.ts), each with its cache. */
  sets: string;
}

/** The folders of the project at `root`; `outDir` replaces output/ (tests, benchmarks). */
export function projectDirs(root: string, outDir?: string): ProjectDirs {
  const output = outDir ?? path.join(root, OUTPUT_DIR);
  return {
    root,
    content: path.join(root, CONTENT_DIR),
    layouts: path.join(root, LAYOUTS_DIR),
    output,
    pdf: path.join(output, 'pdf'),
    buku: path.join(output, 'buku'),
    site: path.join(output, 'site'),
    cache: path.join(output, '.cache'),
    sets: path.join(output, SETS_DIR),
  };
}

/**
 * A project file (path relative to the root, `/`-separated) as a URL relative to the root: the
 * printer loads documents with `<base href>` at the project root, so HTML never holds an
 * absolute path of this machine.
 */
export function projectUrl(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** The project root as a file: URL ending in `/`: the `<base href>` the printer loads under. */
export function projectBaseUrl(root: string): string {
  return pathToFileURL(root + path.sep).href;
}
