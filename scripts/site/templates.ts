// The site's Handlebars layouts (layouts/site/). Every value is escaped by Handlebars (`{{…}}`);
// the only raw insertions (`{{{…}}}`) are the sanitized prose and the generated flowchart SVG.
import type { LayoutFiles } from '../layouts/files.ts';
import { loadTemplates, type Template } from '../kit/templates.ts';

export const PAGE_KINDS = ['beranda', 'katalog', 'sop', 'cari', '404'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type SiteTemplates = Record<PageKind, Template>;

export function loadSiteTemplates(layouts: LayoutFiles): SiteTemplates {
  const files = Object.fromEntries(PAGE_KINDS.map((k) => [k, `${k}.hbs`])) as Record<PageKind, string>;
  return loadTemplates(layouts, 'site', files, { eq: (a: unknown, b: unknown) => a === b });
}
