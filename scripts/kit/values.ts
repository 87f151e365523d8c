// How values are printed on official documents.
import type { Penandatangan } from '../model/sop.ts';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `2024-05-08` → `8 Mei 2024`; null → `-`. */
export function tanggal(iso: string | null | undefined): string {
  if (!iso) return '-';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${BULAN[(m ?? 1) - 1]} ${y}`;
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

/** A signer as printed under a signature: NIP grouped, empty parts left out. */
export function signerLines(signer: Penandatangan): { jabatan: string; nama: string; pangkat?: string; nip?: string } {
  return {
    jabatan: signer.jabatan,
    nama: signer.nama,
    ...(signer.pangkat ? { pangkat: signer.pangkat } : {}),
    ...(signer.nip ? { nip: formatNip(signer.nip) } : {}),
  };
}
