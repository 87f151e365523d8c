import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readOutline, writeOutline, type OutlineItem } from '../../scripts/book/outline.ts';

async function docWith(pages: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([200, 100]);
  return doc;
}

const TREE: OutlineItem[] = [
  { title: 'Sampul', page: 0 },
  { title: 'Daftar Isi', page: 1 },
  {
    title: 'Sekretariat',
    page: 2,
    children: [
      { title: '001/SOP — Pengukuran Kinerja', page: 3 },
      { title: '002/SOP — Pengumpulan Data “Kinerja”', page: 5 },
    ],
  },
  { title: 'Bidang Ké-2', page: 7, open: false, children: [{ title: 'Ω SOP', page: 8 }] },
];

describe('writeOutline', () => {
  it('reads back titles, pages, nesting and open state after a save/load round trip', async () => {
    const doc = await docWith(9);
    writeOutline(doc, TREE);
    const reloaded = await PDFDocument.load(await doc.save());
    expect(readOutline(reloaded)).toEqual([
      { title: 'Sampul', page: 0 },
      { title: 'Daftar Isi', page: 1 },
      { title: 'Sekretariat', page: 2, open: true, children: [{ title: '001/SOP — Pengukuran Kinerja', page: 3 }, { title: '002/SOP — Pengumpulan Data “Kinerja”', page: 5 }] },
      { title: 'Bidang Ké-2', page: 7, open: false, children: [{ title: 'Ω SOP', page: 8 }] },
    ]);
  });

  it('writes /Count as the spec defines it: visible descendants, negative when closed', async () => {
    const doc = await docWith(9);
    writeOutline(doc, TREE);
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    // 4 top items + 2 children of the open "Sekretariat"; the closed item's child is hidden.
    expect(root.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(6);
    const walk: PDFDict[] = [];
    for (let ref = root.get(PDFName.of('First')); ref; ) {
      const d = doc.context.lookup(ref, PDFDict);
      walk.push(d);
      ref = d.get(PDFName.of('Next'));
    }
    expect(walk).toHaveLength(4);
    expect(walk[2]!.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(2);
    expect(walk[3]!.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(-1);
    expect(walk[0]!.has(PDFName.of('Count'))).toBe(false);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('refuses a bookmark to a page that does not exist', async () => {
    const doc = await docWith(2);
    expect(() => writeOutline(doc, [{ title: 'X', page: 5 }])).toThrow(/halaman 6/);
  });
});
