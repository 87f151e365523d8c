// `sop check` reads the book pages (content/<instansi>/buku/*.md) too, and the instansi folder
// names the site needs for its own pages: both fail at check time, with positions.
import { describe, expect, it } from 'vitest';
import { PlaceholderError, renderMarkdownPage } from '../../scripts/book/markdown.ts';
import { PLACEHOLDER_NAMES } from '../../scripts/book/placeholders.ts';
import { base, INSTANSI, runCheck, SOP, SOP_PATH } from './helpers.ts';

const PAGE = 'content/dinas/buku/01-kata-pengantar.md';
const withPage = (text: string) => runCheck({ ...base(), 'dinas/buku/01-kata-pengantar.md': text, 'dinas/buku/02-keputusan.md': '# Keputusan\n' });
const found = (text: string) => withPage(text).diagnostics.filter((d) => d.file === PAGE);
const at = (d: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn];

describe('halaman buku', () => {
  it('halaman yang benar: tanpa temuan, dan SOP tetap sah', () => {
    const { diagnostics, result } = withPage('---\njudul: Kata Pengantar {{tahun}}\nurutan: 1\ntanda_tangan:\n  - Ditetapkan di {{daerah}}\n---\n\nBuku ini memuat {{jumlah_sop}} SOP {{INSTANSI}}.\n');
    expect(diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('halaman buku tanpa keputusan: peringatan pada instansi.yml; tanpa halaman buku sama sekali: tidak', () => {
    const { diagnostics, result } = runCheck({ ...base(), 'dinas/buku/01-kata-pengantar.md': '# Kata Pengantar\n' });
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.severity])).toEqual([['content/dinas/instansi.yml', 1, 1, 'buku-tanpa-keputusan', 'peringatan']]);
    expect(result.ok).toBe(true);
    expect(runCheck(base()).diagnostics).toEqual([]);
  });

  it('isian tak dikenal di teks: letak tepat, saran ejaan, daftar isian tersedia', () => {
    const [d, ...rest] = found('# Kata Pengantar\n\nTahun {{tahn}} ini.\n');
    expect(rest).toEqual([]);
    expect(at(d!)).toEqual(['isian-tak-dikenal', 3, 7, 3, 15]);
    expect(d!.severity).toBe('galat');
    expect(d!.message).toContain('Maksud Anda `{{tahun}}`?');
    for (const name of PLACEHOLDER_NAMES) expect(d!.hint).toContain(`{{${name}}}`);
  });

  it('isian di judul dan tanda_tangan diperiksa; di kode dan blok HTML tidak (dicetak apa adanya)', () => {
    const text = '---\njudul: "Keputusan {{bupati}}"\ntanda_tangan: [ "di {{kota}}" ]\n---\n\n`{{contoh}}` dan {{juga}}\n\n<div>{{x}}</div>\n\n```\n{{lain}}\n```\n';
    expect(found(text).map(at)).toEqual([
      ['isian-tak-dikenal', 2, 19, 2, 29],
      ['isian-tak-dikenal', 3, 21, 3, 29],
      ['isian-tak-dikenal', 6, 18, 6, 26],
    ]);
  });

  it('check dan buku sepakat: yang ditolak check adalah yang tidak dapat diisi oleh buku', () => {
    const values = Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, 'x']));
    const text = '---\njudul: "{{bupati}}"\n---\n\n`{{contoh}}` {{juga}} {{Tahun}}\n\n<div>{{x}}</div>\n';
    const names = found(text).map((d) => /\{\{(.+?)\}\}/.exec(d.message)![1]);
    let thrown: unknown;
    try {
      renderMarkdownPage(text, values);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PlaceholderError);
    expect((thrown as PlaceholderError).names).toEqual(names.sort());
  });

  it('frontmatter YAML rusak: yaml-tidak-valid dengan baris dan kolom', () => {
    const [d] = found('---\njudul: "Kata Pengantar\nurutan: 1\n---\n\nIsi.\n');
    expect(d!.ruleId).toBe('yaml-tidak-valid');
    expect([d!.line, d!.column]).toEqual([2, 8]);
  });

  it('kunci tak dikenal dan jenis nilai salah', () => {
    const list = found('---\njudull: Kata Pengantar\nurutan: satu\ntanda_tangan: { a: 1 }\n---\n\nIsi.\n');
    expect(list.map(at)).toEqual([
      ['kunci-tak-dikenal', 2, 1, 2, 7],
      ['tipe-salah', 3, 9, 3, 13],
      ['tipe-salah', 4, 15, 4, 23],
    ]);
    expect(list[0]!.message).toContain('Maksud Anda `judul`?');
  });

  it('keputusan tanpa penandatangan di instansi.yml (penandatangan hanya per SOP): galat di keputusan, pada isian pertama', () => {
    const instansi = INSTANSI.replace(/disahkan_oleh:[\s\S]*$/, '');
    const sop = SOP.replace('status: berlaku', 'status: berlaku\ndisahkan_oleh:\n  jabatan: Kepala Dinas Komunikasi dan Informatika\n  nama: Wendi, S.H., M.Hum');
    const decree = '---\njudul: Keputusan\ntanda_tangan:\n  - Ditetapkan di {{daerah}}\n---\n\n# Keputusan {{penetap}}\n\n**{{PENETAP}},**\n';
    const { diagnostics, result } = runCheck({ ...base(sop, instansi), 'dinas/buku/keputusan.md': decree, 'dinas/buku/01-kata-pengantar.md': '# Kata Pengantar\n\n{{instansi}}\n' });
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.severity, d.line, d.column])).toEqual([['content/dinas/buku/keputusan.md', 'buku-tanpa-penandatangan', 'galat', 3, 1]]);
    expect(diagnostics[0]!.message).toContain('tanpa penetap dan tanpa tanda tangan');
    expect(diagnostics[0]!.hint).toMatch(/`disahkan_oleh:` .* di instansi.yml/);
    expect(result.ok).toBe(false);
    // Without `tanda_tangan`, at the first placeholder; once per page, not once per use.
    const body = runCheck({ ...base(sop, instansi), 'dinas/buku/keputusan.md': '# Keputusan {{penetap}}\n\n{{penandatangan.nama}} {{PENETAP}}\n' }).diagnostics;
    expect(body.map((d) => [d.ruleId, d.line, d.column])).toEqual([['buku-tanpa-penandatangan', 1, 13]]);
    // A decree that writes its issuer and signature out itself needs nothing from instansi.yml.
    expect(runCheck({ ...base(sop, instansi), 'dinas/buku/keputusan.md': '# Keputusan Kepala Dinas\n\nDitetapkan di Contoh.\n' }).diagnostics).toEqual([]);
    // With the signer in instansi.yml, the same decree is fine.
    expect(runCheck({ ...base(), 'dinas/buku/keputusan.md': decree }).diagnostics).toEqual([]);
  });

  it('cetak: bolak-balik di instansi.yml masuk ke model; nilai lain ditolak di barisnya', () => {
    const two = runCheck(base(SOP, `${INSTANSI}cetak: bolak-balik\n`));
    expect(two.diagnostics).toEqual([]);
    expect(two.result.sops[0]!.instansi.cetak).toBe('bolak-balik');
    expect(runCheck(base(SOP, `${INSTANSI}cetak: satu-sisi\n`)).result.sops[0]!.instansi.cetak).toBeUndefined();
    const bad = runCheck(base(SOP, `${INSTANSI}cetak: duplex\n`)).diagnostics;
    expect(bad.map((d) => [d.file, d.line, d.ruleId])).toEqual([['content/dinas/instansi.yml', INSTANSI.split('\n').length, 'nilai-tak-dikenal']]);
    expect(bad[0]!.message).toContain('bolak-balik');
  });

  it('halaman buku bukan teks: berkas-biner, tanpa crash', () => {
    const { diagnostics } = runCheck({ ...base(), 'dinas/buku/02-sk.md': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2]), 'dinas/buku/keputusan.md': '# Keputusan\n' });
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['content/dinas/buku/02-sk.md', 'berkas-biner']]);
  });
});

