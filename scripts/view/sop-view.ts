// Sop → the plain values the templates print. All formatting decisions live here (pure),
// so the Handlebars layouts only place text.
import { headerFontMetrics, textWidth } from '../flow/font-metrics.ts';
import { SOFT_HYPHEN, syllables } from '../kit/hyphen.ts';
import { ptToPx } from '../print/units.ts';
import { signerLines, tanggal } from '../kit/values.ts';
import type { ColumnHeaders, IdentityLabels, Sop } from '../model/sop.ts';
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

/** What the rest of the content says about an SOP, beyond its own source. */
export interface SopContext {
  /** Number of the SOP in this content that replaces it (`menggantikan`). */
  replacedBy?: string;
}

/**
 * Largest size (pt) at which a line of `chars` characters, rotated 30°, stays inside the printable
 * area of an A4 landscape sheet (≈ 720 × 480 pt once the 10 mm margins and a safety band are
 * off). Bold capitals of Arimo average ≈ 0.82 em with the mark's letter spacing.
 */
function markSize(chars: number, max: number, em = 0.82): number {
  const w = chars * em;
  return Math.floor(Math.min(max, 720 / (w * 0.866 + 0.5), 480 / (w * 0.5 + 0.866)));
}

export function statusMark(sop: Pick<Sop, 'status'>, context: SopContext = {}): StatusMark | undefined {
  const words = { draf: ['DRAF', 'DRAF \u2014 belum disahkan'], dicabut: ['DICABUT', 'DICABUT \u2014 tidak berlaku lagi'], digantikan: ['DIGANTIKAN', 'DIGANTIKAN'] } as const;
  if (sop.status === 'berlaku') return undefined;
  const [text, ttd] = words[sop.status];
  const note = sop.status === 'digantikan' && context.replacedBy ? `oleh ${context.replacedBy}` : undefined;
  const size = markSize(text.length, 150);
  return {
    text,
    ...(note ? { note } : {}),
    size,
    noteSize: note ? markSize(note.length, Math.round(size * 0.3), 0.6) : 0,
    ttd: note ? `${ttd} ${note}` : ttd,
  };
}

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
  /** The line above the signature block of an e-signed SOP ("Ditandatangani secara elektronik oleh"); a draft's says it is yet to be. */
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
 * The actor headers' size when room allows; the size below which a word too long for its column
 * is hyphenated rather than shrunk further; the least size.
 */
export const ACTOR_HEADER_PT = { normal: 7.5, hyphenate: 7, least: 5 } as const;

/** Width an actor column needs for every word of its header to stand whole at the normal size. */
export function actorHeaderWant(actors: string[]): number {
  return Math.max(0, ...words(actors).map(widthAt1)) * ptToPx(ACTOR_HEADER_PT.normal) + HEADER_PAD;
}

/** Widest piece of `word` at size 1 once broken at every syllable (each piece but the last with its hyphen). */
const hyphenatedWidth = (word: string) => Math.max(...syllables(word).map((p, i, all) => widthAt1(i < all.length - 1 ? `${p}-` : p)));

const floorPt = (room: number, width: number) => (width > 0 ? Math.floor((room / ptToPx(1) / width) * 10) / 10 : ACTOR_HEADER_PT.normal);

export interface HeaderView {
  text: string;
  /** The text cut after each slash: the templates put a line-break opportunity (`<wbr>`) there, Chromium gives none. */
  parts: string[];
  /** Smaller size (pt) when a word is too wide for the column at the table's size. */
  pt?: number;
}
export type HeaderViews = Record<keyof ColumnHeaders, HeaderView>;

/** Header cells print at the table's 8 pt, in bold; a cell is 8 px of padding and a rule narrower than its column. */
const HEADER_PT = 8;

/**
 * A header word wider than its column (`Nomor` over the 30 px No column) would be cut mid-word
 * without a hyphen. Such a cell gives up most of its side padding (1 px each side, see
 * judul-kolom.hbs) and its text shrinks until the longest word fits: `Nomor` at 6.2 pt. The
 * official words fit their columns, so they keep the table's size (and no style). Every header
 * the parser accepts (parse/table.ts) fits at 6 pt or more.
 */
