// Front-matter pages of the book (kata pengantar, keputusan …): Markdown → safe HTML.
//
// The office writes these pages, so they get the same treatment as every SOP field: parsed by
// remark (GFM), then serialized here node by node with every piece of text escaped. Raw HTML in
// the source is printed as text, images become their alt text and links their text plus the
// address, so the printed page never loads anything and never runs anything.
import type { Nodes, Parents, Root, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { escapeHtml } from '../kit/escape.ts';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Values for `{{nama}}` placeholders in the page text. */
export type Placeholders = Record<string, string>;

export class PlaceholderError extends Error {
  readonly names: string[];
  constructor(names: string[], known: string[]) {
    super(`Isian ${names.map((n) => `{{${n}}}`).join(', ')} tidak dikenal (yang tersedia: ${known.map((k) => `{{${k}}}`).join(', ')}).`);
    this.names = names;
  }
}

export interface MarkdownPage {
  /** From the YAML frontmatter `judul`, else the first level-1 heading; undefined if neither. */
  title?: string;
  /** Frontmatter `urutan`: pages are sorted by it, then by file name. */
  order?: number;
  /**
   * Frontmatter `tanda_tangan`: close the page with the instansi's signature block. `true`, or
   * the lines printed above the signer's position (e.g. `Ditetapkan di …`, `pada tanggal …`).
   */
  signature?: { lines: string[] };
  /** The page body as HTML (without the title when it came from the frontmatter only). */
  html: string;
  /** The same body as top-level blocks, so a layout can keep the last one with the signature. */
  blocks: string[];
  /** True when the body starts with its own level-1 heading. */
  hasHeading: boolean;
}

const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi;

/** Fills `{{nama}}` placeholders (`{{NAMA}}` in capitals); unknown names are collected in `unknown`. */
function fill(text: string, values: Placeholders, unknown: Set<string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name.toLowerCase()];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    const capitals = name === name.toUpperCase() && name !== name.toLowerCase();
    return capitals ? value.toLocaleUpperCase('id') : value;
  });
}

interface Ctx {
  values: Placeholders;
  unknown: Set<string>;
  footnotes: Map<string, number>;
}

function children(node: Parents, ctx: Ctx): string {
  return node.children.map((c) => toHtml(c as Nodes, ctx)).join('');
}

function plainText(node: Nodes, ctx: Ctx): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'yaml') return fill(node.value, ctx.values, ctx.unknown);
  if ('alt' in node && typeof node.alt === 'string') return fill(node.alt, ctx.values, ctx.unknown);
  if ('children' in node) return node.children.map((c) => plainText(c as Nodes, ctx)).join('');
  return '';
}

/** Only addresses worth printing: web and mail. Anything else (javascript:, file:, relative) is dropped. */
function printableUrl(url: string): string | undefined {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url.trim().replace(/^mailto:/i, '') : undefined;
}

/** A table whose header cells are all empty is a layout table: no borders, no header row. */
function isLayoutTable(node: Table): boolean {
  const head = node.children[0];
  return Boolean(head && head.children.every((cell) => cell.children.length === 0));
}

