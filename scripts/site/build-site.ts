// `sop site`: the public catalogue in output/site/. Builds the PDFs (and books) that are
// missing or stale first, then writes the whole site as a new set of output/site, shown at once
// when complete (output/sets.ts): a failed or killed build leaves the previous site as it was.
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildBooks } from '../book/build-book.ts';
import { buildPdfs, type BuiltPdf } from '../pdf/build-pdfs.ts';
import { layoutFiles } from '../layouts/files.ts';
import { projectDirs } from '../model/paths.ts';
import type { Project } from '../model/project.ts';
import type { Sop } from '../model/sop.ts';
import { replaceSet, shownSet } from '../output/sets.ts';
import type { Printer } from '../print/pool.ts';
import { extensionOf, loadAsset } from '../source/assets.ts';
import { checkSignatures } from '../signatures/check.ts';
import type { SignedSop } from '../signatures/files.ts';
import { isPublishable } from '../signatures/status.ts';
import { siteAssets } from './assets.ts';
import { findBooks } from './books.ts';
import { siteModel, type SiteModel } from './model.ts';
import { renderPages } from './pages.ts';
import { writeSearchIndex } from './search.ts';
import { loadSiteTemplates } from './templates.ts';
import { paths, type Base } from './urls.ts';
import { entriesUnder } from '../kit/tree.ts';

export interface SiteOptions {
  /** Where pdf/, buku/ and site/ go; `<root>/output` by default. */
  outDir?: string;
  base: Base;
  /** Site title in the header (`sop site --judul`), e.g. "SOP Pemerintah Kabupaten Balangan". */
  judul?: string;
  printer: () => Promise<Printer>;
  /** Rebuild every PDF, ignoring the cache. */
  force?: boolean;
  onProgress?: (done: number, total: number, sop: Sop) => void;
  /**
   * Year of the book edition to (re)build for every instansi before the site (`sop book
   * --tahun`); absent: no book is built. Every official book found in `<outDir>/buku/`
   * (`<instansi>-<tahun>.pdf`, any year, never `-draf`) is linked.
   */
  tahunBuku?: number;
}

export interface SiteResult {
  /** Absolute path of the site folder. */
  dir: string;
  model: SiteModel;
  pdfs: BuiltPdf[];
  /** Every signable SOP's signed original and its verdict (none: not signed yet). */
  signatures: SignedSop[];
  /** HTML pages written. */
  pages: number;
  /** SOP pages in the search index. */
  indexed: number;
  /** Files in the site, all kinds. */
  files: number;
}

export async function buildSite(project: Project, options: SiteOptions): Promise<SiteResult> {
  const { root, sops } = project;
  const dirs = projectDirs(root, options.outDir);
  const outDir = dirs.output;
  const pdfs = await buildPdfs(sops, {
    root,
    outDir,
    printer: options.printer,
    ...(options.force ? { force: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  // Books are assembled from the PDFs just built; assembling is cheap next to printing, and the
  // book module has no change detection of its own, so the edition is always rebuilt (same
  // sources, same bytes).
  if (options.tahunBuku !== undefined) await buildBooks(project, { outDir, tahun: options.tahunBuku, printer: options.printer, site: options.base });

  const layouts = layoutFiles(root);
  const templates = loadSiteTemplates(layouts);
  const books = findBooks(shownSet(outDir, 'buku'), new Set(sops.map((s) => s.instansi.id)));
  // Signed originals (ttd/<slug>.pdf) verified against the PDFs just built: only a sound one is
  // published as the official PDF, byte for byte (the bytes verified, never re-saved).
  const signatures = await checkSignatures(root, sops, new Map(pdfs.map((b) => [b.sop.id, b.pdf])));
  const originals = new Map(signatures.signed.filter(isPublishable).map((s) => [s.sop.id, s]));
  const signed = new Map([...originals].map(([id, s]) => [id, { signer: s.verdict!.signer ?? '', ...(s.verdict!.signedAt ? { signedAt: s.verdict!.signedAt } : {}) }]));
  const model = siteModel({ sops, books, signed, ...(project.monev ? { monev: project.monev } : {}) });

  // Files copied as they are: PDFs of public SOPs, books; logos as checked bytes. Never the signing
  // manifests (.ttd.json): they are instructions for the signing office, not for the public.
  const built = new Map(pdfs.map((b) => [b.sop.id, b]));
  const copies: Array<{ path: string; from: string }> = [];
  const logoFiles: Array<{ path: string; data: Uint8Array }> = [];
  const originalFiles: Array<{ path: string; data: Uint8Array }> = [];
  for (const s of model.sops) {
    const original = originals.get(s.sop.id);
    if (original) originalFiles.push({ path: s.pdf, data: original.bytes });
    else copies.push({ path: s.pdf, from: built.get(s.sop.id)!.pdf });
  }
  const logos = new Map<string, string>();
  for (const i of model.instansi) {
    for (const book of i.books) copies.push({ path: paths.buku(book.file), from: book.source });
    if (i.instansi.logo) {
      // The bytes source/assets.ts checked (an SVG rebuilt without script or links), named by
      // their type: never the logo's path or name again.
      const logo = loadAsset(root, i.instansi.logo);
      const rel = paths.asset(`logo/${i.instansi.id}${extensionOf(logo)}`);
      logos.set(i.instansi.id, rel);
      logoFiles.push({ path: rel, data: logo.bytes });
    }
  }
  const sizes = new Map([...copies.map((c) => [c.path, statSync(c.from).size] as const), ...[...logoFiles, ...originalFiles].map((l) => [l.path, l.data.length] as const)]);
  const measurements = new Map(pdfs.map((b) => [b.sop.id, b.measurement]));
  const pages = renderPages(templates, { model, base: options.base, measurements, sizes, logos, ...(options.judul ? { judul: options.judul } : {}) });
  const assets = siteAssets(layouts);

  const dest = dirs.site;
  return replaceSet(outDir, 'site', async (set) => {
    let files = 0;
    const write = (rel: string, data: string | Uint8Array) => {
      set.write(rel, data);
      files++;
    };
    const copy = (rel: string, from: string) => {
      set.copy(rel, from);
      files++;
    };
    for (const p of pages) write(p.path, p.data);
    for (const a of assets) {
      if (a.data !== undefined) write(a.path, a.data);
      else copy(a.path, a.from!);
    }
    for (const c of copies) copy(c.path, c.from);
    for (const l of logoFiles) write(l.path, l.data);
    for (const o of originalFiles) write(o.path, o.data);
    // GitHub Pages would otherwise run Jekyll over the site and hide nothing useful, but slowly.
    write('.nojekyll', '');
    const indexed = await writeSearchIndex(set.dir, pages);
    files += countFiles(path.join(set.dir, 'pagefind'));
    return { dir: dest, model, pdfs, signatures: signatures.signed, pages: pages.filter((p) => p.path.endsWith('.html')).length, indexed, files };
  });
}

function countFiles(dir: string): number {
  return entriesUnder(dir).filter((e) => e.isFile()).length;
}
