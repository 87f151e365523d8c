// File-system failures, in words a document officer can act on: the one place that turns Node's
// error codes (EACCES, ENOSPC, ENOTDIR…) into Indonesian, with the path and what to do.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { EXIT, SopError } from '../errors.ts';
import { shownMark, shownSince } from './shown.ts';

/** Output cannot be written (or read back): exit 1, the message names the path, the hint what to do. */
export class OutputError extends SopError {
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, { exitCode: EXIT.invalid, hint, cause: options?.cause });
  }
}

/** What Node attaches to a failed file-system call. */
export interface FsError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

export function isFsError(error: unknown): error is FsError {
  return error instanceof Error && typeof (error as FsError).code === 'string' && /^E[A-Z0-9]+$/.test((error as FsError).code) && (typeof (error as FsError).syscall === 'string' || typeof (error as FsError).path === 'string');
}

const UNCHANGED = 'Hasil sebelumnya di output/ tidak diubah.';

/** Why, and what to do, per error code. `{path}` is the path named in the message. */
const CAUSES: Record<string, { why: string; hint: string }> = {
  EACCES: { why: 'izin ditolak', hint: 'Pastikan akun Anda boleh menulis di folder tersebut (periksa izin folder atau pemiliknya), lalu jalankan lagi.' },
  EPERM: {
    why: 'tindakan tidak diizinkan',
    hint: 'Periksa izin folder tersebut; di Windows, tutup dulu berkas yang sedang dibuka (mis. PDF di penampil PDF), lalu jalankan lagi.',
  },
  EROFS: { why: 'media penyimpanannya hanya dapat dibaca', hint: 'Salin folder proyek ke disk yang dapat ditulisi (bukan CD, flashdisk terkunci, atau folder bersama yang hanya-baca), lalu jalankan dari sana.' },
  ENOSPC: { why: 'disk penuh', hint: 'Kosongkan ruang di disk tersebut (hapus berkas yang tidak dipakai atau kosongkan Tempat Sampah), lalu jalankan lagi.' },
  EDQUOT: { why: 'kuota disk akun Anda habis', hint: 'Hapus berkas yang tidak dipakai atau minta kuota tambahan kepada pengelola server, lalu jalankan lagi.' },
  ENOTDIR: { why: 'ada berkas di tempat yang seharusnya folder', hint: 'Pindahkan atau ganti nama berkas {blocker}, lalu jalankan lagi.' },
  EISDIR: { why: 'ada folder di tempat yang seharusnya berkas', hint: 'Pindahkan atau ganti nama folder {path}, lalu jalankan lagi.' },
  EEXIST: { why: 'sudah ada sesuatu dengan nama itu', hint: 'Pindahkan atau ganti nama {path}, lalu jalankan lagi.' },
  ENOTEMPTY: { why: 'folder tersebut tidak kosong', hint: 'Pindahkan atau ganti nama folder {path}, lalu jalankan lagi.' },
  ENAMETOOLONG: { why: 'nama atau jalurnya terlalu panjang', hint: 'Perpendek nama berkas atau folder SOP, atau pindahkan proyek ke folder yang lebih dekat ke akar disk.' },
  EMFILE: { why: 'terlalu banyak berkas terbuka sekaligus', hint: 'Tutup program lain yang membuka banyak berkas, atau naikkan batasnya (mis. "ulimit -n 4096"), lalu jalankan lagi.' },
  ENFILE: { why: 'sistem kehabisan jatah berkas terbuka', hint: 'Tutup program lain, lalu jalankan lagi.' },
  EBUSY: { why: 'sedang dipakai program lain', hint: 'Tutup program yang membuka {path} (penampil PDF, peramban, server web), lalu jalankan lagi.' },
  ENOENT: { why: 'tidak ditemukan (mungkin dihapus atau dipindahkan saat perintah berjalan)', hint: 'Jangan mengubah folder output/ selama perintah berjalan, lalu jalankan lagi.' },
  ELOOP: { why: 'tautan simbolik berputar-putar', hint: 'Periksa tautan simbolik di jalur {path} dan perbaiki tujuannya.' },
  EIO: { why: 'galat baca/tulis perangkat', hint: 'Periksa disk atau sambungan ke folder jaringan, lalu jalankan lagi.' },
  EXDEV: { why: 'berada di disk yang berbeda', hint: 'Jangan jadikan output/ atau bagiannya tautan ke disk lain; biarkan output/ berada dalam satu disk.' },
};

