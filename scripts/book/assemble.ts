// Puts one book together: the SOP PDFs as they are (pages copied, never re-rendered), the
// book's own sections printed by Chromium, book page numbers stamped on every page, bookmarks
// and metadata. Each SOP PDF is read and parsed exactly once.
//
// Timeline: the SOP files are read and their page counts taken from their page trees; then,
// while Node copies the SOP pages into the book, the browser prints the book's own sections
// (all of them in two documents) and the page-number stamps. Nothing waits for the other side
// unless it has to.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { drawObject, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFRef, PDFStream, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { PDFPage, PDFPageLeaf } from 'pdf-lib';
import { signerLines } from '../kit/values.ts';
import type { Instansi, Kertas, Penandatangan, Sop } from '../model/sop.ts';
import { finishDocument } from '../print/finish-pdf.ts';
import type { BookPrinter } from './print-cache.ts';
import { paper, type Paper } from '../view/paper.ts';
import { loadAsset, logoUrl as servedLogoUrl } from '../source/assets.ts';
import { bookDate, type BookContents } from './contents.ts';
import { writeOutline, type OutlineItem } from './outline.ts';
import { decreeSigner, regionOf } from './front-matter.ts';
import { copySopPages, sopPageCount } from './sop-pages.ts';
import { qrSvg, shortAddress } from './qr.ts';
import {
  blanksAfter,
  bookParts,
  changeGroups,
  coverView,
  dividerView,
  roman,
  sopRows,
  startPages,
  tocEntries,
  type FrontPage,
  type Lampiran,
  type Part,
} from './parts.ts';
import { renderSections, renderStamps, type BookLayouts, type SectionHtml, type StampPage } from './render.ts';

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
  /** Sections printed after the SOPs (the year's monitoring and evaluation report). */
  lampiran?: readonly Lampiran[];
  /** SOP id → its page on the catalogue site, when the site's address is known: a QR code on its first page. */
  links?: ReadonlyMap<string, string>;
  /** SOP id → when its verified signed original was signed (ttd/<slug>.pdf), for the Daftar SOP. */
  signed?: ReadonlyMap<string, { signedAt?: Date }>;
}

export interface AssembleOptions {
  root: string;
  layouts: BookLayouts;
  /** A Printer, or one that reuses earlier prints (print-cache.ts). */
  printer: BookPrinter;
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
  /** Milliseconds per stage (and a few counts), for the benchmark. */
  timings: Record<string, number>;
}

/** How many times the numbered sections (Daftar Isi, Daftar SOP, dividers) may be re-laid out. */
const MAX_PASSES = 6;

/** Section markers: the URL of an invisible link at the top of each section (see buku.hbs). */
const MARKER = 'https://penanda.sop-press.invalid/';

/** Page number printed in the first layout, before the real ones are known: as wide as four digits. */
const PLACEHOLDER_PAGE = 8888;

export function bookTitle(instansi: Instansi, tahun: number): string {
  return `Buku SOP ${instansi.nama} ${tahun}`;
}

function stampLabel(n: number): string {
  return `– ${n} –`;
}

/** Chromium's PDFs of the book's own pages: small, untagged; parsed in one go. */
function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** A printed document of several sections, and the 0-based pages each section spans. */
interface PrintedSections {
  doc: PDFDocument;
  ranges: Map<string, { first: number; count: number }>;
}

/**
 * Finds each section's first page by its marker link, then removes the markers: they must not
 * reach the book. Every section starts a page, so a section runs to the next one's first page.
 */
