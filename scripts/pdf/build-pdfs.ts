// `sop build`: every valid SOP → output/pdf/<instansi>/<slug>.pdf plus its signing manifest.
// Measures all stale SOPs in one browser page, plans pages and flowcharts in Node, then prints
// through the page pool. Unchanged SOPs are skipped (their files are linked into the new set);
// output/pdf switches to the new set of files at once (see output/sets.ts).
import path from 'node:path';
import { layoutFiles } from '../layouts/files.ts';
import { projectDirs } from '../model/paths.ts';
import type { Sop } from '../model/sop.ts';
import type { Printer } from '../print/pool.ts';
import { printInputsHash, sharedInputsHash, sopInputsHash } from './inputs.ts';
import { partItems, sourceParts, type SourceParts } from './parts.ts';
import type { Measurement } from '../plan/procedure.ts';
import { sopContexts } from '../model/relations.ts';
import { listFiles, replaceSet, shownSet, type ShownSet, tidy } from '../output/sets.ts';

export interface BuildOptions {
  root: string;
  outDir?: string;
  /** Rebuild everything, ignoring the cache. */
  force?: boolean;
  /**
   * `sops` is all the content: the new set holds only their files, not those of SOPs that no
   * longer exist (renamed, deleted) nor anything else found in output/pdf.
   */
  prune?: boolean;
  printer: () => Promise<Printer>;
  /**
   * Also write `<slug>.html` beside each PDF: the HTML that was printed, made self-contained
   * (fonts and logo inlined; the PDF is printed from that very file).
   */
  html?: { allowedDirs: readonly string[] };
  onProgress?: (done: number, total: number, sop: Sop) => void;
  /**
   * Print only the SOPs this is true of (a CI job's share, `sop build --bagian`); the others
   * still give the printed ones their context (e.g. the number of the SOP replacing one).
   */
  only?: (sop: Sop) => boolean;
  /** Files the new set holds besides the SOPs' own, made from them (a CI share's bagian.json). */
  extra?: (set: { dir: string; built: BuiltPdf[]; hash: (id: string) => string }) => Record<string, string>;
  /** sharedInputsHash of the layouts, when the caller has it already. */
  shared?: string;
}

export interface BuiltPdf {
  sop: Sop;
  /** Absolute path of the PDF. */
  pdf: string;
  manifest?: string;
  /** Absolute path of the printed HTML (`--html`). */
  html?: string;
  /** False when the previous PDF was still current. */
  rebuilt: boolean;
  /** Row heights etc. as measured for the PDF: the site draws the same flowchart from them. */
  measurement: Measurement;
}

export interface CacheFile {
  version: 3;
  entries: Record<string, { hash: string; measurement: Measurement }>;
}

/** Where the PDF of an SOP goes, relative to the output directory (`under = ''`: to the pdf set). */
export function pdfPath(sop: Sop, under = 'pdf/'): string {
  return `${under}${sop.instansi.id}/${sop.slug}.pdf`;
}

/** The signing manifest beside the PDF, relative to the pdf set. */
export function manifestRel(sop: Sop): string {
  return pdfPath(sop, '').replace(/\.pdf$/, '.ttd.json');
}

/** Where the printed HTML of an SOP goes (`--html`), beside its PDF: relative to the output directory (`under = ''`: to the pdf set). */
export function htmlPath(sop: Sop, under = 'pdf/'): string {
  return pdfPath(sop, under).replace(/\.pdf$/, '.html');
}

function htmlFile(outDir: string, sop: Sop, options: Pick<BuildOptions, 'html'>): { html?: string } {
  return options.html ? { html: path.join(outDir, htmlPath(sop)) } : {};
}

