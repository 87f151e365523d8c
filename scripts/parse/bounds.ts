// Limits checked before any expensive work, by linear scans over the raw text. The parsers
// behind `sop check` (yaml, micromark) and behind the site's prose (remark-gfm) cost time
// quadratic in some shapes of input (deep nesting, thousands of unmatched `*` or `[`, many
// keys): every shape that could stall them is refused here first, as a located diagnostic.
import type { VFile } from 'vfile';
import { report, type Place } from '../diagnostics/report.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { INVISIBLE } from '../kit/invisible.ts';
import type { LineIndex } from '../source/lines.ts';

export const LIMITS = {
  /** An SOP is a few KB; 300,000 characters is 50 times a real SOP. */
  fileChars: 300_000,
  /** A line of the file: as long as a table row at its bound. */
  lineChars: 5_000,
  /** Frontmatter (or instansi.yml): every field and list at its limit is under 10,000 characters. */
  yamlChars: 32 * 1024,
  /** A semester's monitoring results: a few hundred SOPs with notes on some steps. */
  monevChars: 512 * 1024,
  monevKeys: 20_000,
  /** YAML nesting: an SOP needs 3 (`riwayat` → item → key). */
  yamlDepth: 16,
  /** Leading spaces of a YAML line (two per level). */
  yamlIndent: 40,
  /** `kunci:` pairs in one YAML text: an SOP has about 30, with a long `riwayat` 150. */
  yamlKeys: 500,
  /** Rows of the procedure table. */
  rows: 500,
  /**
   * A table row: ten times a long real one (a 195-character Kegiatan, a 117-character
   * Kelengkapan: about 500 characters). Whether a row prints is measured, not counted.
   */
  rowChars: 5_000,
  /** Prose outside the table (rendered on the site). */
  proseChars: 20_000,
  /** A book page (`buku/*.md`, a foreword or a decree): a few pages of text, rendered whole. */
  bookPageChars: 100_000,
  /** `>` and list markers before a line's text. */
  proseDepth: 8,
  /** Leading spaces of a prose line. */
  proseIndent: 40,
  /**
   * Markup in one paragraph: each `[`, `]`, `<`, and each run of `*`, `_` or `` ` `` (a run is one
   * delimiter to the parser, so a fill-in line `________` counts once).
   */
  paragraphMarks: 200,
  /** Lines of `===` or `---` right under text (setext headings). */
  underlines: 20,
} as const;

export interface Breach {
  ruleId: RuleId;
  message: string;
  hint: string;
  place: Place;
}

export function reportBreach(file: VFile, breach: Breach): void {
  report(file, breach.ruleId, breach.message, breach.place, { hint: breach.hint });
}

const number = (n: number) => n.toLocaleString('id-ID');

/** File size, before anything is split or parsed. `what`: "Berkas SOP", "instansi.yml". */
export function sizeBreach(text: string, lines: LineIndex, what: string, maxChars: number): Breach | undefined {
  if (text.length <= maxChars) return undefined;
  return {
    ruleId: 'berkas-terlalu-besar',
    message: `${what} terlalu besar (${number(text.length)} karakter, paling banyak ${number(maxChars)}).`,
    hint: 'Periksa apakah ada teks yang tertempel berulang kali atau isi berkas lain yang ikut tersalin; satu SOP biasanya hanya beberapa ribu karakter.',
    place: lines.span(maxChars, text.length),
  };
}

/**
 * The first line from `fromLine` (0-based) longer than the limit. Frontmatter lines are left to
 * the YAML limits, so that a long value is reported as such, by its key.
 */
export function lineBreach(text: string, lines: LineIndex, fromLine: number): Breach | undefined {
  const { starts } = lines;
  for (let i = fromLine; i < starts.length; i++) {
    const length = (i + 1 < starts.length ? starts[i + 1]! - 1 : text.length) - starts[i]!;
    if (length > LIMITS.lineChars) {
      return {
        ruleId: 'baris-terlalu-panjang',
        message: `Baris ini terlalu panjang (${number(length)} karakter, paling banyak ${number(LIMITS.lineChars)}).`,
        hint: 'Periksa apakah ada teks yang tertempel berulang kali atau deretan spasi/tanda baca yang tidak sengaja; pecah teks panjang menjadi beberapa baris atau paragraf.',
        place: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: length + 1 } },
      };
    }
  }
  return undefined;
}

