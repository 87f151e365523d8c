// Invisible characters (issue 21, item 5) and findings that stay linear (item 7).
// A zero-width space, a right-to-left override or a control character is refused where it
// stands; numbers that look the same clash; nothing a file name or value holds reaches the
// terminal raw; the XMP packet stays well-formed; a thousand SOPs sharing one number give a
// thousand short findings and a job summary GitHub accepts.
/* eslint-disable no-control-regex -- these tests look for control characters */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { githubSummary, SUMMARY_BYTES } from '../../scripts/diagnostics/ci-reports.ts';
import { formatGithub, formatHuman } from '../../scripts/diagnostics/format.ts';
import { collect, type Diagnostic } from '../../scripts/diagnostics/report.ts';
import { xmpPacket } from '../../scripts/print/xmp.ts';
import { checkProject, nomorKey, type ProjectEntry } from '../../scripts/validate/project.ts';
import { INSTANSI, sopSource } from '../pdf/fixtures.ts';
import { checkFiles, projectDir, runSop } from '../pdf/helpers.ts';

/** Findings with the file named from content/ on (checkFiles writes to a temp folder). */
const inContent = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, file: d.file.slice(d.file.indexOf('content/')) }));
const findings = (files: Record<string, string>) => inContent(collect(checkFiles(files).files));
const only = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.ruleId === rule);

describe('invisible characters in the sources', () => {
  it('a zero-width space in nomor: refused where it stands, not a second SOP with the same number', () => {
    const result = checkFiles({
      'uji/instansi.yml': INSTANSI,
      'uji/satu.md': sopSource(),
      'uji/dua.md': sopSource({ nomor: '001/SOP/UJI\u200B/2024', nama: 'Prosedur Kedua' }),
    });
    expect(result.ok).toBe(false);
    expect(result.sops.map((s) => s.nomor)).toEqual(['001/SOP/UJI/2024']);
    const [d] = only(inContent(collect(result.files)), 'karakter-tak-terlihat');
    expect(d).toMatchObject({ file: 'content/uji/dua.md', line: 2, column: 19, severity: 'galat' });
    expect(d!.message).toContain('spasi lebar-nol U+200B');
  });

  it('a right-to-left override in nama, control characters in a cell and in instansi.yml', () => {
    const ds = findings({
      'uji/instansi.yml': INSTANSI.replace('Dinas Uji Coba', 'Dinas\u0007 Uji Coba'),
      'uji/satu.md': sopSource({ nama: 'Prosedur \u202EijU' }),
      'lain/instansi.yml': INSTANSI,
      'lain/dua.md': sopSource({ nomor: '002/SOP/UJI/2024' }, ['| 1 | Menerima\u000B berkas\u001B[2K | Staf | Berkas | 15 menit | Berkas diterima | | |']),
    });
    const hits = only(ds, 'karakter-tak-terlihat');
    expect(hits.map((d) => [d.file, d.line, d.message.split(' yang')[0]])).toEqual([
      ['content/lain/dua.md', 16, 'Ada karakter kendali U+000B'],
      ['content/uji/instansi.yml', 2, 'Ada karakter kendali U+0007'],
      ['content/uji/satu.md', 3, 'Ada tanda arah teks U+202E'],
    ]);
    expect(hits[0]!.message).toContain('Ada 2 karakter seperti itu');
  });

  it('numbers that look the same are one number (compatibility forms, spaces)', () => {
    expect(nomorKey('００１/SOP/UJI/2024')).toBe(nomorKey('001/SOP/UJI/2024'));
    expect(nomorKey(' 001/SOP/UJI/2024  ')).toBe(nomorKey('001/SOP/UJI/2024'));
    expect(nomorKey('001/SOP\u00A0/UJI')).toBe(nomorKey('001/SOP /UJI'));
    const ds = findings({ 'uji/instansi.yml': INSTANSI, 'uji/satu.md': sopSource(), 'uji/dua.md': sopSource({ nomor: '"００1/SOP/UJI/2024"', nama: 'Prosedur Kedua' }) });
    expect(only(ds, 'nomor-ganda').map((d) => d.file)).toEqual(['content/uji/dua.md', 'content/uji/satu.md']);
  });
});

