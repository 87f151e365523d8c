// A pool page that printed a document keeps it when the next one has the same head (the SOPs of
// a build): only the body and title are written. The PDF must be the one a fresh page prints.
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../scripts/print/finish-pdf.ts';
import { Printer, writtenParts } from '../../scripts/print/pool.ts';
import { BASE_URL, ROOT, run, tempDir, twoPageDoc, writeTemp } from './fixtures.ts';

const A4 = { baseUrl: BASE_URL, width: '210mm', height: '297mm' };
const META = { title: 'SOP', subject: 'Uji', author: 'Dinas', keywords: ['SOP'], language: 'id' as const, date: new Date('2025-01-15T00:00:00Z') };
const docA = twoPageDoc({ title: 'SOP A &amp; lampiran', extra: '<p>Isi dokumen pertama</p>' });
const docB = twoPageDoc({ title: 'SOP B', extra: '<svg width="20" height="20"><defs><marker id="m"><path d="M0 0L4 2L0 4z"/></marker></defs><path d="M1 1L15 15" stroke="#000" marker-end="url(#m)"/></svg><p>Isi dokumen kedua</p>' });

describe('writtenParts', () => {
  it('splits head (title emptied), title and body', () => {
    const parts = writtenParts(docA)!;
    expect(parts.title).toBe('SOP A &amp; lampiran');
    expect(parts.head).toContain('<title></title>');
    expect(parts.head).toBe(writtenParts(docB)!.head);
    expect(parts.body).toContain('Isi dokumen pertama');
    expect(parts.body).not.toContain('</body>');
  });

  it('refuses a body that loads something, so it is loaded (and its failures seen) as a new document', () => {
    for (const extra of ['<img src="logo.png">', '<iframe src="a.txt"></iframe>', '<link rel="stylesheet" href="a.css">', '<div style="background:url(a.png)">x</div>', '<svg><image href="a.png"/></svg>', '<style>@import "a.css";</style>']) {
      expect(writtenParts(twoPageDoc({ extra })), extra).toBeUndefined();
    }
    expect(writtenParts(docB)).toBeDefined(); // url(#m): a marker in the same document
  });

  it('refuses what is not one document with a body', () => {
    expect(writtenParts('<p>tanpa body</p>')).toBeUndefined();
    expect(writtenParts('<html><body><p>x</p></body></html><p>sesudahnya</p>')).toBeUndefined();
  });
});

describe('Printer: a page keeps its document for the next body', () => {
  let printer: Printer;
  let fresh: Printer;
  let dir: string;
  let writes = 0;

  beforeAll(async () => {
    dir = tempDir();
    printer = await Printer.launch({ allowedDir: ROOT, poolSize: 1 });
    fresh = await Printer.launch({ allowedDir: ROOT, poolSize: 1 });
    // One pool page: count the documents written into it.
    await printer.withPage(async (page: Page) => {
      const setContent = page.setContent.bind(page);
      page.setContent = (...args: Parameters<Page['setContent']>) => {
        writes++;
        return setContent(...args);
      };
    });
  });

  afterAll(async () => {
    await printer?.close();
    await fresh?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the same bytes as a fresh page, writing the document once', async () => {
    const a = await printer.printPdf(docA, A4);
    const b = await printer.printPdf(docB, A4);
    const a2 = await printer.printPdf(docA, A4);
    expect(writes).toBe(1);
    const alone = async (html: string) => finishPdf((await fresh.printPdf(html, A4)).pdf, META);
    const same = async (pdf: Uint8Array, html: string) => Buffer.from(await finishPdf(pdf, META)).equals(Buffer.from(await alone(html)));
    expect(await same(b.pdf, docB)).toBe(true);
    expect(await same(a2.pdf, docA)).toBe(true);
    expect(Buffer.from(await finishPdf(a.pdf, META)).equals(Buffer.from(await finishPdf(a2.pdf, META)))).toBe(true);
    expect(b.boxes).toEqual((await fresh.printPdf(docB, A4)).boxes);
    expect(run('pdftotext', [writeTemp(dir, 'b.pdf', b.pdf), '-'])).toContain('Isi dokumen kedua');
  });

  it('loads a body with an image as a new document, and reports the image missing', async () => {
    await printer.printPdf(docA, A4);
    const before = writes;
    const r = await printer.printPdf(twoPageDoc({ extra: '<img src="tidak-ada.png">' }), A4);
    expect(writes).toBe(before + 1);
    expect(r.missing.some((u) => u.endsWith('/tidak-ada.png'))).toBe(true);
  });

  it('does not keep a document another caller had the page for', async () => {
    await printer.printPdf(docA, A4);
    await printer.withPage(async (page) => page.evaluate(() => document.body.append('tambahan')));
    const before = writes;
    await printer.printPdf(docB, A4);
    expect(writes).toBe(before + 1);
  });
});
