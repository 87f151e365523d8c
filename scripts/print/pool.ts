// The print browser: one Chromium, a pool of reusable pages, no network.
//
// Loading: each page is parked once on a virtual `file:` document inside the project (answered
// by request interception, never written to disk); every print then writes its HTML into that
// document with `setContent` (document.open/write) plus an injected `<base href>`. The document
// keeps its `file:` origin, so fonts and logos under the project load, and this is about twice
// as fast as navigating per print (measured ~25 vs ~60 ms per 2-page A4 document).
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { servedAsset } from '../source/assets.ts';
import { urlPolicy, withBase } from './guard.ts';
import type { UrlPolicy } from './guard.ts';
import { PrerequisiteError } from './browser.ts';
import { EXIT, SopError } from '../errors.ts';
import { launchChromium } from './launch.ts';
import type { LaunchedBrowser, LaunchOptions } from './launch.ts';
import { cssBoxToPdfRect, cssLengthToPx } from './units.ts';
import type { CssBox, PdfRect } from './units.ts';

export interface PrinterOptions extends LaunchOptions {
  /** Project root: only `file:` URLs under it (and `data:` URLs) may load. */
  allowedDir: string;
  /** Further folders whose files may load (where sop-press's own layouts and fonts live). */
  extraDirs?: readonly string[];
  /** Pages printing in parallel. Default: `SOP_POOL_SIZE`, else os.availableParallelism(). */
  poolSize?: number;
  /** Per-step timeout for loading, evaluating and printing one document (ms). */
  pageTimeoutMs?: number;
  /** Run the documents' own scripts. Off by default: SOP pages are static, and a script could make output vary. */
  javaScript?: boolean;
}

export interface PageSetup {
  /** `file:` URL (ending in `/`) that relative URLs in the HTML resolve against; must be under allowedDir. */
  baseUrl: string;
  /** Paper width as printed, e.g. `'210mm'`; sets the viewport so measurements match print. Default A4. */
  width?: string;
  height?: string;
  /** Wider than tall: swaps width/height if they were given portrait. */
  landscape?: boolean;
  /** What is being printed, for messages (e.g. `content/dinas/a.md`). */
  label?: string;
}

export interface PrintOptions extends PageSetup {
  width: string;
  height: string;
  /** Elements whose boxes are returned in PDF points. Default `[data-sig-box]`. */
  boxSelector?: string;
  /** Tagged (accessible) PDF: reading order and structure for screen readers. Default true. */
  tagged?: boolean;
  /** Bookmarks from headings. Default false. */
  outline?: boolean;
}

export interface PrintedBox extends PdfRect {
  /** Value of `data-sig-box` (or the element id). */
  id: string;
  /** 0-based PDF page. */
  page: number;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** Boxes of `boxSelector` elements, PDF points, origin bottom-left of their page. */
  boxes: PrintedBox[];
  /**
   * The PDF as pdf-lib parsed it to place the boxes (when there were any): finishing edits this
   * instead of parsing the same bytes again (a third of pdf-lib's time in a cold build).
   */
  document?: PDFDocument;
  /** Requests refused during this print (anything not local). */
  blocked: string[];
  /** Allowed local files that failed to load (missing font, logo…). */
  missing: string[];
  /** 0-based indices of `.page` elements whose content does not fit them (it is clipped). */
  overflowing: number[];
}

interface Slot {
  page: Page;
  browser: Browser;
  viewport: string;
  broken: boolean;
  /** Fails the current withPage call (renderer crashed). */
  abort?: (error: Error) => void;
  blocked: string[];
  missing: string[];
  /** The head (writtenParts) of the document the last printPdf on this page left, if nothing else was done with the page since. */
  printed?: string;
  /** `printed` as the current withPage call found it: a document with this head may keep the page's document. */
  reusable?: string;
  /** The head of the document #load last wrote. */
  loaded?: string;
}

interface Paper {
  width: string;
  height: string;
  widthPx: number;
  heightPx: number;
}

/**
 * `SOP_POOL_SIZE`: how many pages print at once, for a machine short of memory (each page is a
 * renderer) and for the determinism test, which builds with several sizes.
 */
export function poolSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SOP_POOL_SIZE?.trim();
  if (!raw) return undefined;
  if (!/^[1-9]\d{0,1}$/.test(raw)) {
    throw new PrerequisiteError(`SOP_POOL_SIZE="${raw}" tidak valid.`, 'Isi SOP_POOL_SIZE dengan bilangan bulat 1 sampai 99 (jumlah halaman peramban yang mencetak bersamaan), atau hapus variabel itu.');
  }
  return Number(raw);
}

