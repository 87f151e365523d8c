// Front-matter pages of the book (kata pengantar, keputusan …): Markdown → safe HTML through the
// kit's preset (kit/markdown.ts), with the plugins paper needs. Raw HTML in the source is printed
// as text, images become their alt text and links their text plus the address, so the printed
// page never loads anything and never runs anything.
import type { Element, Root as HastRoot } from 'hast';
import type { Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import { SopError } from '../errors.ts';
import { fillPlaceholders, markdownPreset, remarkPlaceholders, type Placeholders } from '../kit/markdown.ts';

export type { Placeholders };

export class PlaceholderError extends SopError {
  readonly names: string[];
  constructor(names: string[], known: string[]) {
    super(`Isian ${names.map((n) => `{{${n}}}`).join(', ')} tidak dikenal (yang tersedia: ${known.map((k) => `{{${k}}}`).join(', ')}).`, {
      hint: 'Perbaiki nama isiannya, atau hapus kurung kurawalnya bila memang ingin mencetak teks itu.',
    });
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

/** An mdast node that becomes `<tag class="…">` (mdast-util-to-hast honours `data.hName`). */
function element(tag: string, className: string | undefined, children: PhrasingContent[]): PhrasingContent {
  return { type: 'emphasis', data: { hName: tag, ...(className ? { hProperties: { className: [className] } } : {}) }, children };
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

/**
 * Plugin for paper: raw HTML as text, images as `[alt]`, links as their text plus the printed
 * address, task boxes as ☑/☐, footnotes as plain numbered notes, layout tables marked.
 */
function remarkPaper() {
  return (tree: Root) => {
    const footnotes = new Map<string, number>();
    const number = (id: string) => footnotes.get(id) ?? (footnotes.set(id, footnotes.size + 1), footnotes.size);
    // Children first, so a link's image is already text when the link is flattened.
    const transform = (parent: Parents) => {
      parent.children = (parent.children as Nodes[]).flatMap((node) => {
        if ('children' in node) transform(node);
        return paper(node, number);
      }) as typeof parent.children;
    };
    transform(tree);
  };
}

function paper(node: Nodes, number: (id: string) => number): Nodes[] {
  switch (node.type) {
    case 'html':
      return [{ type: 'text', value: node.value }];
    case 'image':
    case 'imageReference':
      return node.alt ? [element('span', 'gambar', [{ type: 'text', value: `[${node.alt}]` }])] : [];
    case 'link': {
      const url = printableUrl(node.url);
      const shown = toString(node).trim();
      return url && url !== shown ? [...node.children, { type: 'text', value: ' ' }, element('span', 'alamat-tautan', [{ type: 'text', value: `(${url})` }])] : node.children;
    }
    case 'linkReference':
      return node.children;
    case 'listItem':
      if (node.checked != null) {
        const first = node.children[0];
        if (first?.type === 'paragraph') first.children.unshift({ type: 'text', value: node.checked ? '☑ ' : '☐ ' });
        node.checked = null;
      }
      return [node];
    case 'footnoteReference':
      return [element('sup', undefined, [{ type: 'text', value: String(number(node.identifier)) }])];
    case 'footnoteDefinition': {
      const inner = node.children.flatMap((c) => (c.type === 'paragraph' ? c.children : [c as unknown as PhrasingContent]));
      const sup = element('sup', undefined, [{ type: 'text', value: String(number(node.identifier)) }]);
      return [{ type: 'paragraph', data: { hName: 'div', hProperties: { className: ['catatan-kaki'] } }, children: [sup, { type: 'text', value: ' ' }, ...inner] }];
    }
    case 'table':
      if (isLayoutTable(node)) node.data = { hProperties: { className: ['tata-letak'] } };
      return [node];
    default:
      return [node];
  }
}

/** rehype plugin: a layout table has no header row. */
function rehypeLayoutTables() {
  return (tree: HastRoot) => {
    const visit = (node: HastRoot | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'table' && String(child.properties.className ?? '').includes('tata-letak')) {
          child.children = child.children.filter((c) => !(c.type === 'element' && c.tagName === 'thead'));
        }
        visit(child);
      }
    };
    visit(tree);
  };
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

function signatureOf(value: unknown, fill: (s: string) => string): { lines: string[] } | undefined {
  if (value === true) return { lines: [] };
  if (value == null || value === false) return undefined;
  const lines = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((l) => typeof l === 'string' || typeof l === 'number').map(String) : undefined;
  if (!lines) throw new Error('`tanda_tangan` harus true, false, atau daftar baris (mis. "Ditetapkan di …").');
  return { lines: lines.map(fill) };
}

/** Renders one front-matter page. Throws PlaceholderError for unknown `{{…}}` names. */
export function renderMarkdownPage(source: string, values: Placeholders): MarkdownPage {
  const unknown = new Set<string>();
  const processor = markdownPreset(
    [[remarkFrontmatter, ['yaml']], [remarkPlaceholders, values, unknown], remarkPaper],
    { span: ['gambar', 'alamat-tautan'], table: ['tata-letak'], div: ['catatan-kaki'] },
    [rehypeLayoutTables],
  );
  const mdast = processor.parse(source.replace(/^\uFEFF/, ''));
  const meta = frontmatter(mdast);
  const body = mdast.children.filter((c) => c.type !== 'yaml');
  const first = body[0];
  const hasHeading = first?.type === 'heading' && first.depth === 1;
  const fill = (s: string) => fillPlaceholders(s, values, unknown);
  const headingNode = body.find((c): c is RootContent & { type: 'heading' } => c.type === 'heading' && c.depth === 1);
  const headingText = headingNode ? fill(toString(headingNode as Parents)).replace(/\s+/g, ' ').trim() : undefined;
  const hast = processor.runSync(mdast) as HastRoot;
  const blocks = hast.children
    .filter((c) => !(c.type === 'text' && !c.value.trim()))
    .map((c) => processor.stringify({ type: 'root', children: [c] }) + (c.type === 'element' ? '\n' : ''));
  const html = blocks.join('');
  const judul = typeof meta.judul === 'string' && meta.judul.trim() ? fill(meta.judul.trim()) : undefined;
  const title = judul ?? headingText;
  const order = typeof meta.urutan === 'number' && Number.isFinite(meta.urutan) ? meta.urutan : undefined;
  const signature = signatureOf(meta.tanda_tangan, fill);
  if (unknown.size) throw new PlaceholderError([...unknown].sort(), Object.keys(values).sort());
  return { ...(title ? { title } : {}), ...(order !== undefined ? { order } : {}), ...(signature ? { signature } : {}), html, blocks, hasHeading };
}
