// Post-processing of Chromium's PDF: official metadata, language, an empty signature field, and
// byte-for-byte reproducible output (same SOP in → same PDF out, on any day).
//
// Chromium's run-dependent bytes are the Info dictionary (CreationDate/ModDate, a Creator
// holding the browser version), which is replaced whole, and the names of tagged structure
// elements, which are renamed canonically. The trailer /ID is a hash of the finished file, so it
// changes exactly when the content does.
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { canonicalStructIds } from './struct-ids.ts';
import type { PdfRect } from './units.ts';
import { xmpPacket } from './xmp.ts';

export interface SignatureField {
  /** Field name signing tools look for, e.g. `ttd_kepala`: letters, digits, `_`, `-`. */
  fieldName: string;
  /** 0-based page index. */
  page: number;
  /** PDF points, origin bottom-left of the page. */
  rect: PdfRect;
}

export interface FinishOptions {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  language: 'id';
  /** Fixed date from the SOP (e.g. its effective date), never "now": keeps the output reproducible. */
  date: Date;
  signature?: SignatureField;
  /** `name=hash` of each part printed (pdf/parts.ts), written to the XMP of a PDF to be signed. */
  parts?: string[];
}

const TOOL = 'sop-press';
const ID_BYTES = 16;
/** Same length as the real ID, so swapping it in keeps every xref offset valid. */
const ID_PLACEHOLDER = PDFHexString.of('0'.repeat(ID_BYTES * 2));

function text(value: string): PDFHexString {
  return PDFHexString.fromText(value); // UTF-16: safe for any character, no escaping pitfalls
}

function addSignatureField(doc: PDFDocument, sig: SignatureField): void {
  const { context } = doc;
  if (!/^[A-Za-z0-9_-]+$/.test(sig.fieldName)) {
    throw new Error(`Nama kolom tanda tangan "${sig.fieldName}" tidak valid: gunakan huruf, angka, "_" atau "-".`);
  }
  const pages = doc.getPages();
  const page = pages[sig.page];
  if (!page) throw new Error(`Kolom tanda tangan di halaman ${sig.page + 1}, padahal PDF hanya ${pages.length} halaman.`);
  const { x, y, width, height } = sig.rect;
  if (!(width > 0 && height > 0)) throw new Error(`Kotak tanda tangan "${sig.fieldName}" berukuran nol.`);
  const round = (n: number) => Math.round(n * 1e6) / 1e6; // drop float noise from x + width
  // An empty appearance: viewers draw nothing until the field is signed, and strict validators
  // (PDF/A, PDF 2.0) want every visible widget to have one.
  const appearance = context.register(context.stream(new Uint8Array(0), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, round(width), round(height)] }));
  // Field and widget merged in one dictionary, the usual form for a single-widget field.
  const widget: PDFRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(sig.fieldName),
      F: 4, // Print
      P: page.ref,
      Rect: [x, y, round(x + width), round(y + height)],
      AP: { N: appearance },
    }),
  );
  // Not page.node.addAnnot(): pdf-lib would first "normalize" the page, wrapping its content in
  // extra q/Q streams and adding empty resource dictionaries.
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widget);
  else page.node.set(PDFName.of('Annots'), context.obj([widget]));
  // SigFlags 1 = SignaturesExist; AppendOnly (2) is the signer's to set when it signs.
  doc.catalog.set(PDFName.of('AcroForm'), context.obj({ Fields: [widget], SigFlags: 1 }));
}

function setInfo(doc: PDFDocument, o: FinishOptions): void {
  const { context } = doc;
  // A fresh dictionary rather than edits: drops Chromium's Creator (browser version) and dates.
  const info = context.obj({
    Title: text(o.title),
    Subject: text(o.subject),
    Author: text(o.author),
    Keywords: text(o.keywords.join(', ')),
    Creator: PDFString.of(TOOL),
    Producer: PDFString.of(TOOL),
    CreationDate: PDFString.fromDate(o.date),
    ModDate: PDFString.fromDate(o.date),
  });
  // Reuse Chromium's Info object number: deleting it would leave a hole in the xref table, which
  // poppler's signer (pdfsig 22.12) mishandles when it appends the signature.
  const old = context.trailerInfo.Info;
  if (old instanceof PDFRef) context.assign(old, info);
  else context.trailerInfo.Info = context.register(info);
  const xmp = xmpPacket({ ...o, tool: TOOL });
  const metadata = context.register(context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' }));
  doc.catalog.set(PDFName.of('Metadata'), metadata);
  doc.setLanguage(o.language);
}

/** Replaces the placeholder trailer /ID with a hash of the whole file (ISO 32000: "should" be content-derived). */
function stampId(bytes: Uint8Array): Uint8Array {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const placeholder = Buffer.from(ID_PLACEHOLDER.toString(), 'latin1');
  const trailer = buf.lastIndexOf('trailer');
  const id = Buffer.from(createHash('sha256').update(buf).digest().subarray(0, ID_BYTES).toString('hex').toUpperCase(), 'latin1');
  let found = 0;
  for (let at = buf.indexOf(placeholder, trailer); at >= 0; at = buf.indexOf(placeholder, at + placeholder.length)) {
    id.copy(buf, at + 1); // after the `<`
    found++;
  }
  if (trailer < 0 || found !== 2) throw new Error('finishPdf: /ID tidak ditemukan di trailer PDF.');
  return bytes;
}

/** `pdf`: Chromium's bytes, or those bytes as pdf-lib parsed them and nothing else changed yet (PrintResult.document). */
export async function finishPdf(pdf: Uint8Array | PDFDocument, options: FinishOptions): Promise<Uint8Array> {
  const doc = pdf instanceof Uint8Array ? await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }) : pdf;
  canonicalStructIds(doc);
  setInfo(doc, options);
  if (options.signature) addSignatureField(doc, options.signature);
  doc.context.trailerInfo.ID = doc.context.obj([ID_PLACEHOLDER, ID_PLACEHOLDER]);
  // Classic xref table: every object at a plain offset, which incremental signing tools handle best.
  const saved = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return stampId(saved);
}

/**
 * finishPdf for a document assembled in memory (the yearly book, scripts/book/): the same
 * metadata, language and content-derived /ID, but saved once instead of saved, parsed and saved
 * again (about a second per 500 SOPs). No signature field: a compilation is not what gets signed.
 */
export async function finishDocument(doc: PDFDocument, options: Omit<FinishOptions, 'signature'>): Promise<Uint8Array> {
  canonicalStructIds(doc);
  setInfo(doc, options);
  doc.context.trailerInfo.ID = doc.context.obj([ID_PLACEHOLDER, ID_PLACEHOLDER]);
  const saved = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return stampId(saved);
}
