// Issue 11's fuzz suite: 10,000 seeded mutations of the sample sources through the check
// stages, in-process. Every one must end in diagnostics, never in `galat-internal`, with every
// position inside the file, and none may take 2 s. Heavy shapes (5 MB, 20,000 rows, alias bombs,
// deep nesting, issue 13's inputs) are a few dozen of the 10,000.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/bench/generate.ts';
import { collect, type Diagnostic } from '../../scripts/diagnostics/report.ts';
import type { RawFile } from '../../scripts/source/content.ts';
import { checkInstansiFiles, checkSopFile } from '../../scripts/validate/check-content.ts';
import { CONTENT, contentSet, cpuTime, INSTANSI, memoryAssets, SOP } from './helpers.ts';
import { HOSTILE } from './hostile.ts';

const REPO_CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const enc = new TextEncoder();
const lenient = new TextDecoder('utf-8', { fatal: false });

/** The sample sources: the repo's SOPs and instansi.yml files, and the test base SOP. */
function samples(): { sops: string[]; instansi: string[] } {
  const sops = [SOP];
  const instansi = [INSTANSI];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'buku') walk(abs);
      } else if (entry.name === 'instansi.yml') instansi.push(readFileSync(abs, 'utf8'));
      else if (entry.name.endsWith('.md')) sops.push(readFileSync(abs, 'utf8'));
    }
  };
  walk(REPO_CONTENT);
  return { sops, instansi };
}

type Rand = () => number;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);
const pick = <T,>(rand: Rand, list: readonly T[]) => list[int(rand, list.length)]!;

const PIECES = ['---', '\n', ':', ': ', ' ', '|', '| |', '|---|', '-', '- ', '"', "'", '[', ']', '{', '}', '#', '*', '&a ', '*a', '!', '!!', '\t', '>', '?', '%', '@', '`', '\\',
  'Ya: 2; Tidak: 1', 'selesai', '0', '99999999999999999999', 'é', '\u00a0', '\u200b', '\ufeff', '\u2028', 'null', '~', 'true', '2024-02-30', '<<: *a', '&a [x, *a]'];
const YAML_VALUES = ['', '-', 'null', '~', '[]', '{}', '[a, [b, [c]]]', '{a: 1}', '"tanpa tutup', "'tanpa tutup", '*alias', '&anc x', '!!binary aGVsbG8=', '12', '1e400', 'yes', '0x1F', '|\n  blok', '>-\n  lipat'];
const CELLS = ['', ' ', 'selesai', 'Ya: 1; Tidak: 2', 'Ya: 0; Tidak: 99', 'x: 1; x: 2', '1', '-1', '15 menit', '2 Jam', '1,5 hari', 'sebentar', '\\|', '**tebal**', '[tautan](x)', '<b>x</b>', '`kode`'];

/** One random edit of the text (as text). */
function mutateText(rand: Rand, text: string): string {
  const lines = text.split('\n');
  const at = int(rand, text.length + 1);
  const line = int(rand, lines.length);
  switch (int(rand, 12)) {
    case 0:
      return text.slice(0, at) + pick(rand, PIECES) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + int(rand, 12));
    case 2: // duplicate a line, up to 50 times
      lines.splice(line, 0, ...Array<string>(1 + int(rand, 50)).fill(lines[line]!));
      return lines.join('\n');
    case 3:
      lines.splice(line, 1 + int(rand, 3));
      return lines.join('\n');
    case 4: {
      const other = int(rand, lines.length);
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return lines.join('\n');
    }
    case 5: // YAML: a key's value replaced by something YAML treats specially
      return text.replace(/^(\s*[a-z_]+:) .*$/m, (_m, key: string) => `${key} ${pick(rand, YAML_VALUES)}`);
    case 6: // YAML: indentation shifted
      lines[line] = int(rand, 2) ? `  ${lines[line]}` : lines[line]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 7: { // table: one cell replaced
      const rows = lines.flatMap((l, i) => (l.trimStart().startsWith('|') ? [i] : []));
      if (!rows.length) return text;
      const r = pick(rand, rows);
      const cells = lines[r]!.split('|');
      cells[1 + int(rand, Math.max(1, cells.length - 2))] = ` ${pick(rand, CELLS)} `;
      lines[r] = cells.join('|');
      return lines.join('\n');
    }
    case 8: { // table: a pipe added or removed
      const rows = lines.flatMap((l, i) => (l.includes('|') ? [i] : []));
      if (!rows.length) return text;
      const r = pick(rand, rows);
      const l = lines[r]!;
      const p = l.indexOf('|', int(rand, l.length));
      lines[r] = p === -1 ? `${l}|` : int(rand, 2) ? l.slice(0, p) + l.slice(p + 1) : `${l.slice(0, p)}|${l.slice(p)}`;
      return lines.join('\n');
    }
    case 9: // a copied stretch pasted elsewhere
      return text.slice(0, at) + text.slice(int(rand, text.length), int(rand, text.length) + 40) + text.slice(at);
    case 10: // line endings
      return pick(rand, [(t: string) => t.replace(/\n/g, '\r\n'), (t: string) => t.replace(/\n/g, '\r'), (t: string) => `\ufeff${t}`, (t: string) => t.replace('\n', '\r')])(text);
    default: // the frontmatter fence damaged
      return text.replace(pick(rand, [/^---\n/, /\n---\n/]), pick(rand, ['', '--\n', '---\n---\n', '\n---\n\n', '... \n']));
  }
}

