// A temporary copy of the project for the book tests: content/ and layouts/ of the repo plus
// the fixtures in test/fixtures/book/, built into the copy's own output/ (never the repo's).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
}

/** Words with their boxes (points, origin top-left) from `pdftotext -bbox`; page is 1-based. */
export function words(file: string): Word[] {
  const out: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of run('pdftotext', ['-bbox', file, '-']).split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (w) out.push({ page, pageWidth, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: w[5]! });
  }
  return out;
}
