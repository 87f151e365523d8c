// YAML with source positions: every value (and key) of the document is mapped by its
// JSON pointer to its offsets, so schema errors can point at the exact key or value.
import type { VFile } from 'vfile';
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { loadPackage, once } from '../kit/lazy.ts';
import { report, type Place } from '../diagnostics/report.ts';
import type { LineIndex } from '../source/lines.ts';

// Loaded on first use: a check whose every file the cache answers parses no YAML (kit/lazy.ts).
const yaml = once(() => loadPackage<typeof Yaml>('yaml'));

export interface Span {
  key?: [number, number];
  value: [number, number];
}

export interface YamlError {
  code: string;
  message: string;
  offset: number;
}

export interface ParsedYaml {
  data: unknown;
  /** JSON pointer (`/disahkan_oleh/nip`) → offsets in the whole file. */
  spans: Map<string, Span>;
  errors: YamlError[];
  /** Raw source text of scalars by pointer, to recover values YAML reads as numbers (NIP). */
  sources: Map<string, string>;
  /**
   * Ends (file offsets) of plain values followed by `#text` on the same line: YAML drops it as a
   * comment, but `nama: Rapat #2` meant the `#2`.
   */
  cutAtHash: number[];
}

/**
 * Parses YAML that starts at `offset` of a larger file (the frontmatter), so every span is an
 * offset into that file.
 */
export function parseYaml(text: string, offset: number): ParsedYaml {
  // `uniqueKeys: false`: the yaml package compares every key with every other (quadratic in the
  // key count); `walk` finds duplicates with a set instead.
  const doc = yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter: new (yaml().LineCounter)() });
  // Locating an error walks the document: only the first few are worth it (and worth reading).
  const errors: YamlError[] = doc.errors.slice(0, MAX_ERRORS).map((e) => ({ code: e.code as string, message: e.message, offset: offset + errorOffset(doc, e.code, e.message, e.pos[0]) }));
  const spans = new Map<string, Span>();
  const sources = new Map<string, string>();
  // Collection keys are only worth a message of their own in an otherwise readable document
  // (a mis-indented `- item` also parses as one).
  const keyErrors: YamlError[] = [];
  const duplicates: YamlError[] = [];
  const cutAtHash: number[] = [];
  if (doc.contents) walk(doc.contents as YamlNode, '', offset, spans, sources, { keyErrors, duplicates }, cutAtHash);
  errors.push(...duplicates.slice(0, MAX_ERRORS));
  errors.sort((a, b) => a.offset - b.offset);
  if (!errors.length) errors.push(...keyErrors);
  let data: unknown;
  if (!errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // An alias to an anchor that does not exist, or an alias bomb: `toJS` throws.
      let at = 0;
      yaml().visit(doc, { Alias: (_k, node) => { at = node.range?.[0] ?? 0; return yaml().visit.BREAK; } });
      errors.push({ code: 'BAD_ALIAS', message: e instanceof Error ? e.message : String(e), offset: offset + at });
    }
  }
  return { data, spans, errors, sources, cutAtHash };
}

/**
 * The yaml package reports an unclosed quote or bracket where it gave up (often the end of the
 * frontmatter); an officer needs the place where it was opened.
 */
function errorOffset(doc: Document, code: string, message: string, pos: number): number {
  if (code !== 'MISSING_CHAR' && code !== 'BAD_INDENT' && code !== 'UNEXPECTED_TOKEN') return pos;
  const quote = /closing (["'])quote/.exec(message)?.[1];
  const bracket = /end with an? ([\]}])/.exec(message)?.[1];
  if (!quote && !bracket) return pos;
  let best = pos;
  yaml().visit(doc, {
    Scalar: (_k, node) => {
      const [start, end] = node.range ?? [0, 0];
      const wanted = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      if (quote && node.type === wanted && start <= pos && end >= pos) best = start;
    },
    Seq: (_k, node) => {
      const [start, end] = node.range ?? [0, 0];
      if (bracket === ']' && node.flow && start <= pos && end >= pos) best = start;
    },
    Map: (_k, node) => {
      const [start, end] = node.range ?? [0, 0];
      if (bracket === '}' && node.flow && start <= pos && end >= pos) best = start;
    },
  });
  return best;
}

/** YAML errors kept per document. */
const MAX_ERRORS = 20;