/** What the failed system call was doing, as an Indonesian verb phrase. */
const ACTIONS: Record<string, string> = {
  open: 'membuka/menulis',
  write: 'menulis',
  close: 'menulis',
  mkdir: 'membuat folder',
  mkdtemp: 'membuat folder sementara',
  rename: 'memindahkan',
  unlink: 'menghapus',
  rm: 'menghapus',
  rmdir: 'menghapus folder',
  symlink: 'membuat tautan',
  link: 'menautkan',
  copyfile: 'menyalin',
  cp: 'menyalin',
  scandir: 'membaca isi folder',
  opendir: 'membaca isi folder',
  read: 'membaca',
  readlink: 'membaca tautan',
  stat: 'memeriksa',
  lstat: 'memeriksa',
  access: 'memeriksa',
  chmod: 'mengubah izin',
  utime: 'mengubah waktu',
};

/** A set being written (output/sets.ts) is shown as the folder people open: output/pdf, not output/.sets/pdf.123.x. */
const SET_FOLDER = /([\\/])\.sets[\\/](pdf|buku|site)\.\d+\.[A-Za-z0-9_-]+(?=[\\/]|$)/;

/** `file` relative to `root` when inside it (as an officer sees the project), else absolute. */
export function shownPath(file: string, root: string): string {
  const rel = path.relative(root, file.replace(SET_FOLDER, '$1$2'));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** The nearest existing ancestor of `file` that is not a folder: what blocks an ENOTDIR. */
function blockingFile(file: string): string | undefined {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      if (!lstatSync(dir).isDirectory()) return dir;
    } catch {
      // not there: look further up
    }
  }
  return undefined;
}

/**
 * What a failure left of output/: nothing changed, or which folders already show their new,
 * complete files (`updated`, absolute) while the rest stayed as it was.
 */
export function unchangedNote(updated: readonly string[], root: string): string {
  if (!updated.length) return UNCHANGED;
  const names = updated.map((f) => shownPath(f, root));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}`;
  return `${list} sudah diperbarui lengkap sebelum galat ini; selebihnya di output/ tidak diubah.`;
}

/**
 * The officer-facing form of a file-system failure. `root`: the project folder, for short paths;
 * `updated`: folders of output/ this command already switched to their new files.
 */
export function outputError(error: FsError, root: string, updated: readonly string[] = []): OutputError {
  const where = error.path ?? error.dest;
  const shown = where ? shownPath(where, root) : '(tidak diketahui)';
  const action = ACTIONS[error.syscall ?? ''] ?? 'mengakses';
  const cause = CAUSES[error.code];
  const blocker = error.code === 'ENOTDIR' && where ? blockingFile(where) : undefined;
  const blockerShown = blocker ? shownPath(blocker, root) : shown;
  const why = cause
    ? cause.why + (blocker ? ` (${blockerShown} adalah berkas)` : '')
    : `galat sistem berkas ${error.code}`;
  const target = error.syscall === 'rename' && error.dest ? ` ke ${shownPath(error.dest, root)}` : '';
  const hint = (cause?.hint ?? 'Periksa folder tersebut, lalu jalankan lagi.').replaceAll('{path}', shown).replaceAll('{blocker}', blockerShown);
  return new OutputError(`Tidak dapat ${action} ${shown}${target}: ${why}.`, `${hint} ${unchangedNote(updated, root)}`, { cause: error });
}

/** Runs `fn`, which writes `file`: a failure without a path (ENOSPC from write(2)) gets this one. */
export function writing<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isFsError(error) && !error.path) error.path = file;
    throw error;
  }
}

/** Runs `fn`; a file-system failure comes out as an OutputError, anything else as it was. */
export async function explainFsErrors<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const mark = shownMark();
  try {
    return await fn();
  } catch (error) {
    throw isFsError(error) ? outputError(error, root, shownSince(mark)) : error;
  }
}
