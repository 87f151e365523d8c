// The flow graph of an SOP: one node per row, one edge per arrow. Symbols are already
// decided by validation, so this only translates `lanjut` into edges.
import type { Step } from '../model/sop.ts';
import type { FlowEdge, FlowGraph, FlowNode } from './types.ts';

/**
 * Build the graph of a procedure. `actors` is the number of actor columns (Sop.pelaksana
 * length); when omitted, the highest actor index used + 1.
 */
export function flowGraph(steps: Step[], actors?: number): FlowGraph {
  const nodes: FlowNode[] = steps.map((s) => ({ no: s.no, actor: s.actor, symbol: s.symbol }));
  const edges: FlowEdge[] = [];
  steps.forEach((s, i) => {
    const l = s.lanjut;
    switch (l.kind) {
      case 'next': {
        const following = steps[i + 1];
        // Validation rejects `next` on the last row; tolerate it rather than invent a target.
        if (following) edges.push({ from: s.no, to: following.no });
        break;
      }
      case 'jump':
        edges.push({ from: s.no, to: l.to });
        break;
      case 'decision':
        for (const exit of l.exits) edges.push({ from: s.no, to: exit.to, label: exit.label });
        break;
      case 'end':
        break;
    }
  });
  const used = steps.reduce((m, s) => Math.max(m, s.actor + 1), 0);
  return { actors: actors ?? used, nodes, edges };
}
