// `sop build`: every valid SOP → output/pdf/<instansi>/<slug>.pdf plus its signing manifest.
// Measures all stale SOPs in one browser page, plans pages and flowcharts in Node, then prints
// through the page pool. Unchanged SOPs are skipped; every file is written atomically.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { layoutFiles } from '../layouts/files.ts';
import { projectBaseUrl, projectDirs } from '../model/paths.ts';
import { effectiveDate } from '../model/project.ts';
import { firstDay } from '../kit/values.ts';
import type { Sop } from '../model/sop.ts';
import { finishPdf } from '../print/finish-pdf.ts';
import type { Printer } from '../print/pool.ts';
import { loadLayouts, type Layouts } from '../render/document.ts';
import { sopView, type SopView } from '../render/view.ts';
import { writeAtomic } from './atomic.ts';
import { selfContainedHtml } from './html.ts';
import { sharedInputsHash, sopInputsHash } from './inputs.ts';
import { signingManifest } from './manifest.ts';
import type { Measurement } from '../plan/procedure.ts';
import { measureSops, sopContexts, sopPrintHtml } from './print-html.ts';

export interface BuildOptions {
  root: string;
  outDir?: string;
  /** Rebuild everything, ignoring the cache. */
  force?: boolean;
  /**
   * `sops` is all the content: remove output/pdf files of SOPs that no longer exist (renamed,
   * deleted) and leftovers of an interrupted write.
   */
  prune?: boolean;
  printer: () => Promise<Printer>;
  /**
   * Also write `<slug>.html` beside each PDF: the HTML that was printed, made self-contained
   * (fonts and logo inlined; the PDF is printed from that very file).
   */
  html?: { allowedDirs: readonly string[] };
  onProgress?: (done: number, total: number, sop: Sop) => void;
}

export interface BuiltPdf {
  sop: Sop;
  /** Absolute path of the PDF. */
  pdf: string;
  manifest?: string;
  /** Absolute path of the printed HTML (`--html`). */
  html?: string;
  /** False when the previous PDF was still current. */
  rebuilt: boolean;
  /** Row heights etc. as measured for the PDF: the site draws the same flowchart from them. */
  measurement: Measurement;
}

interface CacheFile {
  version: 3;
  entries: Record<string, { hash: string; measurement: Measurement }>;
}

/** Where the PDF of an SOP goes, relative to the output directory. */
export function pdfPath(sop: Sop): string {
  return `pdf/${sop.instansi.id}/${sop.slug}.pdf`;
}

/** Where the printed HTML of an SOP goes (`--html`), relative to the output directory. */
export function htmlPath(sop: Sop): string {
  return pdfPath(sop).replace(/\.pdf$/, '.html');
}

function htmlFile(outDir: string, sop: Sop, options: Pick<BuildOptions, 'html'>): { html?: string } {
  return options.html ? { html: path.join(outDir, htmlPath(sop)) } : {};
}

/** Measuring many SOPs in one page is fast, but keep the DOM of one page reasonable. */
const MEASURE_BATCH = 100;

export async function buildPdfs(sops: Sop[], options: BuildOptions): Promise<BuiltPdf[]> {
  const dirs = projectDirs(options.root, options.outDir);
  const outDir = dirs.output;
  const cachePath = path.join(dirs.cache, 'pdf.json');
  const cache = readCache(cachePath);
  const layoutSources = layoutFiles(options.root);
  const shared = sharedInputsHash(layoutSources);
  const contexts = sopContexts(sops);
  const viewOf = (s: Sop) => sopView(s, contexts.get(s.id));
  const hashes = new Map(sops.map((s) => [s.id, sopInputsHash(s, shared, options.root, contexts.get(s.id))]));
  const stale = sops.filter(
    (s) =>
      options.force ||
      cache.entries[s.id]?.hash !== hashes.get(s.id) ||
      !existsSync(path.join(outDir, pdfPath(s))) ||
      (options.html !== undefined && !existsSync(path.join(outDir, htmlPath(s)))),
  );

  const results = new Map<string, BuiltPdf>();
  for (const sop of sops) {
    const cached = cache.entries[sop.id];
    if (!stale.includes(sop) && cached) {
      results.set(sop.id, { sop, pdf: path.join(outDir, pdfPath(sop)), ...manifestPath(outDir, sop), ...htmlFile(outDir, sop, options), rebuilt: false, measurement: cached.measurement });
    }
  }
  if (stale.length) {
    const printer = await options.printer();
    const layouts = loadLayouts(layoutSources);
    const baseUrl = projectBaseUrl(options.root);
    let done = 0;
    for (let i = 0; i < stale.length; i += MEASURE_BATCH) {
      const batch = stale.slice(i, i + MEASURE_BATCH);
      const measured = await measureSops(printer, layouts, batch, baseUrl, viewOf);
      await Promise.all(
        batch.map(async (sop) => {
          const measurement = measured.get(sop.id)!;
          const built = await printOne(printer, layouts, sop, viewOf(sop), measurement, baseUrl, outDir, options.html);
          results.set(sop.id, built);
          cache.entries[sop.id] = { hash: hashes.get(sop.id)!, measurement };
          options.onProgress?.(++done, stale.length, sop);
        }),
      );
      writeAtomic(cachePath, JSON.stringify(cache));
    }
  }
  if (options.prune) {
    const keep = new Set([...results.values()].flatMap((b) => [b.pdf, ...(b.manifest ? [b.manifest] : []), ...(b.html ? [b.html] : [])]));
    pruneDir(dirs.pdf, keep);
    for (const id of Object.keys(cache.entries)) if (!hashes.has(id)) delete cache.entries[id];
    writeAtomic(cachePath, JSON.stringify(cache));
  }
  return sops.map((s) => results.get(s.id)!);
}

