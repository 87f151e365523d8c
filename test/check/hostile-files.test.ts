// Files as an attacker or a careless officer leaves them, on a real disk: links out of content/,
// devices, FIFOs, huge and mistyped logos, link cycles, and file names that would collide or
// break URLs. Each case is one of issue 11's, asserted as the officer sees it (file:line:column,
// rule id) and, where it matters, that nothing outside content/ was read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, type Diagnostic } from '../../scripts/diagnostics/report.ts';
import { AssetError, loadAsset, probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { readInside, rootOf } from '../../scripts/source/read-inside.ts';
import { checkContent, type CheckResult } from '../../scripts/validate/check-content.ts';
import { edit, INSTANSI, png, SOP } from './helpers.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Writes `content/` files (text, bytes, or a link target) into a fresh project and checks it. */
function project(files: Record<string, string | Uint8Array | { link: string } | 'fifo'>): { dir: string; result: CheckResult; diagnostics: Diagnostic[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-hostile-'));
  made.push(dir);
  for (const [rel, value] of Object.entries(files)) {
    const abs = path.join(dir, 'content', rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (value === 'fifo') execFileSync('mkfifo', [abs]);
    else if (typeof value === 'object' && 'link' in value) symlinkSync(value.link, abs);
    else writeFileSync(abs, value);
  }
  const result = checkContent(readContent(dir), probeAsset);
  return { dir, result, diagnostics: collect(result.files) };
}

const I = 'content/dinas/instansi.yml';
const S = 'content/dinas/pengujian.md';
const withLogo = (logo: string) => `${INSTANSI}logo: ${logo}\n`;
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe('logo (issue 11 cases 1–3): one asset rule, errors at the logo: line', () => {
  it('a logo that is a link to /etc/passwd is refused by check, so no site can publish it', () => {
    const { result, diagnostics } = project({ 'dinas/instansi.yml': withLogo('logo.png'), 'dinas/logo.png': { link: '/etc/passwd' }, 'dinas/pengujian.md': SOP });
    expect(brief(diagnostics)).toEqual([`${I}:8:7 galat di-luar-content`]);
    expect(diagnostics[0]!.message).toContain('/etc/passwd');
    expect(result.ok).toBe(false);
    expect(result.sops).toEqual([]);
  });

  it('`logo: /dev/zero` and `logo: ../../../../etc/passwd` are check errors (no out-of-memory, no late "report a bug")', () => {
    for (const logo of ['/dev/zero', '../../../../etc/passwd']) {
      const { diagnostics } = project({ 'dinas/instansi.yml': withLogo(logo), 'dinas/pengujian.md': SOP });
      expect(brief(diagnostics), logo).toEqual([`${I}:8:7 galat di-luar-content`]);
    }
  });

  it('a FIFO or a folder named like a logo is not read (no hang): aset-jenis-salah', () => {
    const fifo = project({ 'dinas/instansi.yml': withLogo('logo.png'), 'dinas/logo.png': 'fifo', 'dinas/pengujian.md': SOP });
    expect(brief(fifo.diagnostics)).toEqual([`${I}:8:7 galat aset-jenis-salah`]);
    expect(fifo.diagnostics[0]!.message).toMatch(/pipa/);
    const folder = project({ 'dinas/instansi.yml': withLogo('logo'), 'dinas/logo/a.txt': 'x', 'dinas/pengujian.md': SOP });
    expect(brief(folder.diagnostics)).toEqual([`${I}:8:7 galat aset-jenis-salah`]);
  });

  it('a 3 GB logo is refused by its size before a byte is read', () => {
    const { dir } = project({ 'dinas/pengujian.md': SOP });
    writeFileSync(path.join(dir, 'content/dinas/instansi.yml'), withLogo('besar.png'));
    writeFileSync(path.join(dir, 'content/dinas/besar.png'), png());
    truncateSync(path.join(dir, 'content/dinas/besar.png'), 3 * 1024 ** 3); // sparse: reading it would take GBs
    const diagnostics = collect(checkContent(readContent(dir), probeAsset).files);
    expect(brief(diagnostics)).toEqual([`${I}:8:7 galat aset-terlalu-besar`]);
    expect(diagnostics[0]!.message).toMatch(/batasnya 2 MB/);
  });

  it('the type is read from the bytes: text named .png, a broken PNG and a 5000-pixel-wide PNG are errors', () => {
    const cases: Array<[Uint8Array | string, string, RegExp]> = [
      ['root:x:0:0:root:/root:/bin/bash\n', 'aset-jenis-salah', /teks biasa/],
      [png().subarray(0, 40), 'aset-jenis-salah', /PNG/],
      [png(5000, 1), 'aset-terlalu-besar', /5000 × 1 piksel/],
    ];
    for (const [bytes, rule, message] of cases) {
      const { diagnostics } = project({ 'dinas/instansi.yml': withLogo('logo.png'), 'dinas/logo.png': bytes, 'dinas/pengujian.md': SOP });
      expect(brief(diagnostics)).toEqual([`${I}:8:7 galat ${rule}`]);
      expect(diagnostics[0]!.message).toMatch(message);
    }
  });

  it('an SVG logo with script and an external fetch is rebuilt without them, with a warning saying what was removed', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch("http://127.0.0.1:9/x")</script><image href="http://127.0.0.1:9/y.png"/><rect width="10" height="10"/></svg>';
    const { result, diagnostics } = project({ 'dinas/instansi.yml': withLogo('logo.svg'), 'dinas/logo.svg': svg, 'dinas/pengujian.md': SOP });
    expect(brief(diagnostics)).toEqual([`${I}:8:7 peringatan svg-tidak-aman`]);
    expect(diagnostics[0]!.message).toContain('<script>');
    expect(diagnostics[0]!.message).toContain('atribut onload');
    expect(diagnostics[0]!.message).toContain('http://127.0.0.1:9/y.png');
    expect(result.sops).toHaveLength(1);
  });

  it('a valid PNG logo behind a link inside content/ is accepted; the model keeps its path relative to the project', () => {
    const { dir, result, diagnostics } = project({ 'dinas/instansi.yml': withLogo('logo.png'), 'bersama/logo-resmi.png': png(), 'dinas/logo.png': { link: '../bersama/logo-resmi.png' }, 'dinas/pengujian.md': SOP });
    expect(diagnostics).toEqual([]);
    const logo = result.sops[0]!.instansi.logo!;
    expect(logo).toBe('content/dinas/logo.png');
    expect(loadAsset(dir, logo).real).toBe(path.join(rootOf(dir).real, 'content/bersama/logo-resmi.png'));
  });

  it('the logo is judged again when an output loads it: a link turned outward after the check is refused', () => {
    const { dir, result } = project({ 'dinas/instansi.yml': withLogo('logo.png'), 'bersama/logo-resmi.png': png(), 'dinas/logo.png': { link: '../bersama/logo-resmi.png' }, 'dinas/pengujian.md': SOP });
    const logo = result.sops[0]!.instansi.logo!;
    expect(loadAsset(dir, logo).type).toBe('png');
    const link = path.join(dir, logo);
    rmSync(link);
    symlinkSync('/etc/passwd', link);
    expect(() => loadAsset(dir, logo)).toThrow(AssetError);
    expect(() => loadAsset(dir, logo)).toThrow(/di luar folder content/);
  });
});

describe('content discovery (issue 11 case 1): no link out of content/ is followed', () => {
  const outside = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-luar-'));
    made.push(dir);
    // Invalid on purpose: if it were read, check would report its lines.
    writeFileSync(path.join(dir, 'rahasia.md'), '---\nnomor: [\n---\nRAHASIA\n');
    return dir;
  };

  it('a linked SOP file and a linked folder pointing outside are errors at the link, and never read', () => {
    const out = outside();
    const { diagnostics } = project({ 'dinas/instansi.yml': INSTANSI, 'dinas/pengujian.md': SOP, 'dinas/rahasia.md': { link: path.join(out, 'rahasia.md') }, 'dinas/arsip': { link: out } });
    expect(brief(diagnostics)).toEqual(['content/dinas/arsip:1:1 galat di-luar-content', 'content/dinas/rahasia.md:1:1 galat di-luar-content']);
    expect(diagnostics[0]!.message).toMatch(/^Folder ini adalah pintasan/);
    expect(diagnostics[1]!.message).toMatch(/^Berkas ini adalah pintasan/);
  });

  it('a link cycle ends: each folder and file is read once, the extra paths are warnings', () => {
    const { result, diagnostics } = project({
      'dinas/instansi.yml': INSTANSI,
      'dinas/pengujian.md': SOP,
      'dinas/putar': { link: '..' },
      'dinas/salinan.md': { link: 'pengujian.md' },
    });
    expect(brief(diagnostics)).toEqual(['content/dinas/putar:1:1 peringatan tautan-ganda', 'content/dinas/salinan.md:1:1 peringatan tautan-ganda']);
    expect(result.sops.map((s) => s.path)).toEqual([S]);
  });

  it('a folder linked inside content/ is read under the link (and only there)', () => {
    const { result, diagnostics } = project({ 'dinas/instansi.yml': INSTANSI, '.bersama/pengujian.md': SOP, 'dinas/umum': { link: '../.bersama' } });
    expect(diagnostics).toEqual([]);
    expect(result.sops.map((s) => s.path)).toEqual(['content/dinas/umum/pengujian.md']);
  });

  it('book pages are read the same way: a page linked outside content/ is an error, never read; a FIFO is no page', () => {
    const out = outside();
    const page = '---\njudul: Kata Pengantar\n---\nIsi.\n';
    const { diagnostics } = project({ 'dinas/instansi.yml': INSTANSI, 'dinas/pengujian.md': SOP, 'dinas/buku/01-kata-pengantar.md': page, 'dinas/buku/keputusan.md': page, 'dinas/buku/02-rahasia.md': { link: path.join(out, 'rahasia.md') }, 'dinas/buku/03-pipa.md': 'fifo' });
    expect(brief(diagnostics)).toEqual(['content/dinas/buku/02-rahasia.md:1:1 galat di-luar-content']);
  });

  it('a FIFO named like an SOP is reported, not waited on', () => {
    const { diagnostics } = project({ 'dinas/instansi.yml': INSTANSI, 'dinas/pengujian.md': SOP, 'dinas/pipa.md': 'fifo' });
    expect(brief(diagnostics)).toEqual(['content/dinas/pipa.md:1:1 galat berkas-tak-terbaca']);
  });

  it('readInside refuses devices and paths outside its root without opening them', () => {
    expect(readInside('/dev/zero', rootOf('/dev'))).toMatchObject({ ok: false, problem: 'bukan-berkas', kind: 'perangkat' });
    expect(readInside('/etc/passwd', rootOf('/tmp'))).toMatchObject({ ok: false, problem: 'di-luar' });
  });
});

describe('output names (issue 11 case 5): safe slugs, collisions are errors naming both files', () => {
  const nomor = (n: number) => (text: string) => edit(text, 'nomor: 001/SOP/TES/2024', `nomor: 00${n}/SOP/TES/2024`);

  it('`a.md` and `a..md` would be one page: an error at 1:1 of each, naming the other', () => {
    const { diagnostics } = project({ 'dinas/instansi.yml': INSTANSI, 'dinas/a.md': SOP, 'dinas/a..md': nomor(2)(SOP) });
    expect(brief(diagnostics)).toEqual(['content/dinas/a..md:1:1 galat nama-berkas-ganda', 'content/dinas/a.md:1:1 galat nama-berkas-ganda']);
    expect(diagnostics[0]!.message).toContain('content/dinas/a.md');
    expect(diagnostics[1]!.message).toContain('content/dinas/a..md');
    expect(diagnostics[0]!.message).toContain('sop/dinas/a/');
  });

  it('names with #, ?, %, spaces, capitals and accents become URL- and file-safe slugs', () => {
    const names = ['Laporan #1?.md', '100% Layanan.md', 'Pelayanan Ñoño Café.md', 'اختبار.md', 'CON.md'];
    const files: Record<string, string> = { 'Dinas Kominfo/instansi.yml': INSTANSI };
    names.forEach((n, i) => (files[`Dinas Kominfo/${n}`] = nomor(i + 1)(SOP)));
    const { result, diagnostics } = project(files);
    expect(diagnostics).toEqual([]);
    const slugs = result.sops.map((s) => `${s.instansi.id}/${s.slug}`).sort();
    expect(slugs).toEqual(['dinas-kominfo/100-layanan', 'dinas-kominfo/con-sop', 'dinas-kominfo/laporan-1', 'dinas-kominfo/pelayanan-nono-cafe', expect.stringMatching(/^dinas-kominfo\/sop-[0-9a-f]{8}$/)]);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('two instansi folders with one slug are an error on both instansi.yml', () => {
    const { diagnostics } = project({ 'Dinas A/instansi.yml': INSTANSI, 'Dinas A/x.md': SOP, 'dinas-a/instansi.yml': INSTANSI, 'dinas-a/y.md': nomor(2)(SOP) });
    expect(brief(diagnostics)).toEqual(['content/Dinas A/instansi.yml:1:1 galat nama-berkas-ganda', 'content/dinas-a/instansi.yml:1:1 galat nama-berkas-ganda']);
    expect(diagnostics[0]!.message).toContain('content/dinas-a/instansi.yml');
  });
});
