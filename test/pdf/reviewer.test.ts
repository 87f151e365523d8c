// What a Biro Organisasi reviewer checks on paper (issue 10), read back from the printed PDFs
// with poppler: the title where the official SOPs put it, withdrawn and replaced SOPs marked on
// every page and never signable, and nothing printed where office printers clip.
import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { words, type Word } from '../support/poppler.ts';
import { syllableBreaks } from '../../scripts/kit/hyphen.ts';
import { checkFiles, flat, launchPrinter, pdfinfo, pdftotext, printAll, sampleSops, tempDir } from './helpers.ts';
import { INSTANSI, sopSource } from './fixtures.ts';

const EIGHT = ['Sekretaris', 'Kasubbag Perencanaan dan Keuangan', 'Staf Penyusun Evaluasi Kinerja', 'Kepala Dinas', 'Jabatan Fungsional', 'Kasubag Umum dan Kepegawaian', 'Bendahara Pengeluaran', 'Pengadministrasi Perkantoran'];
/** Eight real actor names of the seeds' length, with no word longer than 12 letters. */
const LONG_EIGHT = ['Kasubbag Perencanaan dan Keuangan', 'Kasubag Umum dan Kepegawaian', 'Sekretaris Dinas', 'Kepala Bidang Statistik', 'Bendahara Pengeluaran', 'Kasubbag Administrasi Umum', 'Jabatan Fungsional Statistisi', 'Staf Penyusun Evaluasi Kinerja'];
/** Fourteen long legal bases, as some offices list them. */
const LEGAL_BASES = Array.from({ length: 14 }, (_, i) => `Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor ${30 + i} Tahun ${2010 + i} tentang Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan`);
/** Height of a word box from \`pdftotext -bbox\` per point of font size (Arimo: ascender + descender). */
const BOX_PER_PT = 1.117;
const ELEKTRONIK = `${INSTANSI}tanda_tangan: elektronik\n`;
/** 10 mm in PDF points. */
const MARGIN_PT = (10 / 25.4) * 72;

let printer: Printer;
// Each PDF read back once.
const memo = <T>(read: (pdf: string) => T) => {
  const cache = new Map<string, T>();
  return (pdf: string) => cache.get(pdf) ?? (cache.set(pdf, read(pdf)), cache.get(pdf)!);
};
/** Text of every page (`-raw`), index 0 = page 1. */
const pages = memo((pdf) => pdftotext(pdf).split('\f').slice(0, Number(pdfinfo(pdf).Pages)));
const boxes = memo(words);
let built: BuiltPdf[];
let dateRules: Array<{ file: string; ruleId: string; line: number }>;

beforeAll(async () => {
  const long = Array.from({ length: 30 }, (_, i) => `| ${i + 1} | Memproses berkas tahap ${i + 1} | ${i % 2 ? 'Staf' : 'Kepala Seksi'} | Berkas | 1 jam | Berkas diproses | | |`);
  const result = checkFiles({
    'a4/instansi.yml': ELEKTRONIK,
    'a4/baru.md': sopSource({ nomor: '010/SOP/UJI/2025', nama: 'Prosedur Baru', menggantikan: '009/SOP/UJI/2024' }),
    'a4/lama.md': sopSource({ nomor: '009/SOP/UJI/2024', nama: 'Prosedur Lama', status: 'digantikan' }),
    'a4/cabut.md': sopSource({ nomor: '008/SOP/UJI/2023', nama: 'Prosedur Dicabut', status: 'dicabut' }),
    'a4/draf.md': sopSource({ nomor: '007/SOP/UJI/2025', nama: 'Prosedur Draf', status: 'draf' }),
    'a4/panjang.md': sopSource({ nomor: '006/SOP/UJI/2025', nama: 'Prosedur Panjang' }, long),
    'f4/instansi.yml': `${ELEKTRONIK}kertas: F4\n`,
    'f4/lebar.md': sopSource({ nomor: '003/SOP/UJI/2024', nama: 'Prosedur F4' }, long),
    'f4/cabut.md': sopSource({ nomor: '004/SOP/UJI/2024', nama: 'Prosedur F4 Dicabut', status: 'dicabut' }),
    // Seed 001 leaves the dates open for filling in at signing.
    'basah/instansi.yml': `${INSTANSI}tanda_tangan: basah\n`,
    'basah/terbuka.md': sopSource({ nomor: '005/SOP/UJI/2021', nama: 'Prosedur Tanggal Terbuka', tanggal_pembuatan: '2021-03', tanggal_efektif: 'null' }),
    'a4/delapan.md': sopSource({ nomor: '011/SOP/UJI/2025', nama: 'Prosedur Delapan Pelaksana' }, EIGHT.map((a, i) => `| ${i + 1} | Mengerjakan tahap ${i + 1} | ${a} | Berkas | 1 jam | Berkas | | |`)),
    'a4/delapan-panjang.md': sopSource({ nomor: '012/SOP/UJI/2025', nama: 'Prosedur Delapan Pelaksana Bernama Panjang' }, LONG_EIGHT.map((a, i) => `| ${i + 1} | Mengerjakan tahap ${i + 1} | ${a} | Berkas | 1 jam | Berkas | | |`)),
    'a4/dasar-hukum.md': sopSource({ nomor: '013/SOP/UJI/2025', nama: 'Prosedur Dasar Hukum Panjang', dasar_hukum: JSON.stringify(LEGAL_BASES) }),
    // A seed leaves the signer's name blank: written in by hand at signing.
    'basah/tanpa-nama.md': sopSource({ nomor: '006/SOP/UJI/2021', nama: 'Prosedur Tanpa Nama', disahkan_oleh: '{ jabatan: Kepala Dinas Uji Coba, nama: null }' }),
  });
  expect(result.ok, result.files.flatMap((f) => f.messages.filter((m) => m.fatal).map((m) => `${f.path}:${m.line} ${m.ruleId} ${m.reason}`)).join('\n')).toBe(true);
  dateRules = result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'tanggal-diisi-tangan').map((m) => ({ file: f.path, ruleId: m.ruleId!, line: m.line ?? 0 })));
  printer = await launchPrinter();
  built = await printAll([...sampleSops(), ...result.sops], printer, tempDir('reviewer'));
  // Read every PDF back once here (poppler is slow on a loaded machine), not in the first test.
  for (const { pdf } of built) {
    pages(pdf);
    boxes(pdf);
  }
}, 300_000);
afterAll(() => printer?.close());

