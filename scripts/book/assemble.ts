// Puts one book together: the SOP PDFs as they are (pages copied, never re-rendered), the
// book's own sections printed by Chromium, book page numbers stamped on every page, bookmarks
// and metadata. Each SOP PDF is read and parsed exactly once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawObject, ParseSpeeds, PDFArray, PDFDocument, PDFName, PDFObjectCopier, PDFRef, PDFStream, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { PDFPage, PDFPageLeaf } from 'pdf-lib';
import { formatNip } from '../model/format.ts';
import type { Instansi, Kertas, Penandatangan, Sop } from '../model/sop.ts';
import { finishDocument } from '../print/finish-pdf.ts';
import type { Printer } from '../print/pool.ts';
import { paper, type Paper } from '../render/paper.ts';
import { bookDate, type BookContents } from './contents.ts';
import { writeOutline, type OutlineItem } from './outline.ts';
import { copySopPages, sopPageCount } from './sop-pages.ts';
import {
  bookParts,
  changeGroups,
  coverView,
  dividerView,
  estimatePages,
  roman,
  sopRows,
  startPages,
  tocEntries,
  type FrontPage,
  type Part,
} from './pages.ts';
import { renderSection, renderStamps, type BookLayouts, type StampPage } from './render.ts';

export interface BookInput {
  instansi: Instansi;
  tahun: number;
  draf: boolean;
  contents: BookContents;
  front: FrontPage[];
  /** The instansi's default signer, for front-matter pages that ask for a signature block. */
  signer?: Penandatangan;
  /** SOP id → absolute path of its finished PDF, for every SOP printed in the book. */
  pdfs: ReadonlyMap<string, string>;
}

export interface AssembleOptions {
  root: string;
  layouts: BookLayouts;
  printer: Printer;
}

export interface AssembledBook {
  pdf: Uint8Array;
  pageCount: number;
  parts: Part[];
  /** Part key → 1-based first page. */
  starts: Map<string, number>;
  /** Part key → number of pages. */
  counts: Map<string, number>;
  outline: OutlineItem[];
  /** Milliseconds per stage, for the benchmark. */
  timings: Record<string, number>;
}

/** How many times the numbered sections (Daftar Isi, Daftar SOP, dividers) may be re-laid out. */
const MAX_PASSES = 6;

export function bookTitle(instansi: Instansi, tahun: number): string {
  return `Buku SOP ${instansi.nama} ${tahun}`;
}

function stampLabel(n: number): string {
  return `– ${n} –`;
}