/**
 * What in a body loads something (or could): such a body is written as a new document, whose
 * `load` event waits for it and whose failures are seen. `url(#id)` (SVG markers) loads nothing.
 */
const LOADS_SOMETHING = /<(?:img|image|picture|source|track|video|audio|iframe|frame|object|embed|link|script|style|use|input|meta|base)\b|\s(?:src|srcset|href|background|poster|data)\s*=|url\(\s*['"]?(?!#)|@import/i;

/**
 * An HTML document as head (everything up to the body's content, its `<title>` emptied), title
 * and body content; undefined when it is not one whose body can simply replace another's.
 */
export function writtenParts(html: string): { head: string; title?: string; body: string } | undefined {
  const open = /<body(?=[\s>])[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf('</body>');
  if (!open || close < open.index) return undefined;
  if (!/^\s*(?:<\/html>\s*)?$/i.test(html.slice(close + '</body>'.length))) return undefined;
  const body = html.slice(open.index + open[0].length, close);
  if (LOADS_SOMETHING.test(body)) return undefined;
  const prefix = html.slice(0, open.index + open[0].length);
  const title = /<title>([\s\S]*?)<\/title>/i.exec(prefix);
  const head = title ? prefix.slice(0, title.index) + '<title></title>' + prefix.slice(title.index + title[0].length) : prefix;
  return { head, ...(title ? { title: title[1]! } : {}), body };
}

/** In the page: the printed document takes another body (and title), keeping its stylesheets and loaded fonts. */
function replaceBody(title: string | undefined, body: string): void {
  const element = document.querySelector('title');
  if (element && title !== undefined) element.innerHTML = title;
  document.body.innerHTML = body;
}

const HOST_NAME = '.sop-press-print.html';
const HOST_HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
const A4 = { width: '210mm', height: '297mm' };

function paperOf(setup: PageSetup): Paper {
  let width = setup.width ?? A4.width;
  let height = setup.height ?? A4.height;
  let widthPx = cssLengthToPx(width);
  let heightPx = cssLengthToPx(height);
  if (setup.landscape && widthPx < heightPx) {
    [width, height, widthPx, heightPx] = [height, width, heightPx, widthPx];
  }
  return { width, height, widthPx, heightPx };
}

/**
 * Runs in the page. A box belongs to the `.page` element containing it (each `.page` is assumed
 * to print as exactly one sheet, with @page margin 0); without one, the document is assumed to be
 * a stack of sheets of `pageHeightPx`, so page i starts at y = i * pageHeightPx.
 */
function measureBoxes(selector: string, pageHeightPx: number): { pages: number; overflowing: number[]; boxes: Array<CssBox & { id: string }> } {
  const pages = Array.from(document.querySelectorAll('.page'));
  // A fixed-size sheet clips what does not fit; the caller must hear about it.
  const overflowing = pages.flatMap((p, i) => (p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1 ? [i] : []));
  const boxes = Array.from(document.querySelectorAll(selector)).map((el) => {
    const r = el.getBoundingClientRect();
    const id = el.getAttribute('data-sig-box') || el.id || '';
    const host = el.closest('.page');
    if (host) {
      const p = host.getBoundingClientRect();
      return { id, page: pages.indexOf(host), left: r.left - p.left, top: r.top - p.top, width: r.width, height: r.height };
    }
    const y = r.top + window.scrollY;
    const page = Math.floor(y / pageHeightPx);
    return { id, page, left: r.left + window.scrollX, top: y - page * pageHeightPx, width: r.width, height: r.height };
  });
  return { pages: pages.length, overflowing, boxes };
}

async function toPdfBoxes(pdf: Uint8Array, measured: ReturnType<typeof measureBoxes>): Promise<{ boxes: PrintedBox[]; document: PDFDocument }> {
  // The PDF page is a hair off the CSS size (Chromium rounds it to device pixels), and content is
  // anchored top-left, so flipping y needs the real MediaBox height.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const count = doc.getPageCount();
  if (measured.pages > 0 && measured.pages !== count) {
    throw new Error(
      `PDF tercetak ${count} halaman, tetapi dokumen berisi ${measured.pages} elemen .page: ` +
        'ada halaman yang isinya meluber, sehingga posisi kotak tanda tangan tidak dapat dipastikan.',
    );
  }
  const boxes = measured.boxes.map(({ id, ...box }) => {
    if (box.page < 0 || box.page >= count) throw new Error(`Kotak "${id}" berada di halaman ${box.page + 1}, di luar PDF (${count} halaman).`);
    const media = doc.getPage(box.page).getMediaBox();
    return { id, page: box.page, ...cssBoxToPdfRect(box, media.y + media.height) };
  });
  return { boxes, document: doc };
}

/** The browser died (or a page's renderer crashed) twice on the same document: exit 1. */
export class BrowserCrashError extends SopError {
  constructor(label: string | undefined, options?: { cause?: unknown }) {
    super(`Browser berhenti mendadak saat ${label ? `mencetak ${label}` : 'mencetak'}, dan sekali lagi setelah dijalankan ulang.`, {
      exitCode: EXIT.invalid,
      hint:
        'Biasanya memori komputer hampir habis atau browser dihentikan program lain: tutup program lain, lalu jalankan lagi. ' +
        'Hasil sebelumnya di output/ tidak diubah. Bila selalu gagal di dokumen yang sama, periksa dokumen itu (mis. tabel yang sangat panjang).',
      cause: options?.cause,
    });
  }
}

/** Waits at most `ms` for `promise`; false if it rejected or took longer. */
async function answers(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise.then(() => true, () => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export class Printer {
  readonly allowedDir: string;
  readonly poolSize: number;
  readonly #options: PrinterOptions;
  readonly #allowed: UrlPolicy;
  readonly #hostUrl: string;
  readonly #timeout: number;
  #launched: LaunchedBrowser;
  #relaunch: Promise<LaunchedBrowser> | undefined;
  #lost = false;
  #idle: Slot[] = [];
  #permits: number;
  #queue: Array<() => void> = [];
  #blocked: string[] = [];
  #closing: Promise<void> | undefined;
  #slots = new WeakMap<Page, Slot>();
  /** Errors of withPage calls whose page or browser died under them: worth one more try. */
  #crashes = new WeakSet<object>();

  private constructor(options: PrinterOptions, launched: LaunchedBrowser) {
    this.#options = options;
    this.allowedDir = path.resolve(options.allowedDir);
    this.poolSize = Math.max(1, Math.floor(options.poolSize ?? os.availableParallelism()));
    this.#permits = this.poolSize;
    this.#allowed = urlPolicy([this.allowedDir, ...(options.extraDirs ?? [])]);
    this.#hostUrl = pathToFileURL(path.join(this.allowedDir, HOST_NAME)).href;
    this.#timeout = options.pageTimeoutMs ?? 60_000;
    this.#launched = launched;
    this.#watch(launched);
  }

  /** Starts the browser; throws PrerequisiteError (with install instructions) if there is none. */
  static async launch(options: PrinterOptions): Promise<Printer> {
    const poolSize = options.poolSize ?? poolSizeFromEnv(); // a bad value fails before the browser starts
    return new Printer(poolSize === undefined ? options : { ...options, poolSize }, await launchChromium(options));
  }

  /** Which executable is printing, and how it was found. */
  get executable(): LaunchedBrowser['executable'] {
    return this.#launched.executable;
  }

  /** Every URL refused since launch, in order. */
  get blockedRequests(): readonly string[] {
    return [...this.#blocked];
  }

  /**
   * Lends a pool page to `fn`, for at most pageTimeoutMs. The page is replaced afterwards if it
   * crashed, timed out or `fn` threw, since a failed load or print can leave it mid-navigation.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const slot = await this.#acquire();
    // Only a printPdf right after a printPdf may keep the document: anything else may have changed it.
    slot.reusable = slot.printed;
    slot.printed = undefined;
    let healthy = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Per call, not per page: a long-lived promise in Promise.race would keep every result alive.
    const aborted = new Promise<never>((_, reject) => {
      slot.abort = reject;
      timer = setTimeout(() => reject(new Error(`Halaman browser tidak selesai dalam ${this.#timeout / 1000} detik.`)), this.#timeout);
    });
    try {
      // A crashed renderer never answers again: without the race, fn would hang until the deadline.
      const result = await Promise.race([fn(slot.page), aborted]);
      healthy = !slot.broken;
      return result;
    } catch (error) {
      if (error instanceof Object && (await this.#died(slot.browser, slot))) this.#crashes.add(error);
      throw error;
    } finally {
      clearTimeout(timer);
      slot.abort = undefined;
      this.#release(slot, healthy);
    }
  }

  /**
   * withPage for work that can simply be done again: if the browser dies under it (killed, out of
   * memory) or the page's renderer crashes, once more on a fresh page, in a relaunched browser if
   * need be; a second death gives BrowserCrashError.
   */
  async #again<T>(label: string | undefined, fn: (page: Page) => Promise<T>): Promise<T> {
    try {
      return await this.withPage(fn);
    } catch (error) {
      if (!this.#crashes.has(error as object)) throw error;
    }
    try {
      return await this.withPage(fn);
    } catch (error) {
      if (this.#crashes.has(error as object)) throw new BrowserCrashError(label, { cause: error });
      throw error;
    }
  }

  /**
   * After a failure in withPage: did the page or the browser die? The error can arrive before the
   * browser's disconnect does, so a browser that does not answer a trivial call is given up too.
   */
  async #died(browser: Browser, slot?: Slot): Promise<boolean> {
    if (this.#closing) return false;
    if (slot?.broken || !browser.connected) return true;
    if (await answers(browser.version(), 2000)) return slot?.page.isClosed() ?? false;
    if (browser === this.#launched.browser) this.#lost = true;
    return true;
  }

  /** Loads `html` as it will print (print media, paper-sized viewport, fonts ready) and runs `fn` in it. */
  async evaluate<A extends unknown[], R>(html: string, setup: PageSetup | string, fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    const page = typeof setup === 'string' ? { baseUrl: setup } : setup;
    return this.#again(page.label, async (p): Promise<Awaited<R>> => {
      await this.#load(p, html, page.baseUrl, paperOf(page));
      const result: unknown = await p.evaluate(fn as (...a: unknown[]) => unknown, ...args);
      return result as Awaited<R>;
    });
  }

  async printPdf(html: string, options: PrintOptions): Promise<PrintResult> {
    const paper = paperOf(options);
    return this.#again(options.label, async (page) => {
      const slot = this.#slotOf(page);
      await this.#load(page, html, options.baseUrl, paper);
      const measured = await page.evaluate(measureBoxes, options.boxSelector ?? '[data-sig-box]', paper.heightPx);
      const pdf = await page.pdf({
        printBackground: true,
        // The layout's @page size wins; width/height only apply if the HTML sets none.
        preferCSSPageSize: true,
        width: paper.width,
        height: paper.height,
        margin: { top: 0, right: 0, bottom: 0, left: 0 },
        tagged: options.tagged ?? true,
        outline: options.outline ?? false,
        waitForFonts: false, // already awaited in #load, before measuring
        timeout: this.#timeout,
      });
      const placed = measured.boxes.length ? await toPdfBoxes(pdf, measured) : { boxes: [] };
      if (slot) slot.printed = slot.loaded;
      return { pdf, ...placed, overflowing: measured.overflowing, blocked: [...(slot?.blocked ?? [])], missing: [...(slot?.missing ?? [])] };
    });
  }

  /** Closes the browser and removes its temporary profile. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      for (const wake of this.#queue.splice(0)) wake(); // waiters see #closing and throw
      this.#idle = [];
      const relaunching = this.#relaunch;
      await this.#launched.close();
      if (relaunching) await relaunching.then((l) => l.close(), () => undefined);
    })();
    return this.#closing;
  }

  #slotOf(page: Page): Slot | undefined {
    return this.#slots.get(page);
  }

  #assertOpen(): void {
    if (this.#closing) throw new Error('Printer sudah ditutup.');
  }

  #watch(launched: LaunchedBrowser): void {
    launched.browser.on('disconnected', () => {
      if (!this.#closing && launched === this.#launched) this.#lost = true;
    });
  }

  /** The live browser; relaunches once if the previous one died (out of memory, killed). */
  async #browser(): Promise<Browser> {
    if (!this.#lost) return this.#launched.browser;
    this.#relaunch ??= (async () => {
      const dead = this.#launched;
      this.#idle = [];
      await dead.close();
      const fresh = await launchChromium(this.#options);
      this.#launched = fresh;
      this.#lost = false;
      this.#watch(fresh);
      return fresh;
    })().finally(() => {
      this.#relaunch = undefined;
    });
    return (await this.#relaunch).browser;
  }

  async #acquire(): Promise<Slot> {
    this.#assertOpen();
    if (this.#permits > 0) this.#permits--;
    else await new Promise<void>((resolve) => this.#queue.push(resolve));
    let browser: Browser | undefined;
    try {
      this.#assertOpen();
      browser = await this.#browser();
      let slot: Slot | undefined;
      while ((slot = this.#idle.pop())) {
        if (slot.browser === browser && !slot.broken && !slot.page.isClosed()) return slot;
        void slot.page.close().catch(() => undefined);
      }
      return await this.#createSlot(browser);
    } catch (error) {
      this.#releasePermit();
      // Opening a page in a browser that was just killed: as much a crash as dying mid-print.
      if (browser && error instanceof Object && (await this.#died(browser))) this.#crashes.add(error);
      throw error;
    }
  }

  #release(slot: Slot, healthy: boolean): void {
    if (healthy && !this.#closing && slot.browser === this.#launched.browser) this.#idle.push(slot);
    else void slot.page.close().catch(() => undefined);
    this.#releasePermit();
  }

  #releasePermit(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#permits++;
  }

  async #createSlot(browser: Browser): Promise<Slot> {
    const page = await browser.newPage();
    const slot: Slot = { page, browser, viewport: '', broken: false, blocked: [], missing: [] };
    this.#slots.set(page, slot);
    page.setDefaultTimeout(this.#timeout);
    page.on('error', (error) => {
      slot.broken = true; // renderer crashed
      slot.abort?.(new Error(`Halaman browser mogok saat mencetak: ${error.message}`));
    });
    page.on('request', (request) => this.#route(slot, request));
    page.on('requestfailed', (request) => {
      const url = request.url();
      if (this.#allowed(url) && url !== this.#hostUrl) slot.missing.push(url);
    });
    await page.setRequestInterception(true);
    await page.setJavaScriptEnabled(this.#options.javaScript ?? false);
    await page.emulateMediaType('print');
    await page.goto(this.#hostUrl, { waitUntil: 'load' });
    return slot;
  }

  #route(slot: Slot, request: HTTPRequest): void {
    const url = request.url();
    const done = (p: Promise<void>) => void p.catch(() => undefined); // page may be closing
    // A checked asset (logo) under the project: its checked bytes, never its file (source/assets.ts).
    const asset = url !== this.#hostUrl && this.#allowed(url) ? servedAsset(url) : undefined;
    if (url === this.#hostUrl) {
      done(request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: HOST_HTML }));
    } else if (asset) {
      done(request.respond({ status: 200, contentType: asset.mime, body: Buffer.from(asset.bytes) }));
    } else if (this.#allowed(url)) {
      done(request.continue());
    } else {
      this.#blocked.push(url);
      slot.blocked.push(url);
      done(request.abort('blockedbyclient'));
    }
  }

  async #load(page: Page, html: string, baseUrl: string, paper: Paper): Promise<void> {
    if (!baseUrl.startsWith('file:') || !this.#allowed(baseUrl)) {
      throw new Error(`baseUrl ${baseUrl} harus berupa URL file: di dalam folder proyek ${this.allowedDir}.`);
    }
    const slot = this.#slotOf(page);
    if (slot) {
      slot.blocked = [];
      slot.missing = [];
    }
    const viewport = { width: Math.round(paper.widthPx), height: Math.round(paper.heightPx), deviceScaleFactor: 1 };
    const key = `${viewport.width}x${viewport.height}`;
    const written = withBase(html, baseUrl);
    const parts = this.#options.javaScript ? undefined : writtenParts(written);
    const reuse = slot?.viewport === key && parts?.head === slot.reusable && page.url() === this.#hostUrl ? parts : undefined;
    if (slot) slot.loaded = undefined;
    if (slot?.viewport !== key) {
      await page.setViewport(viewport);
      if (slot) slot.viewport = key;
    }
    if (reuse) {
      // The same stylesheets and fonts as the document printed last (the SOPs of a build): writing
      // only the body saves parsing the styles and starting a document (measured ~25 % of a print),
      // and gives the same PDF bytes.
      await page.evaluate(replaceBody, reuse.title, reuse.body);
    } else {
      // withPage callers may have navigated away; the HTML must be written into the file: host.
      if (page.url() !== this.#hostUrl) await page.goto(this.#hostUrl, { waitUntil: 'load' });
      await page.setContent(written, { waitUntil: 'load', timeout: this.#timeout });
    }
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (slot) slot.loaded = parts?.head;
  }
}
