// The roots an office trusts (certificate files under content/<instansi>/ttd/akar/) and the
// signer's chain to one of them, judged at the signing time with pkijs's chain engine.
import * as pkijs from 'pkijs';

const MAX_CARRIED = 10;

/** Certificates in a PEM file (any number of blocks) or one DER certificate; none if neither. */
export function parseCertificates(bytes: Uint8Array): pkijs.Certificate[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  const ders = blocks.length ? blocks : [Buffer.from(bytes)];
  const certs: pkijs.Certificate[] = [];
  for (const der of ders) {
    try {
      certs.push(pkijs.Certificate.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer));
    } catch {
      // not a certificate: the caller reports the file
    }
  }
  return certs;
}

/** The subject's common name (CN), else the whole subject as text. */
export function commonName(cert: pkijs.Certificate): string {
  const values = cert.subject.typesAndValues;
  const cn = values.find((v) => v.type === '2.5.4.3');
  const text = (v: pkijs.AttributeTypeAndValue) => String((v.value.valueBlock as { value?: unknown }).value ?? '');
  return cn ? text(cn) : values.map(text).join(', ');
}

export function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value <= at && at <= cert.notAfter.value;
}

/**
 * Whether `signer` chains, through the certificates the signature carries, to one of `roots`,
 * every certificate valid at `at` and every link's signature sound.
 */
export async function chainsToRoot(signer: pkijs.Certificate, carried: pkijs.Certificate[], roots: pkijs.Certificate[], at: Date): Promise<boolean> {
  if (!roots.length) return false;
  try {
    // A real chain is a handful of certificates; more is not a chain (and path building grows with it).
    const engine = new pkijs.CertificateChainValidationEngine({ certs: [signer, ...carried.filter((c) => c !== signer).slice(0, MAX_CARRIED)], trustedCerts: roots, checkDate: at });
    const result = await engine.verify();
    return result.result === true;
  } catch {
    return false;
  }
}