/** One random edit of the bytes: flips, NUL, invalid UTF-8. */
function mutateBytes(rand: Rand, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const at = int(rand, Math.max(1, out.length));
  switch (int(rand, 3)) {
    case 0:
      for (let k = 1 + int(rand, 4); k > 0; k--) {
        const i = int(rand, out.length);
        out[i] = out[i]! ^ (1 << int(rand, 8));
      }
      return out;
    case 1:
      return new Uint8Array([...out.subarray(0, at), 0, ...out.subarray(at)]);
    default:
      return new Uint8Array([...out.subarray(0, at), ...pick(rand, [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]), ...out.subarray(at)]);
  }
}

/** Heavy shapes: big, deep or explosive, each a whole file. */
function heavy(rand: Rand, base: string): string {
  const head = base.slice(0, base.indexOf('\n---\n') + 5);
  const tableAt = base.indexOf('| No');
  const table = tableAt === -1 ? SOP.slice(SOP.indexOf('| No')) : base.slice(tableAt);
  const tableHead = table.split('\n').slice(0, 2).join('\n');
  const row = table.split('\n')[2] ?? '| 1 | a | b | c | 1 jam | d | | |';
  switch (int(rand, 6)) {
    case 0: // ~5 MB
      return head + `${'Teks prosedur yang panjang sekali. '.repeat(30)}\n\n`.repeat(5_000) + table;
    case 1: // 20,000 rows
      return head + tableHead + '\n' + `${row}\n`.repeat(20_000);
    case 2: // alias bomb
      return `---\nx0: &a0 [a, a, a, a, a, a, a, a, a, a]\n${Array.from({ length: 20 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n${head.slice(4)}${table}`;
    case 3: // deep YAML, flow or block
      return int(rand, 2) ? `---\nnama: ${'['.repeat(int(rand, 50_000))}\n${head.slice(4)}${table}` : `---\n${Array.from({ length: int(rand, 3000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n${head.slice(4)}${table}`;
    case 4: // deep Markdown
      return head + `${pick(rand, ['>', '> ', '- ', '1. ', '  '])}`.repeat(int(rand, 20_000)) + 'x\n\n' + table;
    default:
      return pick(rand, HOSTILE).sop(0.1 + rand() * 0.9);
  }
}

/** Line lengths of the file as the check sees it (lenient decode, CRLF / lone CR end lines). */
function lineLengths(bytes: Uint8Array): number[] {
  return lenient.decode(bytes).replace(/\r\n?/g, '\n').split('\n').map((l) => l.length);
}

const TOTAL = 10_000;
const HEAVY = 40;

describe('fuzz: 10.000 mutasi sumber contoh', () => {
  it('tanpa galat-internal, setiap letak di dalam berkas, tidak ada berkas yang makan 2 detik', () => {
    const { sops, instansi } = samples();
    const rand = prng(20_260_111);
    const set = contentSet({ 'dinas/instansi.yml': INSTANSI });
    const { byDir } = checkInstansiFiles(set, memoryAssets({}));
    const rules = new Set<string>();
    const problems: string[] = [];
    let slowest = 0;
    for (let n = 0; n < TOTAL; n++) {
      const isInstansi = rand() < 0.1;
      const base = isInstansi ? pick(rand, instansi) : pick(rand, sops);
      let text = n < HEAVY && !isInstansi ? heavy(rand, base) : base;
      for (let e = 1 + int(rand, 3); e > 0; e--) text = mutateText(rand, text);
      let bytes: Uint8Array = enc.encode(text);
      if (rand() < 0.15) bytes = mutateBytes(rand, bytes);

      const rel = isInstansi ? 'dinas/instansi.yml' : 'dinas/fuzz.md';
      const raw: RawFile = { abs: `${CONTENT}/${rel}`, rel: `content/${rel}`, bytes };
      // Processor time (the machine is shared): a stall shows in it as in wall time.
      const { value: files, ms } = cpuTime(() => (isInstansi ? checkInstansiFiles({ ...set, instansi: [raw] }, memoryAssets({})).files : [checkSopFile(raw, CONTENT, byDir).file]));
      slowest = Math.max(slowest, ms);
      const diagnostics: Diagnostic[] = collect(files as VFile[]);
      const lengths = lineLengths(bytes);
      for (const d of diagnostics) {
        rules.add(d.ruleId);
        const inside = d.line >= 1 && d.line <= lengths.length && d.column >= 1 && d.column <= lengths[d.line - 1]! + 1;
        if (d.ruleId === 'galat-internal' || !inside || !d.hint) problems.push(`#${n} ${d.line}:${d.column} ${d.ruleId} ${d.message} ${JSON.stringify(text.slice(0, 300))}`);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(slowest).toBeLessThan(2000);
    // The mutations reach most rules: a fuzz that only ever hits one error tests little.
    expect(rules.size).toBeGreaterThan(35);
    // ~30 s of processor time; the wall clock on a machine shared by many processes is longer.
  }, 900_000);
});
