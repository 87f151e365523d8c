// Sop → the plain values the templates print. All formatting decisions live here (pure),
// so the Handlebars layouts only place text.
import { signerLines, tanggal } from '../kit/values.ts';
import { projectUrl } from '../model/paths.ts';
import type { Sop } from '../model/sop.ts';
import { paper, procedureColumns, type Paper, type ProcedureColumns } from './paper.ts';

export interface RowView {
  no: number;
  kegiatan: string;
  kelengkapan: string;
  waktu: string;
  output: string;
  keterangan: string;
}

export interface SopView {
  id: string;
  paper: Paper;
  instansi: { pemerintah: string; nama: string; alamat?: string; logoUrl?: string };
  unit?: string;
  nomor: string;
  nama: string;
  draf: boolean;
  elektronik: boolean;
  anchor: string;
  tanggalPembuatan: string;
  tanggalRevisi: string;
  tanggalEfektif: string;
  signer: { jabatan: string; nama: string; pangkat?: string; nip?: string };
  dasarHukum: string[];
  kualifikasi: string[];
  keterkaitan: string[];
  peralatan: string[];
  peringatan: string[];
  pencatatan: string[];
  actors: string[];
  columns: ProcedureColumns;
  rows: RowView[];
}

export function sopView(sop: Sop): SopView {
  const p = paper(sop.kertas);
  const signer = sop.disahkan_oleh;
  return {
    id: sop.id,
    paper: p,
    instansi: {
      pemerintah: sop.instansi.pemerintah,
      nama: sop.instansi.nama,
      ...(sop.instansi.alamat ? { alamat: sop.instansi.alamat } : {}),
      ...(sop.instansi.logo ? { logoUrl: projectUrl(sop.instansi.logo) } : {}),
    },
    ...(sop.unit ? { unit: sop.unit } : {}),
    nomor: sop.nomor,
    nama: sop.nama,
    draf: sop.status === 'draf',
    elektronik: sop.tanda_tangan === 'elektronik',
    anchor: sop.instansi.jangkar_ttd,
    tanggalPembuatan: tanggal(sop.tanggal_pembuatan),
    tanggalRevisi: tanggal(sop.tanggal_revisi),
    tanggalEfektif: tanggal(sop.tanggal_efektif),
    signer: signerLines(signer),
    dasarHukum: sop.dasar_hukum,
    kualifikasi: sop.kualifikasi_pelaksana,
    keterkaitan: sop.keterkaitan,
    peralatan: sop.peralatan_perlengkapan,
    peringatan: sop.peringatan,
    pencatatan: sop.pencatatan_pendataan,
    actors: sop.pelaksana,
    columns: procedureColumns(p, sop.pelaksana.length),
    rows: sop.steps.map((s) => ({
      no: s.no,
      kegiatan: s.kegiatan,
      kelengkapan: s.kelengkapan,
      waktu: s.waktu.text,
      output: s.output,
      keterangan: s.keterangan,
    })),
  };
}
