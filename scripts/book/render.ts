// Book templates (layouts/book/) → HTML, in the Handlebars pattern of the SOP layouts: loading
// is I/O and done once; rendering is pure. Handlebars escapes every value; the only unescaped
// inputs are the CSS, the font faces and the front-matter HTML (built escaped by markdown.ts).
import { readLayout, type LayoutFiles } from '../layouts/files.ts';
import type { Paper } from '../view/paper.ts';
import { fontFaceCss } from '../kit/fonts.ts';
import { loadTemplates, type Template } from '../kit/templates.ts';

export interface BookLayouts {
  book: Template;
  stamps: Template;
  css: string;
  /** The SOP stylesheet: the stamps reuse its footer geometry. */
  sopCss: string;
}

export function loadBookLayouts(layouts: LayoutFiles): BookLayouts {
  return {
    ...loadTemplates(layouts, 'book', { book: 'buku.hbs', stamps: 'stempel.hbs' }),
    css: readLayout(layouts, 'book/buku.css'),
    sopCss: readLayout(layouts, 'sop.css'),
  };
}

export interface SectionHtml {
  /** Partial in layouts/book/partials/: sampul, halaman, daftar-isi, daftar-sop, perubahan, bagian. */
  bagian: string;
  /** URL of the invisible link at the top of the section: finds its first page in the PDF. */
  penanda: string;
  data: object;
}

/**
 * Several sections of the book as one printable HTML document, each from a fresh page (page
 * margins per section kind are named @page rules in buku.hbs). One print per document, instead of
 * one per section, is what keeps a book's own pages cheap: a print costs ~50 ms of fixed overhead.
 */
export function renderSections(layouts: BookLayouts, paper: Paper, title: string, sections: SectionHtml[]): string {
  return layouts.book({ sections, judulDokumen: title, paper, fontFaces: fontFaceCss(), css: layouts.css });
}

export interface StampPage {
  /** Printed number, e.g. `– 12 –`. */
  label: string;
  /** The SOP footer this page carries (invisible in the stamp; it fixes the line). */
  nomor: string;
  halaman: string;
  bsre: boolean;
  /** On an SOP's first page: a QR code to its page on the catalogue site, and that address. */
  qr?: { svg: string; alamat: string };
}

/** A document of one page per stamped book page, all in `paper`, holding only the book page numbers. */
export function renderStamps(layouts: BookLayouts, paper: Paper, pages: StampPage[]): string {
  return layouts.stamps({ paper, pages, fontFaces: fontFaceCss(), sopCss: layouts.sopCss, css: layouts.css });
}
