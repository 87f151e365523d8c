// Which CI job prints which SOP: the same on every machine, every SOP in exactly one share,
// shares even, and an SOP added or removed moves no other one (each job's cache stays useful).
import { describe, expect, it } from 'vitest';
import { bagianOf, label, MAX_BAGIAN, owns, parseBagian } from '../../scripts/bagian/split.ts';

const ids = (count: number) => Array.from({ length: count }, (_, k) => `dinas-${k % 7}/bidang-${k % 4}/sop-${String(k).padStart(4, '0')}`);

describe('pembagian SOP ke job CI', () => {
  it('puts every SOP in exactly one share of 1…n', () => {
    for (const n of [1, 2, 3, 4, 16]) {
      for (const id of ids(200)) {
        const shares = Array.from({ length: n }, (_, k) => k + 1).filter((i) => owns({ i, n }, id));
        expect(shares).toEqual([bagianOf(id, n)]);
      }
    }
  });

  it('depends only on the id and n (fixed values, as on any machine)', () => {
    // Pinned: a change here re-shuffles every CI cache, so it must be deliberate.
    expect(['dinas-a/bidang-1/sop-0001', 'dinas-b/x', 'a'].map((id) => bagianOf(id, 4))).toEqual([3, 4, 3]);
    // The first four bytes of SHA-256("a") are ca978112: 3398926610 mod 7 = 2, share 3.
    expect(bagianOf('a', 7)).toBe((0xca978112 % 7) + 1);
  });

  it('gives 400 SOPs four even shares (within 15% of 100)', () => {
    const counts = [0, 0, 0, 0];
    for (const id of ids(400)) counts[bagianOf(id, 4) - 1]!++;
    for (const c of counts) expect(Math.abs(c - 100)).toBeLessThanOrEqual(15);
  });

  it('moves no SOP when others are added or removed', () => {
    const before = new Map(ids(300).map((id) => [id, bagianOf(id, 4)]));
    const after = ids(400).slice(50);
    for (const id of after) if (before.has(id)) expect(bagianOf(id, 4)).toBe(before.get(id));
  });

  it('reads i/n and refuses other values in Indonesian', () => {
    expect(parseBagian('2/4')).toEqual({ i: 2, n: 4 });
    expect(parseBagian(' 1 / 1 ')).toEqual({ i: 1, n: 1 });
    expect(label({ i: 3, n: 8 })).toBe('3/8');
    expect(parseBagian('5/4')).toBe('Bagian 5 di "5/4" harus antara 1 dan 4.');
    expect(parseBagian('0/4')).toBe('Bagian 0 di "0/4" harus antara 1 dan 4.');
    expect(parseBagian('1/0')).toBe(`Jumlah bagian 0 di "1/0" harus antara 1 dan ${MAX_BAGIAN}.`);
    expect(parseBagian(`1/${MAX_BAGIAN + 1}`)).toMatch(/harus antara 1 dan 256/);
    for (const bad of ['2', '2/4/8', 'a/b', '-1/4', '1.5/4', '']) expect(parseBagian(bad)).toMatch(/bukan bagian yang sah: .* mis\. 2\/4\./);
  });
});
