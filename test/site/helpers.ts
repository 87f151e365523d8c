// Shared by the site tests: build the fixture site once into a temp folder, serve it on
// 127.0.0.1 with a tiny static server, and drive it with the real headless Chromium.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launch, type Browser } from 'puppeteer-core';
import { findBrowser } from '../../scripts/print/browser.ts';
import type { MonevResults } from '../../scripts/model/monev.ts';
import type { Sop } from '../../scripts/model/sop.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { buildSite, type SiteResult } from '../../scripts/site/build-site.ts';
import { parseBase } from '../../scripts/site/urls.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent, projectOf } from '../../scripts/validate/check-content.ts';
import { ROOT, writeFixtureContent } from './fixtures.ts';

export { ROOT };

export interface TestSite {
  /** Temp folder holding content/ and the build output (pdf/, site/). */
  dir: string;
  outDir: string;
  sops: Sop[];
  /** Monitoring results of the content (the site marks SOPs by them). */
  monev: MonevResults[];
  result: SiteResult;
  /** Milliseconds the site build took (PDFs included). */
  ms: number;
}

export interface TestSiteOptions {
  baseUrl?: string;
  /** Build the books of this year too. */
  tahunBuku?: number;
  printer?: Printer;
}

/** Checks the fixture content and builds PDFs (+ books) + site into a fresh temp folder. */
export async function buildTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const { baseUrl = '/', printer } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-site-test-'));
  const content = writeFixtureContent(dir);
  const checked = checkContent(readContent(ROOT, content), probeAsset);
  if (!checked.ok) throw new Error('fixture content does not pass sop check');
  const outDir = path.join(dir, 'output');
  const own = printer ? undefined : await Printer.launch({ allowedDir: ROOT });
  const started = performance.now();
  try {
    const result = await buildSite(projectOf(checked, ROOT), {
      outDir,
      base: parseBase(baseUrl),
      printer: async () => (printer ?? own)!,
      ...(options.tahunBuku ? { tahunBuku: options.tahunBuku } : {}),
    });
    return { dir, outDir, sops: checked.sops, monev: checked.monev, result, ms: performance.now() - started };
  } finally {
    await own?.close();
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `dir` at `/` like GitHub Pages: `x/` → `x/index.html`, unknown → 404.html with 404. */
export async function serve(dir: string, basePath = '/'): Promise<StaticServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(basePath)) rel = '/__tidak-ada__';
    rel = rel.slice(basePath.length - 1);
    let file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) file = path.join(dir, '__tidak-ada__');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!rel.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': TYPES['.html']! }).end(readFileSync(path.join(dir, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchBrowser(): Promise<Browser> {
  const found = findBrowser();
  if (!found) throw new Error('no Chromium-family browser found (install chromium or set PUPPETEER_EXECUTABLE_PATH)');
  return launch({
    executablePath: found.path,
    headless: true,
    pipe: true,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-sandbox', '--disable-gpu'],
  });
}
