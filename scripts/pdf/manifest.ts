// The signing manifest next to every e-signed PDF: where the visual signature goes, so a
// signing service can be driven by coordinates, by field name or by anchor character.
// Keys are English (programs read it); the note says the same in Indonesian for people.
import type { Sop } from '../model/sop.ts';

export interface SigningManifest {
  file: string;
  nomor: string;
  nama: string;
  signer: { jabatan: string; nama: string; nip?: string };
  /** Name of the empty AcroForm /Sig field over the box. */
  field: string;
  /** 1-based page number. */
  page: number;
  unit: 'pt';
  origin: 'bottom-left';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Character printed (invisibly) at the box's top-left, for services that search the text. */
  anchor: string;
  keterangan: string;
}

export function signingManifest(sop: Sop, file: string, field: string, box: { page: number; x: number; y: number; width: number; height: number }): SigningManifest {
  const r = (n: number) => Math.round(n * 100) / 100;
  const signer = sop.disahkan_oleh;
  return {
    file,
    nomor: sop.nomor,
    nama: sop.nama,
    // Never blank here: sop check requires the name of an e-signer (certificates are personal).
    signer: { jabatan: signer.jabatan, nama: signer.nama ?? '', ...(signer.nip ? { nip: signer.nip } : {}) },
    field,
    page: box.page + 1,
    unit: 'pt',
    origin: 'bottom-left',
    x: r(box.x),
    y: r(box.y),
    width: r(box.width),
    height: r(box.height),
    anchor: sop.instansi.jangkar_ttd,
    keterangan: `Kotak tanda tangan elektronik di halaman ${box.page + 1}: x, y, width, height dalam point PDF (1/72 inci), diukur dari sudut kiri bawah halaman; field /Sig bernama "${field}"; karakter jangkar "${sop.instansi.jangkar_ttd}".`,
  };
}
