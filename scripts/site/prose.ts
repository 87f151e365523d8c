// The Markdown prose of an SOP (text before/after the procedure table) → safe HTML for its page.
// Raw HTML in the source is dropped (remark-rehype without allowDangerousHtml), the result is
// sanitized with GitHub's allow-list, images become their alt text (the site loads nothing from
// another host), and headings are pushed below the page's own h1/h2.
import type { Nodes as MdNodes, Root as MdRoot } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['img', 'picture', 'source', 'video', 'audio', 'iframe'].includes(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

/** Images → alt text; headings h1..h4 → h3..h6. */
function adjust(this: unknown) {
  return (tree: MdRoot) => {
    const walk = (node: MdNodes, parent?: { children: MdNodes[] }, index?: number) => {
      if (node.type === 'image' || node.type === 'imageReference') {
        if (parent && index !== undefined) parent.children[index] = { type: 'text', value: node.alt ?? '' };
        return;
      }
      if (node.type === 'heading') node.depth = Math.min(6, node.depth + 2) as 3 | 4 | 5 | 6;
      if ('children' in node) node.children.forEach((child, i) => walk(child as MdNodes, node as { children: MdNodes[] }, i));
    };
    walk(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(adjust)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

/** Sanitized HTML, or '' when the prose is empty. */
export function proseHtml(markdown: string): string {
  if (!markdown.trim()) return '';
  return String(processor.processSync(markdown)).trim();
}
