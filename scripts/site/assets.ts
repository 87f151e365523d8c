// Static files of the site: the stylesheet with Arimo's @font-face rules (the font files are
// copied from node_modules, so no page asks another host for a font), the scripts and the icon.
import { readFileSync } from 'node:fs';
import { webFontFaces } from '../kit/fonts.ts';
import { listLayouts, type LayoutFiles } from '../layouts/files.ts';

export interface AssetFile {
  /** Site-relative path. */
  path: string;
  /** Contents, or the absolute path of a file to copy. */
  data?: string;
  from?: string;
}

/** `@font-face` rules pointing at `font/<file>.woff2` (relative to assets/), and the files they need. */
export function fontAssets(): { css: string; files: AssetFile[] } {
  const { css, files } = webFontFaces();
  return { css, files: files.map((f) => ({ path: `assets/font/${f.name}`, from: f.from })) };
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