function sectionRanges(doc: PDFDocument, keys: string[]): Map<string, { first: number; count: number }> {
  const firsts = new Map<string, number>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return;
    const kept = annots.asArray().filter((ref) => {
      const annot = doc.context.lookup(ref);
      const uri = annot instanceof PDFDict ? annot.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI')) : undefined;
      const text = uri && 'decodeText' in uri && typeof uri.decodeText === 'function' ? (uri.decodeText as () => string)() : '';
      if (!text.startsWith(MARKER)) return true;
      const key = decodeURIComponent(text.slice(MARKER.length));
      if (firsts.has(key)) throw new Error(`Penanda bagian "${key}" tercetak dua kali.`);
      firsts.set(key, index);
      if (ref instanceof PDFRef) doc.context.delete(ref);
      return false;
    });
    if (kept.length) page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
    else page.node.delete(PDFName.of('Annots'));
  });
  const ranges = new Map<string, { first: number; count: number }>();
  keys.forEach((key, i) => {
    const first = firsts.get(key);
    const next = i + 1 < keys.length ? firsts.get(keys[i + 1]!) : doc.getPageCount();
    if (first === undefined || next === undefined || next <= first) throw new Error(`Halaman awal bagian "${key}" tidak ditemukan di PDF buku.`);
    ranges.set(key, { first, count: next - first });
  });
  return ranges;
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
  // Printed on both sides: every part starts on a right-hand page (blank versos between).
  const duplex = instansi.cetak === 'bolak-balik';
  const lampiran = input.lampiran ?? [];
  const parts = bookParts(contents, front, lampiran);
  const baseUrl = pathToFileURL(options.root + path.sep).href;
  const title = bookTitle(instansi, input.tahun);
  const id = { instansi, tahun: input.tahun, draf: input.draf };

  const print = async (sections: Array<{ key: string; bagian: string; data: object }>, sheet: Paper = bookPaper): Promise<PrintedSections> => {
    const html = renderSections(
      options.layouts,
      sheet,
      title,
      sections.map((s): SectionHtml => ({ bagian: s.bagian, penanda: MARKER + encodeURIComponent(s.key), data: s.data })),
    );
    const printed = await options.printer.printPdf(html, { baseUrl, width: `${sheet.widthMm}mm`, height: `${sheet.heightMm}mm`, tagged: false, label: `buku ${instansi.id}` });
    assertComplete(printed, `halaman buku ${instansi.id}`);
    const doc = await loadPdf(printed.pdf);
    return { doc, ranges: sectionRanges(doc, sections.map((s) => s.key)) };
  };

  // The sections whose text does not depend on page numbers: printed at once, in one document.
  // The checked bytes, served by the printer (source/assets.ts); judged here first so a logo
  // changed since the check stops the book with its own message.
  if (instansi.logo) loadAsset(options.root, instansi.logo);
  const logoUrl = instansi.logo ? servedLogoUrl(instansi.logo) : undefined;
  const signer = input.signer ? signerLines(input.signer) : undefined;
  const cover = coverView(id, logoUrl);
  const frontSections = front.map((page, i) => {
    // The decree is signed with the title of the position that issues it (see decreeSigner).
    const title = signer && page.keputusan ? decreeSigner(signer.jabatan, regionOf(instansi)).jabatan : signer?.jabatan;
    const ttd = page.signature && signer ? { ...signer, jabatan: title, lines: page.signature.lines } : undefined;
    // With a signature, the last block goes with it: a signature never stands alone on a page.
    const body = ttd ? page.blocks.slice(0, -1) : page.blocks;
    const view = { ...page, html: keepHeadingsWithNext(body), ...(ttd ? { closing: page.blocks.at(-1) ?? '', ttd } : {}), ...(page.keputusan ? { kop: cover } : {}) };
    return { key: `halaman:${i}`, bagian: 'halaman', data: view, portrait: Boolean(page.keputusan) };
  });
  const fixedSections = [
    { key: 'sampul', bagian: 'sampul', data: cover },
    ...frontSections.filter((s) => !s.portrait),
    { key: 'perubahan', bagian: 'perubahan', data: { instansi: instansi.nama, tahun: input.tahun, groups: changeGroups(contents) } },
    ...lampiran.map((l, i) => ({ key: `lampiran:${i}`, bagian: 'lampiran', data: l })),
  ];
  // The decree is a document of its own: portrait, printed apart from the landscape pages.
  const decreeSections = frontSections.filter((s) => s.portrait);
  const decrees = decreeSections.length ? [print(decreeSections, portrait(bookPaper))] : [];
  for (const d of decrees) d.catch(() => undefined); // awaited in layOut
  const numberedSections = (starts: ReadonlyMap<string, number>) =>
    parts.flatMap((part): Array<{ key: string; bagian: string; data: object }> => {
      if (part.kind === 'daftar-isi') return [{ key: part.key, bagian: 'daftar-isi', data: { entries: tocEntries(parts, starts) } }];
      if (part.kind === 'daftar-sop') {
        const rows = sopRows(contents, starts, input.signed);
        const data = { instansi: instansi.nama, tahun: input.tahun, rows, jumlah: rows.filter((r) => r.dimuat).length, jumlahTidakDimuat: rows.filter((r) => !r.dimuat).length };
        return [{ key: part.key, bagian: 'daftar-sop', data }];
      }
      if (part.kind === 'bagian') return [{ key: part.key, bagian: 'bagian', data: dividerView(contents, part, starts) }];
      return [];
    });

  // First print, at once: every section, the numbered ones with placeholder numbers of the
  // width of real ones. It gives every section's length while the SOP files are read.
  const placeholder = new Map(parts.map((p) => [p.key, PLACEHOLDER_PAGE]));
  const first = print([...fixedSections, ...numberedSections(placeholder)]);
  first.catch(() => undefined); // awaited in layOut

  // Each SOP's page count, cheaply (from its page tree), so that everything numbered can
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

  const layout = layOut(parts, counts, duplex, first, decrees, (s) => print(numberedSections(s)), (c) =>
    startStamps(parts, c, duplex, bookPaper, front, options, baseUrl, input.links),
  );
  layout.catch(() => undefined); // awaited below, after the copying

  // The SOP documents, in body order, each parsed once and copied straight in.
  const book = await PDFDocument.create({ updateMetadata: false });
  let fallbacks = 0;
  for (let i = 0; i < sopParts.length; i++) {
    const { pages, fast } = await copySopPages(book, files[i]!);
    if (!fast) fallbacks++;
    if (pages.length !== counts.get(sopParts[i]!.key)) throw new Error(`PDF SOP ${sopParts[i]!.sop.path}: jumlah halaman berubah saat dibaca.`);
    for (const page of pages) book.addPage(page);
    // Let the browser's replies in: the layout runs meanwhile.
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  files.length = 0;
  timings.muatLambat = fallbacks;
  lap('sop');

  const { printed, starts, passes, stamps } = await layout;
  timings.penataan = passes;
  lap('tata-letak');

  // Book sections and blank versos go in front of and between the SOPs. Inserting in page order
  // keeps every earlier part in place, so each part lands exactly on its computed first page.
  // Each printed document is copied with one copier, so its font is copied once.
  const own = new Map<string, PDFPage[]>();
  for (const { doc, ranges } of printed) {
    const keys = parts.filter((p) => ranges.has(p.key)).map((p) => p.key);
    const indices = keys.flatMap((key) => {
      const r = ranges.get(key)!;
      return Array.from({ length: r.count }, (_, k) => r.first + k);
    });
    const copied = await book.copyPages(doc, indices);
    let at = 0;
    for (const key of keys) own.set(key, copied.slice(at, (at += ranges.get(key)!.count)));
  }
  for (const [key, pages] of own) counts.set(key, pages.length);
  const blanks = blanksAfter(parts, counts, starts);
  for (const part of parts) {
    const start = starts.get(part.key)! - 1;
    own.get(part.key)?.forEach((page, k) => book.insertPage(start + k, page));
    const end = start + counts.get(part.key)!;
    if (!blanks.get(part.key)) continue;
    // The back of the part's last sheet: same size and orientation as its last page.
    const { width, height } = book.getPage(end - 1).getSize();
    for (let k = 0; k < blanks.get(part.key)!; k++) book.insertPage(end + k, [width, height]);
  }
  const pageCount = book.getPageCount();
  const expected = parts.reduce((n, p) => n + (counts.get(p.key) ?? NaN) + blanks.get(p.key)!, 0);
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
    keywords: ['SOP', 'Buku SOP', 'Standar Operasional Prosedur', 'Administrasi Pemerintahan', instansi.nama, String(input.tahun), ...contents.groups.flatMap((g) => (g.unit === null ? [] : [g.unit]))],
    language: 'id',
    date: new Date(`${bookDate(contents.listed, input.tahun)}T00:00:00+07:00`),
  });
  lap('simpan');
  return { pdf, pageCount, parts, starts, counts, outline, timings };
}

