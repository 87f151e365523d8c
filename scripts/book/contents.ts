// What goes into one instansi's book, as pure data: which SOPs are printed and in what order,
// which are only listed, and what changed in the book's year. No I/O, no page numbers.
import { compareText } from '../model/collation.ts';
import { effectiveDate } from '../model/project.ts';
import { replacers } from '../model/relations.ts';
import type { IsoDate, Sop, Status } from '../model/sop.ts';

export interface UnitGroup {
  /**
   * The unit, or null for the SOPs that name none: those belong to the instansi itself and are
   * filed directly under it, before the units, without a divider. Never an invented unit name
   * ("Umum" is a real unit in many offices).
   */
  unit: string | null;
  /** SOPs printed in the body, in order. */
  sops: Sop[];
}

export type ChangeKind = 'baru' | 'direvisi' | 'digantikan' | 'dicabut';

export interface Change {
  kind: ChangeKind;
  sop: Sop;
  /** The date the change took effect, when the sources say. */
  tanggal: IsoDate | null;
  /** Short explanation: riwayat entries of the year, the replacing SOP … */
  keterangan: string;
}

export interface BookContents {
  tahun: number;
  draf: boolean;
  /** Printed SOPs, grouped by unit (the SOPs without a unit first, then units alphabetically). */
  groups: UnitGroup[];
  /** Every SOP the book lists in Daftar SOP: the printed ones plus the replaced and withdrawn. */
  listed: Sop[];
  changes: Change[];
}

