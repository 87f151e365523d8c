// Names in output paths and URLs (PDF files, site pages, books): lower-case ASCII words joined by
// `-`, so safe in every file system and URL whatever the officer named a file or folder
// (`a..md`, `#`, `?`, `%`, spaces, capitals, accents). Two sources mapping to one name are a
// `sop check` error (validate/check-content.ts). Pure.
import { createHash } from 'node:crypto';

/** Lower-case ASCII words joined by `-`: `Bidang Aplikasi & Informatika` → `bidang-aplikasi-informatika`. */
export function slugify(text: string, fallback = 'lainnya'): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}

/** Names Windows refuses for a file, whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const MAX_LENGTH = 80;

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * The output name of a file or folder name (without `.md`): its slug; a name without a Latin
 * letter or digit gets `sop-<hash>`, a very long one is cut and keeps a hash of the whole.
 */
export function nameSlug(name: string): string {
  let s = slugify(name, '');
  if (!s) return `sop-${shortHash(name)}`;
  if (s.length > MAX_LENGTH) s = `${s.slice(0, MAX_LENGTH - 9).replace(/-+$/, '')}-${shortHash(name)}`;
  return WINDOWS_RESERVED.test(s) ? `${s}-sop` : s;
}
