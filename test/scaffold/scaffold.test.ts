// `sop mulai` and `sop baru`: what an office gets, and that it passes `sop check` and a workflow
// validator as it is. Commands run in-process against temp folders (no install, no browser).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baru } from '../../scripts/cli/baru.ts';
import type { CheckContext } from '../../scripts/cli/check.ts';
import { runCheck } from '../../scripts/validate/run.ts';
import { acronym, mulai } from '../../scripts/cli/mulai.ts';
import { UsageError } from '../../scripts/cli/usage.ts';
import { collect } from '../../scripts/diagnostics/report.ts';
import { installSpec } from '../../scripts/scaffold/install-spec.ts';
import { nextNomor } from '../../scripts/scaffold/nomor.ts';
import { vscodeFiles } from '../../scripts/scaffold/templates.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(path.join(os.tmpdir(), 'sop-scaffold-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function ctx(cwd: string): CheckContext & { out: string[] } {
  const out: string[] = [];
  return { cwd, env: {}, stdout: (s) => out.push(s), isTTY: false, out };
}

const FLAGS = ['--pemerintah', 'Pemerintah Kabupaten Balangan', '--nama', 'Dinas Komunikasi dan Informatika', '--pejabat', 'Budi Santoso, S.Kom.', '--nip', '19681117 199703 1 003'];

