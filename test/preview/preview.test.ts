// `sop pratinjau` in real Chromium: the page shows the SOP as it prints, changes when the file
// is saved, shows the `sop check` findings while the source is wrong, and serves the PDF.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Printer } from '../../scripts/print/pool.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { startPreview, type Preview } from '../../scripts/preview/server.ts';
import { launchBrowser, ROOT } from '../site/helpers.ts';

const REL = 'dkukmtk-balangan/monitoring-evaluasi-internal-capaian-kinerja';
let dir: string;
let file: string;
let original: string;
let preview: Preview;
let printer: Promise<Printer> | undefined;
let browser: Browser;
let page: Page;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-preview-'));
  cpSync(path.join(ROOT, 'content', 'dkukmtk-balangan'), path.join(dir, 'content', 'dkukmtk-balangan'), { recursive: true });
  file = path.join(dir, 'content', `${REL}.md`);
  original = readFileSync(file, 'utf8');
  preview = await startPreview({
    root: dir,
    port: 0,
    printer: () => (printer ??= Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] })),
    log: (l) => logs.push(l),
  });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await preview?.close();
  await (await printer)?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Saves the source and waits until the open page shows `text` (it reloads by itself). */
async function saveAndWait(content: string, text: string): Promise<number> {
  const started = performance.now();
  writeFileSync(file, content);
  await page.waitForFunction((t) => document.body?.innerText.includes(t), { timeout: 60_000, polling: 50 }, text);
  return performance.now() - started;
}

describe('sop pratinjau', () => {
  it('lists the content with each SOP state and binds to 127.0.0.1 only', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(preview.url);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Monitoring/Evaluasi Internal Capaian Kinerja');
    expect(text).toContain('000.8.3.3./005/DKUKMTK-BLG/2024');
    expect(text).toContain('siap dicetak');
  });

  it('shows the SOP as it prints, with its fonts, and reloads it when the file is saved', async () => {
    await page.goto(`${preview.url}sop/${REL}`);
    await page.waitForFunction(() => document.body.innerText.includes('Monitoring/Evaluasi Internal Capaian Kinerja'), { timeout: 90_000 });
    // The print HTML itself: the identity page and the procedure pages with their flowchart.
    expect(await page.$$eval('svg', (s) => s.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.fonts.check('12px Arimo'))).toBe(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    const ms = await saveAndWait(original.replace('nama: Monitoring/Evaluasi Internal Capaian Kinerja', 'nama: Monitoring Kinerja Versi Baru'), 'Monitoring Kinerja Versi Baru');
    // The wait's own timeout is the hang detection; the time is measured, not asserted.
    logs.push(`reload after save: ${Math.round(ms)} ms`);
    expect(failed).toEqual([]);
  }, 120_000);

  it('shows the sop check findings instead of the document while the source is wrong, then the document again', async () => {
    await saveAndWait(original.replace('status: berlaku', 'status: aktif'), 'belum dapat dicetak');
    const rows = await page.$$eval('#temuan tr', (trs) => trs.map((t) => (t as HTMLElement).innerText));
    expect(rows[0]).toContain('baris 7, kolom 9');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(`content/${REL}.md belum dapat dicetak`);
    expect(rows.join('\n')).toContain('Nilai `status` harus salah satu dari');
    expect(rows.join('\n')).toContain('Saran:');
    await saveAndWait(original, 'Monitoring/Evaluasi Internal Capaian Kinerja');
    expect(await page.$('#temuan')).toBeNull();
  }, 150_000);

  it('serves the PDF on demand', async () => {
    const res = await fetch(`${preview.url}sop/${REL}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('serves the site pages under /situs/ and nothing outside the project', async () => {
    await page.goto(`${preview.url}situs/`);
    expect(await page.evaluate(() => document.body.innerText)).toContain('Dinas Koperasi');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Arimo');
    expect((await fetch(`${preview.url}_berkas/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${preview.url}situs/../../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${preview.url}sop/tidak-ada`)).status).toBe(404);
    // A foreign host name pointed at 127.0.0.1 (DNS rebinding) is refused.
    const status = await new Promise<number | undefined>((resolve) => {
      http.get(preview.url, { headers: { host: 'evil.example' } }, (r) => resolve(r.statusCode)).on('error', () => resolve(undefined));
    });
    expect(status).toBe(403);
  }, 120_000);
});
