// Rows sized for the flow, then pages, then geometry: the one entry point the PDF and the
// site use. The table gives each row the height its text needs; the flowchart needs more
// in some rows (a decision and its labels), known before pagination, and any row whose
// decision label found no free spot in the layout grows and the table is paginated again.
import { once } from '../kit/lazy.ts';
import { textWidth } from './font-metrics.ts';
import { SIZE } from './geometry.ts';
import { formWidth, LABEL_CLEAR, LABEL_FONT_SIZE, labelForms, lineHeight } from './labels.ts';
import { layoutFlowRoom, MIN_ROW_HEIGHT, type PageCache } from './layout.ts';
import { paginate } from './paginate.ts';
import type { FlowGraph, PageLayout, PageSlice, PaginateOptions } from './types.ts';

/**
 * A decision row holds the diamond and, under its bottom vertex, room for a one-line exit label
 * (its ink, off its line above and 2 pt clear of the rule below), and as much above. Computed on
 * first use: the font's metrics are read from its file, which a command with nothing to lay out
 * (a cached check, a build with nothing to print) should not pay for.
 */
const decisionRowHeight = once(() => Math.ceil(SIZE.decisionHeight + 2 * (LABEL_CLEAR + 0.5 + lineHeight(LABEL_FONT_SIZE) + LABEL_CLEAR)));
/** How much a row grows when one of its labels found no free spot, and how often. */
const GROW = 14;
const STEPS = 2;
/** The most a row grows for its labels (validate/print-fit.ts keeps room for it). */
export const LABEL_ROW_GROWTH = GROW * STEPS;
const ROUNDS = 5;

/**
 * A decision whose exit runs straight down to the next row has its label beside that line,
 * under the diamond, in half the column. Where one line is too wide there but two or three
 * fit, the row holds those lines under the diamond (and, the diamond being centred, as much above).
 */
const LABEL_OFF_LINE = LABEL_CLEAR + 0.5;
const wrappedDecisionRowHeight = (lines: number): number => Math.ceil(SIZE.decisionHeight + 2 * (LABEL_OFF_LINE + lines * lineHeight(LABEL_FONT_SIZE) + LABEL_CLEAR + 2));

/** The least height each row needs for its part of the flowchart (column widths: for labels beside a straight exit). */
export function minRowHeights(graph: FlowGraph, columnWidths: number[] = []): number[] {
  return graph.nodes.map((n, i) => {
    if (n.symbol !== 'decision') return MIN_ROW_HEIGHT;
    const next = graph.nodes[i + 1];
    const down = next && next.actor === n.actor ? graph.edges.find((e) => e.from === n.no && e.to === next.no) : undefined;
    const half = (columnWidths[n.actor] ?? Infinity) / 2;
    const fits = (w: number): boolean => w + LABEL_OFF_LINE + LABEL_CLEAR <= half;
    const label = down?.label;
    if (!label || fits(textWidth(label, LABEL_FONT_SIZE))) return decisionRowHeight();
    const form = labelForms(label, LABEL_FONT_SIZE).find((ls) => fits(formWidth(ls, LABEL_FONT_SIZE)));
    return form ? wrappedDecisionRowHeight(form.length) : decisionRowHeight();
  });
}

export interface FlowFitInput {
  graph: FlowGraph;
  columnWidths: number[];
  /** Measured height of each row. */
  rowHeights: number[];
  paging: PaginateOptions;
}

export interface FlowFit {
  /** Height each row is printed at (≥ measured). */
  rowHeights: number[];
  pages: PageSlice[];
  layouts: PageLayout[];
}

export function fitFlow(input: FlowFitInput): FlowFit {
  const { graph } = input;
  const min = minRowHeights(graph, input.columnWidths);
  const heights = input.rowHeights.map((h, i) => Math.max(h, min[i] ?? 0));
  const index = new Map(graph.nodes.map((n, i) => [n.no, i]));
  const edges = graph.edges.map((e): [number, number] => [index.get(e.from) ?? -1, index.get(e.to) ?? -1]);
  // Rows whose growth did not free a spot after STEPS steps (the label is too wide for the
  // cells, not too tall) go back to their height and grow no more.
  const steps = new Map<number, number>();
  const settled = new Set<number>();
  let last: FlowFit | undefined;
  // A page whose rows and edges are as in an earlier round is laid out as then.
  const cache: PageCache = new Map();
  for (let round = 0; ; round++) {
    const pages = paginate(heights, { ...input.paging, edges });
    const { pages: layouts, crowdedRows } = layoutFlowRoom({ graph, columnWidths: input.columnWidths, rowHeights: heights, pages, bandHeight: input.paging.bandHeight }, cache);
    const fit = { rowHeights: [...heights], pages, layouts };
    const grow = crowdedRows.filter((r) => !settled.has(r));
    const useless = grow.filter((r) => (steps.get(r) ?? 0) >= STEPS);
    if (useless.length && last) {
      for (const r of useless) {
        heights[r] = heights[r]! - GROW * steps.get(r)!;
        settled.add(r);
      }
      if (useless.length === grow.length) return last;
      continue;
    }
    if (grow.length === 0 || round >= ROUNDS) return fit;
    last = fit;
    for (const r of grow) {
      heights[r] = heights[r]! + GROW;
      steps.set(r, (steps.get(r) ?? 0) + 1);
    }
  }
}