function table(node: Table, ctx: Ctx): string {
  const align = node.align ?? [];
  const cell = (tag: 'th' | 'td', c: Parents, i: number) => {
    const a = align[i];
    return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${children(c, ctx)}</${tag}>`;
  };
  const [head, ...body] = node.children;
  const rows = (list: typeof body) => list.map((r) => `<tr>${r.children.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('');
  if (isLayoutTable(node)) return `<table class="tata-letak"><tbody>${rows(body)}</tbody></table>`;
  const header = head ? `<thead><tr>${head.children.map((c, i) => cell('th', c, i)).join('')}</tr></thead>` : '';
  return `<table>${header}<tbody>${rows(body)}</tbody></table>`;
}

function toHtml(node: Nodes, ctx: Ctx): string {
  switch (node.type) {
    case 'root':
      return children(node, ctx);
    case 'yaml':
    case 'definition':
      return '';
    case 'paragraph':
      return `<p>${children(node, ctx)}</p>\n`;
    case 'heading':
      return `<h${node.depth}>${children(node, ctx)}</h${node.depth}>\n`;
    case 'text':
      return escapeHtml(fill(node.value, ctx.values, ctx.unknown));
    case 'html':
      // Raw HTML is shown as written, never interpreted.
      return escapeHtml(node.value);
    case 'emphasis':
      return `<em>${children(node, ctx)}</em>`;
    case 'strong':
      return `<strong>${children(node, ctx)}</strong>`;
    case 'delete':
      return `<del>${children(node, ctx)}</del>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>\n`;
    case 'break':
      return '<br>';
    case 'thematicBreak':
      return '<hr>\n';
    case 'blockquote':
      return `<blockquote>${children(node, ctx)}</blockquote>\n`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start != null && node.start !== 1 ? ` start="${Math.trunc(node.start)}"` : '';
      return `<${tag}${start}>${children(node, ctx)}</${tag}>\n`;
    }
    case 'listItem': {
      const box = node.checked == null ? '' : node.checked ? '☑ ' : '☐ ';
      // Tight list items hold paragraphs too; unwrap them so the item does not get paragraph margins.
      const inner = node.spread ? children(node, ctx) : node.children.map((c) => (c.type === 'paragraph' ? children(c, ctx) : toHtml(c, ctx))).join('');
      return `<li>${box}${inner}</li>`;
    }
    case 'link': {
      const text = children(node, ctx);
      const url = printableUrl(node.url);
      const shown = plainText(node, ctx).trim();
      return url && url !== shown ? `${text} <span class="alamat-tautan">(${escapeHtml(url)})</span>` : text;
    }
    case 'linkReference':
      return children(node, ctx);
    case 'image':
    case 'imageReference':
      return node.alt ? `<span class="gambar">[${escapeHtml(fill(node.alt, ctx.values, ctx.unknown))}]</span>` : '';
    case 'table':
      return table(node, ctx);
    case 'footnoteReference': {
      const n = ctx.footnotes.get(node.identifier) ?? ctx.footnotes.size + 1;
      ctx.footnotes.set(node.identifier, n);
      return `<sup>${n}</sup>`;
    }
    case 'footnoteDefinition': {
      const n = ctx.footnotes.get(node.identifier) ?? ctx.footnotes.size + 1;
      ctx.footnotes.set(node.identifier, n);
      return `<div class="catatan-kaki"><sup>${n}</sup> ${node.children.map((c) => (c.type === 'paragraph' ? children(c, ctx) : toHtml(c, ctx))).join('')}</div>\n`;
    }
    default:
      // tableRow/tableCell are handled by `table`; anything newer prints as its text.
      return escapeHtml(plainText(node, ctx));
  }
}

function frontmatter(root: Root): Record<string, unknown> {
  const node = root.children[0];
  if (node?.type !== 'yaml') return {};
  let data: unknown;
  try {
    data = parseYaml(node.value);
  } catch (e) {
    throw new Error(`frontmatter YAML tidak dapat dibaca: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('frontmatter harus berisi pasangan `kunci: nilai`.');
  return data as Record<string, unknown>;
}

function signatureOf(value: unknown, ctx: Ctx): { lines: string[] } | undefined {
  if (value === true) return { lines: [] };
  if (value == null || value === false) return undefined;
  const lines = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((l) => typeof l === 'string' || typeof l === 'number').map(String) : undefined;
  if (!lines) throw new Error('`tanda_tangan` harus true, false, atau daftar baris (mis. "Ditetapkan di …").');
  return { lines: lines.map((l) => fill(l, ctx.values, ctx.unknown)) };
}

/** Renders one front-matter page. Throws PlaceholderError for unknown `{{…}}` names. */
export function renderMarkdownPage(source: string, values: Placeholders): MarkdownPage {
  const root = processor.parse(source.replace(/^\uFEFF/, ''));
  const meta = frontmatter(root);
  const ctx: Ctx = { values, unknown: new Set(), footnotes: new Map() };
  const body = root.children.filter((c) => c.type !== 'yaml');
  const first = body[0];
  const hasHeading = first?.type === 'heading' && first.depth === 1;
  const headingText = body.find((c) => c.type === 'heading' && c.depth === 1);
  const blocks = body.map((c) => toHtml(c, ctx)).filter((b) => b !== '');
  const html = blocks.join('');
  const judul = typeof meta.judul === 'string' && meta.judul.trim() ? fill(meta.judul.trim(), values, ctx.unknown) : undefined;
  const title = judul ?? (headingText ? plainText(headingText, ctx).replace(/\s+/g, ' ').trim() : undefined);
  const order = typeof meta.urutan === 'number' && Number.isFinite(meta.urutan) ? meta.urutan : undefined;
  const signature = signatureOf(meta.tanda_tangan, ctx);
  if (ctx.unknown.size) throw new PlaceholderError([...ctx.unknown].sort(), Object.keys(values).sort());
  return { ...(title ? { title } : {}), ...(order !== undefined ? { order } : {}), ...(signature ? { signature } : {}), html, blocks, hasHeading };
}
