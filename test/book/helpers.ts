// A temporary copy of the project for the book tests: content/ and layouts/ of the repo plus
// the fixtures in test/fixtures/book/, built into the copy's own output/ (never the repo's).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, words, type Word } from '../support/poppler.ts';

export { run, words, type Word };

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/book');

/** Copies content/ and layouts/ into a new temp dir and adds the book fixtures. */
export function makeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-press-book-'));
  fs.cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'), { recursive: true });
  const balangan = path.join(dir, 'content/diskominfosp-balangan');
  fs.copyFileSync(path.join(FIXTURES, 'dicabut.md'), path.join(balangan, 'sekretariat/penyampaian-laporan-manual.md'));
  fs.mkdirSync(path.join(balangan, 'bidang-statistik'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'bidang-statistik.md'), path.join(balangan, 'bidang-statistik/pemutakhiran-data-statistik.md'));
  fs.copyFileSync(path.join(FIXTURES, 'draf.md'), path.join(balangan, 'bidang-statistik/publikasi-data-statistik.md'));
  fs.copyFileSync(path.join(FIXTURES, 'buku/zz-uji-keamanan.md'), path.join(dir, 'content/dkukmtk-balangan/buku/zz-uji-keamanan.md'));
  return dir;
}


/** Text of every page (pdftotext, one run, split at form feeds), index 0 = page 1. */
export function pageTexts(file: string, layout = false): string[] {
  const text = run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Text of one page, 1-based, the way a reviewer would extract it. */
export function pageText(file: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-']);
}

export function pdfinfo(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) map.set(m[1]!.trim(), m[2]!.trim());
  }
  return map;
}

/** Whitespace-insensitive: pdftotext breaks lines where the layout does. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

