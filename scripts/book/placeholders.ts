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
] as const;

export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

export { PLACEHOLDER } from '../kit/markdown.ts';

/** Frontmatter keys of a book page. */
export const BOOK_PAGE_KEYS = ['judul', 'urutan', 'tanda_tangan'] as const;
