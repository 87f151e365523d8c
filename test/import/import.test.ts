// sop impor on Word and Excel files built from the seeds as offices make them (fixtures/):
// each imports with its identity, actors, every row and the whole flow right, the written
// sources pass sop check with no error, the guesses are located in the document and at the
// .md line, and one imported SOP prints with every value of its seed.
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../scripts/diagnostics/report.ts';
import { readDocument, UnreadableDocument } from '../../scripts/import/read.ts';
import { planWrite, type ReadFile } from '../../scripts/import/write.ts';
import type { Sop, Step } from '../../scripts/model/sop.ts';
import { writeNew } from '../../scripts/scaffold/write.ts';
import { runCheck } from '../../scripts/validate/run.ts';
import { flat, pdftotext, projectDir, runSop, tempDir } from '../pdf/helpers.ts';
import { docx, DOCX_FILES } from './fixtures/make-docx.ts';
import { xlsx } from './fixtures/make-xlsx.ts';
import { zipParts } from './fixtures/ooxml.ts';
import { EXPECT_000, EXPECT_001, EXPECT_004A, EXPECT_004B, SEED_000, SEED_001, SEED_004A, SEED_004B, type SeedExpect, type SeedSop } from './fixtures/seeds.ts';

const FOLDER = 'content/impor';

/** Imports one document into a fresh project and checks it. */
async function importInto(name: string, bytes: Uint8Array) {
  const read = readDocument(name, bytes);
  const dir = projectDir('impor', {});
  const plan = planWrite([read], FOLDER, false);
  writeNew(dir, plan.files);
  const { result } = await runCheck(dir);
  return { dir, read, plan, result, diagnostics: collect(result.files) };
}

const lanjutText = (s: Step, last: boolean): string => {
  const l = s.lanjut;
  if (l.kind === 'next' || (l.kind === 'end' && last)) return '';
  if (l.kind === 'end') return 'selesai';
  if (l.kind === 'jump') return String(l.to);
  return l.exits.map((e) => `${e.label}: ${e.to}`).join('; ');
};

function expectSop(sop: Sop, seed: SeedSop, want: SeedExpect): void {
  expect(sop.nomor).toBe(seed.nomor);
  expect(sop.nama).toBe(seed.nama.replace(/^SOP /, ''));
  expect(sop.tanggal_pembuatan).toBe(want.tanggal_pembuatan);
  expect(sop.tanggal_revisi).toBe(want.tanggal_revisi);
  expect(sop.tanggal_efektif).toBe(want.tanggal_efektif);
  expect(sop.disahkan_oleh.jabatan).toBe(want.signer.jabatan);
  expect(sop.disahkan_oleh.nama).toBe(want.signer.nama);
  expect(sop.disahkan_oleh.pangkat).toBe(want.signer.pangkat);
  expect(sop.disahkan_oleh.nip).toBe(want.signer.nip?.replace(/ /g, ''));
  expect(sop.tanda_tangan).toBe(want.elektronik ? 'elektronik' : 'basah');
  expect(sop.instansi.pemerintah).toBe(want.pemerintah);
  expect(sop.dasar_hukum).toEqual(seed.dasarHukum);
  expect(sop.kualifikasi_pelaksana).toEqual(seed.kualifikasi);
  expect(sop.keterkaitan.map((k) => k.teks)).toEqual(seed.keterkaitan);
  expect(sop.peralatan_perlengkapan).toEqual(seed.peralatan);
  expect(sop.peringatan).toEqual(seed.peringatan);
  expect(sop.pencatatan_pendataan).toEqual(seed.pencatatan);
  expect(sop.pelaksana).toEqual(seed.actors);
  expect(sop.steps.map((s) => [s.no, s.kegiatan, sop.pelaksana[s.actor], s.kelengkapan, s.waktu.text, s.output, s.keterangan])).toEqual(
    seed.rows.map((r) => [r.no, r.kegiatan, seed.actors[r.actor], r.kelengkapan, r.waktu, r.output, r.keterangan ?? '']),
  );
  expect(sop.steps.map((s, i) => lanjutText(s, i === sop.steps.length - 1))).toEqual(want.lanjut);
}

const errors = (d: ReturnType<typeof collect>) => d.filter((x) => x.severity === 'galat').map((x) => `${x.file}:${x.line} ${x.ruleId} ${x.message}`);

