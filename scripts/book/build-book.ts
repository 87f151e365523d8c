// `sop book`: the yearly SOP book of every instansi → output/buku/<instansi>-<tahun>.pdf.
// First builds whatever SOP PDFs are missing or stale (the same incremental build as
// `sop build`), then assembles each book from those files into a new set of output/buku (the
// other books linked over unchanged), shown at once when every book is done.
import path from 'node:path';
import { buildPdfs, type BuiltPdf } from '../pdf/build-pdfs.ts';
import { layoutFiles } from '../layouts/files.ts';
import { projectDirs } from '../model/paths.ts';
import type { Project } from '../model/project.ts';
import type { Instansi, Sop } from '../model/sop.ts';
import { replaceSet } from '../output/sets.ts';
import { sharedInputsHash } from '../pdf/inputs.ts';
import { loadAsset } from '../source/assets.ts';
import type { Printer } from '../print/pool.ts';
import { checkSignatures } from '../signatures/check.ts';
import { isPublishable } from '../signatures/status.ts';
import { fullUrl, paths, type Base } from '../site/urls.ts';
import { assembleBook, type AssembledBook } from './assemble.ts';
import { bookContents, isPrinted } from './contents.ts';
import { loadFrontMatter, placeholders } from './front-matter.ts';
import type { FrontPage, Lampiran } from './parts.ts';
import { PrintCache } from './print-cache.ts';
import { loadBookLayouts } from './render.ts';

export interface BookOptions {
  /** Output root (default `<root>/output`): SOP PDFs under pdf/, books under buku/. */
  outDir?: string;
  tahun: number;
  /** Also print `draf` SOPs (with their watermark); the file gets a `-draf` suffix. */
  draf?: boolean;
  /** Only these instansi (folder names under content/); default every instansi with SOPs. */
  instansi?: string[];
  printer: () => Promise<Printer>;
  /** Progress of the SOP PDFs being (re)built. */
  onPdfProgress?: (done: number, total: number, sop: Sop) => void;
  /**
   * The catalogue site's address (a full URL, `sop site --base-url` / SOP_BASE_URL): each
   * e-signed SOP's first page in the book then carries a QR code to its page there, where its
   * signed original is. A bare path is not enough.
   */
  site?: Base;
  /** Sections printed after the SOPs, by instansi id (`sop book --monev`: the year's report). */
  lampiran?: ReadonlyMap<string, readonly Lampiran[]>;
  /** Called as each book is written: `done` of `total` books. */
  onBook?: (instansi: Instansi, done: number, total: number) => void;
}

export interface BuiltBook {
  instansi: Instansi;
  /** Absolute path of the book. */
  file: string;
  /** SOPs printed in the body, and listed in Daftar SOP. */
  printed: number;
  listed: number;
  /** The book itself: bytes, parts, first pages, bookmarks, timings. */
  assembled: AssembledBook;
  /** Its front-matter pages, in order. */
  front: FrontPage[];
}

export interface BookRun {
  books: BuiltBook[];
  pdfs: BuiltPdf[];
  /** Milliseconds: building SOP PDFs, assembling books. */
  timings: { pdf: number; buku: number };
}

/** Books assembled concurrently; each holds its whole PDF in memory until written. */
const BOOKS_AT_ONCE = 2;

export function bookFileName(instansiId: string, tahun: number, draf: boolean): string {
  return `buku/${instansiId}-${tahun}${draf ? '-draf' : ''}.pdf`;
}

/** SOPs grouped by instansi folder, in the order of the instansi ids. */
export function byInstansi(sops: Sop[]): Map<string, Sop[]> {
  const map = new Map<string, Sop[]>();
  for (const sop of [...sops].sort((a, b) => (a.instansi.id < b.instansi.id ? -1 : a.instansi.id > b.instansi.id ? 1 : 0))) {
    map.set(sop.instansi.id, [...(map.get(sop.instansi.id) ?? []), sop]);
  }
  return map;
}