/** Sort key for SOPs within a unit: their number, read the way people read it (2 before 10). */
export function compareSops(a: Sop, b: Sop): number {
  return compareText(a.nomor, b.nomor) || compareText(a.nama, b.nama) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The unit's name, or '' for an SOP filed directly under its instansi. */
function unitOf(sop: Sop): string {
  return sop.unit?.trim() ?? '';
}

/** Units alphabetically; '' (no unit) first. */
function compareUnits(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return compareText(a, b);
}

export function isPrinted(status: Status, draf: boolean): boolean {
  return status === 'berlaku' || (draf && status === 'draf');
}

function inYear(date: IsoDate | null | undefined, tahun: number): boolean {
  return Boolean(date && Number(date.slice(0, 4)) === tahun);
}

function latest(dates: Array<IsoDate | null | undefined>): IsoDate | null {
  return dates.filter((d): d is IsoDate => Boolean(d)).sort().at(-1) ?? null;
}

/**
 * Changes in `tahun`, from the sources alone:
 * - dicabut / digantikan: when that happened in the year (the replacing SOP's effective date,
 *   tanggal_dicabut, else the last riwayat entry or tanggal_revisi), or when the sources do not say when (listed
 *   rather than silently dropped);
 * - baru: effective (or, without one, made) in the year, and no older version on record;
 * - direvisi: tanggal_revisi or a riwayat entry in the year, and not new in the year; also an
 *   SOP effective in the year whose riwayat or tanggal_revisi shows an older version (a revision
 *   takes effect on its own date: that is not a new SOP).
 */
export function changesInYear(sops: Sop[], tahun: number, draf: boolean): Change[] {
  const byNomor = new Map(sops.map((s) => [s.nomor.trim(), s]));
  const replacedBy = replacers(sops);
  const changes: Change[] = [];
  for (const sop of sops) {
    const riwayatYear = sop.riwayat.filter((r) => inYear(r.tanggal, tahun));
    if (sop.status === 'digantikan' || sop.status === 'dicabut') {
      const replacer = sop.status === 'digantikan' ? replacedBy.get(sop.nomor.trim()) : undefined;
      const when = replacer ? effectiveDate(replacer) : (sop.tanggal_dicabut ?? latest([...sop.riwayat.map((r) => r.tanggal), sop.tanggal_revisi]));
      if (when && !inYear(when, tahun)) continue;
      // The riwayat entry of the year says why, in the office's words; otherwise a plain note.
      const why = riwayatYear.at(-1)?.uraian.trim().replace(/\.?$/, '.');
      const note = replacer
        ? `Digantikan oleh ${replacer.nomor} (${replacer.nama}).`
        : (why ?? (sop.status === 'digantikan' ? 'Digantikan; SOP pengganti tidak tercatat di sumber.' : 'Dicabut tanpa pengganti.'));
      changes.push({ kind: sop.status, sop, tanggal: when, keterangan: note });
      continue;
    }
    if (!isPrinted(sop.status, draf)) continue;
    const start = effectiveDate(sop);
    if (inYear(start, tahun) && !olderVersion(sop, tahun)) {
      const old = sop.menggantikan ? byNomor.get(sop.menggantikan.trim()) : undefined;
      const note = sop.menggantikan ? `Menggantikan ${sop.menggantikan}${old ? ` (${old.nama})` : ''}.` : 'SOP baru.';
      changes.push({ kind: 'baru', sop, tanggal: start, keterangan: sop.status === 'draf' ? `${note} Masih draf.` : note });
      continue;
    }
    if (inYear(sop.tanggal_revisi, tahun) || riwayatYear.length || inYear(start, tahun)) {
      const when = latest([inYear(sop.tanggal_revisi, tahun) ? sop.tanggal_revisi : null, ...riwayatYear.map((r) => r.tanggal)]) ?? start;
      const note = riwayatYear.map((r) => r.uraian.trim().replace(/\.?$/, '.')).join(' ') || 'Direvisi.';
      changes.push({ kind: 'direvisi', sop, tanggal: when, keterangan: sop.status === 'draf' ? `${note} Masih draf.` : note });
    }
  }
  const rank: Record<ChangeKind, number> = { baru: 0, direvisi: 1, digantikan: 2, dicabut: 3 };
  return changes.sort((a, b) => rank[a.kind] - rank[b.kind] || compareSops(a.sop, b.sop));
}

/**
 * The SOP had a version before `tahun`: a riwayat entry from an earlier year, or a revision
 * (tanggal_revisi) of an SOP made in an earlier year.
 */
function olderVersion(sop: Sop, tahun: number): boolean {
  const yearStart = `${tahun}-01-01`;
  return sop.riwayat.some((r) => r.tanggal < yearStart) || (sop.tanggal_revisi !== null && sop.tanggal_pembuatan < yearStart);
}

/** The contents of one instansi's book. `sops` are that instansi's valid SOPs, any status. */
export function bookContents(sops: Sop[], tahun: number, draf: boolean): BookContents {
  const printed = sops.filter((s) => isPrinted(s.status, draf));
  const units = new Map<string, Sop[]>();
  for (const sop of printed) {
    const u = unitOf(sop);
    units.set(u, [...(units.get(u) ?? []), sop]);
  }
  const groups = [...units.keys()].sort(compareUnits).map((unit) => ({ unit: unit || null, sops: units.get(unit)!.sort(compareSops) }));
  const order = new Map(groups.flatMap((g) => g.sops).map((s, i) => [s.id, i]));
  const gone = sops.filter((s) => s.status === 'digantikan' || s.status === 'dicabut');
  // Listed in body order; replaced and withdrawn SOPs among their unit's, after the printed ones.
  const listed = [...printed, ...gone].sort((a, b) => {
    const byUnit = compareUnits(unitOf(a), unitOf(b));
    if (byUnit) return byUnit;
    const oa = order.get(a.id);
    const ob = order.get(b.id);
    if (oa !== undefined && ob !== undefined) return oa - ob;
    if (oa !== undefined) return -1;
    if (ob !== undefined) return 1;
    return compareSops(a, b);
  });
  return { tahun, draf, groups, listed, changes: changesInYear(sops, tahun, draf) };
}

/** The date the book carries in its metadata: the latest date in its sources within its year, else 1 January. */
export function bookDate(sops: Sop[], tahun: number): IsoDate {
  const end = `${tahun}-12-31`;
  const dates = sops.flatMap((s) => [s.tanggal_pembuatan, s.tanggal_efektif, s.tanggal_revisi, ...s.riwayat.map((r) => r.tanggal)]);
  return latest([`${tahun}-01-01`, ...dates.filter((d) => d && d <= end)])!;
}
