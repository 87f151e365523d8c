// Reading the pages of a finished SOP PDF, fast. A 2–3 page SOP holds ~500 objects, almost all
// of them its tagged-PDF structure tree; the book needs only the ~30 its pages draw with (content
// streams, fonts, graphics states). pdf-lib's loader parses every object of the file, so for a
// 500-SOP book most of the time went into objects the book drops. Here the classic xref table
// (what finishPdf writes) locates each object, and only the objects reachable from the pages are
// parsed. Anything unexpected (xref streams, incremental updates, a damaged table) falls back to
// pdf-lib's full loader, so the result never depends on which path ran.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFObjectParser,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFContext,
  ParseSpeeds,
} from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';

/** Page-level keys the book does not carry over: the structure tree is not copied, and the page tree is the book's. */
const DROPPED_PAGE_KEYS = ['StructParents', 'Parent'];

const latin1 = new TextDecoder('latin1');

class Unsupported extends Error {}

interface Xref {
  offsets: Map<number, number>;
  root: PDFRef;
}

/** The last `startxref` → a classic, single xref section and its trailer; anything else is unsupported. */
function readXref(bytes: Uint8Array): Xref {
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) throw new Unsupported('startxref');
  const start = Number(sx[1]);
  const head = latin1.decode(bytes.subarray(start, Math.min(bytes.length, start + 4)));
  if (head !== 'xref') throw new Unsupported('xref stream');
  const trailerAt = indexOf(bytes, 'trailer', start);
  if (trailerAt < 0) throw new Unsupported('trailer');
  const table = latin1.decode(bytes.subarray(start + 4, trailerAt));
  const offsets = new Map<number, number>();
  const lines = table.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; ) {
    const sub = /^(\d+)\s+(\d+)$/.exec(lines[i]!);
    if (!sub) throw new Unsupported('xref subsection');
    const first = Number(sub[1]);
    const count = Number(sub[2]);
    for (let k = 0; k < count; k++) {
      const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(lines[i + 1 + k] ?? '');
      if (!entry) throw new Unsupported('xref entry');
      if (entry[3] === 'n') offsets.set(first + k, Number(entry[1]));
    }
    i += 1 + count;
  }
  const trailer = latin1.decode(bytes.subarray(trailerAt, start > trailerAt ? start : bytes.length));
  if (/\/(Prev|XRefStm|Encrypt)\b/.test(trailer)) throw new Unsupported('incremental update or encryption');
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!root) throw new Unsupported('Root');
  return { offsets, root: PDFRef.of(Number(root[1]), Number(root[2])) };
}

function indexOf(bytes: Uint8Array, word: string, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(word, from, 'latin1');
}

/** Parses objects on demand, by xref offset, into `context`. */
function lazyContext(bytes: Uint8Array, xref: Xref): { context: PDFContext; load: (ref: PDFRef) => PDFObject } {
  const context = PDFContext.create();
  const load = (ref: PDFRef): PDFObject => {
    const existing = context.lookup(ref);
    if (existing) return existing;
    const at = xref.offsets.get(ref.objectNumber);
    if (at === undefined) throw new Unsupported(`object ${ref.toString()} not in xref`);
    const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1.decode(bytes.subarray(at, Math.min(bytes.length, at + 32))));
    if (!header || Number(header[1]) !== ref.objectNumber) throw new Unsupported(`xref offset of ${ref.toString()}`);
    const object = PDFObjectParser.forBytes(bytes.subarray(at + header[0].length), context).parseObject();
    context.assign(ref, object);
    return object;
  };
  return { context, load };
}

function isSignatureWidget(annot: PDFObject | undefined): boolean {
  return annot instanceof PDFDict && annot.get(PDFName.of('FT')) === PDFName.of('Sig');
}

/** Loads everything `object` refers to (not following `skip` keys of page dictionaries). */
function loadReachable(object: PDFObject, load: (ref: PDFRef) => PDFObject, seen: Set<string>): void {
  const stack: PDFObject[] = [object];
  while (stack.length) {
    const o = stack.pop()!;
    if (o instanceof PDFRef) {
      const key = o.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      stack.push(load(o));
    } else if (o instanceof PDFPageLeaf) {
      for (const [k, v] of o.entries()) if (!DROPPED_PAGE_KEYS.includes(k.decodeText())) stack.push(v);
    } else if (o instanceof PDFDict) {
      for (const [, v] of o.entries()) stack.push(v);
    } else if (o instanceof PDFArray) {
      for (const v of o.asArray()) stack.push(v);
    } else if (o instanceof PDFStream) {
      stack.push(o.dict);
    }
  }
}

