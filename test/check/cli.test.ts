// `sop check` as an officer runs it: a real process in a project folder, exit codes, output
// formats, and usage errors in Bahasa Indonesia. The processes run in parallel to stay fast.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edit, INSTANSI, SOP } from './helpers.ts';
import { HOSTILE } from './hostile.ts';
import { runSop, SOP_BIN, type SopRun } from '../support/run-sop.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
type Run = SopRun;
const sop = runSop;

let root: string;
let good: string;
let bad: string;
let hostile: string;
const runs: Record<string, Run> = {};

// The bad SOP: an unknown actor (row 3) and a number where text is wanted (nomor).
const BAD_SOP = edit(edit(SOP, '| Kepala Dinas | Laporan | 1 jam', '| Kepala Dinass | Laporan | 1 jam'), 'nomor: 001/SOP/TES/2024', 'nomor: 12');
const BAD_FILE = 'content/dinas/sekretariat/pengujian.md';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'sop-cli-'));
  good = path.join(root, 'baik');
  bad = path.join(root, 'salah');
  cpSync(path.join(REPO, 'content'), path.join(good, 'content'), { recursive: true });
  mkdirSync(path.join(bad, 'content/dinas/sekretariat'), { recursive: true });
  writeFileSync(path.join(bad, 'content/dinas/instansi.yml'), INSTANSI);
  writeFileSync(path.join(bad, BAD_FILE), BAD_SOP);
  writeFileSync(path.join(bad, 'content/dinas/kedua.md'), edit(SOP, 'nomor: 001/SOP/TES/2024', 'nomor: 002/SOP/TES/2024'));
  // Every input that used to stall `sop check`, one file each, checked in one run.
  hostile = path.join(root, 'hostile');
  mkdirSync(path.join(hostile, 'content/dinas'), { recursive: true });
  writeFileSync(path.join(hostile, 'content/dinas/instansi.yml'), INSTANSI);
  HOSTILE.forEach((h, i) => writeFileSync(path.join(hostile, `content/dinas/masukan-${String(i).padStart(2, '0')}.md`), h.sop(1).replace('nomor: 001/SOP/TES/2024', `nomor: ${i}/SOP/TES/2024`)));
  const jobs: Record<string, Promise<Run>> = {
    good: sop(good, ['check']),
    human: sop(bad, ['check']),
    json: sop(bad, ['check', '--format', 'json']),
    github: sop(bad, ['check'], { GITHUB_ACTIONS: 'true' }),
    onlyGood: sop(bad, ['check', 'content/dinas/kedua.md']),
    unknownOption: sop(bad, ['check', '--warna']),
    unknownCommand: sop(bad, ['periksa']),
    missingPath: sop(bad, ['check', 'content/tidak-ada']),
    outsideContent: sop(bad, ['check', '..']),
    outsideFile: sop(bad, ['check', path.join(good, 'content')]),
    hostile: sop(hostile, ['check', '--format', 'json']),
    noContent: sop(root, ['check']),
    help: sop(root, ['--help']),
    typo: sop(root, ['chek']),
    checkHelp: sop(root, ['check', '--help']),
  };
  await Promise.all(Object.entries(jobs).map(async ([name, job]) => (runs[name] = await job)));
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const noStackTrace = (r: Run) => {
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|Error:|node:internal/);
};

