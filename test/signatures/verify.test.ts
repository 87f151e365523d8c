// The verification core on a real build of the sample e-signed SOP, signed in the test with a
// test CA (RSA and ECDSA): accepted; a byte changed in the signed range, a shadow update after
// signing, a new field over the page, another root, another SOP and an edited source refused.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Sop } from '../../scripts/model/sop.ts';
import { currentParts } from '../../scripts/pdf/build-pdfs.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { verifySigned, sameName, type SignedInput } from '../../scripts/signatures/verify.ts';
import { parseCertificates } from '../../scripts/signatures/trust.ts';
import { launchPrinter, printAll, ROOT, sampleSops, tempDir } from '../pdf/helpers.ts';
import { canSign, signWithPdfsig } from '../print/fixtures.ts';
import { appendUpdate, makeIdentity, pem, signPdf, type Identity } from './signer.ts';

let sop: Sop;
let build: Uint8Array;
let root: Identity;
let rsa: Identity;
let ecdsa: Identity;
let ecRoot: Identity;
let printer: Printer;
let dir: string;

const input = (bytes: Uint8Array, o: Partial<SignedInput> = {}): SignedInput => ({ bytes, build, parts: partsOf(sop), sop, roots: [root.cert], ...o });
const partsOf = (s: Sop) => currentParts([s], ROOT).get(s.id)!;

beforeAll(async () => {
  sop = sampleSops().find((s) => s.tanda_tangan === 'elektronik' && s.status === 'berlaku')!;
  dir = tempDir('ttd');
  printer = await launchPrinter();
  const [built] = await printAll([sop], printer, dir);
  build = readFileSync(built!.pdf);
  root = await makeIdentity('Root CA Uji', 'RSA');
  rsa = await makeIdentity(sop.disahkan_oleh.nama!, 'RSA', { issuer: root });
  const ecRootId = await makeIdentity('Root CA EC Uji', 'ECDSA');
  ecdsa = await makeIdentity(sop.disahkan_oleh.nama!, 'ECDSA', { issuer: ecRootId });
  ecRoot = ecRootId;
}, 120_000);

afterAll(async () => {
  await printer?.close();
});

describe('tanda tangan yang sah', () => {
  it('menerima PDF yang ditandatangani (RSA, PAdES) dan menyebut penanda tangan serta waktunya', async () => {
    const signed = await signPdf(build, { signer: rsa });
    const v = await verifySigned(input(signed));
    expect(v.findings).toEqual([]);
    expect(v).toMatchObject({ status: 'sah', signer: sop.disahkan_oleh.nama, compared: true });
    expect(v.signedAt?.toISOString()).toBe('2025-02-10T03:00:00.000Z');
  });

  it('menerima tanda tangan ECDSA yang berantai ke akarnya', async () => {
    const signed = await signPdf(build, { signer: ecdsa });
    const v = await verifySigned(input(signed, { roots: [ecRoot.cert] }));
    expect(v.findings).toEqual([]);
    expect(v.status).toBe('sah');
  });

  it('pdfsig (poppler) juga menerima tanda tangan uji ini', async () => {
    const signed = await signPdf(build, { signer: rsa });
    const file = path.join(dir, 'signed.pdf');
    writeFileSync(file, signed);
    const out = execFileSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('ETSI.CAdES.detached');
  });

  it.skipIf(!canSign)('menerima PDF yang ditandatangani penanda tangan lain (poppler pdfsig, NSS: CMS BER, /AS dan /M di kolom)', async () => {
    const file = path.join(dir, 'build.pdf');
    writeFileSync(file, build);
    signWithPdfsig(dir, file, `ttd_${sop.slug.replace(/[^A-Za-z0-9]+/g, '_')}`);
    const v = await verifySigned(input(readFileSync(path.join(dir, 'signed.pdf')), { roots: undefined }));
    expect(v.status).toBe('sah');
    expect(v.signer).toBe('Kepala Dinas Uji');
    expect(v.findings.map((f) => f.rule).sort()).toEqual(['ttd-nama-berbeda', 'ttd-rantai-tidak-diperiksa']);
  });

  it('tanpa sertifikat akar: sah, dengan peringatan bahwa rantainya tidak diperiksa', async () => {
    const v = await verifySigned(input(await signPdf(build, { signer: rsa }), { roots: undefined }));
    expect(v.status).toBe('sah');
    expect(v.findings.map((f) => f.rule)).toEqual(['ttd-rantai-tidak-diperiksa']);
  });

  it('menerima pembaruan sesudah tanda tangan yang hanya menambah data validasi (DSS, PAdES-LT)', async () => {
    const signed = await signPdf(build, { signer: rsa });
    const doc = await PDFDocument.load(signed);
    const catalog = doc.catalog.clone(doc.context);
    const dss = doc.context.largestObjectNumber + 1;
    catalog.set(PDFName.of('DSS'), PDFRef.of(dss));
    const root = (doc.context.trailerInfo.Root as PDFRef).objectNumber;
    const withDss = appendUpdate(signed, [
      { num: dss, body: '<< /Certs [] /CRLs [] /OCSPs [] >>' },
      { num: root, body: catalog.toString() },
    ]);
    const v = await verifySigned(input(withDss));
    expect(v.findings).toEqual([]);
    expect(v.status).toBe('sah');
  });
});

