// Sop → the plain values the templates print. All formatting decisions live here (pure),
// so the Handlebars layouts only place text.
import { headerFontMetrics, textWidth } from '../flow/font-metrics.ts';
import { SOFT_HYPHEN, syllables } from '../kit/hyphen.ts';
import { ptToPx } from '../print/units.ts';
import { nomorCetak, signerLines, tanggal } from '../kit/values.ts';
import { DEFAULT_COLUMN_HEADERS, type ColumnHeaders, type IdentityLabels, type Sop } from '../model/sop.ts';
import type { SopContext } from '../model/relations.ts';
import { logoUrl } from '../source/assets.ts';
import { paper, procedureColumns, type Paper, type ProcedureColumns } from './paper.ts';

export interface RowView {
  no: number;
  kegiatan: string;
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
}

/** The watermark of an SOP that is not (or no longer) a valid signed document. */
export interface StatusMark {
  /** The big word: DRAF, DICABUT, DIGANTIKAN. */
  text: string;
  /** A smaller line under it: `oleh <nomor>` for a replaced SOP. */
  note?: string;
  /** Font sizes in pt, chosen so the rotated mark stays inside the printable area. */
  size: number;
  noteSize: number;
  /** What stands where the signature would be. */
  ttd: string;
}

export type { SopContext } from '../model/relations.ts';

/**
 * Largest size (pt) at which a line of `chars` characters, rotated 30°, stays inside the printable
 * area of an A4 landscape sheet (≈ 720 × 480 pt once the 10 mm margins and a safety band are
 * off). Bold capitals of Arimo average ≈ 0.82 em with the mark's letter spacing.
 */
function markSize(chars: number, max: number, em = 0.82): number {
  const w = chars * em;
  return Math.floor(Math.min(max, 720 / (w * 0.866 + 0.5), 480 / (w * 0.5 + 0.866)));
}

export function statusMark(sop: Pick<Sop, 'status' | 'tanggal_dicabut'>, context: SopContext = {}): StatusMark | undefined {
  const words = { draf: ['DRAF', 'DRAF \u2014 belum disahkan'], dicabut: ['DICABUT', 'DICABUT \u2014 tidak berlaku lagi'], digantikan: ['DIGANTIKAN', 'DIGANTIKAN'] } as const;
  if (sop.status === 'berlaku') return undefined;
  const [text, ttd] = words[sop.status];
  // What a reader of the mark needs next: by which SOP it was replaced, since when it is withdrawn.
  const note = sop.status === 'digantikan' && context.replacedBy
    ? `oleh ${context.replacedBy}`
    : sop.status === 'dicabut' && sop.tanggal_dicabut ? `sejak ${tanggal(sop.tanggal_dicabut)}` : undefined;
  const size = markSize(text.length, 150);
  return {
    text,
    ...(note ? { note } : {}),
    size,
    noteSize: note ? markSize(note.length, Math.round(size * 0.3), 0.6) : 0,
    ttd: note ? `${ttd} ${note}` : ttd,
  };
}

const TTD_KET: Record<Sop['status'], string> = {
  berlaku: 'Ditandatangani secara elektronik oleh',
  draf: 'Akan ditandatangani secara elektronik oleh',
  dicabut: 'Penanda tangan elektronik',
  digantikan: 'Penanda tangan elektronik',
};

export interface SopView {
  id: string;
  paper: Paper;
  instansi: { pemerintah: string; nama: string; alamat?: string; logoUrl?: string };
  unit?: string;
  nomor: string;
  nama: string;
  draf: boolean;
  /** Marked on every page and never signable: drafts, withdrawn and replaced SOPs. */
  mark?: StatusMark;
  elektronik: boolean;
  /**
   * The line above the signature block of an e-signed SOP ("Ditandatangani secara elektronik
   * oleh"); a draft's says it is yet to be, a withdrawn or replaced copy (never signable) names
   * the signer without claiming a signature. Same line, same height: same pages.
   */
  ttdKet?: string;
  anchor: string;
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  signer: { jabatan: string; nama: string; pangkat?: string; nip?: string };
  dasarHukum: string[];
  kualifikasi: string[];
  keterkaitan: string[];
  peralatan: string[];
  peringatan: string[];
  pencatatan: string[];
  /** Identity-page labels: the instansi's words (`Tanggal Pengesahan`) or the regulation's. */
  label: IdentityLabels;
  /** Procedure table header words as the author wrote them, each with a smaller size if it needs one. */
  headers: HeaderViews;
  /** Write "Mulai" / "Selesai" inside the terminator symbols (instansi.yml `teks_terminator`). */
  terminatorText: boolean;
  actors: string[];
  /** Font size (pt) of the actor column headers, and their text: see actorHeaders. */
  actorHeaderPt: number;
  /** The actor names as printed in the header: words too long for the column carry soft hyphens. */
  actorHeaderLabels: string[];
  columns: ProcedureColumns;
  rows: RowView[];
}

const words = (actors: string[]) => actors.flatMap((a) => a.split(/\s+/)).filter(Boolean);
const widthAt1 = (text: string) => textWidth(text, 1, headerFontMetrics());

/** Cell padding (4 px each side) and border of a header cell, with a pixel to spare for rounding. */
const HEADER_PAD = 10;
/**
 * The actor headers' size: the floor for text a reader must read (issue 20). Columns widen and
 * words break at syllables before text would shrink below it.
 */
export const ACTOR_HEADER_PT = 8;

