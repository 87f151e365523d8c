// The `{{…}}` names a book page may use: filled by book/front-matter.ts, checked by `sop check`.

export const PLACEHOLDER_NAMES = [
  'tahun',
  'instansi',
  'pemerintah',
  'daerah',
  'alamat',
  'jumlah_sop',
  'penandatangan.jabatan',
  'penandatangan.nama',
  'penandatangan.pangkat',
  'penandatangan.nip',
  'penetap',
] as const;

export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** The placeholders filled from the signer in instansi.yml (`disahkan_oleh`): blank without one. */
export function isSignerPlaceholder(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'penetap' || n.startsWith('penandatangan.');
}

export { PLACEHOLDER } from '../kit/markdown.ts';

/** `02-keputusan.md`, `keputusan.md`: the decree that enacts the SOPs (printed portrait, under the letterhead). */
export function isDecreeFile(name: string): boolean {
  return /^(\d+[-_. ]*)?keputusan\.md$/i.test(name);
}

/** Frontmatter keys of a book page. */
export const BOOK_PAGE_KEYS = ['judul', 'urutan', 'tanda_tangan'] as const;
