// Links out of the project in layouts (issue 21, item 3): every path a layout or the print guard
// uses is judged by its real path. An `<iframe>` to a project file that links to an outside file
// prints nothing of it; a layout file that is itself a link out is refused with its name.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { layoutFiles, layoutPath, listLayouts } from '../../scripts/layouts/files.ts';
import { urlPolicy } from '../../scripts/print/guard.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { loadSiteTemplates } from '../../scripts/site/templates.ts';
import { pdftotext } from '../pdf/helpers.ts';

const SECRET = 'ISI-RAHASIA-DI-LUAR-PROYEK';

function project(): { root: string; outside: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sop-real-'));
  const outside = mkdtempSync(path.join(os.tmpdir(), 'sop-luar-'));
  writeFileSync(path.join(outside, 'secret.txt'), SECRET);
  return { root, outside };
}

describe('the print guard judges real paths', () => {
  it('refuses a project file that links outside the project', () => {
    const { root, outside } = project();
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'catatan.txt'));
    symlinkSync(outside, path.join(root, 'folder'));
    writeFileSync(path.join(root, 'biasa.txt'), 'biasa');
    const allowed = urlPolicy(root);
    expect(allowed(pathToFileURL(path.join(root, 'biasa.txt')).href)).toBe(true);
    expect(allowed(pathToFileURL(path.join(root, 'catatan.txt')).href)).toBe(false);
    expect(allowed(pathToFileURL(path.join(root, 'folder', 'secret.txt')).href)).toBe(false);
    expect(allowed(pathToFileURL(path.join(root, 'folder', 'belum-ada.css')).href)).toBe(false);
  });

  it('prints nothing of it through an <iframe>', async () => {
    const { root, outside } = project();
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'catatan.txt'));
    const printer = await Printer.launch({ allowedDir: root });
    try {
      const printed = await printer.printPdf('<!doctype html><html><head></head><body><p>Isi dokumen</p><iframe src="catatan.txt"></iframe></body></html>', {
        baseUrl: pathToFileURL(root + path.sep).href,
        width: '210mm',
        height: '297mm',
        label: 'uji',
      });
      expect(printed.blocked.join(' ')).toContain('catatan.txt');
      const file = path.join(root, 'hasil.pdf');
      writeFileSync(file, printed.pdf);
      expect(pdftotext(file)).toContain('Isi dokumen');
      expect(pdftotext(file)).not.toContain(SECRET);
    } finally {
      await printer.close();
    }
  }, 60_000);
});

describe('layout files are judged by their real path', () => {
  it('refuses a layout file that links out of layouts/, naming it', () => {
    const { root, outside } = project();
    mkdirSync(path.join(root, 'layouts', 'site', 'assets'), { recursive: true });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'layouts', 'site', '404.hbs'));
    const files = layoutFiles(root);
    expect(() => layoutPath(files, 'site/404.hbs')).toThrow(/Berkas tata letak layouts\/site\/404\.hbs adalah tautan ke .*secret\.txt, di luar folder layouts\//);
    expect(() => loadSiteTemplates(files)).toThrow(/di luar folder layouts\//);
  });

  it('refuses a site asset that links out, and a linked folder of partials', () => {
    const { root, outside } = project();
    mkdirSync(path.join(root, 'layouts', 'site', 'assets'), { recursive: true });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'layouts', 'site', 'assets', 'kunci.txt'));
    expect(() => listLayouts(layoutFiles(root), 'site/assets')).toThrow(/layouts\/site\/assets\/kunci\.txt adalah tautan/);
    const other = project();
    mkdirSync(path.join(other.root, 'layouts'));
    writeFileSync(path.join(other.outside, 'bocor.hbs'), SECRET);
    symlinkSync(other.outside, path.join(other.root, 'layouts', 'partials'));
    expect(() => listLayouts(layoutFiles(other.root), 'partials', '.hbs')).toThrow(/di luar folder layouts\//);
  });

  it('accepts a layouts/ folder that is itself a link (its files are inside it)', () => {
    const { root } = project();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'sop-tata-letak-'));
    mkdirSync(path.join(elsewhere, 'site'));
    writeFileSync(path.join(elsewhere, 'site', '404.hbs'), 'Tidak ada');
    symlinkSync(elsewhere, path.join(root, 'layouts'));
    expect(layoutPath(layoutFiles(root), 'site/404.hbs')).toBe(path.join(root, 'layouts', 'site', '404.hbs'));
  });
});
