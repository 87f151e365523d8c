// Progress on stderr: a terminal line kept up to date, one line per stage when piped or in CI,
// nothing with --diam. A fake clock and writer: the text itself is what is checked.
import { describe, expect, it } from 'vitest';
import { createProgress, progressMode } from '../../scripts/cli/progress.ts';

function run(mode: Parameters<typeof createProgress>[0]): string {
  let t = 0;
  let out = '';
  const p = createProgress(mode, (s) => (out += s), () => t);
  t = 400;
  p.finished('Memeriksa content/', '40 berkas');
  for (let i = 1; i <= 40; i++) {
    t += 250;
    p.step('Mencetak PDF', i, 40, `content/dinas/sop-${i}.md`);
  }
  p.clear();
  return out;
}

describe('progress', () => {
  it('piped or in CI: one line per stage, never one per SOP, with the time of each stage', () => {
    expect(run('baris')).toBe('Memeriksa content/: 40 berkas dalam 0,4 dtk\nMencetak PDF: 40 selesai dalam 10,0 dtk\n');
  });

  it('in a terminal: n/N, the SOP being printed and the time so far, on one line that gives way to the stage line', () => {
    const out = run('terminal');
    expect(out).toContain('\r\x1b[2KMencetak PDF 1/40  content/dinas/sop-1.md  (0,7 dtk)');
    expect(out).toContain('\r\x1b[2KMencetak PDF 39/40  content/dinas/sop-39.md  (10,2 dtk)');
    expect(out.split('\n')).toHaveLength(3); // two stage lines, and nothing left on the third
    expect(out.endsWith('\r\x1b[2KMencetak PDF: 40 selesai dalam 10,0 dtk\n')).toBe(true);
  });

  it('--diam: nothing at all', () => {
    expect(run('diam')).toBe('');
  });

  it('chooses the terminal form only on a terminal outside CI', () => {
    expect(progressMode({ env: {}, stderrTTY: true })).toBe('terminal');
    expect(progressMode({ env: {}, stderrTTY: false })).toBe('baris');
    expect(progressMode({ env: { CI: 'true' }, stderrTTY: true })).toBe('baris');
    expect(progressMode({ env: { GITLAB_CI: 'true' }, stderrTTY: true })).toBe('baris');
    expect(progressMode({ diam: true, env: {}, stderrTTY: true })).toBe('diam');
  });
});