describe('sop impor: Word', () => {
  it('seed 000 (floating shapes with VML fallback, header typed again on each page, a decision looping back)', async () => {
    const { result, diagnostics, plan } = await importInto('seed-000.docx', docx(DOCX_FILES['seed-000.docx']!));
    expect(errors(diagnostics)).toEqual([]);
    expect(result.sops).toHaveLength(1);
    expectSop(result.sops[0]!, SEED_000, EXPECT_000);
    expect(result.sops[0]!.instansi.nama).toBe(EXPECT_000.instansi);
    expect(result.sops[0]!.instansi.label_identitas.tanggal_efektif).toBe('Tanggal Pengesahan');
    // The header words of the office's table are kept.
    expect(result.sops[0]!.headers).toMatchObject({ kegiatan: 'URAIAN PROSEDUR', kelengkapan: 'Kelengkapan dan Peralatan', keterangan: 'ket' });
    // No arrow crosses a page break in Word: said once, at the row, in the document and the .md.
    const notes = plan.messages[0]!.messages;
    expect(notes.map((m) => m.reason)).toEqual([expect.stringMatching(/^seed-000\.docx \(halaman 2, tabel 3, baris \d+\): tidak ada panah keluar dari baris 7, 9 /)]);
    const md = (plan.files.find((f) => f.path.endsWith('.md'))!.data as string).split('\n');
    expect(md[notes[0]!.line! - 1]).toMatch(/^\| 7 \| Mengolah dan menganalisa/);
  });

  it('seed 001 (Word numbering, repeated header rows, off-page connectors, dotted dates, signer with pangkat and NIP)', async () => {
    const { result, diagnostics, plan } = await importInto('seed-001.docx', docx(DOCX_FILES['seed-001.docx']!));
    expect(errors(diagnostics)).toEqual([]);
    expectSop(result.sops[0]!, SEED_001, EXPECT_001);
    expect(result.sops[0]!.instansi.nama).toBe(EXPECT_001.instansi);
    expect(result.sops[0]!.instansi.alamat).toBe(SEED_001.header[2]);
    expect(result.sops[0]!.instansi.teks_terminator).toBe(true);
    // "…… Januari 2024": month precision, said at the line of the key and the cell of the document.
    const md = (plan.files.find((f) => f.path.endsWith('.md'))!.data as string).split('\n');
    const dated = plan.messages[0]!.messages.filter((m) => /tanpa hari/.test(m.reason));
    expect(dated.map((m) => md[m.line! - 1]!.split(':')[0])).toEqual(['tanggal_pembuatan', 'tanggal_efektif']);
    expect(dated[0]!.reason).toMatch(/tabel 1, baris 2, kolom 2/);
  });

  it('seed 004 (two SOPs in one file; inline symbols without arrows, then one group for the whole flowchart; line-broken lists)', async () => {
    const { result, diagnostics, plan } = await importInto('seed-004.docx', docx(DOCX_FILES['seed-004.docx']!));
    expect(errors(diagnostics)).toEqual([]);
    const byNomor = new Map(result.sops.map((s) => [s.nomor, s]));
    expect([...byNomor.keys()].sort()).toEqual([SEED_004A.nomor, SEED_004B.nomor].sort());
    expectSop(byNomor.get(SEED_004A.nomor)!, SEED_004A, EXPECT_004A);
    expectSop(byNomor.get(SEED_004B.nomor)!, SEED_004B, EXPECT_004B);
    expect(byNomor.get(SEED_004A.nomor)!.instansi.label_identitas).toMatchObject({ nama: 'Judul SOP', disahkan_oleh: 'Disahkan oleh' });
    // The second SOP names the office and its labels differently: both said, not silently dropped.
    const second = plan.messages[1]!.messages.map((m) => m.reason).join('\n');
    expect(second).toMatch(/Informatika, Statistik dan Persandian.*berbeda dari SOP pertama/);
    expect(second).toMatch(/label identitas SOP ini berbeda/);
  });

  it('seed 000 with the decision labels typed in the cells beside and below the diamond', async () => {
    const style = { ...DOCX_FILES['seed-000.docx']![0]!.style, labels: 'cells' as const };
    const { result, diagnostics, plan } = await importInto('seed-000-label-sel.docx', docx([{ sop: SEED_000, style }]));
    expect(errors(diagnostics)).toEqual([]);
    expectSop(result.sops[0]!, SEED_000, EXPECT_000);
    expect(plan.messages[0]!.messages.map((m) => m.reason).join('\n')).not.toMatch(/label cabang/);
  });

  it('seed 000 drawn in VML only, as files converted from Word 2003 keep it', async () => {
    const style = { ...DOCX_FILES['seed-000.docx']![0]!.style, symbols: 'vml' as const };
    const { result, diagnostics } = await importInto('seed-000-word2003.docx', docx([{ sop: SEED_000, style }]));
    expect(errors(diagnostics)).toEqual([]);
    expectSop(result.sops[0]!, SEED_000, EXPECT_000);
  });
});

