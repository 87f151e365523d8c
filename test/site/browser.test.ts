// The built site in real headless Chromium, served on 127.0.0.1: what a citizen does (find an
// office, search, filter with and without JavaScript, open an SOP, download its PDF), and what
// must hold on every page (links resolve, no other host is asked, accessibility, phone width).
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProcedure } from '../../scripts/plan/procedure.ts';
import { sopView } from '../../scripts/view/sop-view.ts';
import { buildTestSite, launchBrowser, serve, type StaticServer, type TestSite } from './helpers.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let site: TestSite;
let server: StaticServer;
let browser: Browser;

/** Site-relative page paths (`''`, `katalog/`, `sop/a/b/`, `404.html`). */
let pages: string[];

const SOP = 'sop/diskominfo-pessel/permohonan-informasi-publik/';

beforeAll(async () => {
  site = await buildTestSite();
  server = await serve(site.result.dir);
  browser = await launchBrowser();
  pages = readdirSync(site.result.dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(site.result.dir, path.join(e.parentPath, e.name)).split(path.sep).join('/').replace(/index\.html$/, ''))
    .sort();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Requests to any other origin (blocked). */
  foreign: string[];
  /** CSP violations and page errors. */
  problems: string[];
}

async function open(rel: string, options: { width?: number; js?: boolean; bypassCsp?: boolean } = {}): Promise<Opened> {
  const page = await browser.newPage();
  const foreign: string[] = [];
  const problems: string[] = [];
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  if (options.js === false) await page.setJavaScriptEnabled(false);
  if (options.bypassCsp) await page.setBypassCSP(true);
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith(`${server.origin}/`) || url.startsWith('data:')) void req.continue();
    else {
      foreign.push(url);
      void req.abort();
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return { page, foreign, problems };
}

async function visibleItems(page: Page): Promise<string[]> {
  return page.$$eval('.sop-item', (items) => items.filter((li) => !(li as HTMLElement).hidden && (li as HTMLElement).offsetParent !== null).map((li) => li.querySelector('h3')!.textContent!.trim()));
}

/**
 * Text a reader must read, smaller than 14 px: every shown element with text of its own, outside
 * the print replica of the procedure (the PDF's table at its 8 pt) and screen-reader-only text.
 */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.closest('.proc, .visually-hidden, script, style, noscript')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own || !el.getClientRects().length) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 14) small.add(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 30)}" ${px}px`);
    }
    return [...small];
  });
}

/** Waits for the search page to finish and returns the result titles. */
async function search(page: Page): Promise<string[]> {
  await page.waitForFunction(() => !/Mencari/.test(document.getElementById('cari-status')!.textContent ?? '') && (document.getElementById('cari-status')!.textContent ?? '') !== '', { timeout: 15_000 });
  return page.$$eval('#hasil-cari h2 a', (as) => as.map((a) => a.textContent!.trim()));
}

