// Reading PDFs back with poppler, shared by the print, PDF and book suites.
import { execFileSync } from 'node:child_process';

export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface Word {
  /** 1-based page number. */
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Words with their boxes from `pdftotext -bbox` (points, origin top-left of the page). */
export function words(file: string): Word[] {
  const out: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of run('pdftotext', ['-bbox', file, '-']).split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (w) out.push({ page, pageWidth, pageHeight, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: w[5]! });
  }
  return out;
}
