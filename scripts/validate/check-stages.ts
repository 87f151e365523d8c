// The stages of `sop check` around the per-file one (check-content.ts): every instansi.yml first,
// the rules across files last. A check answered from its cache runs only these, and loads neither
// the Markdown parser nor the SOP rules and the flowchart layout they use (check-parallel.ts).
import path from 'node:path';
import { VFile } from 'vfile';
import type { Project } from '../model/project.ts';
import { nameSlug } from '../model/slug.ts';
import type { Sop } from '../model/sop.ts';
import { hasErrors, plainMessages, replayMessages, report, type PlainMessage } from '../diagnostics/report.ts';
import { LIMITS } from '../parse/bounds.ts';
import type { AssetProbe, AssetVerdict } from '../source/assets.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { decodeSource, placeOfByte } from '../source/decode.ts';
import { RESERVED_KATALOG } from '../site/urls.ts';
import { isDecreeFile } from '../book/placeholders.ts';
import { BOOK_PAGES_DIR } from '../model/paths.ts';
import { checkBookPage } from './book-page.ts';
import { validateInstansi, type InstansiEntry } from './instansi.ts';
import { checkProject, type ProjectFacts } from './project.ts';
import { checkDueDates, validateMonev } from './monev.ts';
import type { MonevResults } from '../model/monev.ts';
import type { IsoDay } from '../model/sop.ts';

export interface CheckResult {
  /** Every file looked at, with its messages. */
  files: VFile[];
  /** SOPs without errors, in path order. */
  sops: Sop[];
  instansi: InstansiEntry[];
  /** Monitoring and evaluation results files without errors, in path order. */
  monev: MonevResults[];
  ok: boolean;
  /** What it was checked from (fingerprint.ts), when the caller asked for it. */
  fingerprint?: string;
}

/** The results files to check, and the day their due dates are counted from. */
export interface MonevInput {
  raws: RawFile[];
  contentDir: string;
  byDir: InstansiByDir;
  today: IsoDay;
}

/** Folder → its instansi.yml entry (undefined when the file is there but unreadable). */
export type InstansiByDir = Map<string, InstansiEntry | undefined>;

/** What one instansi.yml gave (its own messages, its entry) and the asset answers it was judged with. */
export interface InstansiOutcome {
  messages: PlainMessage[];
  entry?: Omit<InstansiEntry, 'file'>;
  /** Every asset (its logo) asked about, with the answer: asked again before the outcome is reused. */
  assets: Array<[string, AssetVerdict]>;
}

/**
 * Outcomes of earlier runs (check-cache.ts): `instansiOutcome` answers only for the same bytes at the same
 * place, and when every asset gives the same answer as then (a logo's bytes are read again).
 */
export interface InstansiMemo {
  instansiOutcome(raw: RawFile, contentDir: string, ask: (abs: string) => AssetVerdict): InstansiOutcome | undefined;
  keepInstansi(raw: RawFile, contentDir: string, outcome: InstansiOutcome): void;
}

function withoutFile({ file: _file, ...entry }: InstansiEntry): InstansiOutcome['entry'] {
  return entry;
}

