// The pages an office writes for its book, next to instansi.yml: content/<instansi>/buku/*.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT, SopError } from '../errors.ts';
import { BOOK_PAGES_DIR } from '../model/paths.ts';
import { signerLines } from '../kit/values.ts';
import type { Instansi, Penandatangan } from '../model/sop.ts';
import { isBookPage } from '../source/content.ts';
import { PlaceholderError, renderMarkdownPage, type Placeholders } from './markdown.ts';
import type { PlaceholderName } from './placeholders.ts';
import type { FrontPage } from './parts.ts';

/** A front-matter page that cannot be printed: exit 1, like an SOP with errors. */
export class FrontMatterError extends SopError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { exitCode: EXIT.invalid, hint, cause });
  }
}

/** `{{…}}` values available in front-matter pages. */
export function placeholders(instansi: Instansi, tahun: number, jumlahSop: number, signer: Penandatangan | undefined): Record<PlaceholderName, string> {
  const lines = signer ? signerLines(signer) : undefined;
  return {
    tahun: String(tahun),
    instansi: instansi.nama,
    pemerintah: instansi.pemerintah,
    /** `Pemerintah Kabupaten Balangan` → `Kabupaten Balangan`, as decrees name the region. */
    daerah: instansi.pemerintah.replace(/^pemerintah\s+/i, ''),
    alamat: instansi.alamat ?? '',
    jumlah_sop: String(jumlahSop),
    'penandatangan.jabatan': lines?.jabatan ?? '',
    'penandatangan.nama': lines?.nama ?? '',
    'penandatangan.pangkat': lines?.pangkat ?? '',
    'penandatangan.nip': lines?.nip ?? '',
  };
}

/** `02-kata-pengantar.md` → `Kata Pengantar`. */
export function titleFromFile(name: string): string {
  const words = name
    .replace(/\.md$/i, '')
    .replace(/^\d+[-_. ]*/, '')
    .split(/[-_ ]+/)
    .filter(Boolean);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') || name;
}

/** Reads and renders the instansi's front-matter pages, in `urutan` then file-name order. */
export function loadFrontMatter(instansi: Instansi, root: string, values: Placeholders): FrontPage[] {
  const dir = path.join(root, instansi.dir, BOOK_PAGES_DIR);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isBookPage(e.name))
    .map((e) => e.name)
    .sort();
  const pages = files.map((name) => {
    const abs = path.join(dir, name);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    let page;
    try {
      page = renderMarkdownPage(readFileSync(abs, 'utf8'), values);
    } catch (e) {
      if (e instanceof PlaceholderError) throw new FrontMatterError(`${rel}: ${e.message}`, e.hint, e);
      throw new FrontMatterError(`${rel}: ${(e as Error).message}`, undefined, e);
    }
    return { name, order: page.order, front: { file: rel, title: page.title ?? titleFromFile(name), html: page.html, blocks: page.blocks, hasHeading: page.hasHeading, ...(page.signature ? { signature: page.signature } : {}) } };
  });
  return pages
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => p.front);
}