async function scaffold(name: string, extra: string[] = []): Promise<string> {
  const c = ctx(temp);
  expect(await mulai([name, ...FLAGS, ...extra], c)).toBe(0);
  return path.join(temp, name);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('nextNomor', () => {
  it('continues the serial of the pattern the instansi uses, in this year, padded alike', () => {
    expect(nextNomor(['000.8.3.3./005/DKUKMTK-BLG/2024'], 'X', 2026)).toBe('000.8.3.3./006/DKUKMTK-BLG/2026');
    expect(nextNomor(['004/SOP/Diskominfo/BLG/2023', '007/SOP/Diskominfo/BLG/2024', 'SOP 1'], 'X', 2026)).toBe('008/SOP/Diskominfo/BLG/2026');
    expect(nextNomor(['SOP – 05/Diskominfosan'], 'X', 2026)).toBe('SOP – 06/Diskominfosan');
    expect(nextNomor(['9/SOP/2025'], 'X', 2025)).toBe('10/SOP/2025');
  });

  it('skips a number already taken and starts at 001 without any to follow', () => {
    expect(nextNomor(['001/SOP/A/2026', '003/SOP/A/2025'], 'A', 2026)).toBe('004/SOP/A/2026');
    expect(nextNomor(['001/SOP/A/2026', '002/SOP/A/2025', '003/SOP/A/2026'], 'A', 2025)).toBe('004/SOP/A/2025');
    expect(nextNomor([], 'DISKOMINFO', 2026)).toBe('001/SOP/DISKOMINFO/2026');
  });
});

describe('sop mulai', () => {
  it('writes an office repository that passes sop check without a finding', async () => {
    const dir = await scaffold('kantor');
    // The acronym proposed from the name, the folder from acronym and region.
    const id = 'dki-balangan';
    expect(allFiles(dir).filter((f) => !f.startsWith('.vscode/'))).toEqual([
      '.github/workflows/publish.yml',
      '.gitignore',
      `content/${id}/buku/kata-pengantar.md`,
      `content/${id}/buku/keputusan.md`,
      `content/${id}/contoh-pelayanan-permohonan.md`,
      `content/${id}/instansi.yml`,
      'package.json',
    ]);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    // From sop-press's own repository: the tagged release in git (built by its prepare script).
    expect(pkg.dependencies).toEqual({ 'sop-press': `${own.repository.url}#v${own.version}` });
    expect(own.scripts.prepare).toBe('node scripts/package/bundle.js');
    expect(pkg.engines).toEqual(own.engines);
    expect(pkg.scripts).toMatchObject({ cek: 'sop check', pratinjau: 'sop pratinjau', bangun: 'sop build', buku: 'sop book', situs: 'sop site' });
    const sample = readFileSync(path.join(dir, `content/${id}/contoh-pelayanan-permohonan.md`), 'utf8');
    expect(sample).toContain(`nomor: "001/SOP/DKI/${new Date().getFullYear()}"`);
    expect(sample).toContain('# yaml-language-server: $schema=../../node_modules/sop-press/schemas/sop.schema.json');
    const { result } = await runCheck(dir);
    // instansi.yml, the sample SOP and the two book pages.
    expect(result.files.length).toBe(4);
    expect(collect(result.files)).toEqual([]);
    expect(result.sops[0]!.disahkan_oleh).toMatchObject({ nama: 'Budi Santoso, S.Kom.' });
  });

  it("ships sop-press's own workflow, valid against GitHub's workflow schema", () => {
    const dir = path.join(temp, 'kantor');
    const workflow = readFileSync(path.join(dir, '.github/workflows/publish.yml'), 'utf8');
    expect(workflow).toBe(readFileSync(path.join(ROOT, '.github/workflows/publish.yml'), 'utf8'));
    // action-validator: the SchemaStore workflow schema, built in (offline), plus job references.
    expect(validateWorkflow(workflow).errors).toEqual([]);
    // The validator is real: a misspelt key, an unknown event, a job that needs a missing job.
    for (const broken of [workflow.replace('runs-on:', 'run-on:'), workflow.replace('pull_request', 'pul_request'), workflow.replace('needs: periksa', 'needs: periksaa')]) {
      expect(broken).not.toBe(workflow);
      expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
    }
  });

  it('writes the GitLab CI template when asked (--gitlab), and only then', async () => {
    const dir = await scaffold('kantor-gitlab', ['--gitlab']);
    expect(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'templates/gitlab-ci.yml'), 'utf8'));
    expect(allFiles(path.join(temp, 'kantor'))).not.toContain('.gitlab-ci.yml');
  });

  it('keeps values with YAML syntax in them as text', async () => {
    const dir = await scaffold('kantor-aneh', ['--nama', 'Dinas "A": #1', '--instansi', 'dinas-a']);
    const yml = parse(readFileSync(path.join(dir, 'content/dinas-a/instansi.yml'), 'utf8'));
    expect(yml.nama).toBe('Dinas "A": #1');
    expect(yml.disahkan_oleh.jabatan).toBe('Kepala Dinas "A": #1');
  });

  it('asks for the acronym and numbering pattern and proposes a short folder id', async () => {
    expect(acronym('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu')).toBe('DPMPTSP');
    const dir = await scaffold('kantor-pola', ['--nama', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', '--pola-nomor', '500.16/{nomor}/SOP/{singkatan}/{tahun}']);
    const year = new Date().getFullYear();
    expect(readFileSync(path.join(dir, 'content/dpmptsp-balangan/contoh-pelayanan-permohonan.md'), 'utf8')).toContain(`nomor: "500.16/001/SOP/DPMPTSP/${year}"`);
    expect(baru(['Pelayanan Izin Usaha'], ctx(dir))).toBe(0);
    expect(readFileSync(path.join(dir, 'content/dpmptsp-balangan/pelayanan-izin-usaha.md'), 'utf8')).toContain(`nomor: "500.16/002/SOP/DPMPTSP/${year}"`);
    await expect(mulai(['kantor-x', ...FLAGS, '--pola-nomor', '{urut}/SOP'], ctx(temp))).rejects.toThrow(/tidak memuat \{nomor\}/);
    await expect(mulai(['kantor-x', ...FLAGS, '--pola-nomor', '{nomor}/{bidang}'], ctx(temp))).rejects.toThrow(/memuat \{bidang\}, yang tidak dikenal/);
  });

  it('in a folder with files, adds what is missing and never overwrites', async () => {
    const dir = path.join(temp, 'kantor');
    const before = readFileSync(path.join(dir, 'package.json'), 'utf8');
    rmSync(path.join(dir, '.gitignore'));
    writeFileSync(path.join(dir, 'content/dki-balangan/buku/keputusan.md'), 'milik kantor\n');
    const c = ctx(dir);
    expect(await mulai(['.', ...FLAGS], c)).toBe(0);
    const out = c.out.join('');
    expect(out).toMatch(/Berkas yang dibuat di folder ini:\n {2}\.gitignore\n/);
    expect(out).toMatch(/Sudah ada, tidak diubah:\n {2}package\.json\n/);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(dir, 'content/dki-balangan/buku/keputusan.md'), 'utf8')).toBe('milik kantor\n');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('node_modules/');
  });

  it("an existing project's own package.json is kept; the hint says how to add sop-press", async () => {
    const dir = path.join(temp, 'repo-lama');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'package.json'), '{"name":"repo-lama"}\n');
    const c = ctx(dir);
    expect(await mulai(['.', ...FLAGS, '--sumber', 'npm'], c)).toBe(0);
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(c.out.join('')).toContain(`npm install --save-dev ^${own.version}`);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{"name":"repo-lama"}\n');
  });

  it('without a terminal, names the options still missing', async () => {
    const e = await mulai(['kosong', '--nama', 'Dinas X'], ctx(temp)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).message).toBe('Isian belum lengkap: --pemerintah, --pejabat.');
  });
});

