// How values are printed on official documents.

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