export function headerFit(text: string, columnPx: number): HeaderView {
  const bold = headerFontMetrics();
  const parts = text.split(/(?<=\/)/);
  // Lines break at spaces and after a slash (`Persyaratan/ Kelengkapan`).
  const widest = Math.max(...parts.flatMap((p) => p.split(/\s+/)).map((w) => textWidth(w, ptToPx(HEADER_PT), bold)));
  if (widest <= columnPx - 9) return { text, parts };
  return { text, parts, pt: Math.max(6, Math.floor(HEADER_PT * ((columnPx - 3) / widest) * 10) / 10) };
}

function headerViews(h: ColumnHeaders, c: ProcedureColumns): HeaderViews {
  const actors = c.actors.reduce((a, b) => a + b, 0);
  return {
    no: headerFit(h.no, c.no),
    kegiatan: headerFit(h.kegiatan, c.kegiatan),
    pelaksana: headerFit(h.pelaksana, actors),
    kelengkapan: headerFit(h.kelengkapan, c.kelengkapan),
    waktu: headerFit(h.waktu, c.waktu),
    output: headerFit(h.output, c.output),
    keterangan: headerFit(h.keterangan, c.keterangan),
  };
}

/**
 * Chromium ships no Indonesian hyphenation dictionary (`hyphens: auto` does nothing for
 * `lang="id"`), so a long actor name in a narrow column would be cut mid-word with no hyphen.
 * The columns widen first (procedureColumns); then the header text shrinks until its longest
 * word fits, 7.5 pt down to 7 pt. A word that still does not fit gets soft hyphens at its
 * syllables (kit/hyphen.ts) and breaks with a hyphen, as a typesetter would, and the text only
 * shrinks further (never below 5 pt) when a syllable does not fit. Exact Arimo Bold widths.
 */
export function actorHeaders(actors: string[], columnPx: number): { pt: number; labels: string[] } {
  const room = columnPx - HEADER_PAD;
  const clamp = (pt: number) => Math.max(ACTOR_HEADER_PT.least, Math.min(ACTOR_HEADER_PT.normal, pt));
  const whole = clamp(floorPt(room, Math.max(0, ...words(actors).map(widthAt1))));
  if (whole >= ACTOR_HEADER_PT.hyphenate) return { pt: whole, labels: actors };
  const pt = clamp(Math.min(ACTOR_HEADER_PT.hyphenate, floorPt(room, Math.max(0, ...words(actors).map(hyphenatedWidth)))));
  const fits = (word: string) => widthAt1(word) * ptToPx(pt) <= room;
  const label = (name: string) => name.split(/(\s+)/).map((w) => (/\s/.test(w) || fits(w) ? w : syllables(w).join(SOFT_HYPHEN))).join('');
  return { pt, labels: actors.map(label) };
}

/** The procedure table's columns for these actors: wide enough for their header words where room allows. */
export function tableColumns(p: Paper, actors: string[]): ProcedureColumns {
  return procedureColumns(p, actors.length, actorHeaderWant(actors));
}

export function sopView(sop: Sop, context: SopContext = {}): SopView {
  const p = paper(sop.kertas);
  const signer = sop.disahkan_oleh;
  const mark = statusMark(sop, context);
  const columns = tableColumns(p, sop.pelaksana);
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
    nomor: sop.nomor,
    nama: sop.nama,
    draf: sop.status === 'draf',
    ...(mark ? { mark } : {}),
    elektronik: sop.tanda_tangan === 'elektronik',
    ...(sop.tanda_tangan === 'elektronik' ? { ttdKet: sop.status === 'draf' ? 'Akan ditandatangani secara elektronik oleh' : 'Ditandatangani secara elektronik oleh' } : {}),
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
    headers: headerViews(sop.headers, columns),
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
