// `sop monev` on the sample content: the forms list every step of each SOP in force, in order,
// with the Permenpan columns; the report's counts are the results files'. Printed once, shared.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/main.ts';
import { KRITERIA } from '../../scripts/model/monev.ts';
import { probeAsset } from '../../scripts/source/assets.ts';
import { readContent } from '../../scripts/source/content.ts';
import { checkContent, projectOf } from '../../scripts/validate/check-content.ts';
import type { IsoDay } from '../../scripts/model/sop.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2026-12-07' as IsoDay;
let dir: string;

/** `layout`: columns kept on their lines (the report's table rows); else reading order (the forms). */
const text = (rel: string, layout = false) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path.join(dir, rel), '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'monev-'));
  cpSync(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  const cwd = process.cwd();
  const env = process.env.SOP_HARI_INI;
  process.env.SOP_HARI_INI = TODAY;
  process.chdir(dir);
  try {
    expect(await main(['monev', 'formulir', '--semester', '2026-1', '--per-sop', '--instansi', 'diskominfosp-balangan'])).toBe(0);
    expect(await main(['monev', 'laporan', '--tahun', '2026', '--instansi', 'diskominfosp-balangan'])).toBe(0);
    expect(await main(['book', '--monev', '--tahun', '2026', '--instansi', 'diskominfosp-balangan'])).toBe(0);
    expect(await main(['site', '--tanpa-buku'])).toBe(0);
  } finally {
    process.chdir(cwd);
    if (env === undefined) delete process.env.SOP_HARI_INI;
    else process.env.SOP_HARI_INI = env;
  }
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sop monev formulir', () => {
  it('memuat setiap langkah setiap SOP yang berlaku, berurutan, dengan kolom Tabel 7 dan kriteria evaluasi', () => {
    const project = projectOf(checkContent(readContent(dir), probeAsset, TODAY), dir);
    const sops = project.sops.filter((s) => s.instansi.id === 'diskominfosp-balangan' && s.status === 'berlaku');
    expect(sops.length).toBe(2);
    const whole = squash(text('output/monev/diskominfosp-balangan/formulir-2026-1.pdf'));
    let from = 0;
    for (const sop of sops) {
      const own = squash(text(`output/monev/diskominfosp-balangan/formulir-2026-1/${sop.slug}.pdf`));
      expect(own).toContain('MONITORING PELAKSANAAN SOP AP');
      expect(own).toContain(sop.nomor);
      for (const h of ['Prosedur', 'Berjalan dengan baik', 'Tidak berjalan dengan baik', 'Catatan Hasil Penilaian', 'Tindakan yang Harus Diambil', 'Paraf Penilai']) {
        expect(own).toContain(h);
      }
      // Every step, in table order: each found after the one before it.
      let at = 0;
      for (const step of sop.steps) {
        const i = own.indexOf(squash(`${step.no} ${step.kegiatan.slice(0, 25)}`), at);
        expect(i, `langkah ${step.no} ${sop.nomor}`).toBeGreaterThan(at - 1);
        at = i;
      }
      expect(own).toContain('EVALUASI PENERAPAN SOP AP');
      for (const [, label] of KRITERIA) expect(own).toContain(label.slice(0, 30));
      // The instansi's file holds the SOPs in path order.
      const here = whole.indexOf(sop.nomor, from);
      expect(here).toBeGreaterThan(-1);
      from = here;
    }
  });
});

describe('sop monev laporan', () => {
  it('menghitung seperti berkas hasil: 2 dimonitor, 1 langkah tidak baik, 1 revisi; langkah dan tindakannya tercantum', () => {
    const report = squash(text('output/monev/diskominfosp-balangan/laporan-2026.pdf', true));
    const row = (label: string) => new RegExp(`${label} (\\d+) (\\d+)`).exec(report)?.slice(1).map(Number);
    expect(row('SOP yang berlaku')).toEqual([2, 2]);
    expect(row('SOP yang dimonitor')).toEqual([2, 0]);
    expect(row('SOP yang belum dimonitor')).toEqual([0, 2]);
    expect(row('Langkah yang tidak berjalan dengan baik')).toEqual([1, 0]);
    expect(row('SOP yang dievaluasi')).toEqual([1, 0]);
    expect(row('Kesimpulan evaluasi: revisi')).toEqual([1, 0]);
    expect(row('Kesimpulan evaluasi: cabut')).toEqual([0, 0]);
    const results = readFileSync(path.join(dir, 'content/diskominfosp-balangan/monev/2026-1.yml'), 'utf8');
    expect(results).toContain('kesimpulan: revisi');
    expect(report).toContain('7. Menyusun laporan semester');
    expect(report).toContain('Sekretaris menetapkan batas');
    expect(report).toContain('Revisi');
  });

  it('sama masukan, sama berkas: PDF yang tercetak dua kali identik', async () => {
    const first = readFileSync(path.join(dir, 'output/monev/diskominfosp-balangan/laporan-2026.pdf'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await main(['monev', 'laporan', '--tahun', '2026', '--instansi', 'diskominfosp-balangan'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(path.join(dir, 'output/monev/diskominfosp-balangan/laporan-2026.pdf')).equals(first)).toBe(true);
    // The forms of the other run are carried over, not lost.
    expect(text('output/monev/diskominfosp-balangan/formulir-2026-1.pdf')).toContain('MONITORING');
  }, 60_000);
});

describe('buku dan situs', () => {
  it('buku --monev memuat laporan tahun itu sebagai bagian setelah SOP, tercantum di daftar isi', () => {
    const book = squash(text('output/buku/diskominfosp-balangan-2026.pdf'));
    const toc = book.indexOf('Laporan Monitoring dan Evaluasi SOP Tahun 2026');
    const section = book.indexOf('LAPORAN MONITORING DAN EVALUASI PENERAPAN SOP TAHUN 2026');
    expect(toc).toBeGreaterThan(-1);
    expect(section).toBeGreaterThan(book.lastIndexOf('Menyusun 2 (dua) Laporan semesteran'));
    expect(section).toBeGreaterThan(toc);
    expect(book.slice(section)).toContain('Sekretaris menetapkan batas');
  });

  it('halaman SOP menyebut kapan terakhir dimonitor dan dievaluasi; SOP yang dievaluasi "revisi" bertanda sedang direvisi', () => {
    const page = (slug: string) => readFileSync(path.join(dir, `output/site/sop/diskominfosp-balangan/${slug}/index.html`), 'utf8');
    const revised = page('pelaksanaan-pengukuran-kinerja');
    expect(revised).toContain('Terakhir dimonitor</dt><dd>Semester I Tahun 2026 (24 Juni 2026)');
    expect(revised).toContain('Terakhir dievaluasi</dt><dd>26 Juni 2026, kesimpulan: revisi');
    expect(revised).toContain('<span class="status status-direvisi">Sedang direvisi</span>');
    const kept = page('mekanisme-pengumpulan-data-kinerja');
    expect(kept).toContain('Terakhir dievaluasi</dt><dd>18 Desember 2025, kesimpulan: tetap');
    expect(kept).not.toContain('Sedang direvisi');
    const list = readFileSync(path.join(dir, 'output/site/katalog/diskominfosp-balangan/index.html'), 'utf8');
    expect(list.match(/Sedang direvisi/g)).toHaveLength(1);
  });
});