function range(node: YamlNode | null | undefined, offset: number): [number, number] | undefined {
  const r = node?.range;
  return r ? [offset + r[0], offset + r[1]] : undefined;
}

interface WalkErrors {
  keyErrors: YamlError[];
  duplicates: YamlError[];
}

function walk(node: YamlNode, pointer: string, offset: number, spans: Map<string, Span>, sources: Map<string, string>, found: WalkErrors, cutAtHash: number[]): void {
  const { isCollection, isMap, isPair, isScalar, isSeq } = yaml();
  const errors = found.keyErrors;
  if (isMap(node)) {
    const keys = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (pair.key === null || (isScalar(pair.key) && (pair.key.value === null || pair.key.value === ''))) {
        // `: nilai` — the key name was deleted.
        const at = (pair.value as YamlNode | null)?.range?.[0] ?? (pair.key as YamlNode | null)?.range?.[0] ?? 0;
        errors.push({ code: 'EMPTY_KEY', message: 'value without key', offset: offset + at });
        continue;
      }
      if (isCollection(pair.key)) {
        // `? [a, b]: c`: not a key an SOP can have, and `toJS` would only warn.
        errors.push({ code: 'NON_STRING_KEY', message: 'collection as key', offset: offset + ((pair.key as YamlNode).range?.[0] ?? 0) });
        continue;
      }
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (keys.has(key)) {
        found.duplicates.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', offset: offset + ((pair.key as YamlNode).range?.[0] ?? 0) });
        continue;
      }
      keys.add(key);
      const child = `${pointer}/${escapePointer(key)}`;
      const keyRange = range(pair.key as YamlNode, offset);
      const valueRange = range(pair.value as YamlNode, offset) ?? keyRange ?? [offset, offset];
      spans.set(child, { ...(keyRange ? { key: keyRange } : {}), value: valueRange });
      if (pair.value) walk(pair.value as YamlNode, child, offset, spans, sources, found, cutAtHash);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = `${pointer}/${i}`;
      const r = range(item as YamlNode, offset);
      if (r) spans.set(child, { value: r });
      if (item) walk(item as YamlNode, child, offset, spans, sources, found, cutAtHash);
    });
  } else if (isScalar(node) && typeof node.source === 'string') {
    sources.set(pointer, node.source);
    // A real comment is `# …`; `#2` glued to its text is part of a value the officer meant.
    if (node.type === 'PLAIN' && node.comment && !/^\s/.test(node.comment) && node.range) cutAtHash.push(offset + node.range[1]);
  }
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The place of a pointer, or of its nearest ancestor that has one. */
export function placeOf(
  spans: Map<string, Span>,
  lines: LineIndex,
  pointer: string,
  part: 'key' | 'value' = 'value',
  fallback: Place = { line: 1, column: 1 },
): Place {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const span = spans.get(p);
    if (span) return lines.span(...(part === 'key' && span.key ? span.key : span.value));
    if (!p) return fallback;
  }
}

