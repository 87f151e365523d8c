// A test PKI and a PAdES signer, as BSrE's signing application produces: an incremental update
// that fills the sop-press /Sig field (value and a visible appearance), SubFilter
// ETSI.CAdES.detached, a detached CMS with content-type, message-digest and
// signing-certificate-v2 attributes, the signing time in /M. RSA or ECDSA keys, made in the test.
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { PDFDict} from 'pdf-lib';
import { PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { signatureFields } from '../../scripts/signatures/locate.ts';
import { certificateDer } from '../../scripts/signatures/cms.ts';

export type KeyKind = 'RSA' | 'ECDSA';

export interface Identity {
  cert: pkijs.Certificate;
  key: CryptoKey;
}

const ALG = {
  RSA: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  ECDSA: { name: 'ECDSA', namedCurve: 'P-256' },
} as const;

let serial = 1;

function name(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'ID' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) }),
    ],
  });
}

/** A certificate for `cn` signed by `issuer` (itself when absent: a root). */
export async function makeIdentity(cn: string, kind: KeyKind, o: { issuer?: Identity; ca?: boolean; from?: Date; to?: Date } = {}): Promise<Identity> {
  const keys = (await webcrypto.subtle.generateKey(ALG[kind], true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject = name(cn);
  cert.issuer = o.issuer ? o.issuer.cert.subject : name(cn);
  cert.notBefore.value = o.from ?? new Date('2024-01-01T00:00:00Z');
  cert.notAfter.value = o.to ?? new Date('2030-01-01T00:00:00Z');
  const ca = o.ca ?? !o.issuer;
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: ca }).toSchema().toBER(false), parsedValue: new pkijs.BasicConstraints({ cA: ca }) }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: new asn1js.BitString({ valueHex: new Uint8Array([ca ? 0x06 : 0xc0]).buffer, unusedBits: ca ? 1 : 6 }).toBER(false) }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(o.issuer?.key ?? keys.privateKey, 'SHA-256');
  return { cert, key: keys.privateKey };
}