interface Layout {
  /** The printed documents that make up the book's own pages, each with the sections taken from it. */
  printed: PrintedSections[];
  starts: Map<string, number>;
  passes: number;
  stamps: Promise<StampJob[]>;
}

/**
 * Every part's first page, and the documents that hold the book's own pages. Daftar Isi, Daftar
 * SOP and the dividers print page numbers, and their own length moves the pages after them: the
 * first print (placeholder numbers) gives their length, then they are printed with the real
 * numbers until the lengths they were numbered with hold (once, unless a number's width changes
 * a line break). The stamps for the lengths being tried print alongside.
 */
async function layOut(
  parts: Part[],
  sopCounts: ReadonlyMap<string, number>,
  duplex: boolean,
  first: Promise<PrintedSections>,
  others: Array<Promise<PrintedSections>>,
  printNumbered: (starts: ReadonlyMap<string, number>) => Promise<PrintedSections>,
  stampsFor: (counts: ReadonlyMap<string, number>) => StampJob[],
): Promise<Layout> {
  const guess = new Map(sopCounts);
  const all = await first;
  const apart = await Promise.all(others);
  for (const doc of [all, ...apart]) for (const [key, range] of doc.ranges) guess.set(key, range.count);
  const numbered = new Set(parts.filter((p) => p.kind === 'daftar-isi' || p.kind === 'daftar-sop' || p.kind === 'bagian').map((p) => p.key));
  const fixed: PrintedSections = { doc: all.doc, ranges: new Map([...all.ranges].filter(([key]) => !numbered.has(key))) };
  for (let pass = 1; ; pass++) {
    const starts = startPages(parts, guess, duplex);
    const stamps = stampsFor(new Map(guess));
    const printed = await printNumbered(starts);
    let stable = true;
    for (const key of numbered) {
      const n = printed.ranges.get(key)!.count;
      if (n !== guess.get(key)) stable = false;
      guess.set(key, n);
    }
    if (stable) return { printed: [fixed, ...apart, printed], starts, passes: pass, stamps: Promise.resolve(stamps) };
    if (pass >= MAX_PASSES) throw new Error(`Daftar isi buku tidak stabil setelah ${pass} kali penataan.`);
  }
}

