// Everything a check's outcome depends on, as one hash: the tool, the day (due dates count from
// it), every file read under content/ (where it is, what it is, its bytes) and every asset's
// verdict (a logo is judged by its bytes). Equal fingerprints, equal outcomes: what lets a build
// whose inputs are those of the PDFs it shows stop before a result is decoded (cli/build.ts).
import path from 'node:path';
import { loadAsset, type AssetVerdict } from '../source/assets.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { sha256 } from '../output/vouch.ts';

export interface FingerprintParts {
  tool: string;
  today: string;
  set: ContentSet;
  /** The check cache's key of each SOP (CheckCache.keyOf: place, bytes and the instansi it is checked under), where it has one. */
  sopKeys: ReadonlyArray<string | undefined>;
  assets: ReadonlyMap<string, AssetVerdict>;
}

export function checkFingerprint({ tool, today, set, sopKeys, assets }: FingerprintParts): string {
  const lines = [`alat ${tool}`, `hari ${today}`, `content ${set.contentDir}`];
  const describe = (kind: string, raw: RawFile, key?: string) =>
    lines.push(`${kind} ${key ?? JSON.stringify([raw.rel, raw.abs, raw.link ?? null, raw.readError ?? null, sha256(raw.bytes)])}`);
  for (const raw of set.instansi) describe('instansi', raw);
  set.sops.forEach((raw, i) => describe('sop', raw, sopKeys[i]));
  for (const raw of set.bookPages ?? []) describe('halaman', raw);
  for (const raw of set.monev ?? []) describe('monev', raw);
  // A logo's verdict says it is usable; the PDF prints its bytes, so they count too.
  for (const [abs, verdict] of [...assets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`aset ${JSON.stringify([abs, verdict, verdict.ok ? loadAsset(set.root, path.relative(set.root, abs)).sha256 : null])}`);
  }
  return sha256(lines.join('\n'));
}
