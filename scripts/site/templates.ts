// The site's Handlebars layouts (layouts/site/). Loading is I/O, done once; rendering is pure.
// Every value is escaped by Handlebars (`{{…}}`); the only raw insertions (`{{{…}}}`) are the
// sanitized prose and the generated flowchart SVG.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export const PAGE_KINDS = ['beranda', 'katalog', 'sop', 'cari', '404'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type SiteTemplates = Record<PageKind, Handlebars.TemplateDelegate>;

export function loadSiteTemplates(dir: string): SiteTemplates {
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const partials = path.join(dir, 'partials');
  for (const f of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(path.join(partials, f), 'utf8'));
  }
  const compile = (kind: PageKind) => hb.compile(readFileSync(path.join(dir, `${kind}.hbs`), 'utf8'), { preventIndent: true });
  return Object.fromEntries(PAGE_KINDS.map((k) => [k, compile(k)])) as SiteTemplates;
}
