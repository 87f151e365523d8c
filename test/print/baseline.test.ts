import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { printBaseline } from '../../scripts/print/baseline.ts';
import { BASE_URL, twoPageDoc } from './fixtures.ts';

describe('printBaseline', () => {
  it('prints every document, in input order, with plain puppeteer-core', async () => {
    const htmls = [twoPageDoc(), '<style>@page{size:210mm 297mm;margin:0}</style><p>satu halaman</p>', twoPageDoc()];
    const pdfs = await printBaseline(htmls, { baseUrl: BASE_URL, poolSize: 2 });
    const counts = await Promise.all(pdfs.map(async (pdf) => (await PDFDocument.load(pdf)).getPageCount()));
    expect(counts).toEqual([2, 1, 2]);
  });
});
