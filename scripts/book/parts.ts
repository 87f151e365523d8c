// The book as a sequence of parts (its own sections and the SOP documents) and the page each
// part starts on. Pure: page counts in, book page numbers and the views the templates print out.
import { tanggal, tanggalWib } from '../kit/values.ts';
import { STATUS_LABEL } from '../model/status.ts';
import type { Instansi, Sop } from '../model/sop.ts';
import type { BookContents, ChangeKind } from './contents.ts';

export type SectionKind = 'sampul' | 'halaman' | 'daftar-isi' | 'daftar-sop' | 'perubahan' | 'bagian' | 'lampiran';

/** A section another stage wrote for the book (the monitoring and evaluation report): printed after the SOPs. */
export interface Lampiran {
  title: string;
  /** Safe HTML (escaped where it was rendered). */
  html: string;
}

export interface FrontPage {
  /** Source file, relative to the project (for messages). */
  file: string;
  title: string;
  html: string;
  /** `html` as top-level blocks. */
  blocks: string[];
  /** True when `html` starts with its own level-1 heading. */
  hasHeading: boolean;
  /** Close with the signer's block, these lines above the position. */
  signature?: { lines: string[] };
  /**
   * The decree enacting the SOPs (file `keputusan.md`): a document of its own, printed portrait
   * under the office's letterhead, as decrees are, whatever the paper of the SOPs.
   */
  keputusan?: boolean;
}

/** One run of consecutive pages: a section the book prints itself, or one SOP's PDF. */
export type Part =
  | { key: string; kind: SectionKind; title: string; front?: number; group?: number; numeral?: number }
  | { key: string; kind: 'sop'; sop: Sop; group: number };

export const TITLES = {
  sampul: 'Sampul',
  'daftar-isi': 'Daftar Isi',
  'daftar-sop': 'Daftar SOP',
  perubahan: 'Perubahan sejak Edisi Sebelumnya',
} as const;

export function sopKey(sop: Sop): string {
  return `sop:${sop.id}`;
}

/**
 * The parts in print order: cover, front matter, lists, the SOPs without a unit, then per unit
 * a divider (numbered I, II … among the units) and its SOPs.
 */
export function bookParts(contents: BookContents, front: FrontPage[], lampiran: readonly Lampiran[] = []): Part[] {
  const parts: Part[] = [{ key: 'sampul', kind: 'sampul', title: TITLES.sampul }];
  front.forEach((p, i) => parts.push({ key: `halaman:${i}`, kind: 'halaman', title: p.title, front: i }));
  parts.push({ key: 'daftar-isi', kind: 'daftar-isi', title: TITLES['daftar-isi'] });
  parts.push({ key: 'daftar-sop', kind: 'daftar-sop', title: TITLES['daftar-sop'] });
  parts.push({ key: 'perubahan', kind: 'perubahan', title: TITLES.perubahan });
  let numeral = 0;
  contents.groups.forEach((g, gi) => {
    if (g.unit !== null) parts.push({ key: `bagian:${gi}`, kind: 'bagian', title: g.unit, group: gi, numeral: ++numeral });
    for (const sop of g.sops) parts.push({ key: sopKey(sop), kind: 'sop', sop, group: gi });
  });
  lampiran.forEach((l, i) => parts.push({ key: `lampiran:${i}`, kind: 'lampiran', title: l.title }));
  return parts;
}

/**
 * 1-based book page each part starts on, from the page count of every part. A book printed on
 * both sides (`duplex`) starts every part on a right-hand (odd) page: a blank verso goes
 * before a part that would start on an even one.
 */
export function startPages(parts: Part[], counts: ReadonlyMap<string, number>, duplex = false): Map<string, number> {
  const starts = new Map<string, number>();
  let page = 1;
  for (const part of parts) {
    const n = counts.get(part.key);
    if (n === undefined) throw new Error(`Jumlah halaman bagian "${part.key}" belum diketahui.`);
    if (duplex && page % 2 === 0) page++;
    starts.set(part.key, page);
    page += n;
  }
  return starts;
}