/** Drops the SOP's own empty signature field: the book is not what gets signed. */
function dropSignatureWidgets(page: PDFPageLeaf, context: PDFContext): void {
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  const kept = annots.asArray().filter((a) => !isSignatureWidget(a instanceof PDFRef ? context.lookup(a) : a));
  if (kept.length) page.set(PDFName.of('Annots'), context.obj(kept));
  else page.delete(PDFName.of('Annots'));
}

/** The page leaves of the document, in order, with what they inherit made explicit. */
function fastPages(bytes: Uint8Array): { context: PDFContext; pages: PDFPageLeaf[] } {
  const xref = readXref(bytes);
  const { context, load } = lazyContext(bytes, xref);
  const catalog = load(xref.root);
  if (!(catalog instanceof PDFDict)) throw new Unsupported('catalog');
  const pages: PDFPageLeaf[] = [];
  const walk = (ref: PDFObject | undefined, depth: number) => {
    if (!(ref instanceof PDFRef) || depth > 32) throw new Unsupported('page tree');
    const node = load(ref);
    if (node instanceof PDFPageLeaf) {
      pages.push(node);
      return;
    }
    if (!(node instanceof PDFDict)) throw new Unsupported('page tree node');
    const kids = node.get(PDFName.of('Kids'));
    const list = kids instanceof PDFRef ? load(kids) : kids;
    if (!(list instanceof PDFArray)) throw new Unsupported('Kids');
    for (const kid of list.asArray()) walk(kid, depth + 1);
  };
  walk(catalog.get(PDFName.of('Pages')), 0);
  const seen = new Set<string>();
  for (const page of pages) {
    // Inherited entries (MediaBox, Resources …) are read through /Parent, which is loaded by now.
    for (const key of PDFPageLeaf.InheritableEntries) {
      const name = PDFName.of(key);
      const value = page.getInheritableAttribute(name);
      if (!page.get(name) && value) page.set(name, value);
    }
    const annots = page.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) page.set(PDFName.of('Annots'), load(annots));
    const list = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
    // Annotations are loaded one level first, so signature widgets are known before walking.
    for (const a of list?.asArray() ?? []) if (a instanceof PDFRef) load(a);
    dropSignatureWidgets(page, context);
    for (const key of DROPPED_PAGE_KEYS) page.delete(PDFName.of(key));
    loadReachable(page, load, seen);
  }
  return { context, pages };
}

export interface CopiedPages {
  pages: PDFPage[];
  /** Which loader ran: the fast one, or pdf-lib's full parse after a fallback. */
  fast: boolean;
}

/**
 * Copies every page of the PDF in `bytes` to the end of `book` (not yet added: the caller adds
 * them), without the SOP's signature field and structure-tree links. One copier per document, so
 * resources shared by its pages (fonts) are copied once.
 */
export async function copySopPages(book: PDFDocument, bytes: Uint8Array): Promise<CopiedPages> {
  let source: { context: PDFContext; pages: PDFPageLeaf[] };
  let fast = true;
  try {
    source = fastPages(bytes);
  } catch {
    // Not the plain layout finishPdf writes (or damaged): let pdf-lib parse the whole file.
    fast = false;
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const leaves = doc.getPages().map((p) => p.node);
    for (const leaf of leaves) {
      dropSignatureWidgets(leaf, doc.context);
      leaf.delete(PDFName.of('StructParents'));
    }
    source = { context: doc.context, pages: leaves };
  }
  const copier = PDFObjectCopier.for(source.context, book.context);
  const pages = source.pages.map((leaf) => {
    const copy = copier.copy(leaf);
    return PDFPage.of(copy, book.context.register(copy), book);
  });
  return { pages, fast };
}

/** Number of pages, from the root of the page tree (fast path) or a full parse (fallback). */
export async function sopPageCount(bytes: Uint8Array): Promise<number> {
  try {
    const xref = readXref(bytes);
    const { load } = lazyContext(bytes, xref);
    const catalog = load(xref.root);
    const pages = catalog instanceof PDFDict ? catalog.get(PDFName.of('Pages')) : undefined;
    const tree = pages instanceof PDFRef ? load(pages) : undefined;
    const count = tree instanceof PDFDict ? tree.get(PDFName.of('Count')) : undefined;
    if (count instanceof PDFNumber && Number.isInteger(count.asNumber()) && count.asNumber() > 0) return count.asNumber();
  } catch {
    // fall through to the full parse
  }
  return (await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })).getPageCount();
}
