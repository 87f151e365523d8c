// The office's own wording in `sop check` (issue 10): instansi.yml's `label_identitas` and
// `teks_terminator`, checked at their lines; the author's header words kept in the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_HEADERS, DEFAULT_IDENTITY_LABELS } from '../../scripts/model/sop.ts';
import { INSTANSI, sopSource } from '../pdf/fixtures.ts';
import { runCheck } from './helpers.ts';

const sop = sopSource();
const at = (files: Record<string, string>) => runCheck(files).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
/** Line of `text` in INSTANSI + `extra` (1-based). */
const lineOf = (extra: string, text: string) => (INSTANSI + extra).split('\n').findIndex((l) => l.includes(text)) + 1;

describe('instansi.yml label_identitas', () => {
  it('sets the labels it names and keeps the defaults for the rest', () => {
    const { result } = runCheck({ 'dinas/instansi.yml': `${INSTANSI}label_identitas:\n  tanggal_efektif: Tanggal Pengesahan\n  nama: "  Judul SOP "\n`, 'dinas/a.md': sop });
    expect(result.ok).toBe(true);
    expect(result.sops[0]!.instansi.label_identitas).toEqual({ ...DEFAULT_IDENTITY_LABELS, tanggal_efektif: 'Tanggal Pengesahan', nama: 'Judul SOP' });
    expect(result.sops[0]!.instansi.teks_terminator).toBe(false);
  });

  it('reports an unknown label key at its line and column, with the likely one', () => {
    const extra = 'label_identitas:\n  tanggal_pengesahan: Tanggal Pengesahan\n  tanggal_efektip: Tanggal Berlaku\n';
    const { diagnostics } = runCheck({ 'dinas/instansi.yml': INSTANSI + extra, 'dinas/a.md': sop });
    const unknown = diagnostics.filter((d) => d.ruleId === 'kunci-tak-dikenal');
    expect(unknown.map((d) => `${d.line}:${d.column}`)).toEqual([`${lineOf(extra, 'tanggal_pengesahan')}:3`, `${lineOf(extra, 'tanggal_efektip')}:3`]);
    expect(unknown[0]!.file).toBe('content/dinas/instansi.yml');
    expect(unknown[0]!.message).toContain('`tanggal_pengesahan` tidak dikenal');
    expect(unknown[1]!.message).toContain('Maksud Anda `tanggal_efektif`?');
    expect(unknown.every((d) => d.severity === 'galat')).toBe(true);
  });

  it('limits a label to 40 printable characters and refuses an empty one, at the value', () => {
    const long = 'W'.repeat(41);
    const extra = `label_identitas:\n  nama: ${long}\n  nomor: " "\n`;
    expect(at({ 'dinas/instansi.yml': INSTANSI + extra, 'dinas/a.md': sop })).toEqual(
      expect.arrayContaining([`content/dinas/instansi.yml:${lineOf(extra, long)}:9 teks-terlalu-panjang`, `content/dinas/instansi.yml:${lineOf(extra, 'nomor')}:10 teks-kosong`]),
    );
    expect(at({ 'dinas/instansi.yml': `${INSTANSI}label_identitas:\n  nama: ${'W'.repeat(40)}\n`, 'dinas/a.md': sop })).toEqual([]);
  });

  it('wants a map of labels and a boolean teks_terminator', () => {
    const extra = 'label_identitas: Tanggal Pengesahan\nteks_terminator: ya\n';
    expect(at({ 'dinas/instansi.yml': INSTANSI + extra, 'dinas/a.md': sop })).toEqual(
      expect.arrayContaining([`content/dinas/instansi.yml:${lineOf(extra, 'label_identitas')}:18 tipe-salah`, `content/dinas/instansi.yml:${lineOf(extra, 'teks_terminator')}:18 tipe-salah`]),
    );
  });
});

describe('teks_terminator', () => {
  const actors = (n: number) => Array.from({ length: n }, (_, i) => `| ${i + 1} | Mengerjakan tahap ${i + 1} | Pelaksana ${i + 1} | Berkas | 1 jam | Berkas | | |`);

  it('is read from instansi.yml, quietly where the symbols have room', () => {
    const { result, diagnostics } = runCheck({ 'dinas/instansi.yml': `${INSTANSI}teks_terminator: true\n`, 'dinas/a.md': sopSource({}, actors(6)) });
    expect(result.ok).toBe(true);
    expect(result.sops[0]!.instansi.teks_terminator).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it('warns at the table when the columns are too narrow for 8 pt text (7 actors on A4), not on F4', () => {
    const files = { 'dinas/instansi.yml': `${INSTANSI}teks_terminator: true\n`, 'dinas/a.md': sopSource({}, actors(7)) };
    const { result, diagnostics } = runCheck(files);
    expect(result.ok).toBe(true);
    const tableLine = files['dinas/a.md'].split('\n').findIndex((l) => l.startsWith('| No |')) + 1;
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.severity}`)).toEqual([`content/dinas/a.md:${tableLine}:1 teks-terminator-tidak-muat peringatan`]);
    expect(runCheck({ ...files, 'dinas/a.md': sopSource({ kertas: 'F4' }, actors(7)) }).diagnostics).toEqual([]);
    // Off (the default): no warning whatever the width.
    expect(runCheck({ ...files, 'dinas/instansi.yml': INSTANSI }).diagnostics).toEqual([]);
  });
});

describe("the author's header words", () => {
  it('are kept as written (spaces collapsed), the official word for a column the table lacks', () => {
    const source = sop.replace('| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |', '| NO | Uraian   Prosedur | PELAKSANA | Persyaratan | Waktu | Keluaran | Ket. | Lanjut |');
    const { result } = runCheck({ 'dinas/instansi.yml': INSTANSI, 'dinas/a.md': source });
    expect(result.sops[0]!.headers).toEqual({ no: 'NO', kegiatan: 'Uraian Prosedur', pelaksana: 'PELAKSANA', kelengkapan: 'Persyaratan', waktu: 'Waktu', output: 'Keluaran', keterangan: 'Ket.' });
    const noKet = sop.replace('| Keterangan | Lanjut |', '| Lanjut |').replace(/\| \| (\||Lengkap)/g, '| $1').replace('|---|---|---|---|---|---|---|', '|---|---|---|---|---|---|');
    const without = runCheck({ 'dinas/instansi.yml': INSTANSI, 'dinas/a.md': noKet });
    expect(without.result.ok, without.diagnostics.map((d) => `${d.line} ${d.ruleId} ${d.message}`).join('\n')).toBe(true);
    expect(without.result.sops[0]!.headers).toEqual(DEFAULT_COLUMN_HEADERS);
  });
});

describe('instansi.schema.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/instansi.schema.json', import.meta.url), 'utf8'));
  it('lists every identity label, each with an Indonesian message and the printable limit', () => {
    const labels = schema.properties.label_identitas;
    expect(Object.keys(labels.properties).sort()).toEqual(Object.keys(DEFAULT_IDENTITY_LABELS).sort());
    expect(labels.additionalProperties).toBe(false);
    expect(labels.errorMessage).toContain('tanggal_efektif: Tanggal Pengesahan');
    for (const [key, p] of Object.entries<Record<string, unknown>>(labels.properties)) {
      expect(p.maxLength, key).toBe(40);
      expect(p.patternErrorMessage, key).toBe('Tidak boleh kosong atau hanya spasi.');
    }
    expect(schema.properties.teks_terminator.type).toBe('boolean');
    expect(schema.properties.teks_terminator.default).toBe(false);
    expect(schema.properties.teks_terminator.errorMessage).toContain('true');
  });
});
