// Where a command's processor time goes (Linux): the whole machine's busy time from /proc/stat,
// and Chromium's processes sampled from /proc every 0.2 s (each process counted at the last
// sample before it ended). What is left of the busy time is the command's own Node and the
// system. Says whether a command is bound by the processors, and by whose work.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface CpuSplit {
  /** Seconds from start to exit. */
  wall: number;
  /** CPU seconds the whole machine spent meanwhile (all cores). */
  busy: number;
  /** CPU seconds of Chromium's processes among them. */
  chromium: number;
  /** busy / (wall × cores). */
  share: number;
}

const TICK = 100; // USER_HZ, as /proc counts

/** Busy ticks of all processors since boot: user, nice, system, irq, softirq, steal. */
function busyTicks(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  return f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
}

/** pid → utime + stime ticks of every Chromium process running now. */
function chromiumTicks(into: Map<number, number>): void {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!/chrom|headless_shell/i.test(comm)) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    into.set(Number(name), Number(f[11]) + Number(f[12]));
  }
}

/** Runs `cmd` (which must succeed) and splits the processor time it took. */
export async function timedWithCpu(cmd: string, args: string[], cwd: string): Promise<CpuSplit> {
  const seen = new Map<number, number>();
  const busyBefore = busyTicks();
  const start = performance.now();
  const sampler = setInterval(() => chromiumTicks(seen), 200);
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => output.push(d));
    child.stderr.on('data', (d: Buffer) => output.push(d));
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(sampler);
  const wall = (performance.now() - start) / 1000;
  const busy = (busyTicks() - busyBefore) / TICK;
  if (code !== 0) throw new Error(`${args.join(' ')} failed (${code}):\n${Buffer.concat(output).toString('utf8')}`);
  const chromium = [...seen.values()].reduce((a, b) => a + b, 0) / TICK;
  return { wall, busy, chromium, share: busy / (wall * os.availableParallelism()) };
}
