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

/** `{{ nama }}`, `{{NAMA}}`: names are matched in lower case. */
export const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi;

/** Frontmatter keys of a book page. */
export const BOOK_PAGE_KEYS = ['judul', 'urutan', 'tanda_tangan'] as const;
