// Rules a schema cannot say about one document: calendar order of dates and NIP structure.

/** Is `YYYY-MM-DD` (or `YYYYMMDD` parts) a real calendar date? */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Why a NIP is invalid, in Indonesian, or undefined when it is valid. */
export function nipProblem(raw: string): string | undefined {
  const nip = raw.replace(/\s+/g, '');
  if (!/^\d+$/.test(nip)) return 'NIP hanya boleh berisi angka dan spasi.';
  if (nip.length !== 18) return `NIP harus 18 angka, tertulis ${nip.length} angka.`;
  const birth = [Number(nip.slice(0, 4)), Number(nip.slice(4, 6)), Number(nip.slice(6, 8))] as const;
  if (!isRealDate(...birth) || birth[0] < 1900) return `Tanggal lahir dalam NIP (${nip.slice(0, 8)}) bukan tanggal yang ada.`;
  const year = Number(nip.slice(8, 12));
  const month = Number(nip.slice(12, 14));
  if (month < 1 || month > 12 || year < birth[0]) return `Tahun dan bulan pengangkatan dalam NIP (${nip.slice(8, 14)}) tidak valid.`;
  if (nip[14] !== '1' && nip[14] !== '2') return `Angka jenis kelamin dalam NIP (angka ke-15) harus 1 atau 2, tertulis ${nip[14]}.`;
  return undefined;
}
export { formatNip } from '../kit/values.ts';
