// The HTML the printer receives for SOPs: measure the rows in the browser, plan the pages and
// flowcharts in Node (plan/procedure.ts), render the layouts. `sop build` prints exactly this;
// `sop pratinjau` shows it; the benchmark hands it to the bare baseline.
import { sopContexts } from '../model/relations.ts';
import type { Sop } from '../model/sop.ts';
import { GRID_PT } from '../plan/identity.ts';
import { measureInPage, planProcedure, type Measurement } from '../plan/procedure.ts';
import type { Printer } from '../print/pool.ts';
import { renderMeasureHtml, renderSopHtml, type Layouts } from '../render/document.ts';
import { sopView, type SopView } from '../view/sop-view.ts';

/** Measures SOPs in one browser page: table row heights, header, the identity part's blocks. */
export async function measureSops(
  printer: Printer,
  layouts: Layouts,
  sops: Sop[],
  baseUrl: string,
  viewOf: (sop: Sop) => SopView = (s) => sopView(s),
): Promise<Map<string, Measurement>> {
  const views = sops.map(viewOf);
  const widest = Math.max(...views.map((v) => v.paper.widthMm));
  const list = await printer.evaluate(renderMeasureHtml(layouts, views), { baseUrl, width: `${widest}mm`, height: '210mm', label: sops.length === 1 ? sops[0]!.path : `${sops.length} SOP (${sops[0]!.path} …)` }, measureInPage, GRID_PT.slice(1));
  return new Map(list.map((m) => [m.id, m]));
}

/** One measured SOP's print HTML, with its view (the paper size the printer needs). */
export function sopPrintHtml(layouts: Layouts, sop: Sop, m: Measurement, view: SopView = sopView(sop)): { view: SopView; html: string } {
  return { view, html: renderSopHtml(layouts, view, planProcedure(view, sop.steps, m)) };
}

/** The print HTML of these SOPs, by SOP id: measured together, then planned and rendered. */
export async function printHtmls(printer: Printer, layouts: Layouts, sops: Sop[], baseUrl: string): Promise<Map<string, string>> {
  const contexts = sopContexts(sops);
  const viewOf = (s: Sop) => sopView(s, contexts.get(s.id));
  const measured = await measureSops(printer, layouts, sops, baseUrl, viewOf);
  return new Map(sops.map((sop) => [sop.id, sopPrintHtml(layouts, sop, measured.get(sop.id)!, viewOf(sop)).html]));
}