const bySlug = (slug: string, dir?: string) => built.find((b) => b.sop.slug === slug && (!dir || b.sop.instansi.id === dir))!;

describe('title', () => {
  it('heads the identity page with "STANDAR OPERASIONAL PROSEDUR (SOP) <NAMA>", above the top band', () => {
    for (const { sop, pdf } of built) {
      const page1 = flat(pages(pdf)[0]!);
      expect(page1, sop.slug).toContain(flat(`STANDAR OPERASIONAL PROSEDUR (SOP) ${sop.nama.toUpperCase()}`));
      const onPage1 = boxes(pdf).filter((w) => w.page === 1);
      const title = onPage1.find((w) => w.text === 'STANDAR')!;
      const nomor = onPage1.find((w) => w.text === 'Nomor')!;
      expect(title.yMax, sop.slug).toBeLessThan(nomor.yMin);
    }
  });

  it('keeps "SOP : <NAMA>" as the header of every procedure page', () => {
    for (const { sop, pdf } of built) {
      pages(pdf).slice(1).forEach((text, i) => expect(flat(text), `${sop.slug} p${i + 2}`).toContain(`SOP : ${sop.nama.toUpperCase()}`));
    }
  });
});

describe('withdrawn and replaced SOPs', () => {
  const unsignable = async (b: BuiltPdf) => {
    expect(b.manifest, b.sop.slug).toBeUndefined();
    expect(existsSync(b.pdf.replace(/\.pdf$/, '.ttd.json'))).toBe(false);
    const doc = await PDFDocument.load(readFileSync(b.pdf));
    expect(doc.catalog.get(PDFName.of('AcroForm')), b.sop.slug).toBeUndefined();
    const text = flat(pages(b.pdf).join(' '));
    expect(text).not.toContain('Ditandatangani secara elektronik');
    expect(text).not.toContain('BSrE');
    // The anchor a signing service searches for is not printed either.
    expect(boxes(b.pdf).some((w) => w.text === '#'), b.sop.slug).toBe(false);
  };

  it('marks a withdrawn SOP "DICABUT" on every page, with no signature field', async () => {
    for (const b of [bySlug('cabut', 'a4'), bySlug('cabut', 'f4')]) {
      pages(b.pdf).forEach((text, i) => expect(text, `p${i + 1}`).toContain('DICABUT'));
      await unsignable(b);
    }
  });

  it('marks a replaced SOP "DIGANTIKAN oleh <nomor>" on every page, with no signature field', async () => {
    const b = bySlug('lama');
    expect(pages(b.pdf).length).toBeGreaterThanOrEqual(2);
    pages(b.pdf).forEach((text, i) => expect(flat(text), `p${i + 1}`).toMatch(/DIGANTIKAN[\s\S]*oleh 010\/SOP\/UJI\/2025/));
    await unsignable(b);
  });

  it('drafts stay unsignable; the SOP in force is signable and unmarked', async () => {
    await unsignable(bySlug('draf'));
    const baru = bySlug('baru');
    expect(baru.manifest).toBeDefined();
    const text = pages(baru.pdf).join(' ');
    for (const mark of ['DRAF', 'DICABUT', 'DIGANTIKAN']) expect(text).not.toContain(mark);
  });
});

