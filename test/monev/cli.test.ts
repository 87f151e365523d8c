// `sop monev` usage: wrong subcommands and options are said in Indonesian (exit 2), before any
// check or print.
import { describe, expect, it } from 'vitest';
import { monev } from '../../scripts/cli/monev.ts';
import type { CheckContext } from '../../scripts/cli/check.ts';
import { UsageError } from '../../scripts/cli/usage.ts';

const ctx = (out: string[] = []): CheckContext => ({ cwd: '/tidak-ada', env: { SOP_HARI_INI: '2026-12-07' }, stdout: (s) => out.push(s), isTTY: false });

describe('sop monev: pemakaian', () => {
  it('--help menjelaskan kedua subperintah dalam bahasa Indonesia', async () => {
    const out: string[] = [];
    expect(await monev(['--help'], ctx(out))).toBe(0);
    expect(out.join('')).toMatch(/sop monev formulir \[--semester TTTT-S\]/);
    expect(out.join('')).toMatch(/Monitoring\s+Pelaksanaan SOP AP/);
  });

  it.each([
    [['formulr'], /Subperintah "formulr" tidak dikenal\. Maksud Anda: formulir\?/],
    [[], /Sebutkan apa yang dicetak: formulir atau laporan\./],
    [['formulir', '--semester', '2026-3'], /Semester "2026-3" tidak valid\./],
    [['laporan', '--tahun', '26'], /Tahun "26" tidak valid\./],
    [['laporan', '--semester', '2026-1'], /--semester dipakai untuk formulir\./],
  ])('%j → galat pemakaian', async (argv, message) => {
    const run = monev(argv, ctx());
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(message);
  });
});
