// `sop site` on the command line: help, and usage errors before anything is built.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/cli/main.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('sop site (command line)', () => {
  it('is listed in the help and has its own', async () => {
    let io = capture();
    expect(await main(['--help'])).toBe(0);
    expect(io.out()).toMatch(/^\s+site\s+bangun situs katalog SOP publik/m);
    vi.restoreAllMocks();
    io = capture();
    expect(await main(['site', '--help'])).toBe(0);
    expect(io.out()).toContain('Pemakaian: sop site [--base-url ALAMAT]');
    expect(io.out()).toContain('--tanpa-buku');
  });

  it('refuses a base URL that is not a path or an http(s) address (exit 2)', async () => {
    const io = capture();
    expect(await main(['site', '--base-url', 'javascript:alert(1)'])).toBe(2);
    expect(io.err()).toContain('Alamat dasar');
    expect(io.err()).toContain('Saran:');
  });

  it('refuses a book year that is not a year (exit 2)', async () => {
    const io = capture();
    expect(await main(['site', '--tahun', '24'])).toBe(2);
    expect(io.err()).toContain('Tahun "24" tidak valid');
  });
});
