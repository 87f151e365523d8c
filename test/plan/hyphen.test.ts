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
  const h = (...parts: string[]) => parts.join(SOFT_HYPHEN);

  it('keeps names whole and at 8 pt where the column allows', () => {
    expect(actorHeaders(['Kepala Dinas', 'Sekretaris'], 120)).toEqual({ pt: 8, labels: ['Kepala Dinas', 'Sekretaris'] });
  });

  it('breaks only the words that do not fit at 8 pt, at their syllables, and never shrinks the text', () => {
    const { pt, labels } = actorHeaders(['Sekretaris', 'Pengadministrasi Perkantoran'], 72);
    expect(pt).toBe(8);
    expect(labels).toEqual(['Sekretaris', `${h('Pe', 'ngad', 'mi', 'nis', 'trasi')} ${h('Per', 'kan', 'to', 'ran')}`]);
  });

  it('stays at the 8 pt floor even when a syllable is wider than the column', () => {
    expect(actorHeaders(['Strukturstrukturstruktur'], 20)).toEqual({ pt: 8, labels: [h('Struk', 'tur', 'struk', 'tur', 'struk', 'tur')] });
  });
});