describe('terminal and CI output', () => {
  const hostile: Diagnostic = {
    file: 'content/uji/\u001B]52;c;cm0gLXJmIH4=\u0007\u001B[2Kx.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'galat',
    ruleId: 'nomor-ganda',
    message: 'Nomor SOP "1\u001B[1A\u001B[2K" juga dipakai oleh content/a\nPalsu: semua lulus.',
    hint: 'x\u202Ey',
  } as Diagnostic;

  it('shows control characters and overrides as \\u{…}, never raw', () => {
    for (const out of [formatHuman([hostile], false, 1), formatGithub([hostile]), githubSummary([hostile], 1)]) {
      expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/);
      expect(out).toContain('\\u{001B}');
    }
    expect(formatHuman([hostile], false, 1)).toContain('\\u{000A}Palsu');
  });

  it('sop check prints a file name with escapes escaped', () => {
    const dir = projectDir('escape', { 'uji/instansi.yml': INSTANSI });
    mkdirSync(path.join(dir, 'content', 'uji'), { recursive: true });
    writeFileSync(path.join(dir, 'content', 'uji', '\u001B[2Kjahat\u0007.md'), sopSource({ status: 'aktif' }));
    const run = runSop(dir, ['check']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('\\u{001B}[2Kjahat\\u{0007}.md');
    expect(run.stdout + run.stderr).not.toMatch(/[\u0007\u001B]/);
  });

  it('keeps the XMP packet well-formed whatever reaches it', () => {
    const xmp = xmpPacket({ title: 'A\u000BB\u001BC\u0007', subject: 'x\uFFFE', author: 'a & b <c>', keywords: ['k\u0000'], language: 'id', date: new Date(0), tool: 't' });
    expect(xmp).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">ABC</rdf:li>');
    expect(xmp).toContain('a &amp; b &lt;c&gt;');
  });
});

describe('findings stay linear (item 7)', () => {
  const entries = (n: number): ProjectEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      file: new VFile({ path: `content/dinas/sop-${String(i).padStart(4, '0')}.md` }),
      facts: { data: { nomor: '000/SOP/XXX/2024', nama: `SOP ${i}` }, places: { '/nomor': { line: 2, column: 8 } } },
    }));

  it('one finding per file naming the first holder and a count', () => {
    const list = entries(2000);
    checkProject(list);
    const messages = list.map((e) => e.file.messages.filter((m) => m.ruleId === 'nomor-ganda').map((m) => m.reason));
    expect(messages.every((m) => m.length === 1)).toBe(true);
    expect(messages[0]![0]).toBe('Nomor SOP "000/SOP/XXX/2024" juga dipakai oleh content/dinas/sop-0001.md dan 1.998 berkas lain.');
    expect(messages[7]![0]).toBe('Nomor SOP "000/SOP/XXX/2024" sudah dipakai oleh content/dinas/sop-0000.md dan 1.998 berkas lain.');
    const bytes = messages.flat().reduce((n, m) => n + m.length, 0);
    expect(bytes).toBeLessThan(2000 * 120);
  });

  it('files that become one PDF name: each finding names one other file and a count', () => {
    const files: Record<string, string> = { 'uji/instansi.yml': INSTANSI };
    // Case variants of one name: 200 files, one slug.
    for (let i = 0; i < 200; i++) {
      const name = [...'abcdefgh'].map((c, b) => ((i >> b) & 1 ? c.toUpperCase() : c)).join('');
      files[`uji/${name}.md`] = sopSource({ nomor: `${i}/SOP/UJI/2024`, nama: `Prosedur ${i}` });
    }
    const clashes = only(findings(files), 'nama-berkas-ganda');
    expect(clashes).toHaveLength(200);
    for (const d of clashes) expect(d.message.match(/\.md/g)).toHaveLength(1);
    expect(clashes[0]!.message).toMatch(/^Berkas ini dan \S+\.md \(dan 198 lainnya\) sama-sama menjadi pdf\/uji\/abcdefgh\.pdf/);
  });

  it('the job summary stays under 1 MiB and says how many findings were left out', () => {
    const long = 'x'.repeat(4000);
    const many: Diagnostic[] = Array.from({ length: 400 }, (_, i) => ({ ...({} as Diagnostic), file: `content/d/${i}.md`, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'galat', ruleId: 'nomor-ganda', message: long }));
    const summary = githubSummary(many, 400);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_BYTES);
    const shown = summary.split('\n').filter((l) => l.startsWith('| `content/')).length;
    expect(shown).toBeGreaterThan(200);
    expect(summary).toContain(`… dan ${400 - shown} temuan lain tidak ditampilkan`);
  });
});
