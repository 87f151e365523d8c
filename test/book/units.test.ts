// Pure parts of the book: what is printed and listed, the year's changes, page numbering and
// the Markdown front matter. No browser.
import { describe, expect, it } from 'vitest';
import { bookContents, bookDate, changesInYear } from '../../scripts/book/contents.ts';
import { decreeSigner, isDecreeFile, titleFromFile } from '../../scripts/book/front-matter.ts';
import { PlaceholderError, renderMarkdownPage } from '../../scripts/book/markdown.ts';
import { blanksAfter, bookParts, changeGroups, roman, sopRows, startPages, tocEntries } from '../../scripts/book/parts.ts';
import { DEFAULT_COLUMN_HEADERS, DEFAULT_IDENTITY_LABELS, type Instansi, type Sop } from '../../scripts/model/sop.ts';

const INSTANSI: Instansi = {
  id: 'dinas',
  pemerintah: 'Pemerintah Kabupaten Contoh',
  nama: 'Dinas Contoh',
  kertas: 'A4',
  tanda_tangan: 'elektronik',
  jangkar_ttd: '#',
  label_identitas: DEFAULT_IDENTITY_LABELS,
  teks_terminator: false,
  file: '/p/content/dinas/instansi.yml',
  dir: '/p/content/dinas',
};

function sop(nomor: string, over: Partial<Sop> = {}): Sop {
  const slug = nomor.replace(/\W+/g, '-').toLowerCase();
  return {
    id: `dinas/${slug}`,
    slug,
    path: `content/dinas/${slug}.md`,
    instansi: INSTANSI,
    nomor,
    nama: `SOP ${nomor}`,
    status: 'berlaku',
    tanggal_pembuatan: '2022-01-10',
    tanggal_revisi: null,
    tanggal_efektif: '2022-01-10',
    menggantikan_eksternal: false,
    disahkan_oleh: { jabatan: 'Kepala Dinas', nama: 'Nama' },
    kertas: 'A4',
    tanda_tangan: 'elektronik',
    dasar_hukum: [],
    kualifikasi_pelaksana: [],
    keterkaitan: [],
    peralatan_perlengkapan: [],
    peringatan: [],
    pencatatan_pendataan: [],
    pelaksana: ['Staf'],
    riwayat: [],
    headers: DEFAULT_COLUMN_HEADERS,
    steps: [],
    prose: '',
    ...over,
  };
}

describe('bookContents', () => {
  const list = [
    sop('010/SOP/2024', { unit: 'Sekretariat' }),
    sop('2/SOP/2024', { unit: 'Sekretariat' }),
    sop('001/SOP/2024'),
    sop('005/SOP/2024', { unit: 'Bidang Aplikasi' }),
    sop('006/SOP/2024', { unit: 'Sekretariat', status: 'draf' }),
    sop('003/SOP/2020', { unit: 'Sekretariat', status: 'dicabut' }),
    sop('004/SOP/2020', { unit: 'Bidang Lama', status: 'digantikan' }),
  ];

  it('prints berlaku SOPs without a unit directly under the instansi, first, then by unit (alphabetical), numbers read naturally', () => {
    const c = bookContents(list, 2024, false);
    expect(c.groups.map((g) => [g.unit, g.sops.map((s) => s.nomor)])).toEqual([
      [null, ['001/SOP/2024']],
      ['Bidang Aplikasi', ['005/SOP/2024']],
      ['Sekretariat', ['2/SOP/2024', '010/SOP/2024']],
    ]);
  });

  it('adds drafts only with --draf', () => {
    expect(bookContents(list, 2024, true).groups[2]!.sops.map((s) => s.nomor)).toEqual(['2/SOP/2024', '006/SOP/2024', '010/SOP/2024']);
    expect(bookContents(list, 2024, false).listed.map((s) => s.nomor)).not.toContain('006/SOP/2024');
  });

  it('lists replaced and withdrawn SOPs with their unit, after the printed ones', () => {
    expect(bookContents(list, 2024, false).listed.map((s) => s.nomor)).toEqual(['001/SOP/2024', '005/SOP/2024', '004/SOP/2020', '2/SOP/2024', '010/SOP/2024', '003/SOP/2020']);
  });

  it('gives SOPs without a unit no divider: they follow the lists, before unit I, and stand unindented in the Daftar Isi', () => {
    const c = bookContents(list, 2024, false);
    const parts = bookParts(c, []);
    expect(parts.map((p) => p.key)).toEqual(['sampul', 'daftar-isi', 'daftar-sop', 'perubahan', 'sop:dinas/001-sop-2024', 'bagian:1', 'sop:dinas/005-sop-2024', 'bagian:2', 'sop:dinas/2-sop-2024', 'sop:dinas/010-sop-2024']);
    const starts = startPages(parts, new Map(parts.map((p) => [p.key, 1])));
    expect(tocEntries(parts, starts).filter((e) => e.level > 0).map((e) => [e.label ?? e.nomor, Boolean(e.langsung)])).toEqual([
      ['001/SOP/2024', true],
      ['I.', false],
      ['005/SOP/2024', false],
      ['II.', false],
      ['2/SOP/2024', false],
      ['010/SOP/2024', false],
    ]);
  });
});

