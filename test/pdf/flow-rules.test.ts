// The flowchart's lines against the table's rules as Chromium prints them: in long flows of the
// generated suite, no line longer than 20 px runs within 8 px of a parallel rule (the layout
// places lanes by where the rules print, flow/page.ts RULE_MID_X; before, lanes right of a rule
// printed 7.5 px from it). Measured in the PDF: pdftocairo -svg gives the rules as thin filled
// rectangles and the flowchart's lines as stroked paths under the overlay's transform.
// Decision labels and off-page letters print at 8 pt or more (pdftotext -bbox heights), each
// label on its line's side of the column rules (issue 20 item 4 and 6).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowSuiteSops } from '../../scripts/bench/flows.ts';
import { labelFontMetrics } from '../../scripts/flow/font-metrics.ts';
import { flowGraph } from '../../scripts/flow/graph.ts';
import { labelForms, LABEL_FONT_SIZE } from '../../scripts/flow/labels.ts';
import { words, type Word } from '../support/poppler.ts';
import type { BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { launchPrinter, pdfinfo, printAll, tempDir } from './helpers.ts';

/**
 * Flows whose PDFs had lines 7.5 px beside a rule, long flows with lines through free columns,
 * and flows whose labels stood across a rule from their line (alur-289) or knotted at 8 pt (alur-100).
 */
const IDS = ['uji-a4/alur-013', 'uji-a4/alur-045', 'uji-f4/alur-216', 'uji-a4/alur-189', 'uji-f4/alur-100', 'uji-a4/alur-289'];
/** CSS px per PDF point. */
const PX = 96 / 72;

let printer: Printer;
let dir: string;
let built: BuiltPdf[];

beforeAll(async () => {
  printer = await launchPrinter();
  dir = tempDir('flow-rules');
  built = await printAll(flowSuiteSops(300).filter((s) => IDS.includes(s.id)), printer, dir, true);
}, 180_000);
afterAll(async () => {
  await printer?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Seg {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Rules (middle lines of thin black rectangles) and the flowchart's line segments of one page, in PDF points. */
function pageLines(pdf: string, page: number): { rules: Seg[]; lines: Seg[] } {
  const out = path.join(dir, `p${page}.svg`);
  execFileSync('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, out]);
  const svg = readFileSync(out, 'utf8');
  const body = svg.slice(svg.indexOf('</defs>'));
  const rules: Seg[] = [];
  const lines: Seg[] = [];
  for (const [, attrs] of body.matchAll(/<path([^>]*)\/>/g)) {
    const style = /style="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    const d = / d="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    const m = /transform="matrix\(([^)]*)\)"/.exec(attrs!);
    const pts = [...d.matchAll(/[ML] (-?[\d.]+) (-?[\d.]+)/g)].map((p) => ({ x: Number(p[1]), y: Number(p[2]) }));
    if (!m && style.includes('stroke:none') && style.includes('fill:rgb(0%,0%,0%)') && /^M [\d. ]+L [\d. ]+L [\d. ]+L [\d. ]+Z/.test(d)) {
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (x1 - x0 < 1.2 && y1 - y0 > 3) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
      else if (y1 - y0 < 1.2 && x1 - x0 > 3) rules.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    } else if (m && style.includes('fill:none') && style.includes('stroke:rgb(0%,0%,0%)')) {
      const [a, b, c, dd, e, f] = m[1]!.split(',').map(Number) as [number, number, number, number, number, number];
      const t = pts.map((p) => ({ x: a * p.x + c * p.y + e, y: b * p.x + dd * p.y + f }));
      for (let i = 1; i < t.length; i++) lines.push({ x0: t[i - 1]!.x, y0: t[i - 1]!.y, x1: t[i]!.x, y1: t[i]!.y });
    }
  }
  return { rules, lines };
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.min(Math.max(a0, a1), Math.max(b0, b1)) - Math.max(Math.min(a0, a1), Math.min(b0, b1));

describe('flowchart lines and the printed table rules', () => {
  it('run no line longer than 20 px within 8 px of a parallel rule', () => {
    expect(built.map((b) => b.sop.id).sort()).toEqual([...IDS].sort());
    const hugs: string[] = [];
    let vertical = 0;
    for (const b of built) {
      const pages = Number(pdfinfo(b.pdf)['Pages']);
      for (let page = 2; page <= pages; page++) {
        const { rules, lines } = pageLines(b.pdf, page);
        for (const l of lines) {
          const v = Math.abs(l.x0 - l.x1) < 0.01;
          const len = (v ? Math.abs(l.y1 - l.y0) : Math.abs(l.x1 - l.x0)) * PX;
          if (len <= 20) continue;
          if (v) vertical++;
          const near = rules
            .filter((r) => (v ? Math.abs(r.x0 - r.x1) < 0.01 && overlap(r.y0, r.y1, l.y0, l.y1) > 0 : Math.abs(r.y0 - r.y1) < 0.01 && overlap(r.x0, r.x1, l.x0, l.x1) > 0))
            .map((r) => (v ? Math.abs(r.x0 - l.x0) : Math.abs(r.y0 - l.y0)) * PX);
          // The overlay prints at 0.749924 pt per px, the table at 0.75: a few hundredths of a px.
          const d = Math.min(...near);
          if (d < 8 - 0.05) hugs.push(`${b.sop.id} page ${page}: ${len.toFixed(0)} px line ${d.toFixed(2)} px from a rule`);
        }
      }
    }
    expect(vertical).toBeGreaterThan(20);
    expect(hugs).toEqual([]);
  });
});

/** Height of a `pdftotext -bbox` word box per point of font size: Arimo's ascender + descender. */
const BOX_PER_PT = labelFontMetrics().ascent + labelFontMetrics().descent;
const size = (w: Word): number => (w.yMax - w.yMin) / BOX_PER_PT;

/** Words a decision label of the SOP prints as, on one line or wrapped (flow/labels.ts labelForms). */
function labelWords(b: BuiltPdf): Set<string> {
  const out = new Set<string>();
  for (const e of flowGraph(b.sop.steps).edges) {
    if (!e.label) continue;
    for (const form of [[e.label], ...labelForms(e.label, LABEL_FONT_SIZE)]) for (const l of form) for (const w of l.split(' ')) out.add(w);
  }
  return out;
}

describe('decision labels and off-page letters in the PDF', () => {
  it('print at 8 pt or more', () => {
    expect(LABEL_FONT_SIZE * 0.75).toBeCloseTo(8, 6);
    const small: string[] = [];
    let labels = 0;
    let letters = 0;
    for (const b of built) {
      const known = labelWords(b);
      for (const w of words(b.pdf).filter((x) => x.page > 1)) {
        const letter = /^[A-Z]{1,2}$/.test(w.text);
        if (!letter && !known.has(w.text)) continue;
        if (letter) letters++;
        else labels++;
        if (size(w) < 7.95) small.push(`${b.sop.id} p${w.page} "${w.text}" ${size(w).toFixed(2)} pt`);
      }
    }
    // Every flow has decisions; the long ones jump between pages.
    expect(labels).toBeGreaterThan(30);
    expect(letters).toBeGreaterThan(10);
    expect(small).toEqual([]);
  });

  it('stand on their line\'s side of the column rules, clear of every rule', () => {
    const across: string[] = [];
    let seen = 0;
    for (const b of built) {
      const known = labelWords(b);
      const all = words(b.pdf);
      const pages = Number(pdfinfo(b.pdf)['Pages']);
      for (let page = 2; page <= pages; page++) {
        const { rules, lines } = pageLines(b.pdf, page);
        const columns = rules.filter((r) => Math.abs(r.x0 - r.x1) < 0.01);
        // Labels print beside the flowchart's lines, inside the actor columns: between the rules enclosing every line.
        const lineXs = lines.flatMap((l) => [l.x0, l.x1]);
        const left = Math.max(...columns.map((r) => r.x0).filter((x) => x <= Math.min(...lineXs)));
        const right = Math.min(...columns.map((r) => r.x0).filter((x) => x >= Math.max(...lineXs)));
        for (const w of all.filter((x) => x.page === page && known.has(x.text) && x.xMin > left && x.xMax < right)) {
          const cy = (w.yMin + w.yMax) / 2;
          const ruleXs = columns.filter((r) => r.y0 <= cy && r.y1 >= cy).map((r) => r.x0);
          seen++;
          if (ruleXs.some((x) => x > w.xMin + 0.1 && x < w.xMax - 0.1)) across.push(`${b.sop.id} p${page} "${w.text}" lies across a column rule`);
          // The nearest line of the flowchart: no column rule between it and the label.
          let best: { d: number; x: number } | undefined;
          for (const l of lines) {
            const x = Math.max(Math.min(l.x0, l.x1), Math.min(Math.max(l.x0, l.x1), (w.xMin + w.xMax) / 2));
            const y = Math.max(Math.min(l.y0, l.y1), Math.min(Math.max(l.y0, l.y1), cy));
            const d = Math.hypot(Math.max(w.xMin - x, 0, x - w.xMax), Math.max(w.yMin - y, 0, y - w.yMax));
            if (!best || d < best.d) best = { d, x };
          }
          if (best && ruleXs.some((x) => (x > best.x && x < w.xMin) || (x < best.x && x > w.xMax))) across.push(`${b.sop.id} p${page} "${w.text}": a column rule between it and its nearest line`);
        }
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(across).toEqual([]);
  });
});
