// `sop pratinjau` as an officer uses it: an SOP open in headless Chromium, its source saved with
// a new title, and the time until the page shows that title (check, render, the live reload's
// server-sent event, the page's reload). The same loop as test/preview/preview.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from 'puppeteer-core';
import { fontDir } from '../kit/fonts.ts';
import { startPreview } from '../preview/server.ts';
import { findBrowser } from '../print/browser.ts';
import { Printer } from '../print/pool.ts';

const INSTANSI = 'dkukmtk-balangan';
const REL = `${INSTANSI}/monitoring-evaluasi-internal-capaian-kinerja`;

/** Milliseconds from each save to the updated page, `saves` times, with the repository's `root` content. */
export async function benchPreview(root: string, saves: number): Promise<number[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-pratinjau-'));
  cpSync(path.join(root, 'content', INSTANSI), path.join(dir, 'content', INSTANSI), { recursive: true });
  const file = path.join(dir, 'content', `${REL}.md`);
  const original = readFileSync(file, 'utf8');
  let printer: Promise<Printer> | undefined;
  const preview = await startPreview({ root: dir, port: 0, ...(process.env.SOP_BENCH_LOG ? { log: (l: string) => console.log(l) } : {}), printer: () => (printer ??= Printer.launch({ allowedDir: dir, extraDirs: [root, fontDir()] })) });
  const browser = await launch({ executablePath: findBrowser()!.path, headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const shows = (text: string) => page.waitForFunction((t) => document.body?.innerText.includes(t), { timeout: 60_000, polling: 10 }, text);
    await page.goto(`${preview.url}sop/${REL}`);
    await shows('Monitoring/Evaluasi Internal Capaian Kinerja');
    const times: number[] = [];
    for (let k = 1; k <= saves; k++) {
      const title = `Uji Pratinjau ${k}`;
      const started = performance.now();
      writeFileSync(file, original.replace(/^nama: .*$/m, `nama: ${title}`));
      await shows(title);
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await browser.close();
    await preview.close();
    await (await printer)?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
