// `sop site --dari-bagian` / `sop book --dari-bagian`: the PDFs the CI jobs of a matrix printed
// (`sop build --bagian i/n`), taken into output/pdf without printing them again.
//
// Trust: output/ reuses only what this machine sealed (output/vouch.ts); a job's artifact comes
// from another machine, so it is used only because the person (or CI file) names its folder. It
// is still checked against the sources here: every share of one split present once, each holding
// exactly the SOPs its i/n owns, printed from these very sources, layouts and code, its files
// unchanged since, regular files inside the named folder (links resolved, never leaving it).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES, type RuleId } from '../diagnostics/rules.ts';
import { SopError } from '../errors.ts';
import { layoutFiles } from '../layouts/files.ts';
import { projectDirs } from '../model/paths.ts';
import type { Sop } from '../model/sop.ts';
import type { CacheFile } from '../pdf/build-pdfs.ts';
import { sharedInputsHash, sopInputsHash } from '../pdf/inputs.ts';
import { sopContexts } from '../model/relations.ts';
import { listFiles, replaceSet } from '../output/sets.ts';
import { sha256 } from '../output/vouch.ts';
import { SHARD_FILE, sopFiles, type ShardFile } from './shard.ts';
import { owns } from './split.ts';

/** A share refused, with the catalogue's rule (docs/panduan.md §5.2). */
export class ShardError extends SopError {
  readonly ruleId: RuleId;

  constructor(problems: Problem[]) {
    const first = problems[0]!;
    const text = problems.length === 1 ? `${first.text} [${first.rule}]` : `Bagian hasil CI tidak dapat dirakit:\n${problems.map((p) => `  - ${p.text} [${p.rule}]`).join('\n')}`;
    super(text, { hint: RULES[first.rule].hint });
    this.ruleId = first.rule;
  }
}

interface Problem {
  rule: RuleId;
  text: string;
}

export interface Share {
  /** The folder as named (for messages). */
  named: string;
  /** Its real path. */
  dir: string;
  shard: ShardFile;
}

