// Worker side of check-parallel.ts: the per-file stage for one chunk of SOP files.
import { parentPort, workerData } from 'node:worker_threads';
import { checkInstansiFiles, checkSopFile } from './check-content.ts';
import { serialize, type WorkerJob } from './check-parallel.ts';

const { set, chunk, assets } = workerData as WorkerJob;
const known = new Map(assets);
const { byDir } = checkInstansiFiles(set, (p) => known.get(p) ?? { ok: false, problem: 'tidak-ada' });
parentPort!.postMessage(chunk.map((raw) => serialize(checkSopFile(raw, set.contentDir, byDir))));
