// Whole-set swaps: output/<kind> is a link to one complete set; a new set shows only once
// committed; failures, kills and older layouts leave a state the next run completes.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../scripts/output/fs-errors.ts';
import { currentSet, listFiles, peekMade, replaceSet, shownSet, StagedSet } from '../../scripts/output/sets.ts';
import { SETS_DIR } from '../../scripts/model/paths.ts';
import { ledgerFile, sha256, writeLedger } from '../../scripts/output/vouch.ts';

const outDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'sop-sets-')), 'output');
const read = (file: string) => readFileSync(file, 'utf8');

/** A pid that belongs to no process: a child that has exited. */
const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));

describe('replaceSet', () => {
  it('shows a new set at once through output/<kind>, carries unchanged files as hard links, and deletes the replaced set', async () => {
    const out = outDir();
    await replaceSet(out, 'pdf', (set) => {
      set.write('a/satu.pdf', '1 lama');
      set.write('a/dua.pdf', '2 lama');
    });
    expect(lstatSync(path.join(out, 'pdf')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(out, 'pdf'))).toMatch(/^\.sets\/pdf\.\d+\.[\w-]+$/);
    const first = currentSet(out, 'pdf')!;

    await replaceSet(out, 'pdf', (set) => {
      expect(set.previous?.dir).toBe(first);
      set.carry('a/satu.pdf');
      set.write('a/dua.pdf', '2 baru');
      // Not shown before commit.
      expect(read(path.join(out, 'pdf', 'a', 'dua.pdf'))).toBe('2 lama');
    });
    expect(read(path.join(out, 'pdf', 'a', 'satu.pdf'))).toBe('1 lama');
    expect(read(path.join(out, 'pdf', 'a', 'dua.pdf'))).toBe('2 baru');
    expect(statSync(path.join(out, 'pdf', 'a', 'satu.pdf')).nlink).toBe(1); // the old set's link is gone with it
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(path.join(out, SETS_DIR)).sort()).toEqual([path.basename(currentSet(out, 'pdf')!), `${path.basename(currentSet(out, 'pdf')!)}.ledger`]);
  });

  it('leaves the previous set in place, and nothing else behind, when filling fails', async () => {
    const out = outDir();
    await replaceSet(out, 'buku', (set) => set.write('b-2024.pdf', 'lama'));
    const before = readdirSync(path.join(out, SETS_DIR));
    await expect(
      replaceSet(out, 'buku', (set) => {
        set.write('b-2024.pdf', 'setengah');
        throw new Error('gagal di tengah');
      }),
    ).rejects.toThrow('gagal di tengah');
    expect(read(path.join(out, 'buku', 'b-2024.pdf'))).toBe('lama');
    expect(readdirSync(path.join(out, SETS_DIR))).toEqual(before);
  });

  it('deletes sets left by killed runs, but not one a running process is writing', async () => {
    const out = outDir();
    await replaceSet(out, 'site', (set) => set.write('index.html', 'lama'));
    const sets = path.join(out, SETS_DIR);
    const dead = deadPid();
    mkdirSync(path.join(sets, `site.${dead}.mati`));
    writeFileSync(path.join(sets, `pdf.${dead}.mati.json`), '{}'); // another kind: left to its own runs
    mkdirSync(path.join(sets, `site.${process.ppid}.hidup`)); // a live process (vitest's parent)
    await replaceSet(out, 'site', (set) => set.write('index.html', 'baru'));
    const left = readdirSync(sets).sort();
    expect(left).toContain(`site.${process.ppid}.hidup`);
    expect(left).toContain(`pdf.${dead}.mati.json`);
    expect(left).not.toContain(`site.${dead}.mati`);
    expect(left.filter((n) => n.startsWith('site.') && n !== `site.${process.ppid}.hidup`)).toEqual([path.basename(currentSet(out, 'site')!), `${path.basename(currentSet(out, 'site')!)}.ledger`]);
  });

  it('removes the temporary folders earlier versions left beside output/site', async () => {
    const out = outDir();
    const dead = deadPid();
    mkdirSync(path.join(out, `.site-${dead}.tmp`), { recursive: true });
    mkdirSync(path.join(out, `.site-${dead}.old`), { recursive: true });
    await replaceSet(out, 'site', (set) => set.write('index.html', 'baru'));
    expect(readdirSync(out).sort()).toEqual(['.sets', 'site']);
  });

  it('turns an old real folder into a set: none of its files is vouched for, and it is gone afterwards', async () => {
    const out = outDir();
    mkdirSync(path.join(out, 'pdf', 'a'), { recursive: true });
    writeFileSync(path.join(out, 'pdf', 'a', 'satu.pdf'), 'dari versi lama');
    expect(currentSet(out, 'pdf')).toBe(path.join(out, 'pdf'));
    await replaceSet(out, 'pdf', (set) => {
      expect(set.previous?.files()).toEqual([]);
      expect(() => set.carry('a/satu.pdf')).toThrow(/tidak dapat dipakai ulang/);
      set.write('a/satu.pdf', 'baru');
    });
    expect(lstatSync(path.join(out, 'pdf')).isSymbolicLink()).toBe(true);
    expect(read(path.join(out, 'pdf', 'a', 'satu.pdf'))).toBe('baru');
    expect(readdirSync(path.join(out, SETS_DIR))).toHaveLength(2); // the set and its ledger
  });

  it('completes a two-step swap that was killed half-way (the marker names the complete new set)', async () => {
    const out = outDir();
    mkdirSync(path.join(out, 'pdf', 'a'), { recursive: true });
    writeFileSync(path.join(out, 'pdf', 'a', 'satu.pdf'), 'lama');
    // As pointAt leaves it when killed between its renames: the marker written, the old real
    // folder moved aside, the new set complete, no output/pdf at all.
    const dead = deadPid();
    const sets = path.join(out, SETS_DIR);
    mkdirSync(path.join(sets, `pdf.${dead}.baru`, 'a'), { recursive: true });
    writeFileSync(path.join(sets, `pdf.${dead}.baru`, 'a', 'satu.pdf'), 'baru');
    writeFileSync(ledgerFile(path.join(sets, `pdf.${dead}.baru`)), writeLedger(path.join(sets, `pdf.${dead}.baru`), { files: { 'a/satu.pdf': sha256('baru') } }));
    writeFileSync(path.join(sets, 'pdf.swap'), `pdf.${dead}.baru`);
    renameSync(path.join(out, 'pdf'), path.join(sets, `pdf.${dead}.lama`));
    expect(existsSync(path.join(out, 'pdf'))).toBe(false);

    expect(currentSet(out, 'pdf')).toBe(path.join(sets, `pdf.${dead}.baru`));
    expect(read(path.join(out, 'pdf', 'a', 'satu.pdf'))).toBe('baru');
    expect(existsSync(path.join(sets, 'pdf.swap'))).toBe(false);
    await replaceSet(out, 'pdf', (set) => set.carry('a/satu.pdf'));
    expect(readdirSync(sets)).toHaveLength(2); // the moved-aside folder went too (the set and its ledger stay)
  });

  it('drops a marker whose set never got complete', () => {
    const out = outDir();
    mkdirSync(path.join(out, SETS_DIR), { recursive: true });
    writeFileSync(path.join(out, SETS_DIR, 'buku.swap'), 'buku.1.hilang');
    expect(currentSet(out, 'buku')).toBeUndefined();
    expect(existsSync(path.join(out, SETS_DIR, 'buku.swap'))).toBe(false);
  });

  it('refuses to replace a file, or a link it did not make, at output/<kind>', () => {
    const out = outDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'pdf'), 'bukan folder');
    expect(() => new StagedSet(out, 'pdf')).toThrow(OutputError);
    expect(() => currentSet(out, 'pdf')).toThrow(/output\/pdf adalah berkas/);
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'sop-www-'));
    symlinkSync(elsewhere, path.join(out, 'site'));
    expect(() => currentSet(out, 'site')).toThrow(/bukan tautan yang dibuat sop-press/);
    expect(read(path.join(out, 'pdf'))).toBe('bukan folder');
    expect(readlinkSync(path.join(out, 'site'))).toBe(elsewhere);
  });

  it('lists the files of a set as relative paths', async () => {
    const out = outDir();
    await replaceSet(out, 'pdf', (set) => {
      set.write('b/2.pdf', '');
      set.write('a/1.pdf', '');
      set.writeMeta('{}');
    });
    expect(listFiles(currentSet(out, 'pdf')!)).toEqual(['a/1.pdf', 'b/2.pdf']);
  });
});

