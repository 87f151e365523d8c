// Handlebars layouts → HTML. Loading the layouts is I/O (done once); rendering is pure.
import { fontFaceCss } from '../kit/fonts.ts';
import { loadTemplates, type Template } from '../kit/templates.ts';
import { readLayout, type LayoutFiles } from '../layouts/files.ts';
import type { ProcedurePlan } from '../plan/procedure.ts';
import type { RowView, SopView } from './view.ts';

export interface Layouts {
  sop: Template;
  measure: Template;
  css: string;
}

export function loadLayouts(layouts: LayoutFiles): Layouts {
  return { ...loadTemplates(layouts, '', { sop: 'sop.hbs', measure: 'measure.hbs' }), css: readLayout(layouts, 'sop.css') };
}

export interface ProcedurePageView {
  number: number;
  rows: Array<{ row: RowView; height?: number }>;
  topBand: boolean;
  bottomBand: boolean;
  bandHeight: number;
  svg?: string;
  flowTop: number;
  flowLeft: number;
  columnNumbers: number[];
  emptyCells: number[];
  /** The last procedure page: the signer's closing block follows the table. */
  closing: boolean;
}

function pageBase(view: SopView, number: number): Pick<ProcedurePageView, 'number' | 'columnNumbers' | 'emptyCells'> {
  const cols = view.actors.length + 6;
  return {
    number,
    columnNumbers: Array.from({ length: cols }, (_, i) => i + 1),
    emptyCells: Array.from({ length: cols }, (_, i) => i),
  };
}

/** One document per SOP, all rows on one unbounded page: what the browser measures. */
export function renderMeasureHtml(layouts: Layouts, views: SopView[]): string {
  const docs = views.map((view) => ({
    view,
    procedurePages: [{ ...pageBase(view, 2), rows: view.rows.map((row) => ({ row })), topBand: false, bottomBand: false, bandHeight: 0, flowTop: 0, flowLeft: 0, closing: true }],
  }));
  return layouts.measure({ docs, fontFaces: fontFaceCss(), css: layouts.css });
}

export function renderSopHtml(layouts: Layouts, view: SopView, plan: ProcedurePlan): string {
  const flowLeft = view.columns.no + view.columns.kegiatan;
  const procedurePages: ProcedurePageView[] = plan.pages.map((slice, i) => ({
    ...pageBase(view, i + 2),
    rows: view.rows.slice(slice.first, slice.last + 1).map((row, k) => ({ row, height: plan.rowHeights[slice.first + k]! })),
    topBand: plan.layouts[i]?.topBand ?? false,
    bottomBand: plan.layouts[i]?.bottomBand ?? false,
    bandHeight: plan.bandHeight,
    ...(plan.svgs[i] ? { svg: plan.svgs[i] } : {}),
    flowTop: plan.flowTop,
    flowLeft,
    closing: i === plan.pages.length - 1,
  }));
  return layouts.sop({
    view,
    procedurePages,
    totalPages: procedurePages.length + 1,
    identityZoom: plan.identityZoom,
    fontFaces: fontFaceCss(),
    css: layouts.css,
  });
}
