// Markdown → mdast for `sop check`, which only looks for the procedure table: GFM tables and
// otherwise plain paragraphs. Everything else CommonMark knows (block quotes,
// lists, emphasis, links, headings, HTML) is switched off: the check needs none of it, and
// micromark resolves several of those constructs in time quadratic in their nesting or count
// (a 100,000-deep `> > >`, thousands of unmatched `*`, `a\n===` repeated). Without them the
// parse is linear, and table cells are the plain text the PDF prints.
import type { Root } from 'mdast';
import type * as GfmTableMdast from 'mdast-util-gfm-table';
import type * as GfmTable from 'micromark-extension-gfm-table';
import type * as RemarkParse from 'remark-parse';
import type * as Unified from 'unified';
import type { Processor } from 'unified';
import { loadPackage, once } from '../kit/lazy.ts';

/** micromark constructs the check does without (names from micromark-core-commonmark). */
const UNUSED = [
  'attention', 'autolink', 'blockQuote', 'codeIndented', 'codeText', 'definition', 'hardBreakEscape', 'headingAtx',
  'htmlFlow', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink', 'list', 'setextUnderline', 'thematicBreak',
];

function remarkPlainWithTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(loadPackage<typeof GfmTable>('micromark-extension-gfm-table').gfmTable(), { disable: { null: UNUSED } });
  (data.fromMarkdownExtensions ??= []).push(loadPackage<typeof GfmTableMdast>('mdast-util-gfm-table').gfmTableFromMarkdown());
}

// Loaded on the first parse: a check whose files all come from its cache parses nothing.
const processor = once(() => loadPackage<typeof Unified>('unified').unified().use(loadPackage<typeof RemarkParse>('remark-parse').default).use(remarkPlainWithTables).freeze());

export function parseMarkdown(text: string): Root {
  return processor().parse(text);
}
