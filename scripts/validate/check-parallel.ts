// `sop check` on two cores: the per-file stage (parse + validate, most of the time) is split
// between this thread and a worker; instansi files and cross-file rules stay here.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { report, type Place, type RuleId } from '../diagnostics/report.ts';
import type { AssetProbe, AssetVerdict } from '../source/assets.ts';
import type { ContentSet, RawFile } from '../source/content.ts';
import { checkContent, checkInstansiFiles, checkSopFile, finishCheck, todayIso, type CheckResult, type SopFileResult } from './check-content.ts';

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
  messages: Array<{ reason: string; place: Place; ruleId: RuleId; note?: string }>;
}

export function serialize(r: SopFileResult): SerializedResult {
  return {
    path: r.file.path,
    messages: r.file.messages.map((m) => ({ reason: m.reason, place: m.place ?? { line: 1, column: 1 }, ruleId: m.ruleId as RuleId, ...(m.note ? { note: m.note } : {}) })),
    ...(r.sop ? { sop: r.sop } : {}),
    ...(r.facts ? { facts: r.facts } : {}),
  };
}

function deserialize(s: SerializedResult): SopFileResult {
  const file = new VFile({ path: s.path });
  for (const m of s.messages) report(file, m.ruleId, m.reason, m.place, m.note ? { hint: m.note } : {});
  return { file, ...(s.sop ? { sop: s.sop } : {}), ...(s.facts ? { facts: s.facts } : {}) };
}

export async function checkContentParallel(set: ContentSet, probe: AssetProbe, threads = os.availableParallelism()): Promise<CheckResult> {
  const workers = Math.min(threads, Math.floor(set.sops.length / MIN_PER_WORKER)) - 1;
  if (workers < 1) return checkContent(set, probe);
  const size = Math.ceil(set.sops.length / (workers + 1));
  const chunks = Array.from({ length: workers + 1 }, (_, i) => set.sops.slice(i * size, (i + 1) * size));
  const asked = new Map<string, AssetVerdict>();
  const { files, byDir, instansi } = checkInstansiFiles(set, (p, contentDir) => {
    const answer = probe(p, contentDir);
    asked.set(p, answer);
    return answer;
  });
  const pending = chunks.slice(1).map((chunk) => runWorker({ set: { ...set, sops: [], bookPages: [], monev: [] }, chunk, assets: [...asked] }));
  // This thread takes the first chunk while the workers start.
  const mine = chunks[0]!.map((raw) => checkSopFile(raw, set.contentDir, byDir));
  const theirs = (await Promise.all(pending)).flat().map(deserialize);
  return finishCheck(files, instansi, [...mine, ...theirs], { raws: set.monev ?? [], contentDir: set.contentDir, byDir, today: todayIso() });
}

function runWorker(job: WorkerJob): Promise<SerializedResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`./check-worker${path.extname(import.meta.url)}`, import.meta.url), { workerData: job });
    worker.once('message', (results: SerializedResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
