// `sop build`: every valid SOP → output/pdf/<instansi>/<slug>.pdf plus its signing manifest.
// Measures all stale SOPs in one browser page, plans pages and flowcharts in Node, then prints
// through the page pool. Unchanged SOPs are skipped (their files are linked into the new set);
// output/pdf switches to the new set of files at once (see output/sets.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectDirs } from '../model/paths.ts';
import { effectiveDate } from '../model/project.ts';
import type { Sop } from '../model/sop.ts';
import { finishPdf } from '../print/finish-pdf.ts';
import type { Printer } from '../print/pool.ts';
import { loadLayouts, renderMeasureHtml, renderSopHtml, type Layouts } from '../render/document.ts';
import { sopView } from '../render/view.ts';
import { sharedInputsHash, sopInputsHash } from './inputs.ts';
import { signingManifest } from './manifest.ts';
import { identityRoom, measureInPage, planProcedure, type Measurement } from '../plan/procedure.ts';
import { currentSet, listFiles, replaceSet, setMetaFile } from '../output/sets.ts';

export interface BuildOptions {
  root: string;
  outDir?: string;
  /** Rebuild everything, ignoring the cache. */
  force?: boolean;
  /**
   * `sops` is all the content: the new set holds only their files, not those of SOPs that no
   * longer exist (renamed, deleted) nor anything else found in output/pdf.
   */
  prune?: boolean;
  printer: () => Promise<Printer>;
  onProgress?: (done: number, total: number, sop: Sop) => void;
}

export interface BuiltPdf {
  sop: Sop;
  /** Absolute path of the PDF. */
  pdf: string;
  manifest?: string;
  /** False when the previous PDF was still current. */
  rebuilt: boolean;
  /** Row heights etc. as measured for the PDF: the site draws the same flowchart from them. */
  measurement: Measurement;
}

interface CacheFile {
  version: 2;
  entries: Record<string, { hash: string; measurement: Measurement }>;
}

/** Where the PDF of an SOP goes, relative to the output directory (`under = ''`: to the pdf set). */
export function pdfPath(sop: Sop, under = 'pdf/'): string {
  return `${under}${sop.instansi.id}/${sop.slug}.pdf`;
}

/** The signing manifest beside the PDF, relative to the pdf set. */
function manifestRel(sop: Sop): string {
  return pdfPath(sop, '').replace(/\.pdf$/, '.ttd.json');
}

/** Measuring many SOPs in one page is fast, but keep the DOM of one page reasonable. */
const MEASURE_BATCH = 100;

export async function buildPdfs(sops: Sop[], options: BuildOptions): Promise<BuiltPdf[]> {
  const dirs = projectDirs(options.root, options.outDir);
  const outDir = dirs.output;
  const previous = currentSet(outDir, 'pdf');
  // The cache lives beside its set, so it always describes the PDFs shown.
  const cache = readCache(previous && setMetaFile(previous));
  const shared = sharedInputsHash(dirs.layouts);
  const hashes = new Map(sops.map((s) => [s.id, sopInputsHash(s, shared, options.root)]));
  const stale = sops.filter((s) => options.force || cache.entries[s.id]?.hash !== hashes.get(s.id) || !previous || !existsSync(path.join(previous, pdfPath(s, ''))));

  const results = new Map<string, BuiltPdf>();
  for (const sop of sops) {
    const cached = cache.entries[sop.id];
    if (!stale.includes(sop) && cached) {
      results.set(sop.id, { sop, pdf: path.join(outDir, pdfPath(sop)), ...manifestPath(dirs.pdf, previous!, sop), rebuilt: false, measurement: cached.measurement });
    }
  }
  // What the new set takes unchanged from the current one: the files of current SOPs, and with
  // prune nothing else; without prune everything but the files about to be replaced.
  const replaced = new Set(stale.flatMap((s) => [pdfPath(s, ''), manifestRel(s)]));
  const kept = new Set([...results.values()].flatMap((b) => [pdfPath(b.sop, ''), ...(b.manifest ? [manifestRel(b.sop)] : [])]));
  const before = previous ? listFiles(previous) : [];
  const carried = options.prune ? before.filter((f) => kept.has(f)) : before.filter((f) => !replaced.has(f));
  if (!stale.length && carried.length === before.length) return sops.map((s) => results.get(s.id)!);

  // Everything goes into a new set shown only once complete: a kill leaves the previous PDFs or these.
  await replaceSet(outDir, 'pdf', async (set) => {
    for (const rel of carried) set.carry(rel);
    if (stale.length) {
      const printer = await options.printer();
      const layouts = loadLayouts(dirs.layouts);
      const baseUrl = pathToFileURL(options.root + path.sep).href;
      let done = 0;
      for (let i = 0; i < stale.length; i += MEASURE_BATCH) {
        const batch = stale.slice(i, i + MEASURE_BATCH);
        const measured = await measureSops(printer, layouts, batch, baseUrl);
        await Promise.all(
          batch.map(async (sop) => {
            const measurement = measured.get(sop.id)!;
            const printed = await printOne(printer, layouts, sop, measurement, baseUrl);
            set.write(pdfPath(sop, ''), printed.pdf);
            // An SOP turned draf or basah gets no manifest that would let a service sign it.
            if (printed.manifest) set.write(manifestRel(sop), printed.manifest);
            const manifest = printed.manifest ? { manifest: path.join(dirs.pdf, manifestRel(sop)) } : {};
            results.set(sop.id, { sop, pdf: path.join(outDir, pdfPath(sop)), ...manifest, rebuilt: true, measurement });
            cache.entries[sop.id] = { hash: hashes.get(sop.id)!, measurement };
            options.onProgress?.(++done, stale.length, sop);
          }),
        );
      }
    }
    if (options.prune) for (const id of Object.keys(cache.entries)) if (!hashes.has(id)) delete cache.entries[id];
    set.writeMeta(JSON.stringify(cache));
  });
  return sops.map((s) => results.get(s.id)!);
}

