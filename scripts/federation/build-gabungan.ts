// `sop gabung`: the province catalogue in output/gabungan/, from the offices' catalogue.json.
// Written as a new set and shown at once when complete (output/sets.ts); an office that fails
// this time keeps the copy the shown set holds (data/<id>.json), so one broken office site never
// empties the province's catalogue. Same catalogues in, same bytes out.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { layoutFiles } from '../layouts/files.ts';
import { writing } from '../output/fs-errors.ts';
import { SopError } from '../errors.ts';
import { currentSet, replaceSet } from '../output/sets.ts';
import { siteAssets } from '../site/assets.ts';
import { openSearchIndex } from '../site/search.ts';
import { fullUrl, type Base } from '../site/urls.ts';
import { KATALOG_FORMAT, KATALOG_VERSI, type Katalog } from '../site/catalogue.ts';
import { collect, COPIES_DIR, copyPath, type Outcome } from './collect.ts';
import type { FetchLimits } from './fetch.ts';
import { gabunganModel, type GabunganModel } from './model.ts';
import { gabunganRenderer, loadGabunganTemplates } from './pages.ts';
import { searchBundles } from './search-bundles.ts';
import { searchDocument } from './search-doc.ts';
import type { SourceList } from './sources.ts';

export interface GabungOptions {
  /** Project root: its layouts/ override sop-press's, as for `sop site`. */
  root: string;
  /** output/ folder; gabungan/ goes inside. */
  outDir: string;
  list: SourceList;
  base: Base;
  /** Overrides gabungan.yml's. */
  judul?: string;
  limits?: FetchLimits;
  /**
   * A folder of last good copies kept outside output/ (`sop gabung --salinan`, a CI cache):
   * read when an office fails, updated after a successful build. Default: the shown site's data/.
   */
  salinan?: string;
  /** SOP pages per part of the search index (search-bundles.ts); fewer take less memory. */
  perIndex?: number;
}

export interface GabungResult {
  outcomes: Outcome[];
  model: GabunganModel;
  /** HTML pages written. */
  pages: number;
  indexed: number;
}

/** JSON that stays inert even if a browser sniffs it as HTML: no raw `<` from an office. */
function inertJson(data: unknown, indent?: number): string {
  return JSON.stringify(data, null, indent).replace(/</g, '\\u003c');
}

const IN_FLIGHT = 32;

export async function buildGabungan(options: GabungOptions): Promise<GabungResult> {
  const previous = currentSet(options.outDir, 'gabungan');
  const copies = options.salinan ?? (previous ? path.join(previous, COPIES_DIR) : undefined);
  const outcomes = await collect(options.list.sources, copies, options.limits);
  const offices = outcomes.flatMap((o) => (o.state === 'gagal' ? [] : [{ id: o.source.id, katalog: o.katalog }]));
  if (!offices.length) {
    throw new SopError('Tidak satu pun katalog kantor dapat dibaca; situs gabungan sebelumnya tidak diubah.', {
      hint: outcomes.map((o) => `${o.source.shown}: ${o.state === 'gagal' ? o.reason : ''}`).join('; '),
    });
  }
  const model = gabunganModel(offices);
  const layouts = layoutFiles(options.root);
  const templates = loadGabunganTemplates(layouts);
  const judul = options.judul ?? options.list.judul;

  const result = await replaceSet(options.outDir, 'gabungan', async (set) => {
    let pages = 0;
    const bundles = searchBundles(model.entries.length, options.perIndex);
    const render = gabunganRenderer(templates, { model, base: options.base, searchBundles: bundles.map((b) => b.dir), ...(judul ? { judul } : {}), ...(options.list.pemilik ? { pemilik: options.list.pemilik } : {}) });
    render.pages((f) => {
      set.write(f.path, f.data);
      if (f.path.endsWith('.html')) pages++;
    });
    // Each SOP page goes to the search index as it is written, none waiting in memory; a few
    // are in flight so that rendering here and indexing in Pagefind's process overlap. One
    // Pagefind process per part of the index (search-bundles.ts), each closed before the next.
    let indexed = 0;
    for (const bundle of bundles) {
      const index = await openSearchIndex();
      try {
        const inFlight: Array<Promise<void>> = [];
        for (const e of model.entries.slice(bundle.start, bundle.end)) {
          const f = render.sopPage(e);
          set.write(f.path, f.data);
          pages++;
          const added = index.add(searchDocument(f));
          added.catch(() => {}); // awaited below; this only keeps a later failure from going unhandled
          inFlight.push(added);
          if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        }
        for (const added of inFlight) await added;
        await index.write(set.dir, bundle);
        indexed += index.count;
      } finally {
        await index.close();
      }
    }
    for (const a of siteAssets(layouts)) {
      if (a.data !== undefined) set.write(a.path, a.data);
      else set.copy(a.path, a.from!);
    }
    // The checked copies: next run's fallback for an office that fails then.
    for (const o of offices) set.write(copyPath(o.id), `${inertJson(o.katalog, 2)}\n`);
    // The combined catalogue, in the same contract: what the footer's "Data katalog" links to.
    const all: Katalog = {
      format: KATALOG_FORMAT,
      versi: KATALOG_VERSI,
      situs: { judul: judul ?? 'Katalog SOP Gabungan', pemilik: options.list.pemilik ?? '', alamat: fullUrl(options.base, ''), dibangun: model.dibangun },
      instansi: [],
      sop: model.entries.map((e) => e.sop),
    };
    set.write('catalogue.json', `${inertJson(all)}\n`);
    set.write('.nojekyll', '');
    return { outcomes, model, pages, indexed };
  });
  if (options.salinan) {
    mkdirSync(options.salinan, { recursive: true });
    for (const o of offices) writing(path.join(options.salinan, `${o.id}.json`), () => writeFileSync(path.join(options.salinan!, `${o.id}.json`), `${inertJson(o.katalog, 2)}\n`));
  }
  return result;
}
