// Assemble books straight from already-built PDFs (bypassing buildPdfs), for profiling.
import fs from 'node:fs';
import path from 'node:path';
import { runCheck } from '../cli/check.ts';
import { Printer } from '../print/pool.ts';
import { fontDir } from '../render/fonts.ts';
import { assembleBook } from './assemble.ts';
import { bookContents } from './contents.ts';
import { byInstansi } from './build-book.ts';
import { loadBookLayouts } from './render.ts';
const dir = process.argv[2]!;
const { result } = runCheck(dir);
const pdfs = new Map(result.sops.map((s) => [s.id, path.join(dir, 'output/pdf', s.instansi.id, s.slug + '.pdf')]));
const printer = await Printer.launch({ allowedDir: dir, extraDirs: ['/work/main', fontDir()] });
const layouts = loadBookLayouts('/work/main/layouts');
for (let round = 0; round < 2; round++) {
  const t = performance.now();
  await Promise.all([...byInstansi(result.sops)].map(async ([id, list]) => {
    const a = await assembleBook({ instansi: list[0]!.instansi, tahun: 2024, draf: false, contents: bookContents(list, 2024, false), front: [], pdfs }, { root: dir, layouts, printer });
    fs.writeFileSync(`/tmp/direct-${id}.pdf`, a.pdf);
    console.log(id, a.pageCount, JSON.stringify(Object.fromEntries(Object.entries(a.timings).map(([k, v]) => [k, Math.round(v)]))));
  }));
  console.log('total', Math.round(performance.now() - t), 'ms');
}
await printer.close();
