// The "bare baseline" for benchmarks: what a straightforward puppeteer-core script does with the
// same browser, flags and parallelism, minus everything sop-press adds (request guard, page reuse
// via setContent, box measuring, metadata, signature field).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withBase } from './guard.ts';
import { launchChromium } from './launch.ts';
import type { LaunchOptions } from './launch.ts';

export interface BaselineOptions extends LaunchOptions {
  /** `file:` URL relative assets resolve against. */
  baseUrl: string;
  width?: string;
  height?: string;
  /** Default: os.availableParallelism(), like the Printer. */
  poolSize?: number;
}

/** Prints each HTML string to a PDF, in input order: one browser, one page per worker, goto a temp file, page.pdf. */
export async function printBaseline(htmls: readonly string[], options: BaselineOptions): Promise<Uint8Array[]> {
  const launched = await launchChromium(options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-press-baseline-'));
  const out: Uint8Array[] = new Array<Uint8Array>(htmls.length);
  let next = 0;
  const worker = async () => {
    const page = await launched.browser.newPage();
    for (let i = next++; i < htmls.length; i = next++) {
      // Chromium will not load file: fonts into about:blank, so the bare route is a file on disk.
      const file = path.join(dir, `${i}.html`);
      fs.writeFileSync(file, withBase(htmls[i] ?? '', options.baseUrl));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      out[i] = await page.pdf({ printBackground: true, preferCSSPageSize: true, width: options.width ?? '210mm', height: options.height ?? '297mm' });
    }
    await page.close();
  };
  try {
    const size = Math.max(1, Math.min(options.poolSize ?? os.availableParallelism(), htmls.length));
    await Promise.all(Array.from({ length: size }, worker));
    return out;
  } finally {
    await launched.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
