// What git tracks under output/ (never reused): asked without waiting, the same answer as asked at once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetTracked, trackedUnder, trackedUnderSoon } from '../../scripts/output/vouch.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Uji', '-c', 'user.email=uji@example.com', ...args], { cwd, stdio: 'ignore' });

describe('trackedUnderSoon', () => {
  afterEach(forgetTracked);

  it('lists the files git tracks under a folder, as trackedUnder does, and then answers trackedUnder itself', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-tracked-'));
    const output = path.join(root, 'output');
    mkdirSync(path.join(output, 'pdf', 'dinas'), { recursive: true });
    writeFileSync(path.join(output, 'pdf', 'dinas', 'sop 1.pdf'), '%PDF');
    writeFileSync(path.join(output, 'tidak-dilacak.pdf'), '%PDF');
    writeFileSync(path.join(root, 'README.md'), 'x');
    git(root, 'init', '-q');
    git(root, 'add', 'README.md', 'output/pdf');
    git(root, 'commit', '-qm', 'hasil ikut');

    const soon = await trackedUnderSoon(output);
    expect(soon).toEqual(['pdf/dinas/sop 1.pdf']);
    writeFileSync(path.join(output, 'baru.pdf'), '%PDF');
    git(root, 'add', 'output/baru.pdf');
    expect(trackedUnder(output)).toBe(soon); // asked once per process: the settled answer, no second git
    forgetTracked();
    expect(trackedUnder(output)).toEqual(['baru.pdf', 'pdf/dinas/sop 1.pdf']);
  });

  it('finds nothing outside a repository, under a folder that does not exist, or under a file', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sop-tracked-'));
    mkdirSync(path.join(root, 'output'));
    expect(await trackedUnderSoon(path.join(root, 'output'))).toEqual([]);
    expect(await trackedUnderSoon(path.join(root, 'tidak-ada'))).toEqual([]);
    writeFileSync(path.join(root, 'berkas'), 'bukan folder');
    expect(await trackedUnderSoon(path.join(root, 'berkas'))).toEqual([]); // spawn throws ENOTDIR at once
  });
});
