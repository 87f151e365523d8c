// What the importer recovered of one SOP, before it is written as a source: the identity in the
// office's words, the procedure rows with their actor and flow, and every guess it made, located
// in the source document. Plain data.
import type { ColumnName } from '../parse/table.ts';
import type { IdentityLabelKey } from '../model/sop.ts';
import type { Where } from './document.ts';
import type { ListKey, Office, Signer } from './words.ts';

export type NoteRule = 'impor-tebakan' | 'impor-tidak-terbaca';

/** A guess or a gap, at its place in the document and (once written) at a key or row of the .md. */
export interface Note {
  rule: NoteRule;
  where: Where;
  message: string;
  hint?: string;
  /** Where it lands in the written source: a frontmatter key, or a table row by its No. */
  key?: string;
  row?: number;
}

export interface ImportedRow {
  no: number;
  kegiatan: string;
  pelaksana: string;
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
  /** The Lanjut cell: '' (next row), a row number, `Ya: 5; Tidak: 3`, or `selesai`. */
  lanjut: string;
  where: Where;
}

export interface ImportedSop {
  where: Where;
  office: Office;
  /** Identity labels as the office wrote them (only those found). */
  labels: Partial<Record<IdentityLabelKey, string>>;
  nomor?: string;
  nama?: string;
  /** "Unit Kerja" / "Bidang" of the identity table. */
  unit?: string;
  tanggal_pembuatan?: string | null;
  tanggal_revisi?: string | null;
  tanggal_efektif?: string | null;
  signer?: Signer;
  lists: Partial<Record<ListKey, string[]>>;
  actors: string[];
  /** Header words of the table, per column, as the office wrote them (recognised ones only). */
  columns: Partial<Record<ColumnName, string>>;
  rows: ImportedRow[];
  decisions: number;
  /** "Mulai" / "Selesai" written in the terminators. */
  terminatorText: boolean;
  notes: Note[];
}
