// `sop build --html`: beside each PDF the self-contained HTML that was printed; printing that
// file again gives the same pages, and it loads nothing (no file: URL is left in it).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfs, type BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { checkFiles, launchPrinter, ROOT, tempDir } from './helpers.ts';
import { INSTANSI, sopSource } from './fixtures.ts';

let printer: Printer;
let built: BuiltPdf[];
let outDir: string;

beforeAll(async () => {
  printer = await launchPrinter();
  const rows = [
    '| 1 | Menerima berkas permohonan | Staf | Berkas | 15 menit | Berkas diterima | | |',
    '| 2 | Memeriksa kelengkapan berkas | Kepala Seksi | Berkas | 1 jam | Berkas diperiksa | | Lengkap: 3; Tidak: 1 |',
    '| 3 | Menandatangani surat | Kepala Dinas | Surat | 1 hari | Surat ditandatangani | | |',
  ];
  const checked = checkFiles({ 'uji/instansi.yml': INSTANSI, 'uji/keputusan.md': sopSource({}, rows) });
  expect(checked.ok).toBe(true);
  outDir = tempDir('html');
  built = await buildPdfs(checked.sops, { root: ROOT, outDir, force: true, printer: async () => printer, html: { allowedDirs: [ROOT, fontDir()] } });
});
afterAll(() => printer?.close());

function pagesPng(pdf: string): Buffer[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
  const dir = path.dirname(pdf);
  const base = path.basename(prefix);
  return readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort().map((f) => readFileSync(path.join(dir, f)));
}

describe('sop build --html', () => {
  it('writes <slug>.html beside the PDF, self-contained, with the documented SVG contract', () => {
    const [b] = built;
    expect(b!.html).toBe(b!.pdf.replace(/\.pdf$/, '.html'));
    const html = readFileSync(b!.html!, 'utf8');
    expect(html).not.toMatch(/file:/);
    expect(html).toMatch(/url\(data:font\/woff2;base64,/);
    expect(html).toMatch(/class="sop-symbol" data-no="2" data-kind="decision"/);
    expect(html).toMatch(/class="sop-connector" data-from="2" data-to="3"/);
    expect(html).toMatch(/<text class="sop-label" data-from="2" data-to="1"[^>]*>Tidak<\/text>/);
  });

  it('prints that file, loading nothing else, into the same pages', { timeout: 120_000 }, async () => {
    const [b] = built;
    const alone = tempDir('html-alone');
    const printed = await printer.printPdf(readFileSync(b!.html!, 'utf8'), { baseUrl: pathToFileURL(ROOT + path.sep).href, width: '297mm', height: '210mm' });
    expect([...printed.blocked, ...printed.missing]).toEqual([]);
    const again = path.join(alone, 'again.pdf');
    writeFileSync(again, printed.pdf);
    const original = pagesPng(b!.pdf);
    const reprinted = pagesPng(again);
    expect(reprinted.length).toBe(original.length);
    reprinted.forEach((png, i) => expect(png.equals(original[i]!), `page ${i + 1}`).toBe(true));
  });
});
