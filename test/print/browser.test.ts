import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, missingBrowserMessage, PrerequisiteError, searchBrowser, triedList } from '../../scripts/print/browser.ts';
import { launchFailure } from '../../scripts/print/launch.ts';

/** A fake file system: a set of files; directories are derived from their paths. */
function fakeFs(files: string[], p: path.PlatformPath = path.posix) {
  const set = new Set(files);
  const exists = (f: string) => set.has(f);
  const list = (dir: string) => {
    const names = new Set<string>();
    for (const f of set) {
      const rel = p.relative(dir, f);
      if (rel && !rel.startsWith('..') && !p.isAbsolute(rel)) names.add(rel.split(p.sep)[0]!);
    }
    return [...names];
  };
  return { exists, list };
}

describe('findBrowser on Linux', () => {
  const HOME = '/home/ana';
  const cache = `${HOME}/.cache/puppeteer`;

  it('prefers PUPPETEER_EXECUTABLE_PATH, then SOP_BROWSER', () => {
    const fs = fakeFs(['/opt/a/chrome', '/opt/b/chrome', '/usr/bin/chromium']);
    const env = { HOME, PUPPETEER_EXECUTABLE_PATH: '/opt/a/chrome', SOP_BROWSER: '/opt/b/chrome' };
    expect(findBrowser(env, 'linux', fs.exists, fs.list)).toEqual({ path: '/opt/a/chrome', source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(findBrowser({ HOME, SOP_BROWSER: '/opt/b/chrome' }, 'linux', fs.exists, fs.list)).toEqual({ path: '/opt/b/chrome', source: 'SOP_BROWSER' });
  });

  it('skips an env var that points nowhere, with a note', () => {
    const fs = fakeFs(['/usr/bin/chromium']);
    const found = findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/salah/chrome' }, 'linux', fs.exists, fs.list);
    expect(found?.path).toBe('/usr/bin/chromium');
    expect(found?.notes).toEqual(['PUPPETEER_EXECUTABLE_PATH=/salah/chrome tidak ditemukan, diabaikan.']);
  });

  it('takes the newest version from the Puppeteer cache before system browsers', () => {
    const fs = fakeFs([
      `${cache}/chrome/linux-121.0.6167.85/chrome-linux64/chrome`,
      `${cache}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`,
      `${cache}/chrome/linux-99.0.1/chrome-linux64/chrome`,
      `${cache}/chrome-headless-shell/linux-125.0.1/chrome-headless-shell-linux64/chrome-headless-shell`,
      `${cache}/chrome/mac-140.0.1/chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
      '/usr/bin/chromium',
    ]);
    expect(findBrowser({ HOME }, 'linux', fs.exists, fs.list)).toEqual({
      path: `${cache}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`,
      source: 'cache puppeteer',
    });
  });

  it('uses PUPPETEER_CACHE_DIR and finds a newer headless shell', () => {
    const fs = fakeFs([
      '/srv/pc/chrome/linux-120.0.1/chrome-linux64/chrome',
      '/srv/pc/chrome-headless-shell/linux-131.0.1/chrome-headless-shell-linux64/chrome-headless-shell',
    ]);
    const found = findBrowser({ HOME, PUPPETEER_CACHE_DIR: '/srv/pc' }, 'linux', fs.exists, fs.list);
    expect(found?.path).toBe('/srv/pc/chrome-headless-shell/linux-131.0.1/chrome-headless-shell-linux64/chrome-headless-shell');
  });

  it('ignores an unfinished cache download (folder without executable)', () => {
    const fs = fakeFs([`${cache}/chrome/linux-131.0.1/chrome-linux64/README`, '/usr/bin/google-chrome-stable']);
    expect(findBrowser({ HOME }, 'linux', fs.exists, fs.list)?.path).toBe('/usr/bin/google-chrome-stable');
  });

  it.each([
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ])('finds %s', (file) => {
    const fs = fakeFs([file]);
    expect(findBrowser({ HOME }, 'linux', fs.exists, fs.list)).toEqual({ path: file, source: 'sistem' });
  });

  it('checks /usr/bin/chromium before google-chrome', () => {
    const fs = fakeFs(['/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(findBrowser({}, 'linux', fs.exists, fs.list)?.path).toBe('/usr/bin/chromium');
  });

  it('falls back to PATH', () => {
    const fs = fakeFs(['/nix/profile/bin/chromium']);
    expect(findBrowser({ PATH: '/usr/local/bin:/nix/profile/bin' }, 'linux', fs.exists, fs.list)).toEqual({
      path: '/nix/profile/bin/chromium',
      source: 'PATH',
    });
  });

  it('returns null when there is nothing', () => {
    const fs = fakeFs([]);
    expect(findBrowser({ HOME, PATH: '/usr/bin' }, 'linux', fs.exists, fs.list)).toBeNull();
  });
});

describe('findBrowser on Windows', () => {
  const w = path.win32;
  const env = {
    USERPROFILE: 'C:\\Users\\Ana',
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\Ana\\AppData\\Local',
  };

  it('finds Chrome in Program Files', () => {
    const fs = fakeFs(['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], w);
    expect(findBrowser(env, 'win32', fs.exists, fs.list)).toEqual({ path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', source: 'sistem' });
  });

  it('finds a per-user Chrome in LOCALAPPDATA', () => {
    const file = 'C:\\Users\\Ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const fs = fakeFs([file], w);
    expect(findBrowser(env, 'win32', fs.exists, fs.list)?.path).toBe(file);
  });

  it('falls back to Edge, which every Windows 10/11 has', () => {
    const file = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const fs = fakeFs([file], w);
    expect(findBrowser(env, 'win32', fs.exists, fs.list)?.path).toBe(file);
    // Default Program Files locations when the variables are missing.
    expect(findBrowser({}, 'win32', fs.exists, fs.list)?.path).toBe(file);
  });

  it('prefers Chrome over Edge', () => {
    const fs = fakeFs(
      ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
      w,
    );
    expect(findBrowser(env, 'win32', fs.exists, fs.list)?.path).toMatch(/chrome\.exe$/);
  });

  it('reads the Puppeteer cache under %USERPROFILE%', () => {
    const file = 'C:\\Users\\Ana\\.cache\\puppeteer\\chrome\\win64-131.0.6778.85\\chrome-win64\\chrome.exe';
    const fs = fakeFs([file, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], w);
    expect(findBrowser(env, 'win32', fs.exists, fs.list)).toEqual({ path: file, source: 'cache puppeteer' });
  });

  it('looks up Windows env names case-insensitively', () => {
    const file = 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe';
    const fs = fakeFs([file], w);
    expect(findBrowser({ PROGRAMFILES: 'D:\\Apps' }, 'win32', fs.exists, fs.list)?.path).toBe(file);
  });
});

describe('findBrowser on macOS', () => {
  const HOME = '/Users/ana';

  it('finds Google Chrome.app', () => {
    const file = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const fs = fakeFs([file, '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']);
    expect(findBrowser({ HOME }, 'darwin', fs.exists, fs.list)).toEqual({ path: file, source: 'sistem' });
  });

  it('finds Chromium.app and Microsoft Edge.app, also under ~/Applications', () => {
    let fs = fakeFs(['/Applications/Chromium.app/Contents/MacOS/Chromium']);
    expect(findBrowser({ HOME }, 'darwin', fs.exists, fs.list)?.path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
    fs = fakeFs(['/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']);
    expect(findBrowser({ HOME }, 'darwin', fs.exists, fs.list)?.path).toBe('/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  });

  it('reads the Puppeteer cache for Apple silicon', () => {
    const file = `${HOME}/.cache/puppeteer/chrome/mac_arm-131.0.6778.85/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`;
    const fs = fakeFs([file, `${HOME}/.cache/puppeteer/chrome/linux-140.0.1/chrome-linux64/chrome`]);
    expect(findBrowser({ HOME }, 'darwin', fs.exists, fs.list)?.path).toBe(file);
  });
});

describe('missingBrowserMessage', () => {
  it('tells Debian/Ubuntu users the apt command', () => {
    const m = missingBrowserMessage('linux');
    expect(m).toContain('sudo apt-get install chromium');
    expect(m).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(m).toMatch(/tidak ditemukan/);
  });

  it.each(['win32', 'darwin'] as const)('tells %s users to install Chrome or Edge', (platform) => {
    const m = missingBrowserMessage(platform);
    expect(m).toContain('Google Chrome');
    expect(m).toContain('Microsoft Edge');
    expect(m).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(m).not.toContain('apt-get');
  });
});

describe('PrerequisiteError', () => {
  it('carries a hint and a name the CLI can test for', () => {
    const e = new PrerequisiteError('Browser tidak ditemukan.', 'Pasang chromium.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('PrerequisiteError');
    expect(e.hint).toBe('Pasang chromium.');
  });
});

describe('what was tried, in order, and what was wrong with each', () => {
  it('lists the variables, the Puppeteer cache and the usual locations when nothing is found', () => {
    const fs = fakeFs([]);
    const { found, tried } = searchBrowser({ PUPPETEER_EXECUTABLE_PATH: '/salah/chrome', PATH: '' }, 'linux', fs.exists, fs.list);
    expect(found).toBeNull();
    expect(tried.slice(0, 3)).toEqual(['PUPPETEER_EXECUTABLE_PATH=/salah/chrome: berkas itu tidak ada', 'SOP_BROWSER: tidak diisi', 'cache Puppeteer: tidak ada browser di dalamnya']);
    expect(tried[3]).toMatch(/^lokasi biasa, tidak ada: \/usr\/bin\/chromium, \/usr\/bin\/chromium-browser, /);
    expect(triedList(tried)).toMatch(/^Yang sudah dicoba, berurutan:\n {2}1\. PUPPETEER_EXECUTABLE_PATH=\/salah\/chrome: berkas itu tidak ada\n {2}2\. /);
  });

  it("says why a start failed in Indonesian, whatever Puppeteer's English", () => {
    expect(launchFailure(new Error('Protocol error (Target.setDiscoverTargets): Target closed'))).toMatch(/^program itu berjalan tetapi tidak menjawab sebagai browser/);
    expect(launchFailure(new Error('Failed to launch the browser process! code: 3\n\nstderr:\nUsage'))).toBe('program itu langsung berhenti (kode keluar 3), sebelum dapat dipakai mencetak.');
    expect(launchFailure(new Error('something else entirely'))).toBe('program itu tidak dapat dikendalikan untuk mencetak.');
  });
});
