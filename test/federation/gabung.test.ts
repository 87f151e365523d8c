// `sop gabung` end to end: three generated office sites (two local folders, one served on
// 127.0.0.1), one broken and three hostile catalogues (script in names with links to other
// origins, 50 MB, invalid schema). The combined site lists and finds every valid SOP, refuses
// the bad ones saying why, keeps an office's last good copy when it fails later, and is the same
// bytes for the same catalogues. No network beyond 127.0.0.1.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeKatalog, uniqueWord, writeOfficeSite } from '../../scripts/bench/offices.ts';
import { gabung } from '../../scripts/cli/gabung.ts';
import type { Katalog } from '../../scripts/site/catalogue.ts';
import { launchBrowser, serve, type StaticServer } from '../site/helpers.ts';

const SCRIPT = '<script>alert("gabung")</script>';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let dir: string;
let web: StaticServer;
let site: StaticServer;
let browser: Browser;
let first: { code: number; out: string; summary: string; files: Map<string, string> };
let second: { code: number; out: string; files: Map<string, string> };
/** A fresh checkout (no output/) with the CI cache of copies: `--salinan`. */
let cached: { code: number; out: string; files: Map<string, string> };
const valid: Array<{ n: number; k: number; nama: string }> = [];

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    files.set(path.relative(root, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return files;
}

async function run(project: string, args: string[] = []): Promise<{ code: number; out: string; summary: string }> {
  let out = '';
  const summaryFile = path.join(project, 'ringkasan.md');
  writeFileSync(summaryFile, '');
  // Five SOPs per part of the search index: 15 SOPs in three parts, merged in the browser.
  const code = await gabung([...args, '--per-indeks', '5'], { cwd: project, env: { GITHUB_STEP_SUMMARY: summaryFile }, stdout: (s) => (out += s), isTTY: false });
  return { code, out, summary: readFileSync(summaryFile, 'utf8') };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-gabung-test-'));
  const served = path.join(dir, 'web');
  mkdirSync(served);
  writeFileSync(path.join(served, '404.html'), 'tidak ada');
  web = await serve(served);
  const project = path.join(dir, 'provinsi');
  mkdirSync(project);

  // Office 1: a folder, one SOP named with a script; office 2: a folder; office 3: over http.
  const k1 = officeKatalog({ n: 1, sops: 6, alamat: 'https://dinas-1.example.go.id/sop/', pemerintah: 'Pemerintah Kabupaten Satu' });
  k1.sop[0]!.nama = `Pelayanan ${SCRIPT} Pertama`;
  writeOfficeSite(path.join(dir, 'kantor-1'), k1);
  writeOfficeSite(path.join(dir, 'kantor-2'), officeKatalog({ n: 2, sops: 5, alamat: 'https://dinas-2.example.go.id/', pemerintah: 'Pemerintah Kabupaten Dua' }));
  writeOfficeSite(path.join(served, 'kantor-3'), officeKatalog({ n: 3, sops: 4, alamat: `${web.origin}/kantor-3/`, pemerintah: 'Pemerintah Kabupaten Satu' }));
  for (const [n, sops] of [[1, 6], [2, 5], [3, 4]] as const) for (let k = 0; k < sops; k++) valid.push({ n, k, nama: n === 1 && k === 0 ? k1.sop[0]!.nama : `Pelayanan Administrasi Nomor ${k} Dinas ${n}` });

  // Broken: not the contract. Hostile: script in names and links to other origins; 50 MB.
  mkdirSync(path.join(dir, 'rusak'));
  writeFileSync(path.join(dir, 'rusak', 'catalogue.json'), JSON.stringify({ format: 'sop-press/katalog', versi: 1, situs: {}, instansi: [], sop: 'semua' }));
  const evil: Katalog = officeKatalog({ n: 4, sops: 3, alamat: `${web.origin}/jahat/`, pemerintah: `Pemerintah ${SCRIPT}` });
  evil.sop[0]!.url = 'https://penipu.example/sop/';
  evil.sop[1]!.asli = 'https://penipu.example/asli.pdf';
  evil.sop[2]!.nama = `"><img src=x onerror=alert(1)>`;
  writeOfficeSite(path.join(served, 'jahat'), evil);
  const big = officeKatalog({ n: 5, sops: 1, alamat: `${web.origin}/besar/`, pemerintah: 'Pemerintah Kabupaten Besar' });
  mkdirSync(path.join(served, 'besar'));
  writeFileSync(path.join(served, 'besar', 'catalogue.json'), JSON.stringify({ ...big, isi: 'x'.repeat(50 * 1024 * 1024) }));

  writeFileSync(
    path.join(project, 'gabungan.yml'),
    [
      'judul: Katalog SOP Provinsi Contoh',
      'pemilik: Biro Organisasi Setda Provinsi Contoh',
      'kantor:',
      `  - folder: ${path.join(dir, 'kantor-1')}`,
      `  - folder: ${path.join(dir, 'kantor-2')}`,
      `  - url: ${web.origin}/kantor-3/`,
      '    id: kantor-3',
      `  - folder: ${path.join(dir, 'rusak')}`,
      `    alamat: https://rusak.example.go.id/`,
      `  - url: ${web.origin}/jahat/`,
      `  - url: ${web.origin}/besar/`,
      '',
    ].join('\n'),
  );
  const copies = path.join(dir, 'cache-ci');
  const r1 = await run(project, ['--salinan', copies]);
  first = { ...r1, files: snapshot(path.join(project, 'output', 'gabungan')) };

  // Later: office 1 publishes a broken catalogue, office 3's site is gone.
  writeFileSync(path.join(dir, 'kantor-1', 'catalogue.json'), '{"format": "sop-press/katalog", "versi": 1, "sop": [');
  rmSync(path.join(served, 'kantor-3'), { recursive: true });
  const r2 = await run(project);
  second = { ...r2, files: snapshot(path.join(project, 'output', 'gabungan')) };
  const fresh = path.join(dir, 'provinsi-ci');
  mkdirSync(fresh);
  writeFileSync(path.join(fresh, 'gabungan.yml'), readFileSync(path.join(project, 'gabungan.yml')));
  const r3 = await run(fresh, ['--salinan', copies]);
  cached = { ...r3, files: snapshot(path.join(fresh, 'output', 'gabungan')) };

  site = await serve(path.join(project, 'output', 'gabungan'));
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await web?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (rel: string) => readFileSync(path.join(dir, 'provinsi', 'output', 'gabungan', rel), 'utf8');

describe('sop gabung: hostile and broken offices', () => {
  it('refuses the bad catalogues, each with its reason, and still builds from the good ones', () => {
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/rusak: ditolak \(tidak sesuai skema katalog .*\); belum ada salinan baik/);
    expect(first.out).toMatch(/jahat\/: ditolak \(2 tautan tidak menuju situs kantor itu sendiri \(http:\/\/127\.0\.0\.1:\d+\)/);
    expect(first.out).toMatch(/besar\/: ditolak \(catalogue\.json terlalu besar/);
    expect(first.out).toMatch(/^15 SOP dari 3 dari 6 kantor; .* 15 SOP di indeks pencarian/m);
    expect(first.out.split('\n').filter((l) => l.startsWith('Peringatan'))).toHaveLength(3);
    // The job summary: one row per office, office text inert.
    expect(first.summary).toMatch(/\| .*jahat\/ \| ❌ tidak dimuat \| 0 \|/);
    expect(first.summary.match(/✅ baru/g)).toHaveLength(3);
  });

  it('splits the search index into parts of --per-indeks pages, the search page naming the others', () => {
    const parts = (files: Map<string, string>) => [...new Set([...files.keys()].filter((f) => /pf_meta$/.test(f)).map((f) => f.split(path.sep)[0]))].sort();
    expect(parts(first.files)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    expect(read('cari/index.html')).toContain('data-indeks-lain="pagefind-2/ pagefind-3/"');
    // The merged parts hold data only: the script and WebAssembly are the first part's.
    expect([...first.files.keys()].filter((f) => f.startsWith(`pagefind-2${path.sep}`) && /\.(js|pagefind)$/.test(f))).toEqual([]);
  });

  it('nothing an office wrote reaches a page unescaped', () => {
    const pages = [...first.files.keys()].filter((f) => f.endsWith('.html') || f.endsWith('.json'));
    for (const rel of pages) {
      const text = read(rel);
      expect(text, rel).not.toContain('<script>');
      expect(text, rel).not.toContain('penipu.example');
      expect(text, rel).not.toContain('onerror=alert');
    }
    const all = pages.filter((f) => f.endsWith('.html')).map(read).join('\n');
    expect(all).toContain('Pelayanan &lt;script&gt;alert(&quot;gabung&quot;)&lt;/script&gt; Pertama');
  });

  it('lists every valid SOP once, with a page linking to the office page and PDF', () => {
    const listing = read('katalog/index.html');
    const names = [...listing.matchAll(/<h3 class="sop-judul"><a href="([^"]+)">([^<]+)<\/a>/g)];
    expect(names).toHaveLength(valid.length);
    const page = read('sop/kantor-3/dinas-3/layanan-2/index.html');
    expect(page).toContain(`href="${web.origin}/kantor-3/sop/dinas-3/layanan-2/"`);
    expect(page).toContain(`href="${web.origin}/kantor-3/pdf/dinas-3/layanan-2.pdf"`);
    expect(page).toContain('Content-Security-Policy');
    // Filters: a pemerintah's page holds its offices' SOPs only (offices 1 and 3).
    expect(read('katalog/pemerintah/pemerintah-kabupaten-satu/index.html').match(/class="sop-item"/g)).toHaveLength(10);
    expect(read('katalog/status/berlaku/index.html')).not.toContain('data-status="dicabut"');
  });

  it('keeps the last good copy of an office that fails later, and says so', () => {
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/kantor-1: katalog baru ditolak \(bukan JSON yang sah\); dipakai salinan baik terakhir \(6 SOP/);
    expect(second.out).toMatch(/kantor-3\/: katalog baru ditolak \(server menjawab HTTP 404 .*\); dipakai salinan baik terakhir \(4 SOP/);
    expect(second.out).toMatch(/^15 SOP dari 3 dari 6 kantor/m);
  });

  it('a fresh checkout finds the last good copies in the folder given by --salinan (the CI cache)', () => {
    expect(cached.code).toBe(0);
    expect(cached.out).toMatch(/kantor-1: katalog baru ditolak \(bukan JSON yang sah\); dipakai salinan baik terakhir \(6 SOP/);
    expect(cached.files).toEqual(first.files);
  });

  it('the same catalogues give the same bytes', () => {
    // Run 2 read offices 1 and 3 from their kept copies: the same catalogues as run 1.
    expect(second.files).toEqual(first.files);
  });
});

describe('sop gabung: the combined site in the browser', () => {
  async function open(rel: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    await page.setViewport({ width, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith(`${site.origin}/`)) void req.continue();
      else {
        problems.push(`foreign: ${req.url()}`);
        void req.abort();
      }
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective}`)));
    await page.goto(`${site.origin}/${rel}`, { waitUntil: 'networkidle0' });
    return { page, problems };
  }

  it('search finds every valid SOP by a word of its steps', { timeout: 120_000 }, async () => {
    const { page, problems } = await open('cari/');
    for (const { n, k, nama } of valid) {
      await page.goto(`${site.origin}/cari/?q=${uniqueWord(n, k)}`, { waitUntil: 'networkidle0' });
      await page.waitForFunction(() => !/Mencari/.test(document.getElementById('cari-status')!.textContent ?? '') && (document.getElementById('cari-status')!.textContent ?? '') !== '', { timeout: 15_000 });
      const found = await page.$$eval('#hasil-cari h2 a', (as) => as.map((a) => a.textContent!.trim()));
      expect(found, uniqueWord(n, k)).toEqual([nama]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('axe-core finds no serious or critical accessibility violation (CSP bypassed for axe only)', { timeout: 120_000 }, async () => {
    for (const rel of ['', 'katalog/', 'katalog/instansi/kantor-3-dinas-3/', 'sop/kantor-3/dinas-3/layanan-2/', `cari/?q=${uniqueWord(3, 2)}`]) {
      for (const width of [1280, 375]) {
        const page = await browser.newPage();
        await page.setViewport({ width, height: 900 });
        await page.setBypassCSP(true);
        await page.goto(`${site.origin}/${rel}`, { waitUntil: 'networkidle0' });
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
        });
        expect(violations, `${rel} @${width}`).toEqual([]);
        await page.close();
      }
    }
  });

  it('on a phone and a desktop no page is wider than the window, and nothing breaks the CSP', { timeout: 120_000 }, async () => {
    for (const rel of ['', 'katalog/', 'katalog/pemerintah/pemerintah-kabupaten-satu/', 'sop/kantor-3/dinas-3/layanan-2/', 'cari/?q=memverifikasi', '404.html']) {
      for (const width of [375, 1280]) {
        const { page, problems } = await open(rel, width);
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: document.documentElement.clientWidth }));
        expect(scroll, `${rel} @${width}`).toBeLessThanOrEqual(inner);
        expect(problems, rel).toEqual([]);
        await page.close();
      }
    }
  });
});
