// `sop book` as an officer runs it: help, usage errors (exit 2) and a failing check (exit 1).
// None of these reach the browser, so they run as real processes, in parallel, quickly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';
import { runSop, type SopRun } from '../support/run-sop.ts';

type Run = SopRun;
const sop = (cwd: string, args: string[]) => runSop(cwd, args);

let broken: string;
const runs: Record<string, Run> = {};

beforeAll(async () => {
  broken = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-book-cli-'));
  fs.cpSync(path.join(ROOT, 'content'), path.join(broken, 'content'), { recursive: true });
  const file = path.join(broken, 'content/dkukmtk-balangan/monitoring-evaluasi-internal-capaian-kinerja.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^nama: .*$/m, ''));
  const cases: Record<string, [string, string[]]> = {
    help: [ROOT, ['book', '--help']],
    mainHelp: [ROOT, ['--help']],
    tahun: [ROOT, ['book', '--tahun', 'abc']],
    tahunRange: [ROOT, ['book', '--tahun', '0999']],
    instansi: [ROOT, ['book', '--instansi', 'diskominfo-pesel']],
    option: [ROOT, ['book', '--tahunn', '2024']],
    invalid: [broken, ['book', '--tahun', '2024']],
  };
  await Promise.all(Object.entries(cases).map(async ([k, [cwd, args]]) => (runs[k] = await sop(cwd, args))));
});

afterAll(() => {
  if (broken) fs.rmSync(broken, { recursive: true, force: true });
});

describe('sop book (command line)', () => {
  it('explains itself in Indonesian', () => {
    expect(runs.help!.code).toBe(0);
    expect(runs.help!.stdout).toContain('Pemakaian: sop book [--instansi FOLDER …] [--tahun TTTT] [--draf]');
    expect(runs.help!.stdout).toContain('Kode keluar: 0 berhasil');
    expect(runs.mainHelp!.stdout).toMatch(/book\s+susun buku SOP tahunan/);
  });

  it('rejects a year that is not one (exit 2)', () => {
    expect(runs.tahun!.code).toBe(2);
    expect(runs.tahun!.stderr).toContain('Tahun "abc" tidak valid.');
    expect(runs.tahun!.stderr).toContain('Saran: Tulis tahun empat angka');
    expect(runs.tahunRange!.code).toBe(2);
  });

  it('rejects an unknown instansi and suggests the closest folder (exit 2)', () => {
    expect(runs.instansi!.code).toBe(2);
    expect(runs.instansi!.stderr).toContain('Instansi "diskominfo-pesel" tidak ada di content/.');
    expect(runs.instansi!.stderr).toContain('Maksudnya "diskominfo-pessel"?');
  });

  it('rejects an unknown option (exit 2)', () => {
    expect(runs.option!.code).toBe(2);
    expect(runs.option!.stderr).toContain('Opsi "--tahunn" tidak dikenal.');
  });

  it('refuses to build when sop check fails (exit 1), leaving output/ alone', () => {
    expect(runs.invalid!.code).toBe(1);
    expect(runs.invalid!.stdout).toContain('Pembangunan dibatalkan');
    expect(fs.existsSync(path.join(broken, 'output'))).toBe(false);
  });
});