/** Chromium's PDFs of the book's own sections: small, untagged; parsed in one go. */
function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export async function assembleBook(input: BookInput, options: AssembleOptions): Promise<AssembledBook> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + (now - mark);
    mark = now;
  };
  const { instansi, contents, front } = input;
  const bookPaper = paper(instansi.kertas);
  const parts = bookParts(contents, front);
  const baseUrl = pathToFileURL(options.root + path.sep).href;
  const title = bookTitle(instansi, input.tahun);
  const id = { instansi, tahun: input.tahun, draf: input.draf };

  const printSection = async (section: string, data: object): Promise<PDFDocument> => {
    const html = renderSection(options.layouts, section, bookPaper, title, data);
    const printed = await options.printer.printPdf(html, { baseUrl, width: `${bookPaper.widthMm}mm`, height: `${bookPaper.heightMm}mm`, tagged: false });
    assertComplete(printed, `bagian "${section}" buku ${instansi.id}`);
    return loadPdf(printed.pdf);
  };

  // Sections whose content does not depend on page numbers: print them while the SOPs load.
  const logoUrl = instansi.logo ? pathToFileURL(instansi.logo).href : undefined;
  const signer = input.signer
    ? { jabatan: input.signer.jabatan, nama: input.signer.nama, pangkat: input.signer.pangkat, nip: input.signer.nip ? formatNip(input.signer.nip) : undefined }
    : undefined;
  const fixed = new Map<string, Promise<PDFDocument>>([['sampul', printSection('sampul', coverView(id, logoUrl))]]);
  front.forEach((page, i) => {
    const ttd = page.signature && signer ? { ...signer, lines: page.signature.lines } : undefined;
    // With a signature, the last block goes with it: a signature never stands alone on a page.
    const view = ttd ? { ...page, html: page.blocks.slice(0, -1).join(''), closing: page.blocks.at(-1) ?? '', ttd } : page;
    fixed.set(`halaman:${i}`, printSection('halaman', view));
  });
  fixed.set('perubahan', printSection('perubahan', { instansi: instansi.nama, tahun: input.tahun, groups: changeGroups(contents) }));
  // Unhandled-rejection guard: the promises are awaited in layOut.
  for (const p of fixed.values()) p.catch(() => undefined);

  const printNumbered = (part: Part, s: ReadonlyMap<string, number>): Promise<PDFDocument> => {
    if (part.kind === 'daftar-isi') return printSection('daftar-isi', { entries: tocEntries(parts, s) });
    if (part.kind === 'daftar-sop') {
      const rows = sopRows(contents, s);
      return printSection('daftar-sop', { instansi: instansi.nama, tahun: input.tahun, rows, jumlah: rows.filter((r) => r.dimuat).length, jumlahTidakDimuat: rows.filter((r) => !r.dimuat).length });
    }
    return printSection('bagian', dividerView(contents, part.kind === 'bagian' ? (part.group ?? 0) : 0, s));
  };

  // Each SOP's page count first, cheaply (from its page tree), so that everything numbered can
  // be laid out and printed in the browser while Node copies the SOP pages.
  const counts = new Map<string, number>();
  const sopParts = parts.filter((p): p is Extract<Part, { kind: 'sop' }> => p.kind === 'sop');
  const files = await Promise.all(
    sopParts.map((p) => {
      const file = input.pdfs.get(p.sop.id);
      if (!file) throw new Error(`PDF SOP ${p.sop.path} belum dibuat.`);
      return readFile(file);
    }),
  );
  for (const [i, part] of sopParts.entries()) counts.set(part.key, await sopPageCount(files[i]!));
  lap('baca');

  const layout = layOut(parts, counts, fixed, (p) => estimatePages(p, parts, contents), printNumbered, (c) => startStamps(parts, c, bookPaper, options, baseUrl));
  layout.catch(() => undefined); // awaited below, after the copying

  // The SOP documents, in body order, each parsed once and copied straight in.
  const book = await PDFDocument.create({ updateMetadata: false });
  let fallbacks = 0;
  for (let i = 0; i < sopParts.length; i++) {
    const { pages, fast } = await copySopPages(book, files[i]!);
    if (!fast) fallbacks++;
    if (pages.length !== counts.get(sopParts[i]!.key)) throw new Error(`PDF SOP ${sopParts[i]!.sop.path}: jumlah halaman berubah saat dibaca.`);
    for (const page of pages) book.addPage(page);
    // Let the browser's replies in: the layout passes run meanwhile.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  files.length = 0;
  timings.muatLambat = fallbacks;
  lap('sop');

  const { sections, starts, passes, stamps } = await layout;
  for (const [key, doc] of sections) counts.set(key, doc.getPageCount());
  timings.penataan = passes;
  lap('tata-letak');

  // Book sections go in front of and between the SOPs. Inserting in page order keeps every
  // earlier part in place, so each section lands exactly on its computed first page.
  for (const part of parts) {
    const doc = sections.get(part.key);
    if (!doc) continue;
    const copied = await book.copyPages(doc, doc.getPageIndices());
    copied.forEach((page, k) => book.insertPage(starts.get(part.key)! - 1 + k, page));
  }
  const pageCount = book.getPageCount();
  const expected = [...counts.values()].reduce((a, b) => a + b, 0);
  if (pageCount !== expected) throw new Error(`Buku ${instansi.id}: ${pageCount} halaman, seharusnya ${expected}.`);
  lap('susun');

  await overlayStamps(book, await stamps);
  lap('nomor-halaman');

  const outline = bookOutline(parts, starts, contents);
  writeOutline(book, outline);
  const pdf = await finishDocument(book, {
    title,
    subject: `Standar Operasional Prosedur Administrasi Pemerintahan ${instansi.nama} Tahun ${input.tahun}`,
    author: `${instansi.nama}, ${instansi.pemerintah}`,
    keywords: ['SOP', 'Buku SOP', 'Standar Operasional Prosedur', 'Administrasi Pemerintahan', instansi.nama, String(input.tahun), ...contents.groups.map((g) => g.unit)],
    language: 'id',
    date: new Date(`${bookDate(contents.listed, input.tahun)}T00:00:00+07:00`),
  });
  lap('simpan');
  return { pdf, pageCount, parts, starts, counts, outline, timings };
}

