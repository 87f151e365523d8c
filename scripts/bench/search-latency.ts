// "First search result" on a built combined site, as a person gets it: the site served on
// 127.0.0.1 by a tiny static server (no network), the search page opened in headless Chromium
// (the print browser's flags, print/launch.ts), a query typed into the box, and the time until
// the first result is in the page. Every query in a fresh browser context: nothing cached.
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { launch, type Browser } from 'puppeteer-core';
import { findBrowser } from '../print/browser.ts';
import { chromeArgs } from '../print/launch.ts';
import { CONTENT_TYPES } from '../preview/server.ts';


/** Serves `root` read-only on 127.0.0.1 (folders by their index.html), as a static host would. */
async function serveFolder(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    let body: Buffer | undefined;
    try {
      if (file.startsWith(root) && statSync(file).isFile()) body = readFileSync(file);
    } catch {
      body = undefined;
    }
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SearchTiming {
  query: string;
  /** From the last key typed to the first result in the page (includes the search box's pause for typing). */
  typedMs: number;
  /** From opening cari/?q=… (nothing loaded yet) to the first result. */
  openedMs: number;
  results: number;
}

/** The print browser's flags (no name resolves), but for the local server's address. */
async function openBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const found = findBrowser();
  if (!found) throw new Error('no Chromium-family browser found (install chromium or set PUPPETEER_EXECUTABLE_PATH)');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-cari-'));
  const args = chromeArgs().map((a) => (a.startsWith('--host-resolver-rules=') ? `${a}, EXCLUDE 127.0.0.1` : a));
  const browser = await launch({ executablePath: found.path, headless: true, pipe: true, userDataDir: profile, args });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Milliseconds between typing keys: a quick typist. */
const KEY_DELAY = 80;

/** Times `queries` on the site in `siteDir` (its cari/ page). */
export async function searchLatency(siteDir: string, queries: string[]): Promise<SearchTiming[]> {
  const root = path.resolve(siteDir);
  const server = await serveFolder(root);
  const chromium = await openBrowser();
  const timings: SearchTiming[] = [];
  try {
    for (const query of queries) {
      // Typed: the page is open, the person clicks the box and types.
      const typed = await chromium.browser.createBrowserContext();
      let typedMs: number;
      let results: number;
      try {
        const page = await typed.newPage();
        await page.goto(`${server.origin}/cari/`, { waitUntil: 'load' });
        // Counted from the last key to the first result of the search for the whole query: a
        // search for what was typed so far (the box searches when typing pauses) does not count.
        await page.evaluate(() => {
          const w = window as unknown as { lastKey: number; firstResult: number; armed: boolean };
          w.lastKey = 0;
          w.firstResult = 0;
          w.armed = false;
          document.getElementById('q')!.addEventListener('input', () => {
            w.lastKey = performance.now();
            w.armed = false;
            w.firstResult = 0;
          });
          const status = document.getElementById('cari-status')!;
          new MutationObserver(() => {
            if (w.lastKey && /Mencari/.test(status.textContent ?? '')) w.armed = true;
          }).observe(status, { childList: true, characterData: true, subtree: true });
          const list = document.getElementById('hasil-cari')!;
          new MutationObserver(() => {
            if (w.armed && !w.firstResult && list.querySelector('li')) w.firstResult = performance.now();
          }).observe(list, { childList: true });
        });
        await page.click('#q');
        await page.type('#q', query, { delay: KEY_DELAY });
        await page.waitForFunction(() => (window as unknown as { firstResult: number }).firstResult > 0, { timeout: 120_000 });
        ({ typedMs, results } = await page.evaluate(() => {
          const w = window as unknown as { lastKey: number; firstResult: number };
          return { typedMs: w.firstResult - w.lastKey, results: document.querySelectorAll('#hasil-cari li').length };
        }));
      } finally {
        await typed.close();
      }
      // Opened: a link to the search page with the query, into a browser with nothing cached.
      const opened = await chromium.browser.createBrowserContext();
      let openedMs: number;
      try {
        const page = await opened.newPage();
        await page.evaluateOnNewDocument(() => {
          const w = window as unknown as { firstResult: number };
          w.firstResult = 0;
          new MutationObserver(() => {
            if (!w.firstResult && document.querySelector('#hasil-cari li')) w.firstResult = performance.now();
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(`${server.origin}/cari/?q=${encodeURIComponent(query)}`, { waitUntil: 'domcontentloaded' });
        // performance.now() counts from the navigation's start.
        await page.waitForFunction(() => (window as unknown as { firstResult: number }).firstResult > 0, { timeout: 120_000 });
        openedMs = await page.evaluate(() => (window as unknown as { firstResult: number }).firstResult);
      } finally {
        await opened.close();
      }
      timings.push({ query, typedMs, openedMs, results });
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  return timings;
}
