// The one rule for files an SOP project points at besides its sources (the logo of an instansi):
// resolved inside content/, real path checked after every link, a regular file, at most 2 MB
// (checked with stat before reading), and an image by its bytes (PNG, JPEG, or SVG rebuilt by
// svg.ts). `sop check` turns a verdict into a positioned diagnostic; build, book and site load
// the bytes through loadAsset, which judges them again, and use those bytes only (the path is
// never handed to the browser or copied again).
import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleId } from '../diagnostics/rules.ts';
import { EXIT, SopError } from '../errors.ts';
import { projectDirs, projectUrl } from '../model/paths.ts';
import { inspectImage, MAX_SIDE, MIME, type ImageType } from './image.ts';
import { readInside, rootOf, type ReadProblem, type Root } from './read-inside.ts';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

export type AssetVerdict =
  | {
      ok: true;
      /** Real path (no links), inside content/. */
      real: string;
      type: ImageType;
      /** What sanitizing removed from an SVG (reported as a warning). */
      removed: string[];
    }
  | ({ ok: false } & (ReadProblem | { problem: 'jenis'; reason: string } | { problem: 'dimensi'; width: number; height: number }));

/** How `sop check` learns about an asset: the disk (probeAsset) or, in tests, memory. Serializable answers. */
export type AssetProbe = (abs: string, contentDir: string) => AssetVerdict;

