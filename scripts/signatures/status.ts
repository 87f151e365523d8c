// How a signed SOP's state is said to people: one short phrase for the `sop ttd` table and the
// site, from the verdict.
import { RULES } from '../diagnostics/rules.ts';
import { waktuWib } from '../kit/values.ts';
import type { SignedSop } from './files.ts';

/** `belum ditandatangani`, `sah, oleh …, pada …`, `berubah setelah ditandatangani: …`, `tidak sah: …`. */
export function statusPhrase(s: SignedSop): string {
  const v = s.verdict;
  if (!v) return 'belum ditandatangani';
  if (v.status === 'sah') return `sah, oleh ${v.signer ?? '(tanpa nama)'}, pada ${v.signedAt ? waktuWib(v.signedAt) : '(waktu tidak tercatat)'}`;
  if (v.status === 'berubah') return `berubah setelah ditandatangani: ${(v.changed ?? []).map((p) => (p === 'cetakan' ? 'tata letak/versi sop-press' : p)).join(', ')}`;
  const why = v.findings.find((f) => RULES[f.rule].severity === 'galat');
  return `tidak sah: ${why?.message ?? ''}`;
}

/** A verified signed original the site may publish as the official PDF. */
export function isPublishable(s: SignedSop): s is SignedSop & { bytes: Uint8Array } {
  return s.verdict?.status === 'sah' && s.bytes !== undefined;
}