interface PageOwner {
  paper: Paper;
  stamp: StampPage;
}

/** What every page of the book is: its paper, and the footer it carries. */
function pageOwners(parts: Part[], counts: ReadonlyMap<string, number>, bookPaper: Paper): PageOwner[] {
  const owners: PageOwner[] = [];
  const papers = new Map<Kertas, Paper>();
  const paperOf = (k: Kertas) => papers.get(k) ?? papers.set(k, paper(k)).get(k)!;
  for (const part of parts) {
    const n = counts.get(part.key)!;
    for (let k = 0; k < n; k++) {
      const number = owners.length + 1;
      if (part.kind === 'sop') {
        const sop: Sop = part.sop;
        owners.push({
          paper: paperOf(sop.kertas),
          stamp: { label: stampLabel(number), nomor: sop.nomor, halaman: `Halaman ${k + 1} dari ${n}`, bsre: sop.tanda_tangan === 'elektronik' && sop.status !== 'draf' },
        });
      } else {
        owners.push({ paper: bookPaper, stamp: { label: stampLabel(number), nomor: '', halaman: '', bsre: false } });
      }
    }
  }
  return owners;
}

interface StampJob {
  /** 0-based book pages this print covers, in order. */
  pages: number[];
  pdf: Promise<Uint8Array>;
}

/**
 * Book page numbers: Chromium prints small documents (per paper size, in chunks so that the pool
 * prints them in parallel) with the numbers on the footer line of the SOPs; each of their pages
 * is later laid over the matching book page. Depends only on the page counts. The cover counts
 * as page 1 but shows no number.
 */
function startStamps(parts: Part[], counts: ReadonlyMap<string, number>, bookPaper: Paper, options: AssembleOptions, baseUrl: string): StampJob[] {
  const owners = pageOwners(parts, counts, bookPaper);
  const first = counts.get('sampul')!;
  const bySize = new Map<string, number[]>();
  for (let i = first; i < owners.length; i++) {
    const name = owners[i]!.paper.name;
    bySize.set(name, [...(bySize.get(name) ?? []), i]);
  }
  const chunk = Math.max(STAMP_CHUNK_MIN, Math.ceil((owners.length - first) / options.printer.poolSize));
  const slices = [...bySize.values()].flatMap((indices) => Array.from({ length: Math.ceil(indices.length / chunk) }, (_, k) => indices.slice(k * chunk, (k + 1) * chunk)));
  return slices.map((pages) => {
    const p = owners[pages[0]!]!.paper;
    const html = renderStamps(options.layouts, p, pages.map((i) => owners[i]!.stamp));
    const pdf = options.printer.printPdf(html, { baseUrl, width: `${p.widthMm}mm`, height: `${p.heightMm}mm`, tagged: false }).then((result) => {
      assertComplete(result, 'nomor halaman buku');
      return result.pdf;
    });
    pdf.catch(() => undefined); // a discarded speculative print must not crash the process
    return { pages, pdf };
  });
}

/** Overlays the printed stamps, in page order (whichever print finished first: no timing in the output). */
async function overlayStamps(book: PDFDocument, jobs: StampJob[]): Promise<void> {
  const pages = book.getPages();
  for (const job of jobs) {
    const stamps = await loadPdf(await job.pdf);
    if (stamps.getPageCount() !== job.pages.length) throw new Error(`Nomor halaman: ${stamps.getPageCount()} halaman tercetak, seharusnya ${job.pages.length}.`);
    // One copier for all stamp pages: the font they share is copied once. The stamp pages
    // themselves are not registered in the book; only what they draw with is.
    const copier = PDFObjectCopier.for(stamps.context, book.context);
    stamps.getPages().forEach((stamp, k) => overlay(book, pages[job.pages[k]!]!, copier.copy(stamp.node)));
  }
}

interface Layout {
  sections: Map<string, PDFDocument>;
  starts: Map<string, number>;
  passes: number;
  stamps: Promise<StampJob[]>;
}

/**
 * The book's own sections and every part's first page. Daftar Isi, Daftar SOP and the dividers
 * print page numbers, and their own length moves the pages after them: they are laid out until
 * the page counts they were numbered with hold, starting from an estimate. The stamps for the
 * counts being tried print alongside each pass (they are right whenever that pass holds).
 */