describe('yang ditolak', () => {
  it('satu byte diubah di dalam rentang yang ditandatangani', async () => {
    const signed = await signPdf(build, { signer: rsa });
    const text = signed.toString('latin1');
    const at = text.indexOf('/Title');
    signed[at + 1] = 'X'.charCodeAt(0); // /Xitle: the build's bytes no longer match either
    const v = await verifySigned(input(signed));
    expect(v.status).toBe('tidak-sah');
    expect(v.findings.map((f) => f.rule)).toContain('ttd-tidak-sah');
    expect(v.findings.find((f) => f.rule === 'ttd-tidak-sah')!.message).toMatch(/message-digest/);
  });

  it('pembaruan kedua setelah ditandatangani yang mengganti isi halaman (shadow attack)', async () => {
    const signed = await signPdf(build, { signer: rsa });
    const doc = await PDFDocument.load(build);
    const contents = doc.getPages()[0]!.node.get(PDFName.of('Contents'));
    const ref = contents instanceof PDFRef ? contents : (doc.getPages()[0]!.node.lookup(PDFName.of('Contents')) as unknown as { get(i: number): PDFRef }).get(0);
    const drawing = '1 1 1 rg 0 0 2000 2000 re f';
    const shadowed = appendUpdate(signed, [{ num: ref.objectNumber, body: `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream` }]);
    const v = await verifySigned(input(shadowed));
    expect(v.status).toBe('tidak-sah');
    const found = v.findings.find((f) => f.rule === 'ttd-perubahan-lain')!;
    expect(found.message).toMatch(/setelah ditandatangani.*isi halaman 1/);
  });

  it('kolom tanda tangan baru di atas halaman, bukan kolom yang dicetak', async () => {
    const v = await verifySigned(input(await signPdf(build, { signer: rsa, newField: true })));
    expect(v.status).toBe('tidak-sah');
    expect(v.findings.find((f) => f.rule === 'ttd-perubahan-lain')!.message).toMatch(/anotasi .*halaman 1/);
  });

  it('sertifikat dari akar lain', async () => {
    const other = await makeIdentity('Akar Lain', 'RSA');
    const stranger = await makeIdentity(sop.disahkan_oleh.nama!, 'RSA', { issuer: other });
    const v = await verifySigned(input(await signPdf(build, { signer: stranger })));
    expect(v.status).toBe('tidak-sah');
    expect(v.findings.map((f) => f.rule)).toEqual(['ttd-akar-tidak-dipercaya']);
  });

  it('PDF SOP lain', async () => {
    const other = { ...sop, nomor: '999/SOP/LAIN/2025', nama: 'SOP Lain' };
    const v = await verifySigned(input(await signPdf(build, { signer: rsa }), { build: undefined, parts: partsOf(other), sop: other }));
    expect(v.status).toBe('tidak-sah');
    expect(v.findings.map((f) => f.rule)).toEqual(['ttd-bukan-sop-ini']);
  });

  it('sumber diubah setelah ditandatangani: menyebut apa yang berubah', async () => {
    const edited: Sop = { ...sop, tanggal_efektif: '2025-03-01', steps: sop.steps.map((s, i) => (i === 1 ? { ...s, kegiatan: `${s.kegiatan} (diubah)` } : s)) };
    const v = await verifySigned(input(await signPdf(build, { signer: rsa }), { build: new Uint8Array(build.length + 1), parts: partsOf(edited), sop: edited }));
    expect(v.status).toBe('berubah');
    expect(v.changed).toEqual(['tanggal_efektif', 'baris 2']);
    expect(v.findings.find((f) => f.rule === 'ttd-berubah')!.message).toBe('SOP berubah setelah ditandatangani: tanggal_efektif, baris 2.');
  });

  it('PDF yang belum ditandatangani', async () => {
    const v = await verifySigned(input(build));
    expect(v.status).toBe('tidak-sah');
    expect(v.findings[0]!.message).toMatch(/belum ditandatangani/);
  });
});

