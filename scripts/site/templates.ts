// The site's Handlebars layouts (layouts/site/). Loading is I/O, done once; rendering is pure.
// Every value is escaped by Handlebars (`{{…}}`); the only raw insertions (`{{{…}}}`) are the
// sanitized prose and the generated flowchart SVG.
import Handlebars from 'handlebars';
import { listLayouts, readLayout, type LayoutFiles } from '../layouts/files.ts';

export const PAGE_KINDS = ['beranda', 'katalog', 'sop', 'cari', '404'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type SiteTemplates = Record<PageKind, Handlebars.TemplateDelegate>;

export function loadSiteTemplates(files: LayoutFiles): SiteTemplates {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const f of listLayouts(files, 'site/partials', '.hbs')) {
    hb.registerPartial(f.name.replace(/\.hbs$/, ''), readLayout(files, `site/partials/${f.name}`));
  }
  const compile = (kind: PageKind) => hb.compile(readLayout(files, `site/${kind}.hbs`), { preventIndent: true });
  return Object.fromEntries(PAGE_KINDS.map((k) => [k, compile(k)])) as SiteTemplates;
}
