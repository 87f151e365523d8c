// The editor's messages: VS Code's YAML extension shows a schema's errorMessage /
// patternErrorMessage instead of "Value is not accepted" or a raw regular expression.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8'));
const sop = schema('sop.schema.json');
const instansi = schema('instansi.schema.json');

describe('Indonesian messages in the schemas', () => {
  it('status, tanda_tangan and kertas list their values', () => {
    expect(sop.properties.status.errorMessage).toBe('Tulis salah satu nilai ini persis: berlaku, draf, digantikan, dicabut.');
    expect(instansi.properties.tanda_tangan.errorMessage).toContain('elektronik, basah');
    expect(instansi.properties.kertas.errorMessage).toContain('A4, F4');
  });

  it('dates say TAHUN-BULAN-HARI, not a regular expression', () => {
    for (const key of ['tanggal_pembuatan', 'tanggal_revisi', 'tanggal_efektif']) {
      expect(sop.properties[key].patternErrorMessage, key).toContain('TAHUN-BULAN-HARI, mis. 2024-05-08');
    }
  });

  it('NIP: quoted text of digits and spaces, in both schemas alike', () => {
    for (const s of [sop, instansi]) {
      expect(s.$defs.penandatangan.properties.nip.errorMessage).toContain('tanda kutip');
      expect(s.$defs.penandatangan.properties.nip.patternErrorMessage).toContain('angka dan spasi');
    }
    expect(sop.$defs.penandatangan).toEqual(instansi.$defs.penandatangan);
  });

  it('lists say how a YAML list is written', () => {
    for (const key of ['dasar_hukum', 'kualifikasi_pelaksana', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan', 'pelaksana']) {
      expect(sop.properties[key].errorMessage, key).toContain('diawali "- "');
    }
  });

  it('an unknown key: the keys that are known, instead of "Property … is not allowed"', () => {
    expect(instansi.errorMessage).toBe(`Kunci yang dikenal di instansi.yml: ${Object.keys(instansi.properties).join(', ')}. Kunci lain tidak dikenal: periksa ejaannya (huruf kecil, garis bawah).`);
    expect(instansi.$defs.penandatangan.errorMessage).toContain('jabatan, nama, pangkat, nip');
  });
});
