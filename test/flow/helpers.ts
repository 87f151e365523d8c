// Builders for flow tests: steps from a compact spec, and seeded random valid flows.
import type { Lanjut, Step, StepSymbol } from '../../scripts/model/sop.ts';
import { flowGraph } from '../../scripts/flow/graph.ts';
import { layoutFlow } from '../../scripts/flow/layout.ts';
import { paginate } from '../../scripts/flow/paginate.ts';
import type { FlowGraph, PageLayout, PageSlice, PaginateOptions } from '../../scripts/flow/types.ts';
import { prng } from '../../scripts/bench/generate.ts';

export { prng };

/**
 * One row: actor index and `lanjut` as written in a source (`next` when absent):
 * `end`, `5` (jump), `Lengkap: 3; Tidak: 1` (decision).
 */
export type RowSpec = [actor: number, lanjut?: string];

export function parseLanjut(text: string | undefined): Lanjut {
  if (!text || text === 'next') return { kind: 'next' };
  if (text === 'end') return { kind: 'end' };
  if (/^\d+$/.test(text)) return { kind: 'jump', to: Number(text) };
  const exits = text.split(';').map((part) => {
    const m = /^\s*(.+?):\s*(\d+)\s*$/.exec(part);
    if (!m) throw new Error(`bad lanjut ${text}`);
    return { label: m[1]!, to: Number(m[2]) };
  });
  if (exits.length !== 2) throw new Error(`decision needs two exits: ${text}`);
  return { kind: 'decision', exits: [exits[0]!, exits[1]!] };
}

/** Steps numbered from 1, symbols set the way validation sets them. */
export function steps(spec: RowSpec[]): Step[] {
  return spec.map(([actor, l], i) => {
    const lanjut = parseLanjut(l);
    const symbol: StepSymbol = i === 0 || lanjut.kind === 'end' ? 'terminator' : lanjut.kind === 'decision' ? 'decision' : 'process';
    return {
      no: i + 1,
      kegiatan: `Kegiatan ${i + 1}`,
      actor,
      kelengkapan: '',
      waktu: { value: 1, unit: 'jam', text: '1 jam' },
      output: '',
      keterangan: '',
      lanjut,
      symbol,
    };
  });
}

export interface Case {
  graph: FlowGraph;
  columnWidths: number[];
  rowHeights: number[];
  pages: PageSlice[];
  bandHeight: number;
  layout: PageLayout[];
}

/** Lay out a flow with uniform or given row heights and page capacities. */
export function build(
  spec: RowSpec[],
  opts: { actors?: number; columnWidths?: number[]; rowHeights?: number[]; paging?: Partial<PaginateOptions>; pages?: PageSlice[] } = {},
): Case {
  const st = steps(spec);
  const graph = flowGraph(st, opts.actors);
  const columnWidths = opts.columnWidths ?? new Array<number>(graph.actors).fill(90);
  const rowHeights = opts.rowHeights ?? st.map(() => 56);
  const paging: PaginateOptions = { firstPageCapacity: 1e6, pageCapacity: 1e6, bandHeight: 30, ...opts.paging };
  const pages = opts.pages ?? paginate(rowHeights, paging);
  const input = { graph, columnWidths, rowHeights, pages, bandHeight: paging.bandHeight };
  return { ...input, layout: layoutFlow(input) };
}

const LABELS: Array<[string, string]> = [
  ['Ya', 'Tidak'],
  ['Lengkap', 'Tidak'],
  ['Benar', 'Salah'],
  ['Setuju', 'Revisi'],
];

/**
 * A random valid flow: 5–25 rows, 3–6 actors, plain flow with some decisions, jumps both
 * ways and early ends; no row jumps to itself, decision exits differ, and every row can
 * reach an end. Row heights, column widths and page sizes vary too.
 */
export function randomCase(seed: number): Case {
  const r = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  for (;;) {
    const n = int(5, 25);
    const actors = int(3, 6);
    const spec: RowSpec[] = [];
    let actor = int(0, actors - 1);
    for (let i = 0; i < n; i++) {
      if (r() < 0.6) actor = int(0, actors - 1);
      const other = (): number => {
        let t = int(1, n);
        while (t === i + 1) t = int(1, n);
        return t;
      };
      let l: string | undefined;
      const x = r();
      if (i === n - 1) l = 'end';
      else if (x < 0.58) l = undefined;
      else if (x < 0.7) l = String(other());
      else if (x < 0.95) {
        const [ya, tidak] = LABELS[int(0, LABELS.length - 1)]!;
        const first = r() < 0.8 ? i + 2 : other();
        let second = other();
        while (second === first) second = other();
        l = `${ya}: ${first}; ${tidak}: ${second}`;
      } else l = 'end';
      spec.push([actor, l]);
    }
    if (!reachesEnd(spec)) continue;
    const columnWidths = Array.from({ length: actors }, () => int(70, 140));
    const rowHeights = spec.map(() => int(48, 100));
    const bandHeight = 28;
    const paging = { firstPageCapacity: int(250, 500), pageCapacity: int(380, 650), bandHeight };
    return build(spec, { actors, columnWidths, rowHeights, paging });
  }
}

function reachesEnd(spec: RowSpec[]): boolean {
  const st = steps(spec);
  const succ = st.map((s, i): number[] => {
    const l = s.lanjut;
    if (l.kind === 'next') return [i + 1];
    if (l.kind === 'jump') return [l.to - 1];
    if (l.kind === 'decision') return l.exits.map((e) => e.to - 1);
    return [];
  });
  const ok = new Set(st.flatMap((s, i) => (s.lanjut.kind === 'end' ? [i] : [])));
  for (let changed = true; changed; ) {
    changed = false;
    succ.forEach((ts, i) => {
      if (!ok.has(i) && ts.some((t) => ok.has(t))) {
        ok.add(i);
        changed = true;
      }
    });
  }
  return ok.size === st.length;
}
