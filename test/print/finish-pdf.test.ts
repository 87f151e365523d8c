import fs from 'node:fs';
import type { PDFRawStream } from 'pdf-lib';
import { PDFDict, PDFDocument, PDFName, PDFStream, PDFString } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../scripts/print/finish-pdf.ts';
import type { FinishOptions } from '../../scripts/print/finish-pdf.ts';
import { pdfinfo, run, tempDir, writeTemp } from './fixtures.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPTS: FinishOptions = {
  title: 'Pengelolaan Arsip — Tahap II',
  subject: 'SOP Administrasi Pemerintahan',
  author: 'Sekretariat Daerah',
  keywords: ['arsip', 'tata naskah'],
  language: 'id',
  date: new Date('2024-07-01T00:00:00Z'),
};

/** A stand-in for Chromium's output, stamped with whatever "now" the browser had. */
async function chromiumLike(now: Date, text = 'Halo'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setCreator('HeadlessChrome/156.0.0.0');
  doc.setProducer('Skia/PDF m156');
  doc.addPage([594.96, 841.92]).drawText(text, { x: 50, y: 700 });
  doc.addPage([594.96, 841.92]).drawText('Dua', { x: 50, y: 700 });
  return doc.save({ useObjectStreams: false });
}

describe('finishPdf', () => {
  it('replaces Info metadata, sets /Lang and an XMP packet', async () => {
    const out = await finishPdf(await chromiumLike(new Date()), OPTS);
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getTitle()).toBe(OPTS.title);
    expect(doc.getSubject()).toBe(OPTS.subject);
    expect(doc.getAuthor()).toBe(OPTS.author);
    expect(doc.getKeywords()).toBe('arsip, tata naskah');
    expect(doc.getCreator()).toBe('sop-press');
    expect(doc.getProducer()).toBe('sop-press');
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('id');
    const xmp = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream) as PDFRawStream;
    const xml = new TextDecoder().decode(xmp.contents);
    expect(xml).toContain('<rdf:li xml:lang="x-default">Pengelolaan Arsip — Tahap II</rdf:li>');
    expect(xml).toContain('<xmp:CreateDate>2024-07-01T00:00:00Z</xmp:CreateDate>');
    expect(xml).toContain('<rdf:li>id</rdf:li>');
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    const file = writeTemp(dir, 'meta.pdf', out);
    expect(pdfinfo(file).get('Title')).toBe(OPTS.title); // UTF-16 text strings decode in poppler
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  });

  it('writes one contiguous xref table (a hole trips up pdfsig when it appends a signature)', async () => {
    const out = Buffer.from(await finishPdf(await chromiumLike(new Date()), OPTS)).toString('latin1');
    const xref = out.slice(out.lastIndexOf('\nxref\n'), out.lastIndexOf('trailer'));
    expect(xref.match(/^\d+ \d+$/gm)).toEqual([expect.stringMatching(/^0 \d+$/)]);
  });

  it('drops every trace of the browser run', async () => {
    const out = Buffer.from(await finishPdf(await chromiumLike(new Date()), OPTS));
    expect(out.includes('HeadlessChrome')).toBe(false);
    expect(out.includes('Skia')).toBe(false);
  });

  it('gives identical bytes for the same content printed at different times', async () => {
    const a = await finishPdf(await chromiumLike(new Date('2026-01-01T10:00:00Z')), OPTS);
    const b = await finishPdf(await chromiumLike(new Date('2026-03-09T17:42:13Z')), OPTS);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('derives /ID from the content', async () => {
    const now = new Date();
    const id = async (pdf: Uint8Array) => /\/ID \[ <([0-9A-F]{32})>/.exec(Buffer.from(pdf).toString('latin1'))![1];
    const base = await id(await finishPdf(await chromiumLike(now), OPTS));
    expect(await id(await finishPdf(await chromiumLike(now, 'Lain'), OPTS))).not.toBe(base);
    expect(await id(await finishPdf(await chromiumLike(now), { ...OPTS, title: 'Judul lain' }))).not.toBe(base);
  });

  it('adds an empty, printable signature field on the right page', async () => {
    const rect = { x: 311.811, y: 121.89, width: 198.425, height: 85.039 };
    const input = await chromiumLike(new Date());
    const out = await finishPdf(input, { ...OPTS, signature: { fieldName: 'ttd_kepala', page: 1, rect } });
    const doc = await PDFDocument.load(out);
    const before = await PDFDocument.load(input);
    // Checked before getForm(), which adds empty /Annots everywhere.
    expect(doc.getPage(0).node.Annots()?.size() ?? 0).toBe(0);
    expect(doc.getPage(1).node.Annots()?.size()).toBe(1);
    // The page's content is left as it was (pdf-lib's addAnnot would wrap it in q/Q streams).
    expect(String(doc.getPage(1).node.get(PDFName.of('Contents')))).toBe(String(before.getPage(1).node.get(PDFName.of('Contents'))));
    const [field] = doc.getForm().getFields();
    expect(field?.getName()).toBe('ttd_kepala');
    expect(field?.constructor.name).toBe('PDFSignature');
    const widget = field!.acroField.getWidgets()[0]!;
    expect(widget.getRectangle()).toEqual({ x: rect.x, y: rect.y, width: expect.closeTo(rect.width, 9), height: expect.closeTo(rect.height, 9) });
    expect(widget.dict.get(PDFName.of('F'))?.toString()).toBe('4');
    expect(widget.P()).toBe(doc.getPage(1).ref);
    expect(doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).get(PDFName.of('SigFlags'))?.toString()).toBe('1');
    const file = writeTemp(dir, 'sig.pdf', out);
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  });

  it('refuses a field that cannot be placed', async () => {
    const pdf = await chromiumLike(new Date());
    const sig = (over: object) => ({ ...OPTS, signature: { fieldName: 'ttd', page: 0, rect: { x: 1, y: 1, width: 10, height: 10 }, ...over } });
    await expect(finishPdf(pdf, sig({ page: 2 }))).rejects.toThrow(/halaman 3.*2 halaman/);
    await expect(finishPdf(pdf, sig({ fieldName: 'ttd.kepala' }))).rejects.toThrow(/tidak valid/);
    await expect(finishPdf(pdf, sig({ rect: { x: 1, y: 1, width: 0, height: 10 } }))).rejects.toThrow(/berukuran nol/);
  });
});
