// `sop check` on two cores: the per-file stage (parse + validate, most of the time) is split
// between this thread and a worker; instansi files and cross-file rules stay here.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { plainMessages, replayMessages, type PlainMessage } from '../diagnostics/report.ts';
import type { Instansi, Sop } from '../model/sop.ts';
import { knowSopDigest, sopDigest } from '../model/sop-digest.ts';
import type { AssetProbe, AssetVerdict } from '../source/assets.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { toolIdentity, type CheckCache } from './check-cache.ts';
import { checkFingerprint } from './fingerprint.ts';
import { checkInstansiFiles, finishCheck, nearestInstansi, todayIso, type CheckResult, type SopFileResult } from './check-stages.ts';

/** Below this many SOPs a worker's start-up costs more than it saves. */
const MIN_PER_WORKER = 150;

export interface WorkerJob {
  set: ContentSet;
  chunk: RawFile[];
  /** The verdicts on assets (logo files) this thread got, so the worker judges the same way. */
  assets: Array<[string, AssetVerdict]>;
}

/** A SopFileResult with its vfile reduced to plain data, to cross the thread boundary. */
export interface SerializedResult extends Omit<SopFileResult, 'file'> {
  path: string;
  messages: PlainMessage[];
  /** model/sop-digest.ts of the Sop, computed where it was made (a worker's share in the worker). */
  sopDigest?: string;
}

export function serialize(r: SopFileResult): SerializedResult {
  return {
    path: r.file.path,
    messages: plainMessages(r.file),
    ...(r.sop ? { sop: r.sop, sopDigest: sopDigest(r.sop) } : {}),
    ...(r.facts ? { facts: r.facts } : {}),
  };
}

/**
 * `instansi`: the entry the SOP was checked under (a valid SOP always has one). Its `instansi`
 * goes back into the Sop, one shared object as in a check on one thread, rather than a copy per
 * SOP from the worker or the cache (which stores none: it is in the cache key already).
 */
function deserialize(s: SerializedResult, instansi: Instansi | undefined): SopFileResult {
  const file = new VFile({ path: s.path });
  replayMessages(file, s.messages);
  if (s.sop && s.sopDigest) knowSopDigest(s.sop, s.sopDigest);
  return { file, ...(s.sop ? { sop: withInstansi(s.sop, instansi) } : {}), ...(s.facts ? { facts: s.facts } : {}) };
}

/**
 * `sop` with `instansi` (when given), in place: it was just decoded (from the worker or the cache)
 * and is no one else's, and a copy would read the cache's steps, decoded only when asked for.
 */
function withInstansi(sop: Sop, instansi: Instansi | undefined): Sop {
  if (instansi) sop.instansi = instansi;
  return sop;
}

/** The result as the cache keeps it: without the instansi (see deserialize), its key kept in place for the order. */
function withoutInstansi(s: SerializedResult): SerializedResult {
  return s.sop ? { ...s, sop: { ...s.sop, instansi: undefined as unknown as Instansi } } : s;
}

/** A check stopped at its fingerprint: the caller has what a check of these inputs gives. */
export interface CurrentCheck {
  current: true;
  fingerprint: string;
}

/**
 * `cache`: per-file outcomes from earlier runs (check-cache.ts); only the files it has no valid
 * entry for are parsed and validated, and the cross-file rules run over all of them as always.
 * The caller saves it (`cache.save()`) when it may write to output/.
 *
 * `isCurrent` (with a cache): told the check's fingerprint (fingerprint.ts) once the files are
 * keyed, before a result is decoded; true stops the check there. The result carries it too.
 */
export async function checkContentParallel(set: ContentSet, probe: AssetProbe, threads?: number, cache?: CheckCache): Promise<CheckResult>;
export async function checkContentParallel(
  set: ContentSet,
  probe: AssetProbe,
  threads: number | undefined,
  cache: CheckCache,
  isCurrent: (fingerprint: string) => boolean,
): Promise<CheckResult | CurrentCheck>;
export async function checkContentParallel(
  set: ContentSet,
  probe: AssetProbe,
  threads = os.availableParallelism(),
  cache?: CheckCache,
  isCurrent?: (fingerprint: string) => boolean,
): Promise<CheckResult | CurrentCheck> {
  const today = todayIso();
  const asked = new Map<string, AssetVerdict>();
  const { files, byDir, instansi } = checkInstansiFiles(
    set,
    (p, contentDir) => {
      const answer = probe(p, contentDir);
      asked.set(p, answer);
      return answer;
    },
    cache,
  );
  const near = set.sops.map((raw) => nearestInstansi(byDir, path.dirname(raw.abs), set.contentDir));
  const keys = set.sops.map((raw, i) => cache?.keyOf(raw, near[i]!));
  const fingerprint = cache && isCurrent ? checkFingerprint({ tool: toolIdentity(), today, set, sopKeys: keys, assets: asked }) : undefined;
  if (fingerprint && isCurrent!(fingerprint)) return { current: true, fingerprint };
  const results: Array<SopFileResult | undefined> = set.sops.map((raw, i) => {
    const kept = cache?.get(raw, keys[i]);
    return kept && deserialize(kept, near[i]!.entry?.instansi);
  });
  const todo = set.sops.flatMap((_, i) => (results[i] ? [] : [i]));
  const fresh = new Map<number, SerializedResult>();
  const workers = Math.min(threads, Math.floor(todo.length / MIN_PER_WORKER)) - 1;
  // The per-file stage (the parser, the SOP rules, the flowchart layout) loads only when a file needs it.
  const perFile = () => import('./check-content.ts');
  if (workers < 1) {
    if (todo.length) {
      const { checkSopFile } = await perFile();
      for (const i of todo) results[i] = checkSopFile(set.sops[i]!, set.contentDir, byDir);
    }
  } else {
    const size = Math.ceil(todo.length / (workers + 1));
    const chunks = Array.from({ length: workers + 1 }, (_, k) => todo.slice(k * size, (k + 1) * size));
    const pending = chunks.slice(1).map((chunk) => runWorker({ set: { ...set, sops: [], bookPages: [], monev: [] }, chunk: chunk.map((i) => set.sops[i]!), assets: [...asked] }));
    // This thread takes the first chunk while the workers start.
    const { checkSopFile } = await perFile();
    for (const i of chunks[0]!) results[i] = checkSopFile(set.sops[i]!, set.contentDir, byDir);
    const theirs = (await Promise.all(pending)).flat();
    chunks.slice(1).flat().forEach((i, k) => {
      fresh.set(i, theirs[k]!);
      results[i] = deserialize(theirs[k]!, near[i]!.entry?.instansi);
    });
  }
  if (cache) {
    for (const i of todo) cache.set(set.sops[i]!, keys[i], withoutInstansi(fresh.get(i) ?? serialize(results[i]!)));
  }
  const result = finishCheck(files, instansi, results as SopFileResult[], { raws: set.monev ?? [], contentDir: set.contentDir, byDir, today });
  return fingerprint ? { ...result, fingerprint } : result;
}

function runWorker(job: WorkerJob): Promise<SerializedResult[]> {
  return new Promise((resolve, reject) => {
    // By way of validate/: in the installed bundle this code may sit in dist/chunks/ (scripts/package/bundle.js).
    const worker = new Worker(new URL(`../validate/check-worker${path.extname(import.meta.url)}`, import.meta.url), { workerData: job });
    worker.once('message', (results: SerializedResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