interface PageOwner {
  paper: Paper;
  stamp: StampPage;
}

/** What every page of the book is: its paper, and the footer it carries; null for a blank verso. */
function pageOwners(parts: Part[], counts: ReadonlyMap<string, number>, duplex: boolean, bookPaper: Paper, fronts: FrontPage[], links?: ReadonlyMap<string, string>): Array<PageOwner | null> {
  const owners: Array<PageOwner | null> = [];
  const blanks = blanksAfter(parts, counts, startPages(parts, counts, duplex));
  const papers = new Map<Kertas, Paper>();
  const paperOf = (k: Kertas) => papers.get(k) ?? papers.set(k, paper(k)).get(k)!;
  for (const part of parts) {
    const n = counts.get(part.key)!;
    for (let k = 0; k < n; k++) {
      const number = owners.length + 1;
      if (part.kind === 'sop') {
        const sop: Sop = part.sop;
        const link = k === 0 ? links?.get(sop.id) : undefined;
        owners.push({
          paper: paperOf(sop.kertas),
          stamp: {
            label: stampLabel(number),
            nomor: sop.nomor,
            halaman: `Halaman ${k + 1} dari ${n}`,
            bsre: sop.tanda_tangan === 'elektronik' && sop.status !== 'draf',
            ...(link ? { qr: { svg: qrSvg(link), alamat: shortAddress(link) } } : {}),
          },
        });
      } else {
        const front = part.front === undefined ? undefined : fronts[part.front];
        owners.push({ paper: front?.keputusan ? portrait(bookPaper) : bookPaper, stamp: { label: stampLabel(number), nomor: '', halaman: '', bsre: false } });
      }
    }
    // A blank verso stays blank: counted, not numbered.
    for (let k = 0; k < blanks.get(part.key)!; k++) owners.push(null);
  }
  return owners;
}

