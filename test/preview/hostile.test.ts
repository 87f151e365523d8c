// `sop pratinjau` against a hostile layout and a hostile web page (issue 21, items 2 and 8): a
// layout's script does not run in the preview (as it does not when printing), the preview hands
// out no file of the project but what its documents reference (fonts, the logo as checked bytes),
// and a page of another site cannot make it build anything.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_LAYOUTS } from '../../scripts/layouts/files.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { fontDir } from '../../scripts/kit/fonts.ts';
import { startPreview, type Preview } from '../../scripts/preview/server.ts';
import { INSTANSI, sopSource } from '../pdf/fixtures.ts';
import { launchBrowser, ROOT } from '../site/helpers.ts';

const TOKEN = 'ghp_TOKENRAHASIA123';
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>alert(1)</script><rect width="40" height="40" fill="#c00"/></svg>`;

let dir: string;
let preview: Preview;
let printer: Promise<Printer> | undefined;
let browser: Browser;
let page: Page;
let elsewhere: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-preview-jahat-'));
  mkdirSync(path.join(dir, 'content', 'uji'), { recursive: true });
  writeFileSync(path.join(dir, 'content', 'uji', 'instansi.yml'), `${INSTANSI}logo: logo.svg\n`);
  writeFileSync(path.join(dir, 'content', 'uji', 'logo.svg'), LOGO);
  writeFileSync(path.join(dir, 'content', 'uji', 'satu.md'), sopSource());
  // Item 9: a book page is not an SOP; a name with #, % and ? still links.
  mkdirSync(path.join(dir, 'content', 'uji', 'buku'));
  cpSync(path.join(ROOT, 'content', 'dkukmtk-balangan', 'buku', 'kata-pengantar.md'), path.join(dir, 'content', 'uji', 'buku', 'kata-pengantar.md'));
  writeFileSync(path.join(dir, 'content', 'uji', 'a#b%c?.md'), sopSource({ nomor: '002/SOP/UJI/2024', nama: 'Prosedur Bertanda' }));
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.git', 'config'), `[remote "origin"]\n\turl = https://x:${TOKEN}@github.com/dinas/sop.git\n`);
  writeFileSync(path.join(dir, '.env'), `TOKEN=${TOKEN}\n`);
  writeFileSync(path.join(dir, 'catatan.html'), '<script>window.__catatan = 1</script>');
  // A layout from a pull request: reads the officer's files and marks that it ran.
  mkdirSync(path.join(dir, 'layouts'));
  const steal = `<script>window.__jahat = 1; fetch('/_berkas${dir}/.git/config').then((r) => r.text()).then((t) => (window.__curian = t));</script>`;
  writeFileSync(path.join(dir, 'layouts', 'sop.hbs'), readFileSync(path.join(PACKAGE_LAYOUTS, 'sop.hbs'), 'utf8').replace('</body>', `${steal}</body>`));
  preview = await startPreview({ root: dir, port: 0, printer: () => (printer ??= Printer.launch({ allowedDir: dir, extraDirs: [ROOT, fontDir()] })) });
  browser = await launchBrowser();
  page = await browser.newPage();
  // Another site open in the same browser (a different port is another origin, the same site).
  const server = http.createServer((req, res) => {
    const target = preview.url;
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<img src="${target}sop/uji/satu.pdf"><img src="${target}situs/x"><script>fetch("${target}sop/uji/satu.pdf", { mode: "no-cors" })</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  elsewhere = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}, 60_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await preview?.close();
  await elsewhere?.close();
  await (await printer)?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a hostile layout in the preview', () => {
  it('runs no script but the reload client, and the logo shows as its checked bytes', async () => {
    const res = await page.goto(`${preview.url}sop/uji/satu`);
    expect(res!.headers()['content-security-policy']).toMatch(/script-src 'nonce-[\w-]+'/);
    expect(res!.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.waitForFunction(() => document.body.innerText.includes('Prosedur Uji'), { timeout: 90_000 });
    await page.waitForFunction(() => [...document.images].every((i) => i.complete), { timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.evaluate(() => (window as unknown as { __jahat?: number }).__jahat)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __curian?: string }).__curian)).toBeUndefined();
    // The reload client (the only script allowed) is connected.
    expect(await page.evaluate(() => document.querySelector('script[nonce]') !== null)).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('12px Arimo'))).toBe(true);
    const logo = await page.$eval('img.logo', (i) => ({ width: (i as HTMLImageElement).naturalWidth, src: (i as HTMLImageElement).src }));
    expect(logo.width).toBe(40);
    const bytes = await (await fetch(logo.src)).text();
    expect(bytes).toContain('<rect');
    expect(bytes).not.toContain('<script');
  }, 120_000);

  it('serves no file of the project by path: not .git, .env, HTML, nor the raw logo', async () => {
    for (const rel of ['.git/config', '.env', 'catatan.html', 'content/uji/logo.svg', 'content/uji/satu.md', 'content/uji/instansi.yml']) {
      const res = await fetch(`${preview.url}_berkas${dir}/${rel}`);
      expect(res.status, rel).toBe(404);
      expect(await res.text()).not.toContain(TOKEN);
    }
    expect((await fetch(`${preview.url}_aset/content/uji/satu.md`)).status).toBe(404);
  });
});

describe('the list (item 9)', () => {
  it('shows no book page as an SOP, and links every SOP whatever its name', async () => {
    const html = await (await fetch(preview.url)).text();
    expect(html).not.toContain('kata-pengantar');
    expect(html).not.toContain('galat</span>');
    expect(html).toContain('href="/sop/uji/a%23b%25c%3F"');
    const doc = await page.goto(`${preview.url}sop/uji/a%23b%25c%3F`);
    expect(doc!.status()).toBe(200);
    await page.waitForFunction(() => document.body.innerText.includes('Prosedur Bertanda'), { timeout: 90_000 });
    expect((await fetch(`${preview.url}sop/uji/%E0%A4%A`)).status).toBe(404);
  }, 120_000);
});

describe('another site open beside the preview (item 8)', () => {
  it('cannot make it build PDFs or the site', async () => {
    const other = await browser.newPage();
    await other.goto(elsewhere.url, { waitUntil: 'networkidle0' });
    await other.close();
    expect(existsSync(path.join(dir, 'output', 'pdf'))).toBe(false);
    expect(existsSync(path.join(dir, 'output', '.pratinjau'))).toBe(false);
    const refused = await fetch(`${preview.url}sop/uji/satu.pdf`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(refused.status).toBe(403);
    expect(existsSync(path.join(dir, 'output', 'pdf'))).toBe(false);
  }, 60_000);
});
