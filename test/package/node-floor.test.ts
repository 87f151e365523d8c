import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../../bin/node-floor.js';

describe('the Node.js floor checked by bin/sop.js before any import', () => {
  it('lets the installed package run from 22.12 and the repository sources from 22.18 / 23.6', () => {
    for (const v of ['22.12.0', '22.17.1', '23.0.0', '24.11.0', '25.1.0']) expect(nodeTooOld(v, false), v).toBeUndefined();
    for (const v of ['22.18.0', '23.6.0', '24.0.0']) expect(nodeTooOld(v, true), v).toBeUndefined();
  });

  it('says in Indonesian which Node to install, naming the one found', () => {
    expect(nodeTooOld('20.19.2', false)).toBe(
      'Galat: sop-press memerlukan Node.js 22.12 atau yang lebih baru; yang terpasang Node.js 20.19.2.\n' +
        'Saran: pasang Node.js 24 LTS dari https://nodejs.org (atau "nvm install 24"), lalu jalankan perintah ini lagi.\n',
    );
    expect(nodeTooOld('22.11.0', false)).toContain('22.12');
    expect(nodeTooOld('22.17.1', true)).toContain('Node.js 22.18 atau yang lebih baru; yang terpasang Node.js 22.17.1');
    expect(nodeTooOld('23.5.0', true)).toContain('22.18');
  });
});
