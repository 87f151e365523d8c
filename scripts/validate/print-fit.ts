// What cannot print is refused, and only that: a row taller than a page leaves it at the SOP's
// paper and 8 pt, a decision label that needs more than three lines in its actor column, actor
// names that make the table header leave no room for a row. Measured with the faces' advance
// widths (view/print-fit.ts), said in millimetres: what does not fit, and by how much.
import type { VFile } from 'vfile';
import { report, type Place } from '../diagnostics/report.ts';
import type { Step } from '../model/sop.ts';
import { COLUMN_TITLES, type Cell, type ColumnName } from '../parse/table.ts';
import { PX_PER_MM } from '../view/paper.ts';
import {
  closingHeight, LABEL_MAX_LINES, labelLineCount, MIN_ROW, mm, pageRoom, roomForLastRow, roomForRow, rowCells, rowHeight, runningHeadHeight, TABLE_PT, theadHeight,
} from '../view/print-fit.ts';
import type { SopView } from '../view/sop-view.ts';
import { LABEL_ROW_GROWTH, minRowHeights } from '../flow/fit.ts';
import { flowGraph } from '../flow/graph.ts';

/** Height of one line of table text (px). */
const LINE_PX = (TABLE_PT * 96) / 72 * 1.3;

/**
 * Reports what does not fit; true when everything prints. `cells`: each step's cells as written;
 * `actorAt`: where an actor is named when no row names it.
 */
export function checkPrintFit(file: VFile, view: SopView, steps: Step[], cells: Array<Record<ColumnName, Cell>>, actorAt: (index: number) => Place): boolean {
  const inner = (view.paper.widthMm - view.paper.margin[1] - view.paper.margin[3]) * PX_PER_MM;
  const head = runningHeadHeight(view.nama, view.instansi.nama, inner);
  const header = { ...textsOf(view), actors: view.actors, actorPt: view.actorHeaderPt };
  const thead = theadHeight(header, view.columns);
  const room = pageRoom(view.paper, head, thead);
  let ok = true;

  // The least height each row needs for the flowchart (a decision and its labels, flow/fit.ts),
  // and the most a decision row may grow when a label finds no spot.
  const flow = minRowHeights(flowGraph(steps, view.actors.length), view.columns.actors)
    .map((h, i) => Math.max(MIN_ROW, h) + (steps[i]!.symbol === 'decision' ? LABEL_ROW_GROWTH : 0));

  // Actor names so long that the header, repeated on every page, leaves no room for the rows'
  // flowchart alone (or for the last row above the signature block).
  const closing = closingHeight({ ...view.signer, ...(view.ttdKet ? { note: view.ttdKet } : {}) });
  const short = Math.max(Math.max(...flow) - roomForRow(room), flow.at(-1)! - roomForLastRow(room, closing));
  if (short > 0 && view.actors.length) {
    const tallest = view.actors.map((_, k) => theadHeight({ ...header, actors: view.actors.map((a, i) => (i === k ? a : '')) }, view.columns)).reduce((best, h, k, all) => (h > all[best]! ? k : best), 0);
    const place = cells.find((_, i) => steps[i]!.actor === tallest)?.pelaksana.place ?? actorAt(tallest);
    report(file, 'sel-terlalu-panjang', `Nama pelaksana "${view.actors[tallest]}" membuat judul tabel setinggi ${mm(thead)} mm di kolom selebar ${mm(view.columns.actors[tallest]!)} mm: halaman ${view.paper.name} tidak lagi punya ruang untuk satu baris kegiatan (kurang ${mm(short)} mm).`, place, {
      hint: 'Judul kolom pelaksana dicetak 8 pt dan diulang di setiap halaman: pakai nama jabatan yang ringkas (mis. "Kasubag Umum"), kurangi jumlah pelaksana, atau pakai `kertas: F4`.',
    });
    return false;
  }
  steps.forEach((step, i) => {
    const row = view.rows[i]!;
    const fits = rowCells(row, view.columns);
    const height = Math.max(rowHeight(fits) + (step.symbol === 'decision' ? LABEL_ROW_GROWTH : 0), flow[i]!);
    const last = i === steps.length - 1;
    const limit = last ? roomForLastRow(room, closing) : roomForRow(room);
    if (height <= limit) return;
    ok = false;
    const tallest = fits[0]!;
    const over = height - limit;
    report(file, 'sel-terlalu-panjang',
      `Baris ${step.no} tidak muat di satu halaman ${view.paper.name}: kolom ${COLUMN_TITLES[tallest.cell]} menjadi ${tallest.lines} baris teks 8 pt (${mm(height)} mm), padahal ruang satu baris${last ? ' terakhir (bersama blok penanda tangan)' : ''} ${mm(limit)} mm; lebih ${mm(over)} mm, sekitar ${Math.ceil(over / LINE_PX)} baris teks.`,
      cells[i]![tallest.cell].place, {
        hint: 'Satu baris tabel harus muat di satu halaman: ringkas isinya, atau pecah kegiatan ini menjadi beberapa baris.',
      });
  });

  steps.forEach((step, i) => {
    if (step.lanjut.kind !== 'decision') return;
    const column = view.columns.actors[step.actor]!;
    for (const exit of step.lanjut.exits) {
      const lines = labelLineCount(exit.label, column);
      if (lines <= LABEL_MAX_LINES) continue;
      ok = false;
      report(file, 'sel-terlalu-panjang', `Label cabang "${exit.label}" tidak muat di selnya: di kolom pelaksana selebar ${mm(column)} mm label ini menjadi ${lines} baris, paling banyak ${LABEL_MAX_LINES}.`, cells[i]!.lanjut.place, {
        hint: 'Label dicetak di samping panah bagan alir, di sel keputusannya: pakai satu-dua kata, mis. "Ya"/"Tidak" atau "Lengkap"/"Belum lengkap".',
      });
    }
  });
  return ok;
}

function textsOf(view: SopView) {
  const h = view.headers;
  return { no: h.no.text, kegiatan: h.kegiatan.text, pelaksana: h.pelaksana.text, kelengkapan: h.kelengkapan.text, waktu: h.waktu.text, output: h.output.text, keterangan: h.keterangan.text };
}
