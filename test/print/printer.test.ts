import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../scripts/print/finish-pdf.ts';
import type { FinishOptions } from '../../scripts/print/finish-pdf.ts';
import { Printer } from '../../scripts/print/pool.ts';
import type { PrintResult } from '../../scripts/print/pool.ts';
import { BASE_URL, ROOT, canSign, pdfinfo, run, signWithPdfsig, tempDir, twoPageDoc, words, writeTemp } from './fixtures.ts';

const A4 = { baseUrl: BASE_URL, width: '210mm', height: '297mm' };
const REMOTE = '<img src="https://example.com/x.png"><link rel="stylesheet" href="http://example.com/gaya.css">';
const META: Omit<FinishOptions, 'signature'> = {
  title: 'SOP Penerbitan Surat Keterangan',
  subject: 'Standar Operasional Prosedur Administrasi Pemerintahan',
  author: 'Dinas Komunikasi dan Informatika',
  keywords: ['SOP', 'surat keterangan', 'pelayanan'],
  language: 'id',
  date: new Date('2025-01-15T00:00:00Z'),
};

function finish(result: PrintResult): Promise<Uint8Array> {
  const box = result.boxes[0]!;
  return finishPdf(result.pdf, { ...META, signature: { fieldName: 'ttd_kepala', page: box.page, rect: box } });
}

let printer: Printer;
let dir: string;
let first: PrintResult;
let finished: Uint8Array;
let file: string;

beforeAll(async () => {
  printer = await Printer.launch({ allowedDir: ROOT });
  dir = tempDir();
  first = await printer.printPdf(twoPageDoc({ extra: REMOTE }), A4);
  finished = await finish(first);
  file = writeTemp(dir, 'sop.pdf', finished);
});

