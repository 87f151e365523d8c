// Content for the site tests: the sample content/ plus SOPs that exercise what the samples do
// not have: a draft (never published), a replaced and a withdrawn SOP (published, marked), a
// replacement chain, a decision in the flow, related SOPs, an F4 SOP (a wider procedure table),
// and hostile text in every place a user writes (escaped or sanitized on the site).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Written in a SOP's prose and fields: must show as text or vanish, never run. */
export const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const common = `dasar_hukum:
  - Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik
kualifikasi_pelaksana:
  - Memahami ketentuan keterbukaan informasi publik
peralatan_perlengkapan:
  - Komputer
peringatan:
  - Permohonan yang tidak dilayani dapat menjadi sengketa informasi
pencatatan_pendataan:
  - Register permohonan informasi
pelaksana: [Pemohon, Petugas Layanan Informasi, PPID Pelaksana]`;

const table = (rows: string) => `| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |
|---:|---|---|---|---|---|---|---|
${rows}
`;

const PERMOHONAN_ROWS = `| 1 | Mengajukan permohonan informasi publik melalui formulir | Pemohon | ${HOSTILE} | 10 menit | Formulir terisi | Formulir permohonan | |
| 2 | Memeriksa kelengkapan berkas permohonan | Petugas Layanan Informasi | Formulir, KTP | 15 menit | Berkas diperiksa | | |
| 3 | Apakah berkas lengkap? | Petugas Layanan Informasi | Berkas | 5 menit | Keputusan | | Ya: 5; Tidak: 4 |
| 4 | Melengkapi berkas permohonan | Pemohon | Berkas | 1 hari | Berkas lengkap | | 2 |
| 5 | Menyiapkan dan menyerahkan informasi yang diminta | PPID Pelaksana | Dokumen informasi | 10 hari | Informasi publik | | selesai |`;

export const FIXTURES: Record<string, string> = {
  // In force, replaces the 2021 version; flow with a decision and a backward jump.
  'diskominfo-pessel/layanan-informasi/permohonan-informasi-publik.md': `---
nomor: 010/SOP/KOMINFO/2025
nama: Pelayanan Permohonan Informasi Publik
unit: Bidang Informasi & Komunikasi Publik
status: berlaku
tanggal_pembuatan: 2025-01-06
tanggal_revisi: null
tanggal_efektif: 2025-02-03
menggantikan: 010/SOP/KOMINFO/2021
keterkaitan:
  - Pemantauan Capaian Kinerja Internal
  - SOP Pengelolaan Keberatan Informasi
${common}
riwayat:
  - { tanggal: 2021-03-01, uraian: Penetapan awal }
  - { tanggal: 2025-02-03, uraian: "Alur pemeriksaan kelengkapan ditambahkan ${HOSTILE.replace(/"/g, '\\"')}" }
---

**Tujuan.** Memberikan informasi publik kepada pemohon secara cepat dan tepat waktu, sesuai
Undang-Undang Keterbukaan Informasi Publik. Layanan ini gratis.

${HOSTILE}

<div onclick="window.__pwned = 3">Blok HTML mentah</div>

[Tautan berbahaya](javascript:window.__pwned=4) dan ![gambar luar](https://example.com/luar.png)

${table(PERMOHONAN_ROWS)}
Permohonan dicatat dalam register dan dilaporkan setiap triwulan.
`,
  // Replaced by the one above: stays findable, marked, links to the one in force.
  'diskominfo-pessel/layanan-informasi/permohonan-informasi-publik-2021.md': `---
nomor: 010/SOP/KOMINFO/2021
nama: Pelayanan Permohonan Informasi Publik
unit: Bidang Informasi & Komunikasi Publik
status: digantikan
tanggal_pembuatan: 2021-03-01
tanggal_revisi: null
tanggal_efektif: 2021-03-01
${common}
---

${table(`| 1 | Mengajukan permohonan informasi publik | Pemohon | Formulir permohonan | 10 menit | Formulir terisi | | |
| 2 | Menyiapkan informasi yang diminta | PPID Pelaksana | Dokumen informasi | 10 hari | Informasi publik | | selesai |`)}`,
  // Withdrawn, nothing replaces it.
  'diskominfo-pessel/layanan-informasi/penyebaran-informasi-manual.md': `---
nomor: 007/SOP/KOMINFO/2019
nama: Penyebaran Informasi melalui Papan Pengumuman
unit: Bidang Informasi & Komunikasi Publik
status: dicabut
kertas: F4
tanggal_pembuatan: 2019-07-01
tanggal_revisi: null
tanggal_efektif: 2019-07-01
tanggal_dicabut: 2022-01-03
${common}
---

${table(`| 1 | Menempelkan pengumuman di papan informasi | Petugas Layanan Informasi | Pengumuman | 30 menit | Pengumuman terpasang | | selesai |`)}`,
  // A draft: never on the public site, not even in search or catalogue.json.
  'diskominfo-pessel/layanan-informasi/rancangan-rahasia.md': `---
nomor: 099/SOP/KOMINFO/2026
nama: Rancangan Prosedur Zirkonium Rahasia
unit: Bidang Informasi & Komunikasi Publik
status: draf
tanggal_pembuatan: 2026-01-05
tanggal_revisi: null
tanggal_efektif: null
${common}
---

${table(`| 1 | Menguji kata zirkonium dalam draf | Petugas Layanan Informasi | Draf | 1 hari | Draf | | selesai |`)}`,
};

/** The sample content plus FIXTURES, in `<dir>/content`. Returns the content folder. */
export function writeFixtureContent(dir: string): string {
  const content = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  for (const [rel, text] of Object.entries(FIXTURES)) {
    const file = path.join(content, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return content;
}
