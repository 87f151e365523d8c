// In-memory content for `checkContent`: a map of paths (relative to content/) to text or bytes,
// so every bad input is a small edit of a valid base without touching the disk.
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { collect, type Diagnostic } from '../../scripts/diagnostics/report.ts';
import { judgeBytes, type AssetProbe } from '../../scripts/source/assets.ts';
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
  const monev: RawFile[] = [];
  for (const rel of Object.keys(files).sort()) {
    const value = files[rel]!;
    const abs = path.posix.join(CONTENT, rel);
    const raw: RawFile = { abs, rel: `content/${rel}`, bytes: typeof value === 'string' ? new TextEncoder().encode(value) : value };
    const name = path.posix.basename(rel);
    if (name === 'instansi.yml' || name === 'instansi.yaml') instansi.push(raw);
    else if (path.posix.basename(path.posix.dirname(rel)) === 'buku') bookPages.push(raw);
    else if (path.posix.basename(path.posix.dirname(rel)) === 'monev') monev.push(raw);
    else if (name.endsWith('.md')) sops.push(raw);
  }
  return { root: ROOT, contentDir: CONTENT, sops, instansi, bookPages, monev };
}

/** The asset rule over in-memory files: outside content/ by path, missing, or judged by content. */
export function memoryAssets(files: Files): AssetProbe {
  return (abs) => {
    const rel = path.posix.relative(CONTENT, abs);
    if (rel.startsWith('..') || path.posix.isAbsolute(rel)) return { ok: false, problem: 'di-luar', real: abs };
    const value = files[rel];
    if (value === undefined) return { ok: false, problem: 'tidak-ada' };
    const { bytes: _, ...verdict } = judgeBytes(typeof value === 'string' ? new TextEncoder().encode(value) : value, abs);
    return verdict;
  };
}

/** Runs the whole check; files that are neither SOPs nor instansi.yml (logos) are judged as assets. */
export function runCheck(files: Files): { result: CheckResult; diagnostics: Diagnostic[] } {
  const result = checkContent(contentSet(files), memoryAssets(files));
  return { result, diagnostics: collect(result.files) };
}

/** A valid PNG of `width` × `height` grey pixels (with a text chunk, which checking drops). */
export function png(width = 1, height = 1): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey)
  const rows = Buffer.alloc(height * (width + 1), 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Comment\0<script>alert(1)</script>', 'latin1')),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]));
}

/**
 * Processor time of `run` in ms: the machine is shared by many processes, so wall time says
 * more about the neighbours than about the check; a stall or a superlinear cost shows in both.
 */
export function cpuTime<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
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
