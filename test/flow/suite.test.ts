// The generated flowchart suite: 300 seeded hard flows (2–8 actors, 5–40 rows, 0–6 decisions,
// jumps both ways across pages, long Kegiatan texts, A4 and F4) and the sample SOPs, measured
// in one browser page as the build does, laid out as printed, held to the readability rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowSuiteSops, scoreFlows, type ScoredFlow } from '../../scripts/bench/flows.ts';
import { LABEL_MIN_SIZE, MIN_STROKE } from '../../scripts/flow/quality.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { launchPrinter, ROOT, sampleSops } from '../pdf/helpers.ts';

const COUNT = 300;
let printer: Printer;
let flows: ScoredFlow[];

beforeAll(async () => {
  printer = await launchPrinter();
  flows = await scoreFlows(printer, ROOT, [...sampleSops(), ...flowSuiteSops(COUNT)]);
}, 300_000);
afterAll(() => printer?.close());

/** Lines naming every flow where `bad` holds, for a readable failure. */
const where = (bad: (f: ScoredFlow) => string[]): string[] => flows.flatMap((f) => bad(f).map((m) => `${f.sop.id}: ${m}`));

describe('generated flowchart suite', () => {
  it('covers what makes flows hard', () => {
    const gen = flows.filter((f) => f.sop.id.startsWith('uji-'));
    expect(gen).toHaveLength(COUNT);
    const actors = gen.map((f) => f.sop.pelaksana.length);
    const rows = gen.map((f) => f.sop.steps.length);
    expect([Math.min(...actors), Math.max(...actors)]).toEqual([2, 8]);
    expect(Math.min(...rows)).toBeLessThanOrEqual(6);
    expect(Math.max(...rows)).toBeGreaterThanOrEqual(38);
    expect(new Set(gen.map((f) => f.sop.kertas))).toEqual(new Set(['A4', 'F4']));
    const decisions = gen.map((f) => f.sop.steps.filter((s) => s.symbol === 'decision').length);
    expect([Math.min(...decisions), Math.max(...decisions)]).toEqual([0, 6]);
    // Jumps back and forth across page breaks.
    const across = (f: ScoredFlow, back: boolean): boolean => {
      const pageOf = (i: number) => f.plan.pages.findIndex((p) => p.first <= i && i <= p.last);
      return f.sop.steps.some((s, i) => {
        const to = s.lanjut.kind === 'jump' ? [s.lanjut.to] : s.lanjut.kind === 'decision' ? s.lanjut.exits.map((e) => e.to) : [];
        return to.some((t) => (back ? t < s.no : t > s.no + 1) && pageOf(t - 1) !== pageOf(i));
      });
    };
    expect(gen.filter((f) => across(f, true)).length).toBeGreaterThan(50);
    expect(gen.filter((f) => across(f, false)).length).toBeGreaterThan(20);
    expect(gen.some((f) => f.sop.steps.some((s) => s.kegiatan.length > 120))).toBe(true);
  });

  it('draws every flow cleanly: no line through a symbol, none along another, every edge once', () => {
    expect(where((f) => f.violations)).toEqual([]);
  });

  it('keeps lines off the table rules and lanes apart', () => {
    expect(where((f) => f.score.details.filter((d) => /beside a table rule|from a column rule|connectors .* px apart/.test(d)))).toEqual([]);
  });

  it('hands off to the following row with one bend wherever that path is free', () => {
    expect(where((f) => (f.score.handoffsL < f.score.handoffsFree ? [`${f.score.handoffsL} of ${f.score.handoffsFree}`] : []))).toEqual([]);
    expect(flows.reduce((n, f) => n + f.score.handoffs, 0)).toBeGreaterThan(1000);
  });

  it('uses the cell: symbols at least 60 % of the column, strokes at least 0.75 pt, labels at least 7 pt', () => {
    expect(where((f) => f.score.details.filter((d) => /symbol .* wide/.test(d)))).toEqual([]);
    expect(Math.min(...flows.map((f) => f.minStroke))).toBeGreaterThanOrEqual(MIN_STROKE - 1e-9);
    expect(Math.min(...flows.map((f) => f.fontSize))).toBeGreaterThanOrEqual(LABEL_MIN_SIZE - 0.01);
  });

  it('paginates without orphan rows: no single-row page, the signer block with two rows at least', () => {
    expect(where((f) => (f.sop.steps.length > 3 && f.plan.pages.some((p) => p.first === p.last) ? ['a page with a single row'] : []))).toEqual([]);
    expect(where((f) => f.plan.pages.filter((p, i, all) => i === all.length - 1 && p.first === p.last && f.sop.steps.length > 1).map(() => 'signer block with one row'))).toEqual([]);
  });

  it('places every decision label clear of rules, lines, symbols and other labels, in one cell, at 7 pt or more', () => {
    expect(where((f) => f.score.details.filter((d) => /label/.test(d) && !/from its line/.test(d)))).toEqual([]);
    expect(flows.reduce((n, f) => n + f.score.labelsBad + f.score.labelsOnRule, 0)).toBe(0);
    expect(flows.reduce((n, f) => n + f.score.labels, 0)).toBeGreaterThan(1000);
  });

  it("keeps a decision label on its line's side of the column rules where a free spot is there: 64 of 1594 are not (loops up a lane beside a rule)", () => {
    const across = flows.reduce((n, f) => n + f.score.labelsAcrossLine, 0);
    expect(across).toBeLessThanOrEqual(64);
  });

  it("runs long lines through a free column's middle rather than beside a rule: 278 lines over 96 px within 12 px of one (368 without)", () => {
    expect(flows.reduce((n, f) => n + f.score.longBesideRule, 0)).toBeLessThanOrEqual(278);
  });

  it('prints a connector band only where an off-page connector stands in it', () => {
    expect(where((f) => f.score.details.filter((d) => /connector band/.test(d)))).toEqual([]);
    expect(flows.reduce((n, f) => n + f.score.bands, 0)).toBeGreaterThan(500);
  });

  it('letters the off-page connectors in the order a reader meets them', () => {
    expect(where((f) => f.score.details.filter((d) => /off-page letter/.test(d)))).toEqual([]);
  });

  it('keeps the lines at one side of a symbol at least 6 px apart', () => {
    expect(where((f) => f.score.details.filter((d) => /two lines at the/.test(d)))).toEqual([]);
  });

  it('keeps lines 2 pt clear of the symbols they do not join', () => {
    expect(where((f) => f.score.details.filter((d) => /passes .* from symbol/.test(d)))).toEqual([]);
  });

  it('crosses no two connectors that share a symbol, and no edge its own reverse', () => {
    expect(where((f) => f.score.details.filter((d) => /share a symbol and cross|crosses its own reverse/.test(d)))).toEqual([]);
    expect(flows.reduce((n, f) => n + f.score.crossSharing + f.score.crossReverse, 0)).toBe(0);
  });

  it('turns a hand-off down-then-across only where the usual L would knot: a handful in 300 flows', () => {
    const turned = flows.reduce((n, f) => n + f.score.handoffsTurned, 0);
    expect(turned).toBeLessThanOrEqual(10);
  });
});