describe('withdrawals', () => {
  it('are dated by tanggal_dicabut, before riwayat, and reported in that year only', () => {
    const gone = sop('X', { status: 'dicabut', tanggal_dicabut: '2024-09-30', riwayat: [{ tanggal: '2023-01-05', uraian: 'Penetapan awal' }] });
    expect(changesInYear([gone], 2024, false).map((c) => [c.kind, c.tanggal])).toEqual([['dicabut', '2024-09-30']]);
    expect(changesInYear([gone], 2023, false)).toEqual([]);
  });
});

describe('the decree', () => {
  it('is issued by the position it is signed with, acting prefix kept on the signature only, region added once', () => {
    expect(decreeSigner('Plt. Kepala Dinas KUKMTK', 'Kabupaten Balangan')).toEqual({ penetap: 'Kepala Dinas KUKMTK Kabupaten Balangan', jabatan: 'Plt. Kepala Dinas KUKMTK Kabupaten Balangan' });
    expect(decreeSigner('Kepala Dinas Komunikasi dan Informatika Kabupaten Balangan', 'Kabupaten Balangan')).toEqual({
      penetap: 'Kepala Dinas Komunikasi dan Informatika Kabupaten Balangan',
      jabatan: 'Kepala Dinas Komunikasi dan Informatika Kabupaten Balangan',
    });
    expect(decreeSigner('Plh Kepala Badan', 'Kota Contoh').jabatan).toBe('Plh Kepala Badan Kota Contoh');
  });

  it('is the page in keputusan.md (with or without an order prefix)', () => {
    expect(['keputusan.md', '02-keputusan.md', 'Keputusan.md', 'lampiran-keputusan.md', 'kata-pengantar.md'].map(isDecreeFile)).toEqual([true, true, true, false, false]);
  });
});

