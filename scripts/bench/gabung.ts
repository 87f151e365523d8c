// `sop gabung` at province scale: generated office catalogues (offices.ts) as local folders,
// federated by the real command in a child process, timed, with the peak memory of its whole
// process tree (sop and the Pagefind indexers it starts) sampled from /proc; then the first
// search result on the site built, in the browser (search-latency.ts).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { officeKatalog, uniqueWord, writeOfficeSite } from './offices.ts';
import { searchLatency, type SearchTiming } from './search-latency.ts';

export interface GabungBench {
  seconds: number;
  peakMb: number;
  pages: number;
  /** Size of the combined site. */
  mb: number;
  loadBefore: string;
  /** CPU seconds of sop and of the Pagefind processes it started (what the load average does not change much). */
  cpu: { sop: number; pagefind: number };
  /** Peak resident memory of the Pagefind processes alone, in MB. */
  pagefindPeakMb: number;
  search: SearchTiming[];
  loadAfter: string;
}

/**
 * Queries of every kind a person types: one SOP's own word (in its steps), an SOP's name, an
 * office, a unit, and words that every generated SOP holds (the worst case: 60,000 matches).
 */
export function benchQueries(offices: number, perOffice: number): string[] {
  const at = (f: number) => Math.max(1, Math.round(offices * f));
  const k = (f: number) => Math.floor(perOffice * f);
  return [
    uniqueWord(at(0.1), k(0.5)),
    uniqueWord(at(0.5), k(0.1)),
    uniqueWord(at(0.9), k(0.9)),
    uniqueWord(offices, 0),
    `Pelayanan Administrasi Nomor ${k(0.4)} Dinas ${at(0.3)}`,
    `dinas contoh ${at(0.7)}`,
    'laboratorium',
    'berkas',
    'kepala seksi',
    'memverifikasi data pemohon',
    'arsip',
    'menandatangani surat',
  ];
}

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  /** kB */
  rss: number;
  /** CPU seconds so far. */
  cpu: number;
}

/** `pid` and all its descendants (Linux /proc; none elsewhere). */
function processTree(pid: number): Proc[] {
  let procs: Proc[];
  try {
    procs = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          const status = readFileSync(`/proc/${d}/status`, 'utf8');
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return [
            {
              pid: Number(d),
              ppid: Number(/PPid:\s+(\d+)/.exec(status)?.[1]),
              name: /Name:\s+(\S+)/.exec(status)?.[1] ?? '',
              rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
              cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
            },
          ];
        } catch {
          return [];
        }
      });
  } catch {
    return [];
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
  return procs.filter((p) => tree.has(p.pid));
}

/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

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
    let pagefindPeakMb = 0;
    // CPU of each process as last seen (a Pagefind process is gone once its part is written).
    const cpu = new Map<number, { pagefind: boolean; seconds: number }>();
    const timer = setInterval(() => {
      const tree = processTree(child.pid!);
      const mb = (ps: Proc[]) => ps.reduce((n, p) => n + p.rss, 0) / 1024;
      peakMb = Math.max(peakMb, mb(tree));
      pagefindPeakMb = Math.max(pagefindPeakMb, mb(tree.filter((p) => p.name.startsWith('pagefind'))));
      for (const p of tree) cpu.set(p.pid, { pagefind: p.name.startsWith('pagefind'), seconds: p.cpu });
    }, 200);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`sop gabung failed (${code}):\n${out}`);
    const loadAfter = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    const site = path.join(project, 'output', 'gabungan');
    const { files, mb } = sizeMb(site);
    const search = await searchLatency(site, benchQueries(offices, Math.floor(sops / offices)));
    const sum = (pagefind: boolean) => [...cpu.values()].filter((c) => c.pagefind === pagefind).reduce((n, c) => n + c.seconds, 0);
    return { seconds, peakMb, pagefindPeakMb, cpu: { sop: sum(false), pagefind: sum(true) }, pages: files, mb, loadBefore, loadAfter, search };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