describe('a citizen on the site', () => {
  it('the home page lists every sample instansi with its units and counts', async () => {
    const { page, problems } = await open('');
    const cards = await page.$$eval('.kartu', (cs) => cs.map((c) => c.textContent!.replace(/\s+/g, ' ')));
    expect(cards.length).toBe(3);
    expect(cards.join('\n')).toContain('Dinas Komunikasi dan Informatika');
    expect(cards.join('\n')).toContain('Dinas Komunikasi, Informatika, Statistik dan Persandian');
    expect(cards.join('\n')).toContain('Dinas Koperasi Usaha Kecil dan Menengah dan Tenaga Kerja');
    expect(cards[0]).toMatch(/4 SOP · 2 berlaku/);
    expect(cards[0]).toMatch(/Bidang Informasi & Komunikasi Publik 3 SOP/);
    expect(await page.$('form[role=search] input[name=q]')).not.toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searching for a word of one SOP kegiatan finds that SOP (from the home page form)', async () => {
    const { page, problems } = await open('');
    await page.type('#q', 'mengompilasi');
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('form[role=search] button')]);
    expect(new URL(page.url()).pathname).toBe('/cari/');
    const found = await search(page);
    expect(found).toEqual(['Pelaksanaan Pengukuran Kinerja']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('search is Indonesian (stemmed), covers nomor and dasar hukum, and never finds a draft', async () => {
    const { page } = await open('cari/?q=pengompilasian');
    expect(await search(page)).toEqual(['Pelaksanaan Pengukuran Kinerja']);
    await page.goto(`${server.origin}/cari/?q=${encodeURIComponent('000.8.3.3./005/DKUKMTK-BLG/2024')}`, { waitUntil: 'networkidle0' });
    expect(await search(page)).toContain('Monitoring/Evaluasi Internal Capaian Kinerja');
    await page.goto(`${server.origin}/cari/?q=keterbukaan%20informasi%20publik`, { waitUntil: 'networkidle0' });
    const found = await search(page);
    expect(found[0]).toBe('Pelayanan Permohonan Informasi Publik');
    // In force first; the replaced version is still found, and marked.
    const marks = await page.$$eval('#hasil-cari li .status', (s) => s.map((x) => x.textContent));
    expect(marks).toContain('Digantikan');
    expect(marks.indexOf('Berlaku')).toBe(0);
    await page.click('#hanya-berlaku');
    await page.waitForFunction(() => !document.querySelector('#hasil-cari .status-digantikan'));
    await page.goto(`${server.origin}/cari/?q=zirkonium`, { waitUntil: 'networkidle0' });
    expect(await search(page)).toEqual([]);
    expect(await page.$eval('#cari-status', (e) => e.textContent)).toMatch(/Tidak ada SOP/);
    await page.close();
  });

  it('filters narrow the catalogue without JavaScript: plain links to pre-rendered pages', async () => {
    const { page } = await open('katalog/', { js: false });
    expect((await visibleItems(page)).length).toBe(7);
    await Promise.all([page.waitForNavigation(), page.click('a[data-f="status=digantikan"]')]);
    expect(new URL(page.url()).pathname).toBe('/katalog/status/digantikan/');
    expect(await visibleItems(page)).toEqual(['Pelayanan Permohonan Informasi Publik']);
    await Promise.all([page.waitForNavigation(), page.click('a[data-f="unit=diskominfosp-balangan/sekretariat"]')]);
    expect(new URL(page.url()).pathname).toBe('/katalog/diskominfosp-balangan/sekretariat/');
    expect((await visibleItems(page)).sort()).toEqual(['Mekanisme Pengumpulan Data Kinerja', 'Pelaksanaan Pengukuran Kinerja']);
    await Promise.all([page.waitForNavigation(), page.click('a[data-f="tahun=2024"]')]);
    expect((await visibleItems(page)).sort()).toEqual(['Monitoring/Evaluasi Internal Capaian Kinerja', 'Pemantauan Capaian Kinerja Internal']);
    await page.close();
  });

  it('filters narrow the catalogue in place with JavaScript, combine, and keep the choice in the address', async () => {
    const { page, problems } = await open('katalog/');
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await page.click('a[data-f="status=berlaku"]');
    expect((await visibleItems(page)).length).toBe(5);
    await page.click('a[data-f="instansi=diskominfo-pessel"]');
    expect(await visibleItems(page)).toEqual(['Pelayanan Permohonan Informasi Publik', 'Pemantauan Capaian Kinerja Internal']);
    await page.click('a[data-f="tahun=2025"]');
    expect(await visibleItems(page)).toEqual(['Pelayanan Permohonan Informasi Publik']);
    expect(new URL(page.url()).search).toBe('?instansi=diskominfo-pessel&status=berlaku&tahun=2025');
    expect(await page.$eval('#katalog-jumlah', (e) => e.textContent)).toBe('1 SOP dari 7');
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    // Clicking a chosen filter again drops it; the text box narrows further.
    await page.click('a[data-f="tahun=2025"]');
    await page.type('#saring-teks', '2019');
    expect(await visibleItems(page)).toEqual([]);
    expect(await page.$eval('#katalog-kosong', (e) => (e as HTMLElement).hidden)).toBe(false);
    // The address opens the same choice.
    await page.goto(`${server.origin}/katalog/?status=dicabut`, { waitUntil: 'networkidle0' });
    expect(await visibleItems(page)).toEqual(['Penyebaran Informasi melalui Papan Pengumuman']);
    // On a filtered page a second filter leads to the full catalogue with both.
    await page.goto(`${server.origin}/katalog/status/berlaku/`, { waitUntil: 'networkidle0' });
    await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('a[data-f="tahun=2023"]')]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/katalog/?status=berlaku&tahun=2023');
    expect((await visibleItems(page)).length).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an SOP page shows its flowchart over the procedure table, row for row', async () => {
    const { page, problems } = await open(SOP);
    const check = await page.evaluate(() => {
      const symbols = Array.from(document.querySelectorAll<SVGGraphicsElement>('.sop-symbol'));
      return {
        symbols: symbols.map((s) => {
          const box = s.getBoundingClientRect();
          const row = document.getElementById(`langkah-${s.dataset.no}`)!.getBoundingClientRect();
          const style = getComputedStyle(s);
          return { no: s.dataset.no, kind: s.dataset.kind, w: box.width, h: box.height, cy: box.top + box.height / 2, rowTop: row.top, rowBottom: row.bottom, visible: style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0 };
        }),
        connectors: document.querySelectorAll('.sop-connector').length,
        labels: Array.from(document.querySelectorAll('.sop-label')).map((l) => l.textContent),
        rows: Array.from(document.querySelectorAll<HTMLElement>('tr.langkah')).map((r) => r.getBoundingClientRect().height),
      };
    });
    expect(check.symbols.map((s) => s.no)).toEqual(['1', '2', '3', '4', '5']);
    expect(check.symbols.map((s) => s.kind)).toEqual(['terminator', 'process', 'decision', 'process', 'terminator']);
    for (const s of check.symbols) {
      expect(s.visible, `symbol ${s.no}`).toBe(true);
      expect(s.w, `symbol ${s.no}`).toBeGreaterThan(10);
      expect(s.h, `symbol ${s.no}`).toBeGreaterThan(5);
      // Drawn inside its own row: the overlay matches the table.
      expect(s.cy, `symbol ${s.no}`).toBeGreaterThan(s.rowTop);
      expect(s.cy, `symbol ${s.no}`).toBeLessThan(s.rowBottom);
    }
    expect(check.connectors).toBeGreaterThanOrEqual(5);
    expect(check.labels.sort()).toEqual(['Tidak', 'Ya']);
    // Rows are exactly as tall as in the PDF.
    const built = site.result.pdfs.find((b) => b.sop.slug === 'permohonan-informasi-publik')!;
    const measured = planProcedure(sopView(built.sop), built.sop.steps, built.measurement).rowHeights;
    check.rows.forEach((h, i) => expect(Math.abs(h - measured[i]!), `row ${i + 1}`).toBeLessThan(0.6));
    // Hostile text in the source did not run.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the flowchart of every sample SOP sits in its rows', { timeout: 60_000 }, async () => {
    for (const rel of pages.filter((p) => p.startsWith('sop/'))) {
      const { page } = await open(rel);
      const bad = await page.evaluate(() =>
        // Off-page connectors (the PDF's page breaks, shown as on paper) sit in the bands, not in rows.
        Array.from(document.querySelectorAll<SVGGraphicsElement>('.sop-symbol:not([data-kind="offpage"])'))
          .filter((s) => {
            const box = s.getBoundingClientRect();
            const row = document.getElementById(`langkah-${s.dataset.no}`)!.getBoundingClientRect();
            const cy = box.top + box.height / 2;
            return !(box.width > 0 && box.height > 0 && cy > row.top && cy < row.bottom);
          })
          .map((s) => s.dataset.no),
      );
      const rows = await page.$$eval('tr.langkah', (r) => r.length);
      const symbols = await page.$$eval('.sop-symbol:not([data-kind="offpage"])', (s) => s.length);
      expect(bad, rel).toEqual([]);
      expect(symbols, rel).toBe(rows);
      await page.close();
    }
  });

  it('its PDF link downloads a PDF; the signing manifest is not offered', async () => {
    const { page } = await open(SOP);
    const pdfHref = await page.$eval('.unduh a.tombol', (a) => (a as HTMLAnchorElement).href);
    expect(await page.$$eval('a[href*=".ttd.json"]', (a) => a.length)).toBe(0);
    const got = await page.evaluate(async (pdf: string) => {
      const r = await fetch(pdf);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
    }, pdfHref);
    expect(got.status).toBe(200);
    expect(got.head).toBe('%PDF-');
    expect(got.size).toBe(statSync(path.join(site.result.dir, 'pdf/diskominfo-pessel/permohonan-informasi-publik.pdf')).size);
    await page.close();
  });
});

