// One way to start the print browser, shared by the Printer and the bare benchmark baseline so
// both measure the same browser with the same flags.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { brokenBrowserMessage, missingBrowserMessage, PrerequisiteError, searchBrowser, triedList } from './browser.ts';
import type { FoundBrowser } from './browser.ts';

export interface LaunchOptions {
  /** Use this executable instead of searching (source reported as `opsi`). */
  executablePath?: string;
  /** Replaces `findBrowser()`; tests use it to simulate a machine without a browser. */
  locate?: () => FoundBrowser | null;
  /** Milliseconds to wait for the browser to start; default from SOP_BROWSER_TIMEOUT, else 10 s. */
  timeoutMs?: number;
}

export interface LaunchedBrowser {
  browser: Browser;
  executable: FoundBrowser;
  userDataDir: string;
  /** Closes the browser and deletes its profile; safe to call more than once. */
  close(): Promise<void>;
}

/** Flags for a quiet, offline, reproducible print browser. */
export function chromeArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    // Unhinted glyph metrics: text widths, hence line breaks, do not depend on the machine.
    '--font-render-hinting=none',
    '--disable-quic',
    // Defence in depth behind request interception: preconnect, DNS prefetch and WebSockets do
    // not pass through it, but they cannot resolve a host either.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    // Chromium refuses to start its sandbox as root (containers, CI).
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

class StartTimeout extends Error {}

/**
 * What went wrong at the start, in Indonesian: Puppeteer's own text is English ("Failed to
 * launch the browser process!", "Protocol error … Target closed") and stays in the error's cause.
 */
export function launchFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = /\bcode[:=]\s*(-?\d+)/i.exec(text)?.[1];
  if (/Target closed|Protocol error|WebSocket|pipe/i.test(text)) {
    return 'program itu berjalan tetapi tidak menjawab sebagai browser (bukan Chrome, Chromium atau Edge?), lalu berhenti.';
  }
  if (/Failed to launch/i.test(text)) return `program itu langsung berhenti${code ? ` (kode keluar ${code})` : ''}, sebelum dapat dipakai mencetak.`;
  return 'program itu tidak dapat dikendalikan untuk mencetak.';
}

function removeDir(dir: string): void {
  // Retries: on Windows the profile stays locked for a moment after the browser exits.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

const PROFILE_PREFIX = 'sop-press-chrome-';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the profiles that killed runs left in the temporary folder (about 2 MB each). A profile
 * is named after the process that made it (`sop-press-chrome-<pid>-…`) and gone with it; one of
 * an earlier version (no pid in its name) once its browser's SingletonLock names a process that
 * is gone, or it has none and is a day old. Best effort.
 */
export function removeStaleProfiles(tmp = os.tmpdir()): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmp).filter((n) => n.startsWith(PROFILE_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(tmp, name);
    try {
      const owner = /^sop-press-chrome-(\d+)-/.exec(name);
      let stale: boolean;
      if (owner) stale = !running(Number(owner[1]));
      else {
        let lock: string | undefined;
        try {
          lock = fs.readlinkSync(path.join(dir, 'SingletonLock'));
        } catch {
          lock = undefined;
        }
        const pid = lock ? Number(/-(\d+)$/.exec(lock)?.[1]) : NaN;
        stale = lock ? !Number.isInteger(pid) || !running(pid) : Date.now() - fs.lstatSync(dir).mtimeMs > 24 * 3600 * 1000;
      }
      if (stale && fs.lstatSync(dir).isDirectory()) removeDir(dir);
    } catch {
      // another user's, or being removed: left alone
    }
  }
}

/** Seconds a browser gets to start and answer by default: enough for a cold start on a slow PC. */
export const START_TIMEOUT_S = 10;
export const START_TIMEOUT_ENV = 'SOP_BROWSER_TIMEOUT';

/** The start deadline in ms: SOP_BROWSER_TIMEOUT (seconds) when it is a sensible number. */
export function startTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[START_TIMEOUT_ENV]?.trim();
  if (!raw) return START_TIMEOUT_S * 1000;
  const seconds = Number(raw.replace(',', '.'));
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new PrerequisiteError(`${START_TIMEOUT_ENV}=${raw} bukan jumlah detik yang valid.`, `Isi dengan angka detik antara 1 dan 3600, mis. ${START_TIMEOUT_ENV}=60, atau kosongkan untuk memakai ${START_TIMEOUT_S} detik.`);
  }
  return Math.round(seconds * 1000);
}

const EXAMPLE_PATH: Partial<Record<NodeJS.Platform, string>> = {
  linux: '/usr/bin/chromium',
  win32: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  darwin: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
};

/**
 * Something that cannot be run as a browser at all: a folder, or a file without execute
 * permission. Spawning it would fail with an unhandled 'error' event (a crash with a stack
 * trace), so it is refused here with what to do instead.
 */
