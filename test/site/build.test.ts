// The built site as files: what is (and is not) published, the security rules every page
// follows, byte-identical rebuilds, --base-url, and the previous site surviving a failed build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutFiles } from '../../scripts/layouts/files.ts';
import { sopPrintHtml } from '../../scripts/pdf/print-html.ts';
import { planProcedure } from '../../scripts/plan/procedure.ts';
import { sopView } from '../../scripts/view/sop-view.ts';
import { Printer } from '../../scripts/print/pool.ts';
import { loadLayouts } from '../../scripts/render/document.ts';
import { buildSite } from '../../scripts/site/build-site.ts';
import { parseBase } from '../../scripts/site/urls.ts';
import { buildTestSite, ROOT, type TestSite } from './helpers.ts';
import { HOSTILE } from './fixtures.ts';
import { collect } from '../../scripts/federation/collect.ts';
import { parseKatalog } from '../../scripts/federation/contract.ts';
import { gabunganModel } from '../../scripts/federation/model.ts';
import type { Katalog } from '../../scripts/site/catalogue.ts';

let printer: Printer;
let site: TestSite;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

const html = (rel: string) => readFileSync(path.join(site.result.dir, rel), 'utf8');
const htmlPages = () => listFiles(site.result.dir).filter((f) => f.endsWith('.html'));

beforeAll(async () => {
  printer = await Printer.launch({ allowedDir: ROOT });
  site = await buildTestSite({ printer, tahunBuku: 2025 });
});