function manifestPath(pdfDir: string, previous: string, sop: Sop): { manifest?: string } {
  return existsSync(path.join(previous, manifestRel(sop))) ? { manifest: path.join(pdfDir, manifestRel(sop)) } : {};
}

/** Measures SOPs in one browser page: table row heights, header, identity fit. */
export async function measureSops(printer: Printer, layouts: Layouts, sops: Sop[], baseUrl: string): Promise<Map<string, Measurement>> {
  const views = sops.map(sopView);
  const rooms = Object.fromEntries(views.map((v) => [v.id, identityRoom(v)]));
  const widest = Math.max(...views.map((v) => v.paper.widthMm));
  const list = await printer.evaluate(renderMeasureHtml(layouts, views), { baseUrl, width: `${widest}mm`, height: '210mm', label: sops.length === 1 ? sops[0]!.path : `${sops.length} SOP (${sops[0]!.path} …)` }, measureInPage, rooms);
  return new Map(list.map((m) => [m.id, m]));
}

/** The finished PDF of one SOP, and its signing manifest when it is e-signed. */
async function printOne(printer: Printer, layouts: Layouts, sop: Sop, m: Measurement, baseUrl: string): Promise<{ pdf: Uint8Array; manifest?: string }> {
  const view = sopView(sop);
  const plan = planProcedure(view, sop.steps, m);
  const html = renderSopHtml(layouts, view, plan);
  const printed = await printer.printPdf(html, { baseUrl, width: `${view.paper.widthMm}mm`, height: `${view.paper.heightMm}mm`, label: sop.path });
  // User text is escaped, so anything refused or missing is ours (a font, a layout asset):
  // better no PDF than one quietly printed in a fallback font.
  const failed = [...printed.blocked, ...printed.missing];
  if (failed.length) throw new Error(`Aset tata letak tidak dapat dimuat saat mencetak ${sop.path}: ${failed.join(', ')}`);
  if (printed.overflowing.length) {
    throw new Error(`Isi halaman ${printed.overflowing.map((i) => i + 1).join(', ')} dari ${sop.path} tidak muat di kertas ${view.paper.name}.`);
  }
  const box = printed.boxes[0];
  const sign = sop.tanda_tangan === 'elektronik' && sop.status !== 'draf' && box;
  const fieldName = `ttd_${sop.slug.replace(/[^A-Za-z0-9]+/g, '_')}`;
  const date = new Date(`${effectiveDate(sop)}T00:00:00+07:00`);
  const pdf = await finishPdf(printed.pdf, {
    title: sop.nama,
    subject: sop.nomor,
    author: `${sop.instansi.nama}, ${sop.instansi.pemerintah}`,
    keywords: ['SOP', 'Standar Operasional Prosedur', sop.nomor, sop.instansi.nama, ...(sop.unit ? [sop.unit] : [])],
    language: 'id',
    date,
    ...(sign ? { signature: { fieldName, page: box.page, rect: { x: box.x, y: box.y, width: box.width, height: box.height } } } : {}),
  });
  if (!sign) return { pdf };
  return { pdf, manifest: JSON.stringify(signingManifest(sop, `${sop.slug}.pdf`, fieldName, box), null, 2) + '\n' };
}

/** The cache kept beside the current set: what its PDFs were built from. */
function readCache(file: string | undefined): CacheFile {
  if (file) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.version === 2 && data.entries) return data;
    } catch {
      // No cache yet, or an unreadable one: build everything.
    }
  }
  return { version: 2, entries: {} };
}
