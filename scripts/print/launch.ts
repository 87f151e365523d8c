// One way to start the print browser, shared by the Printer and the bare benchmark baseline so
// both measure the same browser with the same flags.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { brokenBrowserMessage, findBrowser, missingBrowserMessage, PrerequisiteError } from './browser.ts';
import type { FoundBrowser } from './browser.ts';

export interface LaunchOptions {
  /** Use this executable instead of searching (source reported as `opsi`). */
  executablePath?: string;
  /** Replaces `findBrowser()`; tests use it to simulate a machine without a browser. */
  locate?: () => FoundBrowser | null;
  /** Milliseconds to wait for the browser to start. */
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

function removeDir(dir: string): void {
  // Retries: on Windows the profile stays locked for a moment after the browser exits.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

export async function launchChromium(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const executable = options.executablePath ? { path: options.executablePath, source: 'opsi' } : (options.locate ?? findBrowser)();
  if (!executable) {
    throw new PrerequisiteError(missingBrowserMessage(), 'Setelah browser terpasang, jalankan perintah ini lagi.');
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-press-chrome-'));
  // Puppeteer kills the browser on Ctrl+C and exits; this removes the profile in that case too.
  const onExit = () => removeDir(userDataDir);
  process.on('exit', onExit);
  let browser: Browser;
  try {
    browser = await launch({
      executablePath: executable.path,
      headless: /headless-shell/i.test(path.basename(executable.path)) ? 'shell' : true,
      // A pipe instead of a DevTools port: nothing else on the machine can drive this browser.
      pipe: true,
      userDataDir,
      args: chromeArgs(),
      timeout: options.timeoutMs ?? 30_000,
    });
  } catch (error) {
    process.off('exit', onExit);
    removeDir(userDataDir);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PrerequisiteError(
      `Browser ${executable.path} (${executable.source}) ditemukan tetapi gagal dijalankan: ${reason}`,
      brokenBrowserMessage(executable.path),
      { cause: error },
    );
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
