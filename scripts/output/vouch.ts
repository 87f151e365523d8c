// What output/ may reuse: only files this tool wrote on this machine, unchanged since.
//
// Every set gets a ledger beside it (`<set>.ledger`): the SHA-256 of each file it holds and of
// its side file, sealed with an HMAC whose key never leaves this machine (it lives in the user's
// state folder, not in the project). A ledger that was committed, copied from elsewhere or edited
// does not verify, so a pull request cannot slip a PDF or a build-cache entry into what is
// published: it is rebuilt from the sources. Files git tracks under output/ are never reused at
// all, whatever their ledger says.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Ledger {
  /** `/`-separated path in the set → SHA-256 (hex) of its bytes. */
  files: Record<string, string>;
  /** SHA-256 of the side file (`<set>.json`), when there is one. */
  meta?: string;
  /**
   * Path → the file's identity when the ledger was sealed (see fileStamp): a file with the same
   * stamp is the same untouched inode, so its bytes need not be read and hashed again.
   */
  seen?: Record<string, string>;
  /**
   * What the writer says the set was made from (opaque here): sealed with the rest, so a run that
   * finds the same inputs can trust it did this work already (cli/build.ts).
   */
  made?: string;
}

interface SealedLedger extends Ledger {
  version: 1;
  mac: string;
}

export function sha256(data: string | Uint8Array): string {
  // One-shot: half the cost of a Hash object for the small inputs most callers hash.
  return hash('sha256', data, 'hex');
}

export function ledgerFile(setDir: string): string {
  return `${setDir}.ledger`;
}

let machineKey: Buffer | undefined;

/**
 * The key that seals ledgers: made once per user account, kept outside every project. Where it
 * cannot be kept (a read-only home), a key for this process only: nothing from earlier runs is
 * reused then, which costs time, never correctness.
 */
function key(): Buffer {
  if (machineKey) return machineKey;
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  const file = path.join(base, 'sop-press', 'kunci-hasil');
  try {
    const existing = readFileSync(file);
    if (existing.length >= 32) return (machineKey = existing);
  } catch {
    // not made yet
  }
  const fresh = randomBytes(32);
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // `wx`: two first runs at once keep whichever key was written first.
    writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
    return (machineKey = fresh);
  } catch {
    try {
      const existing = readFileSync(file);
      if (existing.length >= 32) return (machineKey = existing);
    } catch {
      // unreadable: fall through
    }
    return (machineKey = fresh);
  }
}

/** An HMAC of `data` under this machine's key, for another cache that must not trust a copy (`purpose` keeps uses apart). */
export function machineMac(purpose: string, data: Uint8Array): Buffer {
  return createHmac('sha256', key()).update(purpose).update('\0').update(data).digest();
}

function mac(setName: string, ledger: Ledger): string {
  const body = JSON.stringify({ set: setName, files: ledger.files, meta: ledger.meta ?? null, ...(ledger.seen ? { seen: ledger.seen } : {}), ...(ledger.made !== undefined ? { made: ledger.made } : {}) });
  return createHmac('sha256', key()).update(body).digest('hex');
}

export function writeLedger(setDir: string, ledger: Ledger): string {
  const sealed: SealedLedger = {
    version: 1,
    files: ledger.files,
    ...(ledger.meta ? { meta: ledger.meta } : {}),
    ...(ledger.seen ? { seen: ledger.seen } : {}),
    ...(ledger.made !== undefined ? { made: ledger.made } : {}),
    mac: mac(path.basename(setDir), ledger),
  };
  return JSON.stringify(sealed);
}

