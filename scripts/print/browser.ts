// Finds a Chromium-family browser to print with. Pure apart from the injected file-system
// probes, so every OS's search order can be unit-tested on any OS.
import fs from 'node:fs';
import path from 'node:path';
import { EXIT, SopError } from '../errors.ts';

export interface FoundBrowser {
  path: string;
  /** Where it was found, for `sop doctor`-style messages: an env var name, `cache puppeteer`, `sistem`, `PATH`. */
  source: string;
  /** Indonesian notes about candidates that were skipped (e.g. an env var pointing nowhere). */
  notes?: string[];
}

export type Exists = (file: string) => boolean;
export type ListDir = (dir: string) => string[];

/** A missing prerequisite (browser, font…): the CLI prints `message` + `hint` and exits with 2. */
export class PrerequisiteError extends SopError {
  declare readonly hint: string;
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, { exitCode: EXIT.usage, hint, cause: options?.cause });
  }
}

const ENV_VARS = ['PUPPETEER_EXECUTABLE_PATH', 'SOP_BROWSER'] as const;

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Windows env names are case-insensitive; a plain injected object is not. */
function envGet(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const direct = env[name];
  if (direct) return direct;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) if (key.toLowerCase() === lower && value) return value;
  return undefined;
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Cache sub-folder prefixes (`<prefix>-<version>`) that run on this OS, per @puppeteer/browsers. */
const CACHE_PLATFORMS: Partial<Record<NodeJS.Platform, Record<string, string[]>>> = {
  linux: { linux: ['linux64'], linux_arm: ['linux-arm64', 'linux64'] },
  darwin: { mac_arm: ['mac-arm64'], mac: ['mac-x64'] },
  win32: { win64: ['win64'], win32: ['win32'] },
};