/** Pages print in one stamp document only with pages of the same size and orientation. */
function sheetKey(p: Paper): string {
  return `${p.widthMm}x${p.heightMm}`;
}

/** The book's paper turned upright, for the decree. */
function portrait(p: Paper): Paper {
  return { ...p, widthMm: Math.min(p.widthMm, p.heightMm), heightMm: Math.max(p.widthMm, p.heightMm) };
}

/**
 * Front-matter HTML with every heading held together with the block after it, so that a
 * heading such as "MEMUTUSKAN:" is never the last line of a page.
 */
function keepHeadingsWithNext(blocks: string[]): string {
  const heading = (b: string) => /^<h[1-6][\s>]/.test(b);
  let html = '';
  for (let i = 0; i < blocks.length; ) {
    let end = i;
    while (end < blocks.length && heading(blocks[end]!)) end++;
    if (end === i || end === blocks.length) {
      html += blocks.slice(i, Math.max(end, i + 1)).join('');
      i = Math.max(end, i + 1);
      continue;
    }
    html += `<div class="lekat">${blocks.slice(i, end + 1).join('')}</div>\n`;
    i = end + 1;
  }
  return html;
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
function startStamps(parts: Part[], counts: ReadonlyMap<string, number>, duplex: boolean, bookPaper: Paper, fronts: FrontPage[], options: AssembleOptions, baseUrl: string, links?: ReadonlyMap<string, string>): StampJob[] {
  const owners = pageOwners(parts, counts, duplex, bookPaper, fronts, links);
  const first = counts.get('sampul')!;
  const bySize = new Map<string, number[]>();
  let stamped = 0;
  for (let i = first; i < owners.length; i++) {
    const owner = owners[i];
    if (!owner) continue;
    const name = sheetKey(owner.paper);
    bySize.set(name, [...(bySize.get(name) ?? []), i]);
    stamped++;
  }
  const chunk = Math.max(STAMP_CHUNK_MIN, Math.ceil(stamped / STAMP_PRINTS));
  const slices = [...bySize.values()].flatMap((indices) => Array.from({ length: Math.ceil(indices.length / chunk) }, (_, k) => indices.slice(k * chunk, (k + 1) * chunk)));
  return slices.map((pages) => {
    const p = owners[pages[0]!]!.paper;
    const html = renderStamps(options.layouts, p, pages.map((i) => owners[i]!.stamp));
    const pdf = options.printer.printPdf(html, { baseUrl, width: `${p.widthMm}mm`, height: `${p.heightMm}mm`, tagged: false, label: 'nomor halaman buku' }).then((result) => {
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

/** Pages per stamp print, at least: below this, a second print costs more than it saves. */
const STAMP_CHUNK_MIN = 60;
/**
 * A book's stamps go out in about this many prints (more with several paper sizes), whatever
 * the size of the print pool: each print brings its own font subset into the book, so the split
 * shows in the bytes and must not depend on the machine (issue 14: a book built with
 * SOP_POOL_SIZE=1 differed from one built with 2).
 */
const STAMP_PRINTS = 4;

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
      const mark = { title: `${part.sop.nomor} – ${part.sop.nama}`, page };
      // SOPs without a unit come before the first divider, directly under the book.
      if (contents.groups[part.group]?.unit === null) items.push(mark);
      else group?.children?.push(mark);
    } else if (part.kind === 'bagian') {
      group = { title: `${roman(part.numeral ?? 1)}. ${part.title}`, page, children: [], open: printed <= 60 };
      items.push(group);
    } else {
      items.push({ title: part.title, page });
    }
  }
  return items;
}
