// One error base: every failure a person can fix is a SopError with an exit code and a hint,
// and only cli/main.ts turns it into "Galat: … / Saran: …" and an exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrontMatterError } from '../../scripts/book/front-matter.ts';
import { PlaceholderError } from '../../scripts/book/markdown.ts';
import { main } from '../../scripts/cli/main.ts';
import { UsageError } from '../../scripts/cli/usage.ts';
import { EXIT, SopError } from '../../scripts/errors.ts';
import { PrerequisiteError } from '../../scripts/print/browser.ts';

describe('SopError', () => {
  it.each([
    [new UsageError('Opsi salah.', 'Pakai --format json.'), EXIT.usage, 'UsageError'],
    [new PrerequisiteError('Browser tidak ditemukan.', 'Pasang chromium.'), EXIT.usage, 'PrerequisiteError'],
    [new FrontMatterError('buku/a.md: rusak.', 'Perbaiki.'), EXIT.invalid, 'FrontMatterError'],
    [new PlaceholderError(['tahn'], ['tahun']), EXIT.invalid, 'PlaceholderError'],
  ])('%s: turunan SopError dengan kode keluar dan saran', (e, code, name) => {
    expect(e).toBeInstanceOf(SopError);
    expect(e.exitCode).toBe(code);
    expect(e.name).toBe(name);
    expect(e.hint).toMatch(/\S/);
  });

  it('kode keluar bawaan 1, sebab disimpan', () => {
    const cause = new Error('ENOENT');
    const e = new SopError('Berkas hilang.', { cause });
    expect(e.exitCode).toBe(EXIT.invalid);
    expect(e.cause).toBe(cause);
  });
});

describe('main: satu-satunya tempat galat menjadi kode keluar', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('UsageError dari perintah: Galat, Saran, petunjuk --help, kode 2, tanpa stack', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-errors-'));
    dirs.push(dir);
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (written.push(String(s)), true));
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    const code = await main(['check']); // no content/ here
    const text = written.join('');
    expect(code).toBe(EXIT.usage);
    expect(text).toMatch(/^Galat: .+\nSaran: .+\nLihat "sop check --help"\.\n$/);
    expect(text).not.toMatch(/\n\s+at /);
  });
});