/** Width an actor column needs for every word of its header to stand whole at the normal size. */
export function actorHeaderWant(actors: string[]): number {
  return Math.max(0, ...words(actors).map(widthAt1)) * ptToPx(ACTOR_HEADER_PT) + HEADER_PAD;
}

export interface HeaderView {
  text: string;
  /** The text cut after each slash: the templates put a line-break opportunity (`<wbr>`) there, Chromium gives none. */
  parts: string[];
}
export type HeaderViews = Record<keyof ColumnHeaders, HeaderView>;

/** Header cells print at the table's 8 pt, in bold; a cell is 8 px of padding and a rule narrower than its column. */
const HEADER_PT = 8;

/** The width (px) a column needs for the longest word of its header at the table's 8 pt, in bold, with its padding. */
export function headerWant(text: string): number {
  return Math.max(0, ...text.split(/[\s/]+/).map((w) => textWidth(w, ptToPx(HEADER_PT), headerFontMetrics()))) + 9;
}

/** A header as printed: every header prints at the table's 8 pt, its column wide enough for its words (tableColumns). */
export function headerFit(text: string): HeaderView {
  return { text, parts: text.split(/(?<=\/)/) };
}

function headerViews(h: ColumnHeaders): HeaderViews {
  return {
    no: headerFit(h.no),
    kegiatan: headerFit(h.kegiatan),
    pelaksana: headerFit(h.pelaksana),
    kelengkapan: headerFit(h.kelengkapan),
    waktu: headerFit(h.waktu),
    output: headerFit(h.output),
    keterangan: headerFit(h.keterangan),
  };
}

/**
 * Chromium ships no Indonesian hyphenation dictionary (`hyphens: auto` does nothing for
 * `lang="id"`), so a long actor name in a narrow column would be cut mid-word with no hyphen.
 * The columns widen first (procedureColumns); a word that still does not fit at 8 pt gets soft
 * hyphens at its syllables (kit/hyphen.ts) and breaks with a hyphen, as a typesetter would. The
 * text never shrinks: a syllable wider than the column breaks where it must (sop.css). Exact
 * Arimo Bold widths.
 */
export function actorHeaders(actors: string[], columnPx: number): { pt: number; labels: string[] } {
  const room = columnPx - HEADER_PAD;
  const fits = (word: string) => widthAt1(word) * ptToPx(ACTOR_HEADER_PT) <= room;
  const label = (name: string) => name.split(/(\s+)/).map((w) => (/\s/.test(w) || fits(w) ? w : syllables(w).join(SOFT_HYPHEN))).join('');
  return { pt: ACTOR_HEADER_PT, labels: actors.map(label) };
}

/** The procedure table's columns for these actors: wide enough for their header words (and the No column for its own) where room allows. */
export function tableColumns(p: Paper, actors: string[], noHeader = DEFAULT_COLUMN_HEADERS.no): ProcedureColumns {
  return procedureColumns(p, actors.length, actorHeaderWant(actors), headerWant(noHeader));
}

export function sopView(sop: Sop, context: SopContext = {}): SopView {
  const p = paper(sop.kertas);
  const signer = sop.disahkan_oleh;
  const mark = statusMark(sop, context);
  const columns = tableColumns(p, sop.pelaksana, sop.headers.no);
  const header = actorHeaders(sop.pelaksana, Math.min(...columns.actors));
  return {
    id: sop.id,
    paper: p,
    instansi: {
      pemerintah: sop.instansi.pemerintah,
      nama: sop.instansi.nama,
      ...(sop.instansi.alamat ? { alamat: sop.instansi.alamat } : {}),
      // The checked bytes, served by the printer (source/assets.ts): the logo's path is never opened.
      ...(sop.instansi.logo ? { logoUrl: logoUrl(sop.instansi.logo) } : {}),
    },
    ...(sop.unit ? { unit: sop.unit } : {}),
    nomor: nomorCetak(sop.nomor),
    nama: sop.nama,
    draf: sop.status === 'draf',
    ...(mark ? { mark } : {}),
    elektronik: sop.tanda_tangan === 'elektronik',
    ...(sop.tanda_tangan === 'elektronik' ? { ttdKet: TTD_KET[sop.status] } : {}),
    anchor: sop.instansi.jangkar_ttd,
    tanggalPembuatan: tanggal(sop.tanggal_pembuatan),
    tanggalRevisi: tanggal(sop.tanggal_revisi),
    // A signed SOP without a date yet (wet-signed, dated by hand) gets a dotted space; a draf a dash.
    tanggalEfektif: tanggal(sop.tanggal_efektif, sop.status === 'draf' ? 'strip' : 'isian'),
    signer: signerLines(signer),
    dasarHukum: sop.dasar_hukum,
    kualifikasi: sop.kualifikasi_pelaksana,
    keterkaitan: sop.keterkaitan.map((k) => k.teks),
    peralatan: sop.peralatan_perlengkapan,
    peringatan: sop.peringatan,
    pencatatan: sop.pencatatan_pendataan,
    label: sop.instansi.label_identitas,
    headers: headerViews(sop.headers),
    terminatorText: sop.instansi.teks_terminator,
    actors: sop.pelaksana,
    columns,
    actorHeaderPt: header.pt,
    actorHeaderLabels: header.labels,
    rows: sop.steps.map((s) => ({
      no: s.no,
      kegiatan: s.kegiatan,
      kelengkapan: s.kelengkapan,
      waktu: s.waktu.text,
      output: s.output,
      keterangan: s.keterangan,
    })),
  };
}
