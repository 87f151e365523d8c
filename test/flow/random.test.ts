import { describe, expect, it } from 'vitest';
import { checkLayout } from '../../scripts/flow/quality.ts';
import { randomCase } from './helpers.ts';

describe('layoutFlow on random valid flows', () => {
  it('checks clean for 200 seeds (5–25 rows, 3–6 actors, decisions, jumps both ways, several pages)', () => {
    const failures: string[] = [];
    let multiPage = 0;
    let offpage = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const c = randomCase(seed);
      if (c.layout.length > 1) multiPage++;
      offpage += c.layout.flatMap((p) => p.symbols.filter((s) => s.kind === 'offpage')).length;
      const v = checkLayout(c.graph, c.layout);
      if (v.length) failures.push(`seed ${seed}: ${v.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
    // The generator really exercises page breaks and off-page connectors.
    expect(multiPage).toBeGreaterThan(150);
    expect(offpage).toBeGreaterThan(1000);
  });

  it('generates valid flows: every row reaches an end, no self jumps, distinct decision exits', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const c = randomCase(seed);
      expect(c.graph.nodes.length).toBeGreaterThanOrEqual(5);
      expect(c.graph.nodes.length).toBeLessThanOrEqual(25);
      expect(c.graph.actors).toBeGreaterThanOrEqual(3);
      expect(c.graph.actors).toBeLessThanOrEqual(6);
      for (const e of c.graph.edges) expect(e.to).not.toBe(e.from);
    }
  });
});