describe('sop impor: Excel', () => {
  it('seed 000 (merged cells, rich-text lists, page break with the header copied, shapes on cells, glued connectors)', async () => {
    const { result, diagnostics, plan } = await importInto('seed-000.xlsx', xlsx(SEED_000));
    expect(errors(diagnostics)).toEqual([]);
    expectSop(result.sops[0]!, SEED_000, EXPECT_000);
    // Glued connectors leave nothing to guess.
    expect(plan.messages[0]!.messages.map((m) => m.reason)).toEqual([]);
  });
});

describe('sop impor: jumps', () => {
  // Row 3 jumps to row 5 in the office's drawing (row 4 is then never reached).
  const jumping: SeedSop = { ...SEED_001, rows: SEED_001.rows.map((r) => (r.no === 3 ? { ...r, jump: 5 } : r)) };
  const want = ['', '', '5', ...Array(10).fill('')];

  it('Word: an arrow to a row other than the next is written as its number', async () => {
    const { result, diagnostics } = await importInto('lompat.docx', docx([{ sop: jumping, style: DOCX_FILES['seed-000.docx']![0]!.style }]));
    expect(errors(diagnostics)).toEqual([]);
    expect(result.sops[0]!.steps.map((s, i, all) => lanjutText(s, i === all.length - 1))).toEqual(want);
    expect(diagnostics.filter((d) => d.ruleId === 'alur-tak-terjangkau').map((d) => d.line)).toHaveLength(1);
  });

  it('Excel: the same through a glued connector', async () => {
    const { result } = await importInto('lompat.xlsx', xlsx(jumping));
    expect(result.sops[0]!.steps.map((s, i, all) => lanjutText(s, i === all.length - 1))).toEqual(want);
  });
});

describe('sop impor: what it cannot read', () => {
  it('an old .doc is refused with the way out; a zip that is not Office too', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => readDocument('lama.doc', ole)).toThrow(UnreadableDocument);
    try {
      readDocument('lama.doc', ole);
    } catch (e) {
      expect((e as UnreadableDocument).hint).toMatch(/\.docx/);
    }
    expect(() => readDocument('x.docx', new TextEncoder().encode('bukan zip'))).toThrow(/bukan berkas Office/);
  });

  it('a damaged file is refused in Indonesian, never with a stack trace', () => {
    const good = docx(DOCX_FILES['seed-001.docx']!);
    for (const cut of [10, 100, 1000, Math.floor(good.length / 2), good.length - 30]) {
      let outcome = 'ok';
      try {
        readDocument('rusak.docx', good.slice(0, cut));
      } catch (e) {
        outcome = e instanceof UnreadableDocument ? 'refused' : `crash: ${String(e)}`;
      }
      expect(outcome, `dipotong pada ${cut} byte`).toBe('refused');
    }
    // XML cut inside a valid zip.
    const parts = { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>' };
    expect(() => readDocument('rusak.docx', zipParts(parts))).toThrow(UnreadableDocument);
  });

  it('□ typed in the actor cells instead of shapes; a row without any: Pelaksana left empty and said at its row', () => {
    const sop: SeedSop = { ...SEED_004B, rows: SEED_004B.rows.map((r, i) => (i === 2 ? { ...r, actor: -1 } : r)) };
    const read: ReadFile = readDocument('x.docx', docx([{ sop, style: { identity: 'two-cells', listLayout: 'label-row', items: 'breaks', symbols: 'marks', pages: 'repeat' } }]));
    const plan = planWrite([read], FOLDER, false);
    const md = (plan.files.find((f) => f.path.endsWith('.md'))!.data as string).split('\n');
    const note = plan.messages[0]!.messages.find((m) => /tidak ada simbol/.test(m.reason))!;
    expect(note.reason).toMatch(/baris 3: tidak ada simbol di kolom pelaksana/);
    expect(md[note.line! - 1]).toMatch(/^\| 3 \| Mengolah data laporan kinerja triwulan \| \|/);
    expect(read.sops[0]!.rows.map((r) => r.pelaksana)).toEqual(sop.rows.map((r) => sop.actors[r.actor] ?? ''));
  });
});