describe('printable margins', () => {
  it('prints nothing within 10 mm of any paper edge, on A4 and F4, on every page', () => {
    const sizes = new Set<string>();
    for (const { sop, pdf } of built) {
      const all = boxes(pdf);
      expect(all.length).toBeGreaterThan(0);
      for (const w of all) {
        sizes.add(`${Math.round(w.pageWidth)}x${Math.round(w.pageHeight)}`);
        const where = `${sop.id} p${w.page} "${w.text}" [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(MARGIN_PT);
        expect(w.yMin, where).toBeGreaterThanOrEqual(MARGIN_PT);
        expect(w.pageWidth - w.xMax, where).toBeGreaterThanOrEqual(MARGIN_PT);
        expect(w.pageHeight - w.yMax, where).toBeGreaterThanOrEqual(MARGIN_PT);
      }
    }
    // A4 and F4 landscape.
    expect([...sizes].sort()).toEqual(['842x595', '935x609']);
  });
});

describe('dates the original leaves open', () => {
  it('prints a month-precision date with a dotted day and a blank date as a dotted space, never a made-up day', () => {
    const b = bySlug('terbuka');
    const page1 = flat(pages(b.pdf)[0]!);
    expect(page1).toContain('Tanggal Pembuatan \u2026\u2026 Maret 2021');
    expect(page1).toMatch(/Tanggal Efektif \u2026{6}/);
    expect(page1).not.toMatch(/\d+ Maret 2021/);
    // The document date in the metadata is the month's first day; it is never printed.
    expect(pages(b.pdf).join(' ')).not.toContain('1 Maret');
  });

  it('warns on each open date (tanggal-diisi-tangan), at its line', () => {
    expect(dateRules.filter((r) => r.file.endsWith('terbuka.md')).map((r) => r.line).sort()).toEqual([4, 5]);
  });

  it('still requires tanggal_efektif of an e-signed SOP in force', () => {
    const result = checkFiles({ 'e/instansi.yml': ELEKTRONIK, 'e/tanpa.md': sopSource({ tanggal_efektif: 'null' }) });
    expect(result.ok).toBe(false);
    expect(result.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('wajib-diisi');
  });
});

describe('signer without a name', () => {
  it('prints a dotted space for a blank name on a wet-signed SOP, on the identity page and at the close', () => {
    const b = bySlug('tanpa-nama');
    const all = pages(b.pdf);
    for (const text of [all[0]!, all.at(-1)!]) expect(flat(text)).toMatch(/KEPALA DINAS UJI COBA[\s\S]*\u2026{10}/);
  });

  it('refuses a blank name for an e-signature; warns when the name is a position', () => {
    const signer = (nama: string) => ({ disahkan_oleh: `{ jabatan: Kepala Dinas Uji Coba, nama: ${nama} }` });
    const result = checkFiles({
      'e/instansi.yml': ELEKTRONIK,
      'e/kosong.md': sopSource({ nomor: 'A/1', ...signer('null') }),
      'e/jabatan.md': sopSource({ nomor: 'A/2', ...signer('Kepala Dinas Uji Coba') }),
      'e/plt.md': sopSource({ nomor: 'A/3', ...signer('Plt. Sekretaris') }),
      'e/orang.md': sopSource({ nomor: 'A/4', ...signer('"Ahmad Kepala, S.H."') }),
    });
    const rules = (name: string) => result.files.find((f) => f.path.endsWith(name))!.messages.map((m) => m.ruleId);
    expect(rules('kosong.md')).toContain('wajib-diisi');
    expect(rules('jabatan.md')).toEqual(['nama-seperti-jabatan']);
    expect(rules('plt.md')).toEqual(['nama-seperti-jabatan']);
    expect(rules('orang.md')).toEqual([]);
    expect(result.sops.map((s) => s.nomor).sort()).toEqual(['A/2', 'A/3', 'A/4']);
  });
});

describe('typography under pressure', () => {
  /**
   * The actor header words of page 2 (soft hyphens dropped, as a reader sees them), with the
   * piece of a word broken at a line's end joined to the piece under it in the same column: any
   * other split leaves a piece alone.
   */
  const headerWords = (pdf: string, names: string[]) => {
    const header = boxes(pdf)
      .filter((w) => w.page === 2 && w.yMax < 150)
      .map((w) => ({ ...w, text: w.text.replaceAll('\u00ad', '') }));
    const below = (w: Word) => header.filter((o) => o.yMin > w.yMin + 1 && o.xMin < w.xMax && o.xMax > w.xMin).sort((a, b) => a.yMin - b.yMin)[0];
    const continued = new Set<Word>();
    const joined = header.flatMap((w) => {
      if (!w.text.endsWith('-')) return [];
      const next = below(w);
      if (next) continued.add(next);
      return [w.text.slice(0, -1) + (next?.text ?? '')];
    });
    const tokens = new Set([...header.filter((w) => !w.text.endsWith('-') && !continued.has(w)).map((w) => w.text), ...joined]);
    const mine = header.filter((h) => names.some((a) => a.includes(h.text.replace(/-$/, ''))));
    return { tokens, mine, broken: mine.filter((w) => w.text.endsWith('-')).map((w) => w.text) };
  };
  /** Is `piece` (ending in a hyphen) the start of one of `names`' words up to a syllable break? */
  const atSyllable = (piece: string, names: string[]) => names.flatMap((a) => a.split(' ')).some((word) => syllableBreaks(word, 2).some((i) => `${word.slice(0, i)}-` === piece));

  it('never splits a word of an actor header silently, with 8 actors: whole, or broken at a syllable with a hyphen, at 8 pt', () => {
    const b = bySlug('delapan');
    expect(b.sop.pelaksana).toHaveLength(8);
    const { tokens, mine, broken } = headerWords(b.pdf, EIGHT);
    for (const word of EIGHT.flatMap((a) => a.split(' '))) expect(tokens.has(word), word).toBe(true);
    // Chromium has no Indonesian dictionary: the 16 letters of "Pengadministrasi" break at a syllable.
    expect(broken.some((p) => /^Pe(ngad(mi(nis)?)?)?-$/.test(p)), broken.join(' ')).toBe(true);
    for (const p of broken) expect(atSyllable(p, EIGHT), p).toBe(true);
    for (const w of mine) expect((w.yMax - w.yMin) / BOX_PER_PT, w.text).toBeGreaterThanOrEqual(7.95);
  });

  it('widens the actor columns so 8 long real names keep their headers at 8 pt, words whole or broken at a syllable', () => {
    const b = bySlug('delapan-panjang');
    const { tokens, mine, broken } = headerWords(b.pdf, LONG_EIGHT);
    for (const word of LONG_EIGHT.flatMap((a) => a.split(' '))) expect(tokens.has(word), word).toBe(true);
    // The text never shrinks below 8 pt (issue 20): the columns took what the text columns could
    // give, and the longest words break at a syllable (Perenca-naan, Kepega-waian, Adminis-trasi …).
    for (const p of broken) expect(atSyllable(p, LONG_EIGHT), p).toBe(true);
    for (const w of mine) expect((w.yMax - w.yMin) / BOX_PER_PT, w.text).toBeGreaterThanOrEqual(7.95);
  });

  it('prints 14 long legal bases at 8 pt or more, the identity part continuing on a second sheet', () => {
    const b = bySlug('dasar-hukum');
    const text = pages(b.pdf);
    expect(text).toHaveLength(3);
    // The second sheet continues the grid under the running head, its numbering carried on.
    expect(flat(text[1]!)).toMatch(/^SOP : PROSEDUR DASAR HUKUM PANJANG .*Dasar Hukum \(lanjutan\)/);
    // The short list beside it ended on the first sheet: no "(lanjutan)" over its empty cell.
    expect(flat(text[1]!)).toMatch(/Kualifikasi Pelaksana(?! \(lanjutan\))/);
    expect(flat(text[1]!)).toContain('Halaman 2 dari 3');
    expect(flat(text[2]!)).toContain('Kegiatan');
    // Every legal basis printed whole, once, on the two identity sheets.
    const identity = flat(text.slice(0, 2).join(' '));
    for (const item of LEGAL_BASES) expect(identity.split(item).length - 1, item.slice(0, 90)).toBe(1);
    expect(identity).toMatch(/14\. Peraturan Menteri/);
    // Nothing on the identity sheets smaller than 8 pt, above the running footer (footer and
    // the e-signature's invisible anchor apart).
    const footerTop = (595 * (210 - 18)) / 210;
    const small = boxes(b.pdf).filter((w) => w.page <= 2 && w.yMax < footerTop && w.text !== b.sop.instansi.jangkar_ttd && (w.yMax - w.yMin) / BOX_PER_PT < 7.95);
    expect(small.map((w) => `p${w.page} "${w.text}" ${((w.yMax - w.yMin) / BOX_PER_PT).toFixed(1)} pt`)).toEqual([]);
  });
});
