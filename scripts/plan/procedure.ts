// The one procedure plan, for the PDF and the site alike: from what the browser measured to
// rows sized for the flowchart, pagination by cost, the flowchart geometry and SVG of every
// page, and the identity part's sheets (plan/identity.ts). The site draws exactly these rows and SVGs, so it shows
// the PDF's flowchart. Pure.
import { fitFlow } from '../flow/fit.ts';
import { flowGraph } from '../flow/graph.ts';
import { flowSvg } from '../flow/svg.ts';
import { terminatorText } from '../flow/terminator-text.ts';
import type { PageLayout } from '../flow/types.ts';
import { planIdentitySheets, type GridSectionMeasure, type IdentityMeasure, type IdentityPlan } from './identity.ts';
import type { Step } from '../model/sop.ts';
import { PX_PER_MM } from '../view/paper.ts';
import type { SopView } from '../view/sop-view.ts';

/** Height of the band that holds off-page connectors at a page break: the connector (16 px) and 4 px of air each side, not a full row. */
export const BAND_HEIGHT = 24;

/** What the measuring page reports for one SOP, in CSS px. */
export interface Measurement {
  id: string;
  /** Bottom of the procedure table header, from the top of the page. */
  theadBottom: number;
  /** Bottom of the table header, from the top of `.proc` (where the flowchart overlay starts). */
  flowTop: number;
  rowHeights: number[];
  /** Height the signer's closing block takes under the last row, margin included. */
  closingHeight: number;
  /** Heights of the identity part's blocks, to spread its grid over sheets. */
  identity: IdentityMeasure;
}

/** Height available to the content of a page (identity or procedure), in CSS px. */
export function identityRoom(view: SopView): number {
  const { heightMm, margin } = view.paper;
  return (heightMm - margin[0] - margin[2]) * PX_PER_MM;
}

/**
 * Runs in the browser: measures every `.doc` of the measuring page, where each identity part is
 * one unbounded sheet holding its whole grid.
 */
export function measureInPage(smallerPt: readonly number[]): Measurement[] {
  const round = (n: number) => Math.round(n * 100) / 100;
  const height = (el: Element) => el.getBoundingClientRect().height;
  /** From the top of `page`'s content box (inside its top margin) to the top of `el`. */
  const below = (page: Element, el: Element) => el.getBoundingClientRect().top - page.getBoundingClientRect().top - parseFloat(getComputedStyle(page).paddingTop);
  const identity = (doc: HTMLElement, procedure: Element): IdentityMeasure => {
    const grid = doc.querySelector('.identitas .id-grid')!;
    const heads = Array.from(grid.querySelectorAll('tr.grid-kepala'));
    const rows = Array.from(grid.querySelectorAll('tr.grid-isi'));
    const headHeights = () => heads.map((h) => round(height(h)));
    const sections = (): GridSectionMeasure[] => {
      const head = headHeights();
      doc.classList.add('ukur-lanjutan'); // shows the "(lanjutan)" of every header
      const continuedHead = headHeights();
      doc.classList.remove('ukur-lanjutan');
      return rows.map((row, i) => {
        const columns = Array.from(row.children).map((cell) => Array.from(cell.querySelectorAll('.daftar > li, .kosong')).map((li) => round(height(li)))) as [number[], number[]];
        const content = Math.max(...columns.map((c) => c.reduce((a, b) => a + b, 0)));
        return { head: head[i]!, continuedHead: continuedHead[i]!, padding: round(height(row) - content), columns };
      });
    };
    const full = sections();
    // Again at each smaller size, as the sheet would print it (lines break differently).
    const smaller = smallerPt.map((pt) => {
      (grid as HTMLElement).style.fontSize = `${pt}pt`;
      return sections();
    });
    (grid as HTMLElement).style.fontSize = '';
    return {
      top: round(below(doc.querySelector('.identitas')!, grid)),
      continuedTop: round(below(procedure, procedure.querySelector('.proc')!)),
      sections: full,
      smaller,
    };
  };
  return Array.from(document.querySelectorAll<HTMLElement>('.doc')).map((doc) => {
    const id = doc.dataset.id ?? '';
    const page = doc.querySelector('.prosedur')!;
    const top = page.getBoundingClientRect().top;
    const thead = page.querySelector('thead')!.getBoundingClientRect();
    const proc = page.querySelector('.proc')!.getBoundingClientRect();
    return {
      id,
      theadBottom: round(thead.bottom - top),
      flowTop: round(thead.bottom - proc.top),
      rowHeights: Array.from(page.querySelectorAll('tr.langkah')).map((r) => round(r.getBoundingClientRect().height)),
      closingHeight: round(page.querySelector('.penutup')!.getBoundingClientRect().bottom - page.querySelector('table')!.getBoundingClientRect().bottom),
      identity: identity(doc, page),
    };
  });
}

export interface ProcedurePlan {
  /** Rows per procedure page (indices into view.rows). */
  pages: Array<{ first: number; last: number }>;
  /** Height each row is printed at: as measured, or taller where the flowchart needs room. */
  rowHeights: number[];
  layouts: PageLayout[];
  /** One flowchart per page; marker ids carry the page number, so several fit in one HTML page. */
  svgs: string[];
  bandHeight: number;
  /** Offset of the first body row below the top of `.proc` (the table header height). */
  flowTop: number;
  /** The identity part's sheets (one, or more when its lists outgrow the first) and its grid's size. */
  identity: IdentityPlan;
}

export function planProcedure(view: SopView, steps: Step[], m: Measurement): ProcedurePlan {
  if (m.rowHeights.length !== steps.length) {
    throw new Error(`${m.id}: ${m.rowHeights.length} tinggi baris terukur untuk ${steps.length} langkah; bangun ulang PDF-nya.`);
  }
  const { heightMm, margin } = view.paper;
  const pageHeight = heightMm * PX_PER_MM;
  const bodyBottom = pageHeight - margin[2] * PX_PER_MM;
  const capacity = Math.floor(bodyBottom - m.theadBottom) - 1;
  // Rows at least as tall as the flowchart needs; the closing signer block shares the last page.
  const { pages, rowHeights, layouts } = fitFlow({
    graph: flowGraph(steps, view.actors.length),
    columnWidths: view.columns.actors,
    rowHeights: m.rowHeights,
    paging: { firstPageCapacity: capacity, pageCapacity: capacity, bandHeight: BAND_HEIGHT, closingHeight: m.closingHeight },
  });
  const words = view.terminatorText ? terminatorText(steps, view.columns.actors) : undefined;
  return {
    pages,
    rowHeights,
    layouts,
    svgs: layouts.map((page, i) => flowSvg(page, { markerId: `panah-hal${i + 2}`, ...(words ? { terminatorText: words } : {}) })),
    bandHeight: BAND_HEIGHT,
    flowTop: m.flowTop,
    identity: planIdentitySheets(m.identity, identityRoom(view)),
  };
}
