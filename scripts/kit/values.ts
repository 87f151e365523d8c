// How values are printed on official documents.
import type { Penandatangan } from '../model/sop.ts';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** The dotted space left on paper for what is written in by hand. */
export const ISIAN = '\u2026\u2026';

/**
 * `2024-05-08` → `8 Mei 2024`; `2021-03` → `…… Maret 2021` (the day written in at signing);
 * null → `-`, or the dotted space when `blank` says the date is to be filled in.
 */
export function tanggal(iso: string | null | undefined, blank: 'strip' | 'isian' = 'strip'): string {
  if (!iso) return blank === 'isian' ? `${ISIAN}${ISIAN}${ISIAN}` : '-';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d ?? ISIAN} ${BULAN[(m ?? 1) - 1]} ${y}`;
}

/** The blank left in a number for the register number written in by hand after signing. */
export const NOMOR_ISIAN = ISIAN.repeat(3);

/**
 * A document number as printed: a blank the office left for the register number (`830/       /IV.16-WK/2021`,
 * `00.8.3.3 / / KEU - 2023`: nothing but spaces between two slashes, or a run of spaces) becomes a
 * dotted blank wide enough to write in (HTML would collapse it to one space).
 */
export function nomorCetak(nomor: string): string {
  return nomor
    .replace(/\/([ \t]*)(?=\/)/g, (_, gap: string) => (gap ? `/ ${NOMOR_ISIAN} ` : `/${NOMOR_ISIAN}`))
    .replace(/[ \t]{2,}/g, ` ${NOMOR_ISIAN} `);
}

/** A day to stamp where a day is required (PDF metadata), never printed: the month's first. */
export function firstDay(iso: string): string {
  return iso.length === 7 ? `${iso}-01` : iso;
}

/** `196811171997031003` → `19681117 199703 1 003`: the grouping printed on official documents. */
export function formatNip(nip: string): string {
  const d = nip.replace(/\s+/g, '');
  return `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}

/** Letters for off-page connectors and similar sequences: A … Z, AA, AB … */
export function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A signer as printed under a signature: NIP grouped, empty parts left out, a blank name dotted. */
export function signerLines(signer: Penandatangan): { jabatan: string; nama: string; pangkat?: string; nip?: string } {
  return {
    jabatan: signer.jabatan,
    nama: signer.nama ?? ISIAN.repeat(5),
    ...(signer.pangkat ? { pangkat: signer.pangkat } : {}),
    ...(signer.nip ? { nip: formatNip(signer.nip) } : {}),
  };
}

/** The day of a moment in Western Indonesian Time: `8 Mei 2024`. */
export function tanggalWib(at: Date): string {
  return tanggal(new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10));
}

/** A moment as officers read it, in Western Indonesian Time: `8 Mei 2024 pukul 10.05 WIB`. */
export function waktuWib(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${tanggalWib(at)} pukul ${wib.slice(11, 13)}.${wib.slice(14, 16)} WIB`;
}
