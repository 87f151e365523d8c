// The checked project: what `sop check` hands to every command (build, book, site). Plain data,
// every path relative to `root`, so the same sources give the same value wherever they sit.
import type { MonevResults } from './monev.ts';
import type { Instansi, IsoDate, Sop } from './sop.ts';

export interface Project {
  /** Absolute folder holding content/ (the one absolute path; nothing below depends on it). */
  root: string;
  /** Every instansi under content/, by folder name. */
  instansi: Instansi[];
  /** Valid SOPs, in path order. */
  sops: Sop[];
  /** Monitoring and evaluation results (`content/<instansi>/monev/*.yml`), in path order. */
  monev?: MonevResults[];
}

/** The date an SOP takes effect: `tanggal_efektif`, else the day it was made. */
export function effectiveDate(sop: Pick<Sop, 'tanggal_efektif' | 'tanggal_pembuatan'>): IsoDate {
  return sop.tanggal_efektif ?? sop.tanggal_pembuatan;
}
