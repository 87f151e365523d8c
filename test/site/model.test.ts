// Pure parts of the site: addresses, the public model (drafts dropped, replacements,
// related SOPs), prose sanitizing, machine-readable files.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sop } from '../../scripts/model/sop.ts';
import { siteModel } from '../../scripts/site/model.ts';
import { parseKatalog } from '../../scripts/federation/contract.ts';
import type { Katalog } from '../../scripts/site/catalogue.ts';
import { catalogueJson, csp, formatSize, siteOwner, sitemapXml } from '../../scripts/site/pages.ts';
import { proseHtml } from '../../scripts/kit/markdown.ts';
import { fileOf, parseBase, slugify } from '../../scripts/site/urls.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent } from '../../scripts/validate/check-content.ts';
import { HOSTILE, ROOT, writeFixtureContent } from './fixtures.ts';

let dir: string;
let sops: Sop[];

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-site-model-'));
  const result = checkContent(readContent(ROOT, writeFixtureContent(dir)), probeAsset);
  expect(result.ok).toBe(true);
  sops = result.sops;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bySlug = (model: ReturnType<typeof siteModel>, slug: string) => model.sops.find((s) => s.sop.slug === slug);

describe('owner and namesakes', () => {
  it('tells two offices of the same name apart by their pemerintah', () => {
    const a = sops.find((s) => s.status === 'berlaku')!;
    const twin = { ...a, id: 'kembar/x', slug: 'x', nomor: 'KEMBAR/1', instansi: { ...a.instansi, id: 'kembar', pemerintah: 'Pemerintah Kota Kembar' } };
    const model = siteModel({ sops: [a, twin] });
    expect(model.instansi.map((i) => i.label).sort()).toEqual([`${a.instansi.nama} (${a.instansi.pemerintah})`, `${a.instansi.nama} (Pemerintah Kota Kembar)`].sort());
    // Alone, an office is just its name.
    expect(siteModel({ sops: [a] }).instansi[0]!.label).toBe(a.instansi.nama);
  });

  it('puts the one pemerintah, and its logo, in the header; the title can be set', () => {
    const a = sops.find((s) => s.status === 'berlaku')!;
    const model = siteModel({ sops: [a] });
    const base = parseBase('/sop/');
    expect(siteOwner(model, { base, logos: new Map([[a.instansi.id, 'assets/logo/x.png']]), judul: 'SOP Kabupaten' })).toEqual({ judul: 'SOP Kabupaten', pemilik: a.instansi.pemerintah, logo: '/sop/assets/logo/x.png' });
    expect(siteOwner(model, { base }).judul).toBe('Katalog SOP');
  });
});

describe('addresses', () => {
  it('accepts a path or a full URL as base and normalizes slashes', () => {
    expect(parseBase(undefined)).toEqual({ path: '/', origin: '' });
    expect(parseBase('sop')).toEqual({ path: '/sop/', origin: '' });
    expect(parseBase('/a//b')).toEqual({ path: '/a/b/', origin: '' });
    expect(parseBase('https://dinas.example.go.id/sop')).toEqual({ path: '/sop/', origin: 'https://dinas.example.go.id' });
  });

  it('refuses bases that are not a path or an http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', '//evil.example/', '/a b/', '/x?y', 'https://x.example/?q=1', '/"><script>']) {
      expect(() => parseBase(bad), bad).toThrow();
    }
  });

  it('slugs and file names', () => {
    expect(slugify('Bidang Informasi & Komunikasi Publik')).toBe('bidang-informasi-komunikasi-publik');
    expect(slugify('Sekretariat Daerah (Setda) – Bagian Organisasi')).toBe('sekretariat-daerah-setda-bagian-organisasi');
    expect(slugify('Pengelolaan Pustaka Éléktronik')).toBe('pengelolaan-pustaka-elektronik');
    expect(slugify('***')).toBe('lainnya');
    expect(fileOf('')).toBe('index.html');
    expect(fileOf('katalog/status/berlaku/')).toBe('katalog/status/berlaku/index.html');
    expect(fileOf('404.html')).toBe('404.html');
  });

  it('formats sizes the Indonesian way', () => {
    expect(formatSize(100)).toBe('1 KB');
    expect(formatSize(72_000)).toBe('70 KB');
    expect(formatSize(2_400_000)).toBe('2,3 MB');
  });
});

