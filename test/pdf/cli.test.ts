// `sop build` as an officer runs it: it refuses bad content without touching output/, explains
// a browser that will not start (exit 2), never prints a stack trace, and fits a very long
// identity page on its sheet.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flat, pdftotext, projectDir, ROOT, runSop as run, tempDir } from './helpers.ts';
import { INSTANSI, sopSource } from './fixtures.ts';

const project = (files: Record<string, string>) => projectDir('cli', files);

describe('sop build (CLI)', () => {
  it('refuses to build when check fails and leaves output/ as it was', () => {
    const dir = project({ 'uji/instansi.yml': INSTANSI, 'uji/a.md': sopSource({ tanggal_efektif: '2024-02-30' }) });
    mkdirSync(path.join(dir, 'output', 'pdf', 'uji'), { recursive: true });
    writeFileSync(path.join(dir, 'output', 'pdf', 'uji', 'a.pdf'), 'versi lama');
    const r = run(dir, ['build']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/content\/uji\/a\.md:\d+:\d+ +galat +.*tanggal-tidak-valid/);
    expect(r.stdout).toContain('Pembangunan dibatalkan');
    expect(readFileSync(path.join(dir, 'output', 'pdf', 'uji', 'a.pdf'), 'utf8')).toBe('versi lama');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says plainly that a browser was found but would not start (exit 2)', () => {
    const dir = project({ 'uji/instansi.yml': INSTANSI, 'uji/a.md': sopSource() });
    const r = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: '/bin/false' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ditemukan tetapi gagal dijalankan');
    expect(r.stderr).toContain('Saran:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'output', 'pdf', 'uji', 'a.pdf'))).toBe(false);
  });

  it('continues an identity part with 40 legal bases on further sheets, at its own size', () => {
    const bases = Array.from({ length: 40 }, (_, i) => `"Peraturan Menteri Dalam Negeri Nomor ${i + 1} Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"`);
    const dir = project({ 'uji/instansi.yml': INSTANSI, 'uji/panjang.md': sopSource({ dasar_hukum: `[${bases.join(', ')}]` }) });
    const r = run(dir, ['build', '--diam']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = path.join(dir, 'output', 'pdf', 'uji', 'panjang.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const text = Array.from({ length: pages }, (_, i) => flat(pdftotext(pdf, i + 1)));
    expect(text[0]).not.toContain('Nomor 40 Tahun 2017');
    expect(text[1]).toMatch(/Dasar Hukum \(lanjutan\)/);
    // Every basis printed once; the procedure follows the identity sheets.
    for (let i = 1; i <= 40; i++) expect(text.join(' ').split(`Nomor ${i} Tahun 2017`).length - 1, `Nomor ${i}`).toBe(1);
    expect(text.at(-1)).toMatch(/Kegiatan/);
    expect(text.at(-1)).toContain(`Halaman ${pages} dari ${pages}`);
  });

  it('builds the sample content and then has nothing to do', () => {
    const dir = tempDir('cli-sample');
    cpSync(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
    symlinkSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'));
    const first = run(dir, ['build']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('4 SOP: 4 PDF dibuat, 0 tidak berubah');
    // An SOP deleted since, and a write cut short: both go, the current PDFs stay.
    const pdfDir = path.join(dir, 'output', 'pdf');
    mkdirSync(path.join(pdfDir, 'lama'), { recursive: true });
    writeFileSync(path.join(pdfDir, 'lama', 'dihapus.pdf'), 'x');
    writeFileSync(path.join(pdfDir, 'dkukmtk-balangan', 'monitoring-evaluasi-internal-capaian-kinerja.pdf.1234.tmp'), 'x');
    const second = run(dir, ['build']);
    expect(second.stdout).toContain('4 SOP: 0 PDF dibuat, 4 tidak berubah');
    expect(existsSync(path.join(pdfDir, 'lama'))).toBe(false);
    expect(readdirSync(path.join(pdfDir, 'dkukmtk-balangan'))).toEqual(['monitoring-evaluasi-internal-capaian-kinerja.pdf']);
    expect(readdirSync(path.join(pdfDir, 'diskominfo-pessel')).sort()).toEqual(['pemantauan-capaian-kinerja-internal.pdf', 'pemantauan-capaian-kinerja-internal.ttd.json']);
    // Nothing changed: no browser is started (one that cannot start would fail the build, exit 2).
    const third = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: '/bin/false' });
    expect(third.stderr).not.toContain('gagal dijalankan');
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('4 SOP: 0 PDF dibuat, 4 tidak berubah');
  });
});
