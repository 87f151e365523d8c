// The forms and the report as printable HTML (layouts/monev/), in the Handlebars pattern of the
// SOP and book layouts: loading is I/O, done once; rendering is pure and escapes every value.
import { fontFaceCss } from '../kit/fonts.ts';
import { loadTemplates, type Template } from '../kit/templates.ts';
import { readLayout, type LayoutFiles } from '../layouts/files.ts';
import type { Paper } from '../view/paper.ts';
import type { FormsView } from './forms.ts';
import type { ReportView } from './report.ts';

export interface MonevLayouts {
  formulir: Template;
  laporan: Template;
  /** The report as a section of the yearly book. */
  bagian: Template;
  css: string;
}

export function loadMonevLayouts(layouts: LayoutFiles): MonevLayouts {
  return { ...loadTemplates(layouts, 'monev', { formulir: 'formulir.hbs', laporan: 'laporan.hbs', bagian: 'bagian-buku.hbs' }), css: readLayout(layouts, 'monev/monev.css') };
}

export function renderForms(layouts: MonevLayouts, paper: Paper, title: string, view: FormsView): string {
  return layouts.formulir({ view, paper, judulDokumen: title, fontFaces: fontFaceCss(), css: layouts.css });
}

export function renderReport(layouts: MonevLayouts, paper: Paper, title: string, view: ReportView): string {
  return layouts.laporan({ view, paper, judulDokumen: title, fontFaces: fontFaceCss(), css: layouts.css });
}

/** The report's HTML for the book (escaped by Handlebars; the book prints it as it is). */
export function renderReportSection(layouts: MonevLayouts, view: ReportView): string {
  return layouts.bagian({ view, css: layouts.css });
}