describe('siteModel', () => {
  it('drops drafts and keeps replaced and withdrawn SOPs', () => {
    const model = siteModel({ sops });
    expect(sops.some((s) => s.status === 'draf')).toBe(true);
    expect(model.sops.map((s) => s.sop.status)).not.toContain('draf');
    expect(model.sops.length).toBe(sops.length - 1);
    expect(model.statuses.map((g) => [g.status, g.sops.length])).toEqual([
      ['berlaku', 5],
      ['digantikan', 1],
      ['dicabut', 1],
    ]);
  });

  it('links replacements both ways and points old versions at the one in force', () => {
    const model = siteModel({ sops });
    const now = bySlug(model, 'permohonan-informasi-publik')!;
    const old = bySlug(model, 'permohonan-informasi-publik-2021')!;
    expect(now.replaces?.target).toBe(old);
    expect(old.replacedBy).toEqual([now]);
    expect(old.inForce).toBe(now);
    expect(bySlug(model, 'penyebaran-informasi-manual')!.inForce).toBeUndefined();
  });

  it('follows a replacement chain to the SOP in force and survives a cycle', () => {
    const base = sops.find((s) => s.slug === 'permohonan-informasi-publik')!;
    const v1 = { ...base, id: 'x/v1', slug: 'v1', nomor: 'V1', status: 'digantikan' as const, menggantikan: undefined };
    const v2 = { ...base, id: 'x/v2', slug: 'v2', nomor: 'V2', status: 'digantikan' as const, menggantikan: 'V1' };
    const v3 = { ...base, id: 'x/v3', slug: 'v3', nomor: 'V3', status: 'berlaku' as const, menggantikan: 'V2' };
    const model = siteModel({ sops: [v1, v2, v3] });
    expect(bySlug(model, 'v1')!.inForce?.sop.nomor).toBe('V3');
    const loop = siteModel({ sops: [{ ...v1, menggantikan: 'V2' }, v2] });
    expect(bySlug(loop, 'v1')!.inForce).toBeUndefined();
  });

  it('resolves keterkaitan to public SOP pages, never to a draft', () => {
    const model = siteModel({ sops });
    const now = bySlug(model, 'permohonan-informasi-publik')!;
    expect(now.related.map((r) => [r.text, r.target?.sop.slug])).toEqual([
      ['Pemantauan Capaian Kinerja Internal', 'pemantauan-capaian-kinerja-internal'],
      ['SOP Pengelolaan Keberatan Informasi', undefined],
    ]);
    expect(bySlug(model, 'pemantauan-capaian-kinerja-internal')!.referencedBy).toContain(now);
    const draft = sops.find((s) => s.status === 'draf')!;
    const pointing = { ...now.sop, id: 'y/z', slug: 'z', nomor: 'Z', keterkaitan: [{ teks: draft.nama, eksternal: false }] };
    const withPointer = siteModel({ sops: [...sops, pointing] });
    expect(bySlug(withPointer, 'z')!.related[0]!.target).toBeUndefined();
  });

  it('links a related SOP only within the same pemerintah; an external one never', () => {
    const a = sops.find((s) => s.status === 'berlaku')!;
    const gov = (id: string, pemerintah: string) => ({ ...a.instansi, id, pemerintah });
    const base = { ...a, nama: 'Pengumpulan Data Kinerja', keterkaitan: [] };
    const wayKanan = { ...base, id: 'wk/data', slug: 'data', nomor: 'WK/1', instansi: gov('wk', 'Pemerintah Kabupaten Way Kanan') };
    const balangan = { ...base, id: 'blg/data', slug: 'data', nomor: 'BLG/1', instansi: gov('blg', 'Pemerintah Kabupaten Balangan') };
    const asker = (id: string, instansi: Sop['instansi'], keterkaitan: Sop['keterkaitan']) => ({ ...a, id, slug: id.replace('/', '-'), nomor: id, nama: `Peminta ${id}`, instansi, keterkaitan });
    const model = siteModel({
      sops: [
        wayKanan,
        balangan,
        asker('wk/tanya', gov('wk', 'Pemerintah Kabupaten Way Kanan'), [{ teks: 'SOP Pengumpulan Data Kinerja', eksternal: false }, { teks: 'BLG/1', eksternal: false }]),
        // Same title in its own government, but written as external: plain text.
        asker('wk/luar', gov('wk', 'Pemerintah  kabupaten WAY KANAN'), [{ teks: 'SOP Pengumpulan Data Kinerja', eksternal: true }]),
      ],
    });
    const tanya = model.sops.find((s) => s.sop.id === 'wk/tanya')!;
    // The title resolves to Way Kanan's own SOP; Balangan's number does not cross over.
    expect(tanya.related.map((r) => r.target?.sop.id)).toEqual(['wk/data', undefined]);
    const luar = model.sops.find((s) => s.sop.id === 'wk/luar')!;
    expect(luar.related).toEqual([{ text: 'SOP Pengumpulan Data Kinerja', eksternal: true }]);
    expect(model.sops.find((s) => s.sop.id === 'blg/data')!.referencedBy).toEqual([]);
  });

  it('groups units per instansi and years newest first', () => {
    const model = siteModel({ sops });
    const pessel = model.instansi.find((i) => i.instansi.id === 'diskominfo-pessel')!;
    expect(pessel.units.map((u) => [u.slug, u.sops.length])).toEqual([
      ['bidang-informasi-komunikasi-publik', 3],
      ['sekretariat', 1],
    ]);
    expect(model.years.map((y) => y.tahun)).toEqual(['2025', '2024', '2023', '2021', '2019']);
  });

  it('refuses an instansi folder that would collide with a catalogue page', () => {
    const s = sops[0]!;
    expect(() => siteModel({ sops: [{ ...s, instansi: { ...s.instansi, id: 'status' } }] })).toThrow(/status/);
  });
});

