// Handlebars layouts → HTML. Loading the layouts is I/O (done once); rendering is pure.
import { fontFaceCss } from '../kit/fonts.ts';
import { loadTemplates, type Template } from '../kit/templates.ts';
import { readLayout, type LayoutFiles } from '../layouts/files.ts';
import type { IdentityLabelKey } from '../model/sop.ts';
import { GRID_PT, type IdentityPagePlan, type IdentityPlan } from '../plan/identity.ts';
import type { ProcedurePlan } from '../plan/procedure.ts';
import type { RowView, SopView } from '../view/sop-view.ts';

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

/** One list of the identity grid as printed on one sheet. */
export interface GridColumnView {
  label: string;
  /** The list began on an earlier sheet and goes on here: its header says "(lanjutan)". */
  continued: boolean;
  items: string[];
  /** Number of its first item (the list's numbering carries on across sheets). */
  start: number;
  /** The list is empty: a dash stands for it (on the row's first sheet). */
  dash: boolean;
}

export interface IdentityPageView {
  number: number;
  /** The first sheet: title, top band and signer; the others carry the running head. */
  first: boolean;
  /** The grid's font size (pt) when smaller than the stylesheet's 9 pt, to keep the part on one sheet. */
  gridPt?: number;
  rows: Array<{ columns: GridColumnView[] }>;
}

/** The identity grid: three rows of two lists each, in the regulation's order. */
const GRID: ReadonlyArray<ReadonlyArray<readonly [IdentityLabelKey, (v: SopView) => string[]]>> = [
  [['dasar_hukum', (v) => v.dasarHukum], ['kualifikasi_pelaksana', (v) => v.kualifikasi]],
  [['keterkaitan', (v) => v.keterkaitan], ['peralatan_perlengkapan', (v) => v.peralatan]],
  [['peringatan', (v) => v.peringatan], ['pencatatan_pendataan', (v) => v.pencatatan]],
];

/** The identity sheets of `plan`; without one, a single sheet with the whole grid (to measure). */
function identityPages(view: SopView, plan?: IdentityPlan): IdentityPageView[] {
  const all = (c: number, section: number) => ({ from: 0, to: Math.max(1, GRID[section]![c]![1](view).length) });
  const whole: IdentityPagePlan[] = [{ sections: GRID.map((_, section) => ({ section, continued: false, columns: [all(0, section), all(1, section)] })) }];
  return (plan?.pages ?? whole).map((page, i) => ({
    number: i + 1,
    first: i === 0,
    ...(plan && plan.pt !== GRID_PT[0] ? { gridPt: plan.pt } : {}),
    // Measuring: every header carries its "(lanjutan)", shown only while its height is taken.
    rows: page.sections.map((slice) => ({
      columns: GRID[slice.section]!.map(([key, list], c) => {
        const items = list(view);
        const { from, to } = slice.columns[c]!;
        // "(lanjutan)" only over a list that goes on here, not over one already finished.
        const continued = plan ? from > 0 && to > from : true;
        return { label: view.label[key], continued, items: items.slice(from, to), start: from + 1, dash: items.length === 0 && from === 0 && to > 0 };
      }),
    })),
  }));
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
    identityPages: identityPages(view),
    procedurePages: [{ ...pageBase(view, 2), rows: view.rows.map((row) => ({ row })), topBand: false, bottomBand: false, bandHeight: 0, flowTop: 0, flowLeft: 0, closing: true }],
  }));
  return layouts.measure({ docs, fontFaces: fontFaceCss(), css: layouts.css });
}

export function renderSopHtml(layouts: Layouts, view: SopView, plan: ProcedurePlan): string {
  const flowLeft = view.columns.no + view.columns.kegiatan;
  const identity = identityPages(view, plan.identity);
  const procedurePages: ProcedurePageView[] = plan.pages.map((slice, i) => ({
    ...pageBase(view, identity.length + i + 1),
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
    identityPages: identity,
    procedurePages,
    totalPages: identity.length + procedurePages.length,
    fontFaces: fontFaceCss(),
    css: layouts.css,
  });
}