/** The ledger of `setDir` if this machine sealed it; undefined otherwise. */
export function readLedger(setDir: string): Ledger | undefined {
  let data: SealedLedger;
  try {
    data = JSON.parse(readFileSync(ledgerFile(setDir), 'utf8')) as SealedLedger;
  } catch {
    return undefined;
  }
  if (data?.version !== 1 || typeof data.mac !== 'string' || typeof data.files !== 'object' || data.files === null) return undefined;
  const seen = typeof data.seen === 'object' && data.seen !== null ? { seen: data.seen } : {};
  const made = typeof data.made === 'string' ? { made: data.made } : {};
  const ledger: Ledger = { files: data.files, ...(typeof data.meta === 'string' ? { meta: data.meta } : {}), ...seen, ...made };
  const want = Buffer.from(mac(path.basename(setDir), ledger), 'hex');
  const got = Buffer.from(data.mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want) ? ledger : undefined;
}

/**
 * A regular file's identity: device, inode, size, modification and change times (ns). The change
 * time moves on every write, rename, chmod or link-count change and cannot be set by a program,
 * so an equal stamp means the very inode the ledger was sealed over, untouched since. Undefined
 * for a link, a folder, or a file system with whole-second times (a write in the same second
 * would keep the stamp).
 */
export function fileStamp(file: string): string | undefined {
  let st;
  try {
    st = lstatSync(file, { bigint: true });
  } catch {
    return undefined;
  }
  if (!st.isFile() || st.ctimeNs % 1_000_000_000n === 0n) return undefined;
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * The bytes of `file` if it is a regular file reached without leaving `realDir` (no link on the
 * way, nor the file itself a link); undefined otherwise.
 */
export function readInside(realDir: string, file: string): Buffer | undefined {
  let fd: number;
  try {
    if (realpathSync(file) !== file || !file.startsWith(realDir + path.sep)) return undefined;
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const trackedMemo = new Map<string, readonly string[]>();
const trackedAsked = new Map<string, Promise<readonly string[]>>();
const GIT_LS_FILES = ['ls-files', '-z', '--', '.'];
// Room for a repository that committed a whole catalogue under output/.
const GIT_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * The files under `dir` git tracks, relative with `/` (none when git or a repository is missing).
 * Asked once per process: a command is one short run (the check cache, the build and its sets all
 * ask about output/), and a file git starts tracking during a watch is still one this run wrote.
 */
export function trackedUnder(dir: string): readonly string[] {
  let files = trackedMemo.get(dir);
  if (!files) {
    const r = spawnSync('git', GIT_LS_FILES, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: GIT_OUTPUT_BYTES });
    files = r.status === 0 && r.stdout ? r.stdout.split('\0').filter(Boolean) : [];
    trackedMemo.set(dir, files);
  }
  return files;
}

/**
 * The same answer, asked without waiting: git runs on the other core while the command reads
 * content/, and trackedUnder(dir) finds the answer once this has settled.
 */
export function trackedUnderSoon(dir: string): Promise<readonly string[]> {
  const known = trackedMemo.get(dir);
  if (known) return Promise.resolve(known);
  let asked = trackedAsked.get(dir);
  if (!asked) {
    asked = new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      const done = (ok: boolean) => {
        trackedAsked.delete(dir);
        if (!trackedMemo.has(dir)) trackedMemo.set(dir, ok && bytes ? Buffer.concat(chunks).toString('utf8').split('\0').filter(Boolean) : []);
        resolve(trackedMemo.get(dir)!);
      };
      let git;
      try {
        git = spawn('git', GIT_LS_FILES, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return done(false); // `dir` is a file: said where output/ is used (output/fs-errors.ts)
      }
      git.stdout.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > GIT_OUTPUT_BYTES) git.kill();
        else chunks.push(chunk);
      });
      git.on('error', () => done(false)); // no git, or no such folder
      git.on('close', (code) => done(code === 0 && bytes <= GIT_OUTPUT_BYTES));
    });
    trackedAsked.set(dir, asked);
  }
  return asked;
}

/** Forgets what git tracked: for a test that has git start tracking a file within one process. */
export function forgetTracked(): void {
  trackedMemo.clear();
  trackedAsked.clear();
}

/** How many files under `dir` git tracks (0 when git or a repository is missing). */
export function trackedFiles(dir: string): number {
  return trackedUnder(dir).length;
}
