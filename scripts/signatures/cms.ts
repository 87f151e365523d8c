// The CMS (PKCS #7) SignedData inside a PDF signature's /Contents: parsed with pkijs/asn1js,
// checked with node:crypto. Detached content only (adbe.pkcs7.detached, ETSI.CAdES.detached): the
// signed data are the PDF bytes the /ByteRange names, hashed here and compared with the message
// digest attribute; the signature covers the DER of the signed attributes.
import { createHash, createPublicKey, verify as verifySignature, constants } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  rsaPss: '1.2.840.113549.1.1.10',
} as const;

/** Digest algorithms by OID, as node:crypto names them. */
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms that name their own digest (RSA PKCS #1 v1.5 and ECDSA). */
const SIGNATURE_DIGESTS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

export interface CmsCheck {
  /** The certificate whose key made the signature (found in the CMS by the signer's id). */
  signer?: pkijs.Certificate;
  /** Every certificate the CMS carries (the signer's chain, as the signing tool put it). */
  certificates: pkijs.Certificate[];
  /** The signingTime attribute, if the signer wrote one (PAdES puts it in /M instead). */
  signingTime?: Date;
  /** What is wrong, each as one Indonesian sentence; empty when the signature is sound. */
  problems: string[];
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The DER of a certificate, for hashing and for node:crypto. */
export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

function attribute(info: pkijs.SignerInfo, type: string): pkijs.Attribute | undefined {
  return info.signedAttrs?.attributes.find((a) => a.type === type);
}

function sameSigner(cert: pkijs.Certificate, sid: pkijs.SignerInfo['sid']): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber);
  // [0] SubjectKeyIdentifier: the certificate's extension of that value.
  const ski = cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
  if (!ski) return false;
  // The id is [0] IMPLICIT OCTET STRING: its value is the last bytes of its encoding.
  const raw = Buffer.from((sid as asn1js.BaseBlock).valueBeforeDecodeView);
  const id = Buffer.from(ski.valueBlock.valueHexView);
  return raw.length === id.length + 2 && raw.subarray(2).equals(id);
}

/** ESS signing-certificate(-v2): the signer names the certificate it signed with by its hash. */
function essProblem(info: pkijs.SignerInfo, signer: pkijs.Certificate): string | undefined {
  const v2 = attribute(info, OID.signingCertificateV2);
  const v1 = attribute(info, OID.signingCertificate);
  const attr = v2 ?? v1;
  if (!attr) return undefined;
  try {
    const certs = (attr.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const fields = first.valueBlock.value;
    // ESSCertIDv2 starts with an optional AlgorithmIdentifier (default SHA-256); ESSCertID is SHA-1.
    let digest = v2 ? 'sha256' : 'sha1';
    let at = 0;
    if (v2 && fields[0] instanceof asn1js.Sequence) {
      const oid = (fields[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      digest = DIGESTS[oid] ?? '';
      at = 1;
    }
    const hash = (fields[at] as asn1js.OctetString).valueBlock.valueHexView;
    if (!digest) return 'Atribut signing-certificate memakai algoritma hash yang tidak dikenal.';
    const actual = createHash(digest).update(certificateDer(signer)).digest();
    return actual.equals(Buffer.from(hash)) ? undefined : 'Atribut signing-certificate menunjuk sertifikat lain, bukan sertifikat yang menandatangani.';
  } catch {
    return 'Atribut signing-certificate tidak dapat dibaca.';
  }
}

function readTime(attr: pkijs.Attribute | undefined): Date | undefined {
  const value = attr?.values[0] as (asn1js.UTCTime | asn1js.GeneralizedTime) | undefined;
  return value && 'toDate' in value ? value.toDate() : undefined;
}

/** Parses and checks the CMS against the bytes it signs (`signed`: the /ByteRange's bytes, in order). */
export function checkCms(der: Uint8Array, signed: Uint8Array[]): CmsCheck {
  let sd: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
    if (info.contentType !== OID.signedData) return { certificates: [], problems: ['Isi tanda tangan bukan CMS SignedData.'] };
    sd = new pkijs.SignedData({ schema: info.content });
  } catch {
    return { certificates: [], problems: ['Isi tanda tangan (/Contents) tidak dapat dibaca sebagai CMS.'] };
  }
  const certificates = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const problems: string[] = [];
  if (sd.signerInfos.length !== 1) return { certificates, problems: [`CMS berisi ${sd.signerInfos.length} penanda tangan; diharapkan tepat satu.`] };
  if (sd.encapContentInfo.eContent) problems.push('CMS membawa isinya sendiri (bukan tanda tangan terpisah/detached).');
  const info = sd.signerInfos[0]!;
  const signer = certificates.find((c) => sameSigner(c, info.sid));
  const signingTime = readTime(attribute(info, OID.signingTime));
  const base = { certificates, ...(signingTime ? { signingTime } : {}) };
  if (!signer) return { ...base, problems: [...problems, 'Sertifikat penanda tangan tidak disertakan di dalam tanda tangan.'] };

  const digestName = DIGESTS[info.digestAlgorithm.algorithmId];
  if (!digestName) return { ...base, signer, problems: [...problems, `Algoritma hash ${info.digestAlgorithm.algorithmId} tidak dikenal.`] };
  const hash = createHash(digestName);
  for (const part of signed) hash.update(part);
  const digest = hash.digest();

  let toVerify: Uint8Array;
  if (info.signedAttrs) {
    const type = attribute(info, OID.contentType)?.values[0] as asn1js.ObjectIdentifier | undefined;
    if (type?.valueBlock.toString() !== OID.data) problems.push('Atribut content-type tanda tangan bukan "data".');
    const md = attribute(info, OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
    if (!md) problems.push('Atribut message-digest tidak ada.');
    else if (!digest.equals(Buffer.from(md.valueBlock.valueHexView))) problems.push('Hash isi PDF yang ditandatangani tidak sama dengan message-digest di tanda tangan: isi PDF diubah setelah ditandatangani.');
    const ess = essProblem(info, signer);
    if (ess) problems.push(ess);
    // pkijs keeps the attributes' original bytes, retagged [0] → SET as the signature covers them.
    toVerify = new Uint8Array(info.signedAttrs.encodedValue);
  } else {
    toVerify = Buffer.concat(signed);
  }

  const algorithm = info.signatureAlgorithm.algorithmId;
  const signatureDigest = SIGNATURE_DIGESTS[algorithm] ?? digestName;
  let ok: boolean;
  try {
    const spki = Buffer.from(signer.subjectPublicKeyInfo.toSchema().toBER(false));
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const pss = algorithm === OID.rsaPss ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : {};
    ok = verifySignature(signatureDigest, toVerify, { key, ...pss }, Buffer.from(info.signature.valueBlock.valueHexView));
  } catch {
    ok = false;
  }
  if (!ok) problems.push('Tanda tangan atas atribut yang ditandatangani tidak cocok dengan kunci sertifikat penanda tangan.');
  return { ...base, signer, problems };
}
