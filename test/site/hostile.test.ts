// Hostile content through build, book and site, in real Chromium (issue 11). Every place an
// officer writes (instansi.yml, every frontmatter field, table cells, prose, a book page, and the
// logo itself, an SVG with script and external fetches) carries script, `<img onerror>`,
// `javascript:` links, `<iframe>` and CSS url() aimed at a logging server on 127.0.0.1. After the
// PDFs, the book and the site are built and every site file is opened in Chromium, with
// JavaScript on and nothing intercepted: the logging server got no request and no dialog opened.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../scripts/diagnostics/report.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { buildSite, type SiteResult } from '../../scripts/site/build-site.ts';
import { parseBase } from '../../scripts/site/urls.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent, projectOf } from '../../scripts/validate/check-content.ts';
import { pdftotext } from '../pdf/helpers.ts';
import { launchBrowser, ROOT, serve, type StaticServer } from './helpers.ts';

/** Records every request; answers each with a script that would raise a dialog, were it run. */
async function loggingServer(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': '*' }).end('<script>alert("dari server")</script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Short payloads (so each fits its field on the printed page), each aimed at the logger. */
function payloads(u: string): string[] {
  return [
    `<script>fetch("${u}/skrip");alert(1)</script>`,
    `<img src="${u}/gambar" onerror="alert(2)">`,
    `<iframe src="${u}/bingkai"></iframe>`,
    `<a href="javascript:alert(3)">tautan</a>`,
    `<b style="background:url(${u}/css)">gaya</b>`,
    `<svg onload="alert(4)"><image href="${u}/svg"/></svg>`,
    `<link rel="stylesheet" href="${u}/tautan.css">`,
    `javascript:alert(5)`,
  ];
}

function writeContent(dir: string, u: string): void {
  const p = payloads(u);
  const q = (s: string) => JSON.stringify(s);
  const files: Record<string, string> = {
    'dinas/instansi.yml': `pemerintah: ${q(`Pemerintah Kota Uji ${p[0]}`)}
nama: ${q(`Dinas Uji ${p[1]}`)}
alamat: ${q(`Jalan ${p[4]} ${p[2]}`)}
logo: logo.svg
disahkan_oleh:
  jabatan: ${q(`Kepala Dinas ${p[5]}`)}
  nama: ${q(`Budi ${p[3]}`)}
  nip: "19681117 199703 1 003"
`,
    'dinas/logo.svg': `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 40" onload="alert('logo')">
  <script>fetch('${u}/logo-skrip'); alert('logo skrip')</script>
  <style>@import url(${u}/logo-import.css); .a { fill: url(${u}/logo-css) }</style>
  <image href="${u}/logo-gambar.png" width="10" height="10"/>
  <foreignObject width="40" height="40"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${u}/logo-bingkai"></iframe></foreignObject>
  <a xlink:href="javascript:alert('logo tautan')"><circle cx="20" cy="20" r="18" fill="#1565c0" onclick="alert('klik')"/></a>
  <use href="${u}/luar.svg#x"/>
  <rect x="10" y="10" width="20" height="20" fill="#ffffff" style="filter:url(${u}/logo-filter)"/>
</svg>
`,
    'dinas/buku/zz-halaman.md': `---
judul: ${q(`Halaman ${p[0]}`)}
---

Isi ${p.join(' ')} untuk {{instansi}}.

![gambar](${u}/buku-gambar.png) dan [tautan](javascript:alert(6)) dan [alamat](${u}/buku-tautan).

<iframe src="${u}/buku-bingkai"></iframe>
`,
    'dinas/layanan/uji-berbahaya.md': `---
nomor: ${q(`001/SOP/UJI/2024 ${p[7]}`)}
nama: ${q(`Layanan Uji ${p[0]}`)}
unit: ${q(`Bidang ${p[1]}`)}
status: berlaku
tanggal_pembuatan: 2024-05-08
tanggal_revisi: null
tanggal_efektif: 2024-05-08
dasar_hukum:
  - ${q(`Peraturan ${p[2]}`)}
kualifikasi_pelaksana:
  - ${q(`Paham ${p[3]}`)}
keterkaitan:
  - ${q(`SOP Lain ${p[4]}`)}
peralatan_perlengkapan:
  - ${q(`Komputer ${p[5]}`)}
peringatan:
  - ${q(`Awas ${p[6]}`)}
pencatatan_pendataan:
  - ${q(`Arsip ${p[7]}`)}
pelaksana: [Staf, Kepala Dinas]
riwayat:
  - { tanggal: 2024-05-08, uraian: ${q(`Penetapan ${p[1]}`)} }
---

Prosa ${p.slice(0, 4).join(' ')}

<style>@import url(${u}/prosa-import.css);</style>
<object data="${u}/prosa-objek"></object>

![gambar luar](${u}/prosa-gambar.png) dan [tautan](javascript:alert(7)) ${p.slice(4).join(' ')}

| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |
|---:|---|---|---|---|---|---|---|
| 1 | Menerima ${p[0]} | Staf | ${p[1]} | 15 menit | ${p[2]} | ${p[3]} | |
| 2 | Memeriksa ${p[4]} | Kepala Dinas | ${p[5]} | 1 jam | ${p[6]} | ${p[7]} | |
`,
  };
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, 'content', rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

let dir: string;
let logger: Awaited<ReturnType<typeof loggingServer>>;
let printer: Printer;
let result: SiteResult;
let server: StaticServer;
let browser: Browser;
let warnings: string[];

beforeAll(async () => {
  logger = await loggingServer();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-hostile-site-'));
  writeContent(dir, logger.url);
  // A project of its own (content/ and layouts/), as an officer has: the logo is judged inside it.
  cpSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'), { recursive: true });
  const checked = checkContent(readContent(dir), probeAsset);
  warnings = collect(checked.files).map((d) => `${d.severity} ${d.ruleId}`);
  expect(checked.ok, JSON.stringify(collect(checked.files), null, 1)).toBe(true);
  printer = await Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] });
  result = await buildSite(projectOf(checked, dir), { outDir: path.join(dir, 'output'), base: parseBase('/'), printer: async () => printer, tahunBuku: 2024 });
  server = await serve(result.dir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await printer?.close();
  await server?.close();
  await logger?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hostile content (issue 11)', () => {
  it('check accepts it, saying what it removed from the logo', () => {
    expect(warnings).toContain('peringatan svg-tidak-aman');
    expect(warnings.filter((w) => w.startsWith('galat'))).toEqual([]);
  });

  it('the PDFs and the book print it as text and ask nobody for anything', () => {
    const pdf = path.join(dir, 'output/pdf/dinas/uji-berbahaya.pdf');
    const text = pdftotext(pdf).replace(/\s+/g, '');
    expect(text).toContain('<script>fetch(');
    expect(text).toContain('onerror="alert(2)"');
    const books = readdirSync(path.join(dir, 'output/buku'));
    expect(books).toEqual(['dinas-2024.pdf']);
    expect(pdftotext(path.join(dir, 'output/buku', books[0]!)).replace(/\s+/g, '')).toContain('<iframesrc=');
    expect(printer.blockedRequests).toEqual([]);
    expect(logger.requests).toEqual([]);
  });

  it('the published logo is the rebuilt SVG: no script, handler, link or external reference', () => {
    const logo = readFileSync(path.join(result.dir, 'assets/logo/dinas.svg'), 'utf8');
    expect(logo).not.toMatch(/script|alert|onload|onclick|foreignObject|iframe|javascript|127\.0\.0\.1|@import|<a[\s>]|<image/i);
    expect(logo).toContain('<circle cx="20" cy="20" r="18" fill="#1565c0"/>');
  });

  it('every site file opened in Chromium (JavaScript on, nothing intercepted): no request to the logger, no dialog', { timeout: 180_000 }, async () => {
    const files = readdirSync(result.dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(html|svg|json|xml)$/.test(e.name) && !e.parentPath.includes('pagefind'))
      .map((e) => path.relative(result.dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    expect(files).toContain('assets/logo/dinas.svg');
    expect(files).toContain('sop/dinas/uji-berbahaya/index.html');
    const dialogs: string[] = [];
    const foreign: string[] = [];
    for (const rel of [...files, 'cari/?q=uji']) {
      const page = await browser.newPage();
      page.on('dialog', (d) => {
        dialogs.push(`${rel}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreign.push(`${rel}: ${r.url()}`);
      });
      await page.goto(`${server.origin}/${rel}`, { waitUntil: 'networkidle0' });
      // Hover and click everything a visitor could: handlers and javascript: links must be inert.
      await page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('a, img, svg, b, div, span, td'))) {
          el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          if (el instanceof HTMLAnchorElement && el.href.startsWith('javascript:')) el.click();
        }
      });
      await page.close();
    }
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(logger.requests).toEqual([]);
  });
});
