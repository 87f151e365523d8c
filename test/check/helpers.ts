// In-memory content for `checkContent`: a map of paths (relative to content/) to text or bytes,
// so every bad input is a small edit of a valid base without touching the disk.
import path from 'node:path';
import { collect, type Diagnostic } from '../../scripts/diagnostics/report.ts';
import type { ContentSet, RawFile } from '../../scripts/source/content.ts';
import { checkContent, type CheckResult } from '../../scripts/validate/check-content.ts';

export const ROOT = '/proyek';
export const CONTENT = `${ROOT}/content`;

export type Files = Record<string, string | Uint8Array>;

/** Builds a ContentSet from `{ 'dinas/instansi.yml': '…', 'dinas/a.md': '…' }` (paths under content/). */
export function contentSet(files: Files): ContentSet {
  const sops: RawFile[] = [];
  const instansi: RawFile[] = [];
  const bookPages: RawFile[] = [];
  for (const rel of Object.keys(files).sort()) {
    const value = files[rel]!;
    const abs = path.posix.join(CONTENT, rel);
    const raw: RawFile = { abs, rel: `content/${rel}`, bytes: typeof value === 'string' ? new TextEncoder().encode(value) : value };
    const name = path.posix.basename(rel);
    if (name === 'instansi.yml' || name === 'instansi.yaml') instansi.push(raw);
    else if (path.posix.basename(path.posix.dirname(rel)) === 'buku') bookPages.push(raw);
    else if (name.endsWith('.md')) sops.push(raw);
  }
  return { root: ROOT, contentDir: CONTENT, sops, instansi, bookPages };
}

/** Runs the whole check; files that are neither SOPs nor instansi.yml (logos) only "exist". */
export function runCheck(files: Files): { result: CheckResult; diagnostics: Diagnostic[] } {
  const known = new Set(Object.keys(files).map((rel) => path.posix.join(CONTENT, rel)));
  const result = checkContent(contentSet(files), (p) => known.has(p));
  return { result, diagnostics: collect(result.files) };
}

/** Replaces exactly one occurrence of `from` (fails loudly if the base changed). */
export function edit(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`)) ?? []).length;
  if (count !== 1) throw new Error(`edit: ${String(from)} occurs ${count} times`);
  return text.replace(from, to);
}

export const INSTANSI = `pemerintah: Pemerintah Kabupaten Contoh
nama: Dinas Komunikasi dan Informatika
kertas: A4
disahkan_oleh:
  jabatan: Kepala Dinas Komunikasi dan Informatika
  nama: Wendi, S.H., M.Hum
  nip: "19681117 199703 1 003"
`;

// Line numbers are part of the tests: keep this layout.
export const SOP = `---
nomor: 001/SOP/TES/2024
nama: Pengujian Prosedur
unit: Sekretariat
status: berlaku
tanggal_pembuatan: 2024-05-08
tanggal_revisi: null
tanggal_efektif: 2024-05-08
dasar_hukum:
  - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
kualifikasi_pelaksana:
  - Memiliki kemampuan pengolahan data
keterkaitan: []
peralatan_perlengkapan:
  - Perangkat Komputer
peringatan:
  - Laporan tidak tersusun tepat waktu
pencatatan_pendataan:
  - Disimpan sebagai arsip
pelaksana: [Sekretaris, Kasubag Program, Kepala Dinas]
---

| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |
|---:|---|---|---|---|---|---|---|
| 1 | Membuat format isian | Sekretaris | Format isian | 15 menit | Format | | |
| 2 | Memeriksa kelengkapan data | Kasubag Program | Laporan | 1 hari | Data terperiksa | | Lengkap: 3; Tidak: 1 |
| 3 | Menandatangani laporan | Kepala Dinas | Laporan | 1 jam | Laporan sah | | |
`;

export const SOP_PATH = 'dinas/sekretariat/pengujian.md';

/** The base content with the SOP (and optionally instansi.yml) replaced. */
export function base(sop: string | Uint8Array = SOP, instansi: string | Uint8Array | undefined = INSTANSI): Files {
  return { ...(instansi === undefined ? {} : { 'dinas/instansi.yml': instansi }), [SOP_PATH]: sop };
}
