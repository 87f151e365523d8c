// One very large repository on a CI matrix (issue 27): four jobs each print their share
// (`sop build --bagian i/4`), a fifth assembles the site and the book from the four artifacts
// (`--dari-bagian`) without printing, and gets the very bytes of a single-machine build. The
// shares are checked against the sources: a missing share, a stale PDF, a file added or a link
// out of the folder is refused, in Indonesian with its rule id, and output/ is left as it was.
// Builds are shared: one unsharded `sop site`, four shares, one assembled site, one book.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../scripts/bench/generate.ts';
import { SHARD_FILE, type ShardFile } from '../../scripts/bagian/shard.ts';
import { runSop, type SopRun } from '../support/run-sop.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Run = SopRun;
const sop = (cwd: string, args: string[]) => runSop(cwd, [...args, '--diam']);
const SOPS = 12;
const YEAR = '2024';
// Only catches a hang: a loaded two-core machine prints slowly.
const SLOW = { timeout: 600_000 };

async function ok(cwd: string, args: string[]): Promise<Run> {
  const run = await sop(cwd, args);
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

/** Every published file under `dir` (links followed, the sets' own folder left out) → SHA-256. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      if (name === '.sets' || name === '.cache') continue;
      const file = path.join(d, name);
      const stat = fs.statSync(file);
      if (stat.isDirectory()) walk(file, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    }
  };
  if (fs.existsSync(dir)) walk(dir, '');
  return out;
}

function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

let tmp: string;
/** The sources, built unsharded; `shards` (each job's output/pdf, as a CI download gives them). */
let single: string;
let shards: string;
/** A second copy of the sources: the job that assembles. */
let assembler: string;
let unsharded: Map<string, string>;
const shareDirs = [1, 2, 3, 4].map((i) => `pdf-bagian-${i}`);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-bagian-'));
  single = path.join(tmp, 'tunggal');
  const files = generateProject(single, SOPS, 7, { actors: [2, 4], rows: [4, 9] });
  const edit = (file: string, add: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('tanggal_efektif: 2024-02-01', `tanggal_efektif: 2024-02-01\n${add}`));
  // A withdrawn SOP and a wet-signed one beside the e-signed rest (signature field, manifest).
  edit(files[3]!, 'status: dicabut\ntanggal_dicabut: 2024-06-03');
  edit(files[5]!, 'tanda_tangan: basah');
  fs.cpSync(path.join(ROOT, 'layouts'), path.join(single, 'layouts'), { recursive: true });
  assembler = path.join(tmp, 'perakit');
  fs.cpSync(single, assembler, { recursive: true });
  shards = path.join(tmp, 'artefak');
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('sop build --bagian and --dari-bagian', () => {
  it('refuses a share that is not i/n, before checking anything', async () => {
    for (const [value, message] of [
      ['5/4', 'Bagian 5 di "5/4" harus antara 1 dan 4.'],
      ['dua', '"dua" bukan bagian yang sah'],
    ] as const) {
      const run = await sop(single, ['build', '--bagian', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`Galat: ${message}`);
      expect(run.stderr).toContain('Saran: Contoh: --bagian 1/4');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fs.existsSync(path.join(single, 'output'))).toBe(false);
  });

  it('prints each share into its own output/pdf: together every SOP exactly once', SLOW, async () => {
    fs.mkdirSync(shards);
    const seen: string[] = [];
    for (const [k, dir] of shareDirs.entries()) {
      const run = await ok(single, ['build', '--bagian', `${k + 1}/4`]);
      expect(run.stdout).toMatch(new RegExp(`^Bagian ${k + 1}/4: \\d+ SOP: `));
      // What actions/upload-artifact and download-artifact leave: plain files, links followed.
      fs.cpSync(path.join(single, 'output', 'pdf'), path.join(shards, dir), { recursive: true, dereference: true });
      const shard = JSON.parse(fs.readFileSync(path.join(shards, dir, SHARD_FILE), 'utf8')) as ShardFile;
      expect([shard.bagian, shard.dari]).toEqual([k + 1, 4]);
      seen.push(...Object.keys(shard.sop));
    }
    expect(seen.sort()).toHaveLength(SOPS);
    expect(new Set(seen).size).toBe(SOPS);
    // A second run of the last share prints nothing: its cache is its own.
    const again = await ok(single, ['build', '--bagian', '4/4']);
    expect(again.stdout).toMatch(/: 0 PDF dibuat/);
  });

  it('gives the same PDFs, book and site from the shares as a single-machine build', SLOW, async () => {
    fs.rmSync(path.join(single, 'output'), { recursive: true });
    await ok(single, ['site', '--tahun', YEAR]);
    unsharded = snapshot(path.join(single, 'output'));
    const pdfs = [...unsharded.keys()].filter((f) => /^pdf\/.*\.pdf$/.test(f));
    expect(pdfs).toHaveLength(SOPS);
    expect([...unsharded.keys()].filter((f) => f.startsWith('buku/'))).toEqual([`buku/dinas-a-${YEAR}.pdf`, `buku/dinas-b-${YEAR}.pdf`]);
    const signable = pdfs.filter((f) => fs.readFileSync(path.join(single, 'output', f), 'latin1').includes('/FT /Sig'));
    expect(signable.length).toBe(SOPS - 2);

    const run = await ok(assembler, ['site', '--tahun', YEAR, ...shareDirs.flatMap((d) => ['--dari-bagian', path.join(shards, d)])]);
    expect(run.stdout).toContain(', 0 PDF dibuat ulang;');
    const assembled = snapshot(path.join(assembler, 'output'));
    expect(assembled.size).toBe(unsharded.size);
    expect(differing(unsharded, assembled)).toEqual([]);
  });

  it('assembles the book from the folder holding every share, the same bytes', SLOW, async () => {
    expect(unsharded, 'needs the single-machine build').toBeDefined();
    fs.rmSync(path.join(assembler, 'output'), { recursive: true });
    const run = await ok(assembler, ['book', '--tahun', YEAR, '--dari-bagian', shards]);
    expect(run.stdout).toContain('(0 PDF SOP dicetak ulang');
    const book = snapshot(path.join(assembler, 'output'));
    expect([...book.keys()].filter((f) => !f.startsWith('pdf/'))).toEqual([`buku/dinas-a-${YEAR}.pdf`, `buku/dinas-b-${YEAR}.pdf`]);
    for (const [f, hash] of book) expect(hash, f).toBe(unsharded.get(f));
  });

  describe('refuses, and leaves output/ as it was', () => {
    /** A copy of the four shares to spoil. */
    function spoilable(): string {
      const dir = fs.mkdtempSync(path.join(tmp, 'rusak-'));
      for (const d of shareDirs) fs.cpSync(path.join(shards, d), path.join(dir, d), { recursive: true });
      return dir;
    }

    async function refused(args: string[], rule: string, says: string | RegExp): Promise<void> {
      const before = snapshot(path.join(assembler, 'output'));
      const run = await sop(assembler, ['book', '--tahun', YEAR, ...args]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stderr).toContain(`[${rule}]`);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).toContain('Saran: ');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(differing(before, snapshot(path.join(assembler, 'output')))).toEqual([]);
    }

    it('a missing share', SLOW, async () => {
      await refused(shareDirs.slice(0, 3).flatMap((d) => ['--dari-bagian', path.join(shards, d)]), 'bagian-tidak-lengkap', 'Bagian 4/4 tidak disebut');
    });

    it('a share named twice, or a folder without bagian.json', SLOW, async () => {
      await refused([...shareDirs, shareDirs[0]!].flatMap((d) => ['--dari-bagian', path.join(shards, d)]), 'bagian-tidak-lengkap', 'Bagian 1/4 disebut lebih dari sekali');
      await refused(['--dari-bagian', path.join(assembler, 'content')], 'bagian-tidak-lengkap', `tidak memuat ${SHARD_FILE}`);
    });

    it('a stale PDF: its source changed since the share was printed', SLOW, async () => {
      const file = path.join(assembler, 'content', 'dinas-a', 'bidang-1', 'sop-0001.md');
      const original = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, original.replace('| 1 | ', '| 1 | Segera '));
      try {
        await refused(['--dari-bagian', shards], 'bagian-usang', /PDF 1 SOP di .* dicetak dari sumber, tata letak atau versi sop-press yang lain dari yang sekarang: content\/dinas-a\/bidang-1\/sop-0001\.md\./);
      } finally {
        fs.writeFileSync(file, original);
      }
    });

    it('a PDF changed after printing', SLOW, async () => {
      const dir = spoilable();
      const shard = JSON.parse(fs.readFileSync(path.join(dir, shareDirs[1]!, SHARD_FILE), 'utf8')) as ShardFile;
      const pdf = Object.keys(Object.values(shard.sop)[0]!.berkas)[0]!;
      fs.appendFileSync(path.join(dir, shareDirs[1]!, pdf), '%tambahan\n');
      await refused(['--dari-bagian', dir], 'bagian-usang', `Berkas berubah sesudah dicetak`);
    });

    it('an extra file, and an SOP of another share', SLOW, async () => {
      const dir = spoilable();
      fs.writeFileSync(path.join(dir, shareDirs[2]!, 'dinas-a', 'sisipan.pdf'), '%PDF-1.7\n');
      await refused(['--dari-bagian', dir], 'bagian-asing', /memuat berkas yang bukan hasil bagian ini: dinas-a\/sisipan\.pdf\./);
      // Share 1's description claims (and holds) an SOP of share 2.
      const fresh = spoilable();
      const one = path.join(fresh, shareDirs[0]!);
      const two = JSON.parse(fs.readFileSync(path.join(fresh, shareDirs[1]!, SHARD_FILE), 'utf8')) as ShardFile;
      const shard = JSON.parse(fs.readFileSync(path.join(one, SHARD_FILE), 'utf8')) as ShardFile;
      const [id, entry] = Object.entries(two.sop)[0]!;
      shard.sop[id] = entry;
      fs.writeFileSync(path.join(one, SHARD_FILE), JSON.stringify(shard));
      for (const rel of Object.keys(entry.berkas)) fs.cpSync(path.join(fresh, shareDirs[1]!, rel), path.join(one, rel));
      await refused(['--dari-bagian', fresh], 'bagian-asing', `memuat SOP yang bukan bagiannya atau tidak ada lagi di content/: ${id}.`);
    });

    it('a PDF that is a link out of the named folder, and a name that climbs out', SLOW, async () => {
      const dir = spoilable();
      const shard = JSON.parse(fs.readFileSync(path.join(dir, shareDirs[3]!, SHARD_FILE), 'utf8')) as ShardFile;
      const pdf = Object.keys(Object.values(shard.sop)[0]!.berkas)[0]!;
      const outside = path.join(tmp, 'di-luar.pdf');
      fs.renameSync(path.join(dir, shareDirs[3]!, pdf), outside);
      fs.symlinkSync(outside, path.join(dir, shareDirs[3]!, pdf));
      await refused(['--dari-bagian', dir], 'bagian-asing', `adalah tautan ke luar folder itu atau bukan berkas biasa: ${pdf}.`);

      const climbing = spoilable();
      const file = path.join(climbing, shareDirs[0]!, SHARD_FILE);
      const one = JSON.parse(fs.readFileSync(file, 'utf8')) as ShardFile;
      const first = Object.values(one.sop)[0]!;
      first.berkas['../../../rahasia.pdf'] = Object.values(first.berkas)[0]!;
      fs.writeFileSync(file, JSON.stringify(one));
      await refused(['--dari-bagian', climbing], 'bagian-asing', `menyebut berkas di luar tempat PDF SOP-nya: ../../../rahasia.pdf.`);
    });
  });
});
