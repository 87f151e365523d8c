// The digest of what an SOP's own source decided: every field of the Sop but its instansi (shared
// by all of an office's SOPs; a build hashes it once). A build decides what to print by it
// (pdf/inputs.ts). A Sop answered from the check cache carries the digest it had when checked,
// so "nothing changed" neither decodes its steps (three quarters of the cache's bytes) nor
// serialises it again. Keyed by the Sop object: a copy simply computes it again.
import { hash } from 'node:crypto';
import type { Sop } from './sop.ts';

const known = new WeakMap<Sop, string>();

/**
 * SHA-256 of the Sop's JSON without its instansi, in its own key order: the same on every machine
 * and Node version (CI shares compare it, bagian/). Reads every field, the steps included.
 */
export function sopDigest(sop: Sop): string {
  let digest = known.get(sop);
  if (digest === undefined) {
    // A copy without the instansi rather than a replacer, which JSON.stringify would call for every value.
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(sop) as Array<keyof Sop>) if (key !== 'instansi') fields[key] = sop[key];
    digest = hash('sha256', JSON.stringify(fields), 'hex');
    known.set(sop, digest);
  }
  return digest;
}

/** `sop` has `digest` (from the check cache, which computed it from the same Sop). */
export function knowSopDigest(sop: Sop, digest: string): void {
  known.set(sop, digest);
}
