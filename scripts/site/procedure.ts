// The procedure table of an SOP page, with exactly the flowchart of its PDF: the procedure plan
// the PDF was printed from (plan/procedure.ts), one table per PDF page, the same SVGs. Row
// heights, column widths and the overlay's offset go to a small per-SOP stylesheet (the site's
// Content-Security-Policy forbids inline styles). Pure.
import { planProcedure, type Measurement } from '../plan/procedure.ts';
import type { Lanjut, Sop } from '../model/sop.ts';
import { sopView, type HeaderViews, type RowView } from '../view/sop-view.ts';

export interface ProcedureRow extends RowView {
  /** One entry per actor column; `text` (for screen readers) in the acting actor's cell. */
  cells: Array<{ text?: string }>;
}

/** One page of the PDF's procedure: its rows, connector bands and flowchart. */
export interface ProcedurePage {
  rows: ProcedureRow[];
  topBand: boolean;
  bottomBand: boolean;
  svg: string;
}

/** One step as a phone shows it: the table's row read as a card, with where the flow goes. */
export interface StepCard extends RowView {
  pelaksana: string;
  /** `Lanjut ke langkah 3`, `Ya → langkah 5; Tidak → langkah 2`, `Selesai`. */
  lanjut: string;
  /** The step's symbol in the flowchart, for its mark: mulai/selesai, proses, keputusan. */
  simbol: 'terminator' | 'process' | 'decision';
}

export interface ProcedureView {
  actors: string[];
  /** The table's header words as the author wrote them (the PDF's), also the step list's terms. */
  headers: HeaderViews;
  /** The same steps as a list, for narrow screens (the table and flowchart stay for wide ones). */
  steps: StepCard[];
  /** Column numbers 1 … n of the numbering row under the header, as in the PDF. */
  columnNumbers: number[];
  /** The PDF's procedure pages, one table each, with the PDF's flowchart SVG. */
  pages: ProcedurePage[];
  /** Contents of the per-SOP stylesheet. */
  css: string;
  /** Total table width, px. */
  width: number;
}

/**
 * Room around the table on the page (situs.css): the box it scrolls in (.gulir: 8 px padding and
 * 1 px border each side) and the halves of the table's outer rules outside its width (collapsed
 * borders, 1 px in all), the page's side padding (.wadah, 1rem each side), and a classic
 * scrollbar (17 px on Windows), so the table shows only where all of it is in view.
 */
const BOX_PX = 2 * (8 + 1) + 1;
const SCROLLBAR_PX = 17;

/**
 * Where the table shows and where the list of steps does: the list below the width the whole
 * table needs (issue 20: between 601 and 1031 px it was cut off), the table above it, reaching
 * past the text column into the page margins when it is wider (F4), centred, never cut.
 */
function fitCss(width: number): string[] {
  // Whole pixels: a box a fraction narrower than its table would scroll by one pixel.
  const box = Math.ceil(width) + BOX_PX;
  return [
    `.gulir{width:${px(box)};margin-left:min(0px,calc((100% - ${px(box)}) / 2));margin-right:min(0px,calc((100% - ${px(box)}) / 2))}`,
    `@media (max-width:calc(${px(box + SCROLLBAR_PX)} + 2rem - 0.02px)){.langkah-daftar{display:block}.bagian .gulir,.petunjuk{display:none}}`,
  ];
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

/** Where the flow goes after a step, in words, for the step list. */
function nextText(lanjut: Lanjut, next: number | undefined): string {
  switch (lanjut.kind) {
    case 'next':
      return next === undefined ? 'Selesai' : `Lanjut ke langkah ${next}`;
    case 'jump':
      return `Lanjut ke langkah ${lanjut.to}`;
    case 'decision':
      return lanjut.exits.map((e) => `${e.label} → langkah ${e.to}`).join('; ');
    case 'end':
      return 'Selesai';
  }
}

export function procedureView(sop: Sop, m: Measurement): ProcedureView {
  const view = sopView(sop);
  const c = view.columns;
  const widths = [c.no, c.kegiatan, ...c.actors, c.kelengkapan, c.waktu, c.output, c.keterangan];
  const width = widths.reduce((a, b) => a + b, 0);
  const plan = planProcedure(view, sop.steps, { ...m, id: sop.path });
  const rows: ProcedureRow[] = sop.steps.map((s, i) => ({
    ...view.rows[i]!,
    cells: sop.pelaksana.map((actor, a) => (a === s.actor ? { text: `Pelaksana: ${actor}; ${flowText(s.lanjut, i === sop.steps.length - 1)}` } : {})),
  }));
  const css = [
    `/* Tata letak prosedur "${sop.nomor.replace(/\*\//g, '* /')}": lebar kolom dan tinggi baris seperti di PDF. */`,
    `.proc-table{width:${px(width)}}`,
    ...widths.map((w, i) => `.proc-table .k${i + 1}{width:${px(w)}}`),
    ...plan.rowHeights.map((h, i) => `#langkah-${sop.steps[i]!.no}{height:${px(h)}}`),
    ...(plan.pages.length > 1 ? [`.proc-table tr.band{height:${px(plan.bandHeight)}}`] : []),
    `.proc .flow{top:${px(plan.flowTop)};left:${px(c.no + c.kegiatan)}}`,
    ...fitCss(width),
    '',
  ].join('\n');
  const steps: StepCard[] = sop.steps.map((s, i) => ({
    ...view.rows[i]!,
    pelaksana: sop.pelaksana[s.actor] ?? '',
    lanjut: nextText(s.lanjut, sop.steps[i + 1]?.no),
    simbol: s.symbol,
  }));
  return {
    actors: sop.pelaksana,
    headers: view.headers,
    steps,
    columnNumbers: widths.map((_, i) => i + 1),
    pages: plan.pages.map((p, i) => ({
      rows: rows.slice(p.first, p.last + 1),
      topBand: plan.layouts[i]?.topBand ?? false,
      bottomBand: plan.layouts[i]?.bottomBand ?? false,
      svg: plan.svgs[i] ?? '',
    })),
    css,
    width,
  };
}
