import { describe, expect, it } from 'vitest';
import { flowGraph } from '../../scripts/flow/graph.ts';
import { steps } from './helpers.ts';

describe('flowGraph', () => {
  it('turns lanjut into edges: next, jump, decision (labelled), end', () => {
    const g = flowGraph(steps([[0], [1, '4'], [2, 'Lengkap: 4; Tidak: 1'], [0, 'end']]));
    expect(g.actors).toBe(3);
    expect(g.nodes).toEqual([
      { no: 1, actor: 0, symbol: 'terminator' },
      { no: 2, actor: 1, symbol: 'process' },
      { no: 3, actor: 2, symbol: 'decision' },
      { no: 4, actor: 0, symbol: 'terminator' },
    ]);
    expect(g.edges).toEqual([
      { from: 1, to: 2 },
      { from: 2, to: 4 },
      { from: 3, to: 4, label: 'Lengkap' },
      { from: 3, to: 1, label: 'Tidak' },
    ]);
  });

  it('takes the actor count from the caller when given (unused trailing actors keep their column)', () => {
    expect(flowGraph(steps([[0], [0, 'end']]), 4).actors).toBe(4);
  });

  it('gives `next` on the last row no edge rather than inventing a target', () => {
    const st = steps([[0], [0]]);
    expect(flowGraph(st).edges).toEqual([{ from: 1, to: 2 }]);
  });
});
