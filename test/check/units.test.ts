// Small pieces of `check`: NIP and date rules, decoding, positions, suggestions, GitHub output.
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../scripts/diagnostics/format.ts';
import type { Diagnostic } from '../../scripts/diagnostics/report.ts';
import { closest, distance } from '../../scripts/diagnostics/suggest.ts';
import { decodeSource, placeOfByte } from '../../scripts/source/decode.ts';
import { LineIndex } from '../../scripts/source/lines.ts';
import { formatNip, isRealDate, nipProblem } from '../../scripts/validate/rules.ts';

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('nipProblem', () => {
  it('menerima NIP 18 angka, dengan atau tanpa spasi', () => {
    expect(nipProblem('196811171997031003')).toBeUndefined();
    expect(nipProblem('19681117 199703 1 003')).toBeUndefined();
    expect(nipProblem('19800229 200501 2 001')).toBeUndefined(); // 29 Februari tahun kabisat
  });

  it.each([
    ['1968111719970310', /18 angka, tertulis 16/],
    ['1968111719970310031', /18 angka, tertulis 19/],
    ['19681117-199703-1-003', /hanya boleh berisi angka/],
    ['', /hanya boleh berisi angka/],
    ['19681317 199703 1 003', /Tanggal lahir .*19681317/], // bulan 13
    ['19810229 200501 1 001', /Tanggal lahir .*19810229/], // 1981 bukan tahun kabisat
    ['18991231 192001 1 001', /Tanggal lahir/], // sebelum 1900
    ['19681117 199713 1 003', /pengangkatan .*199713/], // bulan pengangkatan 13
    ['19681117 199700 1 003', /pengangkatan .*199700/],
    ['19681117 196001 1 003', /pengangkatan .*196001/], // diangkat sebelum lahir
    ['19681117 199703 3 003', /jenis kelamin .*tertulis 3/],
    ['19681117 199703 0 003', /jenis kelamin .*tertulis 0/],
  ])('%s', (nip, problem) => {
    expect(nipProblem(nip)).toMatch(problem);
  });
});

describe('formatNip', () => {
  it('mengelompokkan 8-6-1-3 seperti di dokumen resmi', () => {
    expect(formatNip('196811171997031003')).toBe('19681117 199703 1 003');
    expect(formatNip('19681117 199703 1 003')).toBe('19681117 199703 1 003');
    expect(formatNip(' 1968 1117 1997 0310 03 ')).toBe('19681117 199703 1 003');
  });
});

describe('isRealDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2024, 2, 30, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2024, 4, 31, false],
    [2024, 12, 31, true],
    [2024, 0, 10, false],
    [2024, 13, 1, false],
    [2024, 5, 0, false],
  ])('%i-%i-%i → %s', (y, m, d, ok) => {
    expect(isRealDate(y, m, d)).toBe(ok);
  });
});