describe('sop baru', () => {
  it('writes a draft numbered after the instansi pattern, which passes sop check', async () => {
    const dir = await scaffold('kantor-baru', ['--instansi', 'dinas', '--singkatan', 'DINAS']);
    const c = ctx(dir);
    expect(baru(['Pelayanan Surat Keterangan', '--unit', 'Sekretariat'], c)).toBe(0);
    const year = new Date().getFullYear();
    expect(c.out.join('')).toContain(`Nomor: 002/SOP/DINAS/${year}`);
    const text = readFileSync(path.join(dir, 'content/dinas/sekretariat/pelayanan-surat-keterangan.md'), 'utf8');
    expect(text).toContain(`nomor: "002/SOP/DINAS/${year}"`);
    expect(text).toContain('$schema=../../../node_modules/sop-press/schemas/sop.schema.json');
    expect(text).toContain('unit: "Sekretariat"');
    expect(baru(['Pelayanan Izin'], ctx(dir))).toBe(0);
    expect(readFileSync(path.join(dir, 'content/dinas/pelayanan-izin.md'), 'utf8')).toContain(`nomor: "003/SOP/DINAS/${year}"`);
    const { result } = await runCheck(dir);
    expect(collect(result.files)).toEqual([]);
    expect(result.sops.map((s) => s.nomor).sort()).toEqual([`001/SOP/DINAS/${year}`, `002/SOP/DINAS/${year}`, `003/SOP/DINAS/${year}`]);
    expect(() => baru(['Pelayanan Izin'], ctx(dir))).toThrow(/sudah ada; tidak ditimpa/);
  });

  it('suggests the instansi meant', () => {
    const e = (() => {
      try {
        baru(['X', '--instansi', 'dinsa'], ctx(path.join(temp, 'kantor-baru')));
      } catch (x) {
        return x as UsageError;
      }
    })();
    expect(e?.hint).toBe('Maksudnya "dinas"?');
  });
});

