// A plain `sop build` whose inputs are those the PDFs shown were made from has nothing to do,
// like a task whose inputs and outputs are unchanged in make or Gradle. After each plain build,
// what it was made from (the check's fingerprint, the layouts, fonts and code) and what it said
// is sealed into the ledger of output/pdf's set (output/vouch.ts Ledger.made). The next build
// with the same inputs stops its check at the fingerprint, verifies the set's files as any reuse
// does, and says the same again, without decoding a result, running a rule across files or
// hashing an SOP.
import path from 'node:path';
import { isSignable, signedPdfPath } from '../model/paths.ts';
import { sha256 } from '../output/vouch.ts';
import { shownSet, tidy } from '../output/sets.ts';
import type { BuiltPdf } from './build-pdfs.ts';

/** A PDF awaiting its electronic signature, and where the signed one goes back (cli/build.ts signingNote). */
export interface AwaitingSignature {
  /** The PDF, relative to the project. */
  pdf: string;
  /** Where the signed PDF goes: ttd/ beside the source, relative to the project. */
  signed: string;
}

export interface Made {
  /** inputsKey of the build. */
  inputs: string;
  /** What the build said: files checked, warnings, SOPs, PDFs awaiting a signature. */
  files: number;
  warnings: number;
  sops: number;
  awaiting: AwaitingSignature[];
}

/** The key of a plain build's inputs: the check's fingerprint (validate/fingerprint.ts) and everything every PDF shares (pdf/inputs.ts). */
export function inputsKey(fingerprint: string, shared: string): string {
  return sha256(`sop build\0${fingerprint}\0${shared}`);
}

/** The signable PDFs of a build that have a signing manifest. */
export function awaitingSignature(built: readonly BuiltPdf[], root: string): AwaitingSignature[] {
  // Each folder made relative once: hundreds of PDFs share a few folders (path.relative is slow).
  const folders = new Map<string, string>();
  const rel = (p: string) => {
    const dir = path.dirname(p);
    let folder = folders.get(dir);
    if (folder === undefined) folders.set(dir, (folder = path.relative(root, dir).split(path.sep).join('/')));
    return folder ? `${folder}/${path.basename(p)}` : path.basename(p);
  };
  return built.filter((b) => b.manifest && isSignable(b.sop)).map((b) => ({ pdf: rel(b.pdf), signed: signedPdfPath(b.sop) }));
}

/** Seals `made` into the ledger of the set output/pdf shows (the caller holds the project's lock). */
export function rememberMade(outDir: string, made: Made): void {
  shownSet(outDir, 'pdf')?.remember(JSON.stringify(made));
}

/** The key sealed in the ledger of the set output/pdf shows, read without the lock (output/sets.ts peekMade). */
export function madeInputs(text: string | undefined): string | undefined {
  return parseMade(text)?.inputs;
}

/**
 * What the set output/pdf shows says, when it was made from `inputs` and every file of it is
 * intact (the caller holds the project's lock); undefined otherwise.
 */
export function currentMade(outDir: string, inputs: string): Made | undefined {
  const set = shownSet(outDir, 'pdf');
  const made = parseMade(set?.made());
  if (made?.inputs !== inputs || !set!.intact()) return undefined;
  tidy(outDir, 'pdf'); // what killed runs left, as a build with nothing to print does
  return made;
}

function parseMade(text: string | undefined): Made | undefined {
  if (!text) return undefined;
  try {
    const made = JSON.parse(text) as Made;
    return typeof made.inputs === 'string' && Number.isInteger(made.files) && Number.isInteger(made.warnings) && Number.isInteger(made.sops) && Array.isArray(made.awaiting) ? made : undefined;
  } catch {
    return undefined;
  }
}
