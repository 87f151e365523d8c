// Indonesian syllable breaks (kit/hyphen.ts) and their use in the actor headers (view/sop-view.ts).
import { describe, expect, it } from 'vitest';
import { SOFT_HYPHEN, syllables } from '../../scripts/kit/hyphen.ts';
import { actorHeaders } from '../../scripts/view/sop-view.ts';

describe('pemenggalan kata', () => {
  it.each([
    ['Pengadministrasi', 'Pe-ngad-mi-nis-trasi'],
    ['Perencanaan', 'Pe-ren-ca-naan'],
    ['Instrumen', 'In-stru-men'],
    ['Fungsional', 'Fung-si-o-nal'],
    ['menyanyi', 'me-nya-nyi'],
    ['Khusus', 'Khu-sus'],
    ['Kasubbag', 'Ka-sub-bag'],
  ])('%s → %s', (word, want) => {
    expect(syllables(word).join('-')).toBe(want);
  });

  it('leaves short words, numbers and marks whole', () => {
    for (const w of ['Staf', 'Ada', 'IV.a', 'Sub-Bagian', '2024']) expect(syllables(w)).toEqual([w]);
  });
});

describe('judul kolom pelaksana', () => {
  it('keeps names whole and at 7.5 pt where the column allows', () => {
    expect(actorHeaders(['Kepala Dinas', 'Sekretaris'], 120)).toEqual({ pt: 7.5, labels: ['Kepala Dinas', 'Sekretaris'] });
  });

  it('breaks only the word that does not fit at 7 pt, at its syllables, instead of shrinking every header', () => {
    const { pt, labels } = actorHeaders(['Sekretaris', 'Pengadministrasi Perkantoran'], 72);
    expect(pt).toBe(7);
    expect(labels).toEqual(['Sekretaris', `Pe${SOFT_HYPHEN}ngad${SOFT_HYPHEN}mi${SOFT_HYPHEN}nis${SOFT_HYPHEN}trasi Perkantoran`]);
  });

  it('shrinks (never below 5 pt) when even a syllable does not fit', () => {
    expect(actorHeaders(['Strukturstrukturstruktur'], 20).pt).toBe(5);
  });
});
