// parse/plain-table.ts against micromark (parse/markdown.ts), the parser it stands in for: on
// random table blocks it either declines or gives the very same nodes and positions.
import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/bench/generate.ts';
import { parseMarkdown } from '../../scripts/parse/markdown.ts';
import { parsePlainTable } from '../../scripts/parse/plain-table.ts';

const pick = <T>(rand: () => number, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const WORDS = ['Memeriksa', 'berkas', '1', 'Ya: 3; Tidak: 1', 'a  b', '*x*', '[y]', 'x_y', 'https://a.go.id', '15 menit', 'São', '-', ':', '---', '~z~', '', ' ', '  ', '\\|', '&amp;', '`k|o`', '<b>', '\t', 'é', '#', '>', '\u00a0', 'x\u00a0'];

function cell(rand: () => number): string {
  const n = Math.floor(rand() * 3);
  return Array.from({ length: n }, () => pick(rand, WORDS)).join(pick(rand, [' ', '', '  ']));
}

function block(rand: () => number): string[] {
  const cols = 1 + Math.floor(rand() * 5);
  const row = (k = cols) => `|${Array.from({ length: k }, () => pick(rand, ['', ' ', '  ']) + cell(rand) + pick(rand, ['', ' '])).join('|')}|`;
  const delim = `|${Array.from({ length: cols }, () => pick(rand, ['---', ':--', '--:', ':-:', ' - ', '-', ' :---: '])).join('|')}|`;
  const lines = [row(), delim, ...Array.from({ length: Math.floor(rand() * 5) }, () => row(rand() < 0.1 ? cols + pick(rand, [-1, 1]) : cols))];
  // Now and then what only micromark reads: text before the table, a row without its last pipe, an indent, a trailing space.
  const twist = rand();
  if (twist < 0.05) lines.unshift('Teks sebelum tabel');
  else if (twist < 0.1) lines[lines.length - 1] = lines.at(-1)!.slice(0, -1);
  else if (twist < 0.13) lines[0] = ` ${lines[0]}`;
  else if (twist < 0.16) lines[2] = `${lines[2] ?? ''} `;
  return lines;
}

describe('plain procedure tables without micromark', () => {
  it('give the nodes and positions micromark gives, or are left to it', () => {
    const rand = prng(25);
    let read = 0;
    for (let k = 0; k < 4000; k++) {
      const lines = block(rand);
      const plain = parsePlainTable(lines);
      if (!plain) continue;
      read++;
      const tree = parseMarkdown(lines.join('\n'));
      expect(tree.children, lines.join('\n')).toHaveLength(1);
      expect(plain, lines.join('\n')).toStrictEqual(tree.children[0]);
      // Each point its own object, as micromark makes them: sop-source.ts shifts them in place.
      const points = JSON.stringify(plain).match(/"offset"/g)!.length;
      const objects = new Set<object>();
      const visit = (n: { position?: { start: object; end: object }; children?: unknown[] }) => {
        if (n.position) objects.add(n.position.start).add(n.position.end);
        n.children?.forEach((c) => visit(c as typeof n));
      };
      visit(plain);
      expect(objects.size).toBe(points);
    }
    // Most blocks are plain tables: the comparison is not vacuous.
    expect(read).toBeGreaterThan(600);
  });

  it('leaves escapes, entities, code and ragged rows to micromark', () => {
    for (const lines of [
      ['| a | b |', '|---|---|', '| x \\| y | z |'],
      ['| a | b |', '|---|---|', '| &amp; | z |'],
      ['| a | b |', '|---|---|', '| `x|y` | z |'],
      ['| a | b |', '|---|---|', '| x | y | z |'],
      ['| a | b |', '|---|', '| x | y |'],
      ['teks', '| a | b |', '|---|---|'],
    ]) expect(parsePlainTable(lines), lines.join('\n')).toBeUndefined();
  });
});