/** Stage 1: every instansi.yml (few, and every SOP needs them). */
export function checkInstansiFiles(set: ContentSet, probe: AssetProbe, memo?: InstansiMemo): { files: VFile[]; byDir: InstansiByDir; instansi: InstansiEntry[] } {
  const files: VFile[] = [];
  const byDir: InstansiByDir = new Map();
  const instansi: InstansiEntry[] = [];
  /** Each entry's folder right under content/, as named on disk. */
  const folders = new Map<InstansiEntry, string>();
  for (const raw of set.instansi) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    const folder = path.relative(set.contentDir, raw.abs).split(path.sep)[0] ?? '';
    const ask = (abs: string) => probe(abs, set.contentDir);
    const kept = memo?.instansiOutcome(raw, set.contentDir, ask);
    let entry: InstansiEntry | undefined;
    if (kept) {
      replayMessages(file, kept.messages);
      entry = kept.entry && { ...kept.entry, file };
    } else {
      const assets: InstansiOutcome['assets'] = [];
      entry = guarded(file, () => {
        const text = decode(file, raw, 'instansi.yml');
        // Output paths and URLs use the folder's slug (model/slug.ts), never the raw name.
        const id = nameSlug(folder);
        const asked = (abs: string) => {
          const verdict = ask(abs);
          assets.push([abs, verdict]);
          return verdict;
        };
        return text === undefined ? undefined : validateInstansi(file, text, id, raw.abs, asked, raw.rel);
      });
      memo?.keepInstansi(raw, set.contentDir, { messages: plainMessages(file), ...(entry ? { entry: withoutFile(entry) } : {}), assets });
    }
    byDir.set(path.dirname(raw.abs), entry);
    if (entry) {
      instansi.push(entry);
      folders.set(entry, folder);
    }
    checkInstansiFolder(file, folder);
  }
  checkDecreePages(set, files);
  for (const raw of set.bookPages ?? []) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    // content/<instansi>/buku/<page>.md: the instansi.yml two folders up. An unreadable or
    // invalid one has its own errors; only one that names no signer at all is this page's.
    const entry = byDir.get(path.dirname(path.dirname(raw.abs)));
    const context = { signer: !entry || entry.hasSigner, decree: isDecreeFile(path.basename(raw.abs)) };
    guarded(file, () => {
      const text = decode(file, raw, 'Halaman buku');
      if (text !== undefined) checkBookPage(file, text, context);
    });
  }
  checkInstansiSlugs(instansi, folders);
  return { files, byDir, instansi };
}

/**
 * An instansi that writes book pages but no decree: its book would enact nothing. (Without any
 * book page the office has not started its book; `sop book` says so when it prints one.)
 */
function checkDecreePages(set: ContentSet, files: VFile[]): void {
  for (const [i, raw] of set.instansi.entries()) {
    const dir = path.join(path.dirname(raw.abs), BOOK_PAGES_DIR) + path.sep;
    const pages = (set.bookPages ?? []).filter((p) => p.abs.startsWith(dir));
    if (!pages.length || pages.some((p) => isDecreeFile(path.basename(p.abs)))) continue;
    report(files[i]!, 'buku-tanpa-keputusan', `Folder ${path.relative(set.root, dir).split(path.sep).join('/')} berisi halaman buku, tetapi tidak ada keputusan penetapan SOP.`, { line: 1, column: 1 }, {
      hint: 'Buat `keputusan.md` di folder itu (keputusan kepala instansi yang menetapkan SOP); buku SOP dicetak tanpa keputusan bila tidak ada.',
    });
  }
}

/** The site lists an instansi at katalog/<slug of its folder>/: that may not be a catalogue page's name. */
function checkInstansiFolder(file: VFile, folder: string): void {
  // The slug is lower case, as on Windows and macOS where `Status/` and `status/` are one folder.
  const slug = nameSlug(folder);
  if (!RESERVED_KATALOG.has(slug)) return;
  report(file, 'folder-instansi-bentrok', `Nama folder instansi "${folder}" sama dengan halaman katalog /katalog/${slug}/ di situs.`, { line: 1, column: 1 }, {
    hint: `Ganti nama folder content/${folder}/, mis. menjadi singkatan nama instansinya. Nama ${[...RESERVED_KATALOG].map((r) => `"${r}"`).join(' dan ')} dipakai situs.`,
  });
}

/** The outcome of one SOP file, apart from the rules that look across files. */
export interface SopFileResult {
  file: VFile;
  sop?: Sop;
  facts?: ProjectFacts;
}

/** Stage 3: rules across files, then the verdict. */
export function finishCheck(instansiFiles: VFile[], instansi: InstansiEntry[], results: SopFileResult[], monevInput?: MonevInput): CheckResult {
  const entries = results.filter((r) => r.facts).map((r) => ({ file: r.file, facts: r.facts! }));
  const files = [...instansiFiles, ...results.map((r) => r.file)];
  guarded(files[0] ?? new VFile(), () => checkProject(entries));
  const sops = results.flatMap((r) => (r.sop ? [r.sop] : []));
  checkSlugs(sops, new Map(results.map((r) => [r.file.path, r.file])));
  const monev = monevInput ? checkMonevFiles(monevInput, sops, files) : [];
  if (monevInput) {
    const due = results.flatMap((r) => (r.sop ? [{ file: r.file, sop: r.sop, place: r.facts?.places['/nomor'] ?? { line: 1, column: 1 } }] : []));
    guarded(files[0] ?? new VFile(), () => checkDueDates(due, monev, monevInput.today));
  }
  // A cross-file error (duplicate nomor …) invalidates an SOP that was otherwise fine.
  const invalid = new Set(files.filter((f) => f.messages.some((m) => m.fatal)).map((f) => f.path));
  return { files, sops: sops.filter((s) => !invalid.has(s.path)), instansi, monev, ok: !hasErrors(files) };
}

