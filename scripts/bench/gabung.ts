// `sop gabung` at province scale: generated office catalogues (offices.ts) as local folders,
// federated by the real command in a child process, timed, with the peak memory of its whole
// process tree (sop and the Pagefind indexer it starts) sampled from /proc.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { officeKatalog, writeOfficeSite } from './offices.ts';

export interface GabungBench {
  seconds: number;
  peakMb: number;
  pages: number;
  /** Size of the combined site. */
  mb: number;
  loadBefore: string;
}

/** Resident memory of `pid` and all its descendants, in MB (Linux /proc; 0 elsewhere). */
function treeRssMb(pid: number): number {
  let procs: Array<{ pid: number; ppid: number; rss: number }>;
  try {
    procs = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const status = readFileSync(`/proc/${d}/status`, 'utf8');
          return [{ pid: Number(d), ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1]), rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) }];
        } catch {
          return [];
        }
      });
  } catch {
    return 0;
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((n, p) => n + p.rss, 0) / 1024;
}

function sizeMb(dir: string): { files: number; mb: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    if (e.name.endsWith('.html')) files++;
  }
  return { files, mb: bytes / (1024 * 1024) };
}

export async function benchGabung(sopBin: string, offices: number, sops: number): Promise<GabungBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sop-bench-gabung-'));
  try {
    // 20 kabupaten/kota, offices of even size summing to exactly `sops`.
    const lines = ['judul: Katalog SOP Provinsi Bench', 'kantor:'];
    for (let n = 1; n <= offices; n++) {
      const count = Math.floor(sops / offices) + (n <= sops % offices ? 1 : 0);
      writeOfficeSite(path.join(dir, `kantor-${n}`), officeKatalog({ n, sops: count, alamat: `https://dinas-${n}.example.go.id/`, pemerintah: `Pemerintah Kabupaten ${1 + (n % 20)}` }));
      lines.push(`  - folder: ../kantor-${n}`);
    }
    const project = path.join(dir, 'provinsi');
    mkdirSync(project);
    writeFileSync(path.join(project, 'gabungan.yml'), `${lines.join('\n')}\n`);
    const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const started = performance.now();
    const child = spawn(process.execPath, [sopBin, 'gabung'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let peakMb = 0;
    const timer = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(child.pid!))), 250);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`sop gabung failed (${code}):\n${out}`);
    const { files, mb } = sizeMb(path.join(project, 'output', 'gabungan'));
    return { seconds, peakMb, pages: files, mb, loadBefore };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
