// `sop pratinjau`: a local server (127.0.0.1 only) that shows each SOP exactly as it prints —
// the very HTML given to Chromium for the PDF — the site pages, and the PDF on demand. Saving a
// source re-checks the content; pages whose source changed reload through server-sent events;
// a source with errors shows its `sop check` findings in place of the document.
import { existsSync, readFileSync, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDirs } from '../print/package-dirs.ts';
import { runCheckAgain } from '../validate/run.ts';
import type { CheckCache } from '../validate/check-cache.ts';
import { collect, type Diagnostic } from '../diagnostics/report.ts';
import { layoutFiles, PACKAGE_LAYOUTS } from '../layouts/files.ts';
import { CONTENT_DIR, projectBaseUrl, projectDirs } from '../model/paths.ts';
import type { Sop } from '../model/sop.ts';
import { withProjectLock } from '../output/lock.ts';
import { buildPdfs } from '../pdf/build-pdfs.ts';
import { sharedInputsHash, sopInputsHash } from '../pdf/inputs.ts';
import { printHtmls } from '../pdf/print-html.ts';
import { urlPolicy } from '../print/guard.ts';
import type { Printer } from '../print/pool.ts';
import { loadLayouts } from '../render/document.ts';
import { buildSite } from '../site/build-site.ts';
import { csp as siteCsp } from '../site/pages.ts';
import { parseBase } from '../site/urls.ts';
import { projectOf, todayIso, type CheckResult } from '../validate/check-stages.ts';
import { periodeLabel, periodeOf } from '../model/monev.ts';
import { monevHtml } from '../monev/print.ts';
import { loadAsset, SERVED_DIR } from '../source/assets.ts';
import { COMMON_HEADERS, documentCsp, FILE_CSP, fromElsewhere, newNonce, servable } from './guard.ts';
import { CLIENT_JS, CLIENT_SCRIPT, diagnosticsPage, indexPage, withClient, type ListedSop } from './pages.ts';

export interface PreviewOptions {
  root: string;
  /** 0: any free port. */
  port: number;
  printer: () => Promise<Printer>;
  /** One line per rebuild, for the terminal. */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  close: () => Promise<void>;
}

/** Content types of what a built site holds (the preview and the bench's static server serve the same files). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** `content/dinas/x.md` → `/sop/dinas/x`, each part percent-encoded (names with `#`, `%`, `?`). */
const hrefOf = (rel: string) => `/sop/${rel.slice(CONTENT_DIR.length + 1).replace(/\.md$/, '').split('/').map(encodeURIComponent).join('/')}`;

/** A book page (`<instansi>/buku/*.md` beside an instansi.yml): not an SOP to list. */
const isBookPage = (rel: string, files: ReadonlySet<string>) => {
  const m = /^(.*)\/buku\/[^/]+\.md$/.exec(rel);
  return m !== null && (files.has(`${m[1]}/instansi.yml`) || files.has(`${m[1]}/instansi.yaml`));
};

