// From what the browser measured to a print plan: pagination by real row heights, the
// flowchart geometry for every page, and the identity page's fit. Pure.
import { flowGraph } from '../flow/graph.ts';
import { layoutFlow } from '../flow/layout.ts';
import { paginate } from '../flow/paginate.ts';
import { flowSvg } from '../flow/svg.ts';
import type { Step } from '../model/sop.ts';
import type { PrintPlan } from '../render/document.ts';
import { PX_PER_MM } from '../render/paper.ts';
import type { SopView } from '../render/view.ts';

/** Height of the band that holds off-page connectors at a page break. */
export const BAND_HEIGHT = 34;

/** What the measuring page reports for one SOP, in CSS px. */
export interface Measurement {
  id: string;
  /** Bottom of the procedure table header, from the top of the page. */
  theadBottom: number;
  /** Bottom of the table header, from the top of `.proc` (where the flowchart overlay starts). */
  flowTop: number;
  rowHeights: number[];
  /** Natural height of the identity page's content. */
  identityHeight: number;
}

/** Runs in the browser: measures every `.doc` of the measuring page. */
export function measureInPage(): Measurement[] {
  const round = (n: number) => Math.round(n * 100) / 100;
  return Array.from(document.querySelectorAll<HTMLElement>('.doc')).map((doc) => {
    const page = doc.querySelector('.prosedur')!;
    const top = page.getBoundingClientRect().top;
    const thead = page.querySelector('thead')!.getBoundingClientRect();
    const proc = page.querySelector('.proc')!.getBoundingClientRect();
    return {
      id: doc.dataset.id ?? '',
      theadBottom: round(thead.bottom - top),
      flowTop: round(thead.bottom - proc.top),
      rowHeights: Array.from(page.querySelectorAll('tr.langkah')).map((r) => round(r.getBoundingClientRect().height)),
      identityHeight: round(doc.querySelector('.identitas .fit')!.getBoundingClientRect().height),
    };
  });
}

export function planPrint(view: SopView, steps: Step[], m: Measurement): PrintPlan {
  const { heightMm, margin } = view.paper;
  const pageHeight = heightMm * PX_PER_MM;
  const bodyBottom = pageHeight - margin[2] * PX_PER_MM;
  const capacity = Math.floor(bodyBottom - m.theadBottom) - 1;
  const pages = paginate(m.rowHeights, { firstPageCapacity: capacity, pageCapacity: capacity, bandHeight: BAND_HEIGHT });
  const layouts = layoutFlow({
    graph: flowGraph(steps),
    columnWidths: view.columns.actors,
    rowHeights: m.rowHeights,
    pages,
    bandHeight: BAND_HEIGHT,
  });
  const identityRoom = (heightMm - margin[0] - margin[2]) * PX_PER_MM;
  // A very long identity page (dozens of legal bases) is scaled to fit its one page.
  const identityZoom = m.identityHeight > identityRoom ? Math.floor((identityRoom / m.identityHeight) * 100) / 100 : 1;
  return {
    pages,
    rowHeights: m.rowHeights,
    layouts,
    svgs: layouts.map((page, i) => flowSvg(page, { markerId: `panah-hal${i + 2}` })),
    bandHeight: BAND_HEIGHT,
    flowTop: m.flowTop,
    identityZoom,
  };
}
