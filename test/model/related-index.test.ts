// relatedIndex looks a shortened title up among the titles holding its rarest word (a584ebe)
// instead of reading every key: on random SOP sets it must name the very SOP the linear search
// it replaced named (exact nomor, exact title, else the first key in order containing the entry).
import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/bench/generate.ts';
import { findTitle, normTitle, pemerintahKey, relatedIndex } from '../../scripts/model/relations.ts';
import type { Keterkaitan } from '../../scripts/model/sop.ts';

interface Entry {
  nomor: string;
  nama: string;
  pemerintah: string;
  id: number;
}

/** relatedIndex before a584ebe, word for word: findTitle over every key of the government. */
function linear(sops: Entry[]): (entry: Keterkaitan, pemerintah: string) => Entry | undefined {
  const byGov = new Map<string, Map<string, Entry>>();
  for (const s of sops) {
    const gov = pemerintahKey(s.pemerintah);
    const byKey = byGov.get(gov) ?? new Map<string, Entry>();
    byGov.set(gov, byKey);
    if (s.nomor.trim()) byKey.set(s.nomor.trim(), s);
    byKey.set(normTitle(s.nama), s);
  }
  return (entry, pemerintah) => {
    const byKey = byGov.get(pemerintahKey(pemerintah));
    if (entry.eksternal || !byKey) return undefined;
    return byKey.get(entry.teks.trim()) ?? byKey.get(findTitle(byKey.keys(), normTitle(entry.teks)) ?? '');
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

// A small vocabulary, so that one title often holds another; "sop" and numbers among the words.
const WORDS = ['Pengumpulan', 'Data', 'Kinerja', 'data', 'Mekanisme', 'Pelayanan', 'Izin', 'Surat', 'Masuk', 'SOP', 'sop', 'Arsip', '2024', 'Cuti', 'Pegawai', 'São', 'Pengaduan', 'data-kinerja'];
const PREFIXES = ['', '', '', 'SOP ', 'sop ', 'SOP: ', 'Standar Operasional Prosedur ', 'STANDAR OPERASIONAL PROSEDUR - ', '  SOP. '];
const SEPARATORS = [' ', ' ', ' ', '  ', ', ', ' - ', '/', '\t'];
const PEMERINTAH = ['Pemerintah Kota Bandung', 'pemerintah  kota bandung', ' PEMERINTAH KOTA BANDUNG ', 'Pemerintah Kabupaten Sleman', 'Pemerintah Provinsi Jawa Tengah'];

function title(rand: () => number, words: number): string {
  const ws = Array.from({ length: words }, () => pick(rand, WORDS));
  return pick(rand, PREFIXES) + ws.map((w, i) => (i ? pick(rand, SEPARATORS) : '') + w).join('') + pick(rand, ['', '', ' ', '.', ' (Revisi)']);
}

function nomor(rand: () => number): string {
  const r = rand();
  if (r < 0.1) return '';
  if (r < 0.15) return '   ';
  if (r < 0.2) return title(rand, int(rand, 1, 4)); // a "number" that reads like a title
  const parts = [pick(rand, ['800', '065', '100.3.4', 'SOP']), String(int(rand, 1, 30)), pick(rand, ['Bag. Org', 'DPMPTSP', 'Disdik', 'Org'])];
  return pick(rand, ['', ' ']) + parts.join(pick(rand, ['/', ' / ', ' ', '/ '])) + pick(rand, ['', '/2024', ' ', ' 2024']);
}

/** An entry as officers write them: a number, a title or a piece of one, or neither. */
function entry(rand: () => number, sops: Entry[]): Keterkaitan {
  const s = sops.length ? pick(rand, sops) : undefined;
  const r = rand();
  let teks: string;
  if (!s || r < 0.15) teks = title(rand, int(rand, 0, 5));
  else if (r < 0.3) teks = pick(rand, ['', ' ']) + s.nomor + pick(rand, ['', ' ']);
  else if (r < 0.45) teks = pick(rand, PREFIXES) + s.nama.toUpperCase();
  else {
    // A run of the title's words, often 3 or more (the shortening findTitle accepts).
    const ws = normTitle(s.nama).split(' ');
    const from = int(rand, 0, ws.length - 1);
    const to = int(rand, from, Math.min(ws.length - 1, from + 4));
    teks = pick(rand, PREFIXES) + ws.slice(from, to + 1).join(pick(rand, SEPARATORS));
  }
  if (rand() < 0.05) teks = pick(rand, ['', '   ', '-', '…', 'SOP', 'Standar Operasional Prosedur', ' / ']);
  return { teks, eksternal: rand() < 0.05 };
}

describe('relatedIndex', () => {
  it('names the SOP the linear search over every title named, on random SOP sets', () => {
    const rand = prng(584);
    let queries = 0;
    let found = 0;
    let contained = 0;
    for (let round = 0; round < 400; round++) {
      const count = int(rand, 0, round % 10 === 0 ? 300 : 40);
      const sops: Entry[] = Array.from({ length: count }, (_, id) => ({
        nomor: nomor(rand),
        nama: rand() < 0.03 ? pick(rand, ['', ' ', 'SOP', '—']) : title(rand, rand() < 0.3 ? int(rand, 1, 2) : int(rand, 3, 7)),
        pemerintah: pick(rand, PEMERINTAH),
        id,
      }));
      const indexed = relatedIndex(sops);
      const reference = linear(sops);
      // Many lookups per set: the word index is built on the first and reused by the others.
      for (let q = 0; q < 25; q++) {
        const e = entry(rand, sops);
        const gov = pick(rand, [...PEMERINTAH, 'Pemerintah Kota Lain']);
        const want = reference(e, gov);
        expect(indexed(e, gov), `${JSON.stringify(e)} @ ${gov}\n${JSON.stringify(sops)}`).toBe(want);
        queries++;
        if (want) found++;
        if (want && want.nomor.trim() !== e.teks.trim() && normTitle(want.nama) !== normTitle(e.teks)) contained++;
      }
    }
    // Not vacuous: a third of lookups find an SOP, and many only by a contained run of words.
    expect(queries).toBe(10000);
    expect(found).toBeGreaterThan(2500);
    expect(contained).toBeGreaterThan(1000);
  });

  it('prefers an exact title to an earlier title containing it, and the first container otherwise', () => {
    const sops: Entry[] = [
      { nomor: '1', nama: 'SOP Mekanisme Pengumpulan Data Kinerja', pemerintah: 'Kota A', id: 0 },
      { nomor: '2', nama: 'Pengumpulan Data Kinerja', pemerintah: 'Kota A', id: 1 },
      { nomor: '3', nama: 'Pengumpulan Data Kinerja Pegawai', pemerintah: 'kota  a', id: 2 },
    ];
    const find = relatedIndex(sops);
    expect(find({ teks: 'SOP Pengumpulan Data Kinerja', eksternal: false }, 'Kota A')?.id).toBe(1);
    expect(find({ teks: 'data kinerja pegawai', eksternal: false }, 'KOTA A')?.id).toBe(2);
    expect(find({ teks: 'Mekanisme Pengumpulan Data', eksternal: false }, 'Kota A')?.id).toBe(0);
    expect(find({ teks: 'Data Kinerja', eksternal: false }, 'Kota A')).toBeUndefined();
    expect(find({ teks: 'Pengumpulan Data Kinerja', eksternal: true }, 'Kota A')).toBeUndefined();
  });
});