describe('changesInYear', () => {
  it('finds new, revised, replaced and withdrawn SOPs of the year from the sources', () => {
    const changes = changesInYear(
      [
        sop('A', { tanggal_efektif: '2024-03-01', menggantikan: 'OLD' }),
        sop('OLD', { status: 'digantikan' }),
        sop('B', { tanggal_revisi: '2024-07-01' }),
        sop('C', { riwayat: [{ tanggal: '2022-01-10', uraian: 'Penetapan awal' }, { tanggal: '2024-02-02', uraian: 'Ubah langkah 3' }] }),
        sop('D', { status: 'dicabut', riwayat: [{ tanggal: '2024-05-05', uraian: 'Tidak dipakai lagi' }] }),
        sop('E', { status: 'dicabut', riwayat: [{ tanggal: '2023-05-05', uraian: 'Dicabut tahun lalu' }] }),
        sop('F', { status: 'dicabut' }),
        sop('G'),
        sop('H', { tanggal_efektif: null, tanggal_pembuatan: '2024-09-09', status: 'draf' }),
        // A revision takes effect on its own date: revised, not new (issue 20, item 10).
        sop('I', { tanggal_efektif: '2024-04-01', riwayat: [{ tanggal: '2021-06-01', uraian: 'Penetapan awal' }, { tanggal: '2024-04-01', uraian: 'Revisi alur verifikasi' }] }),
        sop('J', { tanggal_pembuatan: '2020-01-01', tanggal_revisi: '2024-08-01', tanggal_efektif: '2024-08-01' }),
        // Made late in the year before, in force this year, no older version: new.
        sop('K', { tanggal_pembuatan: '2023-12-20', tanggal_efektif: '2024-01-02' }),
      ],
      2024,
      false,
    );
    expect(changes.map((c) => [c.kind, c.sop.nomor, c.tanggal, c.keterangan])).toEqual([
      ['baru', 'A', '2024-03-01', 'Menggantikan OLD (SOP OLD).'],
      ['baru', 'K', '2024-01-02', 'SOP baru.'],
      ['direvisi', 'B', '2024-07-01', 'Direvisi.'],
      ['direvisi', 'C', '2024-02-02', 'Ubah langkah 3.'],
      ['direvisi', 'I', '2024-04-01', 'Revisi alur verifikasi.'],
      ['direvisi', 'J', '2024-08-01', 'Direvisi.'],
      ['digantikan', 'OLD', '2024-03-01', 'Digantikan oleh A (SOP A).'],
      // Without a date the withdrawal is listed rather than silently dropped.
      ['dicabut', 'D', '2024-05-05', 'Tidak dipakai lagi.'],
      ['dicabut', 'F', null, 'Dicabut tanpa pengganti.'],
    ]);
  });

  it('prints one sentence instead of four empty tables when nothing changed', () => {
    expect(changeGroups(bookContents([sop('A')], 2024, false))).toEqual([]);
    expect(changeGroups(bookContents([sop('A', { tanggal_revisi: '2024-01-02' })], 2024, false)).map((g) => [g.title, g.rows.length])).toEqual([
      ['SOP Baru', 0],
      ['SOP Direvisi', 1],
      ['SOP Digantikan', 0],
      ['SOP Dicabut', 0],
    ]);
  });

  it('counts drafts as new only in a --draf book', () => {
    const h = sop('H', { tanggal_efektif: null, tanggal_pembuatan: '2024-09-09', status: 'draf' });
    expect(changesInYear([h], 2024, true).map((c) => [c.kind, c.keterangan])).toEqual([['baru', 'SOP baru. Masih draf.']]);
  });

  it('dates the book by its latest source date in the year, else 1 January', () => {
    expect(bookDate([sop('A', { tanggal_revisi: '2024-07-01' }), sop('B', { tanggal_efektif: '2025-01-01' })], 2024)).toBe('2024-07-01');
    expect(bookDate([sop('A')], 2024)).toBe('2024-01-01');
  });
});