afterAll(async () => {
  await printer?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Printer.printPdf', () => {
  it('hands finishing the document it parsed to place the box: finished from it, the same bytes as from the PDF', async () => {
    expect(first.document).toBeInstanceOf(PDFDocument);
    const box = first.boxes[0]!;
    const fromDocument = await finishPdf(first.document!, { ...META, signature: { fieldName: 'ttd_kepala', page: box.page, rect: box } });
    expect(Buffer.from(fromDocument).equals(Buffer.from(finished))).toBe(true);
  });

  it('prints two A4 pages', async () => {
    const doc = await PDFDocument.load(first.pdf);
    expect(doc.getPageCount()).toBe(2);
    for (const page of doc.getPages()) {
      // Chromium rounds the sheet to device pixels: within half a point of 595.28 × 841.89.
      expect(Math.abs(page.getWidth() - 595.28)).toBeLessThan(0.5);
      expect(Math.abs(page.getHeight() - 841.89)).toBeLessThan(0.5);
    }
    expect(pdfinfo(file).get('Page size')).toMatch(/\(A4\)/);
  });

  it('embeds the web font from node_modules, regular and bold, and nothing else', () => {
    const lines = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(lines.length).toBe(2);
    for (const line of lines) {
      expect(line).toMatch(/\+Arimo-(Regular|Bold)\s/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb sub uni
    }
  });

  it('blocks remote requests, records them, and loads every local asset', () => {
    expect(first.blocked.sort()).toEqual(['http://example.com/gaya.css', 'https://example.com/x.png']);
    expect(printer.blockedRequests).toEqual(expect.arrayContaining(first.blocked));
    expect(first.missing).toEqual([]);
  });

  it('reports a local asset that does not exist', async () => {
    const html = twoPageDoc({ extra: '<img src="layouts/tidak-ada.png">' });
    const result = await printer.printPdf(html, A4);
    expect(result.missing).toEqual([new URL('layouts/tidak-ada.png', BASE_URL).href]);
  });

  it('is byte-identical when printed again after finishPdf (even a second later)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // Chromium stamps dates to the second
    const again = await printer.printPdf(twoPageDoc({ extra: REMOTE }), A4);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(false); // raw: dates differ
    expect(Buffer.from(await finish(again)).equals(Buffer.from(finished))).toBe(true);
  });

  it('returns the signature box in PDF points, bottom-left origin, matching where text prints', () => {
    expect(first.boxes).toHaveLength(1);
    const box = first.boxes[0]!;
    expect(box).toMatchObject({ id: 'kepala', page: 1 });
    const mm = 72 / 25.4;
    expect(box.x).toBeCloseTo(110 * mm, 1);
    expect(box.width).toBeCloseTo(70 * mm, 1);
    expect(box.height).toBeCloseTo(30 * mm, 1);
    const ws = words(file);
    const awal = ws.find((w) => w.text === 'AWAL')!;
    const akhir = ws.find((w) => w.text === 'AKHIR')!;
    expect(awal.page).toBe(2);
    // pdftotext: origin top-left. Both words sit inside the 1px (0.75 pt) dashed border.
    const top = awal.pageHeight - (box.y + box.height);
    const bottom = awal.pageHeight - box.y;
    expect(awal.xMin).toBeCloseTo(box.x + 0.75, 0);
    expect(akhir.xMax).toBeCloseTo(box.x + box.width - 0.75, 0);
    expect(Math.abs(awal.yMin - (top + 0.75))).toBeLessThan(1.5); // glyph box vs line box
    expect(Math.abs(akhir.yMax - (bottom - 0.75))).toBeLessThan(1.5);
  });

  it('adds a /Sig field whose widget /Rect is exactly the box', async () => {
    const doc = await PDFDocument.load(finished);
    const box = first.boxes[0]!;
    const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    expect(acro.get(PDFName.of('SigFlags'))).toEqual(PDFNumber.of(1));
    const fields = acro.lookup(PDFName.of('Fields'), PDFArray);
    expect(fields.size()).toBe(1);
    const widget = fields.lookup(0, PDFDict);
    expect(widget.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
    expect(widget.get(PDFName.of('Subtype'))).toBe(PDFName.of('Widget'));
    expect(widget.lookup(PDFName.of('T'), PDFString).decodeText()).toBe('ttd_kepala');
    expect(widget.get(PDFName.of('F'))).toEqual(PDFNumber.of(4));
    const rect = widget.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
    expect(rect).toEqual({ x: box.x, y: box.y, width: expect.closeTo(box.width, 6), height: expect.closeTo(box.height, 6) });
    const page = doc.getPage(1);
    expect(widget.get(PDFName.of('P'))).toBe(page.ref);
    const annots = page.node.Annots()!;
    expect(annots.asArray().some((a) => a instanceof PDFRef && a === fields.get(0))).toBe(true);
    expect(pdfinfo(file).get('Form')).toBe('AcroForm');
  });

  it('writes metadata that pdfinfo reads, in Indonesian, dated from the SOP', () => {
    const info = pdfinfo(file);
    expect(info.get('Title')).toBe(META.title);
    expect(info.get('Subject')).toBe(META.subject);
    expect(info.get('Author')).toBe(META.author);
    expect(info.get('Keywords')).toBe('SOP, surat keterangan, pelayanan');
    expect(info.get('Creator')).toBe('sop-press');
    expect(info.get('Producer')).toBe('sop-press');
    expect(info.get('CreationDate')).toMatch(/Jan 15 00:00:00 2025/);
    expect(info.get('Metadata Stream')).toBe('yes');
    expect(info.get('Tagged')).toBe('yes');
    expect(run('qpdf', ['--show-object=trailer', file])).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/i);
  });

  it.skipIf(!canSign)('can be signed in that field by a real signer (poppler pdfsig)', () => {
    const report = signWithPdfsig(dir, file, 'ttd_kepala');
    expect(report).toContain('Signature Field Name: ttd_kepala');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature is Valid');
    expect(report).toMatch(/No syntax or stream encoding errors/);
  });

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  });

  it('prints many documents in parallel, each to its own result', async () => {
    const titles = Array.from({ length: 6 }, (_, i) => `Dokumen ${i}`);
    const results = await Promise.all(
      titles.map((t) => printer.printPdf(twoPageDoc({ extra: `<p>${t}</p>` }), A4)),
    );
    results.forEach((r, i) => {
      const f = writeTemp(dir, `par-${i}.pdf`, r.pdf);
      expect(run('pdftotext', [f, '-'])).toContain(titles[i]);
    });
  });

  it('honours landscape', async () => {
    const html = '<style>@page{margin:0}</style><p>Lanskap</p>';
    const r = await printer.printPdf(html, { baseUrl: BASE_URL, width: '210mm', height: '297mm', landscape: true });
    const page = (await PDFDocument.load(r.pdf)).getPage(0);
    expect(page.getWidth()).toBeGreaterThan(page.getHeight());
  });

  it('rejects a baseUrl outside the project', async () => {
    await expect(printer.printPdf('<p>x</p>', { ...A4, baseUrl: 'file:///etc/' })).rejects.toThrow(/di dalam folder proyek/);
    await expect(printer.printPdf('<p>x</p>', { ...A4, baseUrl: 'https://example.com/' })).rejects.toThrow(/URL file:/);
  });
});

