// Where the signature sits in a signed PDF: its field, its /ByteRange and /Contents, read with
// pdf-lib from the document as its last revision leaves it, then checked against the raw bytes
// (the ranges must name exactly the hex string that holds the CMS).
import type { PDFDocument} from 'pdf-lib';
import * as asn1js from 'asn1js';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

export interface LocatedSignature {
  fieldName: string;
  /** The field (merged with its widget, as sop-press prints it). */
  field: PDFRef;
  byteRange: [number, number, number, number];
  /** The CMS, without the zero padding signing tools reserve. */
  cms: Uint8Array;
  subFilter: string;
  /** /M: the signing time the signing tool wrote in the signature dictionary. */
  time?: Date;
}

function name(dict: PDFDict, key: string): string | undefined {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFName ? v.decodeText() : undefined;
}

function fieldsOf(doc: PDFDocument): Array<{ ref: PDFRef; dict: PDFDict }> {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const out: Array<{ ref: PDFRef; dict: PDFDict }> = [];
  const walk = (list: PDFArray | undefined, depth: number) => {
    if (!list || depth > 8) return;
    for (let i = 0; i < list.size(); i++) {
      const ref = list.get(i);
      const dict = list.lookupMaybe(i, PDFDict);
      if (!(ref instanceof PDFRef) || !dict) continue;
      out.push({ ref, dict });
      walk(dict.lookupMaybe(PDFName.of('Kids'), PDFArray), depth + 1);
    }
  };
  walk(form?.lookupMaybe(PDFName.of('Fields'), PDFArray), 0);
  return out;
}

/** The empty or filled /Sig fields of a document. */
export function signatureFields(doc: PDFDocument): Array<{ ref: PDFRef; dict: PDFDict; fieldName: string; value?: PDFDict }> {
  return fieldsOf(doc)
    .filter((f) => name(f.dict, 'FT') === 'Sig')
    .map((f) => {
      const t = f.dict.lookup(PDFName.of('T'));
      const value = f.dict.lookupMaybe(PDFName.of('V'), PDFDict);
      return { ...f, fieldName: t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '', ...(value ? { value } : {}) };
    });
}

/** `D:20250105101200+07'00'` → Date (a missing zone is read as UTC). */
export function pdfDate(text: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+-])(\d{2})'?(\d{2})?'?|Z)?/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +s);
  const offset = sign ? (sign === '+' ? 1 : -1) * (+oh * 60 + +om) * 60_000 : 0;
  const date = new Date(utc - offset);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The length of the BER value at the start of `bytes` (signing tools pad /Contents with zeros;
 * NSS-based ones write indefinite lengths, so the end is where the parser stops).
 */
function berLength(bytes: Uint8Array): number | undefined {
  if (bytes[0] !== 0x30) return undefined;
  const { offset, result } = asn1js.fromBER(bytes);
  return offset > 0 && !result.error ? offset : undefined;
}

export type Located = { ok: true; signature: LocatedSignature } | { ok: false; problem: string };

/** The one filled signature of `doc` (parsed from `bytes`), checked against the raw bytes. */
export function locateSignature(doc: PDFDocument, bytes: Uint8Array): Located {
  const signed = signatureFields(doc).filter((f) => f.value);
  if (!signed.length) return { ok: false, problem: 'PDF ini belum ditandatangani: kolom tanda tangannya masih kosong.' };
  if (signed.length > 1) return { ok: false, problem: `PDF ini memuat ${signed.length} tanda tangan; SOP hanya punya satu kolom tanda tangan.` };
  const { ref, value, fieldName } = signed[0]!;
  const range = value!.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
  const numbers = range?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) ?? [];
  if (numbers.length !== 4 || numbers.some((n) => !Number.isSafeInteger(n) || n < 0)) return { ok: false, problem: '/ByteRange tanda tangan tidak berisi empat bilangan.' };
  const [a, b, c, d] = numbers as [number, number, number, number];
  const latin = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  if (a !== 0 || c <= b || c + d > bytes.length || latin(b, b + 1) !== '<' || latin(c - 1, c) !== '>') {
    return { ok: false, problem: '/ByteRange tidak mencakup seluruh berkas kecuali isi tanda tangan (/Contents).' };
  }
  const hex = latin(b + 1, c - 1);
  if (!/^[0-9A-Fa-f]*$/.test(hex) || hex.length % 2) return { ok: false, problem: 'Celah /ByteRange bukan string heksadesimal /Contents.' };
  const contents = value!.lookup(PDFName.of('Contents'));
  const raw = Buffer.from(hex, 'hex');
  if (!(contents instanceof PDFHexString) || !Buffer.from(contents.asBytes()).equals(raw)) {
    return { ok: false, problem: '/Contents tanda tangan bukan string yang dilompati /ByteRange.' };
  }
  const length = berLength(raw);
  if (!length) return { ok: false, problem: 'Isi tanda tangan (/Contents) bukan data CMS (BER/DER).' };
  const m = value!.lookup(PDFName.of('M'));
  const time = m instanceof PDFString || m instanceof PDFHexString ? pdfDate(m.decodeText()) : undefined;
  return {
    ok: true,
    signature: { fieldName, field: ref, byteRange: [a, b, c, d], cms: new Uint8Array(raw.subarray(0, length)), subFilter: name(value!, 'SubFilter') ?? '', ...(time ? { time } : {}) },
  };
}
