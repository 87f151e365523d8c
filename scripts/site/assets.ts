// Static files of the site: the stylesheet with Arimo's @font-face rules (the font files are
// copied from node_modules, so no page asks another host for a font), the scripts and the icon.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listLayouts, type LayoutFiles } from '../layouts/files.ts';

const require = createRequire(import.meta.url);
/** The faces the site uses: regular, bold, italic (the PDF uses the same three). */
const FACES = ['400.css', '700.css', '400-italic.css'];

export interface AssetFile {
  /** Site-relative path. */
  path: string;
  /** Contents, or the absolute path of a file to copy. */
  data?: string;
  from?: string;
}

/** `@font-face` rules pointing at `font/<file>.woff2` (relative to assets/), and the files they need. */
export function fontAssets(): { css: string; files: AssetFile[] } {
  const dir = path.dirname(require.resolve('@fontsource/arimo/package.json'));
  const used = new Set<string>();
  const css = FACES.map((f) =>
    readFileSync(path.join(dir, f), 'utf8')
      // woff2 only: every browser that runs this site reads it, and it halves what is shipped.
      .replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)(?:,\s*url\([^)]+\)\s*format\('woff'\))?/g, (_, file: string) => {
        used.add(file);
        return `src: url(font/${file}) format('woff2')`;
      }),
  ).join('\n');
  if (/url\(\.\/files\//.test(css)) throw new Error('@fontsource/arimo: format @font-face tidak dikenali.');
  const files = [...used].sort().map((file) => ({ path: `assets/font/${file}`, from: path.join(dir, 'files', file) }));
  return { css, files };
}

/** Everything under layouts/site/assets, with Arimo prepended to situs.css. */
export function siteAssets(layouts: LayoutFiles): AssetFile[] {
  const fonts = fontAssets();
  const out: AssetFile[] = [...fonts.files];
  for (const { name, path: from } of listLayouts(layouts, 'site/assets')) {
    if (name === 'situs.css') out.push({ path: 'assets/situs.css', data: `${fonts.css}\n${readFileSync(from, 'utf8')}` });
    else out.push({ path: `assets/${name}`, from });
  }
  return out;
}
