// The procedure table of an SOP page, with the same flowchart as its PDF: the same graph,
// the same column widths and the row heights the PDF was laid out with, on one unpaginated
// page. Row heights, column widths and the overlay's offset go to a small per-SOP stylesheet
// (the site's Content-Security-Policy forbids inline styles). Pure.
import { BAND_HEIGHT, fitPrint, type Measurement } from '../build/plan.ts';
import { flowGraph } from '../flow/graph.ts';
import { layoutFlow } from '../flow/layout.ts';
import { flowSvg } from '../flow/svg.ts';
import type { Lanjut, Sop } from '../model/sop.ts';
import { sopView, type RowView } from '../render/view.ts';

export interface ProcedureRow extends RowView {
  /** One entry per actor column; `text` (for screen readers) in the acting actor's cell. */
  cells: Array<{ text?: string }>;
}

export interface ProcedureView {
  actors: string[];
  /** Column numbers 1 … n of the numbering row under the header, as in the PDF. */
  columnNumbers: number[];
  rows: ProcedureRow[];
  svg: string;
  /** Contents of the per-SOP stylesheet. */
  css: string;
  /** Total table width, px. */
  width: number;
}

function px(n: number): string {
  return `${Math.round(n * 100) / 100}px`;
}

function flowText(lanjut: Lanjut, last: boolean): string {
  switch (lanjut.kind) {
    case 'next':
      return last ? 'selesai' : 'lanjut ke langkah berikutnya';
    case 'jump':
      return `lanjut ke langkah ${lanjut.to}`;
    case 'decision':
      return `keputusan: ${lanjut.exits.map((e) => `${e.label} ke langkah ${e.to}`).join(', ')}`;
    case 'end':
      return 'selesai';
  }
}

export function procedureView(sop: Sop, m: Measurement): ProcedureView {
  const view = sopView(sop);
  const c = view.columns;
  const widths = [c.no, c.kegiatan, ...c.actors, c.kelengkapan, c.waktu, c.output, c.keterangan];
  const width = widths.reduce((a, b) => a + b, 0);
  if (m.rowHeights.length !== sop.steps.length) {
    throw new Error(`${sop.path}: ${m.rowHeights.length} tinggi baris terukur untuk ${sop.steps.length} langkah; bangun ulang PDF-nya.`);
  }
  // Rows as tall as the PDF prints them (sized for the flow), on one unbounded page.
  const { rowHeights } = fitPrint(view, sop.steps, m);
  const [layout] = layoutFlow({
    graph: flowGraph(sop.steps, sop.pelaksana.length),
    columnWidths: c.actors,
    rowHeights,
    pages: sop.steps.length ? [{ first: 0, last: sop.steps.length - 1 }] : [],
    bandHeight: BAND_HEIGHT,
  });
  const svg = layout ? flowSvg(layout, { markerId: 'alur-panah' }) : '';
  const css = [
    `/* Tata letak prosedur "${sop.nomor.replace(/\*\//g, '* /')}": lebar kolom dan tinggi baris seperti di PDF. */`,
    `.proc-table{width:${px(width)}}`,
    ...widths.map((w, i) => `.proc-table .k${i + 1}{width:${px(w)}}`),
    ...rowHeights.map((h, i) => `#langkah-${sop.steps[i]!.no}{height:${px(h)}}`),
    `.proc .flow{top:${px(m.flowTop)};left:${px(c.no + c.kegiatan)}}`,
    '',
  ].join('\n');
  return {
    actors: sop.pelaksana,
    columnNumbers: widths.map((_, i) => i + 1),
    rows: sop.steps.map((s, i) => ({
      ...view.rows[i]!,
      cells: sop.pelaksana.map((actor, a) =>
        a === s.actor ? { text: `Pelaksana: ${actor}; ${flowText(s.lanjut, i === sop.steps.length - 1)}` } : {},
      ),
    })),
    svg,
    css,
    width,
  };
}
