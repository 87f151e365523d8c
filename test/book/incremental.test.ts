// `sop book` again after one SOP changed: the book's own pages (cover, front matter, lists,
// page-number stamps) are reused from the previous run's prints, and the book is byte-identical
// to one built from nothing; with nothing changed, no browser is asked for at all.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks, type BookRun } from '../../scripts/book/build-book.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { projectOf } from '../../scripts/validate/check-content.ts';
import { runCheck } from '../../scripts/validate/run.ts';
import { makeProject, ROOT } from './helpers.ts';

const INSTANSI = 'diskominfosp-balangan';
let dir: string;
let printer: Printer;
/** printPdf calls and printer requests, per build. */
let prints = 0;
let asked = 0;

async function build(outDir: string): Promise<{ run: BookRun; prints: number; asked: number; bytes: Buffer }> {
  prints = 0;
  asked = 0;
  const { result } = await runCheck(dir);
  expect(result.ok).toBe(true);
  const run = await buildBooks(projectOf(result, dir), { outDir, tahun: 2024, instansi: [INSTANSI], printer: async () => (asked++, printer) });
  return { run, prints, asked, bytes: fs.readFileSync(run.books[0]!.file) };
}

let cold: Awaited<ReturnType<typeof build>>;
let changed: Awaited<ReturnType<typeof build>>;
let fresh: Awaited<ReturnType<typeof build>>;
let unchanged: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  dir = makeProject();
  printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] });
  const printPdf = printer.printPdf.bind(printer);
  printer.printPdf = (...args) => (prints++, printPdf(...args));
  const out = path.join(dir, 'output');
  cold = await build(out);
  // One SOP of the book changes a line of its identity page (its page count stays).
  const sop = path.join(dir, 'content', INSTANSI, 'sekretariat/pelaksanaan-pengukuran-kinerja.md');
  fs.writeFileSync(sop, fs.readFileSync(sop, 'utf8').replace('  - Memahami cara penilaian SKP\n', '  - Memahami cara penilaian SKP tahunan\n'));
  changed = await build(out);
  fresh = await build(path.join(dir, 'output-baru'));
  unchanged = await build(out);
}, 240_000);

afterAll(async () => {
  await printer?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('sop book after one SOP changed', () => {
  it('prints only the changed SOP: every page of the book itself is reused', () => {
    expect(changed.run.pdfs.filter((p) => p.rebuilt).map((p) => p.sop.slug)).toEqual(['pelaksanaan-pengukuran-kinerja']);
    expect(cold.prints).toBeGreaterThan(cold.run.pdfs.length); // the SOPs, then the book's own pages
    expect(changed.prints).toBe(1);
  });

  it('is byte for byte the book a build from nothing makes of the same sources', () => {
    expect(fresh.prints).toBeGreaterThan(fresh.run.pdfs.length); // nothing reused there
    expect(changed.bytes.equals(cold.bytes)).toBe(false);
    expect(changed.bytes.equals(fresh.bytes)).toBe(true);
  });

  it('with nothing changed, asks for no browser and writes the same book', () => {
    expect(unchanged.asked).toBe(0);
    expect(unchanged.prints).toBe(0);
    expect(unchanged.bytes.equals(fresh.bytes)).toBe(true);
  });

  it('keeps only the prints of the latest build, sealed with this machine key: an edited one is printed again', async () => {
    const kept = path.join(dir, 'output', '.cache', 'buku', `${INSTANSI}-2024`);
    const files = fs.readdirSync(kept);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(cold.prints - cold.run.pdfs.length);
    for (const f of files) expect(f).toMatch(/^[0-9a-f]{64}\.pdf$/);
    const victim = path.join(kept, files[0]!);
    const bytes = fs.readFileSync(victim);
    const at = bytes.length - 10;
    bytes[at] = bytes[at]! ^ 1; // a changed byte in the PDF, its seal as it was
    fs.writeFileSync(victim, bytes);
    const again = await build(path.join(dir, 'output'));
    expect(again.prints).toBe(1);
    expect(again.bytes.equals(fresh.bytes)).toBe(true);
  });
});
