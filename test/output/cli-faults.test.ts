// `sop build` against a disk that will not take the output: a file where a folder belongs, a
// read-only output/, a full disk (a tiny tmpfs; only where this process may mount one). Every
// failure: Indonesian, the path, a hint, exit 1, no stack trace, the previous output untouched.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedSops } from '../pdf/fixtures.ts';
import { ROOT, SOP, tempDir } from '../pdf/helpers.ts';

const mounted: string[] = [];

afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir]);
});

function project(): string {
  const dir = tempDir('disk');
  symlinkSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'));
  for (const [rel, text] of Object.entries(generatedSops(1))) {
    mkdirSync(path.dirname(path.join(dir, 'content', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'content', rel), text);
  }
  return dir;
}

const build = (cwd: string) => spawnSync(process.execPath, [SOP, 'build'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A tmpfs at `dir` (root only); false where mounting is not allowed. */
function tmpfs(dir: string, options: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  mkdirSync(dir, { recursive: true });
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status !== 0) return false;
  mounted.push(dir);
  return true;
}

function expectOfficerError(r: ReturnType<typeof build>, message: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/\nSaran: .+Hasil sebelumnya di output\/ tidak diubah\./);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|ENOENT|EACCES|EROFS|ENOSPC|ENOTDIR|laporkan/);
}

describe('sop build on a disk that refuses the output', () => {
  it('a file named output', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'output'), 'bukan folder');
    expectOfficerError(build(dir), /^Galat: Tidak dapat memeriksa output\/pdf: ada berkas di tempat yang seharusnya folder \(output adalah berkas\)\.\n/m);
    expect(readFileSync(path.join(dir, 'output'), 'utf8')).toBe('bukan folder');
  });

  it('a file named output/.sets', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'output'));
    writeFileSync(path.join(dir, 'output', '.sets'), '');
    expectOfficerError(build(dir), /^Galat: Tidak dapat membuat folder output\/pdf: ada berkas di tempat yang seharusnya folder \(output\/\.sets adalah berkas\)\.\n/m);
  });

  it('a read-only output/ (a read-only mount as root, file permissions otherwise)', (ctx) => {
    const dir = project();
    const out = path.join(dir, 'output');
    const root = process.getuid?.() === 0;
    if (root ? !tmpfs(out, 'size=1m') : false) ctx.skip();
    mkdirSync(path.join(out, 'pdf', 'gen'), { recursive: true });
    writeFileSync(path.join(out, 'pdf', 'gen', 'sop-1.pdf'), 'versi lama');
    if (root) spawnSync('mount', ['-o', 'remount,ro', out]);
    else chmodSync(out, 0o555);
    try {
      expectOfficerError(build(dir), /^Galat: Tidak dapat membuat folder output\/(pdf|\.sets): (media penyimpanannya hanya dapat dibaca|izin ditolak)\.\n/m);
      expect(readFileSync(path.join(out, 'pdf', 'gen', 'sop-1.pdf'), 'utf8')).toBe('versi lama');
    } finally {
      if (!root) chmodSync(out, 0o755);
    }
  });

  it('a full disk: the PDF that did not fit is named, the previous set stays', (ctx) => {
    const dir = project();
    if (!tmpfs(path.join(dir, 'output'), 'size=48k')) ctx.skip();
    expectOfficerError(build(dir), /^Galat: Tidak dapat (menulis|membuka\/menulis) output\/pdf\/gen\/sop-1\.pdf: disk penuh\.\n/m);
  }, 120_000);
});
