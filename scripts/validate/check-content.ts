// `sop check` as a pure function: raw files in, diagnostics (on vfiles) and valid SOPs out.
import path from 'node:path';
import { VFile } from 'vfile';
import type { Project } from '../model/project.ts';
import type { Sop } from '../model/sop.ts';
import { hasErrors, report } from '../diagnostics/report.ts';
import { parseSopSource } from '../parse/sop-source.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { decodeSource, placeOfByte } from '../source/decode.ts';
import { RESERVED_KATALOG } from '../site/urls.ts';
import { checkBookPage } from './book-page.ts';
import { validateInstansi, type InstansiEntry } from './instansi.ts';
import { checkProject, projectFacts, type ProjectFacts } from './project.ts';
import { validateSop } from './sop.ts';

export interface CheckResult {
  /** Every file looked at, with its messages. */
  files: VFile[];
  /** SOPs without errors, in path order. */
  sops: Sop[];
  instansi: InstansiEntry[];
  ok: boolean;
}

/** Folder → its instansi.yml entry (undefined when the file is there but unreadable). */
export type InstansiByDir = Map<string, InstansiEntry | undefined>;

/** Stage 1: every instansi.yml (few, and every SOP needs them). */
export function checkInstansiFiles(set: ContentSet, exists: (p: string) => boolean): { files: VFile[]; byDir: InstansiByDir; instansi: InstansiEntry[] } {
  const files: VFile[] = [];
  const byDir: InstansiByDir = new Map();
  const instansi: InstansiEntry[] = [];
  for (const raw of set.instansi) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    const entry = guarded(file, () => {
      const text = decode(file, raw, 'instansi.yml');
      const id = path.relative(set.contentDir, raw.abs).split(path.sep)[0] ?? '';
      return text === undefined ? undefined : validateInstansi(file, text, id, raw.abs, exists, raw.rel);
    });
    byDir.set(path.dirname(raw.abs), entry);
    if (entry) instansi.push(entry);
    checkInstansiFolder(file, path.relative(set.contentDir, raw.abs).split(path.sep)[0] ?? '');
  }
  for (const raw of set.bookPages ?? []) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    guarded(file, () => {
      const text = decode(file, raw, 'Halaman buku');
      if (text !== undefined) checkBookPage(file, text);
    });
  }
  return { files, byDir, instansi };
}

/** The site lists an instansi at katalog/<folder>/: its folder may not take a catalogue page's name. */
function checkInstansiFolder(file: VFile, id: string): void {
  // Lower case: on Windows and macOS `Status/` and `status/` are one folder.
  if (!RESERVED_KATALOG.has(id.toLowerCase())) return;
  report(file, 'folder-instansi-bentrok', `Nama folder instansi "${id}" sama dengan halaman katalog /katalog/${id.toLowerCase()}/ di situs.`, { line: 1, column: 1 }, {
    hint: `Ganti nama folder content/${id}/, mis. menjadi singkatan nama instansinya. Nama ${[...RESERVED_KATALOG].map((r) => `"${r}"`).join(' dan ')} dipakai situs.`,
  });
}

/** The outcome of one SOP file, apart from the rules that look across files. */
export interface SopFileResult {
  file: VFile;
  sop?: Sop;
  facts?: ProjectFacts;
}

/** Stage 2: one SOP file on its own (decode, parse, cascade, validate). */
export function checkSopFile(raw: RawFile, contentDir: string, byDir: InstansiByDir): SopFileResult {
  const file = new VFile({ path: raw.rel });
  const source = guarded(file, () => {
    const text = decode(file, raw, 'Berkas SOP');
    return text === undefined ? undefined : parseSopSource(file, text);
  });
  if (!source) return { file };
  const id = path.relative(contentDir, raw.abs).split(path.sep).join('/').replace(/\.md$/, '');
  const near = nearestInstansi(byDir, path.dirname(raw.abs), contentDir);
  const sop = guarded(file, () => validateSop(source, near.entry, { id, slug: path.basename(id), path: raw.rel }, near.found));
  const facts = guarded(file, () => projectFacts(source));
  return { file, ...(sop ? { sop } : {}), ...(facts ? { facts } : {}) };
}

