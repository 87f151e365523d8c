// The digest of an SOP's procedure steps, as a build decides what to print (pdf/inputs.ts). A Sop
// answered from the check cache carries the digest its steps had when checked, so "nothing
// changed" never decodes them (three quarters of the cache's bytes). Keyed by the Sop object:
// a copy simply computes it again.
import { hash } from 'node:crypto';
import type { Sop } from './sop.ts';

const known = new WeakMap<Sop, string>();

/** SHA-256 of the steps' JSON: the same on every machine and Node version (shares compare it, bagian/). */
export function stepsDigest(sop: Sop): string {
  let digest = known.get(sop);
  if (digest === undefined) {
    digest = hash('sha256', JSON.stringify(sop.steps), 'hex');
    known.set(sop, digest);
  }
  return digest;
}

/** `sop`'s steps have `digest` (from the check cache, which computed it from the same steps). */
export function knowStepsDigest(sop: Sop, digest: string): void {
  known.set(sop, digest);
}
