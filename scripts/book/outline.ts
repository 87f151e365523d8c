// PDF bookmarks (the document outline, ISO 32000-1 §12.3.3). pdf-lib has no API for them, so
// the /Outlines tree is written by hand: a doubly linked list of items per level, each with
// /Parent, /Prev, /Next, /First, /Last, /Count and a /Dest [page /Fit].
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  /** 0-based page index the bookmark opens. */
  page: number;
  children?: OutlineItem[];
  /** Show the children when the document opens. Default true. */
  open?: boolean;
}

/** Items a viewer shows under `items` when everything above is expanded as flagged. */
function visible(items: OutlineItem[]): number {
  return items.reduce((n, item) => n + 1 + (item.open === false ? 0 : visible(item.children ?? [])), 0);
}

/** Writes the outline and asks viewers to open the bookmarks panel. Replaces any previous outline. */
export function writeOutline(doc: PDFDocument, items: OutlineItem[]): void {
  const { context } = doc;
  const pages = doc.getPages();
  if (!items.length) return;
  const root = context.nextRef();

  const writeLevel = (level: OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = level.map(() => context.nextRef());
    level.forEach((item, i) => {
      const page = pages[item.page];
      if (!page) throw new Error(`Penanda "${item.title}" menunjuk halaman ${item.page + 1}, padahal PDF hanya ${pages.length} halaman.`);
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [page.ref, 'Fit'],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < level.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const kids = item.children ?? [];
      if (kids.length) {
        const { first, last } = writeLevel(kids, refs[i]!);
        dict.set(PDFName.of('First'), first);
        dict.set(PDFName.of('Last'), last);
        const count = visible(kids);
        dict.set(PDFName.of('Count'), PDFNumber.of(item.open === false ? -count : count));
      }
      context.assign(refs[i]!, dict);
    });
    return { first: refs[0]!, last: refs.at(-1)! };
  };

  const { first, last } = writeLevel(items, root);
  context.assign(root, context.obj({ Type: 'Outlines', First: first, Last: last, Count: visible(items) }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function decodeText(value: unknown): string {
  if (value instanceof PDFHexString || value instanceof PDFString) return value.decodeText();
  return '';
}

/** Reads the outline back (for tests and checks): titles, 0-based target pages, open flags. */
export function readOutline(doc: PDFDocument): OutlineItem[] {
  const { context } = doc;
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const level = (parent: PDFDict, parentRef: PDFRef | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let ref = parent.get(PDFName.of('First'));
    let prev: PDFRef | undefined;
    const seen = new Set<string>();
    while (ref instanceof PDFRef) {
      if (seen.has(ref.toString())) throw new Error('Penanda PDF berputar (siklus /Next).');
      seen.add(ref.toString());
      const dict = context.lookup(ref, PDFDict);
      const back = dict.get(PDFName.of('Prev'));
      if (prev ? back?.toString() !== prev.toString() : back !== undefined) throw new Error(`Penanda ${ref.toString()}: /Prev tidak cocok.`);
      if (parentRef && dict.get(PDFName.of('Parent'))?.toString() !== parentRef.toString()) throw new Error(`Penanda ${ref.toString()}: /Parent tidak cocok.`);
      const dest = dict.lookup(PDFName.of('Dest'), PDFArray);
      const target = dest.get(0);
      const page = target ? pageIndex.get(target.toString()) : undefined;
      if (page === undefined) throw new Error(`Penanda ${ref.toString()} tidak menunjuk halaman dokumen.`);
      const count = dict.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber();
      const kids = dict.has(PDFName.of('First')) ? level(dict, ref) : [];
      const lastRef = dict.get(PDFName.of('Last'));
      if (kids.length && lastRef?.toString() === undefined) throw new Error(`Penanda ${ref.toString()}: /Last hilang.`);
      items.push({ title: decodeText(dict.get(PDFName.of('Title'))), page, ...(kids.length ? { children: kids, open: (count ?? 0) > 0 } : {}) });
      prev = ref;
      ref = dict.get(PDFName.of('Next'));
    }
    if (prev && parent.get(PDFName.of('Last'))?.toString() !== prev.toString()) throw new Error('Penanda PDF: /Last tidak menunjuk butir terakhir.');
    return items;
  };
  const rootRef = doc.catalog.get(PDFName.of('Outlines'));
  return level(outlines, rootRef instanceof PDFRef ? rootRef : undefined);
}
