// The one font module. Fonts ship with the project (npm font packages), so every machine prints
// and shows the same glyphs. Arimo is metric-compatible with Arial, the face most official SOPs
// are typed in. The PDF, the book and the site use the same three faces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
/** Regular, bold, italic. */
const FACES = ['400.css', '700.css', '400-italic.css'];

/** Folder of the font package: the printer must be allowed to read it. */
export function fontDir(): string {
  return path.dirname(require.resolve('@fontsource/arimo/package.json'));
}

/** Arimo Regular (latin) as WOFF 1.0: flowchart labels are measured with its advance widths. */
export function regularWoffFile(): string {
  return path.join(fontDir(), 'files', 'arimo-latin-400-normal.woff');
}

/** Arimo Bold (latin) as WOFF 1.0: table headers (the author's words, the actor names) are measured with it. */
export function boldWoffFile(): string {
  return path.join(fontDir(), 'files', 'arimo-latin-700-normal.woff');
}

/** The package's @font-face stylesheets, for the build's change detection. */
export function fontFiles(): string[] {
  return FACES.map((f) => path.join(fontDir(), f));
}

let printed: string | undefined;

/** @font-face rules with absolute file: URLs, for printing (the printer only allows known files). */
export function fontFaceCss(): string {
  const dir = fontDir();
  printed ??= FACES.map((f) =>
    readFileSync(path.join(dir, f), 'utf8').replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => `url(${pathToFileURL(path.join(dir, 'files', file)).href})`),
  ).join('\n');
  return printed;
}

/**
 * @font-face rules for the web: woff2 only (every browser that runs the site reads it, and it
 * halves what is shipped), at `font/<file>` relative to the stylesheet; plus the files to copy.
 */
export function webFontFaces(): { css: string; files: Array<{ name: string; from: string }> } {
  const dir = fontDir();
  const used = new Set<string>();
  const css = FACES.map((f) =>
    readFileSync(path.join(dir, f), 'utf8').replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)(?:,\s*url\([^)]+\)\s*format\('woff'\))?/g, (_, file: string) => {
      used.add(file);
      return `src: url(font/${file}) format('woff2')`;
    }),
  ).join('\n');
  if (/url\(\.\/files\//.test(css)) throw new Error('@fontsource/arimo: format @font-face tidak dikenali.');
  return { css, files: [...used].sort().map((name) => ({ name, from: path.join(dir, 'files', name) })) };
}
