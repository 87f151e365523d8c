// Small SOP sources for the PDF suites, built from one valid base.
import { generateSop, prng } from '../../scripts/bench/generate.ts';

export const INSTANSI = `pemerintah: Pemerintah Kabupaten Uji
nama: Dinas Uji Coba
alamat: Jl. Contoh No. 1
disahkan_oleh:
  jabatan: Kepala Dinas Uji Coba
  nama: Nama Pejabat, S.H.
  pangkat: Pembina / IV.a
  nip: "196811171997031003"
`;

export function sopSource(fields: Record<string, string> = {}, rows?: string[]): string {
  const base: Record<string, string> = {
    nomor: '001/SOP/UJI/2024',
    nama: 'Prosedur Uji',
    tanggal_pembuatan: '2024-05-08',
    tanggal_efektif: '2024-05-08',
    dasar_hukum: '[Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah]',
    kualifikasi_pelaksana: '[Memahami tugas dan fungsi]',
    keterkaitan: '[]',
    peralatan_perlengkapan: '[Komputer]',
    peringatan: '[Pelayanan terhambat]',
    pencatatan_pendataan: '[Arsip elektronik]',
    ...fields,
  };
  const table = rows ?? [
    '| 1 | Menerima berkas | Staf | Berkas | 15 menit | Berkas diterima | | |',
    '| 2 | Memeriksa kelengkapan berkas | Kepala Seksi | Berkas | 1 jam | Berkas diperiksa | | Lengkap: 3; Tidak: 1 |',
    '| 3 | Menandatangani surat | Kepala Dinas | Surat | 1 hari | Surat ditandatangani | | |',
  ];
  return [
    '---',
    ...Object.entries(base).map(([k, v]) => `${k}: ${v}`),
    '---',
    '',
    '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |',
    '|---:|---|---|---|---|---|---|---|',
    ...table,
    '',
  ].join('\n');
}

/** Generated flows (decisions, backward jumps, long tables that break across pages). */
export function generatedSops(count: number, seed = 7): Record<string, string> {
  const rand = prng(seed);
  const files: Record<string, string> = { 'gen/instansi.yml': INSTANSI };
  for (let i = 0; i < count; i++) files[`gen/sop-${i + 1}.md`] = generateSop(rand, i, 'gen');
  return files;
}