/** Stage 3: rules across files, then the verdict. */
export function finishCheck(instansiFiles: VFile[], instansi: InstansiEntry[], results: SopFileResult[]): CheckResult {
  const entries = results.filter((r) => r.facts).map((r) => ({ file: r.file, facts: r.facts! }));
  const files = [...instansiFiles, ...results.map((r) => r.file)];
  guarded(files[0] ?? new VFile(), () => checkProject(entries));
  const sops = results.flatMap((r) => (r.sop ? [r.sop] : []));
  checkSlugs(sops, new Map(results.map((r) => [r.file.path, r.file])));
  // A cross-file error (duplicate nomor …) invalidates an SOP that was otherwise fine.
  const invalid = new Set(files.filter((f) => f.messages.some((m) => m.fatal)).map((f) => f.path));
  return { files, sops: sops.filter((s) => !invalid.has(s.path)), instansi, ok: !hasErrors(files) };
}

/** The checked project every command works on (only meaningful when `result.ok`). */
export function projectOf(result: CheckResult, root: string): Project {
  return { root, instansi: result.instansi.map((e) => e.instansi), sops: result.sops };
}

export function checkContent(set: ContentSet, exists: (p: string) => boolean): CheckResult {
  const { files, byDir, instansi } = checkInstansiFiles(set, exists);
  return finishCheck(files, instansi, set.sops.map((raw) => checkSopFile(raw, set.contentDir, byDir)));
}

/**
 * Bad input must never crash `sop check`: an unexpected exception while reading one file becomes
 * an error on that file (the other files are still checked).
 */
function guarded<T>(file: VFile, run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    report(file, 'galat-internal', 'Berkas ini tidak dapat diperiksa sampai selesai karena galat di dalam program sop.', { line: 1, column: 1 }, {
      hint: `Periksa bagian berkas yang tidak biasa, lalu laporkan ke pengelola sop-press beserta berkas ini (keterangan teknis: ${e instanceof Error ? e.message : String(e)}).`,
    });
    return undefined;
  }
}

/** PDFs and site pages are named `<instansi>/<slug>`: two SOPs may not share one. */
function checkSlugs(sops: Sop[], sopFiles: Map<string, VFile>): void {
  const seen = new Map<string, Sop>();
  for (const sop of sops) {
    const key = `${sop.instansi.id}/${sop.slug}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, sop);
      continue;
    }
    for (const [s, other] of [[first, sop], [sop, first]] as const) {
      const file = sopFiles.get(s.path);
      if (file) report(file, 'nama-berkas-ganda', `Nama berkas "${s.slug}.md" juga dipakai oleh ${other.path} di instansi yang sama.`, { line: 1, column: 1 }, {
        hint: 'Ganti nama salah satu berkas: PDF dan halaman situs diberi nama menurut nama berkas.',
      });
    }
  }
}

/** The nearest instansi.yml walking up from `dir`: `found` also when it exists but could not be read. */
function nearestInstansi(byDir: Map<string, InstansiEntry | undefined>, dir: string, contentDir: string): { found: boolean; entry?: InstansiEntry } {
  for (let d = dir; ; d = path.dirname(d)) {
    if (byDir.has(d)) {
      const entry = byDir.get(d);
      return entry ? { found: true, entry } : { found: true };
    }
    if (d === contentDir || path.dirname(d) === d || !d.startsWith(contentDir)) return { found: false };
  }
}

function decode(file: VFile, raw: RawFile, what: string): string | undefined {
  if (raw.readError) {
    report(file, 'berkas-tak-terbaca', `Berkas ini tidak dapat dibuka (${raw.readError}).`, { line: 1, column: 1 }, {
      hint: raw.readError === 'ENOENT'
        ? 'Berkas ini adalah pintasan (link) ke berkas yang sudah tidak ada: hapus pintasannya atau salin berkas aslinya ke sini.'
        : 'Periksa izin akses berkas ini, atau salin ulang berkasnya.',
    });
    return undefined;
  }
  const decoded = decodeSource(raw.bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'biner') {
    report(file, 'berkas-biner', decoded.kind ? `Berkas ini bukan teks, melainkan ${decoded.kind}.` : 'Berkas ini bukan teks (berisi data biner).', placeOfByte(raw.bytes, decoded.offset), {
      hint: `${what} harus berupa teks biasa: buat dan simpan dengan editor teks (Notepad, VS Code), bukan Word, PDF atau program gambar.`,
    });
  } else if (decoded.reason === 'utf16') {
    report(file, 'bukan-utf8', 'Berkas tersimpan dalam pengodean UTF-16 ("Unicode"), bukan UTF-8.', { line: 1, column: 1 }, {
      hint: 'Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8).',
    });
  } else {
    report(file, 'bukan-utf8', 'Berkas tidak tersimpan dalam pengodean UTF-8: huruf pada posisi ini tidak dapat dibaca.', placeOfByte(raw.bytes, decoded.offset), {
      hint: 'Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8), lalu periksa huruf beraksen (mis. é) pada posisi ini.',
    });
  }
  return undefined;
}
