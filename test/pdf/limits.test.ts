// Issues 15 and 20: what `sop check` accepts, the layout prints. The SOP with every identity field
// at its bound, in wide capitals (the worst case), and rows as tall as the check accepts (one
// character more is refused: the check's own font-metric estimate, validate/print-fit.ts), prints
// without overflow on A4 and F4, signed by hand or electronically, 1 to 12 actors, the identity
// lists filled three ways; one real print each, so keep it to five.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Printer } from '../../scripts/print/pool.ts';
import { edgeSize, maxedFiles, type MaxedOptions } from '../check/limits-fixture.ts';
import { planProcedure } from '../../scripts/plan/procedure.ts';
import { sopView } from '../../scripts/view/sop-view.ts';
import { checkFiles, launchPrinter, pdfinfo, printAll, tempDir } from './helpers.ts';

let printer: Printer;
beforeAll(async () => {
  printer = await launchPrinter();
});
afterAll(() => printer?.close());

const CASES: MaxedOptions[] = [
  { tandaTangan: 'basah', kertas: 'A4', rows: 13, actors: 12 },
  { tandaTangan: 'basah', kertas: 'A4', rows: 1, actors: 1, lists: 'one' },
  { tandaTangan: 'elektronik', kertas: 'F4', rows: 3, actors: 5, lists: 'many' },
  { tandaTangan: 'elektronik', kertas: 'A4', rows: 3, actors: 12 },
  { tandaTangan: 'basah', kertas: 'A4', rows: 13, actors: 8 },
];

describe('batas sop check muat di kertas', () => {
  it.each(CASES)('$kertas, tanda tangan $tandaTangan, $rows baris, $actors pelaksana, daftar $lists: baris setinggi batasnya tercetak tanpa luapan', async (options) => {
    const size = edgeSize(options);
    // The rows are far taller than a cap of characters would have allowed (Kegiatan 200).
    expect(Math.max(size.middle, size.last)).toBeGreaterThan(100);
    const checked = checkFiles(maxedFiles(options, size) as Record<string, string>);
    expect(checked.sops).toHaveLength(1);
    // printAll throws "… tidak muat di kertas …" when a page overflows.
    const [built] = await printAll(checked.sops, printer, tempDir('limits'), true);
    // The identity part keeps its size and continues on further sheets: every sheet is printed.
    const sop = checked.sops[0]!;
    const plan = planProcedure(sopView(sop), sop.steps, built!.measurement);
    expect(Number(pdfinfo(built!.pdf).Pages)).toBe(plan.identity.pages.length + plan.pages.length);
    if (options.lists !== 'many') expect(plan.identity.pages.length).toBeGreaterThan(1);
  }, 120_000);
});
