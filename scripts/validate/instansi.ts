// instansi.yml: the office's identity and the defaults every SOP below it inherits.
import path from 'node:path';
import type { VFile } from 'vfile';
import { DEFAULT_IDENTITY_LABELS, type IdentityLabelKey, type IdentityLabels, type Instansi, type Penandatangan } from '../model/sop.ts';
import { DEFAULT_MONEV_SETTINGS } from '../model/monev.ts';
import { report } from '../diagnostics/report.ts';
import { logoDiagnostics, type AssetVerdict } from '../source/assets.ts';
import { LineIndex } from '../source/lines.ts';
import { invisibleBreach, LIMITS, reportBreach, sizeBreach, yamlTextBreach } from '../parse/bounds.ts';
import { parseYaml, placeOf, reportCutAtHash, reportYamlErrors } from '../parse/yaml-doc.ts';
import { validateInstansiData } from './schema.ts';
import { nipProblem } from './rules.ts';
import { coerceNip, reportSchemaIssues } from './shared.ts';

export interface InstansiEntry {
  instansi: Instansi;
  /**
   * Default signer for SOPs, when instansi.yml writes one as `kunci: nilai` (checked and reported
   * here; an SOP below an invalid instansi.yml is not valid anyway).
   */
  disahkan_oleh?: Penandatangan;
  /** instansi.yml has a `disahkan_oleh` key, valid or not: an SOP need not repeat it. */
  hasSigner: boolean;
  file: VFile;
  ok: boolean;
}

/** `relFile`: the same file relative to the project root (the model keeps no absolute paths). */
export function validateInstansi(file: VFile, text: string, id: string, absFile: string, asset: (abs: string) => AssetVerdict, relFile: string): InstansiEntry | undefined {
  const lines = new LineIndex(text);
  const breach = sizeBreach(text, lines, 'instansi.yml', LIMITS.yamlChars) ?? invisibleBreach(text, lines) ?? yamlTextBreach(text, 0, lines, 'instansi.yml');
  if (breach) {
    reportBreach(file, breach);
    return undefined;
  }
  const yaml = parseYaml(text, 0);
  reportYamlErrors(file, yaml, text, lines, 'instansi.yml');
  reportCutAtHash(file, yaml, text, lines);
  if (yaml.errors.length) return undefined;
  const data = yaml.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'yaml-bukan-objek', data == null ? 'instansi.yml kosong.' : 'instansi.yml harus berisi pasangan `kunci: nilai`.', { line: 1, column: 1 }, {
      hint: 'Minimal: `pemerintah: …`, `nama: …` dan `disahkan_oleh:` (jabatan dan nama pejabat yang mengesahkan SOP).',
    });
    return undefined;
  }
  coerceNip(data, yaml, '/disahkan_oleh');
  const before = file.messages.length;
  reportSchemaIssues(file, validateInstansiData(data), yaml, lines);
  const signer = data.disahkan_oleh as Penandatangan | undefined;
  if (typeof signer?.nip === 'string') {
    // Characters other than digits and spaces are reported by the schema.
    const problem = /^[0-9 ]+$/.test(signer.nip) ? nipProblem(signer.nip) : undefined;
    if (problem) report(file, 'nip-tidak-valid', problem, placeOf(yaml.spans, lines, '/disahkan_oleh/nip'), { hint: 'NIP terdiri atas 18 angka: tanggal lahir (8), tahun-bulan pengangkatan (6), jenis kelamin (1), nomor urut (3).' });
  }
  const dir = path.posix.dirname(relFile);
  let logo: string | undefined;
  if (typeof data.logo === 'string') {
    // The one asset rule (source/assets.ts): inside content/, a regular image file of at most 2 MB.
    // The model keeps the path relative to the project; loadAsset judges it again when used.
    const abs = path.resolve(path.dirname(absFile), data.logo);
    const verdict = asset(abs);
    for (const d of logoDiagnostics(verdict, data.logo, abs)) report(file, d.ruleId, d.message, placeOf(yaml.spans, lines, '/logo'), { hint: d.hint });
    if (verdict.ok) logo = path.posix.join(dir, path.relative(path.dirname(absFile), abs).split(path.sep).join('/'));
  }
  const ok = !file.messages.slice(before).some((m) => m.fatal);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    instansi: {
      id,
      pemerintah: str(data.pemerintah),
      nama: str(data.nama),
      ...(typeof data.alamat === 'string' ? { alamat: data.alamat } : {}),
      ...(logo ? { logo } : {}),
      kertas: data.kertas === 'F4' ? 'F4' : 'A4',
      tanda_tangan: data.tanda_tangan === 'basah' ? 'basah' : 'elektronik',
      jangkar_ttd: typeof data.jangkar_ttd === 'string' && data.jangkar_ttd ? data.jangkar_ttd : '#',
      label_identitas: identityLabels(data.label_identitas),
      teks_terminator: data.teks_terminator === true,
      ...(data.cetak === 'bolak-balik' ? { cetak: 'bolak-balik' as const } : {}),
      ...(defaultSigner(signer) ? { disahkan_oleh: defaultSigner(signer)! } : {}),
      ...(data.monev && typeof data.monev === 'object' && !Array.isArray(data.monev) ? { monev: monevSettings(data.monev as Record<string, unknown>) } : {}),
      file: relFile,
      dir,
    },
    ...(signer && typeof signer === 'object' && !Array.isArray(signer) ? { disahkan_oleh: signer } : {}),
    hasSigner: data.disahkan_oleh !== undefined,
    file,
    ok,
  };
}

/** instansi.yml `monev:` over the defaults (the schema checked the numbers). */
function monevSettings(own: Record<string, unknown>): { tenggang_hari: number; evaluasi_bulan: number } {
  const int = (v: unknown, fallback: number) => (Number.isInteger(v) ? (v as number) : fallback);
  return { tenggang_hari: int(own.tenggang_hari, DEFAULT_MONEV_SETTINGS.tenggang_hari), evaluasi_bulan: int(own.evaluasi_bulan, DEFAULT_MONEV_SETTINGS.evaluasi_bulan) };
}

/** The office's own words over the regulation's, for the keys it sets (the schema checked them). */
function identityLabels(own: unknown): IdentityLabels {
  const labels = { ...DEFAULT_IDENTITY_LABELS };
  if (!own || typeof own !== 'object' || Array.isArray(own)) return labels;
  for (const [key, value] of Object.entries(own)) {
    if (key in labels && typeof value === 'string' && value.trim()) labels[key as IdentityLabelKey] = value.trim();
  }
  return labels;
}

/** The signer SOPs inherit, as the model carries it (NIP digits without spaces). */
function defaultSigner(signer: Penandatangan | undefined): Penandatangan | undefined {
  if (!signer || typeof signer !== 'object' || typeof signer.jabatan !== 'string' || (typeof signer.nama !== 'string' && signer.nama !== null)) return undefined;
  return {
    jabatan: signer.jabatan,
    nama: signer.nama,
    ...(typeof signer.pangkat === 'string' ? { pangkat: signer.pangkat } : {}),
    ...(typeof signer.nip === 'string' ? { nip: signer.nip.replace(/\s+/g, '') } : {}),
  };
}