/** A few names and how many more: a message stays one line whatever the count. */
function some(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} dan ${names.length - 5} lainnya` : shown;
}

/** The real path of `file` when it is a regular file inside `realDir` (through links or not). */
function resolvedInside(realDir: string, file: string): string | undefined {
  try {
    const real = realpathSync(file);
    return real.startsWith(realDir + path.sep) && statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function isShardFile(data: unknown): data is ShardFile {
  const d = data as ShardFile;
  if (!d || d.versi !== 1 || !Number.isInteger(d.bagian) || !Number.isInteger(d.dari) || d.dari < 1 || d.bagian < 1 || d.bagian > d.dari) return false;
  if (typeof d.sop !== 'object' || d.sop === null || Array.isArray(d.sop)) return false;
  return Object.values(d.sop).every(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      typeof s.hash === 'string' &&
      typeof s.measurement === 'object' &&
      s.measurement !== null &&
      typeof s.berkas === 'object' &&
      s.berkas !== null &&
      Object.values(s.berkas).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)),
  );
}

/**
 * The shares in the folders named: each a job's output/pdf (holding bagian.json), or a folder of
 * such folders (what a CI download of every job's artifact makes).
 */
export function readShares(named: readonly string[], from: string): Share[] {
  const shares: Share[] = [];
  const refuse = (rule: RuleId, text: string): never => {
    throw new ShardError([{ rule, text }]);
  };
  for (const name of named) {
    let dir: string;
    try {
      dir = realpathSync(path.resolve(from, name));
    } catch {
      return refuse('bagian-tidak-lengkap', `Folder bagian ${name} tidak ditemukan.`);
    }
    if (!statSync(dir).isDirectory()) refuse('bagian-tidak-lengkap', `${name} bukan folder.`);
    const own = resolvedInside(dir, path.join(dir, SHARD_FILE));
    const inner = own
      ? [{ named: name, dir, file: own }]
      : readdirSync(dir, { withFileTypes: true })
          // Only real folders (a Dirent of a link is not a directory): a link to a folder elsewhere is not what was named.
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort()
          .flatMap((e) => {
            const sub = path.join(dir, e);
            const file = resolvedInside(sub, path.join(sub, SHARD_FILE));
            return file ? [{ named: path.join(name, e), dir: sub, file }] : [];
          });
    if (!inner.length) refuse('bagian-tidak-lengkap', `Folder ${name} tidak memuat ${SHARD_FILE} (hasil sop build --bagian), di dalamnya maupun di subfoldernya.`);
    for (const s of inner) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(s.file, 'utf8'));
      } catch {
        data = undefined;
      }
      if (!isShardFile(data)) refuse('bagian-asing', `${path.join(s.named, SHARD_FILE)} bukan keterangan bagian yang dibuat sop build --bagian.`);
      shares.push({ named: s.named, dir: s.dir, shard: data as ShardFile });
    }
  }
  return shares;
}

/**
 * Every refusal of `shares` against the current `sops` (empty: they can be assembled). One line
 * per kind of problem and share, never one per file.
 */
export function checkShares(shares: readonly Share[], sops: readonly Sop[], root: string): Problem[] {
  const problems: Problem[] = [];
  const n = shares[0]?.shard.dari ?? 0;
  const splits = [...new Set(shares.map((s) => s.shard.dari))];
  if (splits.length > 1) {
    problems.push({ rule: 'bagian-tidak-lengkap', text: `Bagian yang disebut berasal dari pembagian berbeda: ${some(shares.map((s) => `${s.named} (${s.shard.bagian}/${s.shard.dari})`))}.` });
    return problems;
  }
  const byI = new Map<number, Share[]>();
  for (const s of shares) byI.set(s.shard.bagian, [...(byI.get(s.shard.bagian) ?? []), s]);
  for (const [i, list] of byI) if (list.length > 1) problems.push({ rule: 'bagian-tidak-lengkap', text: `Bagian ${i}/${n} disebut lebih dari sekali: ${some(list.map((s) => s.named))}.` });
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((i) => !byI.has(i));
  if (missing.length) problems.push({ rule: 'bagian-tidak-lengkap', text: `Bagian ${some(missing.map((i) => `${i}/${n}`))} tidak disebut: tanpanya ada SOP yang tidak punya PDF.` });
  if (problems.length) return problems;

  const byId = new Map(sops.map((s) => [s.id, s]));
  const shared = sharedInputsHash(layoutFiles(root));
  const contexts = sopContexts([...sops]);
  for (const share of shares) {
    const { shard } = share;
    const where = `${share.named} (bagian ${shard.bagian}/${shard.dari})`;
    const owned = sops.filter((s) => owns({ i: shard.bagian, n: shard.dari }, s.id));
    const absent = owned.filter((s) => !Object.hasOwn(shard.sop, s.id));
    if (absent.length) problems.push({ rule: 'bagian-tidak-lengkap', text: `${where} tidak memuat PDF ${absent.length} SOP bagiannya: ${some(absent.map((s) => s.path))}.` });
    const foreign = Object.keys(shard.sop).filter((id) => !byId.has(id) || !owns({ i: shard.bagian, n: shard.dari }, id));
    if (foreign.length) problems.push({ rule: 'bagian-asing', text: `${where} memuat SOP yang bukan bagiannya atau tidak ada lagi di content/: ${some(foreign)}.` });
    const stale = Object.entries(shard.sop)
      .filter(([id, e]) => byId.has(id) && e.hash !== sopInputsHash(byId.get(id)!, shared, root, contexts.get(id)))
      .map(([id]) => byId.get(id)!.path);
    if (stale.length) problems.push({ rule: 'bagian-usang', text: `PDF ${stale.length} SOP di ${where} dicetak dari sumber, tata letak atau versi sop-press yang lain dari yang sekarang: ${some(stale)}.` });

    // Files: exactly those listed, each where its SOP's files go, regular, inside the folder.
    const listed = new Set<string>();
    const misnamed: string[] = [];
    for (const [id, e] of Object.entries(shard.sop)) {
      const sop = byId.get(id);
      const allowed = sop ? new Set(sopFiles(sop, { manifest: true, html: true })) : new Set<string>();
      for (const rel of Object.keys(e.berkas)) {
        if (allowed.has(rel)) listed.add(rel);
        else misnamed.push(rel);
      }
      if (sop && !Object.hasOwn(e.berkas, sopFiles(sop, { manifest: false, html: false })[0]!)) misnamed.push(`${id} tanpa PDF`);
    }
    if (misnamed.length) problems.push({ rule: 'bagian-asing', text: `${SHARD_FILE} di ${where} menyebut berkas di luar tempat PDF SOP-nya: ${some(misnamed)}.` });
    const present = listFiles(share.dir).filter((f) => f !== SHARD_FILE);
    const extra = present.filter((f) => !listed.has(f));
    if (extra.length) problems.push({ rule: 'bagian-asing', text: `${where} memuat berkas yang bukan hasil bagian ini: ${some(extra)}.` });
    const onDisk = new Set(present);
    const lost = [...listed].filter((f) => !onDisk.has(f));
    if (lost.length) problems.push({ rule: 'bagian-tidak-lengkap', text: `Berkas yang disebut ${SHARD_FILE} tidak ada di ${where}: ${some(lost)}.` });
    const outside = [...listed].filter((f) => onDisk.has(f) && !resolvedInside(share.dir, path.join(share.dir, ...f.split('/'))));
    if (outside.length) problems.push({ rule: 'bagian-asing', text: `Berkas di ${where} adalah tautan ke luar folder itu atau bukan berkas biasa: ${some(outside)}.` });
  }
  return problems;
}

/**
 * Checks the shares named and shows them as output/pdf, with the build cache that lets book and
 * site use them as printed here. Nothing changes when one is refused.
 */
export async function assembleShares(named: readonly string[], from: string, sops: readonly Sop[], root: string, outDir?: string): Promise<{ shares: number; sops: number }> {
  const shares = readShares(named, from);
  const problems = checkShares(shares, sops, root);
  if (problems.length) throw new ShardError(problems);
  const cache: CacheFile = { version: 3, entries: {} };
  await replaceSet(projectDirs(root, outDir).output, 'pdf', (set) => {
    const changed: string[] = [];
    for (const share of shares) {
      for (const id of Object.keys(share.shard.sop).sort()) {
        const e = share.shard.sop[id]!;
        for (const [rel, want] of Object.entries(e.berkas)) {
          const bytes = readFileSync(resolvedInside(share.dir, path.join(share.dir, ...rel.split('/')))!);
          if (sha256(bytes) !== want) changed.push(path.join(share.named, rel));
          else set.write(rel, bytes);
        }
        cache.entries[id] = { hash: e.hash, measurement: e.measurement };
      }
    }
    if (changed.length) throw new ShardError([{ rule: 'bagian-usang', text: `Berkas berubah sesudah dicetak (isinya tidak sama dengan yang dicatat ${SHARD_FILE}): ${some(changed)}.` }]);
    set.writeMeta(JSON.stringify(cache));
  });
  return { shares: shares.length, sops: Object.values(cache.entries).length };
}
