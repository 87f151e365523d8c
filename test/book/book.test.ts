// The book of the sample content (plus a withdrawn SOP, a second unit and hostile front matter),
// built once with real Chromium and checked on the PDF itself.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks, type BookRun, type BuiltBook } from '../../scripts/book/build-book.ts';
import { readOutline, type OutlineItem } from '../../scripts/book/outline.ts';
import { runCheck } from '../../scripts/validate/run.ts';
import { projectOf } from '../../scripts/validate/check-content.ts';
import type { Sop } from '../../scripts/model/sop.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { makeProject, pageText, pageTexts, pdfinfo, ROOT, run, squash, words } from './helpers.ts';

const TAHUN = 2024;
let dir: string;
let printer: Printer;
let first: BookRun;
let second: BookRun;
let firstBytes: Map<string, Buffer>;
let draft: BookRun;
/** The Balangan book (two units, an F4 SOP) again, with `cetak: bolak-balik`. */
let duplex: BuiltBook;

beforeAll(async () => {
  dir = makeProject();
  const { result } = await runCheck(dir);
  expect(result.ok).toBe(true);
  // The project is a temp copy; sop-press's own files (fonts) load from the repo, as in the CLI.
  printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] });
  const options = { tahun: TAHUN, printer: async () => printer };
  const project = projectOf(result, dir);
  first = await buildBooks(project, options);
  firstBytes = new Map(first.books.map((b) => [b.file, fs.readFileSync(b.file)]));
  second = await buildBooks(project, options);
  draft = await buildBooks(project, { ...options, draf: true, instansi: ['diskominfosp-balangan'] });
  // Last: the instansi.yml edited here changes what the builds above depend on.
  fs.appendFileSync(path.join(dir, 'content/diskominfosp-balangan/instansi.yml'), 'cetak: bolak-balik\n');
  const twoSided = (await runCheck(dir)).result;
  expect(twoSided.ok).toBe(true);
  const run = await buildBooks(projectOf(twoSided, dir), { ...options, outDir: path.join(dir, 'output-bolak-balik'), instansi: ['diskominfosp-balangan'] });
  duplex = run.books[0]!;
});

