// The rule catalogue, the guide (docs/panduan.md §5.2) and the code agree: officers look up
// every id they see, and CI configs name ids that must keep existing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { report } from '../../scripts/diagnostics/report.ts';
import { GUIDE_SECTION, isRuleId, RULES, type RuleId } from '../../scripts/diagnostics/rules.ts';

const root = path.resolve(import.meta.dirname, '../..');
const guide = readFileSync(path.join(root, 'docs/panduan.md'), 'utf8');

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');

/** The rule rows of the guide's §5.2 tables: id → marked "(peringatan)". */
function guideRows(): Map<string, boolean> {
  const anchor = GUIDE_SECTION.split('#')[1];
  const lines = guide.split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && slug(l.replace(/^#+/, '')) === anchor);
  expect(start, `judul bagian #${anchor} ada di panduan`).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && /^#{1,3} /.test(l));
  const rows = new Map<string, boolean>();
  for (const line of lines.slice(start, end)) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (!first) continue;
    const warning = first.includes('(peringatan)');
    for (const m of first.matchAll(/`([a-z0-9-]+)`/g)) rows.set(m[1]!, warning);
  }
  return rows;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('katalog aturan', () => {
  const ids = Object.keys(RULES) as RuleId[];

  it('setiap aturan tercantum di tabel panduan §5.2, dengan tingkat yang sama', () => {
    const rows = guideRows();
    const missing = ids.filter((id) => !rows.has(id));
    expect(missing, 'aturan yang belum ada di panduan').toEqual([]);
    const wrongLevel = ids.filter((id) => rows.get(id) !== (RULES[id].severity === 'peringatan'));
    expect(wrongLevel, 'tanda "(peringatan)" di panduan tidak sama dengan katalog').toEqual([]);
  });

  it('panduan tidak mencantumkan aturan yang tidak ada', () => {
    const unknown = [...guideRows().keys()].filter((id) => !isRuleId(id));
    expect(unknown).toEqual([]);
  });

  it('setiap aturan di katalog dipakai oleh kode', () => {
    const code = sourceFiles(path.join(root, 'scripts'))
      .filter((f) => !f.endsWith(path.join('diagnostics', 'rules.ts')))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = ids.filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('setiap aturan berjudul dan bersaran dalam bahasa Indonesia, berakhir dengan titik', () => {
    for (const id of ids) {
      expect(RULES[id].title, id).toMatch(/^\S.*[.…]$/);
      expect(RULES[id].hint, id).toMatch(/^\S.*[.…]$/);
    }
  });

  it('report() mengambil tingkat dan saran cadangan dari katalog', () => {
    const file = new VFile({ path: 'x.md' });
    const warn = report(file, 'alur-tak-terjangkau', 'Baris 3 tidak pernah dicapai.', { line: 3, column: 1 });
    expect(warn.fatal).toBe(false);
    expect(warn.note).toBe(RULES['alur-tak-terjangkau'].hint);
    const err = report(file, 'nomor-ganda', 'Nomor ganda.', undefined, { hint: 'Saran khusus.' });
    expect(err.fatal).toBe(true);
    expect(err.note).toBe('Saran khusus.');
  });

  it('id yang tidak ada di katalog ditolak tsc', () => {
    // @ts-expect-error: a typo in a rule id must not compile.
    const typo: RuleId = 'nomor-gnda';
    expect(isRuleId(typo)).toBe(false);
  });
});