describe('every page', () => {
  it('every internal link and asset resolves to a file (href, src, CSS url())', () => {
    const dir = site.result.dir;
    const broken: string[] = [];
    const resolve = (from: string, link: string) => {
      const [rawPath, hash] = link.split('#') as [string, string | undefined];
      const clean = rawPath.split('?')[0]!;
      let file: string;
      if (clean === '') file = from;
      else if (clean.startsWith('/')) file = decodeURIComponent(clean.slice(1));
      else file = path.posix.join(path.posix.dirname(from), decodeURIComponent(clean));
      if (file === '' || file.endsWith('/')) file += 'index.html';
      const abs = path.join(dir, file);
      if (!existsSync(abs) || !statSync(abs).isFile()) return `${from}: ${link} (no file ${file})`;
      if (hash && file.endsWith('.html') && !readFileSync(abs, 'utf8').includes(`id="${hash}"`)) return `${from}: ${link} (no #${hash})`;
      return undefined;
    };
    let checked = 0;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    for (const f of files.filter((f) => f.endsWith('.html') || (f.endsWith('.css') && !f.startsWith('pagefind/')))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const links = f.endsWith('.html')
        ? [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
        : [...text.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/^['"]|['"]$/g, ''));
      for (const link of links) {
        if (/^(https?:|mailto:|tel:|data:)/.test(link)) continue;
        checked++;
        const problem = resolve(f, link);
        if (problem) broken.push(problem);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('no page asks another host for anything, and nothing breaks the Content-Security-Policy', { timeout: 120_000 }, async () => {
    const all = [...pages, 'cari/?q=kinerja', 'katalog/?status=berlaku'];
    for (const rel of all) {
      const { page, foreign, problems } = await open(rel);
      if (rel.startsWith('cari/?')) await search(page);
      expect(foreign, rel).toEqual([]);
      expect(problems, rel).toEqual([]);
      // Sharing the load: on a wide screen and a tablet, nothing is cut off at the side and text
      // outside the print replica is at least 14 px (375 px: below).
      for (const width of [1280, 1024, 768]) {
        await page.setViewport({ width, height: 900 });
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: document.documentElement.clientWidth }));
        expect(scroll, `${rel} @${width}`).toBeLessThanOrEqual(inner);
        expect(await smallText(page), `${rel} @${width}`).toEqual([]);
      }
      await page.close();
    }
    expect(server.requests.some((r) => r.startsWith('/pagefind/'))).toBe(true);
    expect(server.requests.some((r) => r.startsWith('/assets/font/'))).toBe(true);
  });

  it('axe-core finds no serious or critical accessibility violation (CSP bypassed for axe only)', { timeout: 120_000 }, async () => {
    const targets = ['', 'katalog/', 'katalog/status/digantikan/', SOP, 'sop/diskominfo-pessel/permohonan-informasi-publik-2021/', 'cari/?q=kinerja', '404.html'];
    for (const rel of targets) {
      for (const width of [1280, 375]) {
        const { page } = await open(rel, { width, bypassCsp: true });
        if (rel.startsWith('cari/?')) await search(page);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
        expect(violations, `${rel} @${width}`).toEqual([]);
        await page.close();
      }
    }
  });

  it('on a phone an SOP procedure reads as a list of steps; on a wide screen, the table with the flowchart', async () => {
    const { page } = await open(SOP, { width: 375 });
    const phone = await page.evaluate(() => {
      const shown = (sel: string) => { const e = document.querySelector(sel); return e ? getComputedStyle(e).display !== 'none' && (e as HTMLElement).offsetHeight > 0 : false; };
      const cards = [...document.querySelectorAll('.kartu-langkah')].map((li) => ({
        no: li.querySelector('.kl-no')!.textContent!.trim(),
        pelaksana: li.querySelector('.kl-pelaksana')!.textContent!.trim(),
        kegiatan: li.querySelector('.kl-kegiatan')!,
        waktu: [...li.querySelectorAll('.kl-mutu dt')].map((d) => d.textContent).includes('Waktu'),
        lanjut: li.querySelector('.kl-lanjut')!.textContent!.trim(),
        right: li.getBoundingClientRect().right,
      }));
      const first = document.querySelector('.kl-kegiatan')!;
      return {
        list: shown('.langkah-daftar'),
        table: shown('.gulir'),
        rows: document.querySelectorAll('.proc-table tr.langkah').length,
        cards: cards.map((c) => ({ no: c.no, pelaksana: c.pelaksana, waktu: c.waktu, lanjut: c.lanjut, fits: c.right <= window.innerWidth })),
        fontPx: parseFloat(getComputedStyle(first).fontSize),
      };
    });
    expect(phone.list).toBe(true);
    expect(phone.table).toBe(false);
    expect(phone.cards.map((c) => c.no)).toEqual(Array.from({ length: phone.rows }, (_, i) => String(i + 1)));
    expect(phone.cards.every((c) => c.pelaksana && c.waktu && c.fits && c.lanjut)).toBe(true);
    expect(phone.cards.at(-1)!.lanjut).toBe('Selesai');
    expect(phone.cards.some((c) => /→ langkah \d+/.test(c.lanjut))).toBe(true); // the sample's decision
    expect(phone.fontPx).toBeGreaterThanOrEqual(15);
    // The steps come after the identity and the legal lists, far down: a link in the first
    // screen leads to them.
    const jump = await page.$eval('a[href="#prosedur"]', (a) => ({ text: a.textContent!, bottom: a.getBoundingClientRect().bottom, shown: a.getClientRects().length > 0 }));
    expect(jump.shown).toBe(true);
    expect(jump.bottom).toBeLessThan(600);
    expect(jump.text).toContain(`${phone.rows} langkah`);
    expect(await page.$eval('.kartu-langkah', (li) => li.getBoundingClientRect().top)).toBeGreaterThan(1500);
    await page.click('a[href="#prosedur"]');
    await page.waitForFunction(() => location.hash === '#prosedur');
    const first = await page.$eval('.kartu-langkah', (li) => li.getBoundingClientRect().top);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(300);
    await page.setViewport({ width: 1280, height: 900 });
    const wide = await page.evaluate(() => ({
      list: getComputedStyle(document.querySelector('.langkah-daftar')!).display,
      table: getComputedStyle(document.querySelector('.gulir')!).display,
    }));
    expect(wide).toEqual({ list: 'none', table: 'block' });
    await page.close();
  });

  it('never cuts the procedure off, from 320 to 1920 px: the whole table where it fits, else the list of steps', { timeout: 120_000 }, async () => {
    const widths = [320, 375, 600, 601, 768, 1024, 1031, 1098, 1099, 1223, 1224, 1280, 1440, 1920];
    const shown: Record<string, number[]> = {};
    for (const rel of pages.filter((p) => p.startsWith('sop/'))) {
      const { page } = await open(rel);
      for (const width of widths) {
        await page.setViewport({ width, height: 900 });
        const m = await page.evaluate(() => {
          const box = document.querySelector<HTMLElement>('.gulir')!;
          const list = document.querySelector<HTMLElement>('.langkah-daftar')!;
          const visible = (e: HTMLElement) => getComputedStyle(e).display !== 'none' && e.offsetHeight > 0;
          const r = box.getBoundingClientRect();
          const cells = [...box.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect());
          return {
            page: document.documentElement.scrollWidth,
            inner: document.documentElement.clientWidth,
            table: visible(box),
            list: visible(list),
            scroll: box.scrollWidth,
            client: box.clientWidth,
            left: r.left,
            right: r.right,
            cellsInside: cells.every((c) => c.left >= r.left && c.right <= r.right),
            cardsInside: [...list.querySelectorAll('li')].every((li) => li.getBoundingClientRect().right <= document.documentElement.clientWidth),
          };
        });
        const at = `${rel} @${width}`;
        expect(m.page, at).toBeLessThanOrEqual(m.inner);
        expect(m.table !== m.list, at).toBe(true);
        if (m.table) {
          // All of it in view: no scrolling inside its box, box within the window.
          expect(m.scroll, at).toBeLessThanOrEqual(m.client);
          expect(m.left, at).toBeGreaterThanOrEqual(0);
          expect(m.right, at).toBeLessThanOrEqual(m.inner);
          expect(m.cellsInside, at).toBe(true);
          (shown[rel] ??= []).push(width);
        } else {
          expect(m.cardsInside, at).toBe(true);
        }
        expect(await smallText(page), at).toEqual([]);
      }
      await page.close();
    }
    // The replica shows on wide screens, from the width it needs: A4 from 1099 px, F4 (wider) from 1224 px.
    const a4 = 'sop/diskominfo-pessel/permohonan-informasi-publik/';
    const f4 = 'sop/diskominfo-pessel/penyebaran-informasi-manual/';
    expect(site.sops.find((s) => s.slug === 'penyebaran-informasi-manual')!.kertas).toBe('F4');
    expect(shown[a4]).toEqual([1099, 1223, 1224, 1280, 1440, 1920]);
    expect(shown[f4]).toEqual([1224, 1280, 1440, 1920]);
  });

  it('says whose SOP it is with the pemerintah, on catalogue and search cards; search text is the SOP, not the page', { timeout: 60_000 }, async () => {
    const pemerintah = new Map(site.sops.map((s) => [s.nama, s.instansi.pemerintah]));
    const { page } = await open('katalog/');
    const cards = await page.$$eval('.sop-item', (items) => items.map((li) => ({ nama: li.querySelector('h3')!.textContent!.trim(), asal: li.querySelector('.sop-asal')!.textContent!.trim() })));
    expect(cards.length).toBe(7);
    for (const c of cards) expect(c.asal, c.nama).toContain(`, ${pemerintah.get(c.nama)}`);
    expect(cards.map((c) => c.asal)).toContain('Dinas Komunikasi dan Informatika, Pemerintah Kabupaten Pesisir Selatan · Bidang Informasi & Komunikasi Publik');
    await page.goto(`${server.origin}/cari/?q=kinerja`, { waitUntil: 'networkidle0' });
    await search(page);
    const results = await page.$$eval('#hasil-cari li', (lis) => lis.map((li) => ({ nama: li.querySelector('h2')!.textContent!.trim(), asal: li.querySelector('.sop-asal')!.textContent!.trim(), kutipan: li.querySelector('.kutipan')!.textContent!.trim() })));
    expect(results.length).toBeGreaterThan(2);
    for (const r of results) expect(r.asal, r.nama).toContain(`, ${pemerintah.get(r.nama)}`);
    // What Pagefind indexed for every SOP page: none of the page's own labels and dashes.
    // Pagefind's own API in the page, as a string: the test runner would rewrite a dynamic import.
    const indexed = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const all = new Map();
      for (const q of ['kinerja', 'informasi', 'sop']) {
        for (const r of (await pagefind.search(q)).results) {
          const d = await r.data();
          all.set(d.url, { url: d.url, content: d.content, excerpt: d.excerpt });
        }
      }
      return [...all.values()];
    })()`)) as Array<{ url: string; content: string; excerpt: string }>;
    expect(indexed.map((d) => d.url).sort()).toEqual(pages.filter((p) => p.startsWith('sop/')).map((p) => `/${p}`).sort());
    const boilerplate = /Riwayat versi|Identitas SOP|— —|Tanda tangan (basah|elektronik)|Tidak ada\.|Langkah prosedur|belum ada di katalog|Dirujuk oleh|(^|\. )(Uraian|Prosedur|Perubahan)\.|Berlaku Nomor|disimpan sebagai arsip/;
    for (const d of indexed) {
      expect(d.content, d.url).not.toMatch(boilerplate);
      expect(d.excerpt, d.url).not.toMatch(boilerplate);
    }
    // The SOP's own words are still there.
    const publik = indexed.find((d) => d.url === `/${SOP}`)!;
    expect(publik.content).toContain('010/SOP/KOMINFO/2025');
    expect(publik.content).toContain('Memberikan informasi publik kepada pemohon');
    expect(publik.content).toContain('Penetapan awal');
    await page.close();
  });

  it('the header names the owner: the pemerintah under the site title', async () => {
    const { page } = await open('');
    const owner = await page.$eval('.merek-pemilik', (e) => e.textContent!.trim());
    const govs = [...new Set(site.sops.map((s) => s.instansi.pemerintah))].sort();
    expect(owner.split(' · ').sort()).toEqual(govs);
    await page.close();
  });

  it('on a 375 px phone nothing scrolls sideways', { timeout: 120_000 }, async () => {
    for (const rel of [...pages, 'cari/?q=kinerja']) {
      const { page } = await open(rel, { width: 375 });
      if (rel.startsWith('cari/?')) await search(page);
      const { scroll, inner, table } = await page.evaluate(() => {
        const box = document.querySelector('.gulir');
        return {
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
          table: box ? { scroll: box.scrollWidth, client: box.clientWidth, overflow: getComputedStyle(box).overflowX } : null,
        };
      });
      expect(scroll, rel).toBeLessThanOrEqual(inner);
      // The procedure table gives way to the list of steps (tested above).
      if (rel.startsWith('sop/')) expect(table!.client, rel).toBe(0);
      expect(await smallText(page), rel).toEqual([]);
      await page.close();
    }
  });
});
