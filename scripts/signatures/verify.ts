// Verifies one signed PDF (ttd/<slug>.pdf) against the SOP as the current sources print it.
// Pure over bytes: the signed file, this run's build of the SOP (when there is one), the hashes
// of what the sources are now, and the roots the office trusts. Four questions, in order:
// is it this SOP as the sources build it, did the signer add only a signature, is the signature
// sound, and whose is it.
import { PDFDocument } from 'pdf-lib';
import type { Certificate } from 'pkijs';
import { RULES, type RuleId } from '../diagnostics/rules.ts';
import { firstDay, waktuWib } from '../kit/values.ts';
import type { Sop } from '../model/sop.ts';
import { changedParts, IDENTITY_PART, partsFromItems, type SourceParts } from '../pdf/parts.ts';
import { forbiddenChanges } from './changes.ts';
import { checkCms } from './cms.ts';
import { locateSignature } from './locate.ts';
import { chainsToRoot, commonName, validAt } from './trust.ts';

export interface Finding {
  rule: RuleId;
  message: string;
  hint?: string;
}

export type SignatureStatus = 'sah' | 'berubah' | 'tidak-sah';

export interface Verdict {
  status: SignatureStatus;
  /** The certificate's name (CN) of whoever signed. */
  signer?: string;
  signedAt?: Date;
  /** When the sources changed after signing: what changed (`baris 4`, `tanggal_efektif`). */
  changed?: string[];
  /** Whether the signed bytes were compared with this run's build of the SOP. */
  compared: boolean;
  findings: Finding[];
}

export interface SignedInput {
  /** The file in ttd/. */
  bytes: Uint8Array;
  /** The PDF the current sources print (this run's build, or one the build cache vouches for). */
  build?: Uint8Array;
  /** What the current sources are, part by part (pdf/parts.ts). */
  parts: SourceParts;
  sop: Pick<Sop, 'nomor' | 'nama' | 'disahkan_oleh' | 'tanggal_efektif'>;
  /** Roots the office trusts; undefined when it keeps none (the chain is not checked). */
  roots?: Certificate[];
}

const ACCEPTED_SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);
/** Enough to name what went wrong; a long list is cut (one finding per file, bounded). */
const MAX_NAMED = 6;

const named = (items: string[]) => (items.length > MAX_NAMED ? `${items.slice(0, MAX_NAMED).join(', ')} dan ${items.length - MAX_NAMED} lainnya` : items.join(', '));

async function load(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: false, throwOnInvalidObject: true });
    // A truncated file parses to no catalog or no page tree: not a PDF one can read.
    return doc.getPageCount() > 0 ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** The first revision: everything up to the first %%EOF and its line end. */
function firstRevision(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = text.indexOf('%%EOF');
  if (at < 0) return bytes;
  let end = at + 5;
  while (end < bytes.length && (bytes[end] === 0x0d || bytes[end] === 0x0a)) end++;
  return bytes.subarray(0, end);
}

/** The part hashes a sop-press build wrote into its XMP (pdf/parts.ts, print/xmp.ts). */
export function printedParts(revision: Uint8Array): SourceParts | undefined {
  const text = Buffer.from(revision.buffer, revision.byteOffset, revision.byteLength).toString('latin1');
  const block = /<sopp:bagian><rdf:Bag>([\s\S]*?)<\/rdf:Bag><\/sopp:bagian>/.exec(text)?.[1];
  if (!block) return undefined;
  const items = [...block.matchAll(/<rdf:li>([^<]*)<\/rdf:li>/g)].map((m) => Buffer.from(m[1]!, 'latin1').toString('utf8').replace(/&amp;/g, '&'));
  return partsFromItems(items);
}

const words = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 1);

/** A certificate name matches when all its words are in the SOP's signer name (titles aside). */
export function sameName(certName: string, nama: string): boolean {
  const have = new Set(words(nama));
  const want = words(certName);
  return want.length > 0 && want.every((w) => have.has(w));
}

/** A damaged or hostile file is a refused signature, never a crash of the command. */
export async function verifySigned(input: SignedInput): Promise<Verdict> {
  try {
    return await verify(input);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { status: 'tidak-sah', compared: input.build !== undefined, findings: [{ rule: 'ttd-tidak-sah', message: `PDF bertanda tangan ini rusak dan tidak dapat diperiksa sampai selesai (keterangan teknis: ${why.slice(0, 200)}).` }] };
  }
}