afterAll(async () => {
  await printer?.close();
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe('sop site: search snippets', () => {
  /** Text Pagefind keeps for each page (fragments are gzip'd JSON behind a short signature). */
  const fragments = () =>
    listFiles(path.join(site.result.dir, 'pagefind/fragment')).map((f) => {
      const raw = gunzipSync(readFileSync(path.join(site.result.dir, 'pagefind/fragment', f)));
      return JSON.parse(raw.subarray(raw.indexOf(0x7b)).toString('utf8')) as { url: string; content: string; meta: Record<string, string> };
    });

  it('keeps the fields of a page apart: no number run into the status, no cell run into the next', () => {
    const all = fragments();
    expect(all.length).toBe(site.result.indexed);
    for (const sop of site.sops.filter((s) => s.status !== 'draf')) {
      const f = all.find((x) => x.meta.nomor === sop.nomor);
      if (!f) continue;
      expect(f.content, sop.nomor).not.toMatch(new RegExp(`${sop.nomor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(Berlaku|Digantikan|Dicabut)`));
      expect(f.meta.status).toMatch(/^(Berlaku|Digantikan|Dicabut)$/);
      expect(f.meta.instansi?.startsWith(sop.instansi.nama)).toBe(true);
      // The hostile fixture cell holds markup the index keeps as text, escaped: judged by the other rows.
      for (const step of sop.steps.filter((s) => s.kelengkapan && s.output && !s.kelengkapan.includes('<'))) {
        // Cells of a row are separated ("Formulir kinerja. 1 Jam. Formulir …"), never glued.
        expect(f.content, `${sop.nomor} langkah ${step.no}`).toContain(`${step.kelengkapan}. ${step.waktu.text}. ${step.output}`);
      }
    }
  });
});

describe('sop site: what is published', () => {
  it('writes every page, the PDFs, books, catalogue.json, sitemap.xml and the search index', () => {
    const files = listFiles(site.result.dir);
    for (const f of [
      'index.html',
      '404.html',
      'cari/index.html',
      'katalog/index.html',
      'katalog/diskominfo-pessel/index.html',
      'katalog/diskominfo-pessel/bidang-informasi-komunikasi-publik/index.html',
      'katalog/status/berlaku/index.html',
      'katalog/status/digantikan/index.html',
      'katalog/status/dicabut/index.html',
      'katalog/tahun/2025/index.html',
      'sop/diskominfo-pessel/permohonan-informasi-publik/index.html',
      'sop/diskominfo-pessel/permohonan-informasi-publik/prosedur.css',
      'pdf/diskominfo-pessel/permohonan-informasi-publik.pdf',
      'pdf/diskominfo-pessel/permohonan-informasi-publik-2021.pdf',
      'pdf/diskominfo-pessel/penyebaran-informasi-manual.pdf',
      'buku/diskominfo-pessel-2025.pdf',
      'buku/dkukmtk-balangan-2025.pdf',
      'catalogue.json',
      'sitemap.xml',
      'pagefind/pagefind.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.id.pagefind',
      'assets/situs.css',
      'assets/katalog.js',
      'assets/cari.js',
      'assets/font/arimo-latin-400-normal.woff2',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(site.result.indexed).toBe(7);
    // The signing manifests are for the signing office, never published.
    expect(files.filter((f) => f.endsWith('.ttd.json'))).toEqual([]);
    for (const f of files.filter((x) => /\.(html|json|xml)$/.test(x))) expect(readFileSync(path.join(site.result.dir, f), 'utf8'), f).not.toContain('.ttd.json');
  });

  it('never publishes a draft: no page, no PDF, no mention anywhere', () => {
    const draft = site.sops.find((s) => s.status === 'draf')!;
    const files = listFiles(site.result.dir);
    expect(files.some((f) => f.includes(draft.slug))).toBe(false);
    for (const f of files.filter((f) => /\.(html|json|xml|css|js)$/.test(f))) {
      const text = readFileSync(path.join(site.result.dir, f), 'utf8');
      expect(text.toLowerCase(), f).not.toContain('zirkonium');
      expect(text, f).not.toContain(draft.nomor);
    }
    // The draft was still printed by the PDF build (output/pdf), just not copied.
    expect(existsSync(path.join(site.outDir, 'pdf', draft.instansi.id, `${draft.slug}.pdf`))).toBe(true);
  });

  it('every page: Indonesian, a strict Content-Security-Policy, no inline script, style or handler', () => {
    const pages = htmlPages();
    expect(pages.length).toBe(site.result.pages);
    for (const f of pages) {
      const text = html(f);
      expect(text, f).toMatch(/^<!DOCTYPE html>\n<html lang="id"/);
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(text)?.[1] ?? '';
      expect(policy, f).toContain("default-src 'none'");
      expect(policy, f).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?;/);
      expect(policy, f).toContain("style-src 'self';");
      expect(policy, f).not.toContain('unsafe-inline');
      for (const script of text.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
        expect(script, f).toMatch(/^<script src="[^"]+" defer><\/script>$/);
      }
      expect(text, f).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
      expect(text, f).not.toMatch(/(?:src|href)="(?:https?:)?\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
  });

  it('escapes what officers wrote: hostile text shows as text, never as markup', () => {
    const text = html('sop/diskominfo-pessel/permohonan-informasi-publik/index.html');
    expect(text).not.toContain('<script>window.__pwned');
    expect(text).not.toContain('<img src=x');
    // In a table cell and in riwayat the text is kept, escaped; in prose raw HTML is dropped.
    expect(text).toContain('&lt;script&gt;window.__pwned &#x3D; 1&lt;/script&gt;');
    expect(text).toContain('Tautan berbahaya');
    expect(text).not.toContain('javascript:');
    expect(HOSTILE).toContain('<script>');
  });

  it('marks replaced and withdrawn SOPs and links to the one in force', () => {
    const old = html('sop/diskominfo-pessel/permohonan-informasi-publik-2021/index.html');
    expect(old).toContain('SOP ini sudah digantikan');
    expect(old).toMatch(/Yang berlaku sekarang: <a href="\/sop\/diskominfo-pessel\/permohonan-informasi-publik\/">/);
    const gone = html('sop/diskominfo-pessel/penyebaran-informasi-manual/index.html');
    expect(gone).toContain('SOP ini sudah dicabut');
    expect(gone).toContain('href="/katalog/diskominfo-pessel/"');
    const now = html('sop/diskominfo-pessel/permohonan-informasi-publik/index.html');
    expect(now).toMatch(/Menggantikan<\/dt><dd><a href="\/sop\/diskominfo-pessel\/permohonan-informasi-publik-2021\/">/);
    expect(now).toContain('href="/sop/diskominfo-pessel/pemantauan-capaian-kinerja-internal/"');
    expect(now).toContain('SOP Pengelolaan Keberatan Informasi <span class="redup" data-pagefind-ignore>(belum ada di katalog)</span>');
  });

  it('the procedure stylesheet carries the PDF measurement: column widths and each row height', () => {
    const built = site.result.pdfs.find((b) => b.sop.slug === 'permohonan-informasi-publik')!;
    const css = readFileSync(path.join(site.result.dir, 'sop/diskominfo-pessel/permohonan-informasi-publik/prosedur.css'), 'utf8');
    // As the PDF prints them: measured, and at least as tall as the flowchart needs.
    planProcedure(sopView(built.sop), built.sop.steps, built.measurement).rowHeights.forEach((h, i) => {
      expect(h).toBeGreaterThanOrEqual(built.measurement.rowHeights[i]!);
      expect(css).toContain(`#langkah-${i + 1}{height:${Math.round(h * 100) / 100}px}`);
    });
    expect(css).toContain(`.proc .flow{top:${Math.round(built.measurement.flowTop * 100) / 100}px;`);
  });

  it('draws exactly the flowcharts the PDF was printed with: the same pages, byte-identical SVG', () => {
    const layouts = loadLayouts(layoutFiles(ROOT));
    let pages = 0;
    for (const s of site.result.model.sops) {
      const built = site.result.pdfs.find((b) => b.sop.id === s.sop.id)!;
      // What the printer received for the PDF, and what the site page shows.
      const printed = sopPrintHtml(layouts, s.sop, built.measurement).html;
      const svgs = (text: string) => [...text.matchAll(/<div class="flow"[^>]*>(<svg[\s\S]*?<\/svg>)<\/div>/g)].map((m) => m[1]);
      const inPdf = svgs(printed);
      expect(inPdf.length, s.sop.path).toBeGreaterThan(0);
      expect(svgs(html(`${s.url}index.html`)), s.sop.path).toEqual(inPdf);
      pages = Math.max(pages, inPdf.length);
    }
    // The sample content holds an SOP whose procedure runs over two pages.
    expect(pages).toBeGreaterThan(1);
  });

  it('sitemap.xml lists every page but 404; catalogue.json every public SOP', () => {
    const xml = readFileSync(path.join(site.result.dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBe(site.result.pages - 1);
    expect(locs).toContain('/sop/diskominfo-pessel/permohonan-informasi-publik/');
    const data = JSON.parse(readFileSync(path.join(site.result.dir, 'catalogue.json'), 'utf8')) as { sop: Array<{ nomor: string; pdf: string }> };
    expect(data.sop.length).toBe(7);
    for (const s of data.sop) expect(existsSync(path.join(site.result.dir, s.pdf.slice(1))), s.pdf).toBe(true);
  });

  it('catalogue.json keeps the published contract, and a province catalogue federates it (issue 27)', async () => {
    expect(parseKatalog(readFileSync(path.join(site.result.dir, 'catalogue.json'), 'utf8'))).toMatchObject({ ok: true });
    const source = { id: 'dinas', kind: 'folder' as const, dir: site.result.dir, alamat: 'https://dinas.example.go.id/', shown: 'dinas' };
    const [got] = await collect([source], undefined);
    expect(got!.state).toBe('baru');
    const model = gabunganModel([{ id: 'dinas', katalog: (got as { katalog: Katalog }).katalog }]);
    expect(model.entries.map((e) => e.sop.url)).toContain('https://dinas.example.go.id/sop/diskominfo-pessel/permohonan-informasi-publik/');
    expect(model.entries).toHaveLength(7);
    // Built without a full address, the site's links are paths: a folder needs its public address.
    expect((await collect([{ ...source, alamat: undefined } as never], undefined))[0]).toMatchObject({ state: 'gagal', reason: expect.stringContaining('--base-url') });
  });
});

describe('sop site: rebuilds', () => {
  it('is byte-identical when nothing changed, honours --base-url, and a failed build keeps the previous site', async () => {
    const before = hashes(site.result.dir);
    const rebuild = (base: string) => buildSite({ root: ROOT, instansi: [], sops: site.sops, monev: site.monev }, { outDir: site.outDir, base: parseBase(base), printer: async () => printer, tahunBuku: 2025 });

    // Under a sub-path: every link starts with it.
    await rebuild('https://dinas.example.go.id/kab/sop/');
    for (const f of listFiles(site.result.dir).filter((f) => f.endsWith('.html'))) {
      const text = html(f);
      for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const link = m[1]!;
        if (link.startsWith('#') || link.startsWith('https://dinas.example.go.id/kab/sop/')) continue;
        expect(link, `${f}: ${link}`).toMatch(/^\/kab\/sop\//);
      }
    }
    expect(readFileSync(path.join(site.result.dir, 'sitemap.xml'), 'utf8')).toContain('<loc>https://dinas.example.go.id/kab/sop/katalog/</loc>');
    expect(html('index.html')).toContain('<html lang="id" data-base="/kab/sop/">');

    // Back to the root: the very same bytes as the first build.
    await rebuild('/');
    expect(hashes(site.result.dir)).toEqual(before);

    // A build that fails leaves the site as it was, and no temporary folder behind.
    const broken = site.sops.map((s) => (s.status === 'berlaku' ? { ...s, instansi: { ...s.instansi, id: 'status' } } : s));
    await expect(buildSite({ root: ROOT, instansi: [], sops: broken }, { outDir: site.outDir, base: parseBase('/'), printer: async () => printer })).rejects.toThrow(/status/);
    expect(hashes(site.result.dir)).toEqual(before);
    expect(readdirSync(path.join(site.outDir, '.sets')).filter((n) => n.startsWith('site.') && !n.endsWith('.ledger'))).toEqual([path.basename(readlinkSync(site.result.dir))]);
  });
});