afterAll(async () => {
  await printer?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function book(id: string): BuiltBook {
  const b = first.books.find((x) => x.instansi.id === id);
  if (!b) throw new Error(`no book for ${id}`);
  return b;
}

function printedSops(b: BuiltBook): Sop[] {
  return b.assembled.parts.flatMap((p) => (p.kind === 'sop' ? [p.sop] : []));
}

/** Page numbers the Daftar Isi prints, by the text of its line (SOP number or section title). */
function tocNumbers(b: BuiltBook): Array<{ line: string; page: number }> {
  const start = b.assembled.starts.get('daftar-isi')!;
  const count = b.assembled.counts.get('daftar-isi')!;
  const texts = pageTexts(b.file, true).slice(start - 1, start - 1 + count);
  return texts
    .flatMap((t) => t.split('\n'))
    .map((line) => /^(.*\S)\s+(\d+)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => Boolean(m) && !/^\s*–/.test(m![1]!))
    .map((m) => ({ line: squash(m[1]!), page: Number(m[2]) }));
}

function flatten(items: OutlineItem[]): OutlineItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
}

describe('sop book on the sample content', () => {
  it('makes one book per instansi under output/buku/ of the project', () => {
    expect(first.books.map((b) => b.file.slice(dir.length + 1)).sort()).toEqual([
      'output/buku/diskominfo-pessel-2024.pdf',
      'output/buku/diskominfosp-balangan-2024.pdf',
      'output/buku/dkukmtk-balangan-2024.pdf',
    ]);
  });

  it('has exactly the book pages plus every SOP PDF page, in the paper of the instansi', async () => {
    for (const b of first.books) {
      const sopPages = await Promise.all(
        printedSops(b).map(async (s) => (await PDFDocument.load(fs.readFileSync(first.pdfs.find((p) => p.sop.id === s.id)!.pdf))).getPageCount()),
      );
      const own = b.assembled.parts.filter((p) => p.kind !== 'sop').reduce((n, p) => n + b.assembled.counts.get(p.key)!, 0);
      const info = pdfinfo(b.file);
      expect(Number(info.get('Pages'))).toBe(own + sopPages.reduce((x, y) => x + y, 0));
      expect(sopPages.every((n) => n >= 2)).toBe(true);
      // The book's own pages in the instansi's paper, each SOP in its own (here one is F4).
      const doc = await PDFDocument.load(fs.readFileSync(b.file));
      const sizes = doc.getPages().map((p) => `${Math.round(p.getWidth())}x${Math.round(p.getHeight())}`);
      b.assembled.parts.forEach((part) => {
        const start = b.assembled.starts.get(part.key)!;
        // The decree is portrait; F4 SOPs keep their F4 pages (never scaled: see the guide, 6.2).
        const want = part.kind === 'sop' && part.sop.kertas === 'F4' ? '935x609' : part.kind === 'halaman' && part.title.startsWith('Keputusan') ? '595x842' : '842x595';
        for (let k = 0; k < b.assembled.counts.get(part.key)!; k++) expect(sizes[start - 1 + k], `${part.key} page ${k + 1}`).toBe(want);
      });
    }
    const f4 = printedSops(book('diskominfosp-balangan')).find((s) => s.kertas === 'F4')!;
    expect(f4).toBeDefined();
    // Said in Daftar SOP: that SOP keeps its F4 pages in this A4 book.
    const b = book('diskominfosp-balangan');
    const daftar = squash(pageText(b.file, b.assembled.starts.get('daftar-sop')!));
    expect(daftar).toContain(`${squash(f4.nama)} (F4)`);
  });

  it('prints every Daftar Isi number on the page where that SOP starts', () => {
    for (const b of first.books) {
      const toc = tocNumbers(b);
      const texts = pageTexts(b.file);
      for (const sop of printedSops(b)) {
        const entry = toc.find((e) => e.line.startsWith(squash(sop.nomor)));
        expect(entry, `${sop.nomor} in the Daftar Isi of ${b.instansi.id}`).toBeDefined();
        const n = entry!.page;
        expect(n).toBe(b.assembled.starts.get(`sop:${sop.id}`));
        const start = squash(texts[n - 1]!);
        expect(start).toContain(squash(sop.nomor));
        expect(start).toContain(squash(sop.nama));
        expect(start).toContain('Halaman 1 dari');
        // The page before belongs to something else: this really is where the SOP starts.
        expect(squash(texts[n - 2]!)).not.toMatch(new RegExp(`${escape(squash(sop.nomor))} .*Halaman \\d+ dari`));
      }
      // The sections too: each number is where that section's heading is.
      for (const [title, heading] of [['Daftar SOP', 'DAFTAR SOP'], ['Perubahan sejak Edisi Sebelumnya', 'PERUBAHAN SEJAK EDISI SEBELUMNYA']]) {
        const entry = toc.find((e) => e.line === title)!;
        expect(pageText(b.file, entry.page)).toContain(heading);
      }
      for (const g of b.assembled.parts.flatMap((p) => (p.kind === 'bagian' ? [p] : []))) {
        const entry = toc.find((e) => e.line.endsWith(g.title))!;
        expect(squash(texts[entry.page - 1]!)).toContain(`BAGIAN`);
        expect(squash(texts[entry.page - 1]!)).toContain(g.title.toUpperCase());
      }
    }
  });

  it('numbers every page after the cover, 2..N, without gaps', () => {
    for (const b of first.books) {
      const texts = pageTexts(b.file);
      expect(texts).toHaveLength(b.assembled.pageCount);
      const numbers = texts.map((t) => [...t.matchAll(/–\s*(\d+)\s*–/g)].map((m) => Number(m[1])));
      expect(numbers[0]).toEqual([]);
      numbers.slice(1).forEach((found, i) => expect(found, `page ${i + 2} of ${b.instansi.id}`).toEqual([i + 2]));
    }
  });

  it('prints the book number centred on the line of the SOP footer, clear of it', () => {
    for (const b of first.books) {
      const all = words(b.file);
      for (const part of b.assembled.parts) {
        if (part.kind !== 'sop') continue;
        const start = b.assembled.starts.get(part.key)!;
        for (let k = 0; k < b.assembled.counts.get(part.key)!; k++) {
          const page = all.filter((w) => w.page === start + k);
          const number = page.find((w) => w.text === String(start + k) && page.some((d) => d.text.includes('–') && Math.abs(d.yMax - w.yMax) < 1));
          const halaman = page.filter((w) => w.text === 'Halaman').at(-1)!;
          expect(number, `${part.key} page ${k + 1}`).toBeDefined();
          // Same baseline as "Halaman X dari Y", centred on the page, and not overlapping it.
          expect(Math.abs(number!.yMax - halaman.yMax)).toBeLessThan(1);
          expect(Math.abs((number!.xMin + number!.xMax) / 2 - number!.pageWidth / 2)).toBeLessThan(15);
          expect(number!.xMax).toBeLessThan(halaman.xMin);
        }
      }
    }
  });

  it("keeps every mark of the book's own pages, page numbers included, at least 10 mm from the paper edge", () => {
    const mm = (pt: number) => (pt * 25.4) / 72;
    for (const b of first.books) {
      const own = new Set(b.assembled.parts.filter((p) => p.kind !== 'sop').flatMap((p) => {
        const s = b.assembled.starts.get(p.key)!;
        return Array.from({ length: b.assembled.counts.get(p.key)! }, (_, k) => s + k);
      }));
      const marks = words(b.file).filter((w) => own.has(w.page));
      const numbers = marks.filter((w) => /^\d+$/.test(w.text) && marks.some((d) => d.page === w.page && d.text === '–' && Math.abs(d.yMax - w.yMax) < 1));
      // Every page after the cover carries its number.
      expect(new Set(numbers.map((w) => w.page)).size).toBe(own.size - 1);
      for (const w of marks) {
        const edge = Math.min(w.xMin, w.yMin, w.pageWidth - w.xMax, w.pageHeight - w.yMax);
        expect(mm(edge), `"${w.text}" on page ${w.page} of ${b.instansi.id}`).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('does not list the Daftar Isi in itself', () => {
    for (const b of first.books) {
      const toc = tocNumbers(b);
      expect(toc.map((e) => e.line)).toContain('Daftar SOP');
      expect(toc.map((e) => e.line)).not.toContain('Daftar Isi');
    }
  });

  it('keeps each SOP footer ("Halaman X dari Y") as its own PDF printed it', () => {
    const b = book('diskominfosp-balangan');
    const texts = pageTexts(b.file);
    for (const sop of printedSops(b)) {
      const start = b.assembled.starts.get(`sop:${sop.id}`)!;
      const n = b.assembled.counts.get(`sop:${sop.id}`)!;
      for (let k = 1; k <= n; k++) expect(texts[start + k - 2]).toContain(`Halaman ${k} dari ${n}`);
    }
  });

  it('has a bookmark for every section, unit and SOP, pointing at its first page', async () => {
    for (const b of first.books) {
      const doc = await PDFDocument.load(fs.readFileSync(b.file));
      const outline = readOutline(doc);
      expect(outline.slice(0, 1).map((i) => [i.title, i.page])).toEqual([['Sampul', 0]]);
      const all = flatten(outline);
      for (const title of ['Daftar Isi', 'Daftar SOP', 'Perubahan sejak Edisi Sebelumnya']) expect(all.some((i) => i.title === title)).toBe(true);
      const toc = tocNumbers(b);
      for (const sop of printedSops(b)) {
        const mark = all.find((i) => i.title.startsWith(sop.nomor));
        expect(mark, `bookmark for ${sop.nomor}`).toBeDefined();
        expect(mark!.page + 1).toBe(toc.find((e) => e.line.startsWith(squash(sop.nomor)))!.page);
      }
      const units = outline.filter((i) => i.children?.length);
      expect(units.map((u) => u.page + 1)).toEqual(b.assembled.parts.filter((p) => p.kind === 'bagian').map((p) => b.assembled.starts.get(p.key)));
    }
  });

  it('lists a withdrawn SOP in Daftar SOP and Perubahan but does not print it', () => {
    const b = book('diskominfosp-balangan');
    const texts = pageTexts(b.file).map(squash);
    const nama = 'Penyampaian Laporan Kinerja Secara Manual';
    const pagesOf = (key: string) => {
      const s = b.assembled.starts.get(key)!;
      return Array.from({ length: b.assembled.counts.get(key)! }, (_, i) => s + i);
    };
    const lists = [...pagesOf('daftar-sop'), ...pagesOf('perubahan')];
    const where = texts.flatMap((t, i) => (t.includes(nama) ? [i + 1] : []));
    expect(where.filter((p) => pagesOf('daftar-sop').includes(p)).length).toBeGreaterThan(0);
    expect(where.filter((p) => pagesOf('perubahan').includes(p)).length).toBeGreaterThan(0);
    expect(where.every((p) => lists.includes(p))).toBe(true);
    expect(printedSops(b).map((s) => s.nama)).not.toContain(nama);
    const daftar = pagesOf('daftar-sop').map((p) => texts[p - 1]).join(' ');
    expect(daftar).toMatch(/SOP – 02\/Diskominfosan Penyampaian Laporan Kinerja Secara Manual Sekretariat 1 Maret 2021 Dicabut -/);
    const perubahan = pagesOf('perubahan').map((p) => texts[p - 1]).join(' ');
    expect(perubahan).toContain('SOP Dicabut');
    // Withdrawn on its tanggal_dicabut.
    expect(perubahan).toMatch(/SOP Dicabut .*Penyampaian Laporan Kinerja Secara Manual .*Tanggal 3 Juni 2024/);
    expect(perubahan).toContain('Dicabut karena laporan kinerja kini disampaikan secara elektronik');
    // The revision in the book's year, from tanggal_revisi and riwayat; in force from that date,
    // it is still a revision, not a new SOP.
    expect(perubahan).toMatch(/SOP Direvisi .*Pemutakhiran Data Statistik Sektoral .*4 Maret 2024 .*Penambahan langkah verifikasi data/);
    expect(perubahan.slice(perubahan.indexOf('SOP Baru'), perubahan.indexOf('SOP Direvisi'))).not.toContain('Pemutakhiran Data Statistik Sektoral');
  });

  it('groups SOPs by unit; SOPs without a unit directly under the instansi, with no invented unit', () => {
    const units = (id: string) => book(id).assembled.parts.flatMap((p) => (p.kind === 'bagian' ? [p.title] : []));
    expect(units('diskominfosp-balangan')).toEqual(['Bidang Statistik', 'Sekretariat']);
    expect(units('dkukmtk-balangan')).toEqual([]);
    const b = book('dkukmtk-balangan');
    expect(squash(pageTexts(b.file).join(' '))).not.toMatch(/\bUmum\b|\bUMUM\b/);
    // The Daftar Isi line of that SOP is not indented: it starts where the section titles do.
    const toc = b.assembled.starts.get('daftar-isi')!;
    const page = words(b.file).filter((w) => w.page === toc);
    const left = (text: string) => page.find((w) => w.text === text)!.xMin;
    expect(Math.abs(left('000.8.3.3./005/DKUKMTK-BLG/2024') - left('Kata'))).toBeLessThan(1);
  });

  it('prints the decree as a document of its own: portrait, under the letterhead, issued and signed by the same title', () => {
    for (const b of first.books) {
      const part = b.assembled.parts.find((p) => p.kind === 'halaman' && p.title.startsWith('Keputusan'))!;
      const start = b.assembled.starts.get(part.key)!;
      const pages = Array.from({ length: b.assembled.counts.get(part.key)! }, (_, k) => start + k);
      const all = words(b.file).filter((w) => pages.includes(w.page));
      const first = all.filter((w) => w.page === start);
      expect(first[0]!.pageHeight).toBeGreaterThan(first[0]!.pageWidth);
      // Letterhead: PEMERINTAH … then the office, above the decree's title.
      const pemerintah = first.find((w) => w.text === 'PEMERINTAH')!;
      const keputusan = first.find((w) => w.text === 'KEPUTUSAN')!;
      expect(pemerintah.yMin).toBeLessThan(keputusan.yMin);
      const lines = squash(pageTexts(b.file).slice(start - 1, start - 1 + pages.length).join(' '));
      expect(lines.indexOf(b.instansi.pemerintah.toUpperCase())).toBeLessThan(lines.indexOf('KEPUTUSAN'));
      // The issuer named in the title is the title the decree is signed with.
      const issuer = /KEPUTUSAN (.+?) NOMOR/.exec(lines)![1]!;
      expect(lines).toContain(`${issuer},`);
      const signed = /pada tanggal \.+ (.+?), [A-Z]/.exec(lines)![1]!;
      expect(signed.replace(/^PLT\. /, '')).toBe(issuer);
      // "MEMUTUSKAN:" is followed on its own page by what it decides.
      const memutuskan = all.find((w) => w.text === 'MEMUTUSKAN:')!;
      const below = all.filter((w) => w.page === memutuskan.page && w.yMin > memutuskan.yMax && w.text === 'Menetapkan');
      expect(below.length, b.instansi.id).toBeGreaterThan(0);
    }
  });

  it('prints the front matter from content/<instansi>/buku/ with placeholders filled and HTML shown as text', () => {
    const b = book('dkukmtk-balangan');
    const titles = b.assembled.parts.flatMap((p) => (p.kind === 'halaman' ? [p.title] : []));
    expect(titles).toEqual(['Kata Pengantar', 'Keputusan Penetapan SOP Administrasi Pemerintahan', 'Uji <Keamanan> & "Kutip"']);
    const text = squash(pageTexts(b.file).join(' '));
    expect(text).toContain("Teks mentah: <script>alert('buku')</script> dan <img src=\"https://example.com/x.png\" onerror=\"alert(1)\">.");
    expect(text).toContain('<div style="color:red">blok HTML</div>');
    expect(text).toContain('Tautan berbahaya dan resmi (https://jdih.example.go.id/peraturan), gambar [logo dinas].');
    expect(text).not.toContain('javascript');
    expect(text).toContain('Isian tahun 2024 dan DINAS KOPERASI USAHA KECIL DAN MENENGAH DAN TENAGA KERJA.');
    expect(text).toContain('Tahun 2024 dapat diselesaikan');
    expect(text).not.toContain('{{');
    expect(printer.blockedRequests).toEqual([]);
  });

  it('carries the book metadata, language and embedded fonts only', async () => {
    const b = book('diskominfo-pessel');
    const info = pdfinfo(b.file);
    expect(info.get('Title')).toBe('Buku SOP Dinas Komunikasi dan Informatika 2024');
    expect(info.get('Author')).toBe('Dinas Komunikasi dan Informatika, Pemerintah Kabupaten Pesisir Selatan');
    expect(info.get('Subject')).toBe('Standar Operasional Prosedur Administrasi Pemerintahan Dinas Komunikasi dan Informatika Tahun 2024');
    expect(info.get('Keywords')).toContain('Buku SOP');
    expect(info.get('Creator')).toBe('sop-press');
    // The latest date in the sources within the year (the SOP took effect 8 May 2024, WIB).
    expect(info.get('CreationDate')).toMatch(/May\s+7 17:00:00 2024 UTC|2024-05-08T00:00:00\+07/);
    const doc = await PDFDocument.load(fs.readFileSync(b.file));
    expect((doc.catalog.get(PDFName.of('Lang')) as PDFString).decodeText()).toBe('id');
    const fonts = run('pdffonts', [b.file]).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/Arimo/);
      expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb, sub
    }
  });

  it('passes qpdf --check', () => {
    for (const b of first.books) expect(() => run('qpdf', ['--check', b.file])).not.toThrow();
  });

  it('rebuilds byte for byte, reusing every SOP PDF without printing it again', () => {
    expect(second.pdfs.every((p) => !p.rebuilt)).toBe(true);
    for (const b of second.books) expect(fs.readFileSync(b.file).equals(firstBytes.get(b.file)!), b.file).toBe(true);
  });

  it('leaves drafts out, and puts them in (watermarked) only in the -draf edition', () => {
    const nama = 'Publikasi Data Statistik Sektoral';
    expect(squash(pageTexts(book('diskominfosp-balangan').file).join(' '))).not.toContain(nama);
    expect(draft.books.map((b) => b.file.slice(dir.length + 1))).toEqual(['output/buku/diskominfosp-balangan-2024-draf.pdf']);
    const b = draft.books[0]!;
    const texts = pageTexts(b.file).map(squash);
    expect(texts[0]).toContain('Edisi draf');
    const sop = printedSops(b).find((s) => s.nama === nama)!;
    const start = b.assembled.starts.get(`sop:${sop.id}`)!;
    expect(texts[start - 1]).toContain(nama);
    // The draft's signature block (under its last row, issue 20) says it is not signed yet.
    expect(texts.slice(start - 1, start + 2).join(' ')).toContain('DRAF — belum disahkan');
    expect(texts.join(' ')).toMatch(/SOP Baru .*Publikasi Data Statistik Sektoral .*1 Oktober 2024 .*SOP baru\. Masih draf\./);
    // The official edition is untouched by the draft one.
    expect(fs.readFileSync(book('diskominfosp-balangan').file).equals(firstBytes.get(book('diskominfosp-balangan').file)!)).toBe(true);
  });

  it('printed on both sides (cetak: bolak-balik), starts every SOP and section on a right-hand page, blank versos between, Daftar Isi still right', () => {
    const b = duplex;
    const simplex = book('diskominfosp-balangan');
    const texts = pageTexts(b.file);
    const all = words(b.file);
    expect(texts).toHaveLength(b.assembled.pageCount);
    const starts = b.assembled.parts.map((p) => b.assembled.starts.get(p.key)!);
    // Same parts and lengths as the one-sided book, each on an odd page.
    expect(b.assembled.parts.map((p) => [p.key, b.assembled.counts.get(p.key)])).toEqual(simplex.assembled.parts.map((p) => [p.key, simplex.assembled.counts.get(p.key)]));
    expect(starts.filter((n) => n % 2 === 0)).toEqual([]);
    expect(b.assembled.pageCount).toBeGreaterThan(simplex.assembled.pageCount);
    // Every page is a part's page, or a blank verso: no text at all, the size of the page before.
    const owned = new Set(b.assembled.parts.flatMap((p, i) => Array.from({ length: b.assembled.counts.get(p.key)! }, (_, k) => starts[i]! + k)));
    const blanks = Array.from({ length: b.assembled.pageCount }, (_, i) => i + 1).filter((n) => !owned.has(n));
    expect(blanks.length).toBe(b.assembled.pageCount - simplex.assembled.pageCount);
    for (const n of blanks) {
      expect(n % 2, `blank page ${n}`).toBe(0);
      expect(texts[n - 1]!.trim(), `blank page ${n}`).toBe('');
    }
    const sizes = new Map<number, string>();
    for (const line of run('pdfinfo', ['-f', '1', '-l', String(b.assembled.pageCount), b.file]).split('\n')) {
      const m = /^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/.exec(line);
      if (m) sizes.set(Number(m[1]), `${m[2]}x${m[3]}`);
    }
    for (const n of blanks) expect(sizes.get(n), `blank page ${n}`).toBe(sizes.get(n - 1));
    // Numbered pages carry their own book number; the Daftar Isi points at each part's first page.
    for (let n = 2; n <= b.assembled.pageCount; n++) {
      const found = [...texts[n - 1]!.matchAll(/–\s*(\d+)\s*–/g)].map((m) => Number(m[1]));
      expect(found, `page ${n}`).toEqual(owned.has(n) ? [n] : []);
    }
    const toc = tocNumbers(b);
    for (const sop of printedSops(b)) {
      const entry = toc.find((e) => e.line.startsWith(squash(sop.nomor)))!;
      expect(entry.page % 2).toBe(1);
      expect(entry.page).toBe(b.assembled.starts.get(`sop:${sop.id}`));
      expect(squash(texts[entry.page - 1]!)).toContain(squash(sop.nomor));
      expect(squash(texts[entry.page - 1]!)).toContain('Halaman 1 dari');
    }
    for (const g of b.assembled.parts.flatMap((p) => (p.kind === 'bagian' ? [p] : []))) {
      const entry = toc.find((e) => e.line.endsWith(g.title))!;
      expect(entry.page % 2).toBe(1);
      expect(squash(texts[entry.page - 1]!)).toContain(g.title.toUpperCase());
    }
    expect(all.filter((w) => blanks.includes(w.page))).toEqual([]);
    expect(() => run('qpdf', ['--check', b.file])).not.toThrow();
  });

  it('drops the empty signature fields of the SOP documents (the book is not a signing target)', () => {
    for (const b of first.books) expect(pdfinfo(b.file).get('Form')).toBe('none');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
