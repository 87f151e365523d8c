// What a CI job's share of the PDFs is: `bagian.json` beside the PDFs it printed, so the job
// that builds the site can check it was printed from the sources it has (see assemble.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sop } from '../model/sop.ts';
import { htmlPath, manifestRel, pdfPath, type BuiltPdf } from '../pdf/build-pdfs.ts';
import type { Measurement } from '../plan/procedure.ts';
import { sha256 } from '../output/vouch.ts';
import type { Bagian } from './split.ts';

/** The description's name inside a share's folder (output/pdf of the job). */
export const SHARD_FILE = 'bagian.json';

export interface ShardSop {
  /** What the SOP was printed from (pdf/inputs.ts sopInputsHash), as the build cache keeps it. */
  hash: string;
  /** Row heights etc. as measured for the PDF: the site draws the same flowchart from them. */
  measurement: Measurement;
  /** Each file of the SOP (`/`-separated, relative to the folder) → SHA-256 of its bytes. */
  berkas: Record<string, string>;
}

export interface ShardFile {
  versi: 1;
  bagian: number;
  dari: number;
  /** SOP id → what was printed for it. */
  sop: Record<string, ShardSop>;
}

/** The bagian.json of a share just printed into `dir` (a new set of output/pdf). */
export function describeShard(b: Bagian, dir: string, built: BuiltPdf[], hash: (id: string) => string): string {
  const sop: Record<string, ShardSop> = {};
  for (const p of [...built].sort((x, y) => (x.sop.id < y.sop.id ? -1 : x.sop.id > y.sop.id ? 1 : 0))) {
    const berkas: Record<string, string> = {};
    for (const rel of sopFiles(p.sop, { manifest: Boolean(p.manifest), html: Boolean(p.html) })) berkas[rel] = sha256(readFileSync(path.join(dir, ...rel.split('/'))));
    sop[p.sop.id] = { hash: hash(p.sop.id), measurement: p.measurement, berkas };
  }
  const file: ShardFile = { versi: 1, bagian: b.i, dari: b.n, sop };
  return JSON.stringify(file) + '\n';
}

/** The files an SOP may have in a share, relative to its folder: its PDF, and its signing manifest and printed HTML when there are. */
export function sopFiles(sop: Sop, has: { manifest: boolean; html: boolean }): string[] {
  return [pdfPath(sop, ''), ...(has.manifest ? [manifestRel(sop)] : []), ...(has.html ? [htmlPath(sop, '')] : [])];
}
