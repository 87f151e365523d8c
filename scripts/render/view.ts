// Sop → the plain values the templates print. All formatting decisions live here (pure),
// so the Handlebars layouts only place text.
import { signerLines, tanggal } from '../kit/values.ts';
import type { Sop } from '../model/sop.ts';
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
  actors: string[];
  /** Font size (pt) of the actor column headers: every word fits whole (see actorHeaderSize). */
  actorHeaderPt: number;
  columns: ProcedureColumns;
  rows: RowView[];
}

/** Em widths of Arimo Bold, rounded up: capitals and wide letters, other lowercase, the rest. */
const emOf = (ch: string) => (/[A-Z]|[mw]/.test(ch) ? 0.8 : /[a-z]/.test(ch) ? 0.6 : 0.35);

/**
 * Chromium ships no Indonesian hyphenation dictionary (`hyphens: auto` does nothing for
 * `lang="id"`), so a long actor name in a narrow column would be cut mid-word with no hyphen.
 * Instead the header text shrinks until its longest word fits the column: 7.5 pt normally,
 * never below 5 pt. Cell padding 4 px each side, border included.
 */
export function actorHeaderSize(actors: string[], columnPx: number): number {
  const widest = Math.max(1, ...actors.flatMap((a) => a.split(/\s+/)).map((w) => [...w].reduce((n, ch) => n + emOf(ch), 0)));
  const px = (columnPx - 10) / widest;
  return Math.max(5, Math.min(7.5, Math.floor(px * 0.75 * 10) / 10));
}

export function sopView(sop: Sop, context: SopContext = {}): SopView {
  const p = paper(sop.kertas);
  const signer = sop.disahkan_oleh;
  const mark = statusMark(sop, context);
  const columns = procedureColumns(p, sop.pelaksana.length);
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
    anchor: sop.instansi.jangkar_ttd,
    tanggalPembuatan: tanggal(sop.tanggal_pembuatan),
    tanggalRevisi: tanggal(sop.tanggal_revisi),
    // A signed SOP without a date yet (wet-signed, dated by hand) gets a dotted space; a draf a dash.
    tanggalEfektif: tanggal(sop.tanggal_efektif, sop.status === 'draf' ? 'strip' : 'isian'),
    signer: signerLines(signer),
    dasarHukum: sop.dasar_hukum,
    kualifikasi: sop.kualifikasi_pelaksana,
    keterkaitan: sop.keterkaitan,
    peralatan: sop.peralatan_perlengkapan,
    peringatan: sop.peringatan,
    pencatatan: sop.pencatatan_pendataan,
    actors: sop.pelaksana,
    columns,
    actorHeaderPt: actorHeaderSize(sop.pelaksana, Math.min(...columns.actors)),
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
