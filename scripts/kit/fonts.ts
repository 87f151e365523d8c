// Fonts ship with the project (npm font packages), so every machine prints the same glyphs.
// Arimo is metric-compatible with Arial, the face most official SOPs are typed in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const FACES = ['400.css', '700.css', '400-italic.css'];

let cached: string | undefined;

/** @font-face rules with absolute file: URLs (the printer only allows project files). */
export function fontFaceCss(): string {
  if (cached) return cached;
  const dir = path.dirname(require.resolve('@fontsource/arimo/package.json'));
  cached = FACES.map((f) =>
    readFileSync(path.join(dir, f), 'utf8').replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => `url(${pathToFileURL(path.join(dir, 'files', file)).href})`),
  ).join('\n');
  return cached;
}

/** Folder of the font package: the printer must be allowed to read it. */
export function fontDir(): string {
  return path.dirname(require.resolve('@fontsource/arimo/package.json'));
}

/** Font files, for the build's change detection. */
export function fontFiles(): string[] {
  const dir = path.dirname(require.resolve('@fontsource/arimo/package.json'));
  return FACES.map((f) => path.join(dir, f));
}
