// A CI matrix in one machine: `sop site` of generated SOPs unsharded, then the same sources
// printed as n shares (`sop build --bagian i/n`, each from a clean output/ as a fresh CI job)
// and assembled by `sop site --dari-bagian`; the published files must be the same bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateProject } from './generate.ts';

export interface ShardedBench {
  /** `sop site` on one machine. */
  single: number;
  /** Each share's `sop build --bagian`, in order. */
  shares: number[];
  /** `sop site --dari-bagian`. */
  assemble: number;
  /** Published files (PDFs, manifests, books, site) compared. */
  files: number;
  differing: string[];
}

const YEAR = '2024';

function run(sop: string, args: string[], cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [sop, ...args, '--diam'], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`sop ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return (performance.now() - start) / 1000;
}

/** Every published file under output/ (links followed, the sets' folder left out) → SHA-256. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.sets' || name === '.cache') continue;
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  };
  walk(dir, '');
  return out;
}

export function benchSharded(sop: string, root: string, count: number, n: number): ShardedBench {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-bagian-'));
  try {
    const single = path.join(tmp, 'tunggal');
    generateProject(single, count);
    symlinkSync(path.join(root, 'layouts'), path.join(single, 'layouts'));
    const sharded = path.join(tmp, 'bagian');
    cpSync(single, sharded, { recursive: true, verbatimSymlinks: true });
    const assembler = path.join(tmp, 'perakit');
    cpSync(single, assembler, { recursive: true, verbatimSymlinks: true });

    const singleSeconds = run(sop, ['site', '--tahun', YEAR], single);
    const artefacts = path.join(tmp, 'artefak');
    mkdirSync(artefacts);
    const shares: number[] = [];
    for (let i = 1; i <= n; i++) {
      rmSync(path.join(sharded, 'output'), { recursive: true, force: true });
      shares.push(run(sop, ['build', '--bagian', `${i}/${n}`], sharded));
      cpSync(path.join(sharded, 'output', 'pdf'), path.join(artefacts, `pdf-bagian-${i}`), { recursive: true, dereference: true });
    }
    const assemble = run(sop, ['site', '--tahun', YEAR, '--dari-bagian', artefacts], assembler);
    const a = snapshot(path.join(single, 'output'));
    const b = snapshot(path.join(assembler, 'output'));
    const differing = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
    return { single: singleSeconds, shares, assemble, files: a.size, differing };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