/** Every results file against the SOPs of its instansi (the nearest instansi.yml above it). */
function checkMonevFiles(input: MonevInput, sops: Sop[], files: VFile[]): MonevResults[] {
  const out: MonevResults[] = [];
  const byInstansi = new Map<string, Sop[]>();
  for (const s of sops) {
    const list = byInstansi.get(s.instansi.id);
    if (list) list.push(s);
    else byInstansi.set(s.instansi.id, [s]);
  }
  for (const raw of input.raws) {
    const file = new VFile({ path: raw.rel });
    files.push(file);
    const near = nearestInstansi(input.byDir, path.dirname(path.dirname(raw.abs)), input.contentDir);
    const found = guarded(file, () => {
      const text = decode(file, raw, 'Berkas hasil monitoring');
      if (text === undefined) return undefined;
      if (!near.entry) {
        report(file, 'instansi-tidak-ada', 'Tidak ada instansi.yml di atas folder monev/ ini.', { line: 1, column: 1 }, { hint: 'Letakkan folder monev/ di samping instansi.yml instansinya: `content/<instansi>/monev/2026-1.yml`.' });
        return undefined;
      }
      const inst = near.entry.instansi;
      return validateMonev(file, text, inst, byInstansi.get(inst.id) ?? []);
    });
    if (found) out.push(found);
  }
  return out;
}

/** The checked project every command works on (only meaningful when `result.ok`). */
export function projectOf(result: CheckResult, root: string): Project {
  return { root, instansi: result.instansi.map((e) => e.instansi), sops: result.sops, monev: result.monev };
}

/**
 * Today (UTC), for due dates; `SOP_HARI_INI=2026-12-07` fixes it, so CI and tests see the same
 * warnings on any day.
 */
export function todayIso(env: NodeJS.ProcessEnv = process.env): IsoDay {
  const fixed = env.SOP_HARI_INI;
  return (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10)) as IsoDay;
}

/**
 * Bad input must never crash `sop check`: an unexpected exception while reading one file becomes
 * an error on that file (the other files are still checked).
 */
export function guarded<T>(file: VFile, run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    report(file, 'galat-internal', 'Berkas ini tidak dapat diperiksa sampai selesai karena galat di dalam program sop.', { line: 1, column: 1 }, {
      hint: `Periksa bagian berkas yang tidak biasa, lalu laporkan ke pengelola sop-press beserta berkas ini (keterangan teknis: ${e instanceof Error ? e.message : String(e)}).`,
    });
    return undefined;
  }
}

/**
 * PDFs and site pages are named `<instansi>/<slug>` (model/slug.ts): two SOPs may not share one,
 * or one would silently replace the other. Both files get the error.
 */
function checkSlugs(sops: Sop[], sopFiles: Map<string, VFile>): void {
  const byKey = new Map<string, Sop[]>();
  for (const sop of sops) {
    const key = `${sop.instansi.id}/${sop.slug}`;
    const owners = byKey.get(key);
    if (owners) owners.push(sop);
    else byKey.set(key, [sop]);
  }
  for (const [key, owners] of byKey) {
    if (owners.length < 2) continue;
    owners.forEach((s, k) => {
      const file = sopFiles.get(s.path);
      if (file) report(file, 'nama-berkas-ganda', `Berkas ini dan ${othersText(owners.map((o) => o.path), k)} sama-sama menjadi pdf/${key}.pdf dan halaman situs sop/${key}/.`, { line: 1, column: 1 }, {
        hint: 'PDF dan halaman situs diberi nama menurut nama berkas (huruf kecil, tanpa tanda baca): ganti nama salah satu berkas agar berbeda.',
      });
    });
  }
}

/**
 * The others of a clash, as one finding names them: the first holder (or, for the first, the
 * second) and how many more, never the whole list (a thousand clashing files stay linear).
 */
