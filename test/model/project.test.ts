// The checked project is the one source of every output: an unquoted NIP in instansi.yml (a YAML
// number too large to keep its digits) prints the same digits in the SOP PDF, the book and the
// site; and the PDF cache holds no absolute path, so moving the project reprints nothing.
// One `sop site` run builds all three; one `sop build` after the move checks the cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, ROOT, squash } from '../book/helpers.ts';
import { runSop } from '../support/run-sop.ts';

/** stdout and stderr together: what an officer reads. */
const sop = async (cwd: string, args: string[]) => {
  const run = await runSop(cwd, args);
  return { code: run.code, stdout: run.stdout + run.stderr };
};
const NIP = '19681117 199703 1 003';

let parent: string;
let moved: string;
let site: { code: number; stdout: string };
let rebuild: { code: number; stdout: string };

beforeAll(async () => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-project-'));
  const dir = path.join(parent, 'asal');
  fs.mkdirSync(dir);
  fs.cpSync(path.join(ROOT, 'content/dkukmtk-balangan'), path.join(dir, 'content/dkukmtk-balangan'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'layouts'), path.join(dir, 'layouts'), { recursive: true });
  const yml = path.join(dir, 'content/dkukmtk-balangan/instansi.yml');
  const text = fs.readFileSync(yml, 'utf8');
  expect(text).toContain(`nip: "${NIP}"`);
  fs.writeFileSync(yml, text.replace(`nip: "${NIP}"`, `nip: ${NIP.replace(/ /g, '')}`));
  site = await sop(dir, ['site', '--tahun', '2024']);
  moved = path.join(parent, 'pindahan');
  fs.renameSync(dir, moved);
  rebuild = await sop(moved, ['build']);
}, 240_000);

afterAll(() => {
  if (parent) fs.rmSync(parent, { recursive: true, force: true });
});

describe('one project value for every command', () => {
  it('prints an unquoted NIP with its own digits in the SOP PDF, the book and the site', () => {
    expect(site.code, site.stdout).toBe(0);
    const out = path.join(moved, 'output');
    const pdf = squash(pageTexts(path.join(out, 'pdf/dkukmtk-balangan/monitoring-evaluasi-internal-capaian-kinerja.pdf')).join(' '));
    const book = squash(pageTexts(path.join(out, 'buku/dkukmtk-balangan-2024.pdf')).join(' '));
    const page = fs.readFileSync(path.join(out, 'site/sop/dkukmtk-balangan/monitoring-evaluasi-internal-capaian-kinerja/index.html'), 'utf8');
    for (const [where, text] of [['PDF', pdf], ['buku', book], ['situs', page]] as const) {
      expect(text, where).toContain(NIP);
      // What plain YAML makes of the number: the last digits rounded away.
      expect(text, where).not.toContain('19681117 199703 1 000');
    }
    // The book prints it twice: the decree's signer block and the kata pengantar's.
    expect(book.split(NIP).length - 1).toBeGreaterThanOrEqual(2);
  });

  it('keeps every PDF cached after the project folder moves', () => {
    expect(rebuild.code, rebuild.stdout).toBe(0);
    expect(rebuild.stdout).toContain('1 SOP: 0 PDF dibuat, 1 tidak berubah');
  });
});
