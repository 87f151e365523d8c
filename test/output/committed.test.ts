// A pull request that commits output/ (issue 21, item 1): forged PDFs, a forged build cache, a
// forged book, a "PDF" that links to a secret, a set folder that links out of the project. In a
// fresh clone, `sop site` and `sop build` rebuild from the sources and publish nothing of it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SETS_DIR } from '../../scripts/model/paths.ts';
import { INSTANSI, sopSource } from '../pdf/fixtures.ts';
import { flat, pdftotext, projectDir, runSop, tempDir } from '../pdf/helpers.ts';

const FORGED = 'Pemohon membayar biaya ke rekening pribadi 0123456789';
const SECRET = 'KUNCI-RAHASIA-id_rsa';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Penyerang', '-c', 'user.email=x@example.com', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function forgedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  page.drawText(FORGED, { x: 40, y: 500, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

/** Every file under `dir` (links not followed), with its bytes. */
function allFiles(dir: string): Array<{ rel: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ rel: path.relative(dir, path.join(e.parentPath, e.name)), text: readFileSync(path.join(e.parentPath, e.name), 'latin1') }));
}

let source: string;
let outside: string;
let forged: Uint8Array;

/** The attacker's repository as committed after `change`, cloned fresh. */
function cloneAfter(name: string, change: (project: string) => void): string {
  const project = tempDir(`serang-${name}`);
  cpSync(source, project, { recursive: true, verbatimSymlinks: true });
  change(project);
  git(project, 'add', '-f', 'output');
  git(project, 'commit', '-qm', 'Perbarui hasil');
  const clone = path.join(tempDir(`klon-${name}`), 'repo');
  git(path.dirname(clone), 'clone', '-q', project, clone);
  return clone;
}

beforeAll(async () => {
  source = projectDir('committed', { 'uji/instansi.yml': INSTANSI, 'uji/satu.md': sopSource() });
  outside = tempDir('di-luar');
  mkdirSync(path.join(outside, 'private'));
  writeFileSync(path.join(outside, 'private', 'id_rsa'), SECRET);
  writeFileSync(path.join(outside, 'rahasia.txt'), SECRET);
  // The layouts as files, not a link to this checkout: the clone must stand alone.
  rmSync(path.join(source, 'layouts'));
  git(source, 'init', '-q');
  writeFileSync(path.join(source, '.gitignore'), 'output/\n');
  const built = runSop(source, ['build']);
  expect(built.status, built.stdout + built.stderr).toBe(0);
  git(source, 'add', '.gitignore', 'content');
  git(source, 'commit', '-qm', 'SOP');
  forged = await forgedPdf();
}, 120_000);

const pdfSet = (project: string) => realpathSync(path.join(project, 'output', 'pdf'));

describe('a committed output/', () => {
  it('forged PDF with its cache entry, and a forged book: `sop site` rebuilds and publishes neither', () => {
    const clone = cloneAfter('pdf', (project) => {
      writeFileSync(path.join(pdfSet(project), 'uji', 'satu.pdf'), forged);
      const book = path.join(project, 'output', SETS_DIR, 'buku.1.palsu');
      mkdirSync(book);
      writeFileSync(path.join(book, 'uji-2024.pdf'), forged);
      symlinkSync(`${SETS_DIR}/buku.1.palsu`, path.join(project, 'output', 'buku'));
    });
    const run = runSop(clone, ['site', '--tanpa-buku']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('1 PDF dibuat ulang');
    expect(run.stdout).toMatch(/git melacak \d+ berkas di output\//);
    const site = path.join(clone, 'output', 'site');
    const pdfs = allFiles(site).filter((f) => f.rel.endsWith('.pdf'));
    expect(pdfs.map((f) => path.basename(f.rel))).toEqual(['satu.pdf']);
    const text = flat(pdftotext(path.join(site, pdfs[0]!.rel)));
    expect(text).toContain('Menerima berkas');
    expect(text).not.toContain('rekening pribadi');
    expect(readFileSync(path.join(clone, 'output', 'pdf', 'uji', 'satu.pdf'))).not.toEqual(Buffer.from(forged));
  }, 120_000);

  it('a "PDF" that links to a file outside: `sop site --tanpa-buku` publishes the built PDF, not that file', () => {
    const clone = cloneAfter('tautan', (project) => {
      const pdf = path.join(pdfSet(project), 'uji', 'satu.pdf');
      rmSync(pdf);
      symlinkSync(path.join(outside, 'rahasia.txt'), pdf);
    });
    const run = runSop(clone, ['site', '--tanpa-buku']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    for (const dir of ['site', 'pdf']) {
      for (const f of allFiles(path.join(clone, 'output', dir))) expect(f.text, f.rel).not.toContain(SECRET);
    }
  }, 120_000);

  it('a set folder that links elsewhere: `sop site` puts nothing of that folder in output/pdf', () => {
    const clone = cloneAfter('set', (project) => {
      const real = pdfSet(project);
      const name = path.basename(real);
      // The cache beside it vouches for every SOP; the folder itself is the outside one.
      rmSync(real, { recursive: true });
      cpSync(path.join(project, 'output', SETS_DIR, `${name}.json`), path.join(outside, 'cache.json'));
      symlinkSync(outside, real);
    });
    const run = runSop(clone, ['site', '--tanpa-buku']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(existsSync(path.join(clone, 'output', 'pdf', 'private'))).toBe(false);
    for (const f of allFiles(path.join(clone, 'output'))) expect(f.text, f.rel).not.toContain(SECRET);
    expect(readFileSync(path.join(outside, 'private', 'id_rsa'), 'utf8')).toBe(SECRET);
  }, 120_000);
});

describe('output/.sets as a link (issue 21, item 4)', () => {
  it('cleanup deletes nothing where it points, and the command says why it stops', () => {
    const project = tempDir('sets-tautan');
    cpSync(source, project, { recursive: true, verbatimSymlinks: true });
    const victim = tempDir('korban');
    writeFileSync(path.join(victim, 'pdf.123.laporan'), 'penting');
    mkdirSync(path.join(victim, 'buku.7.arsip'));
    writeFileSync(path.join(victim, 'buku.7.arsip', 'a.txt'), 'penting');
    writeFileSync(path.join(victim, 'site.99.x.json'), 'penting');
    const sets = path.join(project, 'output', SETS_DIR);
    // Keep the shown set valid: it moves into the victim folder with the link.
    for (const entry of readdirSync(sets)) cpSync(path.join(sets, entry), path.join(victim, entry), { recursive: true, verbatimSymlinks: true });
    rmSync(sets, { recursive: true });
    symlinkSync(victim, sets);
    for (const args of [['build', '--semua'], ['site', '--tanpa-buku']]) {
      const run = runSop(project, args);
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toMatch(/output\/\.sets adalah tautan/);
    }
    expect(readFileSync(path.join(victim, 'pdf.123.laporan'), 'utf8')).toBe('penting');
    expect(readFileSync(path.join(victim, 'buku.7.arsip', 'a.txt'), 'utf8')).toBe('penting');
    expect(readFileSync(path.join(victim, 'site.99.x.json'), 'utf8')).toBe('penting');
  }, 120_000);
});
