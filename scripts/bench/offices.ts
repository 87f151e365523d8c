// Generated office sites for `sop gabung` (tests and `npm run bench`): each the catalogue.json an
// office's `sop site` publishes (the contract, site/catalogue.ts) plus a minimal home page, without
// printing any PDF. Every SOP carries a word no other SOP has (`katao<n>s<k>z`: ended by a letter, so no word is the prefix of another), for search tests.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KATALOG_FORMAT, KATALOG_VERSI, type Katalog, type KatalogSop } from '../site/catalogue.ts';

const UNITS = ['Sekretariat', 'Bidang Pelayanan', 'Bidang Perencanaan', 'UPTD Laboratorium'];
const STATUS: KatalogSop['status'][] = ['berlaku', 'berlaku', 'berlaku', 'digantikan', 'dicabut'];
const KEGIATAN = ['Menerima berkas permohonan', 'Memeriksa kelengkapan berkas', 'Memverifikasi data pemohon', 'Menyusun konsep surat', 'Menandatangani surat', 'Mengarsipkan dokumen'];

/** The unique search word of SOP `k` of office `n`. */
export const uniqueWord = (n: number, k: number) => `katao${n}s${k}z`;

export interface OfficeSpec {
  /** Office number: names, numbers and words derive from it. */
  n: number;
  sops: number;
  /** Where the site is published, with a trailing slash: `https://dinas-3.example.go.id/sop/`. */
  alamat: string;
  /** Its pemerintah (several offices share one). */
  pemerintah: string;
}

export function officeKatalog(spec: OfficeSpec): Katalog {
  const id = `dinas-${spec.n}`;
  const nama = `Dinas Contoh ${spec.n}`;
  const sop: KatalogSop[] = [];
  for (let k = 0; k < spec.sops; k++) {
    const tahun = 2019 + ((spec.n + k) % 7);
    const unit = k % 5 === 4 ? null : UNITS[(spec.n + k) % UNITS.length]!;
    const slug = `layanan-${k}`;
    const teks = KEGIATAN.map((kg, i) => `${kg} ${i === 2 ? uniqueWord(spec.n, k) : `layanan ${k}`} · ${i % 2 ? 'Kepala Seksi' : 'Staf Pelaksana'} · ${i === 5 ? 'Arsip' : 'Berkas'}`).join('\n');
    sop.push({
      nomor: `${String(k + 1).padStart(3, '0')}/SOP/D${spec.n}/${tahun}`,
      nama: `Pelayanan Administrasi Nomor ${k} Dinas ${spec.n}`,
      instansi: id,
      instansi_nama: nama,
      pemerintah: spec.pemerintah,
      unit,
      status: STATUS[k % STATUS.length]!,
      tanggal_pembuatan: `${tahun}-01-15`,
      tanggal_revisi: null,
      tanggal_efektif: `${tahun}-02-01`,
      tahun: String(tahun),
      menggantikan: null,
      digantikan_oleh: [],
      keterkaitan: [],
      url: `${spec.alamat}sop/${id}/${slug}/`,
      pdf: `${spec.alamat}pdf/${id}/${slug}.pdf`,
      hash: `sha256-${createHash('sha256').update(`${spec.n}/${k}`).digest('hex')}`,
      teks,
    });
  }
  const units = [...new Set(sop.map((s) => s.unit).filter((u): u is string => u !== null))];
  return {
    format: KATALOG_FORMAT,
    versi: KATALOG_VERSI,
    situs: { judul: `Katalog SOP ${nama}`, pemilik: spec.pemerintah, alamat: spec.alamat, dibangun: sop.reduce((m, s) => (s.tanggal_efektif! > m ? s.tanggal_efektif! : m), '') },
    instansi: [
      {
        id,
        nama,
        pemerintah: spec.pemerintah,
        url: `${spec.alamat}katalog/${id}/`,
        jumlah_sop: sop.length,
        unit: units.map((u) => ({ nama: u, url: `${spec.alamat}katalog/${id}/${u.toLowerCase().replace(/\s+/g, '-')}/`, jumlah_sop: sop.filter((s) => s.unit === u).length })),
        buku: [],
      },
    ],
    sop,
  };
}

/** A minimal built site folder: catalogue.json and a home page. */
export function writeOfficeSite(dir: string, katalog: Katalog): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'catalogue.json'), `${JSON.stringify(katalog, null, 2)}\n`);
  writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><html lang="id"><title>${katalog.situs.judul}</title><h1>${katalog.situs.judul}</h1></html>\n`);
}
