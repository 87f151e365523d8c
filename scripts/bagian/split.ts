// Which CI job prints which SOP (`sop build --bagian i/n`). An SOP's share is a hash of its id,
// not its place in a sorted list: adding or removing an SOP moves no other one, so every job's
// cache stays useful from run to run; with hundreds of SOPs the shares are even within a few
// percent. The same on every machine: it depends on nothing but the id and n.
import { createHash } from 'node:crypto';

export interface Bagian {
  /** 1-based: this job's share. */
  i: number;
  /** How many jobs share the build. */
  n: number;
}

/** At most this many jobs: a CI matrix beyond it costs more in start-up than it saves. */
export const MAX_BAGIAN = 256;

/** The share (1…n) that prints SOP `id`. */
export function bagianOf(id: string, n: number): number {
  const h = createHash('sha256').update(id).digest();
  return (h.readUInt32BE(0) % n) + 1;
}

/** True when SOP `id` is printed by job `b`. */
export function owns(b: Bagian, id: string): boolean {
  return bagianOf(id, b.n) === b.i;
}

export function label(b: Bagian): string {
  return `${b.i}/${b.n}`;
}

/**
 * `"2/4"` → { i: 2, n: 4 }; a string saying what is wrong otherwise (the CLI makes it a usage
 * error with an example).
 */
export function parseBagian(value: string): Bagian | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return `"${value}" bukan bagian yang sah: tulis nomor bagian dan jumlah bagian dengan garis miring, mis. 2/4.`;
  const i = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > MAX_BAGIAN) return `Jumlah bagian ${m[2]} di "${value}" harus antara 1 dan ${MAX_BAGIAN}.`;
  if (i < 1 || i > n) return `Bagian ${m[1]} di "${value}" harus antara 1 dan ${n}.`;
  return { i, n };
}
