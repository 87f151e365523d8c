// The office's words: labels, dates, lists and signature blocks as offices type them.
import { describe, expect, it } from 'vitest';
import { listItems, matchLabel, parseDate, parseSignature, readOffice } from '../../scripts/import/words.ts';

const p = (text: string, numbered = false) => ({ text, numbered });

describe('kata-kata dokumen instansi', () => {
  it('labels whatever the wording, the value after a colon in the same cell', () => {
    expect(matchLabel('Nomor Standar Operasional Prosedur : 001/SOP/2024')).toEqual({ key: 'nomor', label: 'Nomor Standar Operasional Prosedur', rest: '001/SOP/2024' });
    expect(matchLabel('Tanggal Pengesahan')?.key).toBe('tanggal_efektif');
    expect(matchLabel('Judul SOP')?.key).toBe('nama');
    expect(matchLabel('Disahkan oleh')?.label).toBe('Disahkan oleh');
    expect(matchLabel('Kualifikasi Pelaksana :')).toMatchObject({ key: 'kualifikasi_pelaksana', label: 'Kualifikasi Pelaksana', rest: '' });
    expect(matchLabel('Pelaksanaan Pengukuran Kinerja')).toBeUndefined();
    expect(matchLabel('Unit Kerja : Sekretariat')).toMatchObject({ key: 'unit', rest: 'Sekretariat' });
    expect(matchLabel('Bidang')?.key).toBe('unit');
    expect(matchLabel('SATUAN KERJA')).toBeUndefined();
    expect(matchLabel('Bidang Statistik')).toBeUndefined();
  });

  it('dates as printed: day month year, dots for the day (month precision), blank or dash for none', () => {
    expect(parseDate('8 MEI 2024')).toEqual({ value: '2024-05-08', ok: true });
    expect(parseDate('01 Januari 2023').value).toBe('2023-01-01');
    expect(parseDate('08/05/2024').value).toBe('2024-05-08');
    expect(parseDate('…… Maret 2021').value).toBe('2021-03');
    expect(parseDate('-')).toEqual({ value: null, ok: true });
    expect(parseDate('')).toEqual({ value: null, ok: true });
    expect(parseDate('31 Februari 2024').ok).toBe(false);
    expect(parseDate('sesuai jadwal').ok).toBe(false);
  });

  it('lists: numbered paragraphs, typed prefixes, line breaks, all in one line; trailing empty item dropped', () => {
    expect(listItems([p('Renja', true), p('Komputer', true), p('', true)])).toEqual(['Renja', 'Komputer']);
    expect(listItems([p('1. Renja\n2. Komputer\n3. ')])).toEqual(['Renja', 'Komputer']);
    expect(listItems([p('1. Undang-Undang Nomor 23 Tahun 2014.2. Peraturan Pemerintah Nomor 12 Tahun 2019')])).toEqual(['Undang-Undang Nomor 23 Tahun 2014.', 'Peraturan Pemerintah Nomor 12 Tahun 2019']);
    expect(listItems([p('Apabila data tidak terkumpul maka pelaporan terhambat')])).toEqual(['Apabila data tidak terkumpul maka pelaporan terhambat']);
  });

  it('signature block: jabatan over lines, the room for the signature, name, pangkat, NIP; dots: written by hand', () => {
    expect(parseSignature(['Kepala Dinas Diskominfo', 'Kabupaten Balangan', '', '', 'Muhammad Nor, S.Sos., M.M.', 'NIP. 19710823 199303 1 005', ''])).toEqual({
      jabatan: 'Kepala Dinas Diskominfo Kabupaten Balangan',
      nama: 'Muhammad Nor, S.Sos., M.M.',
      nip: '19710823 199303 1 005',
      elektronik: false,
      byHand: false,
    });
    expect(parseSignature(['Ditandatangani secara elektronik oleh', 'KEPALA DINAS', '', 'Wendi, S.H., M.Hum'])).toMatchObject({ jabatan: 'KEPALA DINAS', nama: 'Wendi, S.H., M.Hum', elektronik: true });
    expect(parseSignature(['Kepala Dinas', '', '', '..............................', 'NIP.'])).toMatchObject({ jabatan: 'Kepala Dinas', nama: null, byHand: true });
  });

  it('the office from its header block', () => {
    expect(readOffice(['PEMERINTAH KABUPATEN BALANGAN', 'DINAS KOMUNIKASI, INFORMASI, STATISTIK DAN PERSANDIAN KABUPATEN BALANGAN'])).toEqual({
      pemerintah: 'Pemerintah Kabupaten Balangan',
      nama: 'Dinas Komunikasi, Informasi, Statistik dan Persandian',
    });
    expect(readOffice(['DINAS KOMUNIKASI DAN INFORMATIKA', 'KABUPATEN PESISIR SELATAN', 'Jl. Imam Bonjol No. 1'])).toEqual({
      nama: 'Dinas Komunikasi dan Informatika',
      pemerintah: 'Pemerintah Kabupaten Pesisir Selatan',
      alamat: 'Jl. Imam Bonjol No. 1',
    });
  });
});