export async function buildPdfs(all: Sop[], options: BuildOptions): Promise<BuiltPdf[]> {
  const sops = options.only ? all.filter(options.only) : all;
  const dirs = projectDirs(options.root, options.outDir);
  const outDir = dirs.output;
  // Only what this machine vouches for: a committed or copied PDF or cache entry is rebuilt.
  const previous = shownSet(outDir, 'pdf');
  // The cache lives beside its set, so it always describes the PDFs shown.
  const cache = readCache(previous?.meta());
  const layoutSources = layoutFiles(options.root);
  const shared = options.shared ?? sharedInputsHash(layoutSources);
  const contexts = sopContexts(all);
  const hashes = new Map(sops.map((s) => [s.id, sopInputsHash(s, shared, options.root, contexts.get(s.id))]));
  const stale = sops.filter(
    (s) =>
      options.force ||
      cache.entries[s.id]?.hash !== hashes.get(s.id) ||
      !previous ||
      !previous.has(pdfPath(s, '')) ||
      (options.html !== undefined && !previous.has(htmlPath(s, ''))),
  );

  const results = new Map<string, BuiltPdf>();
  for (const sop of sops) {
    const cached = cache.entries[sop.id];
    if (!stale.includes(sop) && cached) {
      results.set(sop.id, { sop, pdf: path.join(outDir, pdfPath(sop)), ...manifestPath(dirs.pdf, previous!, sop), ...htmlFile(outDir, sop, options), rebuilt: false, measurement: cached.measurement });
    }
  }
  // What the new set takes unchanged from the current one: the files of current SOPs, and with
  // prune nothing else; without prune everything but the files about to be replaced.
  const replaced = new Set(stale.flatMap((s) => [pdfPath(s, ''), manifestRel(s), htmlPath(s, '')]));
  const kept = new Set([...results.values()].flatMap((b) => [pdfPath(b.sop, ''), ...(b.manifest ? [manifestRel(b.sop)] : []), ...(b.html ? [htmlPath(b.sop, '')] : [])]));
  const before = previous ? previous.files() : [];
  const carried = options.prune ? before.filter((f) => kept.has(f)) : before.filter((f) => !replaced.has(f));
  // Anything else in the set (not vouched for, or pruned) is a reason for a new one without it.
  // Extra files are made anew every run (the PDFs are hard-linked into the new set, not printed).
  if (!options.extra && !stale.length && carried.length === (previous ? listFiles(previous.dir).length : 0)) {
    tidy(outDir, 'pdf');
    return sops.map((s) => results.get(s.id)!);
  }

  // The browser starts (and pdf-lib loads) while the unchanged files are carried over and the
  // layouts compiled: with one SOP changed, starting Chromium is most of the wait.
  // The printing code (print-sops.ts, the layouts, the flowchart) loads only when something prints.
  const starting = stale.length ? Promise.all([options.printer(), import('./print-sops.ts')]) : undefined;
  starting?.catch(() => undefined); // awaited below; a failure to carry comes first
  // Everything goes into a new set shown only once complete: a kill leaves the previous PDFs or these.
  await replaceSet(outDir, 'pdf', async (set) => {
    for (const rel of carried) set.carry(rel);
    if (starting) {
      const [printer, { printSops }] = await starting;
      let done = 0;
      const partsOf = (sop: Sop) => partItems(sourceParts(sop, contexts.get(sop.id) ?? {}, printInputsHash(sop, shared, options.root)));
      await printSops(stale, { printer, root: options.root, layoutSources, contexts, partsOf, ...(options.html ? { html: options.html } : {}) }, (sop, printed, measurement) => {
        set.write(pdfPath(sop, ''), printed.pdf);
        // An SOP turned draf or basah gets no manifest that would let a service sign it.
        if (printed.manifest) set.write(manifestRel(sop), printed.manifest);
        if (printed.html !== undefined) set.write(htmlPath(sop, ''), printed.html);
        const manifest = printed.manifest ? { manifest: path.join(dirs.pdf, manifestRel(sop)) } : {};
        results.set(sop.id, { sop, pdf: path.join(outDir, pdfPath(sop)), ...manifest, ...htmlFile(outDir, sop, options), rebuilt: true, measurement });
        cache.entries[sop.id] = { hash: hashes.get(sop.id)!, measurement };
        options.onProgress?.(++done, stale.length, sop);
      });
    }
    if (options.prune) for (const id of Object.keys(cache.entries)) if (!hashes.has(id)) delete cache.entries[id];
    if (options.extra) {
      const extra = options.extra({ dir: set.dir, built: sops.map((s) => results.get(s.id)!), hash: (id) => hashes.get(id)! });
      for (const [rel, data] of Object.entries(extra)) set.write(rel, data);
    }
    set.writeMeta(JSON.stringify(cache));
  });
  return sops.map((s) => results.get(s.id)!);
}

function manifestPath(pdfDir: string, previous: ShownSet, sop: Sop): { manifest?: string } {
  return previous.has(manifestRel(sop)) ? { manifest: path.join(pdfDir, manifestRel(sop)) } : {};
}

/** The cache kept beside the current set: what its PDFs were built from. */
function readCache(text: string | undefined): CacheFile {
  if (text) {
    try {
      const data = JSON.parse(text) as CacheFile;
      if (data.version === 3 && data.entries) return data;
    } catch {
      // No cache yet, or an unreadable one: build everything.
    }
  }
  return { version: 3, entries: {} };
}

/**
 * The PDFs in the current set that the cache vouches for: built from exactly these sources,
 * layouts and code (SOP id → absolute path). What `sop check` compares signed files with when it
 * does not print itself.
 */
export function vouchedPdfs(sops: Sop[], root: string, outDir?: string): Map<string, string> {
  const found = new Map<string, string>();
  let previous: ShownSet | undefined;
  try {
    previous = shownSet(projectDirs(root, outDir).output, 'pdf');
  } catch {
    return found; // output/pdf is not what sop build leaves (a file, a foreign link): nothing vouched for
  }
  if (!previous || !sops.length) return found;
  const cache = readCache(previous.meta());
  const shared = sharedInputsHash(layoutFiles(root));
  const contexts = sopContexts(sops);
  for (const sop of sops) {
    const rel = pdfPath(sop, '');
    if (cache.entries[sop.id]?.hash === sopInputsHash(sop, shared, root, contexts.get(sop.id)) && previous.has(rel)) found.set(sop.id, path.join(previous.dir, rel));
  }
  return found;
}

/** The hashes of what each SOP is printed from (pdf/parts.ts), as the build writes them. */
export function currentParts(sops: Sop[], root: string): Map<string, SourceParts> {
  const shared = sharedInputsHash(layoutFiles(root));
  const contexts = sopContexts(sops);
  return new Map(sops.map((s) => [s.id, sourceParts(s, contexts.get(s.id) ?? {}, printInputsHash(s, shared, root))]));
}
