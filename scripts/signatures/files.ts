// The files edge of signature verification: where signed PDFs and trusted roots live in content/,
// read (inside content/ only, links judged as for sources), verified, and reported on vfiles
// located at the signed file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import type { Certificate } from 'pkijs';
import { report } from '../diagnostics/report.ts';
import { isSignable, projectDirs, ROOTS_DIR, SIGNED_DIR, signedPdfPath } from '../model/paths.ts';
import type { Sop } from '../model/sop.ts';
import type { SourceParts } from '../pdf/parts.ts';
import { readInside, rootOf } from '../source/read-inside.ts';
import { parseCertificates } from './trust.ts';
import { verifySigned, type Verdict } from './verify.ts';

/** A signed SOP is a few hundred kB; anything far larger is not one. */
const MAX_SIGNED_BYTES = 50 * 1024 * 1024;

export { isSignable } from '../model/paths.ts';

export interface SignedSop {
  sop: Sop;
  /** The signed file's path (relative to the project), whether or not it is there. */
  file: string;
  /** Undefined: no signed file yet. */
  verdict?: Verdict;
  /** The signed file's bytes, as verified (published byte for byte). */
  bytes?: Uint8Array;
}

export interface SignatureCheck {
  signed: SignedSop[];
  /** One vfile per signed (or stray) PDF, with its findings. */
  files: VFile[];
}

function rootsOf(root: string, instansiDir: string): Certificate[] | undefined {
  const dir = path.join(root, instansiDir, ROOTS_DIR);
  const base = rootOf(projectDirs(root).content);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return undefined;
  }
  const certs = names.flatMap((name) => {
    const got = readInside(path.join(dir, name), base, 1024 * 1024);
    return got.ok ? parseCertificates(got.bytes) : [];
  });
  return certs.length ? certs : undefined;
}

export interface VerifyOptions {
  /** The PDF the current sources print, when this run built it or the cache vouches for it. */
  build: (sop: Sop) => Uint8Array | undefined;
  /** What each SOP's sources are now, part by part. */
  parts: (sop: Sop) => SourceParts;
}

/** Verifies the signed PDF of every signable SOP and names stray PDFs in ttd/ folders. */
export async function verifySignedSops(root: string, sops: Sop[], options: VerifyOptions): Promise<SignatureCheck> {
  const base = rootOf(projectDirs(root).content);
  const roots = new Map<string, Certificate[] | undefined>();
  const signed: SignedSop[] = [];
  const files: VFile[] = [];
  for (const sop of sops.filter(isSignable)) {
    const file = signedPdfPath(sop);
    const got = readInside(path.join(root, file), base, MAX_SIGNED_BYTES);
    if (!got.ok) {
      if (got.problem !== 'tidak-ada') {
        const vfile = new VFile({ path: file });
        report(vfile, 'ttd-tidak-sah', `PDF bertanda tangan ${file} tidak dapat dibaca (${got.problem}).`, undefined, { hint: 'Salin ulang PDF bertanda tangan ke folder ttd/ sebagai berkas biasa.' });
        files.push(vfile);
      }
      signed.push({ sop, file });
      continue;
    }
    if (!roots.has(sop.instansi.dir)) roots.set(sop.instansi.dir, rootsOf(root, sop.instansi.dir));
    const trusted = roots.get(sop.instansi.dir);
    const build = options.build(sop);
    const verdict = await verifySigned({ bytes: got.bytes, ...(build ? { build } : {}), parts: options.parts(sop), sop, ...(trusted ? { roots: trusted } : {}) });
    const vfile = new VFile({ path: file });
    for (const f of verdict.findings) report(vfile, f.rule, f.message, undefined, f.hint ? { hint: f.hint } : {});
    files.push(vfile);
    signed.push({ sop, file, verdict, bytes: got.bytes });
  }
  files.push(...strays(root, sops));
  return { signed, files };
}

/** PDFs in a ttd/ folder beside SOP sources that belong to no signable SOP. */
function strays(root: string, sops: Sop[]): VFile[] {
  const expected = new Set(sops.filter(isSignable).map(signedPdfPath));
  const bySlug = new Map(sops.map((s) => [signedPdfPath(s), s]));
  const dirs = [...new Set(sops.map((s) => `${path.posix.dirname(s.path)}/${SIGNED_DIR}`))].sort();
  const out: VFile[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(path.join(root, dir)).filter((n) => n.toLowerCase().endsWith('.pdf')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = `${dir}/${name}`;
      if (expected.has(rel)) continue;
      const sop = bySlug.get(rel);
      const why = sop
        ? `SOP ${sop.nomor} ${sop.tanda_tangan === 'elektronik' ? `berstatus ${sop.status}` : 'ditandatangani basah'}: PDF ini tidak diperiksa dan tidak diterbitkan.`
        : `Tidak ada SOP bernama ${name.replace(/\.pdf$/i, '.md')} di ${path.posix.dirname(dir)}/: PDF ini tidak diperiksa dan tidak diterbitkan.`;
      const vfile = new VFile({ path: rel });
      report(vfile, 'ttd-tanpa-sop', why, undefined);
      out.push(vfile);
    }
  }
  return out;
}