export function pem(cert: pkijs.Certificate): string {
  const b64 = Buffer.from(certificateDer(cert)).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** `D:YYYYMMDDHHmmSS+07'00'`, in WIB. */
function pdfDate(at: Date): string {
  const w = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `D:${w.slice(0, 4)}${w.slice(5, 7)}${w.slice(8, 10)}${w.slice(11, 13)}${w.slice(14, 16)}${w.slice(17, 19)}+07'00'`;
}

interface NewObject {
  num: number;
  body: string | Buffer;
}

/** Appends an incremental update holding `objects` (new or redefined) to `pdf`. */
export function appendUpdate(pdf: Uint8Array, objects: NewObject[]): Buffer {
  const base = Buffer.from(pdf);
  const text = base.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const info = /\/Info (\d+ \d+ R)/.exec(trailer)?.[1];
  const id = /\/ID \[[^\]]*\]/.exec(trailer)?.[0];
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const parts: Buffer[] = [base, Buffer.from(base.at(-1) === 0x0a ? '' : '\n')];
  let offset = parts.reduce((n, b) => n + b.length, 0);
  const xref: string[] = ['xref', '0 1', '0000000000 65535 f '];
  for (const o of objects) {
    const chunk = Buffer.concat([Buffer.from(`${o.num} 0 obj\n`), Buffer.isBuffer(o.body) ? o.body : Buffer.from(o.body, 'latin1'), Buffer.from('\nendobj\n')]);
    xref.push(`${o.num} 1`, `${String(offset).padStart(10, '0')} 00000 n `);
    parts.push(chunk);
    offset += chunk.length;
  }
  const newSize = Math.max(size, ...objects.map((o) => o.num + 1));
  const tail = `${xref.join('\n')}\ntrailer\n<< /Size ${newSize} /Root ${root}${info ? ` /Info ${info}` : ''}${id ? ` ${id}` : ''} /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

export interface SignOptions {
  signer: Identity;
  /** Further certificates the CMS carries (intermediates). */
  chain?: pkijs.Certificate[];
  time?: Date;
  subFilter?: string;
  /** Fill another field than the one sop-press printed (a new one added to page 1). */
  newField?: boolean;
}

const PLACEHOLDER = 16384;

/** Signs the first /Sig field of `pdf` in an incremental update; returns the signed file. */
export async function signPdf(pdf: Uint8Array, o: SignOptions): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const field = signatureFields(doc)[0];
  if (!field) throw new Error('no /Sig field');
  let next = doc.context.largestObjectNumber + 1;
  const sigNum = next++;
  const apNum = next++;
  const time = o.time ?? new Date('2025-02-10T03:00:00Z');
  const rect = field.dict.lookup(PDFName.of('Rect')) as unknown as { asArray(): PDFNumber[] };
  const [x1, y1, x2, y2] = rect.asArray().map((n) => n.asNumber());
  const w = x2! - x1!;
  const h = y2! - y1!;
  const drawing = `0 0 0.6 RG 1 w 2 2 ${(w - 4).toFixed(2)} ${(h - 4).toFixed(2)} re S`;
  const objects: NewObject[] = [{ num: apNum, body: `<< /Type /XObject /Subtype /Form /BBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Length ${drawing.length} >>\nstream\n${drawing}\nendstream` }];
  const widget = field.dict.clone(doc.context);
  widget.set(PDFName.of('V'), PDFRef.of(sigNum));
  widget.set(PDFName.of('AP'), doc.context.obj({ N: PDFRef.of(apNum) }));
  const catalog = doc.catalog.clone(doc.context);
  const form = (catalog.lookup(PDFName.of('AcroForm')) as PDFDict).clone(doc.context);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  catalog.set(PDFName.of('AcroForm'), form);
  let widgetNum = field.ref.objectNumber;
  if (o.newField) {
    // A second field on page 1, over the page: what a hidden overlay would need.
    widgetNum = next;
    const page = doc.getPages()[0]!;
    widget.set(PDFName.of('P'), page.ref);
    widget.set(PDFName.of('T'), doc.context.obj('lain') as never);
    const annots = page.node.clone(doc.context);
    annots.set(PDFName.of('Annots'), doc.context.obj([PDFRef.of(widgetNum)]));
    objects.push({ num: page.ref.objectNumber, body: annots.toString() });
    form.set(PDFName.of('Fields'), doc.context.obj([field.ref, PDFRef.of(widgetNum)]));
  }
  objects.push({ num: widgetNum, body: widget.toString() });
  objects.push({ num: (doc.context.trailerInfo.Root as PDFRef).objectNumber, body: catalog.toString() });
  const range = '[0 0000000000 0000000000 0000000000]';
  objects.push({
    num: sigNum,
    body: `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${o.subFilter ?? 'ETSI.CAdES.detached'} /ByteRange ${range} /Contents <${'0'.repeat(PLACEHOLDER * 2)}> /M (${pdfDate(time)}) >>`,
  });
  const out = appendUpdate(pdf, objects);
  const text = out.toString('latin1');
  const b = text.lastIndexOf('/Contents <') + '/Contents '.length;
  const c = b + PLACEHOLDER * 2 + 2;
  const d = out.length - c;
  const at = text.lastIndexOf(range);
  const filled = `[0 ${b} ${c} ${d}]`.padEnd(range.length, ' ');
  out.write(filled, at, 'latin1');
  const cms = await makeCms(Buffer.concat([out.subarray(0, b), out.subarray(c)]), o.signer, o.chain ?? []);
  out.write(Buffer.from(cms).toString('hex').toUpperCase(), b + 1, 'latin1');
  return out;
}

async function makeCms(data: Buffer, signer: Identity, chain: pkijs.Certificate[]): Promise<ArrayBuffer> {
  const digest = createHash('sha256').update(data).digest();
  const certHash = createHash('sha256').update(certificateDer(signer.cert)).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, ESSCertIDv2 with the
  // default hash (SHA-256) left out.
  const essV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash })] })] })] });
  const sd = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.cert.issuer, serialNumber: signer.cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.47', values: [essV2] }),
          ],
        }),
      }),
    ],
    certificates: [signer.cert, ...chain],
  });
  await sd.sign(signer.key, 0, 'SHA-256');
  return new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) }).toSchema().toBER(false);
}
