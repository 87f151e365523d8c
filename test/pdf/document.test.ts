// Issue 20, what a reviewer still sent back on the document, measured in the printed PDFs: one
// SOP of 13 rows carrying the real values the check used to refuse, printed in force (e-signed),
// as a draft and as withdrawn; one print each, shared by every assertion.
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import { planProcedure } from '../../scripts/plan/procedure.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { sopView } from '../../scripts/view/sop-view.ts';
import { labelFontMetrics } from '../../scripts/flow/font-metrics.ts';
import { words, type Word } from '../support/poppler.ts';
import { checkFiles, flat, launchPrinter, pdfinfo, pdftotext, printAll, tempDir } from './helpers.ts';
import { INSTANSI, sopSource } from './fixtures.ts';

/** Height of a `pdftotext -bbox` word box per point of font size: Arimo's ascender + descender. */
const BOX_PER_PT = labelFontMetrics().ascent + labelFontMetrics().descent;
const MM = 72 / 25.4;
const JABATAN = 'Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian serta Penanaman Modal dan Pelayanan Terpadu Satu Pintu P';
const ACTORS = ['Petugas Loket', 'Kasubag Umum dan Kepegawaian', 'Kepala Bidang', 'Sekretaris', 'Kepala Dinas'];
const ROWS = Array.from({ length: 13 }, (_, i) => {
  const no = i + 1;
  const kegiatan = no === 2
    ? 'Memeriksa kelengkapan dan keabsahan berkas permohonan yang diajukan pemohon, mencocokkan data dengan dokumen asli, mencatat hasil pemeriksaan dalam buku register, dan menyampaikan hasilnya kepada atasan langsung'
    : `Memproses berkas permohonan tahap ${no}`;
  const kelengkapan = no === 1 ? 'Surat permohonan, fotokopi KTP pemohon, fotokopi akta pendirian badan usaha, surat keterangan domisili dan NPWP usaha' : 'Berkas permohonan';
  const keterangan = no === 2 ? 'Apabila berkas tidak lengkap dikembalikan kepada pemohon untuk dilengkapi' : '';
  const lanjut = no === 2 ? 'Tidak Memenuhi Syarat: 1; Memenuhi Syarat: 3' : '';
  return `| ${no} | ${kegiatan} | ${ACTORS[i % ACTORS.length]} | ${kelengkapan} | ${no === 2 ? '30 (tiga puluh) menit' : '1 jam'} | Berkas diproses | ${keterangan} | ${lanjut} |`;
});
const STATUSES = {
  berlaku: {},
  draf: { status: 'draf' },
  dicabut: { status: 'dicabut', tanggal_dicabut: '2025-01-02' },
} as const;
type Kind = keyof typeof STATUSES;

let printer: Printer;
const built = {} as Record<Kind, BuiltPdf>;
const boxes = {} as Record<Kind, Word[]>;
const pageCount = (k: Kind) => Number(pdfinfo(built[k].pdf).Pages);
const size = (w: Word) => (w.yMax - w.yMin) / BOX_PER_PT;

beforeAll(async () => {
  printer = await launchPrinter();
  const instansi = `${INSTANSI.replace('jabatan: Kepala Dinas Uji Coba', `jabatan: ${JABATAN}`)}tanda_tangan: elektronik\n`;
  const files: Record<string, string> = { 'dinas/instansi.yml': instansi };
  Object.entries(STATUSES).forEach(([kind, fields], i) => {
    files[`dinas/${kind}.md`] = sopSource({ nomor: `83${i}/       /IV.16-WK/2021`, nama: `Pelayanan Izin ${kind}`, pelaksana: `[${ACTORS.join(', ')}]`, ...fields }, ROWS);
  });
  const checked = checkFiles(files);
  expect(checked.sops.map((s) => s.status).sort()).toEqual(['berlaku', 'dicabut', 'draf']);
  for (const b of await printAll(checked.sops, printer, tempDir('dokumen'), true)) {
    built[b.sop.status as Kind] = b;
    boxes[b.sop.status as Kind] = words(b.pdf);
  }
}, 120_000);
afterAll(() => printer?.close());

