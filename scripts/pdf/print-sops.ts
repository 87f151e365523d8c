// Printing the SOPs a build found stale: measured in the browser a chunk at a time, planned and
// rendered in Node, printed through the page pool and finished (metadata, signature field).
// build-pdfs.ts loads this only when something is to be printed: a build with nothing to print
// loads neither the layouts nor the flowchart.
import type { LayoutFiles } from '../layouts/files.ts';
import { projectBaseUrl } from '../model/paths.ts';
import { effectiveDate } from '../model/project.ts';
import type { SopContext } from '../model/relations.ts';
import type { Sop } from '../model/sop.ts';
import { firstDay } from '../kit/values.ts';
import type { Measurement } from '../plan/procedure.ts';
import type { Printer } from '../print/pool.ts';
import { loadLayouts, type Layouts } from '../render/document.ts';
import { sopView, type SopView } from '../view/sop-view.ts';
import type { BuildOptions } from './build-pdfs.ts';
import { selfContainedHtml } from './html.ts';
import { signingManifest } from './manifest.ts';
import { measureSops, sopPrintHtml } from './print-html.ts';
import { pipeline } from './pipeline.ts';

/**
 * SOPs measured in one browser page. Measuring many at once costs no more per SOP (measured at
 * 10, 25 and 100), and a smaller chunk lets printing start sooner and the next chunk's measuring
 * overlap it (pdf/pipeline.ts).
 */
const MEASURE_BATCH = 25;

export interface PrintJob {
  printer: Printer;
  root: string;
  layoutSources: LayoutFiles;
  /** What the other SOPs say of each (model/relations.ts), printed with it. */
  contexts: Map<string, SopContext>;
  /** The hashes of what each SOP is printed from, for its signing manifest (pdf/parts.ts). */
  partsOf: (sop: Sop) => string[];
  html?: BuildOptions['html'];
}

export interface PrintedSop {
  pdf: Uint8Array;
  manifest?: string;
  html?: string;
}

/** Prints `stale`, handing each finished SOP to `done` (in the order they finish). */
export async function printSops(stale: Sop[], job: PrintJob, done: (sop: Sop, printed: PrintedSop, measurement: Measurement) => void): Promise<void> {
  const layouts = loadLayouts(job.layoutSources);
  const baseUrl = projectBaseUrl(job.root);
  const viewOf = (s: Sop) => sopView(s, job.contexts.get(s.id));
  await pipeline(stale, {
    chunk: MEASURE_BATCH,
    workers: 2 * job.printer.poolSize,
    measure: (batch) => measureSops(job.printer, layouts, batch, baseUrl, viewOf),
    each: async (sop, measured) => {
      const measurement = measured.get(sop.id)!;
      done(sop, await printOne(job.printer, layouts, sop, viewOf(sop), measurement, baseUrl, job.partsOf(sop), job.html), measurement);
    },
  });
}

/** The finished PDF of one SOP, its signing manifest when it is e-signed, and the printed HTML when asked. */
async function printOne(
  printer: Printer,
  layouts: Layouts,
  sop: Sop,
  view: SopView,
  m: Measurement,
  baseUrl: string,
  parts: string[],
  keepHtml?: BuildOptions['html'],
): Promise<PrintedSop> {
  const { html: rendered } = sopPrintHtml(layouts, sop, m, view);
  const html = keepHtml ? selfContainedHtml(rendered, keepHtml.allowedDirs) : rendered;
  const printed = await printer.printPdf(html, { baseUrl, width: `${view.paper.widthMm}mm`, height: `${view.paper.heightMm}mm`, label: sop.path });
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
  // Loaded only when something is printed: pdf-lib alone takes longer to load than a build with nothing to do.
  const { finishPdf } = await import('../print/finish-pdf.ts');
  // The document the printer parsed to place the signature box: not parsed a second time.
  const pdf = await finishPdf(printed.document ?? printed.pdf, {
    title: sop.nama,
    subject: sop.nomor,
    author: `${sop.instansi.nama}, ${sop.instansi.pemerintah}`,
    keywords: ['SOP', 'Standar Operasional Prosedur', sop.nomor, sop.instansi.nama, ...(sop.unit ? [sop.unit] : [])],
    language: 'id',
    date,
    // Only a PDF to be signed carries its parts' hashes: they name what changed after signing.
    ...(sign ? { signature: { fieldName, page: box.page, rect: { x: box.x, y: box.y, width: box.width, height: box.height } }, parts } : {}),
  });
  const kept = keepHtml ? { html } : {};
  if (!sign) return { pdf, ...kept };
  return { pdf, manifest: JSON.stringify(signingManifest(sop, `${sop.slug}.pdf`, fieldName, box), null, 2) + '\n', ...kept };
}