export interface LoadedAsset {
  real: string;
  type: ImageType;
  mime: string;
  /** The checked (and for SVG, rebuilt) bytes: the only bytes any output uses. */
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Where printed HTML finds a checked asset: `<project>/.sop-press-aset/<path in the project>`,
 * relative to the print's base (the project root). No such file exists: the printer answers it
 * with servedAsset's bytes by request interception, so the browser never opens the asset's path.
 */
export const SERVED_DIR = '.sop-press-aset';

/** The checked bytes behind a `file:` URL under some `<project>/.sop-press-aset/`, if it names a good asset. */
export function servedAsset(url: string): LoadedAsset | undefined {
  const marker = `/${SERVED_DIR}/`;
  const at = url.indexOf(marker);
  if (!url.startsWith('file:') || at < 0) return undefined;
  try {
    const rel = decodeURIComponent(url.slice(at + marker.length).replace(/[?#].*$/, ''));
    return loadAsset(fileURLToPath(url.slice(0, at + 1)), rel);
  } catch {
    return undefined;
  }
}

/** Judges bytes already read (pure). */
export function judgeBytes(bytes: Uint8Array, real: string): AssetVerdict & { bytes?: Uint8Array } {
  const image = inspectImage(bytes);
  if (!image.ok) return image.problem === 'jenis' ? { ok: false, problem: 'jenis', reason: image.reason } : { ok: false, problem: 'dimensi', width: image.width, height: image.height };
  return { ok: true, real, type: image.type, removed: image.removed, bytes: image.bytes };
}

function load(abs: string, root: Root): AssetVerdict & { bytes?: Uint8Array } {
  const got = readInside(abs, root, LOGO_MAX_BYTES);
  if (!got.ok) {
    const { ok, ...problem } = got;
    return { ok, ...problem };
  }
  return judgeBytes(got.bytes, got.real);
}

/** The check's probe: reads and judges the file on disk (the bytes are not kept). */
export const probeAsset: AssetProbe = (abs, contentDir) => {
  const verdict = load(abs, rootOf(contentDir));
  if (!verdict.ok) return verdict;
  return { ok: true, real: verdict.real, type: verdict.type, removed: verdict.removed };
};

const loaded = new Map<string, { identity: string; asset: LoadedAsset }>();
const identityOf = (real: string) => {
  const s = statSync(real, { bigint: true });
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
};

/** An asset failing its rule after `sop check` passed: it was changed in between. */
export class AssetError extends SopError {
  constructor(message: string) {
    super(message, { exitCode: EXIT.invalid, hint: 'Berkas berubah setelah diperiksa: jalankan perintahnya sekali lagi.' });
  }
}

/**
 * The bytes of an asset `sop check` accepted, by its path relative to the project `root` (the
 * model keeps no absolute paths). Judged again here, as the check judged it: inside content/
 * after every link, a regular image file of at most 2 MB. The same unchanged file is read once
 * per process.
 */
export function loadAsset(root: string, rel: string): LoadedAsset {
  const abs = path.resolve(root, rel);
  let real: string | undefined;
  let identity = '';
  try {
    real = realpathSync.native(abs);
    identity = identityOf(real);
    const cached = loaded.get(abs);
    if (cached && cached.asset.real === real && cached.identity === identity) return cached.asset;
  } catch {
    // Gone or unreadable now: judged below.
  }
  const verdict = load(abs, rootOf(projectDirs(root).content));
  if (!verdict.ok) throw new AssetError(`Berkas ${rel} tidak dapat dipakai: ${describeProblem(verdict)}.`);
  if (!verdict.bytes) throw new Error('judgeBytes returned no bytes');
  const asset: LoadedAsset = {
    real: verdict.real,
    type: verdict.type,
    mime: MIME[verdict.type],
    bytes: verdict.bytes,
    sha256: createHash('sha256').update(verdict.bytes).digest('hex'),
  };
  if (real === verdict.real) loaded.set(abs, { identity, asset });
  return asset;
}

/** The logo's URL in printed HTML (PDF, book cover), relative to the project root (pure). */
export function logoUrl(rel: string): string {
  return `${SERVED_DIR}/${projectUrl(rel)}`;
}

/** File extension for the published copy: by content, never the source's name. */
export function extensionOf(asset: LoadedAsset): string {
  return asset.type === 'jpeg' ? '.jpg' : `.${asset.type}`;
}

const KIND: Record<string, string> = { folder: 'folder', perangkat: 'berkas perangkat (device)', pipa: 'pipa (FIFO)', soket: 'soket', lain: 'bukan berkas biasa' };
const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

function describeProblem(v: Extract<AssetVerdict, { ok: false }>): string {
  switch (v.problem) {
    case 'tidak-ada':
      return 'berkas tidak ditemukan';
    case 'di-luar':
      return `berada di luar folder content/ (${v.real})`;
    case 'bukan-berkas':
      return `bukan berkas gambar, melainkan ${KIND[v.kind]}`;
    case 'terlalu-besar':
      return `berukuran ${mb(v.size)}; batasnya ${mb(v.max)}`;
    case 'dimensi':
      return `berukuran ${v.width} × ${v.height} piksel; batasnya ${MAX_SIDE} piksel per sisi`;
    case 'jenis':
      return v.reason;
    case 'tak-terbaca':
      return `tidak dapat dibuka (${v.code})`;
  }
}

export interface AssetDiagnostic {
  ruleId: RuleId;
  message: string;
  hint: string;
}

/** What `sop check` says about a logo (`written`: the value as in instansi.yml). */
export function logoDiagnostics(verdict: AssetVerdict, written: string, abs: string): AssetDiagnostic[] {
  const name = `"${written}"`;
  if (verdict.ok) {
    if (!verdict.removed.length) return [];
    return [{
      ruleId: 'svg-tidak-aman',
      message: `Logo SVG ${name} memuat ${verdict.removed.join(', ')}; bagian itu dibuang dari logo yang dicetak dan diterbitkan.`,
      hint: 'Logo hanya boleh berisi gambar: simpan ulang dari program gambar sebagai SVG biasa (tanpa skrip, tautan atau gambar dari internet), atau sebagai PNG.',
    }];
  }
  const error = (ruleId: RuleId, message: string, hint: string): AssetDiagnostic[] => [{ ruleId, message, hint }];
  switch (verdict.problem) {
    case 'tidak-ada':
      return error('logo-tidak-ada', `Berkas logo ${name} tidak ditemukan.`, 'Letakkan berkas logo (PNG, JPG atau SVG) di folder yang sama dengan instansi.yml, atau perbaiki namanya.');
    case 'di-luar': {
      const viaLink = verdict.real !== path.resolve(abs);
      return error(
        'di-luar-content',
        viaLink ? `Logo ${name} adalah pintasan (link) ke ${verdict.real}, di luar folder content/.` : `Logo ${name} berada di luar folder content/.`,
        'Salin berkas logo ke folder instansi ini dan tulis namanya saja (mis. `logo: logo.png`). sop tidak membaca berkas di luar content/, agar tidak ada berkas lain yang ikut tercetak atau terbit.',
      );
    }
    case 'bukan-berkas':
      return error('aset-jenis-salah', `Logo ${name} ${describeProblem(verdict)}.`, 'Tulis nama berkas gambar logo (PNG, JPG atau SVG).');
    case 'jenis':
      return error('aset-jenis-salah', `Logo ${name} bukan gambar yang dapat dipakai: ${verdict.reason}.`, 'Simpan ulang logo sebagai PNG, JPG atau SVG dari program gambar; mengganti akhiran nama berkas saja tidak mengubah isinya.');
    case 'terlalu-besar':
    case 'dimensi':
      return error('aset-terlalu-besar', `Logo ${name} ${describeProblem(verdict)}.`, 'Perkecil logonya: lebar 1000 piksel sudah tajam untuk cetak; SVG atau PNG biasanya jauh di bawah 2 MB.');
    case 'tak-terbaca':
      return error('berkas-tak-terbaca', `Berkas logo ${name} ${describeProblem(verdict)}.`, 'Periksa izin akses berkas logo, atau salin ulang berkasnya.');
  }
}