async function verify(input: SignedInput): Promise<Verdict> {
  const findings: Finding[] = [];
  const verdict = (extra: Partial<Verdict> = {}): Verdict => {
    const fatal = findings.filter((f) => RULES[f.rule].severity === 'galat');
    const status: SignatureStatus = !fatal.length ? 'sah' : fatal.every((f) => f.rule === 'ttd-berubah') ? 'berubah' : 'tidak-sah';
    return { status, compared: input.build !== undefined, findings, ...extra };
  };
  const { bytes } = input;
  const full = await load(bytes);
  if (!full) {
    findings.push({ rule: 'ttd-tidak-sah', message: 'Berkas ini tidak dapat dibaca sebagai PDF.' });
    return verdict();
  }
  const located = locateSignature(full, bytes);
  if (!located.ok) {
    findings.push({ rule: 'ttd-tidak-sah', message: located.problem });
    return verdict();
  }
  const sig = located.signature;
  const [, b, c, d] = sig.byteRange;
  const signedEnd = c + d;

  // 1. This SOP as the current sources print it.
  const build = input.build;
  const first = firstRevision(bytes);
  const matchesBuild = build !== undefined && build.length <= b && Buffer.from(bytes.buffer, bytes.byteOffset, build.length).equals(Buffer.from(build));
  let changed: string[] | undefined;
  if (!matchesBuild) {
    const then = printedParts(first);
    const now = input.parts;
    const sameSop = then !== undefined && (then[IDENTITY_PART] === now[IDENTITY_PART] || then['nama'] === now['nama']);
    changed = then ? changedParts(then, now) : [];
    if (!sameSop) {
      findings.push({ rule: 'ttd-bukan-sop-ini', message: `PDF bertanda tangan ini bukan cetakan SOP ${input.sop.nomor} (nomor dan nama SOP di dalamnya berbeda, atau bukan cetakan sop build).` });
      return verdict();
    }
    if (changed.length) {
      const what = changed.map((p) => (p === 'cetakan' ? 'tata letak, logo atau versi sop-press' : p));
      findings.push({ rule: 'ttd-berubah', message: `SOP berubah setelah ditandatangani: ${named(what)}.`, hint: 'Jalankan sop build, tandatangani PDF yang baru dari output/pdf/, lalu ganti berkas ini.' });
    } else if (build !== undefined) {
      findings.push({ rule: 'ttd-bukan-sop-ini', message: 'Bagian PDF sebelum tanda tangan tidak sama dengan cetakan sop build dari sumber yang sekarang, padahal sumbernya sama: PDF diubah atau disimpan ulang dengan program lain sebelum ditandatangani.' });
    } else {
      findings.push({ rule: 'ttd-belum-dicocokkan', message: 'PDF bertanda tangan belum dicocokkan dengan cetakan sumber yang sekarang: belum ada hasil sop build yang mutakhir untuk SOP ini.' });
    }
  }

  // 2. Only a signature was added (and, after it, at most validation data).
  const original = await load(matchesBuild ? build! : first);
  const signedRevision = signedEnd === bytes.length ? full : await load(bytes.subarray(0, signedEnd));
  if (original && signedRevision) {
    const made = forbiddenChanges(original, signedRevision, { kind: 'signature', field: sig.field });
    if (made.length) findings.push({ rule: 'ttd-perubahan-lain', message: `Selain tanda tangan, PDF diubah sebelum ditandatangani: ${named(made)}.` });
  }
  if (signedEnd !== bytes.length) {
    const after = signedRevision ? forbiddenChanges(signedRevision, full, { kind: 'validation' }) : ['bagian setelah tanda tangan tidak terbaca'];
    if (after.length) findings.push({ rule: 'ttd-perubahan-lain', message: `PDF diubah setelah ditandatangani (pembaruan kedua): ${named(after)}.` });
  }

  // 3. The signature is sound.
  if (!ACCEPTED_SUBFILTERS.has(sig.subFilter)) findings.push({ rule: 'ttd-tidak-sah', message: `Jenis tanda tangan "${sig.subFilter || '(kosong)'}" tidak didukung; yang diterima: ETSI.CAdES.detached (PAdES) atau adbe.pkcs7.detached.` });
  const cms = checkCms(sig.cms, [bytes.subarray(0, b), bytes.subarray(c, signedEnd)]);
  for (const problem of cms.problems) findings.push({ rule: 'ttd-tidak-sah', message: problem });
  const signedAt = cms.signingTime ?? sig.time;
  const signer = cms.signer ? commonName(cms.signer) : undefined;
  const who = { ...(signer ? { signer } : {}), ...(signedAt ? { signedAt } : {}), ...(changed?.length ? { changed } : {}) };
  if (!cms.signer) return verdict(who);

  // 4. Whose, and when.
  const at = signedAt ?? new Date(cms.signer.notBefore.value.getTime());
  if (!input.roots) {
    findings.push({ rule: 'ttd-rantai-tidak-diperiksa', message: `Rantai sertifikat "${signer}" tidak diperiksa: belum ada sertifikat akar di ttd/akar/ instansi.` });
  } else {
    // Judged at a moment the signer's certificate was valid: its own validity is a warning below.
    const when = validAt(cms.signer, at) ? at : cms.signer.notBefore.value;
    if (!(await chainsToRoot(cms.signer, cms.certificates, input.roots, when))) {
      findings.push({ rule: 'ttd-akar-tidak-dipercaya', message: `Sertifikat "${signer}" tidak berantai ke sertifikat akar di ttd/akar/ instansi.` });
    }
  }
  const nama = input.sop.disahkan_oleh.nama;
  if (signer && nama && !sameName(signer, nama)) {
    findings.push({ rule: 'ttd-nama-berbeda', message: `Ditandatangani oleh "${signer}", sedangkan disahkan_oleh.nama "${nama}".` });
  }
  if (!signedAt) findings.push({ rule: 'ttd-waktu', message: 'Waktu penandatanganan tidak tercatat di tanda tangan.' });
  else {
    if (!validAt(cms.signer, signedAt)) findings.push({ rule: 'ttd-waktu', message: `Sertifikat "${signer}" tidak berlaku pada ${waktuWib(signedAt)} (berlaku ${waktuWib(cms.signer.notBefore.value)} s.d. ${waktuWib(cms.signer.notAfter.value)}).` });
    const efektif = input.sop.tanggal_efektif;
    const day = new Date(signedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    if (efektif && day < firstDay(efektif)) findings.push({ rule: 'ttd-waktu', message: `Ditandatangani ${waktuWib(signedAt)}, sebelum tanggal efektif ${efektif}.` });
  }
  return verdict(who);
}