/** Ids of the structure elements that have one, in a pre-order walk, and the /IDTree's keys. */
function structIds(doc: PDFDocument): { walk: string[]; idTree: string[] } {
  const walk: string[] = [];
  const visit = (o: unknown): void => {
    const v = o instanceof PDFRef ? doc.context.lookup(o) : o;
    if (v instanceof PDFArray) return v.asArray().forEach(visit);
    if (!(v instanceof PDFDict) || v.has(PDFName.of('MCID'))) return;
    const id = v.lookupMaybe(PDFName.of('ID'), PDFString);
    if (id) walk.push(id.decodeText());
    visit(v.get(PDFName.of('K')));
  };
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  visit(root.get(PDFName.of('K')));
  const idTree: string[] = [];
  const leaves = (node: PDFDict): void => {
    const keys = (node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? []).filter((_, i) => i % 2 === 0).map((n) => (n as PDFString).decodeText());
    const limits = node.lookupMaybe(PDFName.of('Limits'), PDFArray)?.asArray().map((n) => (n as PDFString).decodeText());
    if (limits && keys.length) expect(limits).toEqual([keys[0], keys.at(-1)]);
    idTree.push(...keys);
    node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray().forEach((kid) => leaves(doc.context.lookup(kid, PDFDict)));
  };
  leaves(root.lookup(PDFName.of('IDTree'), PDFDict));
  return { walk, idTree };
}

describe('tagged structure', () => {
  // Header cells get an /ID (data cells point at them through /Headers), named after Blink's
  // DOM node ids. Blink numbers nodes lazily, and something can number one cell before the rest
  // (in a build: the element at the centre of the viewport, once per page). DevTools numbers
  // the last row's cells ahead of the walk here, as that would.
  const rows = Array.from({ length: 5 }, (_, i) => `<tr><th>Baris ${i + 1}</th><td>Isi ${i + 1}</td><td>Lain ${i + 1}</td></tr>`).join('');
  const html = `<!doctype html><html lang="id"><body><table><tr><th>Judul</th><th>Kolom A</th><th>Kolom B</th></tr>${rows}</table></body></html>`;
  const print = (numberFirst?: string) =>
    printer.withPage(async (page) => {
      await page.setContent(html);
      if (numberFirst) {
        const cdp = await page.createCDPSession();
        const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(numberFirst)})` });
        await cdp.send('DOM.describeNode', { objectId: result.objectId! });
      }
      return page.pdf({ tagged: true, width: '210mm', height: '297mm' });
    });

  it('names them by their place in the document, whichever Chromium numbered first', async () => {
    const plain = await print();
    const raced = await print('tr:last-child th');
    const raw = structIds(await PDFDocument.load(raced));
    expect(raw.walk).not.toEqual([...raw.walk].sort()); // Chromium's names do follow the race
    const a = await finishPdf(plain, META);
    const b = await finishPdf(raced, META);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const ids = structIds(await PDFDocument.load(a));
    expect(ids.walk).toEqual(Array.from({ length: raw.walk.length }, (_, i) => `node${String(i + 1).padStart(8, '0')}`));
    expect(ids.idTree).toEqual(ids.walk);
  });
});

describe('Printer.evaluate', () => {
  it('measures in print media, at paper width, with the web font loaded', async () => {
    const html = twoPageDoc();
    const m = await printer.evaluate(html, A4, (sel: string) => {
      const row = document.querySelector(sel)!.getBoundingClientRect();
      return {
        print: matchMedia('print').matches,
        width: document.documentElement.clientWidth,
        font: document.fonts.check('11pt Arimo'),
        loaded: Array.from(document.fonts).filter((f) => f.status === 'loaded').length,
        rowHeight: row.height,
      };
    }, 'tr');
    expect(m.print).toBe(true);
    expect(m.width).toBe(Math.round((210 * 96) / 25.4));
    expect(m.font).toBe(true);
    expect(m.loaded).toBeGreaterThanOrEqual(1);
    expect(m.rowHeight).toBeGreaterThan(10);
  });

  it('accepts a bare baseUrl string', async () => {
    expect(await printer.evaluate('<p>halo</p>', BASE_URL, () => document.body.textContent)).toBe('halo');
  });

  it('does not run the document\'s own scripts', async () => {
    const html = '<body><script>document.body.dataset.ran = "ya"</script></body>';
    expect(await printer.evaluate(html, BASE_URL, () => document.body.dataset.ran ?? 'tidak')).toBe('tidak');
  });
});

describe('artefacts', () => {
  it('leaves no file in the project', () => {
    expect(fs.existsSync(path.join(ROOT, '.sop-press-print.html'))).toBe(false);
  });
});
