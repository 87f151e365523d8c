// The one Handlebars loader (SOP document, book, site): a private Handlebars with the folder's
// partials/*.hbs registered, and the named templates compiled. Every file is resolved through
// the project's LayoutFiles, so an office's layouts/ overrides sop-press's file by file.
// Loading is I/O, done once per command; rendering is pure. `{{…}}` escapes every value.
import type Handlebars from 'handlebars';
import { listLayouts, readLayout, type LayoutFiles } from '../layouts/files.ts';
import { loadPackage, once } from './lazy.ts';

// Loaded with the first layout (Handlebars is some forty modules): a build with nothing to print renders nothing.
const handlebars = once(() => loadPackage<typeof Handlebars>('handlebars'));

export type Template = Handlebars.TemplateDelegate;

/**
 * Templates of one layout folder: `sub` is '' for layouts/ itself, else e.g. 'book' or 'site';
 * `names` are file names inside it.
 */
export function loadTemplates<K extends string>(
  layouts: LayoutFiles,
  sub: string,
  names: Record<K, string>,
  helpers: Record<string, Handlebars.HelperDelegate> = {},
): Record<K, Template> {
  const hb = handlebars().create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const prefix = sub ? `${sub}/` : '';
  for (const f of listLayouts(layouts, `${prefix}partials`, '.hbs')) {
    hb.registerPartial(f.name.replace(/\.hbs$/, ''), readLayout(layouts, `${prefix}partials/${f.name}`));
  }
  const out = {} as Record<K, Template>;
  for (const [key, file] of Object.entries(names) as Array<[K, string]>) {
    out[key] = hb.compile(readLayout(layouts, `${prefix}${file}`), { strict: false, preventIndent: true });
  }
  return out;
}
