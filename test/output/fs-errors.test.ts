// File-system failures in Indonesian: the path as an officer sees it, why, what to do; a full
// disk is simulated by a failing writeFileSync (node:fs mocked for this file only).
import fs, { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { explainFsErrors, isFsError, OutputError, outputError, type FsError } from '../../scripts/output/fs-errors.ts';
import { currentSet, replaceSet } from '../../scripts/output/sets.ts';

const failWrites = vi.hoisted(() => ({ when: (_file: string): string | undefined => undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const writeFileSync: typeof real.writeFileSync = (file, ...rest) => {
    const code = failWrites.when(String(file));
    // As write(2) reports it: a code and a syscall, no path.
    if (code) throw Object.assign(new Error(`${code}: simulated, write`), { code, errno: -28, syscall: 'write' });
    return real.writeFileSync(file, ...rest);
  };
  return { ...real, default: { ...real, writeFileSync }, writeFileSync };
});

const ROOT = '/proyek';
const fsError = (code: string, syscall: string, file?: string, dest?: string): FsError =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall, ...(file ? { path: file } : {}), ...(dest ? { dest } : {}) });

beforeEach(() => {
  failWrites.when = () => undefined;
});

describe('outputError', () => {
  it.each([
    ['EACCES', 'open', 'izin ditolak', /boleh menulis/],
    ['EPERM', 'unlink', 'tidak diizinkan', /tutup dulu berkas/],
    ['EROFS', 'mkdir', 'hanya dapat dibaca', /disk yang dapat ditulisi/],
    ['ENOSPC', 'write', 'disk penuh', /Kosongkan ruang/],
    ['EDQUOT', 'write', 'kuota disk', /kuota/],
    ['EISDIR', 'open', 'ada folder di tempat yang seharusnya berkas', /folder output\/pdf\/a\/b\.pdf/],
    ['EEXIST', 'mkdir', 'sudah ada', /ganti nama output\/pdf\/a\/b\.pdf/],
    ['ENAMETOOLONG', 'open', 'terlalu panjang', /Perpendek nama/],
    ['EMFILE', 'open', 'terlalu banyak berkas terbuka', /ulimit -n/],
    ['EBUSY', 'rename', 'dipakai program lain', /Tutup program/],
  ])('%s: names the path, says why in Indonesian, and what to do', (code, syscall, why, hint) => {
    const e = outputError(fsError(code, syscall, `${ROOT}/output/pdf/a/b.pdf`), ROOT);
    expect(e.exitCode).toBe(1);
    expect(e.message).toContain('output/pdf/a/b.pdf');
    expect(e.message).toContain(why);
    expect(e.message).not.toContain(code);
    expect(e.hint).toMatch(hint);
    expect(e.hint).toContain('Hasil sebelumnya di output/ tidak diubah.');
  });

  it('ENOTDIR: names the file that stands where a folder is needed', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-fserr-'));
    mkdirSync(path.join(root, 'output'));
    writeFileSync(path.join(root, 'output', '.sets'), 'berkas');
    const e = outputError(fsError('ENOTDIR', 'mkdir', path.join(root, 'output', '.sets', 'pdf.1.ab')), root);
    // The set's own folder is named as the folder people open; the blocker as it is.
    expect(e.message).toBe('Tidak dapat membuat folder output/pdf: ada berkas di tempat yang seharusnya folder (output/.sets adalah berkas).');
    expect(e.hint).toContain('Pindahkan atau ganti nama berkas output/.sets');
  });

  it('shows a file of a set being written as the path people open', () => {
    const e = outputError(fsError('ENOSPC', 'write', `${ROOT}/output/.sets/buku.4711.x_3-Fq/dinas-2025.pdf`), ROOT);
    expect(e.message).toBe('Tidak dapat menulis output/buku/dinas-2025.pdf: disk penuh.');
  });

  it('names both ends of a failed rename, and keeps paths outside the project absolute', () => {
    const e = outputError(fsError('EXDEV', 'rename', '/mnt/lain/x', `${ROOT}/output/site`), ROOT);
    expect(e.message).toBe('Tidak dapat memindahkan /mnt/lain/x ke output/site: berada di disk yang berbeda.');
  });

  it('still says something useful for a code it does not know', () => {
    const e = outputError(fsError('ESTALE', 'open', `${ROOT}/output/pdf/a.pdf`), ROOT);
    expect(e.message).toBe('Tidak dapat membuka/menulis output/pdf/a.pdf: galat sistem berkas ESTALE.');
    expect(e.hint).toContain('Periksa folder tersebut');
  });

  it('recognises Node file-system errors only', () => {
    expect(isFsError(fsError('ENOSPC', 'write'))).toBe(true);
    expect(isFsError(new Error('ENOSPC'))).toBe(false);
    expect(isFsError(Object.assign(new Error('x'), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }))).toBe(false);
  });
});

describe('a full disk while a set is written', () => {
  it('fails with the PDF path as people know it, and leaves the previous set as it was', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-enospc-'));
    const out = path.join(root, 'output');
    await replaceSet(out, 'pdf', (set) => {
      set.write('dinas/a.pdf', 'lama');
      set.write('dinas/b.pdf', 'lama');
    });
    failWrites.when = (file) => (file.endsWith('b.pdf') ? 'ENOSPC' : undefined);
    const failed = await replaceSet(out, 'pdf', (set) => {
      set.write('dinas/a.pdf', 'baru');
      set.write('dinas/b.pdf', 'baru');
    }).catch((e: unknown) => e);
    expect(isFsError(failed)).toBe(true);
    const e = outputError(failed as FsError, root);
    expect(e.message).toBe('Tidak dapat menulis output/pdf/dinas/b.pdf: disk penuh.');
    expect(readFileSync(path.join(out, 'pdf', 'dinas', 'a.pdf'), 'utf8')).toBe('lama');
    expect(fs.readdirSync(path.join(out, '.sets')).sort()).toEqual([path.basename(currentSet(out, 'pdf')!), `${path.basename(currentSet(out, 'pdf')!)}.ledger`]); // no unfinished set left
  });
});

describe('a full disk after some sets were shown (issue 21, item 11)', () => {
  it('says which folders are already new, not that nothing changed', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-enospc-'));
    const out = path.join(root, 'output');
    failWrites.when = (file) => (file.endsWith('index.html') ? 'ENOSPC' : undefined);
    const failed = await explainFsErrors(root, async () => {
      await replaceSet(out, 'pdf', (set) => set.write('dinas/a.pdf', 'baru'));
      await replaceSet(out, 'buku', (set) => set.write('dinas-2025.pdf', 'baru'));
      await replaceSet(out, 'site', (set) => set.write('index.html', 'baru'));
    }).then(() => undefined, (e: unknown) => e as OutputError);
    expect(failed).toBeInstanceOf(OutputError);
    expect(failed!.message).toBe('Tidak dapat menulis output/site/index.html: disk penuh.');
    expect(failed!.hint).toContain('output/pdf dan output/buku sudah diperbarui lengkap sebelum galat ini; selebihnya di output/ tidak diubah.');
    expect(failed!.hint).not.toContain('Hasil sebelumnya di output/ tidak diubah');
    // Nothing shown yet: the plain sentence.
    const first = await explainFsErrors(root, async () => replaceSet(path.join(root, 'lain'), 'site', (set) => set.write('index.html', 'x'))).then(() => undefined, (e: unknown) => e as OutputError);
    expect(first!.hint).toContain('Hasil sebelumnya di output/ tidak diubah.');
  });
});
