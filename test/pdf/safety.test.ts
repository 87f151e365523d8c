// User text is text: markup in any field prints literally and loads nothing. Drafts are
// watermarked and never signable; F4 paper is honoured.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { checkFiles, flat, launchPrinter, pdfinfo, pdftotext, printAll, tempDir } from './helpers.ts';
import { INSTANSI, sopSource } from './fixtures.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src="https://example.com/x.png" onerror="alert(2)">';

let printer: Printer;
let built: BuiltPdf[];

beforeAll(async () => {
  const result = checkFiles({
    'uji/instansi.yml': INSTANSI,
    'uji/jahat.md': sopSource({ nomor: '"001/<b>X</b>"', nama: `"Uji ${SCRIPT}"`, dasar_hukum: `['${IMG}']`, unit: '"<style>*{display:none}</style>"' }, [
      `| 1 | Menerima ${SCRIPT} | Staf | ${IMG} | 15 menit | <iframe src="http://example.org"></iframe> | <link rel="stylesheet" href="http://example.net/a.css"> | |`,
      '| 2 | Menyelesaikan | Kepala Dinas | Berkas | 1 jam | Selesai | | |',
    ]),
    'uji/draf.md': sopSource({ nomor: '002/SOP/UJI/2024', nama: 'Prosedur Draf', status: 'draf' }),
    'f4/instansi.yml': `${INSTANSI}kertas: F4\n`,
    'f4/lebar.md': sopSource({ nomor: '003/SOP/UJI/2024', nama: 'Prosedur F4' }),
  });
  expect(result.ok).toBe(true);
  printer = await launchPrinter();
  built = await printAll(result.sops, printer, tempDir('safety'));
});
afterAll(() => printer?.close());

const bySlug = (slug: string) => built.find((b) => b.sop.slug === slug)!;

describe('user text in the PDF', () => {
  it('prints markup literally', () => {
    const text = flat(pdftotext(bySlug('jahat').pdf));
    expect(text).toContain(`Uji ${SCRIPT}`);
    expect(text).toContain(`Menerima ${SCRIPT}`);
    expect(text).toContain('001/<b>X</b>');
    // Narrow table cells wrap inside words: compare those without spaces.
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain('<iframesrc="http://example.org"></iframe>');
    expect(squeezed).toContain('<linkrel="stylesheet"href="http://example.net/a.css">');
    expect(text).toContain(flat(IMG));
    expect(text).toContain('<style>*{display:none}</style>');
  });

  it('makes no request, not even one that would be blocked', () => {
    expect(printer.blockedRequests).toEqual([]);
  });
});

describe('draf', () => {
  it('carries a DRAF watermark on every page and no signature field or manifest', async () => {
    const b = bySlug('draf');
    const pages = Number(pdfinfo(b.pdf).Pages);
    for (let p = 1; p <= pages; p++) expect(pdftotext(b.pdf, p)).toContain('DRAF');
    expect(b.manifest).toBeUndefined();
    expect(existsSync(b.pdf.replace(/\.pdf$/, '.ttd.json'))).toBe(false);
    const doc = await PDFDocument.load(readFileSync(b.pdf));
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    expect(flat(pdftotext(b.pdf))).not.toContain('BSrE');
  });
});

describe('kertas F4', () => {
  it('prints 330 x 215 mm landscape', () => {
    const b = bySlug('lebar');
    expect(path.basename(path.dirname(b.pdf))).toBe('f4');
    const [w, h] = /([\d.]+) x ([\d.]+) pts/.exec(pdfinfo(b.pdf)['Page size']!)!.slice(1).map(Number);
    expect(w).toBeCloseTo((330 / 25.4) * 72, 0);
    expect(h).toBeCloseTo((215 / 25.4) * 72, 0);
  });
});
