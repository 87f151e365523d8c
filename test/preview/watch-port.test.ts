// `sop pratinjau` without a browser: a layouts/ folder created after the start is watched (the
// open pages reload), and --buka hands the address to the system's opener.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../scripts/preview/server.ts';
import { ROOT } from '../site/helpers.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'sop-preview-watch-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function project(name: string): string {
  const dir = path.join(temp, name);
  cpSync(path.join(ROOT, 'content', 'dkukmtk-balangan'), path.join(dir, 'content', 'dkukmtk-balangan'), { recursive: true });
  return dir;
}

describe('sop pratinjau', () => {
  it('picks up a layouts/ folder created after it started: the open pages are told to reload', async () => {
    const dir = project('tata-letak-baru');
    expect(existsSync(path.join(dir, 'layouts'))).toBe(false);
    const preview = await startPreview({ root: dir, port: 0, printer: () => Promise.reject(new Error('no printing here')) });
    const events: string[] = [];
    const req = http.get(`${preview.url}_pratinjau/peristiwa`, { headers: { host: '127.0.0.1' } }, (res) => res.on('data', (d: Buffer) => events.push(String(d))));
    try {
      await new Promise((r) => setTimeout(r, 200));
      mkdirSync(path.join(dir, 'layouts', 'partials'), { recursive: true });
      writeFileSync(path.join(dir, 'layouts', 'partials', 'kaki.hbs'), '<footer>kantor</footer>\n');
      for (let i = 0; i < 200 && !events.join('').includes('event: ubah'); i++) await new Promise((r) => setTimeout(r, 50));
      // "*": every page (a layout change reaches all of them).
      expect(events.join('')).toMatch(/event: ubah\ndata: \[[^\]]*"\*"/);
    } finally {
      req.destroy();
      await preview.close();
    }
  });

  it.runIf(process.platform === 'linux')('--buka hands the address to xdg-open', async () => {
    const dir = project('buka');
    const bin = path.join(temp, 'bin');
    mkdirSync(bin);
    const opened = path.join(temp, 'dibuka.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > ${opened}\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'sop.js'), 'pratinjau', '--buka'], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    try {
      for (let i = 0; i < 400 && !existsSync(opened); i++) await new Promise((r) => setTimeout(r, 50));
      const url = /Pratinjau berjalan di (\S+)/.exec(out)?.[1];
      expect(url, out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(readFileSync(opened, 'utf8').trim()).toBe(url);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
