// Kill-at-random trials: run a real `sop` command on the sample content, SIGKILL it after a
// seeded random delay, and check that output/pdf, output/buku and output/site each hold
// exactly one complete generation (the one before or the one being built), then that the next
// run cleans up and succeeds.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { prng } from '../../scripts/bench/generate.ts';
import { ROOT, SOP, tempDir } from '../pdf/helpers.ts';


/** SOPs whose name changes between generations: 3 PDFs in 2 instansi, so a mix would show. */
const EDITED = [
  'content/diskominfosp-balangan/sekretariat/mekanisme-pengumpulan-data-kinerja.md',
  'content/diskominfosp-balangan/sekretariat/pelaksanaan-pengukuran-kinerja.md',
  'content/dkukmtk-balangan/monitoring-evaluasi-internal-capaian-kinerja.md',
];

export type Kind = 'pdf' | 'buku' | 'site';
type Snapshot = Record<string, string>;

export const TRIALS = Number(process.env.SOP_KILL_TRIALS ?? 20);
/** Every this many kills, one run goes to the end (see KillTrials.run). */
const COMPLETE_EVERY = 5;

/** Files of output/<kind> (through its link) with their SHA-256; null when there is no output/<kind>. */
function snapshot(dir: string): Snapshot | null {
  if (!existsSync(dir)) return null;
  const out: Snapshot = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

export class KillTrials {
  readonly dir: string;
  readonly #args: string[];
  readonly #kinds: Kind[];
  readonly #generations: Array<Record<string, Snapshot | null>> = [];
  readonly #originals = new Map<string, string>();
  #generation = 0;
  #duration = 0;

  constructor(args: string[], kinds: Kind[]) {
    this.#args = args;
    this.#kinds = kinds;
    this.dir = tempDir('kill');
    cpSync(path.join(ROOT, 'content'), path.join(this.dir, 'content'), { recursive: true });
    symlinkSync(path.join(ROOT, 'layouts'), path.join(this.dir, 'layouts'));
    for (const rel of EDITED) this.#originals.set(rel, readFileSync(path.join(this.dir, rel), 'utf8'));
  }

  /** Sources of generation 0 (as in the repo) or 1 (three SOPs renamed). */
  #setSources(generation: number): void {
    for (const rel of EDITED) {
      const text = this.#originals.get(rel)!;
      writeFileSync(path.join(this.dir, rel), generation === 0 ? text : text.replace(/^nama: (.*)$/m, 'nama: $1 (Revisi)'));
    }
  }

  #state(): Record<string, Snapshot | null> {
    return Object.fromEntries(this.#kinds.map((k) => [k, snapshot(path.join(this.dir, 'output', k))]));
  }

  /** Runs the command to its end; `switching`: it has a generation to build (its time sets the kill delays). */
  #runToEnd(switching: boolean): void {
    const started = performance.now();
    const r = spawnSync(process.execPath, [SOP, ...this.#args, '--diam'], { cwd: this.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr, 'stderr of a run after a kill').toBe('');
    expect(r.status, 'exit code of a run after a kill').toBe(0);
    if (switching) this.#duration = performance.now() - started;
  }

  /** Builds both generations once: their files are the only states a kill may leave. */
  prepare(): void {
    for (const generation of [0, 1]) {
      this.#setSources(generation);
      this.#runToEnd(true);
      this.#generations[generation] = this.#state();
      for (const k of this.#kinds) expect(this.#generations[generation]![k], `output/${k} of generation ${generation}`).not.toBeNull();
    }
    // The generations must differ in more than one file of each set, or a mix could not show.
    for (const k of this.#kinds) {
      const [a, b] = [this.#generations[0]![k]!, this.#generations[1]![k]!];
      expect(Object.keys(a).filter((f) => a[f] !== b[f]).length, `files of output/${k} that differ between generations`).toBeGreaterThan(1);
    }
    this.#generation = 1;
  }

  /**
   * `count` trials: each switches the sources to the other generation and kills a run, then
   * checks every set. Builds are reused: the next trial starts from whatever the kill left (its
   * unfinished sets included), and only every COMPLETE_EVERY-th trial and the last run to the end
   * and check that the run cleaned up and shows the new generation.
   */
  async run(count: number, seed: number): Promise<{ old: number; fresh: number; delays: number[] }> {
    const random = prng(seed);
    let old = 0;
    let fresh = 0;
    // Stratified, in shuffled order: delays cover start-up to 1.5x the last switching run (the
    // machine's speed varies), so kills land in check, printing, writing and swapping, and a
    // third after the end, without leaving that to luck.
    const strata = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    const delays: number[] = [];
    for (let trial = 0; trial < count; trial++) {
      const target = 1 - this.#generation;
      this.#setSources(target);
      const delay = Math.round(((strata[trial]! + random()) / count) * this.#duration * 1.5);
      delays.push(delay);
      await this.#killAfter(delay);
      const state = this.#state();
      for (const k of this.#kinds) {
        const label = `trial ${trial} (seed ${seed}, kill after ${delay} ms): output/${k}`;
        const matches = [0, 1].filter((g) => JSON.stringify(state[k]) === JSON.stringify(this.#generations[g]![k]));
        expect(matches, `${label} is neither the previous generation nor the new one`).toHaveLength(1);
        if (matches[0] === target) fresh++;
        else old++;
      }
      if ((trial + 1) % COMPLETE_EVERY === 0 || trial === count - 1) {
        this.#runToEnd(JSON.stringify(state) !== JSON.stringify(this.#generations[target]));
        const done = this.#state();
        for (const k of this.#kinds) expect(done[k], `trial ${trial}: output/${k} after the next run`).toEqual(this.#generations[target]![k]);
        this.#assertTidy();
      }
      this.#generation = target;
    }
    return { old, fresh, delays };
  }

  async #killAfter(ms: number): Promise<void> {
    const child = spawn(process.execPath, [SOP, ...this.#args], { cwd: this.dir, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    await exited;
    clearTimeout(timer);
  }

  /** After a complete run, output/.sets holds only the sets shown (and their side files). */
  #assertTidy(): void {
    const sets = readdirSync(path.join(this.dir, 'output', '.sets')).filter((n) => !n.endsWith('.json') && !n.endsWith('.ledger'));
    expect(sets.map((n) => n.split('.')[0]).sort(), `sets left in output/.sets: ${sets.join(', ')}`).toEqual([...new Set(sets.map((n) => n.split('.')[0]))].sort());
  }
}

/**
 * The kill-at-random test of one command: `TRIALS` seeded kills, each leaving the previous
 * generation of every set in `kinds` or the new one, then a clean next run.
 */
export function killTrialsTest(command: string, args: string[], kinds: Kind[], seed: number): void {
  it(`sop ${command}: ${TRIALS} kills leave old or new output, never a mix, and the next run succeeds`, async () => {
    const trials = new KillTrials(args, kinds);
    trials.prepare();
    const { old, fresh } = await trials.run(TRIALS, seed);
    // Seeded delays spread over the whole run: with enough trials both outcomes occur.
    if (TRIALS >= 10) {
      expect(old).toBeGreaterThan(0);
      expect(fresh).toBeGreaterThan(0);
    }
  }, 900_000);
}
