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
 * Column widths in CSS px for the procedure table. Text columns get fixed shares; the actor
 * columns (where the flowchart is drawn) share what is left, equally, so symbols line up.
 */
export function procedureColumns(p: Paper, actorCount: number): ProcedureColumns {
  const inner = (p.widthMm - p.margin[1] - p.margin[3]) * PX_PER_MM;
  const no = 30;
  const waktu = 58;
  const scale = inner / 1032; // text columns grow a little on F4
  const kegiatan = Math.round(200 * scale);
  const kelengkapan = Math.round(120 * scale);
  const output = Math.round(112 * scale);
  const keterangan = Math.round(72 * scale);
  const rest = Math.floor(inner - no - waktu - kegiatan - kelengkapan - output - keterangan);
  const each = Math.floor(rest / Math.max(1, actorCount));
  const actors = Array.from({ length: actorCount }, () => each);
  // Give the rounding remainder to the description column so the table fills the width.
  return { no, kegiatan: kegiatan + (rest - each * actorCount), actors, kelengkapan, waktu, output, keterangan };
}
