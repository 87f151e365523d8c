// The pages an office writes for its book, next to instansi.yml: content/<instansi>/buku/*.md.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { EXIT, SopError } from '../errors.ts';
import { BOOK_PAGES_DIR } from '../model/paths.ts';
import { signerLines } from '../kit/values.ts';
import type { Instansi, Penandatangan } from '../model/sop.ts';
import { isBookPage } from '../source/content.ts';
import { PlaceholderError, renderMarkdownPage, type Placeholders } from './markdown.ts';
import { isDecreeFile, type PlaceholderName } from './placeholders.ts';

export { isDecreeFile };
import type { FrontPage } from './parts.ts';
import { readInside, rootOf, type ReadProblem } from '../source/read-inside.ts';

const PAGE_MAX_BYTES = 1024 * 1024;

function pageProblem(p: ReadProblem): string {
  switch (p.problem) {
    case 'di-luar':
      return `halaman ini adalah pintasan (link) ke ${p.real}, di luar folder instansi; isinya tidak dibaca.`;
    case 'bukan-berkas':
      return 'halaman ini bukan berkas teks biasa.';
    case 'terlalu-besar':
      return `halaman ini berukuran ${p.size} bita; batasnya ${p.max} bita (1 MB).`;
    case 'tidak-ada':
      return 'halaman ini adalah pintasan ke berkas yang sudah tidak ada.';
    case 'tak-terbaca':
      return `halaman ini tidak dapat dibuka (${p.code}).`;
  }
}

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
    daerah: regionOf(instansi),
    alamat: instansi.alamat ?? '',
    jumlah_sop: String(jumlahSop),
    'penandatangan.jabatan': lines?.jabatan ?? '',
    /** The position that issues the decree: the signer's, without an acting prefix. */
    penetap: lines ? decreeSigner(lines.jabatan, regionOf(instansi)).penetap : '',
    'penandatangan.nama': lines?.nama ?? '',
    'penandatangan.pangkat': lines?.pangkat ?? '',
    'penandatangan.nip': lines?.nip ?? '',
  };
}

/**
 * The position that issues the decree and the title it is signed with, from one value so that
 * they cannot differ: `Plt. Kepala Dinas KUKMTK` in `Kabupaten Balangan` → issuer `Kepala Dinas
 * KUKMTK Kabupaten Balangan` (an acting official signs for the office, which issues), signed
 * `Plt. Kepala Dinas KUKMTK Kabupaten Balangan`. The region is added when the position lacks it.
 */
export function decreeSigner(jabatan: string, daerah: string): { penetap: string; jabatan: string } {
  const m = /^\s*((?:plt|plh|pj)\.?\s+)?(.*?)\s*$/i.exec(jabatan)!;
  const office = m[2]!;
  const penetap = daerah && !office.toLocaleLowerCase('id').includes(daerah.toLocaleLowerCase('id')) ? `${office} ${daerah}` : office;
  return { penetap, jabatan: `${m[1] ?? ''}${penetap}` };
}

/** `Pemerintah Kabupaten Balangan` → `Kabupaten Balangan`, as decrees name the region. */
export function regionOf(instansi: Instansi): string {
  return instansi.pemerintah.replace(/^pemerintah\s+/i, '');
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
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isBookPage(e.name))
    .map((e) => e.name)
    .sort();
  // Book pages follow the asset rule (source/read-inside.ts): inside the instansi's folder after
  // every link, regular files, at most 1 MB.
  const inside = rootOf(path.join(root, instansi.dir));
  const pages = files.map((name) => {
    const abs = path.join(dir, name);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    const got = readInside(abs, inside, PAGE_MAX_BYTES);
    if (!got.ok) throw new FrontMatterError(`${rel}: ${pageProblem(got)}`, 'Halaman buku harus berupa berkas teks di folder buku/ instansi ini; salin berkas aslinya ke sini, bukan pintasan (link) ke luar.');
    let page;
    try {
      page = renderMarkdownPage(new TextDecoder().decode(got.bytes), values);
    } catch (e) {
      if (e instanceof PlaceholderError) throw new FrontMatterError(`${rel}: ${e.message}`, e.hint, e);
      throw new FrontMatterError(`${rel}: ${(e as Error).message}`, undefined, e);
    }
    return { name, order: page.order, front: { file: rel, title: page.title ?? titleFromFile(name), html: page.html, blocks: page.blocks, hasHeading: page.hasHeading, ...(page.signature ? { signature: page.signature } : {}), ...(isDecreeFile(name) ? { keputusan: true } : {}) } };
  });
  return pages
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => p.front);
}
