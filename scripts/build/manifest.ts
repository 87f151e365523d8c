// The signing manifest next to every e-signed PDF: where the visual signature goes, so a
// signing service can be driven by coordinates, by field name or by anchor character.
import type { Sop } from '../model/sop.ts';

export interface SigningManifest {
  berkas: string;
  nomor: string;
  nama: string;
  penandatangan: { jabatan: string; nama: string; nip?: string };
  field: string;
  /** 1-based page number. */
  halaman: number;
  satuan: 'pt';
  origin: 'kiri-bawah';
  x: number;
  y: number;
  width: number;
  height: number;
  jangkar: string;
}

export function signingManifest(sop: Sop, file: string, field: string, box: { page: number; x: number; y: number; width: number; height: number }): SigningManifest {
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    berkas: file,
    nomor: sop.nomor,
    nama: sop.nama,
    penandatangan: { jabatan: sop.disahkan_oleh.jabatan, nama: sop.disahkan_oleh.nama, ...(sop.disahkan_oleh.nip ? { nip: sop.disahkan_oleh.nip } : {}) },
    field,
    halaman: box.page + 1,
    satuan: 'pt',
    origin: 'kiri-bawah',
    x: r(box.x),
    y: r(box.y),
    width: r(box.width),
    height: r(box.height),
    jangkar: sop.instansi.jangkar_ttd,
  };
}
