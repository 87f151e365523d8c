// A plain `sop build` whose inputs are those the PDFs shown were made from (pdf/up-to-date.ts):
// it says what the build that made them said, and whatever would change a PDF, or what a build
// says, still counts. One project, built step after step; each step prints at most a few SOPs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { png } from '../check/helpers.ts';
import { runSop, type SopRun } from '../support/run-sop.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DAY = { SOP_HARI_INI: '2026-03-02' };
let root: string;
let first: SopRun;

const build = () => runSop(root, ['build', '--diam'], DAY);
const printed = (r: SopRun) => Number(/^\d+ SOP: (\d+) PDF dibuat/m.exec(r.stdout)?.[1]);
const checkCache = () => path.join(root, 'output', '.cache');
const pdfDir = () => path.join(root, 'output', 'pdf', 'diskominfo-pessel');

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sop-terkini-'));
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  const yml = path.join(root, 'content', 'diskominfo-pessel', 'instansi.yml');
  writeFileSync(yml, `${readFileSync(yml, 'utf8')}logo: logo.png\n`);
  writeFileSync(path.join(root, 'content', 'diskominfo-pessel', 'logo.png'), png(64, 64));
  first = await build();
  expect(first.code, first.stderr).toBe(0);
}, 120_000);

describe('sop build with nothing changed', () => {
  it('says what a build that checks and compares everything says, and stops its check before a result is decoded', async () => {
    // Another day: the check's fingerprint differs, so this build checks and compares everything.
    const full = await runSop(root, ['build', '--diam'], { SOP_HARI_INI: '2026-03-03' });
    expect(printed(full)).toBe(0);
    rmSync(checkCache(), { recursive: true, force: true });
    const again = await runSop(root, ['build', '--diam'], { SOP_HARI_INI: '2026-03-03' });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(full.stdout);
    expect(again.stdout).toMatch(/menunggu tanda tangan elektronik/);
    // Stopped at the fingerprint: no result was decoded, so there was no check cache to write.
    expect(existsSync(checkCache())).toBe(false);
  });

  it('prints again the PDFs that show a logo whose bytes changed, though it is as valid as before', async () => {
    await build();
    writeFileSync(path.join(root, 'content', 'diskominfo-pessel', 'logo.png'), png(65, 64));
    const after = await build();
    expect(printed(after)).toBe(readdirSync(pdfDir()).filter((f) => f.endsWith('.pdf')).length);
    expect(printed(after)).toBeGreaterThan(0);
  });

  it('prints again a PDF changed in output/pdf, and leaves out a file that is not its own', async () => {
    await build();
    const pdf = path.join(pdfDir(), readdirSync(pdfDir()).find((f) => f.endsWith('.pdf'))!);
    writeFileSync(pdf, '%PDF-1.7 bukan buatan sop');
    writeFileSync(path.join(root, 'output', 'pdf', 'asing.txt'), 'bukan buatan sop');
    const after = await build();
    expect(printed(after)).toBe(1);
    expect(readFileSync(pdf, 'latin1')).not.toMatch(/bukan buatan sop/);
    expect(existsSync(path.join(root, 'output', 'pdf', 'asing.txt'))).toBe(false);
  });

  it('follows ttd/ in its signing note, which no seal covers: a PDF signed and put back drops out of it', async () => {
    const before = await build();
    const waiting = /^ {2}(output\/pdf\/\S+\.pdf) → (\S+)$/m.exec(before.stdout);
    expect(waiting).not.toBeNull();
    mkdirSync(path.dirname(path.join(root, waiting![2]!)), { recursive: true });
    cpSync(path.join(root, waiting![1]!), path.join(root, waiting![2]!));
    const after = await build();
    expect(printed(after)).toBe(0);
    expect(after.stdout).not.toContain(waiting![2]!);
  });
});