function unrunnable(executable: FoundBrowser): PrerequisiteError | undefined {
  const where = executable.source === 'opsi' || executable.source === 'sistem' || executable.source === 'PATH' ? executable.path : `${executable.source}=${executable.path}`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(executable.path);
  } catch {
    return new PrerequisiteError(`Browser ${where} tidak ditemukan.`, brokenBrowserMessage(executable.path));
  }
  if (stat.isDirectory()) {
    const app = /\.app\/?$/.test(executable.path) ? ` Untuk aplikasi macOS, tunjuk program di dalamnya, mis. "${path.join(executable.path, 'Contents', 'MacOS', path.basename(executable.path).replace(/\.app\/?$/, ''))}".` : '';
    return new PrerequisiteError(
      `${where} adalah folder, bukan program browser.`,
      `Isi ${executable.source === 'opsi' ? 'lokasi browser' : executable.source} dengan berkas program Chrome, Chromium atau Edge di dalam folder itu (mis. ${EXAMPLE_PATH[process.platform] ?? EXAMPLE_PATH.linux}).${app}`,
    );
  }
  if (process.platform !== 'win32') {
    try {
      fs.accessSync(executable.path, fs.constants.X_OK);
    } catch {
      return new PrerequisiteError(
        `${where} tidak dapat dijalankan: berkas ini tidak berizin eksekusi (atau disk-nya melarang menjalankan program).`,
        `Bila berkas itu memang browser, beri izin dengan "chmod +x ${executable.path}"; bila bukan, isi PUPPETEER_EXECUTABLE_PATH dengan lokasi program Chrome, Chromium atau Edge.`,
      );
    }
  }
  return undefined;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const search = options.executablePath ? { found: { path: options.executablePath, source: 'opsi' }, tried: [] } : options.locate ? { found: options.locate(), tried: [] } : searchBrowser();
  const executable = search.found;
  if (!executable) {
    throw new PrerequisiteError(`${missingBrowserMessage()}\n${triedList(search.tried)}`.trim(), 'Setelah browser terpasang, jalankan perintah ini lagi.');
  }
  // A variable that points nowhere was skipped: say so, it was set for a reason.
  for (const note of executable.notes ?? []) process.stderr.write(`Catatan: ${note} Memakai ${executable.path} (${executable.source}).\n`);
  const refused = unrunnable(executable);
  if (refused) throw refused;
  const timeoutMs = options.timeoutMs ?? startTimeoutMs();
  removeStaleProfiles();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  // Puppeteer kills the browser on Ctrl+C and exits; this removes the profile in that case too.
  const onExit = () => removeDir(userDataDir);
  process.on('exit', onExit);
  // Puppeteer's own deadline covers only part of the start (its first DevTools call waits for the
  // 180 s protocol timeout): one deadline for the whole start, after which the browser's process
  // group is killed through the abort signal.
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartTimeout()), timeoutMs);
  });
  let browser: Browser;
  try {
    const launching = launch({
      executablePath: executable.path,
      headless: /headless-shell/i.test(path.basename(executable.path)) ? 'shell' : true,
      // A pipe instead of a DevTools port: nothing else on the machine can drive this browser.
      pipe: true,
      userDataDir,
      args: chromeArgs(),
      timeout: timeoutMs,
      signal: abort.signal,
    });
    launching.catch(() => undefined); // its failure after the deadline is already reported
    browser = await Promise.race([launching, deadline]);
  } catch (error) {
    abort.abort();
    process.off('exit', onExit);
    removeDir(userDataDir);
    if (error instanceof StartTimeout) {
      const seconds = (timeoutMs / 1000).toLocaleString('id-ID');
      throw new PrerequisiteError(
        `Browser ${executable.path} (${executable.source}) dijalankan tetapi tidak menjawab dalam ${seconds} detik.`,
        `Bila komputer sedang sangat sibuk, beri waktu lebih lama, mis. ${START_TIMEOUT_ENV}=60 (detik). ${brokenBrowserMessage(executable.path)}`,
        { cause: error },
      );
    }
    throw new PrerequisiteError(
      `Browser ${executable.path} (${executable.source}) ditemukan tetapi gagal dijalankan: ${launchFailure(error)}${search.tried.length ? `\n${triedList(search.tried)}\n  ${search.tried.length + 1}. ${executable.path} (${executable.source}): ${launchFailure(error)}` : ''}`,
      brokenBrowserMessage(executable.path),
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await browser.close();
      } catch {
        browser.process()?.kill('SIGKILL'); // already disconnected or hung: make sure it is gone
      }
      process.off('exit', onExit);
      removeDir(userDataDir);
    })());
  return { browser, executable, userDataDir, close };
}
