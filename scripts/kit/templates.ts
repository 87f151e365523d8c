// The one Handlebars loader (SOP document, book, site): a private Handlebars with the folder's
// partials/*.hbs registered, and the named templates compiled. Loading is I/O, done once per
// command; rendering is pure. `{{…}}` escapes every value.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export type Template = Handlebars.TemplateDelegate;

export function loadTemplates<K extends string>(dir: string, files: Record<K, string>, helpers: Record<string, Handlebars.HelperDelegate> = {}): Record<K, Template> {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  const partials = path.join(dir, 'partials');
  if (existsSync(partials)) {
    for (const f of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
      hb.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(path.join(partials, f), 'utf8'));
    }
  }
  const out = {} as Record<K, Template>;
  for (const [key, file] of Object.entries(files) as Array<[K, string]>) {
    out[key] = hb.compile(readFileSync(path.join(dir, file), 'utf8'), { strict: false, preventIndent: true });
  }
  return out;
}
