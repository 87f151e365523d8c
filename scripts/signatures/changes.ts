// What an incremental update changed, object by object, compared with the revision before it;
// and which of those changes a signature may make. A signing tool fills the /Sig field (its
// value, its appearance), sets the form's SigFlags and may add validation data (DSS); anything
// else (a page's content, a new annotation, a new page) is named so the officer sees what.
import type { PDFDocument} from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * `signature`: the update that signs (the field `field` may be filled; the document information
 * and XMP may be touched, as many signing tools stamp their name); `validation`: an update after
 * signing, which may only add validation data (PAdES long-term validation).
 */
export type UpdateKind = { kind: 'signature'; field: PDFRef } | { kind: 'validation' };

/** What a signing tool writes into the field: its value and appearance, their state and date, flags. */
const FIELD_KEYS = new Set(['V', 'AP', 'AS', 'M', 'MK', 'DA', 'F', 'Lock', 'SV']);
const CATALOG_KEYS = { signature: new Set(['AcroForm', 'DSS', 'Perms', 'Extensions', 'Version', 'Metadata']), validation: new Set(['DSS', 'Extensions', 'Version']) };
const FORM_KEYS = new Set(['SigFlags', 'DA', 'DR']);

function serialized(obj: PDFObject | undefined): string {
  if (obj === undefined) return '';
  if (obj instanceof PDFRawStream) return `${obj.dict.toString()}stream${Buffer.from(obj.contents).toString('latin1')}`;
  return obj.toString();
}

/** Equal objects; streams compared as bytes (no string of their contents for the common case). */
function same(a: PDFObject, b: PDFObject): boolean {
  if (a instanceof PDFRawStream || b instanceof PDFRawStream) {
    return a instanceof PDFRawStream && b instanceof PDFRawStream && a.dict.toString() === b.dict.toString() && Buffer.from(a.contents).equals(Buffer.from(b.contents));
  }
  return a.toString() === b.toString();
}

function changedKeys(before: PDFObject | undefined, after: PDFObject | undefined): string[] {
  if (!(before instanceof PDFDict) || !(after instanceof PDFDict)) return ['*'];
  const keys = new Set([...before.keys(), ...after.keys()].map((k) => k.decodeText()));
  return [...keys].filter((k) => serialized(before.get(PDFName.of(k))) !== serialized(after.get(PDFName.of(k)))).sort();
}

const refKey = (ref: PDFRef) => ref.toString();

/** Each page's own objects (the page, its content streams, its annotation array) → what to call them. */
function pageObjects(doc: PDFDocument): Map<string, string> {
  const names = new Map<string, string>();
  doc.getPages().forEach((page, i) => {
    names.set(refKey(page.ref), `halaman ${i + 1}`);
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray() : [];
    for (const r of refs) if (r instanceof PDFRef) names.set(refKey(r), `isi halaman ${i + 1}`);
    const annots = page.node.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) names.set(refKey(annots), `anotasi halaman ${i + 1}`);
  });
  return names;
}

function describePage(what: string, keys: string[]): string {
  if (keys.includes('Annots')) return `anotasi ditambahkan atau diubah di ${what}`;
  if (keys.includes('Contents')) return `isi ${what} diganti`;
  return `${what} diubah (${keys.map((k) => `/${k}`).join(', ')})`;
}

/** The changes from `before` to `after` that an update of this kind may not make, in Indonesian. */
export function forbiddenChanges(before: PDFDocument, after: PDFDocument, update: UpdateKind): string[] {
  const found: string[] = [];
  const pagesBefore = before.getPageCount();
  const pagesAfter = after.getPageCount();
  if (pagesBefore !== pagesAfter) found.push(`jumlah halaman berubah dari ${pagesBefore} menjadi ${pagesAfter}`);
  const pages = pageObjects(before);
  const catalog = refKey(before.context.trailerInfo.Root as PDFRef);
  const info = before.context.trailerInfo.Info instanceof PDFRef ? refKey(before.context.trailerInfo.Info) : '';
  const metadata = before.catalog.get(PDFName.of('Metadata'));
  const form = before.catalog.get(PDFName.of('AcroForm'));
  const fieldsOf = (doc: PDFDocument) => serialized(doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.get(PDFName.of('Fields')));
  for (const [ref, obj] of after.context.enumerateIndirectObjects()) {
    const old = before.context.lookup(ref);
    if (old === undefined || same(old, obj)) continue; // new objects hang off allowed ones
    const key = refKey(ref);
    const keys = changedKeys(old, obj);
    const signing = update.kind === 'signature';
    if (signing && key === refKey(update.field)) {
      const other = keys.filter((k) => !FIELD_KEYS.has(k));
      if (other.length) found.push(`kolom tanda tangan diubah (${other.map((k) => `/${k}`).join(', ')})`);
    } else if (key === catalog) {
      const allowed = CATALOG_KEYS[update.kind];
      const other = keys.filter((k) => !allowed.has(k) || (k === 'AcroForm' && fieldsOf(before) !== fieldsOf(after)));
      if (other.length) found.push(`katalog dokumen diubah (${other.map((k) => `/${k}`).join(', ')})`);
    } else if (signing && (key === info || (metadata instanceof PDFRef && key === refKey(metadata)))) {
      continue; // the signing tool's name and date in the document information
    } else if (signing && form instanceof PDFRef && key === refKey(form)) {
      const other = keys.filter((k) => !FORM_KEYS.has(k));
      if (other.length) found.push(`formulir dokumen diubah (${other.map((k) => `/${k}`).join(', ')})`);
    } else if (pages.has(key)) {
      found.push(describePage(pages.get(key)!, keys));
    } else {
      found.push(`objek ${ref.objectNumber} diubah`);
    }
  }
  return [...new Set(found)];
}