describe('page numbering', () => {
  const c = bookContents([sop('1', { unit: 'B' }), sop('2', { unit: 'A' }), sop('3', { unit: 'A' }), sop('9', { status: 'dicabut', unit: 'A' })], 2024, false);
  const front = [{ file: 'x', title: 'Kata Pengantar', html: '', blocks: [], hasHeading: true }];
  const parts = bookParts(c, front);

  it('orders cover, front matter, lists, then per unit a divider and its SOPs', () => {
    expect(parts.map((p) => p.key)).toEqual(['sampul', 'halaman:0', 'daftar-isi', 'daftar-sop', 'perubahan', 'bagian:0', 'sop:dinas/2', 'sop:dinas/3', 'bagian:1', 'sop:dinas/1']);
  });

  it('starts each part after the pages of the ones before', () => {
    const counts = new Map(parts.map((p) => [p.key, p.kind === 'sop' ? 2 : p.key === 'daftar-isi' ? 3 : 1]));
    const starts = startPages(parts, counts);
    expect([...starts.values()]).toEqual([1, 2, 3, 6, 7, 8, 9, 11, 13, 14]);
    expect(tocEntries(parts, starts).map((e) => [e.level, e.label ?? e.nomor ?? '', e.title, e.page])).toEqual([
      [0, '', 'Kata Pengantar', 2],
      [0, '', 'Daftar SOP', 6],
      [0, '', 'Perubahan sejak Edisi Sebelumnya', 7],
      [1, 'I.', 'A', 8],
      [2, '2', 'SOP 2', 9],
      [2, '3', 'SOP 3', 11],
      [1, 'II.', 'B', 13],
      [2, '1', 'SOP 1', 14],
    ]);
    expect(sopRows(c, starts).map((r) => [r.nomor, r.status, r.page])).toEqual([
      ['2', 'Berlaku', '9'],
      ['3', 'Berlaku', '11'],
      ['9', 'Dicabut', '-'],
      ['1', 'Berlaku', '14'],
    ]);
  });

  it('printed on both sides, starts every part on an odd page, with blank versos between and none at the end', () => {
    const counts = new Map(parts.map((p) => [p.key, p.kind === 'sop' ? 3 : p.key === 'daftar-isi' ? 2 : 1]));
    const starts = startPages(parts, counts, true);
    expect([...starts.values()]).toEqual([1, 3, 5, 7, 9, 11, 13, 17, 21, 23]);
    expect([...blanksAfter(parts, counts, starts).values()]).toEqual([1, 1, 0, 1, 1, 1, 1, 1, 1, 0]);
    expect([...blanksAfter(parts, counts, startPages(parts, counts)).values()].every((n) => n === 0)).toBe(true);
  });

  it('refuses to number a part whose length is unknown', () => {
    expect(() => startPages(parts, new Map())).toThrow(/sampul/);
  });

  it('writes part numbers in Roman numerals', () => {
    expect([1, 4, 9, 14, 40, 1994].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIV']);
  });
});

describe('front matter Markdown', () => {
  const values = { tahun: '2024', instansi: 'Dinas Contoh', 'penandatangan.nama': 'Budi' };

  it('escapes raw HTML and drops scripts, styles and unsafe links', () => {
    const page = renderMarkdownPage('# Judul\n\nA <b onclick="x()">b</b> [c](javascript:alert(1)) ![d](http://x/y.png)\n\n<script>alert(1)</script>\n', values);
    expect(page.html).toBe('<h1>Judul</h1>\n<p>A &#x3C;b onclick="x()">b&#x3C;/b> c <span class="gambar">[d]</span></p>\n&#x3C;script>alert(1)&#x3C;/script>');
    expect(page.title).toBe('Judul');
    expect(page.hasHeading).toBe(true);
  });

  it('fills placeholders as text (escaped), in capitals when written in capitals', () => {
    const page = renderMarkdownPage('Tahun {{tahun}}, {{ INSTANSI }}, {{penandatangan.nama}}.', { ...values, instansi: 'A & <B>' });
    expect(page.html).toBe('<p>Tahun 2024, A &#x26; &#x3C;B>, Budi.</p>\n');
  });

  it('refuses unknown placeholders, naming them', () => {
    expect(() => renderMarkdownPage('{{tahunn}} dan {{kepala}}', values)).toThrow(PlaceholderError);
    expect(() => renderMarkdownPage('{{tahunn}}', values)).toThrow(/\{\{tahunn\}\} tidak dikenal/);
  });

  it('reads judul, urutan and tanda_tangan from the frontmatter', () => {
    const page = renderMarkdownPage('---\njudul: Keputusan {{tahun}}\nurutan: 2\ntanda_tangan: ["Ditetapkan di ....", "pada tanggal {{tahun}}"]\n---\n\nIsi.\n', values);
    expect(page).toMatchObject({ title: 'Keputusan 2024', order: 2, signature: { lines: ['Ditetapkan di ....', 'pada tanggal 2024'] }, hasHeading: false, blocks: ['<p>Isi.</p>\n'] });
  });

  it('prints a table with an empty header as a borderless layout table', () => {
    const page = renderMarkdownPage('| | | |\n|---|---|---|\n| Menimbang | : | a. bahwa |\n', values);
    expect(page.html.replace(/\n/g, '')).toBe('<table class="tata-letak"><tbody><tr><td>Menimbang</td><td>:</td><td>a. bahwa</td></tr></tbody></table>');
  });

  it('prints web links with their address, and lists, code and quotes', () => {
    const page = renderMarkdownPage('[JDIH](https://jdih.example.go.id)\n\n3. tiga\n4. empat\n\n> kutip `kode`\n', values);
    expect(page.html.replace(/\n/g, '')).toBe(
      '<p>JDIH <span class="alamat-tautan">(https://jdih.example.go.id)</span></p><ol start="3"><li>tiga</li><li>empat</li></ol><blockquote><p>kutip <code>kode</code></p></blockquote>',
    );
  });

  it('names pages without a title after their file', () => {
    expect(titleFromFile('01-kata-pengantar.md')).toBe('Kata Pengantar');
    expect(titleFromFile('petunjuk_penggunaan.md')).toBe('Petunjuk Penggunaan');
  });
});