const REASONS: Record<string, [reason: string, hint: string]> = {
  TAB_AS_INDENT: ['indentasi memakai tab', 'Ganti tab di awal baris ini dengan spasi (dua spasi per tingkat).'],
  BAD_INDENT: ['indentasi tidak tepat', 'Samakan indentasi baris ini dengan baris lain pada tingkat yang sama: kunci utama di awal baris, butir daftar diawali dua spasi lalu `- `.'],
  MISSING_CHAR: ['ada baris tanpa tanda titik dua', 'Setiap baris harus berbentuk `kunci: nilai` (dengan spasi setelah titik dua) atau butir `- …`.'],
  MULTILINE_IMPLICIT_KEY: ['ada baris tanpa tanda titik dua', 'Setiap baris harus berbentuk `kunci: nilai` atau butir `- …`; teks yang berlanjut ke baris berikutnya harus menjorok ke kanan atau diberi tanda kutip.'],
  BLOCK_AS_IMPLICIT_KEY: ['ada tanda titik dua di dalam teks yang tidak diberi tanda kutip', 'Beri tanda kutip pada teks yang mengandung `: `, mis. `nama: "Rapat: Persiapan"`.'],
  UNEXPECTED_TOKEN: ['ada tanda baca yang tidak diharapkan', 'Teks yang diawali `*`, `&`, `!`, `%`, `@`, `[`, `{` atau mengandung `: ` dan ` #` perlu diberi tanda kutip.'],
  BAD_SCALAR_START: ['ada teks yang diawali tanda baca khusus', 'Teks yang diawali `*`, `&`, `!`, `%`, `@` atau `` ` `` perlu diberi tanda kutip.'],
  BAD_DQ_ESCAPE: ['ada tanda `\\` yang tidak sah di dalam tanda kutip ganda', 'Pakai tanda kutip tunggal (`\'…\'`) untuk teks yang mengandung `\\`, atau tulis `\\\\`.'],
  BLOCK_IN_FLOW: ['daftar dalam kurung `[ ]` atau `{ }` berisi baris baru yang tidak sah', 'Tulis daftar dalam kurung pada satu baris, atau pakai bentuk butir `- ` di baris masing-masing.'],
  BAD_ALIAS: ['ada alias YAML (`*…`) yang tidak dapat dibaca', 'Tanda `*` di awal teks dibaca sebagai alias YAML: beri tanda kutip pada teksnya.'],
  ALIAS_PROPS: ['ada alias YAML (`*…`) yang tidak sah', 'Tanda `*` dan `&` di awal teks punya arti khusus: beri tanda kutip pada teksnya.'],
  MULTIPLE_ANCHORS: ['ada tanda `&` ganda', 'Tanda `&` di awal teks punya arti khusus: beri tanda kutip pada teksnya.'],
  MULTIPLE_TAGS: ['ada tanda `!` ganda', 'Tanda `!` di awal teks punya arti khusus: beri tanda kutip pada teksnya.'],
  BAD_PROP_ORDER: ['urutan tanda `&`/`!` tidak sah', 'Beri tanda kutip pada teks yang diawali `&` atau `!`.'],
  TAG_RESOLVE_FAILED: ['ada tanda `!` yang tidak dikenal', 'Beri tanda kutip pada teks yang diawali `!`.'],
  BAD_DIRECTIVE: ['ada baris yang diawali `%`', 'Beri tanda kutip pada teks yang diawali `%`.'],
  MULTIPLE_DOCS: ['berisi lebih dari satu bagian `---`', 'Hapus baris `---` di tengah berkas agar semua kunci berada dalam satu bagian.'],
  KEY_OVER_1024_CHARS: ['ada baris sangat panjang yang dibaca sebagai kunci', 'Periksa tanda titik dua dan tanda kutip: sebuah teks panjang tampaknya dibaca sebagai nama kunci.'],
  RESOURCE_EXHAUSTION: ['struktur bertingkat terlalu dalam atau terlalu besar', 'Sederhanakan isi bagian ini: daftar cukup satu atau dua tingkat.'],
  EMPTY_KEY: ['ada nilai tanpa nama kunci', 'Tulis nama kuncinya sebelum tanda titik dua, mis. `pelaksana: [ … ]`.'],
  NON_STRING_KEY: ['ada kunci yang bukan teks', 'Tulis setiap kunci sebagai kata biasa, mis. `nama:`, bukan daftar atau kurung.'],
  BAD_COLLECTION_TYPE: ['jenis daftar tidak sah', 'Pakai daftar biasa (`- butir`) atau pasangan `kunci: nilai`.'],
  IMPOSSIBLE: ['ada susunan yang tidak dapat dibaca', 'Periksa tanda titik dua, indentasi dan tanda kutip pada baris ini.'],
};

