// The hint that lets `sop build` start the browser while the check runs: only when there are no
// PDFs yet or a source was written after the PDFs shown were; never with nothing written since.
// The content's newest time is what readContent reports of the files it read.
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { likelyToPrint as hint } from '../../scripts/cli/print-hint.ts';
import { readContent } from '../../scripts/source/content.ts';

const likelyToPrint = (root: string) => hint(root, readContent(root));

function project(): { root: string; sop: string; layout: string; ledger: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sop-hint-'));
  const sop = path.join(root, 'content', 'dinas', 'a.md');
  const layout = path.join(root, 'layouts', 'sop.css');
  mkdirSync(path.dirname(sop), { recursive: true });
  mkdirSync(path.dirname(layout), { recursive: true });
  writeFileSync(sop, 'x');
  writeFileSync(layout, 'x');
  return { root, sop, layout, ledger: path.join(root, 'output', '.sets', 'pdf.1.abc.ledger') };
}

const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

describe('likelyToPrint', () => {
  it('says yes before the first build, no once the PDFs are newer than every source, yes after a source or layout is written', () => {
    const p = project();
    expect(likelyToPrint(p.root)).toBe(true);
    mkdirSync(path.join(p.root, 'output', '.sets', 'pdf.1.abc'), { recursive: true });
    symlinkSync('.sets/pdf.1.abc', path.join(p.root, 'output', 'pdf'));
    writeFileSync(p.ledger, '{}');
    at(p.sop, 1_000);
    at(p.layout, 1_000);
    at(p.ledger, 2_000);
    expect(likelyToPrint(p.root)).toBe(false);
    at(p.sop, 3_000);
    expect(likelyToPrint(p.root)).toBe(true);
    at(p.sop, 1_000);
    at(p.layout, 3_000);
    expect(likelyToPrint(p.root)).toBe(true);
  });
});