describe('nama folder instansi', () => {
  it.each(['status', 'tahun', 'Tahun'])('folder "%s" bentrok dengan halaman katalog: galat, bukan crash', (folder) => {
    const { diagnostics, result } = runCheck({ [`${folder}/instansi.yml`]: INSTANSI, [`${folder}/${SOP_PATH.split('/').slice(1).join('/')}`]: SOP });
    const d = diagnostics.find((x) => x.ruleId === 'folder-instansi-bentrok');
    expect(d?.file).toBe(`content/${folder}/instansi.yml`);
    expect(d?.message).toContain(`/katalog/${folder.toLowerCase()}/`);
    expect(result.ok).toBe(false);
  });

  it('folder lain yang mirip tetap boleh', () => {
    const { diagnostics } = runCheck({ 'statistik/instansi.yml': INSTANSI });
    expect(diagnostics).toEqual([]);
  });
});

describe('halaman buku: batas sebelum YAML dan Markdown', () => {
  it('halaman terlalu besar: berkas-terlalu-besar, tanpa temuan lain', () => {
    const list = found(`# Lampiran\n\n${'Teks yang tertempel berulang kali. '.repeat(4000)}\n`);
    expect(list.map((d) => d.ruleId)).toEqual(['berkas-terlalu-besar']);
  });

  it('baris terlalu panjang: seluruh baris ditandai', () => {
    expect(found(`# Judul\n\n${'a'.repeat(6000)}\n`).map(at)).toEqual([['baris-terlalu-panjang', 3, 1, 3, 6001]]);
  });

  it('kutipan bertingkat dalam dan bom penekanan: prosa-terlalu-rumit', () => {
    expect(found(`${'> '.repeat(20)}teks\n`).map((d) => d.ruleId)).toEqual(['prosa-terlalu-rumit']);
    expect(found(`${'*_'.repeat(2000)}\n`).map((d) => d.ruleId)).toEqual(['prosa-terlalu-rumit']);
  });

  it('frontmatter bertingkat terlalu dalam: yaml-tidak-valid sebelum YAML dibaca', () => {
    expect(found(`---\njudul: ${'['.repeat(100)}\n---\n\nIsi.\n`).map((d) => d.ruleId)).toEqual(['yaml-tidak-valid']);
  });
});
