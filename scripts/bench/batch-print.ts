// `node scripts/bench/batch-print.ts [--n 10]`: the issue 25 question, measured. N generated SOPs
// printed one document each (as `sop build` does) and as one document split per SOP by page
// ranges: time of each, and what of the split PDFs differs from the per-SOP prints (page content
// streams, embedded font programs, structure tree). Nothing is written to the project.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { fontDir } from '../kit/fonts.ts';
import { layoutFiles } from '../layouts/files.ts';
import { projectBaseUrl } from '../model/paths.ts';
import { printHtmls } from '../pdf/print-html.ts';
import { Printer } from '../print/pool.ts';
import { loadLayouts } from '../render/document.ts';
import { probeAsset } from '../source/assets.ts';
import { readContent } from '../source/content.ts';
import { checkContent } from '../validate/check-content.ts';
import { generateProject } from './generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const N = Number(parseArgs({ options: { n: { type: 'string', default: '10' } } }).values.n);
const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 12);

function bytesOf(doc: PDFDocument, stream: unknown): Buffer {
  const s = stream as PDFRawStream;
  return s.dict.get(PDFName.of('Filter')) ? inflateSync(s.contents) : Buffer.from(s.contents);
}

/** Hashes of each page's content and of the embedded font programs; whether there is a structure tree. */
async function facts(pdf: Uint8Array): Promise<{ pages: string[]; fonts: string[]; tagged: boolean }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    return hash(Buffer.concat(streams.map((s) => bytesOf(doc, s))));
  });
  const fonts = doc.context
    .enumerateIndirectObjects()
    .filter(([, o]) => o instanceof PDFRawStream && o.dict.has(PDFName.of('Length1')))
    .map(([, o]) => hash((o as PDFRawStream).contents));
  return { pages, fonts, tagged: doc.catalog.has(PDFName.of('StructTreeRoot')) };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-batch-'));
generateProject(dir, N);
symlinkSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'));
const sops = checkContent(readContent(dir), probeAsset).sops;
const printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()], poolSize: 1 });
try {
  const baseUrl = projectBaseUrl(dir);
  const htmls = [...(await printHtmls(printer, loadLayouts(layoutFiles(dir)), sops, baseUrl)).values()];
  // One document has one paper size: the generated SOPs are all landscape A4.
  if (!htmls.every((h) => h.includes('@page { size: 297mm 210mm;'))) throw new Error('batch-print: every SOP must be landscape A4');
  const paper = { baseUrl, width: '297mm', height: '210mm' };
  await printer.printPdf(htmls[0]!, paper); // warm-up
  let start = performance.now();
  const single: Uint8Array[] = [];
  for (const html of htmls) single.push((await printer.printPdf(html, paper)).pdf);
  const tSingle = performance.now() - start;

  // One document: the first SOP's head, every SOP's body in turn (each `.page` prints as one sheet).
  const body = (h: string) => h.slice(h.indexOf('<body>') + 6, h.lastIndexOf('</body>'));
  const batchHtml = htmls[0]!.slice(0, htmls[0]!.indexOf('<body>') + 6) + htmls.map(body).join('\n') + '</body></html>';
  start = performance.now();
  const batch = await PDFDocument.load((await printer.printPdf(batchHtml, paper)).pdf);
  const tBatch = performance.now() - start;
  const split: Uint8Array[] = [];
  let at = 0;
  for (const html of htmls) {
    const count = (html.match(/<section class="page/g) ?? []).length;
    const doc = await PDFDocument.create();
    for (const page of await doc.copyPages(batch, Array.from({ length: count }, (_, i) => at + i))) doc.addPage(page);
    at += count;
    split.push(await doc.save({ useObjectStreams: false }));
  }
  const tSplit = performance.now() - start - tBatch;
  console.log(`${htmls.length} SOP (${at} pages): one print each ${(tSingle / htmls.length).toFixed(0)} ms per SOP; one batch ${(tBatch / htmls.length).toFixed(0)} ms + split ${(tSplit / htmls.length).toFixed(0)} ms per SOP`);
  for (let i = 0; i < htmls.length; i++) {
    const [a, b] = await Promise.all([facts(single[i]!), facts(split[i]!)]);
    const samePages = a.pages.filter((p, k) => p === b.pages[k]).length;
    const sameFonts = a.fonts.filter((f) => b.fonts.includes(f)).length;
    console.log(`SOP ${i + 1}: page content streams equal ${samePages}/${a.pages.length}; font programs equal ${sameFonts}/${a.fonts.length}; structure tree ${a.tagged ? 'yes' : 'no'} -> ${b.tagged ? 'yes' : 'no'}`);
  }
} finally {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
}
