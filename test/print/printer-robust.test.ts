// Failure paths of the Printer: crashes, a dead browser, a missing browser, closing twice.
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrerequisiteError } from '../../scripts/print/browser.ts';
import { finishPdf } from '../../scripts/print/finish-pdf.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { BASE_URL, ROOT, twoPageDoc } from './fixtures.ts';

const A4 = { baseUrl: BASE_URL, width: '210mm', height: '297mm' };

async function pageCount(printer: Printer): Promise<number> {
  const { pdf } = await printer.printPdf(twoPageDoc(), A4);
  return (await PDFDocument.load(pdf)).getPageCount();
}

let printer: Printer;
beforeAll(async () => {
  printer = await Printer.launch({ allowedDir: ROOT, poolSize: 1 });
});
afterAll(() => printer?.close());

describe('Printer robustness', () => {
  it('queues work beyond the pool size', async () => {
    expect(printer.poolSize).toBe(1);
    const counts = await Promise.all([pageCount(printer), pageCount(printer), pageCount(printer)]);
    expect(counts).toEqual([2, 2, 2]);
  });

  it('replaces a page whose renderer crashed', async () => {
    const before = await printer.withPage(async (p) => p);
    await printer.withPage((p) => p.goto('chrome://crash')).catch(() => undefined);
    const after = await printer.withPage(async (p) => p);
    expect(after).not.toBe(before);
    expect(await pageCount(printer)).toBe(2);
  });

  it('replaces a page that crashed even when the callback swallowed the error', async () => {
    const before = await printer.withPage(async (p) => p);
    const crashing = printer.withPage(async (p) => {
      await p.goto('chrome://crash').catch(() => undefined);
      await p.evaluate(() => 1).catch(() => undefined); // would hang forever on a dead renderer
    });
    await expect(crashing).rejects.toThrow(/mogok/);
    expect(await printer.withPage(async (p) => p)).not.toBe(before);
    expect(await pageCount(printer)).toBe(2);
  });

  it('recovers when a callback navigated the page elsewhere', async () => {
    await printer.withPage(async (p) => {
      await p.goto(new URL('package.json', BASE_URL).href);
    });
    expect(await pageCount(printer)).toBe(2);
  });

  it('relaunches the browser if it died, and prints the same bytes as before', async () => {
    const meta = { title: 'SOP', subject: 'Uji', author: 'Dinas', keywords: [], language: 'id' as const, date: new Date('2025-01-01') };
    const before = await finishPdf((await printer.printPdf(twoPageDoc(), A4)).pdf, meta);
    await printer.withPage(async (p) => {
      p.browser().process()?.kill('SIGKILL');
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let 'disconnected' arrive
    const after = await finishPdf((await printer.printPdf(twoPageDoc(), A4)).pdf, meta);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });
});

describe('Printer lifecycle', () => {
  it('times out hung work, closes idempotently, removes its profile, and refuses work afterwards', async () => {
    const p = await Printer.launch({ allowedDir: ROOT, poolSize: 1, pageTimeoutMs: 4000 });
    expect(await pageCount(p)).toBe(2);
    // A hung page is given up after pageTimeoutMs and replaced, freeing the pool.
    await expect(p.withPage(() => new Promise(() => undefined))).rejects.toThrow(/tidak selesai dalam 4 detik/);
    expect(await pageCount(p)).toBe(2);
    const profile = await p.withPage(async (page) => page.browser().process()?.spawnargs.find((a) => a.startsWith('--user-data-dir=')));
    const dir = profile!.slice('--user-data-dir='.length);
    expect(fs.existsSync(dir)).toBe(true);
    await Promise.all([p.close(), p.close()]);
    await p.close();
    expect(fs.existsSync(dir)).toBe(false);
    await expect(p.printPdf('<p>x</p>', A4)).rejects.toThrow(/sudah ditutup/);
  });

  it('fails with PrerequisiteError and install instructions when no browser exists', async () => {
    const launching = Printer.launch({ allowedDir: ROOT, locate: () => null });
    await expect(launching).rejects.toBeInstanceOf(PrerequisiteError);
    await expect(launching).rejects.toThrow(/tidak ditemukan/);
    const error = (await launching.catch((e: unknown) => e)) as PrerequisiteError;
    expect(error.message).toContain(process.platform === 'linux' ? 'sudo apt-get install chromium' : 'Google Chrome');
    expect(error.hint).toBeTruthy();
  });

  it('fails with PrerequisiteError when the browser will not start', async () => {
    const launching = Printer.launch({ allowedDir: ROOT, executablePath: '/bin/false', timeoutMs: 10_000 });
    await expect(launching).rejects.toBeInstanceOf(PrerequisiteError);
    await expect(launching).rejects.toThrow(/\/bin\/false \(opsi\) ditemukan tetapi gagal dijalankan/);
  });
});