describe('isu 20: dokumen SOP', () => {
  it('nilai nyata yang dulu ditolak tercetak utuh', () => {
    const text = flat(pdftotext(built.berlaku.pdf));
    for (const value of ['Surat permohonan, fotokopi KTP pemohon, fotokopi akta pendirian badan usaha, surat keterangan domisili dan NPWP usaha',
      'Apabila berkas tidak lengkap dikembalikan kepada pemohon untuk dilengkapi', '30 (tiga puluh) menit', 'menyampaikan hasilnya kepada atasan langsung', JABATAN.toUpperCase()]) {
      expect(text).toContain(flat(value));
    }
    expect(text).toMatch(/Tidak\s*Memenuhi|Tidak Me-/);
  });

  it('1. ruang nomor register tetap terlihat, di halaman identitas dan di setiap kaki halaman', () => {
    const all = boxes.berlaku;
    const blanks = all.filter((w) => /^…+$/.test(w.text));
    // The identity page's Nomor SOP and the footer of every page.
    for (let page = 1; page <= pageCount('berlaku'); page++) {
      const here = blanks.filter((w) => w.page === page);
      expect(here.length, `halaman ${page}`).toBeGreaterThanOrEqual(page === 1 ? 2 : 1);
      // Wide enough to write a register number in by hand (the collapsed space was 0.9 mm).
      for (const w of here) expect((w.xMax - w.xMin) / MM, `halaman ${page}`).toBeGreaterThan(12);
    }
    expect(flat(pdftotext(built.berlaku.pdf, 1))).toContain('830/ ……………… /IV.16-WK/2021');
  });

  it('2. draf dan dicabut dibagi halaman persis seperti yang ditandatangani', () => {
    const plans = (Object.keys(STATUSES) as Kind[]).map((k) => {
      const b = built[k];
      return { pages: pageCount(k), rows: planProcedure(sopView(b.sop), b.sop.steps, b.measurement).pages, closing: b.measurement.closingHeight };
    });
    expect(plans[0]!.rows.length).toBeGreaterThan(1);
    expect(plans[1]).toEqual(plans[0]);
    expect(plans[2]).toEqual(plans[0]);
  });

  it('3. satu blok tanda tangan, di bawah baris terakhir, memuat medan /Sig', async () => {
    const b = built.berlaku;
    const last = pageCount('berlaku');
    const text = pdftotext(b.pdf).split('\f');
    expect(text.flatMap((t, i) => (flat(t).includes('Ditandatangani secara elektronik oleh') ? [i + 1] : []))).toEqual([last]);
    // The field's widget sits on that page, between the jabatan and the name of the block.
    const doc = await PDFDocument.load(readFileSync(b.pdf));
    const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    expect(fields.size()).toBe(1);
    const ref = fields.get(0) as PDFRef;
    const onPage = doc.getPages().findIndex((p) => (p.node.Annots()?.asArray() ?? []).some((a) => a === ref)) + 1;
    expect(onPage).toBe(last);
    const [, y1, , y2] = fields.lookup(0, PDFDict).lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString())) as [number, number, number, number];
    const page = boxes.berlaku.filter((w) => w.page === last);
    const height = page[0]!.pageHeight;
    const jabatan = Math.max(...page.filter((w) => w.text === 'PELAYANAN').map((w) => w.yMax));
    const nama = Math.min(...page.filter((w) => w.text === 'Pejabat,').map((w) => w.yMin));
    expect(height - y2).toBeGreaterThanOrEqual(jabatan - 0.5);
    expect(height - y1).toBeLessThanOrEqual(nama + 0.5);
    // The identity page names the signer, without a second, unsignable block.
    expect(flat(text[0]!)).toContain('Nama Pejabat, S.H.');
    expect(flat(text[0]!)).not.toContain('Ditandatangani secara elektronik oleh');
  });

  it('4. huruf: 8 pt untuk yang harus dibaca, 7 pt untuk kaki halaman, catatan BSrE dan nomor kolom', () => {
    for (const k of Object.keys(STATUSES) as Kind[]) {
      const all = boxes[k].filter((w) => w.text !== built[k].sop.instansi.jangkar_ttd);
      // Footer (BSrE notice included), in the bottom margin.
      const footerTop = (h: number) => h - 18 * MM;
      const small = all.filter((w) => w.yMin < footerTop(w.pageHeight) && size(w) < 7.95);
      // Below 8 pt above the footer: only the row of column numbers (1 … 12); the flowchart's
      // decision labels ("Tidak Memenuhi Syarat") and off-page letters print at 8 pt too.
      const columnNumber = (w: Word) => /^\d{1,2}$/.test(w.text) && size(w) >= 6.95;
      expect(all.some((w) => w.text === 'Syarat' || w.text === 'Sya-')).toBe(true);
      expect(small.filter((w) => !columnNumber(w)).map((w) => `${k} p${w.page} "${w.text}" ${size(w).toFixed(2)} pt`)).toEqual([]);
      expect(all.filter((w) => size(w) < 6.95).map((w) => `${k} p${w.page} "${w.text}" ${size(w).toFixed(2)} pt`)).toEqual([]);
    }
    // The actor headers at 8 pt.
    const header = boxes.berlaku.filter((w) => w.page === 2 && ['Petugas', 'Loket', 'Sekretaris'].includes(w.text));
    expect(header.length).toBeGreaterThanOrEqual(3);
    for (const w of header) expect(size(w), w.text).toBeGreaterThanOrEqual(7.95);
    // The BSrE notice at 7 pt.
    const notice = boxes.berlaku.filter((w) => w.text === 'BSSN.');
    expect(notice.length).toBe(pageCount('berlaku'));
    for (const w of notice) expect(size(w)).toBeGreaterThanOrEqual(6.95);
  });

  it('5. SOP dicabut menyebut tanggal pencabutannya; draf dan dicabut tetap memuat pangkat penanda tangan', () => {
    const text = pdftotext(built.dicabut.pdf).split('\f').slice(0, pageCount('dicabut'));
    // With the mark on every page.
    text.forEach((t, i) => expect(flat(t), `halaman ${i + 1}`).toContain('sejak 2 Januari 2025'));
    for (const k of ['draf', 'dicabut'] as const) {
      const all = flat(pdftotext(built[k].pdf));
      expect(all.split('Pembina / IV.a').length - 1, k).toBe(2); // identity page and signature block
      expect(all, k).toContain('NIP. 19681117 199703 1 003');
    }
  });
});
