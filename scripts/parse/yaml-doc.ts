// YAML with source positions: every value (and key) of the document is mapped by its
// JSON pointer to its offsets, so schema errors can point at the exact key or value.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Place } from '../diagnostics/report.ts';
import type { LineIndex } from '../source/lines.ts';

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
}

/**
 * Parses YAML that starts at `offset` of a larger file (the frontmatter), so every span is an
 * offset into that file.
 */
export function parseYaml(text: string, offset: number): ParsedYaml {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: new LineCounter() });
  const errors = doc.errors.map((e) => ({ code: e.code, message: e.message, offset: offset + e.pos[0] }));
  const spans = new Map<string, Span>();
  const sources = new Map<string, string>();
  if (doc.contents) walk(doc.contents as YamlNode, '', offset, spans, sources);
  const data = errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  return { data, spans, errors, sources };
}

function range(node: YamlNode | null | undefined, offset: number): [number, number] | undefined {
  const r = node?.range;
  return r ? [offset + r[0], offset + r[1]] : undefined;
}

function walk(node: YamlNode, pointer: string, offset: number, spans: Map<string, Span>, sources: Map<string, string>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const child = `${pointer}/${escapePointer(key)}`;
      const keyRange = range(pair.key as YamlNode, offset);
      const valueRange = range(pair.value as YamlNode, offset) ?? keyRange ?? [offset, offset];
      spans.set(child, { ...(keyRange ? { key: keyRange } : {}), value: valueRange });
      if (pair.value) walk(pair.value as YamlNode, child, offset, spans, sources);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = `${pointer}/${i}`;
      const r = range(item as YamlNode, offset);
      if (r) spans.set(child, { value: r });
      if (item) walk(item as YamlNode, child, offset, spans, sources);
    });
  } else if (isScalar(node) && typeof node.source === 'string') {
    sources.set(pointer, node.source);
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
    if (span) return lines.place((part === 'key' && span.key ? span.key : span.value)[0]);
    if (!p) return fallback;
  }
}