describe('decodeSource', () => {
  it('membuang BOM UTF-8', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], '---\nnama: é\n'))).toEqual({ ok: true, text: '---\nnama: é\n' });
  });

  it('CRLF dan CR tunggal menjadi LF (nomor baris tetap)', () => {
    expect(decodeSource(bytes('a\r\nb\rc\n\r\nd'))).toEqual({ ok: true, text: 'a\nb\nc\n\nd' });
  });

  it('berkas kosong tetap teks', () => {
    expect(decodeSource(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it.each([
    ['Latin-1 é', bytes('ab', [0xe9], 'c'), 2],
    ['urutan terpotong di akhir', bytes('a', [0xe2, 0x82]), 1],
    ['byte lanjutan tanpa awal', bytes('abc', [0x80]), 3],
    ['bentuk overlong (C0 80)', bytes('x', [0xc0, 0x80]), 1],
    ['overlong tiga byte (E0 80 80)', bytes('xy', [0xe0, 0x80, 0x80]), 2],
    ['surrogate (ED A0 80)', bytes('é', [0xed, 0xa0, 0x80]), 2],
    ['di atas U+10FFFF (F4 90 80 80)', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['byte F5', bytes('ok ', [0xf5, 0x80, 0x80, 0x80]), 3],
    ['setelah huruf multibita yang sah', bytes('€ – ', [0xe9]), 8],
  ])('bukan UTF-8: %s → offset %i', (_name, input, offset) => {
    expect(decodeSource(input)).toEqual({ ok: false, reason: 'bukan-utf8', offset });
  });

  it('menerima UTF-8 empat byte (emoji) dan huruf non-Latin', () => {
    expect(decodeSource(bytes('😀 ١٢٣ 中文'))).toEqual({ ok: true, text: '😀 ١٢٣ 中文' });
  });

  it('byte NUL: berkas biner, di posisi NUL', () => {
    expect(decodeSource(bytes('---\nab', [0], 'c'))).toEqual({ ok: false, reason: 'biner', offset: 6 });
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], /PNG/],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], /JPEG/],
    ['PDF', [...bytes('%PDF-1.7\n')], /PDF/],
    ['DOCX', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /Word/],
    ['DOC', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], /Word/],
  ])('jenis berkas dikenali: %s', (_name, magic, kind) => {
    const decoded = decodeSource(new Uint8Array(magic));
    expect(decoded).toMatchObject({ ok: false, reason: 'biner', offset: 0 });
    expect(decoded.ok === false && decoded.kind).toMatch(kind);
  });

  it('UTF-16 (dengan BOM LE/BE, dan tanpa BOM)', () => {
    const le = [...'---\nnomor: 1\n'].flatMap((c) => [c.charCodeAt(0), 0]);
    const be = [...'---\nnomor: 1\n'].flatMap((c) => [0, c.charCodeAt(0)]);
    expect(decodeSource(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ ok: false, reason: 'utf16', offset: 0 });
    expect(decodeSource(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ ok: false, reason: 'utf16', offset: 0 });
    expect(decodeSource(new Uint8Array(le))).toEqual({ ok: false, reason: 'utf16', offset: 0 });
  });
});

describe('placeOfByte', () => {
  it('baris dan kolom dihitung per huruf, bukan per byte', () => {
    const input = bytes('---\nnama: Café – ', [0xe9]);
    const offset = input.length - 1;
    expect(placeOfByte(input, offset)).toEqual({ line: 2, column: 14 });
  });

  it('BOM tidak dihitung sebagai kolom', () => {
    expect(placeOfByte(bytes([0xef, 0xbb, 0xbf], 'ab', [0xe9]), 5)).toEqual({ line: 1, column: 3 });
  });

  it('CRLF: baris dihitung per LF', () => {
    expect(placeOfByte(bytes('a\r\nb\r\ncd'), 7)).toEqual({ line: 3, column: 2 });
  });

  it('offset 0 dan offset di luar berkas', () => {
    expect(placeOfByte(bytes('abc'), 0)).toEqual({ line: 1, column: 1 });
    expect(placeOfByte(bytes('ab\nc'), 99)).toEqual({ line: 2, column: 2 });
  });
});

describe('LineIndex', () => {
  const index = new LineIndex('ab\ncde\n\nf');

  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3], // the newline itself belongs to line 1
    [3, 2, 1],
    [5, 2, 3],
    [7, 3, 1],
    [8, 4, 1],
    [9, 4, 2], // end of text
  ])('offset %i → %i:%i', (offset, line, column) => {
    expect(index.place(offset)).toEqual({ line, column });
  });

  it('teks kosong dan teks yang diakhiri baris baru', () => {
    expect(new LineIndex('').place(0)).toEqual({ line: 1, column: 1 });
    const trailing = new LineIndex('a\n');
    expect(trailing.starts).toEqual([0, 2]);
    expect(trailing.place(2)).toEqual({ line: 2, column: 1 });
  });

  it('cepat untuk teks panjang', () => {
    const big = new LineIndex('x\n'.repeat(200_000));
    expect(big.place(399_998)).toEqual({ line: 200_000, column: 1 });
  });
});

