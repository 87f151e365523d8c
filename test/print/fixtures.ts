// Shared HTML and poppler helpers for the print tests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run, words, type Word } from '../support/poppler.ts';

export { run, words, type Word };

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BASE_URL = pathToFileURL(ROOT + path.sep).href;

const FONT_DIR = 'node_modules/@fontsource/arimo/files';

export interface DocOptions {
  title?: string;
  /** Extra HTML for the first page (e.g. remote assets that must be blocked). */
  extra?: string;
  /** Signature box, mm from the top-left of page 2. */
  sig?: { left: number; top: number; width: number; height: number };
}

/** A two-page A4 document in Arimo, each page one `.page` element of exact paper size. */
export function twoPageDoc(o: DocOptions = {}): string {
  const sig = o.sig ?? { left: 110, top: 200, width: 70, height: 30 };
  const rows = Array.from({ length: 12 }, (_, i) => `<tr><td>${i + 1}</td><td>Memeriksa kelengkapan berkas permohonan</td><td>Kepala Seksi</td><td>2 Jam</td></tr>`).join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${o.title ?? 'SOP Uji'}</title><style>
@font-face{font-family:Arimo;font-weight:400;src:url(${FONT_DIR}/arimo-latin-400-normal.woff2) format('woff2')}
@font-face{font-family:Arimo;font-weight:700;src:url(${FONT_DIR}/arimo-latin-700-normal.woff2) format('woff2')}
@page{size:210mm 297mm;margin:0}
html,body{margin:0;font-family:Arimo;font-size:11pt}
.page{position:relative;width:210mm;height:297mm;box-sizing:border-box;padding:20mm;overflow:hidden;break-after:page}
.page:last-child{break-after:auto}
table{border-collapse:collapse;width:100%}td{border:1px solid #000;padding:2mm}
.sig{position:absolute;left:${sig.left}mm;top:${sig.top}mm;width:${sig.width}mm;height:${sig.height}mm;
  box-sizing:border-box;border:1px dashed #999;font-size:10pt;line-height:1}
.sig span{position:absolute}.sig .a{left:0;top:0}.sig .z{right:0;bottom:0}
</style></head><body>
<div class="page"><h1>Penerbitan Surat Keterangan</h1><table>${rows}</table>${o.extra ?? ''}</div>
<div class="page"><p>Ditetapkan di Palembang</p><div class="sig" data-sig-box="kepala"><span class="a">AWAL</span><span class="z">AKHIR</span></div></div>
</body></html>`;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sop-press-test-'));
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}


/** `pdfinfo` fields as a map (`Title` → `SOP Uji`). */
export function pdfinfo(file: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) map.set(m[1]!.trim(), m[2]!.trim());
  }
  return map;
}


function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--help'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** certutil/pk12util come from Debian's libnss3-tools; the signing smoke test skips without them. */
export const canSign = has('certutil') && has('pk12util') && has('openssl') && has('pdfsig');

/** Signs `field` of `file` with a throwaway self-signed certificate via poppler's pdfsig; returns pdfsig's report. */
export function signWithPdfsig(dir: string, file: string, field: string): string {
  const nss = path.join(dir, 'nss');
  fs.mkdirSync(nss, { recursive: true });
  const db = `sql:${nss}`;
  run('certutil', ['-N', '-d', db, '--empty-password']);
  const key = path.join(dir, 'k.pem');
  const cert = path.join(dir, 'c.pem');
  const p12 = path.join(dir, 'c.p12');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=Kepala Dinas Uji'], { stdio: 'ignore' });
  run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:', '-name', 'kepala']);
  run('pk12util', ['-i', p12, '-d', db, '-W', '']);
  const signed = path.join(dir, 'signed.pdf');
  execFileSync('pdfsig', ['-nssdir', db, '-sign', field, '-nick', 'kepala', file, signed], { stdio: 'ignore' });
  return execFileSync('pdfsig', ['-nssdir', db, '-nocert', signed], { encoding: 'utf8' }) + run('qpdf', ['--check', signed]);
}