/** Where the preview serves a logo: its checked bytes (source/assets.ts), never its file. */
const ASSET_ROUTE = '/_aset/';

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { root } = options;
  const log = options.log ?? (() => {});
  const dirs = projectDirs(root);
  const siteOut = path.join(dirs.output, '.pratinjau');
  const allowed = urlPolicy([root, ...packageDirs()]);
  const realDirs = [root, ...packageDirs()].map((d) => realpathSync(d));
  const nonce = newNonce();
  /** Files (absolute paths) the documents shown reference: the only ones /_berkas/ serves. */
  const referenced = new Set<string>();
  /** file: URLs of the printed HTML (fonts) → /_berkas/; logos → their checked bytes at /_aset/. */
  const servedUrls = (html: string) =>
    html
      .replace(/file:\/\/(\/[^"')\s]*)/g, (_, file: string) => {
        referenced.add(decodeURIComponent(file));
        return `/_berkas${file}`;
      })
      .replaceAll(`"${SERVED_DIR}/`, `"${ASSET_ROUTE}`);

  let check: CheckResult;
  let diagnostics: Diagnostic[] = [];
  let shared = '';
  /** Per source file: what its page shows; a change of key = reload that page. */
  let keys = new Map<string, string>();
  const rendered = new Map<string, { key: string; html: Promise<string> }>();
  let siteBuilt: Promise<void> | undefined;
  let siteDirty = true;

  let checked: CheckCache | undefined;
  const refresh = async (layoutsChanged: boolean): Promise<string[]> => {
    ({ result: check, cache: checked } = await runCheckAgain(root, checked));
    diagnostics = collect(check.files);
    if (layoutsChanged || !shared) shared = sharedInputsHash(layoutFiles(root));
    const next = new Map<string, string>();
    const bySop = new Map(check.sops.map((s) => [s.path, s]));
    const paths = new Set(check.files.map((f) => f.path));
    for (const f of check.files) {
      const rel = f.path;
      if (!rel.endsWith('.md') || isBookPage(rel, paths)) continue;
      const sop = bySop.get(rel);
      next.set(rel, sop ? sopInputsHash(sop, shared, root) : JSON.stringify(diagnostics.filter((d) => d.file === rel)));
    }
    const changed = layoutsChanged ? ['*'] : [...new Set([...next.keys(), ...keys.keys()])].filter((k) => next.get(k) !== keys.get(k));
    // Any change of an instansi.yml (or a file added or removed) changes the list: reload it.
    if (changed.length || JSON.stringify(diagnostics) !== lastDiagnostics) changed.push('*list');
    lastDiagnostics = JSON.stringify(diagnostics);
    keys = next;
    siteDirty = true;
    return changed;
  };
  let lastDiagnostics = '';
  await refresh(true);

  async function documentHtml(sop: Sop): Promise<string> {
    const key = keys.get(sop.path)!;
    const hit = rendered.get(sop.path);
    if (hit?.key === key) return hit.html;
    const html = (async () => {
      const started = performance.now();
      const printer = await options.printer();
      const layouts = loadLayouts(layoutFiles(root));
      const out = (await printHtmls(printer, layouts, [sop], projectBaseUrl(root))).get(sop.id)!;
      log(`${sop.path}: diukur dan disusun dalam ${Math.round(performance.now() - started)} md.`);
      return out;
    })();
    rendered.set(sop.path, { key, html });
    html.catch(() => rendered.delete(sop.path));
    return html;
  }

  function ensureSite(): Promise<void> {
    if (siteBuilt && !siteDirty) return siteBuilt;
    siteDirty = false;
    const project = projectOf(check, root);
    // Builds hold the project's lock like sop build and sop site (output/lock.ts).
    siteBuilt = withProjectLock(root, 'sop pratinjau', () => buildSite(project, { outDir: siteOut, base: parseBase('/situs/'), printer: options.printer })).then(() => undefined);
    siteBuilt.catch(() => (siteDirty = true));
    return siteBuilt;
  }

  // Server-sent events: one open response per page showing.
  const clients = new Set<http.ServerResponse>();
  const broadcast = (changed: string[]) => {
    for (const res of clients) res.write(`event: ubah\ndata: ${JSON.stringify(changed)}\n\n`);
  };

  // Every HTML page gets a CSP: the preview's own and the documents' as strict as printing
  // (only the reload client, marked with this run's nonce, runs); the site's pages their own.
  const withNonce = (html: string) => html.replaceAll(`<script src="${CLIENT_SCRIPT}"`, `<script nonce="${nonce}" src="${CLIENT_SCRIPT}"`);
  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store', policy = documentCsp(nonce)) => {
    const html = type.startsWith('text/html');
    // A PDF (built here) gets none: a sandbox would keep the browser's PDF viewer from showing it.
    const csp = html ? { 'content-security-policy': policy } : type === CONTENT_TYPES['.pdf'] ? {} : { 'content-security-policy': FILE_CSP };
    res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, 'cache-control': cache, ...csp });
    res.end(html && typeof body === 'string' ? withNonce(body) : body);
  };
  const sendFile = (res: http.ServerResponse, file: string, transform?: (html: string) => string, cache?: string, policy?: string) => {
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (transform && type.startsWith('text/html')) send(res, 200, type, transform(readFileSync(file, 'utf8')), undefined, policy);
    else send(res, 200, type, readFileSync(file), cache, policy);
  };
  const notFound = (res: http.ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'Tidak ditemukan.\n');

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let p: string;
    try {
      p = decodeURIComponent(url.pathname);
    } catch {
      return notFound(res); // `%` not followed by two hex digits: no such page
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Hanya GET.\n');
    // Only this computer's own addresses: a web page elsewhere cannot reach the content through
    // a DNS name it points at 127.0.0.1 (DNS rebinding).
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(req.headers.host ?? '')) return send(res, 403, 'text/plain; charset=utf-8', 'Ditolak.\n');
    // Another site's page may link to the list, nothing else: no build, no file, no document.
    if (p !== '/' && fromElsewhere(req)) return send(res, 403, 'text/plain; charset=utf-8', 'Ditolak: permintaan dari situs lain.\n');
    if (p === '/') return send(res, 200, CONTENT_TYPES['.html']!, indexPage(listed(), summary(), monevLinks()));
    // The monitoring forms of this semester and the report of this year, live (sop monev prints them).
    const monev = /^\/monev\/([^/]+)\/(formulir|laporan)$/.exec(p);
    if (monev) {
      const today = todayIso();
      const html = monevHtml(projectOf(check, root), monev[1]!, monev[2] === 'formulir' ? { periode: periodeOf(today) } : { tahun: Number(today.slice(0, 4)) });
      return html ? send(res, 200, CONTENT_TYPES['.html']!, withClient(servedUrls(html), '*')) : notFound(res);
    }
    if (p === CLIENT_SCRIPT) return send(res, 200, CONTENT_TYPES['.js']!, CLIENT_JS);
    if (p === '/_pratinjau/peristiwa') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': tersambung\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (p.startsWith('/_berkas/')) {
      const file = p.slice('/_berkas'.length);
      if (!referenced.has(file) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
      const real = realpathSync(file);
      if (!allowed(pathToFileURL(real).href) || !servable(real, realDirs)) return notFound(res);
      // Fonts and logos: a reload on every save must not fetch them again (a logo's name stays,
      // its bytes may change: revalidated after a minute).
      return sendFile(res, file, undefined, 'max-age=60');
    }
    if (p.startsWith(ASSET_ROUTE)) {
      // Only an instansi's logo, as the check read it (an SVG rebuilt without script or links).
      const rel = p.slice(ASSET_ROUTE.length);
      const instansi = check.sops.map((s) => s.instansi).find((i) => i.logo === rel);
      if (!instansi) return notFound(res);
      const logo = loadAsset(root, rel);
      return send(res, 200, logo.mime, Buffer.from(logo.bytes), 'max-age=60');
    }
    if (p.startsWith('/sop/')) {
      const pdf = p.endsWith('.pdf');
      const rel = `${CONTENT_DIR}/${p.slice('/sop/'.length).replace(/\.pdf$/, '')}.md`;
      if (!keys.has(rel)) return notFound(res);
      const sop = check.sops.find((s) => s.path === rel);
      if (!sop) return send(res, 200, CONTENT_TYPES['.html']!, diagnosticsPage(rel, rel, blocking(rel)));
      if (pdf) {
        const [built] = await withProjectLock(root, 'sop pratinjau', () => buildPdfs([sop], { root, printer: options.printer }));
        return sendFile(res, built!.pdf);
      }
      return send(res, 200, CONTENT_TYPES['.html']!, withClient(servedUrls(await documentHtml(sop)), rel));
    }
    if (p === '/situs') {
      res.writeHead(302, { location: '/situs/' }).end();
      return;
    }
    if (p.startsWith('/situs/')) {
      await ensureSite();
      const siteDir = path.join(siteOut, 'site');
      let file = path.join(siteDir, p.slice('/situs/'.length));
      if (!path.relative(siteDir, file).startsWith('..') && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (path.relative(siteDir, file).startsWith('..') || !existsSync(file)) return notFound(res);
      return sendFile(res, file, (html) => withClient(html, '*'), undefined, siteCsp(true));
    }
    return notFound(res);
  }

  /** What keeps an SOP from printing: its own errors, else those of its instansi.yml. */
  function blocking(rel: string): Diagnostic[] {
    const own = diagnostics.filter((d) => d.file === rel);
    if (own.some((d) => d.severity === 'galat')) return own;
    const dirs = rel.split('/').slice(0, -1);
    const above = diagnostics.filter((d) => d.severity === 'galat' && /\/instansi\.ya?ml$/.test(d.file) && `${dirs.join('/')}/`.startsWith(`${path.posix.dirname(d.file)}/`));
    return [...own, ...above];
  }

  function listed(): ListedSop[] {
    const bySop = new Map(check.sops.map((s) => [s.path, s]));
    return [...keys.keys()].sort().map((rel) => {
      const own = diagnostics.filter((d) => d.file === rel);
      const sop = bySop.get(rel);
      return {
        path: rel,
        href: hrefOf(rel),
        ...(sop ? { nama: sop.nama, nomor: sop.nomor } : {}),
        errors: sop ? 0 : Math.max(1, own.filter((d) => d.severity === 'galat').length),
        warnings: own.filter((d) => d.severity === 'peringatan').length,
      };
    });
  }

  function monevLinks(): Array<{ instansi: string; links: Array<{ label: string; href: string }> }> {
    const today = todayIso();
    const ids = [...new Map(check.sops.map((s) => [s.instansi.id, s.instansi.nama])).entries()].sort();
    return ids.map(([id, nama]) => ({
      instansi: nama,
      links: [
        { label: `formulir ${periodeLabel(periodeOf(today))}`, href: `/monev/${id}/formulir` },
        { label: `laporan tahun ${today.slice(0, 4)}`, href: `/monev/${id}/laporan` },
      ],
    }));
  }

  const summary = () => {
    const errors = diagnostics.filter((d) => d.severity === 'galat').length;
    return `${check.files.length} berkas diperiksa: ${errors} galat, ${diagnostics.length - errors} peringatan.`;
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      log(`Galat: ${message}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Galat: ${message}\n`);
      else res.end();
    });
  });

  // Saving a file often fires several events (write, rename, chmod): act once per burst.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let layoutsChanged = false;
  const onChange = (fromLayouts: boolean) => {
    layoutsChanged ||= fromLayouts;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const started = performance.now();
      const changed = await refresh(layoutsChanged);
      layoutsChanged = false;
      // Start printing the documents open in a browser now, not when the reload asks for them.
      for (const sop of check.sops) if (rendered.has(sop.path) && rendered.get(sop.path)!.key !== keys.get(sop.path)) void documentHtml(sop).catch(() => {});
      broadcast(changed);
      const errors = diagnostics.filter((d) => d.severity === 'galat').length;
      log(`Diperiksa ulang dalam ${Math.round(performance.now() - started)} md: ${errors} galat; ${changed.filter((c) => !c.startsWith('*')).join(', ') || 'daftar'} diperbarui.`);
    }, 30);
  };
  const watchers: FSWatcher[] = [];
  const watchDir = (dir: string, fromLayouts: boolean): boolean => {
    if (!existsSync(dir)) return false;
    watchers.push(watch(dir, { recursive: true }, () => onChange(fromLayouts)));
    return true;
  };
  watchDir(dirs.content, false);
  // The office's layouts/ may be created while the preview runs: the root is watched (not
  // recursively) until it appears, then layouts/ itself.
  if (!watchDir(dirs.layouts, true)) {
    const rootWatcher = watch(root, (_event, name) => {
      if (String(name) !== path.basename(dirs.layouts) || !watchDir(dirs.layouts, true)) return;
      rootWatcher.close();
      onChange(true);
    });
    watchers.push(rootWatcher);
  }
  if (path.resolve(dirs.layouts) !== path.resolve(PACKAGE_LAYOUTS)) watchDir(PACKAGE_LAYOUTS, true);

  const stopWatching = () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    // A busy port: nothing may keep the process alive after the caller reports it.
    stopWatching();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      stopWatching();
      for (const res of clients) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