const yamlBreach = (what: string, reason: string, hint: string, place: Place): Breach => ({
  ruleId: 'yaml-tidak-valid',
  message: `${what} tidak dapat dibaca: ${reason}.`,
  hint,
  place,
});

/**
 * YAML size and nesting before the yaml package sees it (its recursion and error recovery grow
 * with both). `offset`: where `yaml` starts in the file that `lines` indexes.
 */
export function yamlTextBreach(yaml: string, offset: number, lines: LineIndex, what: string, max: { chars: number; keys: number } = { chars: LIMITS.yamlChars, keys: LIMITS.yamlKeys }): Breach | undefined {
  if (yaml.length > max.chars) {
    return yamlBreach(what, `terlalu besar (${number(yaml.length)} karakter, paling banyak ${number(max.chars)})`,
      'Data SOP cukup berisi kunci-kunci yang dikenal dengan isi yang ringkas; periksa apakah ada teks yang tertempel berulang kali.', lines.place(offset + max.chars));
  }
  const tooDeep = (at: number) => yamlBreach(what, `susunan bertingkat terlalu dalam (lebih dari ${LIMITS.yamlDepth} tingkat)`,
    'Data SOP paling dalam tiga tingkat (mis. `riwayat:` → `- tanggal:`); periksa kurung `[`/`{` yang tidak ditutup dan indentasi yang bergeser.', lines.place(offset + at));
  let depth = 0;
  let keys = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let indent = 0;
  let prev = '\n';
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i]!;
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      prev = c;
      continue;
    }
    if (lineStart) {
      // Indentation, and compact nesting written on one line (`- - - x`, `? `).
      if (c === ' ' || ((c === '-' || c === '?' || c === ':') && (yaml[i + 1] === ' ' || yaml[i + 1] === '\n')) && !quote) {
        indent++;
        if (indent > LIMITS.yamlIndent) {
          return yamlBreach(what, `indentasi terlalu dalam (lebih dari ${LIMITS.yamlIndent} spasi)`,
            'Kunci utama ditulis di awal baris dan setiap tingkat menjorok dua spasi; data SOP paling dalam tiga tingkat.', lines.place(offset + i));
        }
        prev = c;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === ':' && (i + 1 === yaml.length || /\s/.test(yaml[i + 1]!)) && ++keys > max.keys) {
      return yamlBreach(what, `terlalu banyak kunci (lebih dari ${max.keys})`,
        'Data SOP cukup berisi kunci-kunci yang dikenal (lihat docs/panduan.md bagian 4.1); periksa apakah ada bagian yang tertempel berulang kali.', lines.place(offset + i));
    } else if ((c === '"' || c === "'") && /[\s:,[{-]/.test(prev)) {
      quote = c;
    } else if (c === '#' && /\s/.test(prev)) {
      const end = yaml.indexOf('\n', i);
      i = (end === -1 ? yaml.length : end) - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > LIMITS.yamlDepth) return tooDeep(i);
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
    prev = c;
  }
  return undefined;
}

/** A stretch of lines `[from, to)` (0-based) of the text. */
export interface LineRange {
  from: number;
  to: number;
}

/** Is this line a GFM table delimiter row (`|---|:--:|`)? Linear, no regex backtracking. */
export function isDelimiterRow(line: string): boolean {
  let dashes = false;
  for (const c of line) {
    if (c === '-') dashes = true;
    else if (c !== '|' && c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return dashes;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The body after the frontmatter split into blocks (runs of non-blank lines): the ones that
 * hold a table delimiter row (candidates for the procedure table) and the rest (prose).
 * Fenced code and HTML comments are prose whatever they contain.
 */
export function tableBlocks(rawLines: string[], from: number): LineRange[] {
  const blocks: LineRange[] = [];
  let fence: string | undefined;
  let start = -1;
  let hasDelimiter = false;
  const close = (end: number) => {
    if (start !== -1 && hasDelimiter) blocks.push({ from: start, to: end });
    start = -1;
    hasDelimiter = false;
  };
  let comment = false;
  for (let i = from; i < rawLines.length; i++) {
    const line = rawLines[i]!;
    // An HTML comment (`<!-- tabel lama … -->`) hides what it holds, a table too.
    if (comment || /^ {0,3}<!--/.test(line)) {
      comment = !line.includes('-->', comment ? 0 : line.indexOf('<!--') + 4);
      close(i);
      continue;
    }
    const opener = FENCE_OPEN.exec(line)?.[1];
    if (fence) {
      if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener) {
      close(i);
      fence = opener;
      continue;
    }
    if (!line.trim()) {
      close(i);
      continue;
    }
    if (start === -1) start = i;
    if (i > start && isDelimiterRow(line) && (line.includes('|') || rawLines[i - 1]!.includes('|'))) hasDelimiter = true;
  }
  close(rawLines.length);
  return blocks;
}

/** Rows of a table block beyond the limits (count, length): the place of the first one too many. */
export function rowsBreach(rawLines: string[], block: LineRange): Breach | undefined {
  let delimiter = block.from + 1;
  while (delimiter < block.to && !isDelimiterRow(rawLines[delimiter]!)) delimiter++;
  for (let i = block.from; i < block.to; i++) {
    const length = rawLines[i]!.length;
    if (length > LIMITS.rowChars) {
      return {
        ruleId: 'baris-terlalu-panjang',
        message: `Baris tabel ini terlalu panjang (${number(length)} karakter, paling banyak ${number(LIMITS.rowChars)}).`,
        hint: 'Setiap sel dibatasi panjangnya (lihat docs/panduan.md bagian 4.3); hapus deretan spasi atau teks yang tertempel berulang di baris ini.',
        place: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: length + 1 } },
      };
    }
  }
  const rows = block.to - delimiter - 1;
  if (rows <= LIMITS.rows) return undefined;
  return {
    ruleId: 'tabel-terlalu-panjang',
    message: `Tabel prosedur terlalu panjang (${number(rows)} baris, paling banyak ${number(LIMITS.rows)}).`,
    hint: 'Pecah prosedur sepanjang ini menjadi beberapa SOP yang saling terkait (`keterkaitan`); periksa juga apakah ada baris yang tertempel berulang kali.',
    // The rows beyond the limit.
    place: { start: { line: delimiter + LIMITS.rows + 2, column: 1 }, end: { line: block.to, column: rawLines[block.to - 1]!.length + 1 } },
  };
}

const proseIssue = (message: string, hint: string, place: Place): Breach => ({ ruleId: 'prosa-terlalu-rumit', message, hint, place });

/**
 * A line's container prefix (`>` and list markers): how deep it nests, how far it is indented,
 * where its text starts, and where it first went too deep or too far.
 */
function containerPrefix(line: string): { at: number; tooDeep?: number } {
  let i = 0;
  let depth = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') {
      if (++i > LIMITS.proseIndent) return { at: i, tooDeep: LIMITS.proseIndent };
    }
    const c = line[i];
    let next = -1;
    if (c === '>') next = i + 1;
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) next = i + 2;
    else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j - i < 9 && line[j] !== undefined && line[j]! >= '0' && line[j]! <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (line[j + 1] === ' ' || line[j + 1] === '\t')) next = j + 2;
    }
    if (next === -1) return { at: i };
    if (++depth > LIMITS.proseDepth) return { at: i, tooDeep: i };
    i = next;
  }
}

