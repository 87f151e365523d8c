// "Mulai" / "Selesai" inside the terminator symbols (instansi.yml `teks_terminator: true`, as seeds
// 001 and 002 print them): which word each terminator carries, and the one size all of an SOP's
// terminators print it at. Pure; the PDF, the site and `sop check` all ask here.
import type { Step } from '../model/sop.ts';
import { ptToPx } from '../print/units.ts';
import { textWidth } from './font-metrics.ts';
import { symbolWidth } from './geometry.ts';

/** The words' size: 8 pt, as the flowchart's labels (the floor for text a reader must read). */
export const TERMINATOR_TEXT_PT = { max: 8, min: 8 } as const;
/**
 * Room kept between the text and each end of the capsule. At 7–8 pt the text is under 8 px tall,
 * where the capsule's rounded ends (radius 11 px) reach less than 1 px in.
 */
const INSET = 2;

export interface TerminatorText {
  /** Word by symbol id (the step number). */
  words: Record<string, string>;
  /** Font size in px, the same for every terminator of the SOP. */
  size: number;
}

/**
 * The words and their size, or undefined when some terminator is too narrow for its word at 8 pt
 * (many actors: the symbol takes 60 % of its actor column); then no terminator carries text.
 * `actorColumns`: the actor column widths (px) the flowchart is drawn in.
 */
export function terminatorText(steps: Pick<Step, 'no' | 'symbol' | 'actor'>[], actorColumns: number[]): TerminatorText | undefined {
  const words: Record<string, string> = {};
  let size = ptToPx(TERMINATOR_TEXT_PT.max);
  steps.forEach((s, i) => {
    if (s.symbol !== 'terminator') return;
    const word = i === 0 ? 'Mulai' : 'Selesai';
    words[String(s.no)] = word;
    const room = symbolWidth(actorColumns[s.actor] ?? 0) - 2 * INSET;
    size = Math.min(size, Math.floor((room / textWidth(word, 1)) * 100) / 100);
  });
  return size >= ptToPx(TERMINATOR_TEXT_PT.min) ? { words, size } : undefined;
}