export async function buildBooks(project: Project, options: BookOptions): Promise<BookRun> {
  const { root, sops } = project;
  const dirs = projectDirs(root, options.outDir);
  const outDir = dirs.output;
  const draf = Boolean(options.draf);
  const groups = byInstansi(sops);
  const wanted = options.instansi ? [...new Set(options.instansi)].sort() : [...groups.keys()];
  const chosen = wanted.filter((id) => groups.has(id)).map((id) => ({ id, sops: groups.get(id)! }));

  // Front matter first: a broken page stops the run before anything is printed.
  const plans = chosen.map(({ sops: list }) => {
    const instansi = list[0]!.instansi;
    const contents = bookContents(list, options.tahun, draf);
    const printed = contents.groups.reduce((n, g) => n + g.sops.length, 0);
    // The signer as the check read it (an unquoted NIP keeps its digits).
    const signer = instansi.disahkan_oleh;
    const front = loadFrontMatter(instansi, root, placeholders(instansi, options.tahun, printed, signer));
    return { instansi, contents, front, signer };
  });

  let t = performance.now();
  const toPrint = chosen.flatMap((c) => c.sops.filter((s) => isPrinted(s.status, draf)));
  const pdfs = toPrint.length
    ? await buildPdfs(toPrint, { root: root, outDir, printer: options.printer, ...(options.onPdfProgress ? { onProgress: options.onPdfProgress } : {}) })
    : [];
  const pdfTime = performance.now() - t;
  const pdfById = new Map(pdfs.map((b) => [b.sop.id, b.pdf]));
  // Which SOPs have a verified signed original, for the book's Daftar SOP (the pages bound are copies).
  const verified = await checkSignatures(root, toPrint, pdfById);
  const signed = new Map(verified.signed.filter(isPublishable).map((s) => [s.sop.id, s.verdict!.signedAt ? { signedAt: s.verdict!.signedAt } : {}]));
  const site = options.site?.origin ? options.site : undefined;
  // Only e-signed SOPs: their original is on the site; a wet-signed office's book is unchanged.
  const links = site ? new Map(toPrint.filter((s) => s.tanda_tangan === 'elektronik').map((s) => [s.id, fullUrl(site, paths.sop(s))])) : undefined;

  t = performance.now();
  const books: BuiltBook[] = [];
  if (plans.length) {
    const names = new Set(plans.map((p) => bookFileName(p.instansi.id, options.tahun, draf)));
    await replaceSet(outDir, 'buku', async (set) => {
      // Every other book (other years, other instansi, drafts) stays as it was.
      if (set.previous) for (const rel of set.previous.files()) if (!names.has(`buku/${rel}`)) set.carry(rel);
      const files = layoutFiles(root);
      const layouts = loadBookLayouts(files);
      const shared = sharedInputsHash(files);
      let finished = 0;
      const one = async (i: number): Promise<BuiltBook> => {
        const plan = plans[i]!;
        const rel = bookFileName(plan.instansi.id, options.tahun, draf);
        // The book's own pages as printed last time, where their HTML is the same (print-cache.ts).
        const logo = plan.instansi.logo ? loadAsset(root, plan.instansi.logo).sha256 : '';
        const prints = new PrintCache(path.join(dirs.cache, 'buku', path.posix.basename(rel, '.pdf')), `${shared}\0${logo}`);
        const assembled = await assembleBook(
          { instansi: plan.instansi, tahun: options.tahun, draf, contents: plan.contents, front: plan.front, ...(plan.signer ? { signer: plan.signer } : {}), pdfs: pdfById, lampiran: options.lampiran?.get(plan.instansi.id) ?? [], signed, ...(links ? { links } : {}) },
          { root, layouts, printer: prints.printer(options.printer) },
        );
        prints.prune();
        set.write(rel.slice('buku/'.length), assembled.pdf);
        options.onBook?.(plan.instansi, ++finished, plans.length);
        const file = path.join(outDir, rel);
        return { instansi: plan.instansi, file, printed: plan.contents.groups.reduce((n, g) => n + g.sops.length, 0), listed: plan.contents.listed.length, assembled, front: plan.front };
      };
      // Two books at a time: one copies pages in Node while the other's sections print in the browser.
      let next = 0;
      const worker = async () => {
        while (next < plans.length) {
          const i = next++;
          books[i] = await one(i);
        }
      };
      await Promise.all(Array.from({ length: Math.min(BOOKS_AT_ONCE, plans.length) }, worker));
    });
  }
  return { books, pdfs, timings: { pdf: pdfTime, buku: performance.now() - t } };
}
