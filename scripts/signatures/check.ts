// Signed PDFs as `sop check` and `sop ttd` judge them: against the PDF this run built, or else the
// one the build cache vouches for (output/pdf, same sources, layouts and code), never against a
// file someone committed.
import { readFileSync } from 'node:fs';
import type { Sop } from '../model/sop.ts';
import { currentParts, vouchedPdfs } from '../pdf/build-pdfs.ts';
import type { SourceParts } from '../pdf/parts.ts';
import { verifySignedSops, type SignatureCheck } from './files.ts';

/**
 * `built`: SOP id → the PDF this run printed (sop ttd, sop site); without it the cache's current
 * set is used. What is costly (hashing the layouts and code) is done only when a signed file exists.
 */
export async function checkSignatures(root: string, sops: Sop[], built?: Map<string, string>): Promise<SignatureCheck> {
  let vouched: Map<string, string> | undefined;
  let parts: Map<string, SourceParts> | undefined;
  return verifySignedSops(root, sops, {
    build: (sop) => {
      const file = built ? built.get(sop.id) : (vouched ??= vouchedPdfs(sops, root)).get(sop.id);
      return file ? new Uint8Array(readFileSync(file)) : undefined;
    },
    parts: (sop) => (parts ??= currentParts(sops, root)).get(sop.id)!,
  });
}