describe('sop check (proses nyata)', () => {
  it('konten contoh repo: kode keluar 0, tanpa galat', () => {
    const r = runs.good!;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ berkas diperiksa: 0 galat, \d+ peringatan\./);
    noStackTrace(r);
  });

  it('konten salah: kode keluar 1, berkas:baris:kolom, tanpa jejak tumpukan', () => {
    const r = runs.human!;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${BAD_FILE}:2:8  galat  Nilai \`nomor\` harus berupa teks.  tipe-salah`);
    expect(r.stdout).toContain(`${BAD_FILE}:27:32  galat  Pelaksana "Kepala Dinass" tidak ada dalam daftar \`pelaksana\`. Maksud Anda "Kepala Dinas"?  pelaksana-tak-dikenal`);
    expect(r.stdout).toContain('Saran: ');
    expect(r.stdout).toMatch(/3 berkas diperiksa: 2 galat, 0 peringatan\./);
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a terminal
    noStackTrace(r);
  });

  it('--format json: JSON sah dengan file, line, column, endLine, endColumn, severity, ruleId, message, hint', () => {
    const r = runs.json!;
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      { file: BAD_FILE, line: 2, column: 8, endLine: 2, endColumn: 10, severity: 'galat', ruleId: 'tipe-salah', message: expect.any(String), hint: expect.any(String) },
      // The range covers the value `12` and the cell text `Kepala Dinass`; the end is just past them.
      { file: BAD_FILE, line: 27, column: 32, endLine: 27, endColumn: 45, severity: 'galat', ruleId: 'pelaksana-tak-dikenal', message: expect.stringContaining('Kepala Dinass'), hint: expect.any(String) },
    ]);
  });

  it('GITHUB_ACTIONS=true: anotasi ::error file=…,line=…,endLine=…,col=…,endColumn=…', () => {
    const r = runs.github!;
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(new RegExp(`^::error file=${BAD_FILE},line=2,endLine=2,col=8,endColumn=10,title=tipe-salah::Nilai \`nomor\` harus berupa teks\\.%0ASaran: `));
    expect(annotations[1]).toMatch(new RegExp(`^::error file=${BAD_FILE},line=27,endLine=27,col=32,endColumn=45,title=pelaksana-tak-dikenal::`));
    noStackTrace(r);
  });

  it('hanya berkas yang disebut: SOP yang benar lolos walau SOP lain salah', () => {
    const r = runs.onlyGood!;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 berkas diperiksa: 0 galat, 0 peringatan.');
  });

  it.each([
    ['unknownOption', /Opsi "--warna" tidak dikenal\./],
    ['unknownCommand', /Perintah "periksa" tidak dikenal\./],
    ['typo', /^Perintah "chek" tidak dikenal\. Maksud Anda: check\?\n$/],
    ['missingPath', /Berkas atau folder "content\/tidak-ada" tidak ditemukan\./],
    ['outsideContent', /"\.\." berada di luar folder content\//],
    ['outsideFile', /berada di luar folder content\//],
    ['noContent', /Folder content\/ tidak ditemukan/],
  ])('salah pemakaian (%s): kode keluar 2, pesan Indonesia di stderr', (name, message) => {
    const r = runs[name]!;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    noStackTrace(r);
  });

  it('masukan yang dulu membuat sop check macet: kode keluar 1, setiap berkas bergalat di letaknya', () => {
    const r = runs.hostile!;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; ruleId: string; severity: string }>;
    HOSTILE.forEach((h, i) => {
      const own = list.filter((d) => d.file === `content/dinas/masukan-${String(i).padStart(2, '0')}.md` && d.severity === 'galat');
      expect(own.length, h.name).toBeGreaterThan(0);
      expect(h.rules, h.name).toContain(own[0]!.ruleId);
    });
    expect(list.some((d) => d.ruleId === 'galat-internal')).toBe(false);
  });

  it('pembaca keluaran yang berhenti lebih dulu (sop check | head): kode keluar biasa, tanpa jejak tumpukan', async () => {
    // The reader is gone before the first line: every write fails with EPIPE.
    const child = spawn(process.execPath, [SOP_BIN, 'check'], { cwd: bad, env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1); // the galat in pengujian.md, as without the pipe
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('--help untuk sop dan sop check: kode keluar 0', () => {
    expect(runs.help!.code).toBe(0);
    expect(runs.help!.stdout).toMatch(/Pemakaian: sop <perintah>/);
    expect(runs.help!.stdout).toMatch(/check/);
    expect(runs.checkHelp!.code).toBe(0);
    expect(runs.checkHelp!.stdout).toMatch(/Pemakaian: sop check/);
    expect(runs.checkHelp!.stdout).toMatch(/--format/);
  });
});
