// The bare baseline as a process of its own, so it is timed like `sop build` (start-up
// included): print every *.html of a folder with plain puppeteer-core, nothing else.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printBaseline } from '../print/baseline.ts';

const [htmlDir, outDir, root, width = '297mm', height = '210mm'] = process.argv.slice(2);
if (!htmlDir || !outDir || !root) throw new Error('usage: baseline-cli.ts HTML_DIR OUT_DIR ROOT [WIDTH HEIGHT]');
const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html')).sort();
const pdfs = await printBaseline(files.map((f) => readFileSync(path.join(htmlDir, f), 'utf8')), {
  baseUrl: pathToFileURL(root + path.sep).href,
  width,
  height,
});
pdfs.forEach((pdf, i) => writeFileSync(path.join(outDir, files[i]!.replace(/\.html$/, '.pdf')), pdf));
