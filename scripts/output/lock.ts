// One command at a time writes a project's output: `sop build`, `sop book`, `sop site` and the
// preview's builds each hold the project's lock while they build. Without it, `sop build` run
// while `sop site` was running published an SOP page of the old version beside the new PDF.
//
// The lock is a small file in the temporary folder, named after the project's real path (not
// in output/, which may be missing, read-only or a file; never in the sources). It names who
// holds it: a second command waits and says so; one left by a killed run (its process gone) is
// taken over. The file appears whole or not at all (written beside it, then hard-linked in), so a
// kill at any moment never leaves an empty lock that no one could judge.
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, realpathSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alive } from './sets.ts';

export interface LockHolder {
  pid: number;
  /** e.g. `sop site`, `sop pratinjau`. */
  command: string;
  /** ISO time it was taken. */
  since: string;
  /** Tells two holds of one process apart (the preview builds PDFs and the site). */
  token?: string;
}

/** The lock file of the project at `root`. */
export function lockFile(root: string): string {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    real = path.resolve(root);
  }
  return path.join(os.tmpdir(), `sop-press-${createHash('sha256').update(real).digest('hex').slice(0, 16)}.lock`);
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(data.pid) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when process `pid` started after `since` (Linux, from /proc): the pid of a killed run
 * now belongs to another process, so the lock is stale. False where that cannot be told.
 */
function startedAfter(pid: number, since: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, clock ticks since boot), counted after the command name's `)`.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const started = (boot + ticks / 100) * 1000;
    // Clock ticks are 100 per second on Linux; a second's slack for rounding.
    return Number.isFinite(started) && started > Date.parse(since) + 1000;
  } catch {
    return false;
  }
}

/** How long an unreadable lock may be "being written" before it counts as a killed run's. */
const UNREADABLE_GRACE_MS = 5_000;

/** Creates the lock file with `me` in it, whole, unless it exists: false when it does. */
function create(file: string, me: LockHolder): boolean {
  const draft = `${file}.${process.pid}.${me.token ?? 'x'}`;
  writeFileSync(draft, JSON.stringify(me), { mode: 0o644 });
  try {
    linkSync(draft, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    unlinkSync(draft);
  }
}

/** True when the lock file was last written more than `ms` ago. */
function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** Takes the lock if free (or left by a process that is gone); else says who holds it. */
function tryTake(file: string, me: LockHolder): LockHolder | undefined {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, me)) return undefined;
    const holder = readHolder(file);
    if (holder && alive(holder.pid) && !startedAfter(holder.pid, holder.since)) return holder;
    // Unreadable and fresh: another sop-press (an older one wrote in place) is writing it now.
    if (!holder && !olderThan(file, UNREADABLE_GRACE_MS)) return { pid: 0, command: 'sop', since: new Date().toISOString() };
    // A killed run's lock (its process gone, or an unreadable file left for seconds): taken over.
    try {
      unlinkSync(file);
    } catch {
      // another waiter removed it first
    }
  }
  return readHolder(file);
}

/** "sop site (pid 4711) sejak 14.05.09, 7 Desember 2026". */
export function describeHolder(holder: LockHolder): string {
  const since = new Date(holder.since);
  const when = Number.isNaN(since.getTime())
    ? ''
    : ` sejak ${since.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}, ${since.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${holder.command}${holder.pid ? ` (pid ${holder.pid})` : ''}${when}`;
}

export interface LockOptions {
  /** Told once when another command holds the lock; this one waits for it. */
  onWait?: (holder: LockHolder) => void;
  /** Milliseconds between looks (tests). */
  pollMs?: number;
}

/** Runs `fn` holding the project's lock, waiting for it first when another command holds it. */
export async function withProjectLock<T>(root: string, command: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const file = lockFile(root);
  const me: LockHolder = { pid: process.pid, command, since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let told = false;
  for (;;) {
    const holder = tryTake(file, me);
    if (!holder) break;
    if (!told) options.onWait?.(holder);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
  try {
    return await fn();
  } finally {
    // Only our own: never a lock another run took over after ours was (wrongly) judged stale.
    if (readHolder(file)?.token === me.token) unlinkSync(file);
  }
}
