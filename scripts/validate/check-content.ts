// `sop check` as a pure function: raw files in, diagnostics (on vfiles) and valid SOPs out. The
// per-file stage (decode, parse, cascade, validate) is here; the stages around it are in
// check-stages.ts, which a check answered from its cache loads alone.
import path from 'node:path';
import { VFile } from 'vfile';
import { nameSlug } from '../model/slug.ts';
import { parseSopSource } from '../parse/sop-source.ts';
import type { AssetProbe } from '../source/assets.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { checkInstansiFiles, decode, finishCheck, guarded, nearestInstansi, todayIso, type CheckResult, type InstansiByDir, type SopFileResult } from './check-stages.ts';
import { projectFacts } from './project.ts';
import { validateSop } from './sop.ts';
import type { IsoDay } from '../model/sop.ts';

export * from './check-stages.ts';

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
  const sop = guarded(file, () => validateSop(source, near.entry, { id, slug: nameSlug(path.basename(id)), path: raw.rel }, near.found));
  const facts = guarded(file, () => projectFacts(source, near.entry?.instansi.pemerintah));
  return { file, ...(sop ? { sop } : {}), ...(facts ? { facts } : {}) };
}

/** `today`: the day monitoring and evaluation due dates are counted from. */
export function checkContent(set: ContentSet, probe: AssetProbe, today: IsoDay = todayIso()): CheckResult {
  const { files, byDir, instansi } = checkInstansiFiles(set, probe);
  return finishCheck(files, instansi, set.sops.map((raw) => checkSopFile(raw, set.contentDir, byDir)), { raws: set.monev ?? [], contentDir: set.contentDir, byDir, today });
}