describe('proseHtml', () => {
  it('drops raw HTML, scripts, event handlers, javascript: links and remote images', () => {
    const html = proseHtml(`**Tujuan.** Teks.\n\n${HOSTILE}\n\n<div onclick="x()">mentah</div>\n\n[a](javascript:alert(1)) ![luar](https://example.com/x.png) [b](https://jdih.example.go.id/)`);
    expect(html).toContain('<strong>Tujuan.</strong>');
    expect(html).not.toMatch(/<script|<img|onerror|onclick|javascript:|example\.com\/x\.png|<div/i);
    expect(html).toContain('<a href="https://jdih.example.go.id/">b</a>');
    expect(html).toContain('luar');
  });

  it('puts prose headings below the page headings', () => {
    expect(proseHtml('# A\n\n## B')).toBe('<h3>A</h3>\n<h4>B</h4>');
    expect(proseHtml('  \n')).toBe('');
  });
});

describe('machine-readable files', () => {
  it('catalogue.json lists public SOPs with absolute URLs when the base is a URL', () => {
    const model = siteModel({ sops });
    const data = JSON.parse(catalogueJson(model, parseBase('https://dinas.example.go.id/sop/'))) as { sop: Array<Record<string, unknown>> };
    expect(data.sop.length).toBe(7);
    expect(data.sop.map((s) => s.status)).not.toContain('draf');
    const old = data.sop.find((s) => s.nomor === '010/SOP/KOMINFO/2021')!;
    expect(old).toMatchObject({
      status: 'digantikan',
      digantikan_oleh: ['010/SOP/KOMINFO/2025'],
      url: 'https://dinas.example.go.id/sop/sop/diskominfo-pessel/permohonan-informasi-publik-2021/',
      pdf: 'https://dinas.example.go.id/sop/pdf/diskominfo-pessel/permohonan-informasi-publik-2021.pdf',
      tanggal_efektif: '2021-03-01',
    });
  });

  it('catalogue.json follows the published contract (schemas/katalog.schema.json, versi 1)', () => {
    const model = siteModel({ sops });
    const text = catalogueJson(model, parseBase('https://dinas.example.go.id/sop/'));
    const parsed = parseKatalog(text);
    expect(parsed.ok ? '' : parsed.reason).toBe('');
    const data = JSON.parse(text) as Katalog;
    expect(data.versi).toBe(1);
    expect(data.situs.alamat).toBe('https://dinas.example.go.id/sop/');
    // The build date is the newest date the SOPs carry, never the clock.
    const dates = sops.filter((s) => s.status !== 'draf').flatMap((s) => [s.tanggal_pembuatan, s.tanggal_revisi ?? '', s.tanggal_efektif ?? '', ...s.riwayat.map((r) => r.tanggal)]);
    expect(data.situs.dibangun).toBe(dates.sort().at(-1)!.padEnd(10, '-01').slice(0, 10));
    for (const s of data.sop) {
      expect(s.hash).toMatch(/^sha256-[0-9a-f]{64}$/);
      expect(s.asli).toBeUndefined();
    }
    const withSteps = sops.find((s) => s.nomor === data.sop[0]!.nomor)!;
    expect(data.sop[0]!.teks.split('\n')).toHaveLength(withSteps.steps.length);
    expect(data.sop[0]!.teks).toContain(withSteps.steps[0]!.kegiatan.split(/\s+/)[0]);
    // Hashes follow content: equal for equal SOPs, distinct for distinct ones.
    expect(new Set(data.sop.map((s) => s.hash)).size).toBe(data.sop.length);
    expect(catalogueJson(siteModel({ sops }), parseBase('https://dinas.example.go.id/sop/'))).toBe(text);
  });

  it('the contract refuses what is not a catalogue', () => {
    const good = JSON.parse(catalogueJson(siteModel({ sops }), parseBase('/'))) as Katalog;
    expect(parseKatalog('{').ok).toBe(false);
    expect(parseKatalog(JSON.stringify({ ...good, versi: 2 }))).toMatchObject({ ok: false, reason: expect.stringContaining('versi kontrak 2') });
    expect(parseKatalog(JSON.stringify({ ...good, sop: [{ ...good.sop[0], url: 'javascript:alert(1)' }] }))).toMatchObject({ ok: false, reason: expect.stringContaining('/sop/0/url') });
    expect(parseKatalog(JSON.stringify({ ...good, sop: [{ ...good.sop[0], hash: 'md5' }] })).ok).toBe(false);
  });

  it('sitemap.xml escapes and sorts', () => {
    const xml = sitemapXml(['katalog/', '', 'sop/a/b&c/'], parseBase('https://x.example/'));
    expect(xml).toContain('<loc>https://x.example/</loc>');
    expect(xml.indexOf('https://x.example/katalog/')).toBeLessThan(xml.indexOf('https://x.example/sop/a/b&amp;c/'));
  });

  it('the Content-Security-Policy allows WebAssembly only where search runs', () => {
    expect(csp(false)).toContain("script-src 'self';");
    expect(csp(false)).not.toContain('unsafe');
    expect(csp(true)).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp(true)).not.toContain("'unsafe-inline'");
  });
});