const MARKS = new Set(['*', '_', '[', ']', '`', '<']);
/** Marks whose runs are one delimiter. */
const RUNS = new Set(['*', '_', '`']);
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * Prose the site renders with full Markdown: bounded in size, nesting, markup per paragraph
 * and setext headings, the shapes that make Markdown parsers quadratic.
 */
export function proseBreach(rawLines: string[], ranges: LineRange[], maxChars: number = LIMITS.proseChars): Breach | undefined {
  let chars = 0;
  let underlines = 0;
  for (const { from, to } of ranges) {
    let marks = 0;
    for (let i = from; i < to; i++) {
      const line = rawLines[i]!;
      chars += line.length + 1;
      if (chars > maxChars) {
        return proseIssue(`Teks di luar tabel prosedur terlalu panjang (lebih dari ${number(maxChars)} karakter).`,
          'Teks di luar tabel hanya untuk catatan singkat; uraian panjang (mis. lampiran) simpan di berkas lain atau di buku SOP.', { line: i + 1, column: 1 });
      }
      if (!line.trim()) {
        marks = 0;
        continue;
      }
      const prefix = containerPrefix(line);
      if (prefix.tooDeep !== undefined) {
        return proseIssue(`Kutipan (\`>\`) atau daftar (\`-\`, \`1.\`) di baris ini bertingkat atau menjorok terlalu dalam (paling banyak ${LIMITS.proseDepth} tingkat dan ${LIMITS.proseIndent} spasi).`,
          'Tulis catatan sebagai paragraf biasa atau daftar satu-dua tingkat; hapus tanda `>` atau `-` dan spasi yang berulang.', { line: i + 1, column: prefix.tooDeep + 1 });
      }
      for (let k = prefix.at; k < line.length; k++) {
        const c = line[k]!;
        if (RUNS.has(c) && line[k - 1] === c && k > prefix.at) continue;
        if (MARKS.has(c) && ++marks > LIMITS.paragraphMarks) {
          return proseIssue(`Paragraf ini memuat terlalu banyak tanda \`*\`, \`_\`, \`[\`, \`]\`, \`\`\` \`\`\` atau \`<\` (lebih dari ${LIMITS.paragraphMarks}).`,
            'Tanda-tanda itu mengatur huruf tebal/miring dan tautan; hapus yang berulang tanpa sengaja, atau pecah paragraf ini.', { line: i + 1, column: k + 1 });
        }
      }
      if (i > from && UNDERLINE.test(line) && rawLines[i - 1]!.trim() && ++underlines > LIMITS.underlines) {
        return proseIssue(`Terlalu banyak baris \`===\`/\`---\` tepat di bawah teks (lebih dari ${LIMITS.underlines}).`,
          'Baris `---` di bawah teks menjadikannya judul; beri satu baris kosong di atas `---` bila maksudnya garis pemisah, atau hapus baris yang berulang.', { line: i + 1, column: 1 });
      }
    }
  }
  return undefined;
}

