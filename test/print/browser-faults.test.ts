// Broken browsers, faked: a folder, a file that cannot run, a program that never answers the
// DevTools handshake, and a real Chromium killed in the middle of a build.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdfs } from '../../scripts/pdf/build-pdfs.ts';
import { findBrowser, PrerequisiteError } from '../../scripts/print/browser.ts';
import { startTimeoutMs } from '../../scripts/print/launch.ts';
import { BrowserCrashError, Printer } from '../../scripts/print/pool.ts';
import { generatedSops } from '../pdf/fixtures.ts';
import { launchPrinter, projectDir, ROOT, runSop as run, sampleSops, SOP, tempDir } from '../pdf/helpers.ts';

const project = (files: Record<string, string>) => projectDir('faults', files);

function script(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()) {
    const h = createHash('sha256');
    for await (const chunk of createReadStream(path.join(dir, rel))) h.update(chunk as Buffer);
    out[rel] = h.digest('hex');
  }
  return out;
}

const posix = process.platform !== 'win32';
const ONE_SOP = generatedSops(1);

describe('a browser that cannot start', () => {
  it('a folder as PUPPETEER_EXECUTABLE_PATH: an Indonesian message naming it, exit 2, no stack trace', () => {
    const dir = project(ONE_SOP);
    const r = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Galat: PUPPETEER_EXECUTABLE_PATH=${dir} adalah folder, bukan program browser.`);
    expect(r.stderr).toMatch(/Saran: Isi PUPPETEER_EXECUTABLE_PATH dengan berkas program Chrome, Chromium atau Edge/);
    expect(r.stderr).not.toMatch(/\n\s+at |EACCES|Error/);
    expect(existsSync(path.join(dir, 'output', 'pdf'))).toBe(false);
  });

  it.runIf(posix)('a file without execute permission: says so, and how to allow it', () => {
    const dir = project(ONE_SOP);
    const file = path.join(dir, 'chrome');
    writeFileSync(file, '#!/bin/sh\n');
    const r = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: file });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tidak dapat dijalankan: berkas ini tidak berizin eksekusi');
    expect(r.stderr).toContain(`chmod +x ${file}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(posix)('a program that never answers: given up after the start deadline, and killed', async () => {
    const dir = tempDir('hang');
    const pidFile = path.join(dir, 'pid');
    const hang = script(dir, 'chrome', `echo $$ > ${pidFile}\nexec sleep 600`);
    const started = performance.now();
    const launching = Printer.launch({ allowedDir: ROOT, executablePath: hang, timeoutMs: 1000 });
    await expect(launching).rejects.toBeInstanceOf(PrerequisiteError);
    // A generous bound for hang detection; before, the message came after 181 s.
    expect(performance.now() - started).toBeLessThan(8000);
    const error = (await launching.catch((e: unknown) => e)) as PrerequisiteError;
    expect(error.message).toBe(`Browser ${hang} (opsi) dijalankan tetapi tidak menjawab dalam 1 detik.`);
    expect(error.hint).toContain('SOP_BROWSER_TIMEOUT=60');
    const pid = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(false);
  });

  it.runIf(posix)('sop build with such a browser: exit 2 after SOP_BROWSER_TIMEOUT, not minutes later', () => {
    const dir = project(ONE_SOP);
    const hang = script(dir, 'chrome', 'exec sleep 600');
    const r = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: hang, SOP_BROWSER_TIMEOUT: '1' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dijalankan tetapi tidak menjawab dalam 1 detik');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it.runIf(posix)('a program that is not a browser: why, in Indonesian, none of Puppeteer\'s English', () => {
    const dir = project(ONE_SOP);
    for (const program of ['/bin/true', script(dir, 'bukan-browser', 'echo "Usage: something else" >&2; exit 3')]) {
      const r = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: program });
      expect(r.status, program).toBe(2);
      expect(r.stderr).toContain(`Galat: Browser ${program} (PUPPETEER_EXECUTABLE_PATH) ditemukan tetapi gagal dijalankan: program itu`);
      expect(r.stderr).not.toMatch(/Protocol error|Target closed|Failed to launch|Usage:|\n\s+at /);
    }
  }, 60_000);

  it('a PUPPETEER_EXECUTABLE_PATH that points nowhere is said, not silently ignored', () => {
    const dir = project(ONE_SOP);
    const r = run(dir, ['build'], { PUPPETEER_EXECUTABLE_PATH: '/tidak/ada/chrome' });
    expect(r.stderr).toMatch(/^Catatan: PUPPETEER_EXECUTABLE_PATH=\/tidak\/ada\/chrome tidak ditemukan, diabaikan\. Memakai \S+ \(/m);
    expect(r.status).toBe(0);
  }, 60_000);

  it('reads SOP_BROWSER_TIMEOUT in seconds, and refuses nonsense', () => {
    expect(startTimeoutMs({})).toBe(10_000);
    expect(startTimeoutMs({ SOP_BROWSER_TIMEOUT: '60' })).toBe(60_000);
    expect(startTimeoutMs({ SOP_BROWSER_TIMEOUT: '2,5' })).toBe(2500);
    expect(() => startTimeoutMs({ SOP_BROWSER_TIMEOUT: 'lama' })).toThrow(/SOP_BROWSER_TIMEOUT=lama bukan jumlah detik yang valid/);
    expect(() => startTimeoutMs({ SOP_BROWSER_TIMEOUT: '0' })).toThrow(PrerequisiteError);
  });
});

describe('a browser that dies in the middle of a build', () => {
  /** Kills the browser at the start of the withPage calls numbered in `at` (0-based). */
  function killing(printer: Printer, at: (call: number) => boolean): void {
    const real = printer.withPage.bind(printer);
    let call = 0;
    printer.withPage = (fn) =>
      real(async (page) => {
        if (at(call++)) page.browser().process()!.kill('SIGKILL');
        return fn(page);
      });
  }

  it('relaunches it and reprints what it was printing: the same bytes as an undisturbed build', async () => {
    const sops = sampleSops();
    const reference = tempDir('ref');
    const crashed = tempDir('crash');
    const calm = await launchPrinter();
    try {
      await buildPdfs(sops, { root: ROOT, outDir: reference, printer: async () => calm });
    } finally {
      await calm.close();
    }
    const printer = await launchPrinter();
    try {
      const first = await printer.withPage(async (p) => p.browser().process()!.pid);
      killing(printer, (call) => call === 1); // call 0 measures; call 1 is the first print, with another in flight
      const built = await buildPdfs(sops, { root: ROOT, outDir: crashed, printer: async () => printer });
      expect(built.every((b) => b.rebuilt)).toBe(true);
      expect(await printer.withPage(async (p) => p.browser().process()!.pid)).not.toBe(first);
    } finally {
      await printer.close();
    }
    expect(await hashes(path.join(crashed, 'pdf'))).toEqual(await hashes(path.join(reference, 'pdf')));
  }, 120_000);

  it('dying again after the relaunch: an Indonesian message naming the SOP, and output/pdf as it was', async () => {
    const sops = sampleSops();
    const out = tempDir('crash2');
    const printer = await launchPrinter();
    try {
      await buildPdfs(sops, { root: ROOT, outDir: out, printer: async () => printer });
      const before = await hashes(path.join(out, 'pdf'));
      killing(printer, (call) => call >= 1);
      const failed = await buildPdfs(sops, { root: ROOT, outDir: out, force: true, printer: async () => printer }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(BrowserCrashError);
      const error = failed as BrowserCrashError;
      expect(error.message).toMatch(/^Browser berhenti mendadak saat mencetak content\/[\w/-]+\.md, dan sekali lagi setelah dijalankan ulang\.$/);
      expect(error.exitCode).toBe(1);
      expect(error.hint).toContain('Hasil sebelumnya di output/ tidak diubah.');
      expect(await hashes(path.join(out, 'pdf'))).toEqual(before);
      expect(readdirSync(path.join(out, '.sets')).filter((n) => !n.endsWith('.json') && !n.endsWith('.ledger'))).toHaveLength(1);
    } finally {
      await printer.close();
    }
  }, 120_000);

  it.runIf(posix)('sop build survives its Chromium being killed (kill -9 from outside) mid-build', async () => {
    const chromium = findBrowser();
    if (!chromium) return;
    const dir = project(generatedSops(10));
    const pids = path.join(dir, 'pids');
    const wrapper = script(dir, 'chrome', `echo $$ >> ${pids}\nexec "${chromium.path}" "$@"`);
    const env = { ...process.env, NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: wrapper };
    expect(spawnSync(process.execPath, [SOP, 'build'], { cwd: dir, env, encoding: 'utf8' }).status).toBe(0);
    const reference = await hashes(path.join(dir, 'output', 'pdf'));
    writeFileSync(pids, '');

    const child = spawn(process.execPath, [SOP, 'build', '--semua', '--diam'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Kill the browser as soon as the first new PDF lands in the set being written.
    const sets = path.join(dir, 'output', '.sets');
    let killed = false;
    const poll = setInterval(() => {
      if (killed) return;
      const staging = readdirSync(sets).filter((n) => n.startsWith(`pdf.${child.pid}.`) && !n.endsWith('.json'));
      const printed = staging.some((n) => readdirSync(path.join(sets, n), { recursive: true }).some((f) => String(f).endsWith('.pdf')));
      const pid = Number(readFileSync(pids, 'utf8').split('\n')[0]);
      if (printed && pid) {
        process.kill(pid, 'SIGKILL');
        killed = true;
      }
    }, 5);
    const code = await exited;
    clearInterval(poll);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(killed).toBe(true);
    expect(readFileSync(pids, 'utf8').trim().split('\n')).toHaveLength(2); // relaunched once
    expect(await hashes(path.join(dir, 'output', 'pdf'))).toEqual(reference);
  }, 180_000);
});