/** Removes every file under `dir` not in `keep`, then the folders left empty. */
function pruneDir(dir: string, keep: Set<string>): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      pruneDir(abs, keep);
      if (readdirSync(abs).length === 0) rmSync(abs, { recursive: true });
    } else if (!keep.has(abs)) {
      rmSync(abs, { force: true });
    }
  }
}

function manifestPath(outDir: string, sop: Sop): { manifest?: string } {
  const file = path.join(outDir, pdfPath(sop).replace(/\.pdf$/, '.ttd.json'));
  return existsSync(file) ? { manifest: file } : {};
}

async function printOne(printer: Printer, layouts: Layouts, sop: Sop, view: SopView, m: Measurement, baseUrl: string, outDir: string, keepHtml?: BuildOptions['html']): Promise<BuiltPdf> {
  const { html: rendered } = sopPrintHtml(layouts, sop, m, view);
  const html = keepHtml ? selfContainedHtml(rendered, keepHtml.allowedDirs) : rendered;
  const printed = await printer.printPdf(html, { baseUrl, width: `${view.paper.widthMm}mm`, height: `${view.paper.heightMm}mm` });
  // User text is escaped, so anything refused or missing is ours (a font, a layout asset):
  // better no PDF than one quietly printed in a fallback font.
  const failed = [...printed.blocked, ...printed.missing];
  if (failed.length) throw new Error(`Aset tata letak tidak dapat dimuat saat mencetak ${sop.path}: ${failed.join(', ')}`);
  if (printed.overflowing.length) {
    throw new Error(`Isi halaman ${printed.overflowing.map((i) => i + 1).join(', ')} dari ${sop.path} tidak muat di kertas ${view.paper.name}.`);
  }
  const box = printed.boxes[0];
  // Only an SOP in force is signable: drafts, withdrawn and replaced SOPs are marked instead.
  const sign = sop.tanda_tangan === 'elektronik' && !view.mark && box;
  const fieldName = `ttd_${sop.slug.replace(/[^A-Za-z0-9]+/g, '_')}`;
  const date = new Date(`${firstDay(effectiveDate(sop))}T00:00:00+07:00`);
  const pdf = await finishPdf(printed.pdf, {
    title: sop.nama,
    subject: sop.nomor,
    author: `${sop.instansi.nama}, ${sop.instansi.pemerintah}`,
    keywords: ['SOP', 'Standar Operasional Prosedur', sop.nomor, sop.instansi.nama, ...(sop.unit ? [sop.unit] : [])],
    language: 'id',
    date,
    ...(sign ? { signature: { fieldName, page: box.page, rect: { x: box.x, y: box.y, width: box.width, height: box.height } } } : {}),
  });
  const file = path.join(outDir, pdfPath(sop));
  writeAtomic(file, pdf);
  if (keepHtml) writeAtomic(path.join(outDir, htmlPath(sop)), html);
  const manifestFile = file.replace(/\.pdf$/, '.ttd.json');
  if (sign) writeAtomic(manifestFile, JSON.stringify(signingManifest(sop, path.basename(file), fieldName, box), null, 2) + '\n');
  // An SOP turned draf, dicabut, digantikan or basah must not keep a manifest that would let a service sign it.
  else rmSync(manifestFile, { force: true });
  return { sop, pdf: file, ...(sign ? { manifest: manifestFile } : {}), ...htmlFile(outDir, sop, { html: keepHtml }), rebuilt: true, measurement: m };
}

function readCache(file: string): CacheFile {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (data.version === 3 && data.entries) return data;
  } catch {
    // No cache yet, or an unreadable one: build everything.
  }
  return { version: 3, entries: {} };
}