/** What an invisible character is called in a message. */
export function invisibleName(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code <= 0x9f) return `karakter kendali ${hex}`;
  if (code === 0x200b || code === 0x2060 || code === 0xfeff) return `spasi lebar-nol ${hex}`;
  if (code === 0x200c || code === 0x200d) return `penyambung lebar-nol ${hex}`;
  return `tanda arah teks ${hex}`;
}

/**
 * The first invisible character in the file, with how many there are: one finding per file,
 * found in one scan. A byte-order mark at the very start is the encoding's, not text.
 */
export function invisibleBreach(text: string, lines: LineIndex): Breach | undefined {
  let first: RegExpExecArray | undefined;
  let count = 0;
  for (const m of text.matchAll(INVISIBLE)) {
    if (m.index === 0 && m[0] === '\uFEFF') continue;
    first ??= m;
    count++;
  }
  if (!first) return undefined;
  const more = count > 1 ? ` Ada ${number(count)} karakter seperti itu di berkas ini.` : '';
  return {
    ruleId: 'karakter-tak-terlihat',
    message: `Ada ${invisibleName(first[0])} yang tidak terlihat di sini.${more}`,
    hint: 'Karakter ini biasanya ikut tersalin dari dokumen Word, PDF atau halaman web. Hapus karakter di posisi itu (mis. hapus lalu ketik ulang kata di sekitarnya), atau ketik ulang nilainya dengan tangan.',
    place: lines.span(first.index, first.index + first[0].length),
  };
}