describe('what a set vouches for', () => {
  it('what its writer says it was made from, sealed with the rest: a ledger edited to say otherwise vouches for nothing', async () => {
    const out = outDir();
    await replaceSet(out, 'pdf', (set) => {
      set.write('a/satu.pdf', 'satu');
      set.writeMeta('{"cache":1}');
    });
    const dir = currentSet(out, 'pdf')!;
    expect(shownSet(out, 'pdf')!.made()).toBeUndefined();
    shownSet(out, 'pdf')!.remember('masukan-1');
    expect(peekMade(out, 'pdf')).toBe('masukan-1');
    const shown = shownSet(out, 'pdf')!;
    expect(shown.made()).toBe('masukan-1');
    expect(shown.files()).toEqual(['a/satu.pdf']); // the set itself as it was
    expect(shown.intact()).toBe(true);
    writeFileSync(path.join(dir, 'a', 'lain.pdf'), 'bukan buatan sop');
    expect(shownSet(out, 'pdf')!.intact()).toBe(false); // something foreign in it
    rmSync(path.join(dir, 'a', 'lain.pdf'));
    writeFileSync(ledgerFile(dir), read(ledgerFile(dir)).replace('masukan-1', 'masukan-2'));
    expect(peekMade(out, 'pdf')).toBeUndefined();
    expect(shownSet(out, 'pdf')!.made()).toBeUndefined();
    expect(shownSet(out, 'pdf')!.files()).toEqual([]);
  });

  it('only files its ledger lists, unchanged, not links; nothing when the ledger was sealed elsewhere', async () => {
    const out = outDir();
    await replaceSet(out, 'pdf', (set) => {
      set.write('a/asli.pdf', 'asli');
      set.write('a/diubah.pdf', 'asli');
      set.write('a/tautan.pdf', 'asli');
      set.writeMeta('{"cache":1}');
    });
    const dir = currentSet(out, 'pdf')!;
    writeFileSync(path.join(dir, 'a', 'diubah.pdf'), 'palsu');
    writeFileSync(path.join(dir, 'a', 'tambahan.pdf'), 'palsu');
    rmSync(path.join(dir, 'a', 'tautan.pdf'));
    const elsewhere = path.join(mkdtempSync(path.join(os.tmpdir(), 'sop-luar-')), 'x');
    writeFileSync(elsewhere, 'asli');
    symlinkSync(elsewhere, path.join(dir, 'a', 'tautan.pdf'));
    const shown = shownSet(out, 'pdf')!;
    expect(shown.files()).toEqual(['a/asli.pdf']);
    expect(shown.meta()).toBe('{"cache":1}');

    // Sealed again with each file's stamp, so the next run need not hash it; yet a file rewritten
    // in place with the same size and its old modification time set back is still caught.
    const stamped = JSON.parse(read(ledgerFile(dir))) as { seen?: Record<string, string> };
    expect(Object.keys(stamped.seen ?? {}).sort()).toEqual(['a/asli.pdf', 'a/diubah.pdf', 'a/tautan.pdf']);
    const same = path.join(dir, 'a', 'asli.pdf');
    const { atime, mtime } = statSync(same);
    writeFileSync(same, 'ASLI');
    utimesSync(same, atime, mtime);
    expect(shownSet(out, 'pdf')!.files()).toEqual([]);
    writeFileSync(same, 'asli');
    expect(shownSet(out, 'pdf')!.files()).toEqual(['a/asli.pdf']);

    // A ledger sealed with another machine's key (here: edited) vouches for nothing.
    const ledger = JSON.parse(read(ledgerFile(dir))) as { mac: string };
    writeFileSync(ledgerFile(dir), JSON.stringify({ ...ledger, mac: ledger.mac.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
    expect(shownSet(out, 'pdf')!.files()).toEqual([]);
    expect(shownSet(out, 'pdf')!.meta()).toBeUndefined();
  });
});