describe('berkas rusak', () => {
  it('PDF terpotong, isi tanda tangan rusak, atau bukan PDF: ditolak dengan pesan, tanpa galat program', async () => {
    const signed = await signPdf(build, { signer: rsa });
    const text = signed.toString('latin1');
    const hex = text.lastIndexOf('/Contents <') + 11;
    const damaged = Buffer.from(signed);
    damaged.write('FFFF', hex + 40, 'latin1'); // inside the CMS
    const cases = [signed.subarray(0, signed.length - 300), signed.subarray(0, Math.floor(signed.length / 2)), damaged, Buffer.from('%PDF-1.7\nbukan pdf'), Buffer.alloc(0)];
    for (const bytes of cases) {
      const v = await verifySigned(input(bytes));
      expect(v.status).toBe('tidak-sah');
      expect(v.findings.length).toBeGreaterThan(0);
      expect(v.findings.map((f) => f.message).join(' '), 'said in Indonesian, not a program error').not.toMatch(/keterangan teknis/);
    }
  });
});

describe('peringatan', () => {
  it('nama lain dan sertifikat yang tidak berlaku saat penandatanganan', async () => {
    const late = await makeIdentity('Orang Lain', 'RSA', { issuer: root, from: new Date('2026-01-01T00:00:00Z') });
    const v = await verifySigned(input(await signPdf(build, { signer: late })));
    expect(v.status).toBe('sah');
    expect(v.findings.map((f) => f.rule).sort()).toEqual(['ttd-nama-berbeda', 'ttd-waktu']);
  });

  it('nama sertifikat tanpa gelar cocok dengan nama bergelar', () => {
    expect(sameName('AHMAD FAUZI', 'Dr. H. Ahmad Fauzi, S.T., M.Si.')).toBe(true);
    expect(sameName('Budi Santoso', 'Ahmad Fauzi')).toBe(false);
  });

  it('membaca sertifikat akar PEM dan DER', async () => {
    const text = pem(root.cert) + pem(rsa.cert);
    expect(parseCertificates(Buffer.from(text))).toHaveLength(2);
    const der = Buffer.from(text.split('\n').slice(1, text.split('\n').indexOf('-----END CERTIFICATE-----')).join(''), 'base64');
    expect(parseCertificates(der)).toHaveLength(1);
    expect(parseCertificates(Buffer.from('bukan sertifikat'))).toEqual([]);
  });
});