describe('the VS Code files', () => {
  it("are the repository's own .vscode/, with the schemas from the repository", () => {
    for (const f of vscodeFiles('schemas')) expect(readFileSync(path.join(ROOT, f.path), 'utf8'), f.path).toBe(f.data);
  });

  it("drive the background task: sop check --pantau's rounds, read with the task's own patterns, fill and empty the Problems panel", async () => {
    const dir = path.join(temp, 'kantor-baru');
    const file = path.join(dir, 'content/dinas/pelayanan-izin.md');
    const tasks = JSON.parse(vscodeFiles('x').find((f) => f.path === '.vscode/tasks.json')!.data as string);
    const task = tasks.tasks.find((t: { label: string }) => t.label === 'sop pantau');
    expect(task).toMatchObject({ command: 'npx --no sop check --pantau', isBackground: true, runOptions: { runOn: 'folderOpen' } });
    type Matcher = { severity: string; pattern: { regexp: string; file: number; line: number; column: number; message: number; code: number }; background: { beginsPattern: string; endsPattern: string } };
    const matchers = task.problemMatcher as Matcher[];
    expect(matchers.map((m) => m.severity)).toEqual(['error', 'warning']);
    // What VS Code does with the output: a round opens at beginsPattern, its problems are the
    // lines the patterns match, it closes at endsPattern (and replaces the previous round's).
    const rounds = (out: string) => {
      const done: string[][][] = [];
      let current: string[][] | undefined;
      for (const line of out.split('\n')) {
        if (new RegExp(matchers[0]!.background.beginsPattern).test(line)) current = [];
        else if (current && new RegExp(matchers[0]!.background.endsPattern).test(line)) {
          done.push(current);
          current = undefined;
        } else if (current) {
          for (const m of matchers) {
            const r = new RegExp(m.pattern.regexp).exec(line);
            if (r) current.push([m.severity, r[m.pattern.file]!, r[m.pattern.line]!, r[m.pattern.column]!, r[m.pattern.code]!]);
          }
        }
      }
      return done;
    };
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'sop.js'), 'check', '--pantau'], { cwd: dir, env: { ...process.env, ...task.options.env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    const untilRounds = async (n: number) => {
      for (let i = 0; i < 600 && rounds(out).length < n; i++) await new Promise((r) => setTimeout(r, 50));
      return rounds(out);
    };
    try {
      expect(await untilRounds(1)).toEqual([[]]);
      const original = readFileSync(file, 'utf8');
      // `status: aktif`: an unknown value, so the empty tanggal_efektif a draft may have is now
      // a warning (the date is written by hand at signing).
      writeFileSync(file, original.replace('status: draf', 'status: aktif'));
      expect((await untilRounds(2))[1], out).toEqual([
        ['error', 'content/dinas/pelayanan-izin.md', '8', '9', 'nilai-tak-dikenal'],
        ['warning', 'content/dinas/pelayanan-izin.md', '11', '18', 'tanggal-diisi-tangan'],
      ]);
      writeFileSync(file, original);
      expect((await untilRounds(3))[2]).toEqual([]);
      expect(out).toContain('Memeriksa ulang content/dinas/pelayanan-izin.md');
    } finally {
      child.kill('SIGINT');
    }
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
  }, 60_000);

  it('ship snippets for a new SOP, a table row and a decision, and the same matchers for sop check', () => {
    const snippets = JSON.parse(vscodeFiles('x').find((f) => f.path === '.vscode/sop.code-snippets')!.data as string);
    expect(Object.values(snippets).map((s) => (s as { prefix: string }).prefix)).toEqual(['sop-baru', 'sop-baris', 'sop-keputusan']);
    const tasks = JSON.parse(vscodeFiles('x').find((f) => f.path === '.vscode/tasks.json')!.data as string);
    const check = tasks.tasks.find((t: { label: string }) => t.label === 'sop check');
    const pantau = tasks.tasks.find((t: { label: string }) => t.label === 'sop pantau');
    expect(check.problemMatcher.map((m: { pattern: unknown }) => m.pattern)).toEqual(pantau.problemMatcher.map((m: { pattern: unknown }) => m.pattern));
  });
});

describe('installSpec: where an office gets sop-press', () => {
  const pkg = { version: '0.1.0', repository: { url: 'git+https://example.test/sop-press.git' } };
  it('follows the spec that installed the running sop-press, copying a local tarball to vendor/', () => {
    const npx = path.join(temp, 'npx-cache');
    const packageRoot = path.join(npx, 'node_modules', 'sop-press');
    mkdirSync(packageRoot, { recursive: true });
    writeFileSync(path.join(temp, 'sop-press-0.1.0.tgz'), 'tgz');
    writeFileSync(path.join(npx, 'package.json'), JSON.stringify({ dependencies: { 'sop-press': 'file:../sop-press-0.1.0.tgz' } }));
    expect(installSpec(undefined, { cwd: '/', packageRoot, pkg })).toEqual({ spec: 'file:vendor/sop-press-0.1.0.tgz', tarball: path.join(temp, 'sop-press-0.1.0.tgz') });
    writeFileSync(path.join(npx, 'package.json'), JSON.stringify({ dependencies: { 'sop-press': 'git+https://example.test/sop-press.git#v0.1.0' } }));
    expect(installSpec(undefined, { cwd: '/', packageRoot, pkg })).toEqual({ spec: 'git+https://example.test/sop-press.git#v0.1.0' });
    writeFileSync(path.join(npx, 'package.json'), JSON.stringify({ dependencies: { 'sop-press': 'latest' } }));
    expect(installSpec(undefined, { cwd: '/', packageRoot, pkg })).toEqual({ spec: '^0.1.0' });
  });

  it('takes --sumber first, and the tagged git release in the repository', () => {
    expect(installSpec('./sop-press-0.1.0.tgz', { cwd: temp, packageRoot: ROOT, pkg }).spec).toBe('file:vendor/sop-press-0.1.0.tgz');
    expect(installSpec('npm', { cwd: temp, packageRoot: ROOT, pkg }).spec).toBe('^0.1.0');
    expect(installSpec(undefined, { cwd: temp, packageRoot: ROOT, pkg }).spec).toBe('git+https://example.test/sop-press.git#v0.1.0');
  });
});
