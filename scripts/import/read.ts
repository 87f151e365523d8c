// One document's bytes → the SOPs in it. Which reader by the file's content (a zip holding
// word/document.xml or xl/workbook.xml), the old binary formats refused with a way out.
import type { Note } from './model.ts';
import { readDocx } from './docx.ts';
import { PackageError, readPackage } from './ooxml.ts';
import { readSops } from './sops.ts';
import type { ReadFile } from './write.ts';
import { readXlsx } from './xlsx.ts';

/** The file cannot be imported at all: why, in Indonesian, and what to do. */
export class UnreadableDocument extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export function readDocument(name: string, bytes: Uint8Array): ReadFile {
  if (OLE.every((b, i) => bytes[i] === b) || /\.(doc|xls)$/i.test(name)) {
    const word = /\.doc$/i.test(name) || !/\.xls$/i.test(name);
    throw new UnreadableDocument(`berformat ${word ? 'Word 97-2003 (.doc)' : 'Excel 97-2003 (.xls)'}, yang tidak dapat dibaca`, `Buka di ${word ? 'Word' : 'Excel'}, pilih Simpan Sebagai → ${word ? 'Dokumen Word (.docx)' : 'Buku Kerja Excel (.xlsx)'}, lalu impor berkas barunya.`);
  }
  try {
    const parts = readPackage(bytes);
    const doc = parts.has('word/document.xml') ? readDocx(parts) : parts.has('xl/workbook.xml') ? readXlsx(parts) : undefined;
    if (!doc) throw new PackageError('bukan dokumen Word maupun buku kerja Excel');
    const { sops, problems } = readSops(doc);
    if (!sops.length) throw new UnreadableDocument('tidak memuat SOP: tidak ada tabel identitas (Nomor SOP …) maupun tabel prosedur (Kegiatan, Pelaksana)', 'Periksa bahwa berkas ini SOP dengan tabel, bukan teks biasa atau gambar hasil pindai.');
    return { name, sops, problems: problems as Note[], page: doc.page };
  } catch (e) {
    if (e instanceof PackageError) throw new UnreadableDocument(e.message, 'Buka berkas itu di Word/Excel dan simpan ulang sebagai .docx/.xlsx.');
    throw e;
  }
}