function cacheExecutables(kind: 'chrome' | 'chrome-headless-shell', folder: string, platform: NodeJS.Platform, p: path.PlatformPath): string {
  const dir = `${kind}-${folder}`;
  if (kind === 'chrome-headless-shell') return p.join(dir, platform === 'win32' ? 'chrome-headless-shell.exe' : 'chrome-headless-shell');
  if (platform === 'win32') return p.join(dir, 'chrome.exe');
  if (platform === 'darwin') return p.join(dir, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing');
  return p.join(dir, 'chrome');
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

/** Newest browser in Puppeteer's download cache; full Chrome wins a tie with the headless shell. */
function fromPuppeteerCache(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: Exists, list: ListDir): string | null {
  const p = pathApi(platform);
  const home = platform === 'win32' ? envGet(env, 'USERPROFILE') : env.HOME;
  const cacheDir = env.PUPPETEER_CACHE_DIR ?? (home ? p.join(home, '.cache', 'puppeteer') : undefined);
  const platforms = CACHE_PLATFORMS[platform];
  if (!cacheDir || !platforms) return null;
  const found: Array<{ version: string; rank: number; file: string }> = [];
  (['chrome', 'chrome-headless-shell'] as const).forEach((kind, rank) => {
    for (const entry of list(p.join(cacheDir, kind))) {
      const dash = entry.indexOf('-');
      const folders = platforms[entry.slice(0, dash)];
      if (dash < 0 || !folders) continue;
      const version = entry.slice(dash + 1);
      for (const folder of folders) {
        const file = p.join(cacheDir, kind, entry, cacheExecutables(kind, folder, platform, p));
        if (exists(file)) {
          found.push({ version, rank, file });
          break;
        }
      }
    }
  });
  found.sort((a, b) => compareVersions(b.version, a.version) || a.rank - b.rank);
  return found[0]?.file ?? null;
}

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
];
const LINUX_PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

function systemCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Array<{ file: string; source: string }> {
  if (platform === 'win32') {
    const w = path.win32;
    const roots = [
      envGet(env, 'PROGRAMFILES') ?? 'C:\\Program Files',
      envGet(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)',
      envGet(env, 'LOCALAPPDATA'),
    ].filter((r): r is string => Boolean(r));
    const chrome = roots.map((r) => w.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    const edge = roots.map((r) => w.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    return [...chrome, ...edge].map((file) => ({ file, source: 'sistem' }));
  }
  if (platform === 'darwin') {
    const apps = ['Google Chrome', 'Chromium', 'Microsoft Edge'].map((n) => `${n}.app/Contents/MacOS/${n}`);
    const dirs = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return dirs.flatMap((d) => apps.map((a) => ({ file: path.posix.join(d, a), source: 'sistem' })));
  }
  // Linux and other Unix: fixed paths first, then anything named like a browser on PATH (NixOS, Homebrew on Linux…).
  const onPath = (env.PATH ?? '')
    .split(':')
    .filter(Boolean)
    .flatMap((dir) => LINUX_PATH_NAMES.map((n) => ({ file: path.posix.join(dir, n), source: 'PATH' })));
  return [...LINUX_PATHS.map((file) => ({ file, source: 'sistem' })), ...onPath];
}

/**
 * Order: `PUPPETEER_EXECUTABLE_PATH`, `SOP_BROWSER`, Puppeteer's cache (newest version), then
 * the OS's usual install locations. An env var pointing at a missing file is skipped with a note
 * (printed by the launcher, never silent), so a stale setting does not block printing when
 * another browser exists.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: Exists = fs.existsSync,
  list: ListDir = safeList,
): FoundBrowser | null {
  return searchBrowser(env, platform, exists, list).found;
}

/** findBrowser's answer with what it looked at, in order, each with what was wrong: for the messages. */
export function searchBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: Exists = fs.existsSync,
  list: ListDir = safeList,
): { found: FoundBrowser | null; tried: string[] } {
  const notes: string[] = [];
  const tried: string[] = [];
  const done = (found: FoundBrowser) => ({ found: notes.length ? { ...found, notes } : found, tried });
  for (const name of ENV_VARS) {
    const value = env[name]?.trim();
    if (!value) {
      tried.push(`${name}: tidak diisi`);
      continue;
    }
    if (exists(value)) return done({ path: value, source: name });
    notes.push(`${name}=${value} tidak ditemukan, diabaikan.`);
    tried.push(`${name}=${value}: berkas itu tidak ada`);
  }
  const cached = fromPuppeteerCache(env, platform, exists, list);
  if (cached) return done({ path: cached, source: 'cache puppeteer' });
  tried.push('cache Puppeteer: tidak ada browser di dalamnya');
  const seen = new Set<string>();
  const missing: string[] = [];
  for (const { file, source } of systemCandidates(env, platform)) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (exists(file)) {
      if (missing.length) tried.push(`lokasi biasa, tidak ada: ${missing.join(', ')}`);
      return done({ path: file, source });
    }
    missing.push(file);
  }
  if (missing.length) tried.push(`lokasi biasa, tidak ada: ${missing.join(', ')}`);
  return { found: null, tried };
}

/** "Yang sudah dicoba, berurutan:" and one numbered line per attempt. */
export function triedList(tried: readonly string[]): string {
  return tried.length ? `Yang sudah dicoba, berurutan:\n${tried.map((t, i) => `  ${i + 1}. ${t}`).join('\n')}` : '';
}

/** What to tell when a browser was found but would not start. */
export function brokenBrowserMessage(path: string): string {
  return [
    `Pastikan ${path} adalah Chrome, Chromium atau Edge yang dapat dibuka, atau pasang ulang browser tersebut.`,
    'Bila ingin memakai browser lain, isi PUPPETEER_EXECUTABLE_PATH dengan lokasi programnya.',
  ].join('\n');
}

/** What to tell a document officer when no browser is found. */
export function missingBrowserMessage(platform: NodeJS.Platform = process.platform): string {
  const install =
    platform === 'win32' || platform === 'darwin'
      ? 'Pasang Google Chrome (https://www.google.com/chrome/) atau Microsoft Edge, lalu jalankan perintah ini lagi.'
      : 'Di Debian/Ubuntu pasang Chromium dengan:\n    sudo apt-get install chromium\natau pasang Google Chrome / Microsoft Edge.';
  // Each shell sets a variable its own way; an officer copies the line as shown.
  const example =
    platform === 'win32'
      ? 'di Command Prompt:\n    set PUPPETEER_EXECUTABLE_PATH=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\n  di PowerShell:\n    $env:PUPPETEER_EXECUTABLE_PATH="C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"'
      : platform === 'darwin'
        ? 'di Terminal:\n    export PUPPETEER_EXECUTABLE_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"'
        : 'di terminal:\n    export PUPPETEER_EXECUTABLE_PATH=/path/ke/chrome';
  return [
    'Browser Chromium, Google Chrome, atau Microsoft Edge tidak ditemukan. Browser dibutuhkan untuk mencetak PDF.',
    install,
    `Jika browser sudah terpasang di lokasi lain, tunjukkan lokasinya lewat variabel lingkungan PUPPETEER_EXECUTABLE_PATH, ${example}`,
  ].join('\n');
}
