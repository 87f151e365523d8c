// The sample SOPs as PDFs: what an officer and a signing service rely on, read back from the
// files themselves.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFDict, PDFArray, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import { formatNip, tanggal } from '../../scripts/kit/values.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { words } from '../support/poppler.ts';
import { flat, launchPrinter, pdfinfo, pdftotext, printAll, sampleSops, tempDir } from './helpers.ts';

let printer: Printer;
let built: BuiltPdf[];
let outDir: string;

beforeAll(async () => {
  printer = await launchPrinter();
  outDir = tempDir('pdf');
  built = await printAll(sampleSops(), printer, outDir);
});
afterAll(() => printer?.close());

const bySlug = (slug: string) => built.find((b) => b.sop.slug === slug)!;

describe('sample SOP PDFs', () => {
  it('prints every sample SOP', () => {
    expect(built.map((b) => b.sop.slug).sort()).toEqual([
      'mekanisme-pengumpulan-data-kinerja',
      'monitoring-evaluasi-internal-capaian-kinerja',
      'pelaksanaan-pengukuran-kinerja',
      'pemantauan-capaian-kinerja-internal',
    ]);
    expect(built.every((b) => b.rebuilt)).toBe(true);
  });

  it('has an identity page plus procedure pages, A4 landscape, numbered "Halaman X dari Y"', () => {
    for (const b of built) {
      const info = pdfinfo(b.pdf);
      const pages = Number(info.Pages);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(info['Page size']).toMatch(/^841\.9\d? x 59[45]\.\d+ pts/);
      for (let p = 1; p <= pages; p++) expect(pdftotext(b.pdf, p)).toContain(`Halaman ${p} dari ${pages}`);
      expect(pdftotext(b.pdf, 1)).toContain('Dasar Hukum');
      // The identity part takes one sheet, or continues on the next when its lists are long;
      // the procedure follows it.
      // The header words are the ones the SOP's author wrote (`Uraian Prosedur`, `Persyaratan`), in the official order.
      const h = b.sop.headers;
      const procedure = new RegExp([h.kegiatan, h.kelengkapan, h.waktu, h.output].join('[\\s\\S]*'));
      const first = Array.from({ length: pages }, (_, i) => pdftotext(b.pdf, i + 1)).findIndex((t) => procedure.test(t));
      expect(first === 1 || first === 2, `${b.sop.slug}: prosedur mulai di halaman ${first + 1}`).toBe(true);
    }
  });

  it('the 13-row seed SOP breaks across procedure pages, repeating the header', () => {
    const b = bySlug('pemantauan-capaian-kinerja-internal');
    const pages = Number(pdfinfo(b.pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 2; p <= pages; p++) expect(pdftotext(b.pdf, p)).toMatch(/Pelaksana[\s\S]*Mutu Baku/);
  });

  it('contains every identity field and every row as text', () => {
    for (const { sop, pdf } of built) {
      const text = flat(pdftotext(pdf));
      const expected = [
        sop.nomor, sop.nama, sop.instansi.nama.toUpperCase(), tanggal(sop.tanggal_pembuatan), tanggal(sop.tanggal_efektif),
        sop.disahkan_oleh.nama!, ...(sop.disahkan_oleh.nip ? [`NIP. ${formatNip(sop.disahkan_oleh.nip)}`] : []),
        ...sop.dasar_hukum, ...sop.kualifikasi_pelaksana, ...sop.keterkaitan.map((k) => k.teks), ...sop.peralatan_perlengkapan,
        ...sop.peringatan, ...sop.pencatatan_pendataan, ...sop.pelaksana,
        ...sop.steps.flatMap((s) => [s.kegiatan, s.kelengkapan, s.waktu.text, s.output]),
      ];
      for (const item of expected) expect(text, `${sop.slug}: ${item}`).toContain(flat(item));
    }
  });

  it('closes the last procedure page with the signer, below the last row, as the official SOPs do', () => {
    for (const { sop, pdf } of built) {
      const pages = Number(pdfinfo(pdf).Pages);
      const onLast = words(pdf).filter((w) => w.page === pages);
      const rowTop = Math.max(...onLast.filter((w) => w.text === sop.steps.at(-1)!.kegiatan.split(' ')[0]).map((w) => w.yMin));
      const signerTop = Math.max(...onLast.filter((w) => w.text === sop.disahkan_oleh.nama!.split(' ')[0]).map((w) => w.yMin));
      expect(rowTop, sop.slug).toBeGreaterThan(0);
      expect(signerTop, sop.slug).toBeGreaterThan(rowTop + 20);
      if (sop.tanda_tangan === 'elektronik') expect(flat(pdftotext(pdf, pages))).toContain('Ditandatangani secara elektronik oleh');
    }
  });

  it('embeds every font (no system fonts)', () => {
    for (const { pdf } of built) {
      const rows = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toMatch(/Arimo/);
        expect(row.split(/\s+/).slice(-5)[0]).toBe('yes'); // the "emb" column
      }
    }
  });

  it('carries title, subject, author, keywords and language', async () => {
    const { sop, pdf } = bySlug('pemantauan-capaian-kinerja-internal');
    const info = pdfinfo(pdf);
    expect(info.Title).toBe(sop.nama);
    expect(info.Subject).toBe(sop.nomor);
    expect(info.Author).toContain(sop.instansi.nama);
    expect(info.Keywords).toContain(sop.nomor);
    const doc = await PDFDocument.load(readFileSync(pdf));
    const lang = doc.catalog.get(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe('id');
  });

  it('e-signed SOPs have an empty /Sig field exactly where the manifest says, and the BSrE footer', async () => {
    const b = bySlug('pemantauan-capaian-kinerja-internal');
    expect(b.sop.tanda_tangan).toBe('elektronik');
    const manifest = JSON.parse(readFileSync(b.manifest!, 'utf8'));
    const doc = await PDFDocument.load(readFileSync(b.pdf));
    const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    expect(fields.size()).toBe(1);
    const field = fields.lookup(0, PDFDict);
    expect(field.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
    expect(field.get(PDFName.of('V'))).toBeUndefined();
    const [x1, y1, x2, y2] = field.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString())) as [number, number, number, number];
    expect(x1).toBeCloseTo(manifest.x, 1);
    expect(y1).toBeCloseTo(manifest.y, 1);
    expect(x2 - x1).toBeCloseTo(manifest.width, 1);
    expect(y2 - y1).toBeCloseTo(manifest.height, 1);
    // The one signature block closes the last procedure page (issue 20 item 3).
    const last = Number(pdfinfo(b.pdf).Pages);
    expect(manifest).toMatchObject({ page: last, unit: 'pt', origin: 'bottom-left', anchor: '#', field: expect.stringMatching(/^ttd_/) });
    const lastPage = flat(pdftotext(b.pdf, last));
    expect(lastPage).toContain('Ditandatangani secara elektronik oleh');
    expect(lastPage).toContain('Balai Besar Sertifikasi Elektronik (BSrE)');
  });

  it('places the anchor character inside the reserved box', () => {
    const b = bySlug('pemantauan-capaian-kinerja-internal');
    const manifest = JSON.parse(readFileSync(b.manifest!, 'utf8'));
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(manifest.page), '-l', String(manifest.page), b.pdf, '-'], { encoding: 'utf8' });
    const pageHeight = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)![1]);
    const anchors = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">#<\/word>/g)];
    expect(anchors).toHaveLength(1);
    const [, xMin, yMin] = anchors[0]!.map(Number);
    expect(xMin).toBeGreaterThanOrEqual(manifest.x - 1);
    expect(xMin).toBeLessThanOrEqual(manifest.x + manifest.width);
    const top = manifest.y + manifest.height; // box top, from the bottom
    expect(pageHeight - yMin!).toBeLessThanOrEqual(top + 1);
    expect(pageHeight - yMin!).toBeGreaterThanOrEqual(manifest.y);
  });

  it('wet-signature SOPs have no field, no manifest and no BSrE footer', async () => {
    const b = bySlug('monitoring-evaluasi-internal-capaian-kinerja');
    expect(b.sop.tanda_tangan).toBe('basah');
    expect(b.manifest).toBeUndefined();
    const doc = await PDFDocument.load(readFileSync(b.pdf));
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    const text = flat(pdftotext(b.pdf));
    expect(text).not.toContain('BSrE');
    expect(text).not.toContain('secara elektronik');
    expect(text).toContain(b.sop.disahkan_oleh.nama);
  });

  it('passes qpdf --check', () => {
    for (const { pdf } of built) execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
  });

  it('skips unchanged SOPs and rebuilds byte-identical PDFs', async () => {
    const before = built.map((b) => readFileSync(b.pdf));
    const again = await printAll(built.map((b) => b.sop), printer, outDir);
    expect(again.every((b) => !b.rebuilt)).toBe(true);
    const forced = await printAll(built.map((b) => b.sop), printer, outDir, true);
    expect(forced.every((b) => b.rebuilt)).toBe(true);
    forced.forEach((b, i) => expect(Buffer.compare(readFileSync(b.pdf), before[i]!), b.sop.slug).toBe(0));
  });

  it('made no request outside the project', () => {
    expect(printer.blockedRequests).toEqual([]);
  });
});
