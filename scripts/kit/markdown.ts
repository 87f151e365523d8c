// The one preset for office-written Markdown → safe HTML, used by the book and the site:
// GFM → remark-rehype (raw HTML dropped) → rehype-sanitize (GitHub's
// allow-list, no media, web and mail links only) → rehype-stringify, with small mdast plugins
// switched on per use: images as their alt text (nothing is loaded from another host), headings
// shifted below the page's own, `{{placeholders}}` filled, link addresses printed (paper).
import type { Nodes as MdNodes, Root as MdRoot } from 'mdast';
import type * as RehypeSanitize from 'rehype-sanitize';
import type * as RehypeStringify from 'rehype-stringify';
import type * as RemarkGfm from 'remark-gfm';
import type * as RemarkParse from 'remark-parse';
import type * as RemarkRehype from 'remark-rehype';
import type * as Unified from 'unified';
import type { PluggableList } from 'unified';
import { loadPackage, once } from './lazy.ts';

// The unified/rehype stack (~150 ms to load) is loaded by the first preset built, not by
// importing this module: `sop check` imports it for the placeholders and rarely renders.
const stack = once(() => {
  const { default: rehypeSanitize, defaultSchema } = loadPackage<typeof RehypeSanitize>('rehype-sanitize');
  const schema = {
    ...defaultSchema,
    tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'picture', 'source', 'video', 'audio', 'iframe'].includes(t)),
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
  };
  return {
    schema,
    rehypeSanitize,
    rehypeStringify: loadPackage<typeof RehypeStringify>('rehype-stringify').default,
    remarkGfm: loadPackage<typeof RemarkGfm>('remark-gfm').default,
    remarkParse: loadPackage<typeof RemarkParse>('remark-parse').default,
    remarkRehype: loadPackage<typeof RemarkRehype>('remark-rehype').default,
    unified: loadPackage<typeof Unified>('unified').unified,
  };
});

/**
 * The preset: `plugins` (mdast) run between parsing and remark-rehype. `classes`: class names
 * the plugins put on elements, allowed through the sanitizer (tag → names).
 */
export function markdownPreset(plugins: PluggableList, classes: Record<string, string[]> = {}, hastPlugins: PluggableList = []) {
  const { schema, rehypeSanitize, rehypeStringify, remarkGfm, remarkParse, remarkRehype, unified } = stack();
  const attributes = { ...schema.attributes };
  for (const [tag, names] of Object.entries(classes)) attributes[tag] = [...(attributes[tag] ?? []), ['className', ...names]];
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(plugins)
    .use(remarkRehype)
    .use(hastPlugins)
    .use(rehypeSanitize, { ...schema, attributes })
    .use(rehypeStringify)
    .freeze();
}

type Parent = { children: MdNodes[] };

/** Calls `visit` on every node below `tree`, with its parent and index (replace in place). */
export function walk(tree: MdNodes, visit: (node: MdNodes, parent: Parent | undefined, index: number) => boolean | void, parent?: Parent, index = 0): void {
  if (visit(tree, parent, index) === false) return;
  if ('children' in tree) tree.children.forEach((child, i) => walk(child as MdNodes, visit, tree as Parent, i));
}

/** Plugin: images → their alt text. */
export function remarkImagesAsText() {
  return (tree: MdRoot) =>
    walk(tree, (node, parent, index) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      if (parent) parent.children[index] = { type: 'text', value: node.alt ?? '' };
      return false;
    });
}

/** Plugin: heading levels pushed down by `by` (at most h6). */
export function remarkShiftHeadings(by: number) {
  return (tree: MdRoot) =>
    walk(tree, (node) => {
      if (node.type === 'heading') node.depth = Math.min(6, node.depth + by) as 1 | 2 | 3 | 4 | 5 | 6;
    });
}

/** The SOP prose on its site page: below the page's h1/h2. */
const prose = once(() => markdownPreset([remarkImagesAsText, [remarkShiftHeadings, 2]]));

/** Sanitized HTML of an SOP's prose, or '' when it is empty. */
export function proseHtml(markdown: string): string {
  if (!markdown.trim()) return '';
  return String(prose().processSync(markdown)).trim();
}

/** Values for `{{nama}}` placeholders. */
export type Placeholders = Record<string, string>;

/** `{{ nama }}`, `{{NAMA}}`: names are matched in lower case. */
export const PLACEHOLDER = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi;

/** Fills `{{nama}}` placeholders (`{{NAMA}}` in capitals); unknown names are collected in `unknown`. */
export function fillPlaceholders(text: string, values: Placeholders, unknown: Set<string>): string {
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

/** Plugin: placeholders filled in text and image descriptions (never in code). */
export function remarkPlaceholders(values: Placeholders, unknown: Set<string>) {
  return (tree: MdRoot) =>
    walk(tree, (node) => {
      if (node.type === 'text') node.value = fillPlaceholders(node.value, values, unknown);
      else if ((node.type === 'image' || node.type === 'imageReference') && node.alt) node.alt = fillPlaceholders(node.alt, values, unknown);
    });
}