describe('sop impor: the command', () => {
  it('writes, refuses to overwrite without --timpa, overwrites with it, and prints one PDF with every seed value', () => {
    const dir = projectDir('impor-cli', {});
    const src = tempDir('impor-src');
    writeFileSync(path.join(src, 'SOP Pemantauan.docx'), docx(DOCX_FILES['seed-000.docx']!));
    writeFileSync(path.join(src, 'lama.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));

    const first = runSop(dir, ['impor', src, '--ke', 'content/diskominfo']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/SOP Pemantauan\.docx: 1 SOP/);
    expect(first.stdout).toMatch(/5 pelaksana, 13 baris, 1 keputusan/);
    expect(first.stdout).toMatch(/lama\.doc.*Word 97-2003.*impor-berkas-rusak/);
    expect(first.stdout).toMatch(/0 galat/);
    const file = path.join(dir, 'content/diskominfo/pemantauan-capaian-kinerja-internal.md');
    expect(readFileSync(file, 'utf8')).toMatch(/^nomor: "001\/SOP\/KOMINFO\/2024"$/m);

    writeFileSync(file, 'diubah petugas');
    const again = runSop(dir, ['impor', src, '--ke', 'content/diskominfo']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/sudah ada.*--timpa/s);
    expect(readFileSync(file, 'utf8')).toBe('diubah petugas');
    expect(runSop(dir, ['impor', src, '--ke', 'content/diskominfo', '--timpa']).status).toBe(0);
    // Re-imported; instansi.yml (which the officer may have edited) is kept, so the SOP names its signer.
    expect(readFileSync(file, 'utf8')).toMatch(/^nomor: "001\/SOP\/KOMINFO\/2024"$/m);
    expect(readFileSync(file, 'utf8')).toMatch(/^ {2}nama: "Wendi, S\.H\., M\.Hum"$/m);

    // Nothing readable: exit 1; a target outside content/: exit 2, nothing written.
    const none = runSop(dir, ['impor', path.join(src, 'lama.doc')]);
    expect(none.status).toBe(1);
    expect(none.stdout).toMatch(/Tidak ada SOP yang ditulis/);
    const outside = runSop(dir, ['impor', src, '--ke', 'luar']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/harus berada di dalam content\//);
    const away = tempDir('impor-luar');
    symlinkSync(away, path.join(dir, 'content/pintasan'));
    const linked = runSop(dir, ['impor', src, '--ke', 'content/pintasan/x']);
    expect(linked.status).toBe(2);
    expect(readdirSync(away)).toEqual([]);

    rmSync(path.join(dir, 'content/pintasan'));

    const build = runSop(dir, ['build']);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const pdfDir = path.join(dir, 'output/pdf/diskominfo');
    const pdf = readdirSync(pdfDir).find((f) => f.endsWith('.pdf'))!;
    const text = flat(pdftotext(path.join(pdfDir, pdf)));
    const values = [
      SEED_000.nomor,
      SEED_000.nama,
      'Wendi, S.H., M.Hum',
      ...SEED_000.dasarHukum,
      ...SEED_000.kualifikasi,
      ...SEED_000.keterkaitan,
      ...SEED_000.peralatan,
      ...SEED_000.peringatan,
      ...SEED_000.pencatatan,
      ...SEED_000.actors,
      ...SEED_000.rows.flatMap((r) => [r.kegiatan, r.kelengkapan, r.waktu, r.output]),
      'Sesuai',
      'Tidak sesuai',
    ];
    const missing = values.filter((v) => !text.includes(flat(v)));
    expect(missing).toEqual([]);
  });
});
