// Markdown → mdast with the YAML frontmatter as a node (remark-frontmatter) and GFM tables.
// Only the table extension of GFM: autolinks, footnotes and the rest are the site's business,
// and leaving them out makes checking 1,000 SOPs noticeably faster.
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTable).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