/** Indonesian reason and hint for a YAML syntax error. */
export function yamlErrorText(err: YamlError): { reason: string; hint: string } {
  const quote = /closing (["'])quote/.exec(err.message)?.[1];
  if (err.code === 'MISSING_CHAR' && quote) {
    return { reason: `tanda kutip ${quote} tidak ditutup`, hint: `Tambahkan tanda kutip penutup ${quote} di akhir teks yang dibuka di sini (teks bertanda kutip tidak boleh berhenti di tengah).` };
  }
  const bracket = /end with an? ([\]}])/.exec(err.message)?.[1];
  if (bracket) {
    return { reason: `kurung ${bracket === ']' ? '`[`' : '`{`'} tidak ditutup`, hint: `Tutup kurung dengan \`${bracket}\` pada baris yang sama, mis. \`pelaksana: [Sekretaris, Kepala Dinas]\`.` };
  }
  const known = REASONS[err.code];
  if (known) return { reason: known[0], hint: known[1] };
  return { reason: 'susunan tidak sah', hint: 'Periksa tanda titik dua, indentasi (pakai spasi, bukan tab) dan tanda kutip pada baris ini.' };
}

/** Errors that say exactly what is wrong win over the others reported on the same line. */
const telling = (err: YamlError) => (err.code === 'MISSING_CHAR' && /quote|end with/.test(err.message)) || /end with/.test(err.message) || ['TAB_AS_INDENT', 'DUPLICATE_KEY', 'BAD_ALIAS', 'NON_STRING_KEY', 'EMPTY_KEY'].includes(err.code);

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/**
 * Reports YAML syntax errors: one per line (the yaml package often gives two or three for one
 * mistake), the most telling one, in Indonesian. `what` names the part: "Frontmatter", "instansi.yml".
 */
/** Warns where YAML cut a value at `#` (see ParsedYaml.cutAtHash). */
export function reportCutAtHash(file: VFile, yaml: ParsedYaml, text: string, lines: LineIndex): void {
  for (const end of yaml.cutAtHash) {
    const hash = text.indexOf('#', end);
    const from = hash === -1 ? end : hash;
    const eol = text.indexOf('\n', from);
    // The range is the dropped text: from `#` to the end of the line.
    report(file, 'yaml-pagar-memotong', 'Teks setelah tanda `#` di baris ini dibuang karena dibaca sebagai komentar.', lines.span(from, eol === -1 ? text.length : eol), {
      hint: 'Bila `#` memang bagian dari teks, beri tanda kutip pada seluruh nilainya, mis. `nama: "Rapat #2"`.',
    });
  }
}

export function reportYamlErrors(file: VFile, yaml: ParsedYaml, text: string, lines: LineIndex, what: string): void {
  const byLine = new Map<number, YamlError>();
  for (const err of yaml.errors) {
    const line = lines.place(err.offset).line;
    const seen = byLine.get(line);
    if (!seen || (telling(err) && !telling(seen))) byLine.set(line, err);
  }
  const lineText = (n: number) => text.slice(lines.starts[n - 1] ?? 0, (lines.starts[n] ?? text.length + 1) - 1);
  for (const [line, err] of [...byLine].sort((a, b) => a[1].offset - b[1].offset)) {
    const place = lines.place(err.offset);
    if (err.code === 'DUPLICATE_KEY') {
      const key = /^[ \t]*(?:- )?["']?([^:"'\n]*)/.exec(text.slice(err.offset, err.offset + 1024))?.[1]?.trim();
      report(file, 'yaml-kunci-ganda', key ? `Kunci \`${key}\` ditulis dua kali.` : 'Kunci yang sama ditulis dua kali.', place, {
        hint: 'Hapus salah satunya, atau gabungkan isinya ke satu kunci saja.',
      });
      continue;
    }
    let { reason, hint } = yamlErrorText(err);
    let at = place;
    if (/^\s*[\w-]+:\s*-\s*(#.*)?$/.test(lineText(line))) {
      // `tanggal_revisi: -` is how officers write "none"; bare `-` starts a YAML list.
      reason = 'tanda `-` sendirian dibaca sebagai awal daftar';
      hint = 'Untuk tanggal yang kosong tulis `null` (atau hapus kuncinya); bila memang teks, tulis `"-"` dengan tanda kutip.';
      at = { line, column: lineText(line).indexOf('-', lineText(line).indexOf(':')) + 1 };
    }
    // The yaml package names a mis-indented line by what it then fails to parse; an officer
    // needs to hear "indentation" when the line is indented differently from the one above.
    if (!telling(err) && ['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'BAD_INDENT'].includes(err.code)) {
      let above = line - 1;
      while (above > 0 && !lineText(above).trim()) above--;
      const own = indentOf(lineText(line));
      if (own > 0 && above > 0 && own !== indentOf(lineText(above))) {
        ({ reason, hint } = yamlErrorText({ ...err, code: 'BAD_INDENT' }));
        at = { line, column: own + 1 };
      }
    }
    report(file, 'yaml-tidak-valid', `${what} tidak dapat dibaca: ${reason}.`, at, { hint });
  }
}
