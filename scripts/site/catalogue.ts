// catalogue.json, the published contract of every office site (schemas/katalog.schema.json,
// `versi` 1): what a province catalogue (`sop gabung`, scripts/federation/) reads from each
// office. Pure: the site model in, the data out; the same SOPs give the same bytes, so the build
// time is not a clock reading but the newest date the SOPs themselves carry.
import { createHash } from 'node:crypto';
import type { Sop } from '../model/sop.ts';
import type { SiteModel, SiteSop } from './model.ts';
import { fullUrl, paths, type Base } from './urls.ts';

export const KATALOG_FORMAT = 'sop-press/katalog';
export const KATALOG_VERSI = 1;

export interface KatalogSop {
  nomor: string;
  nama: string;
  /** Id of the instansi on its site (its content folder). */
  instansi: string;
  instansi_nama: string;
  pemerintah: string;
  unit: string | null;
  status: 'berlaku' | 'digantikan' | 'dicabut';
  tanggal_pembuatan: string;
  tanggal_revisi: string | null;
  tanggal_efektif: string | null;
  tahun: string;
  menggantikan: string | null;
  digantikan_oleh: string[];
  keterkaitan: Array<{ teks: string; nomor: string | null; eksternal: boolean }>;
  /** The SOP's page and its PDF (full URLs when the site was built with a full --base-url). */
  url: string;
  pdf: string;
  /** The signed original (scan or signed PDF), when the site publishes one. */
  asli?: string;
  /** How it is signed: electronically (a verified original, by whom, when), on paper, or an unsigned copy. */
  tanda_tangan?: { jenis: 'elektronik'; oleh: string; pada: string | null } | { jenis: 'basah' | 'salinan' | 'arsip' };
  /** `sha256-<hex>` of the checked SOP: changes exactly when what it says changes. */
  hash: string;
  /** The searchable text of its steps, one step a line: kegiatan, pelaksana, output. */
  teks: string;
}

export interface KatalogInstansi {
  id: string;
  nama: string;
  pemerintah: string;
  url: string;
  jumlah_sop: number;
  unit: Array<{ nama: string; url: string; jumlah_sop: number }>;
  buku: Array<{ tahun: string; url: string }>;
}

export interface Katalog {
  format: typeof KATALOG_FORMAT;
  versi: typeof KATALOG_VERSI;
  situs: {
    judul: string;
    /** Whose SOPs these are: one pemerintah, a few, or the generic subtitle. */
    pemilik: string;
    /** The site's base: a full URL, or a path when built without one. */
    alamat: string;
    /** Newest date among the published SOPs (YYYY-MM-DD): deterministic, unlike a clock. */
    dibangun: string;
  };
  instansi: KatalogInstansi[];
  sop: KatalogSop[];
}

/** Content hash of an SOP: its checked model minus where its file happens to lie. */
export function sopHash(sop: Sop): string {
  const { path: _path, ...rest } = sop;
  return `sha256-${createHash('sha256').update(JSON.stringify(rest)).digest('hex')}`;
}

/** What search should find of an SOP's procedure: each step's kegiatan, actor and output. */
export function stepText(sop: Sop): string {
  return sop.steps.map((s) => [s.kegiatan, sop.pelaksana[s.actor] ?? '', s.output].map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' · ')).join('\n');
}

/** The newest date any published SOP carries; '' for an empty site. */
export function builtOn(sops: readonly SiteSop[]): string {
  let newest = '';
  for (const { sop } of sops) {
    for (const d of [sop.tanggal_pembuatan, sop.tanggal_revisi, sop.tanggal_efektif, sop.tanggal_dicabut, ...sop.riwayat.map((r) => r.tanggal)]) {
      if (d && d > newest) newest = d;
    }
  }
  return newest.length === 7 ? `${newest}-01` : newest;
}

export function catalogueData(model: SiteModel, base: Base, owner: { judul: string; pemilik: string }): Katalog {
  const u = (rel: string) => fullUrl(base, rel);
  return {
    format: KATALOG_FORMAT,
    versi: KATALOG_VERSI,
    situs: { judul: owner.judul, pemilik: owner.pemilik, alamat: fullUrl(base, ''), dibangun: builtOn(model.sops) },
    instansi: model.instansi.map((i) => ({
      id: i.instansi.id,
      nama: i.instansi.nama,
      pemerintah: i.instansi.pemerintah,
      url: u(paths.instansi(i.instansi.id)),
      jumlah_sop: i.sops.length,
      unit: i.units.map((x) => ({ nama: x.nama, url: u(paths.unit(i.instansi.id, x.slug)), jumlah_sop: x.sops.length })),
      buku: i.books.map((b) => ({ tahun: b.tahun, url: u(paths.buku(b.file)) })),
    })),
    sop: model.sops.map((s) => ({
      nomor: s.sop.nomor,
      nama: s.sop.nama,
      instansi: s.sop.instansi.id,
      instansi_nama: s.sop.instansi.nama,
      pemerintah: s.sop.instansi.pemerintah,
      unit: s.sop.unit ?? null,
      status: s.sop.status as KatalogSop['status'],
      tanggal_pembuatan: s.sop.tanggal_pembuatan,
      tanggal_revisi: s.sop.tanggal_revisi,
      tanggal_efektif: s.sop.tanggal_efektif,
      tahun: s.tahun,
      menggantikan: s.sop.menggantikan ?? null,
      digantikan_oleh: s.replacedBy.map((r) => r.sop.nomor),
      keterkaitan: s.related.map((r) => ({ teks: r.text, nomor: r.target?.sop.nomor ?? null, eksternal: r.eksternal === true })),
      url: u(s.url),
      pdf: u(s.pdf),
      ...(s.asli ? { asli: u(s.asli) } : {}),
      tanda_tangan: s.ttd.kind === 'elektronik' ? { jenis: 'elektronik' as const, oleh: s.ttd.signer, pada: s.ttd.signedAt?.toISOString() ?? null } : { jenis: s.ttd.kind },
      hash: sopHash(s.sop),
      teks: stepText(s.sop),
    })),
  };
}
