// Browser profiles of killed runs (issue 21, item 10): the next run deletes them; profiles of
// runs still going stay.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleProfiles } from '../../scripts/print/launch.ts';
import { INSTANSI, sopSource } from '../pdf/fixtures.ts';
import { projectDir, runSop, SOP } from '../pdf/helpers.ts';

const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
const profiles = (tmp: string) => readdirSync(tmp).filter((n) => n.startsWith('sop-press-chrome-')).sort();

describe('browser profiles left in the temporary folder', () => {
  it('removes those of processes that are gone, keeps those of live ones', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'sop-profil-'));
    const dead = deadPid();
    const make = (name: string, lockPid?: number) => {
      mkdirSync(path.join(tmp, name, 'Default'), { recursive: true });
      writeFileSync(path.join(tmp, name, 'Default', 'Preferences'), '{}');
      if (lockPid) symlinkSync(`host-${lockPid}`, path.join(tmp, name, 'SingletonLock'));
    };
    make(`sop-press-chrome-${dead}-mati`);
    make(`sop-press-chrome-${process.pid}-hidup`);
    make('sop-press-chrome-lamaMati', dead);
    make('sop-press-chrome-lamaHidup', process.pid);
    make('sop-press-chrome-lamaBaru');
    writeFileSync(path.join(tmp, 'lain.txt'), 'x');
    removeStaleProfiles(tmp);
    expect(profiles(tmp)).toEqual(['sop-press-chrome-lamaBaru', 'sop-press-chrome-lamaHidup', `sop-press-chrome-${process.pid}-hidup`].sort());
    expect(readdirSync(tmp)).toContain('lain.txt');
  });

  it('a killed sop build leaves its profile; the next run deletes it', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'sop-profil-'));
    const dir = projectDir('profil', { 'uji/instansi.yml': INSTANSI, 'uji/satu.md': sopSource() });
    const env = { ...process.env, TMPDIR: tmp, NO_COLOR: '1' };
    const child = spawn(process.execPath, [SOP, 'build'], { cwd: dir, env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!profiles(tmp).length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await exited;
    expect(profiles(tmp)).toHaveLength(1);
    const again = runSop(dir, ['build'], { TMPDIR: tmp });
    expect(again.status, again.stderr).toBe(0);
    expect(profiles(tmp)).toEqual([]);
  }, 90_000);
});
