// Paper geometry. All SOP pages are landscape: the procedure table needs the width, and one
// page size per document keeps printing simple.
import type { Kertas } from '../model/sop.ts';

export const PX_PER_MM = 96 / 25.4;

export interface Paper {
  name: Kertas;
  /** Landscape width and height in mm. */
  widthMm: number;
  heightMm: number;
  /**
   * Page margins in mm: top, right, bottom, left. Nothing prints within 10 mm of an edge (office
   * printers clip up to ~5 mm); the bottom one also holds the footer (sop.css `.kaki`, 10 mm up).
   */
  margin: [number, number, number, number];
}

export function paper(kertas: Kertas): Paper {
  return kertas === 'F4'
    ? { name: 'F4', widthMm: 330, heightMm: 215, margin: [10, 12, 18, 12] }
    : { name: 'A4', widthMm: 297, heightMm: 210, margin: [10, 12, 18, 12] };
}

export interface ProcedureColumns {
  no: number;
  kegiatan: number;
  actors: number[];
  kelengkapan: number;
  waktu: number;
  output: number;
  keterangan: number;
}

/**
 * Text columns: width on A4 (px, grown a little on F4) and the least they give up for actor
 * columns. The least keeps a cell at its check limit within a page (validate/steps.ts
 * CELL_LIMITS, tested by printing) and a header word such as "Keterangan" or "Persyaratan"
 * whole at 8 pt bold.
 */
const TEXT_COLUMNS = { kegiatan: [200, 160], kelengkapan: [120, 84], output: [112, 80], keterangan: [72, 68] } as const;

/**
 * Column widths in CSS px for the procedure table (`noWant`: the width the No header's word needs). Text columns get fixed shares; the actor
 * columns (where the flowchart is drawn) share what is left, equally, so symbols line up. When
 * `actorWant` (the width an actor header needs for its longest word, see view.ts) is more than
 * that share, the text columns give up width, down to their least, in proportion to what each
 * can give.
 */
export function procedureColumns(p: Paper, actorCount: number, actorWant = 0, noWant = 0): ProcedureColumns {
  const inner = (p.widthMm - p.margin[1] - p.margin[3]) * PX_PER_MM;
  // Wide enough for its header word at 8 pt (`Nomor`), never narrower than the row numbers need.
  const no = Math.max(30, Math.ceil(noWant));
  const waktu = 58;
  const scale = inner / 1032; // text columns grow a little on F4
  const text = Object.fromEntries(Object.entries(TEXT_COLUMNS).map(([k, [w, least]]) => [k, { width: Math.round(w * scale), least }])) as Record<keyof typeof TEXT_COLUMNS, { width: number; least: number }>;
  const n = Math.max(1, actorCount);
  const free = Math.floor(inner - no - waktu - Object.values(text).reduce((a, c) => a + c.width, 0));
  const spare = Object.values(text).reduce((a, c) => a + c.width - c.least, 0);
  const give = Math.min(spare, Math.max(0, Math.ceil(actorWant) * n - free));
  for (const c of Object.values(text)) c.width -= Math.floor((give * (c.width - c.least)) / spare);
  const rest = Math.floor(inner - no - waktu - Object.values(text).reduce((a, c) => a + c.width, 0));
  const each = Math.floor(rest / n);
  const actors = Array.from({ length: actorCount }, () => each);
  // Give the rounding remainder to the description column so the table fills the width.
  return { no, kegiatan: text.kegiatan.width + (rest - each * actorCount), actors, kelengkapan: text.kelengkapan.width, waktu, output: text.output.width, keterangan: text.keterangan.width };
}
