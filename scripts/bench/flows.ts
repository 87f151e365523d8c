// The generated flowchart suite: seeded SOPs with hard flows (see generateFlowSop), checked,
// measured in one browser page as the build does, planned and laid out exactly as printed,
// and scored by the readability metrics. Used by the CI suite and `npm run bench`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureSops } from '../pdf/print-html.ts';
import { planProcedure, type Measurement, type ProcedurePlan } from '../plan/procedure.ts';
import { flowGraph } from '../flow/graph.ts';
import { hyphenated } from '../flow/labels.ts';
import { checkLayout, readability, readabilityDefects, svgStrokes, type Readability } from '../flow/quality.ts';
import type { Sop } from '../model/sop.ts';
import type { Printer } from '../print/pool.ts';
import { layoutFiles } from '../layouts/files.ts';
import { loadLayouts } from '../render/document.ts';
import { sopView } from '../view/sop-view.ts';
import { readContent } from '../source/content.ts';
import { probeAsset } from '../source/assets.ts';
import { checkContent } from '../validate/check-content.ts';
import { generateFlowSop, prng } from './generate.ts';

const INSTANSI = (kertas: string): string =>
  ['pemerintah: Pemerintah Kabupaten Uji', `nama: Dinas Uji ${kertas}`, `kertas: ${kertas}`, 'disahkan_oleh:', '  jabatan: Kepala Dinas Uji', '  nama: Nama Pejabat, S.H.', '  nip: "196811171997031003"', ''].join('\n');

/** `content/`-relative sources of `count` flows, alternating A4 and F4. */
export function flowSuiteFiles(count: number, seed = 9): Record<string, string> {
  const rand = prng(seed);
  const files: Record<string, string> = { 'uji-a4/instansi.yml': INSTANSI('A4'), 'uji-f4/instansi.yml': INSTANSI('F4') };
  for (let i = 0; i < count; i++) {
    const dir = i % 2 ? 'uji-f4' : 'uji-a4';
    files[`${dir}/alur-${String(i + 1).padStart(3, '0')}.md`] = generateFlowSop(rand, i, dir);
  }
  return files;
}

/** Checked SOPs of the suite (written to a temporary folder, which is removed again). */
export function flowSuiteSops(count: number, seed = 9): Sop[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-flows-'));
  try {
    for (const [rel, text] of Object.entries(flowSuiteFiles(count, seed))) {
      const abs = path.join(dir, 'content', rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    const result = checkContent(readContent(dir), probeAsset);
    if (!result.ok) throw new Error('generated flows do not pass sop check');
    return result.sops;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ScoredFlow {
  sop: Sop;
  plan: ProcedurePlan;
  score: Readability;
  /** Geometry violations (must be none). */
  violations: string[];
  minStroke: number;
  fontSize: number;
}

/** SOPs measured per browser page (the build measures 100 at a time; this keeps a loaded machine under the page timeout). */
const BATCH = 50;

/** Measure the SOPs (many per browser page, as the build does), plan and lay them out as printed, score them. */
export async function scoreFlows(printer: Printer, root: string, sops: Sop[]): Promise<ScoredFlow[]> {
  return scoreMeasured(sops, await measureFlows(printer, root, sops));
}

/** What the browser measures for each SOP (the table's rows; the flowchart does not change it). */
export async function measureFlows(printer: Printer, root: string, sops: Sop[]): Promise<Map<string, Measurement>> {
  const layouts = loadLayouts(layoutFiles(root));
  const measured = new Map<string, Measurement>();
  for (let i = 0; i < sops.length; i += BATCH) {
    for (const [id, m] of await measureSops(printer, layouts, sops.slice(i, i + BATCH), pathToFileURL(root + path.sep).href)) measured.set(id, m);
  }
  return measured;
}

/** Plan and lay out measured SOPs as printed, and score them. */
export function scoreMeasured(sops: Sop[], measured: Map<string, Measurement>): ScoredFlow[] {
  return sops.map((sop) => {
    const plan = planProcedure(sopView(sop), sop.steps, measured.get(sop.id)!);
    const graph = flowGraph(sop.steps);
    const strokes = plan.svgs.map(svgStrokes);
    return {
      sop,
      plan,
      score: readability(graph, plan.layouts),
      violations: checkLayout(graph, plan.layouts),
      minStroke: Math.min(...strokes.map((s) => s.minStroke)),
      fontSize: Math.min(...strokes.map((s) => s.fontSize)),
    };
  });
}

/** The table over a set of scored flows. */
export function readabilityTable(flows: Array<{ score: Readability; violations?: string[]; plan?: ProcedurePlan }>): string[] {
  const sum = (f: (r: Readability) => number): number => flows.reduce((n, x) => n + f(x.score), 0);
  const clean = flows.filter((x) => readabilityDefects(x.score) === 0 && x.score.crossOther === 0 && x.score.handoffsL === x.score.handoffs && !(x.violations?.length)).length;
  const labelled = flows.flatMap((x) => (x.plan?.layouts ?? []).flatMap((p) => p.connectors.filter((c) => c.label !== undefined)));
  const pages = flows.reduce((n, x) => n + (x.plan?.layouts.length ?? 0), 0);
  return [
    `flows                                              ${flows.length} (${pages} procedure pages)`,
    `decision labels across a table rule               ${sum((r) => r.labelsOnRule)} of ${sum((r) => r.labels)}`,
    `decision labels not clear (2 pt, one cell, 7 pt)   ${sum((r) => r.labelsBad)} of ${sum((r) => r.labels)}`,
    `decision labels across a column rule from its line ${sum((r) => r.labelsAcrossLine)} of ${sum((r) => r.labels)}`,
    `decision labels on 2–3 lines / with a broken word  ${labelled.filter((c) => c.labelLines).length} / ${labelled.filter((c) => hyphenated(c.labelLines)).length}`,
    `segments beside a table rule (< 8 px for > 20 px)  ${sum((r) => r.ruleHugs)}`,
    `lanes < 8 px from a column rule                    ${sum((r) => r.laneNearRule)}`,
    `lines > 96 px within 12 px of a column rule        ${sum((r) => r.longBesideRule)}`,
    `lanes < 6 px apart                                 ${sum((r) => r.laneTooClose)}`,
    `lines at one side of a symbol < 6 px apart         ${sum((r) => r.sideRunsClose)}`,
    `crossings: sharing a symbol / own reverse / other  ${sum((r) => r.crossSharing)} / ${sum((r) => r.crossReverse)} / ${sum((r) => r.crossOther)}`,
    `next-row hand-offs drawn as one-bend L             ${sum((r) => r.handoffsL)} of ${sum((r) => r.handoffs)} (${sum((r) => r.handoffsFree)} with a free L path; ${sum((r) => r.handoffsTurned)} down-then-across)`,
    `symbols < 60 % of their column                     ${sum((r) => r.smallSymbols)}`,
    `lines < 2 pt from a symbol they do not join        ${sum((r) => r.nearSymbols)}`,
    `connector bands without a connector                ${sum((r) => r.emptyBands)} of ${sum((r) => r.bands)}`,
    `off-page letters out of reading order              ${sum((r) => r.lettersOutOfOrder)}`,
    `geometry violations (checkLayout)                  ${flows.reduce((n, x) => n + (x.violations?.length ?? 0), 0)}`,
    `flows with none of these defects (crossings: none) ${clean}`,
  ];
}
