// One command at a time per project (issue 21, item 6): a second build waits and says which
// command holds the project (pid, since when); a lock left by a killed run is taken over.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFile, withProjectLock, type LockHolder } from '../../scripts/output/lock.ts';
import { INSTANSI, sopSource } from '../pdf/fixtures.ts';
import { projectDir, SOP } from '../pdf/helpers.ts';

const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));

describe('withProjectLock', () => {
  it('runs holders of one project one after the other, telling the second who holds it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-kunci-'));
    const order: string[] = [];
    const told: LockHolder[] = [];
    let release!: () => void;
    const first = withProjectLock(root, 'sop site', async () => {
      order.push('site mulai');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('site selesai');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = withProjectLock(root, 'sop build', async () => void order.push('build'), { onWait: (h) => told.push(h), pollMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['site mulai']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['site mulai', 'site selesai', 'build']);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ pid: process.pid, command: 'sop site' });
    expect(existsSync(lockFile(root))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to a process started later (Linux)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-kunci-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      writeFileSync(lockFile(root), JSON.stringify({ pid: other.pid, command: 'sop site', since: new Date(Date.now() - 3600_000).toISOString() }));
      const told: LockHolder[] = [];
      expect(await withProjectLock(root, 'sop build', async () => 'jalan', { onWait: (h) => told.push(h) })).toBe('jalan');
      expect(told).toEqual([]);
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a run that was killed', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-kunci-'));
    writeFileSync(lockFile(root), JSON.stringify({ pid: deadPid(), command: 'sop site', since: new Date().toISOString() }));
    const told: LockHolder[] = [];
    expect(await withProjectLock(root, 'sop build', async () => 'jalan', { onWait: (h) => told.push(h) })).toBe('jalan');
    expect(told).toEqual([]);
  });

  it('takes over an empty lock file left for seconds (a run killed as it took the lock), and leaves none of its own half-written', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-kunci-'));
    // What sop-press that wrote the lock in place left when killed between creating and writing it.
    writeFileSync(lockFile(root), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(root), old, old);
    const told: LockHolder[] = [];
    expect(await withProjectLock(root, 'sop build', async () => 'jalan', { onWait: (h) => told.push(h), pollMs: 10 })).toBe('jalan');
    expect(told).toEqual([]);
    expect(existsSync(lockFile(root))).toBe(false);
  });
});

describe('sop build while another command holds the project', () => {
  it('waits, names the holder (pid, since when), and goes on once that process is gone', async () => {
    const dir = projectDir('kunci', { 'uji/instansi.yml': INSTANSI, 'uji/satu.md': sopSource() });
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // taken after the holder started
    const since = new Date();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: holder.pid, command: 'sop site', since: since.toISOString() }));
    const build = spawn(process.execPath, [SOP, 'build'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    build.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => build.on('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!stderr.includes('Menunggu') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr).toContain(`Menunggu sop site (pid ${holder.pid}) sejak `);
    expect(stderr).toContain(since.toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric' }));
    expect(stderr).toContain(`hapus berkas ${lockFile(dir)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(path.join(dir, 'output', 'pdf'))).toBe(false);
    holder.kill('SIGKILL'); // the holder is killed: its lock is taken over
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dir, 'output', 'pdf', 'uji', 'satu.pdf'))).toBe(true);
    expect(existsSync(lockFile(dir))).toBe(false);
  }, 90_000);
});