/** Blank pages after each part: the pages between its end and the next part's start (none after the last). */
export function blanksAfter(parts: Part[], counts: ReadonlyMap<string, number>, starts: ReadonlyMap<string, number>): Map<string, number> {
  return new Map(parts.map((part, i) => {
    const next = parts[i + 1];
    return [part.key, next ? starts.get(next.key)! - starts.get(part.key)! - counts.get(part.key)! : 0];
  }));
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function roman(n: number): string {
  let s = '';
  for (const [v, r] of ROMAN) for (; n >= v; n -= v) s += r;
  return s;
}


const CHANGE_TITLES: Record<ChangeKind, string> = {
  baru: 'SOP Baru',
  direvisi: 'SOP Direvisi',
  digantikan: 'SOP Digantikan',
  dicabut: 'SOP Dicabut',
};

export interface BookIdentity {
  instansi: Instansi;
  tahun: number;
  draf: boolean;
}

/** What every section template gets besides its own data. */
export function coverView(id: BookIdentity, logoUrl: string | undefined) {
  return {
    pemerintah: id.instansi.pemerintah,
    nama: id.instansi.nama,
    alamat: id.instansi.alamat,
    tahun: id.tahun,
    draf: id.draf,
    logoUrl,
  };
}

export interface TocEntry {
  level: 0 | 1 | 2;
  /** An SOP filed directly under the instansi (no unit): not indented under a unit. */
  langsung?: boolean;
  /** Roman part number for unit entries. */
  label?: string;
  nomor?: string;
  title: string;
  page: number;
}

export function tocEntries(parts: Part[], starts: ReadonlyMap<string, number>): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const part of parts) {
    const page = starts.get(part.key)!;
    // Neither the cover nor the Daftar Isi itself is listed in it.
    if (part.kind === 'sampul' || part.kind === 'daftar-isi') continue;
    if (part.kind === 'sop') entries.push({ level: 2, ...(part.sop.unit?.trim() ? {} : { langsung: true }), nomor: part.sop.nomor, title: part.sop.nama, page });
    else if (part.kind === 'bagian') entries.push({ level: 1, label: `${roman(part.numeral ?? 1)}.`, title: part.title, page });
    else entries.push({ level: 0, title: part.title, page });
  }
  return entries;
}

export interface SopRow {
  no: number;
  nomor: string;
  nama: string;
  /** The SOP's paper when it differs from the book's (`F4`): its pages keep that size. */
  kertas?: string;
  unit: string;
  tanggalEfektif: string;
  status: string;
  /** For an SOP signed electronically: `TTE 8 Mei 2024` (its signed original verified, signed that day) or `Belum TTE`. */
  ttd?: string;
  dimuat: boolean;
  /** Book page, or `-` when the SOP is listed but not printed. */
  page: string;
}

export function sopRows(contents: BookContents, starts: ReadonlyMap<string, number>, signed?: ReadonlyMap<string, { signedAt?: Date }>): SopRow[] {
  return contents.listed.map((sop, i) => {
    const page = starts.get(sopKey(sop));
    const original = signed?.get(sop.id);
    // Only offices that sign electronically see this; a wet-signed book is unchanged.
    const ttd = sop.tanda_tangan !== 'elektronik' || sop.status !== 'berlaku' ? undefined : original ? `TTE${original.signedAt ? ` ${tanggalWib(original.signedAt)}` : ''}` : 'Belum TTE';
    return {
      no: i + 1,
      nomor: sop.nomor,
      nama: sop.nama,
      ...(sop.kertas !== sop.instansi.kertas ? { kertas: sop.kertas } : {}),
      unit: sop.unit ?? '-',
      tanggalEfektif: tanggal(sop.tanggal_efektif),
      status: STATUS_LABEL[sop.status],
      ...(ttd ? { ttd } : {}),
      dimuat: page !== undefined,
      page: page === undefined ? '-' : String(page),
    };
  });
}

export function changeGroups(contents: BookContents) {
  if (!contents.changes.length) return [];
  return (['baru', 'direvisi', 'digantikan', 'dicabut'] as const).map((kind) => ({
    title: CHANGE_TITLES[kind],
    rows: contents.changes
      .filter((c) => c.kind === kind)
      .map((c, i) => ({ no: i + 1, nomor: c.sop.nomor, nama: c.sop.nama, unit: c.sop.unit ?? '-', tanggal: tanggal(c.tanggal), keterangan: c.keterangan })),
  }));
}

export function dividerView(contents: BookContents, part: Part, starts: ReadonlyMap<string, number>) {
  const g = contents.groups[part.group ?? 0]!;
  return {
    label: `Bagian ${roman((part.kind === 'sop' ? undefined : part.numeral) ?? 1)}`,
    unit: g.unit,
    sops: g.sops.map((sop, i) => ({ no: i + 1, nomor: sop.nomor, nama: sop.nama, draf: sop.status === 'draf', page: starts.get(sopKey(sop)) ?? 0 })),
  };
}