describe('distance dan closest', () => {
  it('jarak Levenshtein, tanpa membedakan huruf besar-kecil', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('Waktu', 'waktu')).toBe(0);
    expect(distance('', 'abc')).toBe(3);
    expect(distance('abc', '')).toBe(3);
    expect(distance('ab', 'ba')).toBe(2); // tanpa transposisi
  });

  it('menyarankan yang paling dekat bila cukup mirip', () => {
    const keys = ['nomor', 'nama', 'dasar_hukum', 'peringatan', 'pelaksana'];
    expect(closest('dasar_hokum', keys)).toBe('dasar_hukum');
    expect(closest('Nomor', keys)).toBe('nomor');
    expect(closest('pelaksna', keys)).toBe('pelaksana');
    expect(closest('Kepala Dinass', ['Sekretaris', 'Kepala Dinas'])).toBe('Kepala Dinas');
  });

  it('tidak menyarankan apa pun bila terlalu jauh', () => {
    expect(closest('alamat_kantor', ['nomor', 'nama'])).toBeUndefined();
    expect(closest('xyz', ['nomor'])).toBeUndefined();
    expect(closest('apa saja', [])).toBeUndefined();
  });

  it('batas kemiripan: jarak paling banyak 2, atau sepertiga panjang kata yang ditulis', () => {
    expect(closest('nm', ['nama'])).toBe('nama'); // jarak 2
    expect(closest('pelaks', ['pelaksana'])).toBeUndefined(); // jarak 3, batas 2
    expect(closest('kualifikasi_pelaks', ['kualifikasi_pelaksana'])).toBe('kualifikasi_pelaksana'); // jarak 3, batas 18/3 = 6
  });
});

describe('formatGithub', () => {
  const d = (over: Partial<Diagnostic>): Diagnostic => ({
    file: 'content/dinas/a.md',
    line: 3,
    column: 7,
    severity: 'galat',
    ruleId: 'tipe-salah',
    message: 'Nilai `nomor` harus berupa teks.',
    ...over,
    endLine: over.endLine ?? over.line ?? 3,
    endColumn: over.endColumn ?? over.column ?? 7,
  });

  it('galat dan peringatan dengan file, line, col dan title', () => {
    expect(formatGithub([d({}), d({ severity: 'peringatan', ruleId: 'keterkaitan-tak-dikenal', line: 14, column: 5, message: 'Pesan.' })])).toBe(
      '::error file=content/dinas/a.md,line=3,col=7,title=tipe-salah::Nilai `nomor` harus berupa teks.\n' +
        '::warning file=content/dinas/a.md,line=14,col=5,title=keterkaitan-tak-dikenal::Pesan.\n',
    );
  });

  it('saran ditambahkan di baris baru (di-escape sebagai %0A)', () => {
    expect(formatGithub([d({ hint: 'Beri tanda kutip.' })])).toBe(
      '::error file=content/dinas/a.md,line=3,col=7,title=tipe-salah::Nilai `nomor` harus berupa teks.%0ASaran: Beri tanda kutip.\n',
    );
  });

  it('escape %, CR, LF di pesan; juga : dan , di properti', () => {
    const out = formatGithub([d({ file: 'content/a,b:c%.md', ruleId: 'x:y', message: '100% selesai\r\nbaris: dua, tiga' })]);
    expect(out).toBe('::error file=content/a%2Cb%3Ac%25.md,line=3,col=7,title=x%3Ay::100%25 selesai%0D%0Abaris: dua, tiga\n');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rentang satu baris: endLine dan endColumn; rentang beberapa baris: endLine tanpa kolom', () => {
    expect(formatGithub([d({ endColumn: 12 })])).toBe(
      '::error file=content/dinas/a.md,line=3,endLine=3,col=7,endColumn=12,title=tipe-salah::Nilai `nomor` harus berupa teks.\n',
    );
    expect(formatGithub([d({ endLine: 5, endColumn: 2 })])).toBe(
      '::error file=content/dinas/a.md,line=3,endLine=5,title=tipe-salah::Nilai `nomor` harus berupa teks.\n',
    );
  });

  it('tanpa diagnosis: tanpa keluaran', () => {
    expect(formatGithub([])).toBe('');
  });
});
