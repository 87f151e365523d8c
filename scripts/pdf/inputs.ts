// What a PDF depends on, hashed: the SOP source, its instansi.yml and logo, the layouts,
// the fonts and the pipeline code that draws and prints. Unchanged hash = nothing to do.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instansi, Sop } from '../model/sop.ts';
import { sopDigest } from '../model/sop-digest.ts';
import type { SopContext } from '../view/sop-view.ts';
import { bundledCodeDigest } from '../kit/code-digest.ts';
import { fontFiles } from '../kit/fonts.ts';
import { loadAsset } from '../source/assets.ts';
import { pdfLayoutPaths, type LayoutFiles } from '../layouts/files.ts';
import { entriesUnder } from '../kit/tree.ts';
import { sha256 } from '../output/vouch.ts';

/** scripts/ from the sources, dist/ installed. */
const codeDir = fileURLToPath(new URL('../', import.meta.url));
/** Pipeline stages whose code changes the printed PDF. */
const STAGES = ['model', 'kit', 'plan', 'flow', 'render', 'print', 'pdf'];

/**
 * The code that draws and prints: those stages' folders of the sources. The installed package's
 * bundle has no folder per stage: all of it counts, by the digest written when it was bundled
 * (kit/code-digest.ts), or by its files where there is none.
 */
function pipelineCode(): string[] {
  return path.extname(import.meta.url) === '.ts' ? STAGES.flatMap((s) => listFiles(path.join(codeDir, s))) : bundledCodeDigest() ? [] : listFiles(codeDir);
}

function listFiles(dir: string): string[] {
  return entriesUnder(dir)
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Hash of everything every SOP shares (layouts, fonts, code). Computed once per build. */
export function sharedInputsHash(layouts: LayoutFiles): string {
  const h = createHash('sha256');
  // The site's and the book's layouts (layouts/site, layouts/book) do not change an SOP's PDF.
  const files = [...pdfLayoutPaths(layouts), ...fontFiles(), ...pipelineCode()];
  for (const f of files) h.update(f.slice(f.lastIndexOf('/') + 1)).update(readFileSync(f));
  return h.update(bundledCodeDigest() ?? '').digest('hex');
}

/**
 * The normalized SOP already holds everything the source and its cascade decided. Its paths are
 * relative to the project, so the key survives moving the project folder (a CI cache hits).
 */
export function sopInputsHash(sop: Sop, shared: string, root: string, context: SopContext = {}): string {
  // The SOP by its digest (model/sop-digest.ts: a cached SOP's is known without serialising it),
  // its instansi once per object (every SOP of an office shares it). The context (e.g. the number
  // of the SOP that replaces it) is printed too.
  // One string hashed at once (the same digest as feeding the parts in turn, at half the cost).
  // The logo's checked bytes (what is printed), not its path: judged again as `sop check` did.
  const logo = sop.instansi.logo ? loadAsset(root, sop.instansi.logo).sha256 : '';
  return sha256(shared + sopDigest(sop) + instansiJson(sop.instansi) + JSON.stringify(context) + logo);
}

const instansiJsons = new WeakMap<Instansi, string>();

function instansiJson(instansi: Instansi): string {
  let json = instansiJsons.get(instansi);
  if (json === undefined) instansiJsons.set(instansi, (json = JSON.stringify(instansi)));
  return json;
}

/** What an SOP's print depends on besides its own source: the shared inputs and its logo. */
export function printInputsHash(sop: Sop, shared: string, root: string): string {
  const h = createHash('sha256').update(shared);
  if (sop.instansi.logo) h.update(loadAsset(root, sop.instansi.logo).sha256);
  return h.digest('hex');
}
