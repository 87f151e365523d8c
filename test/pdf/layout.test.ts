// Layout quality, measured: for the sample SOPs and generated flows with decisions, backward
// jumps and page breaks, the geometry passes the checker, and in the real printed page every
// symbol sits in its own row and actor column.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureSops } from '../../scripts/pdf/print-html.ts';
import { planProcedure, type ProcedurePlan } from '../../scripts/plan/procedure.ts';
import { flowGraph } from '../../scripts/flow/graph.ts';
import { checkLayout } from '../../scripts/flow/quality.ts';
import type { Sop } from '../../scripts/model/sop.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { layoutFiles } from '../../scripts/layouts/files.ts';
import { loadLayouts, renderSopHtml, type Layouts } from '../../scripts/render/document.ts';
import { sopView } from '../../scripts/view/sop-view.ts';
import { checkFiles, launchPrinter, ROOT, sampleSops } from './helpers.ts';
import { generatedSops } from './fixtures.ts';

let printer: Printer;
let layouts: Layouts;
const baseUrl = pathToFileURL(ROOT + path.sep).href;
const planned = new Map<string, { sop: Sop; plan: ProcedurePlan }>();

beforeAll(async () => {
  printer = await launchPrinter();
  layouts = loadLayouts(layoutFiles(ROOT));
  const generated = checkFiles(generatedSops(40));
  expect(generated.ok).toBe(true);
  const sops = [...sampleSops(), ...generated.sops];
  const measured = await measureSops(printer, layouts, sops, baseUrl);
  for (const sop of sops) {
    const m = measured.get(sop.id)!;
    planned.set(sop.id, { sop, plan: planProcedure(sopView(sop), sop.steps, m) });
  }
});
afterAll(() => printer?.close());

describe('flowchart geometry', () => {
  it('covers decisions, backward jumps and page breaks', () => {
    const all = [...planned.values()];
    expect(all.some(({ sop }) => sop.steps.some((s) => s.symbol === 'decision'))).toBe(true);
    expect(all.some(({ sop }) => sop.steps.some((s) => s.lanjut.kind === 'decision' && s.lanjut.exits.some((e) => e.to < s.no)))).toBe(true);
    expect(all.filter(({ plan }) => plan.pages.length >= 2).length).toBeGreaterThan(5);
    expect(all.some(({ plan }) => plan.layouts.some((p) => p.symbols.some((s) => s.kind === 'offpage')))).toBe(true);
  });

  it('passes the layout checker for every sample and generated SOP', () => {
    for (const { sop, plan } of planned.values()) {
      expect(checkLayout(flowGraph(sop.steps), plan.layouts), sop.id).toEqual([]);
    }
  });

  it('emits the documented SVG attributes', () => {
    for (const { sop, plan } of planned.values()) {
      const svg = plan.svgs.join('');
      for (const step of sop.steps) expect(svg).toContain(`data-no="${step.no}" data-kind="${step.symbol}"`);
      expect(svg).toMatch(/class="sop-connector" data-from="\d+" data-to="\d+"/);
      // Every connector ends in an arrowhead.
      const connectors = svg.match(/<polyline class="sop-connector"[^>]*>/g) ?? [];
      expect(connectors.length).toBe(plan.layouts.reduce((n, p) => n + p.connectors.length, 0));
      for (const c of connectors) expect(c).toMatch(/marker-end="url\(#[^)]+\)"/);
    }
  });

  it('puts every symbol inside its row and actor column of the printed table', async () => {
    const cases = [...planned.values()].filter(({ sop }, i) => i < 4 || sop.steps.length > 15).slice(0, 10);
    for (const { sop, plan } of cases) {
      const html = renderSopHtml(layouts, sopView(sop), plan);
      const misplaced = await printer.evaluate(html, { baseUrl, width: '297mm', height: '210mm' }, (actors: number[]) => {
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('.sop-symbol'))) {
          if (el.getAttribute('data-kind') === 'offpage') continue;
          const no = Number(el.getAttribute('data-no'));
          const cell = document.querySelectorAll(`tr[data-row="${no}"] td.aktor`)[actors[no - 1]!];
          if (!cell) {
            out.push(`row ${no}: no cell`);
            continue;
          }
          const s = el.getBoundingClientRect();
          const c = cell.getBoundingClientRect();
          const inside = s.left >= c.left - 0.5 && s.right <= c.right + 0.5 && s.top >= c.top - 0.5 && s.bottom <= c.bottom + 0.5;
          if (!inside) out.push(`row ${no}: symbol ${JSON.stringify(s)} outside cell ${JSON.stringify(c)}`);
        }
        return out;
      }, sop.steps.map((s) => s.actor));
      expect(misplaced, sop.id).toEqual([]);
    }
  });
});