function othersText(paths: readonly string[], self: number): string {
  const named = paths[self === 0 ? 1 : 0]!;
  const more = paths.length - 2;
  return more ? `${named} (dan ${more.toLocaleString('id-ID')} lainnya)` : named;
}

/** Two instansi folders whose names map to one slug would share their PDFs and catalogue pages. */
function checkInstansiSlugs(instansi: InstansiEntry[], folders: ReadonlyMap<InstansiEntry, string>): void {
  const top = (e: InstansiEntry) => folders.get(e);
  const byId = new Map<string, InstansiEntry[]>();
  for (const e of instansi) {
    const owners = byId.get(e.instansi.id);
    if (owners) owners.push(e);
    else byId.set(e.instansi.id, [e]);
  }
  for (const [id, owners] of byId) {
    if (new Set(owners.map(top)).size < 2) continue;
    for (const e of owners) {
      const others = owners.filter((o) => top(o) !== top(e));
      report(e.file, 'nama-berkas-ganda', `Folder instansi ini dan folder ${othersText([e, ...others].map((o) => o.file.path), 0)} sama-sama menjadi pdf/${id}/ dan katalog/${id}/.`, { line: 1, column: 1 }, {
        hint: 'Nama folder instansi dipakai untuk nama folder PDF dan alamat situs (huruf kecil, tanpa tanda baca): ganti nama salah satu folder agar berbeda.',
      });
    }
  }
}

/** The nearest instansi.yml walking up from `dir`: `found` also when it exists but could not be read. */
export function nearestInstansi(byDir: Map<string, InstansiEntry | undefined>, dir: string, contentDir: string): { found: boolean; entry?: InstansiEntry } {
  for (let d = dir; ; d = path.dirname(d)) {
    if (byDir.has(d)) {
      const entry = byDir.get(d);
      return entry ? { found: true, entry } : { found: true };
    }
    if (d === contentDir || path.dirname(d) === d || !d.startsWith(contentDir)) return { found: false };
  }
}

export function decode(file: VFile, raw: RawFile, what: string): string | undefined {
  if (raw.link) {
    reportLink(file, raw.link);
    return undefined;
  }
  if (raw.readError) {
    report(file, 'berkas-tak-terbaca', `Berkas ini tidak dapat dibuka (${raw.readError}).`, { line: 1, column: 1 }, {
      hint: raw.readError === 'ENOENT'
        ? 'Berkas ini adalah pintasan (link) ke berkas yang sudah tidak ada: hapus pintasannya atau salin berkas aslinya ke sini.'
        : raw.readError.startsWith('bukan berkas')
          ? 'Nama ini dipakai oleh sesuatu yang bukan berkas teks (mis. pipa atau perangkat): hapus, atau beri nama lain.'
          : 'Periksa izin akses berkas ini, atau salin ulang berkasnya.',
    });
    return undefined;
  }
  // Far too big to be an SOP: said before decoding (which copies the whole file twice).
  if (raw.bytes.length > LIMITS.fileChars * 4) {
    report(file, 'berkas-terlalu-besar', `${what} terlalu besar (${(raw.bytes.length / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB).`, placeOfByte(raw.bytes, LIMITS.fileChars * 4), {
      hint: 'Periksa apakah ada teks yang tertempel berulang kali atau isi berkas lain yang ikut tersalin; satu SOP biasanya hanya beberapa ribu karakter.',
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

/** A link content discovery did not follow (see source/content.ts). */
function reportLink(file: VFile, link: NonNullable<RawFile['link']>): void {
  const what = link.folder ? 'Folder ini' : 'Berkas ini';
  if (link.problem === 'di-luar') {
    report(file, 'di-luar-content', `${what} adalah pintasan (link) ke ${link.target}, di luar folder content/; isinya tidak dibaca.`, { line: 1, column: 1 }, {
      hint: 'sop hanya membaca dan menerbitkan berkas di dalam content/. Salin berkas atau folder aslinya ke sini, lalu hapus pintasannya.',
    });
  } else {
    report(file, 'tautan-ganda', `${what} adalah pintasan (link) ke ${link.target}, yang sudah diperiksa; isinya tidak dibaca dua kali.`, { line: 1, column: 1 }, {
      hint: 'Hapus pintasan ini (atau, bila sengaja, abaikan peringatan ini): setiap SOP cukup ada di satu tempat.',
    });
  }
}