async function layOut(
  parts: Part[],
  sopCounts: ReadonlyMap<string, number>,
  fixed: ReadonlyMap<string, Promise<PDFDocument>>,
  estimate: (part: Part) => number,
  printNumbered: (part: Part, starts: ReadonlyMap<string, number>) => Promise<PDFDocument>,
  stampsFor: (counts: ReadonlyMap<string, number>) => StampJob[],
): Promise<Layout> {
  const sections = new Map<string, PDFDocument>();
  const guess = new Map(sopCounts);
  for (const [key, doc] of fixed) {
    sections.set(key, await doc);
    guess.set(key, sections.get(key)!.getPageCount());
  }
  const numbered = parts.filter((p) => p.kind === 'daftar-isi' || p.kind === 'daftar-sop' || p.kind === 'bagian');
  for (const p of numbered) guess.set(p.key, estimate(p));
  for (let pass = 1; ; pass++) {
    const starts = startPages(parts, guess);
    const speculative = stampsFor(new Map(guess));
    const printed = await Promise.all(numbered.map((part) => printNumbered(part, starts)));
    let stable = true;
    numbered.forEach((part, i) => {
      const n = printed[i]!.getPageCount();
      if (n !== guess.get(part.key)) stable = false;
      guess.set(part.key, n);
      sections.set(part.key, printed[i]!);
    });
    if (stable) return { sections, starts, passes: pass, stamps: Promise.resolve(speculative) };
    if (pass >= MAX_PASSES) throw new Error(`Daftar isi buku tidak stabil setelah ${pass} kali penataan.`);
  }
}

/** Pages per stamp print, at least: below this, a second print costs more than it saves. */
const STAMP_CHUNK_MIN = 60;

/** A section or stamp that printed without its font or logo would look wrong: stop instead. */
function assertComplete(printed: { missing: string[]; blocked: string[] }, what: string): void {
  const bad = [...printed.missing, ...printed.blocked];
  if (bad.length) throw new Error(`Berkas untuk ${what} tidak dapat dimuat: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ' …' : ''}.`);
}

/**
 * Draws `stamp` (a page copied into `book`, not added to it) over `target`. The stamp's content
 * stream becomes a form XObject as it is, still compressed: no decoding, nothing left orphaned.
 */
function overlay(book: PDFDocument, target: PDFPage, stamp: PDFPageLeaf): void {
  const { context } = book;
  const contents = stamp.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const streamRef = refs.length === 1 && refs[0] instanceof PDFRef ? refs[0] : undefined;
  const stream = streamRef ? context.lookup(streamRef) : undefined;
  if (!streamRef || !(stream instanceof PDFStream)) throw new Error('Nomor halaman: halaman stempel tidak berisi tepat satu content stream.');
  const box = stamp.lookup(PDFName.of('MediaBox'), PDFArray);
  stream.dict.set(PDFName.of('Type'), PDFName.of('XObject'));
  stream.dict.set(PDFName.of('Subtype'), PDFName.of('Form'));
  stream.dict.set(PDFName.of('BBox'), box);
  stream.dict.set(PDFName.of('Resources'), stamp.get(PDFName.of('Resources')) ?? context.obj({}));
  const name = target.node.newXObject('NomorBuku', streamRef);
  // pushOperators wraps the page's own content in q … Q first, so the stamp starts from a clean state.
  target.pushOperators(pushGraphicsState(), drawObject(name), popGraphicsState());
}

function bookOutline(parts: Part[], starts: ReadonlyMap<string, number>, contents: BookContents): OutlineItem[] {
  const items: OutlineItem[] = [];
  const printed = contents.groups.reduce((n, g) => n + g.sops.length, 0);
  let group: OutlineItem | undefined;
  for (const part of parts) {
    const page = starts.get(part.key)! - 1;
    if (part.kind === 'sop') {
      group?.children?.push({ title: `${part.sop.nomor} – ${part.sop.nama}`, page });
    } else if (part.kind === 'bagian') {
      group = { title: `${roman((part.group ?? 0) + 1)}. ${part.title}`, page, children: [], open: printed <= 60 };
      items.push(group);
    } else {
      items.push({ title: part.title, page });
    }
  }
  return items;
}
