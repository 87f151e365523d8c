// Results files (`content/<instansi>/monev/<tahun>-<semester>.yml`) in `sop check`: located
// Indonesian errors for mistakes, warnings for steps a revision removed and for due dates.
import { describe, expect, it } from 'vitest';
import { collect } from '../../scripts/diagnostics/report.ts';
import { readFileSync } from 'node:fs';
import { KRITERIA, monevStatuses } from '../../scripts/model/monev.ts';
import type { IsoDay } from '../../scripts/model/sop.ts';
import { checkContent } from '../../scripts/validate/check-content.ts';
import { dueSemester } from '../../scripts/validate/monev.ts';
import { base, contentSet, edit, memoryAssets, SOP, SOP_PATH, type Files } from '../check/helpers.ts';

const TODAY = '2026-12-07' as IsoDay;

function check(files: Files, today: IsoDay = TODAY) {
  const result = checkContent(contentSet(files), memoryAssets(files), today);
  return { result, lines: collect(result.files).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`) };
}

const RESULTS = `tanggal: 2026-06-24
penilai: Kasubag Program
sop:
  - nomor: 001/SOP/TES/2024
    langkah:
      - no: 2
        penilaian: tidak baik
        catatan: Data bidang terlambat.
        tindakan: Tetapkan batas waktu.
    evaluasi:
      tanggal: 2026-06-26
      kriteria:
        mendorong_kinerja: ya
        mudah_dipahami: ya
        mudah_dilaksanakan: { jawaban: tidak, catatan: Formulir berubah. }
        peran_jelas: ya
        mengatasi_masalah: ya
        menjawab_kebutuhan: ya
        sinergi: ya
      kesimpulan: tetap
`;

const withResults = (text: string, name = '2026-1.yml', sop = SOP): Files => ({ ...base(sop), [`dinas/monev/${name}`]: text });

describe('berkas hasil monitoring di sop check', () => {
  it('berkas yang benar: tanpa pesan, hasilnya terbaca', () => {
    const { result, lines } = check(withResults(RESULTS));
    expect(lines).toEqual([]);
    expect(result.monev).toHaveLength(1);
    const [hasil] = result.monev[0]!.sop;
    expect(result.monev[0]!.periode).toEqual({ tahun: 2026, semester: 1 });
    expect(hasil!.langkah).toEqual([{ no: 2, penilaian: 'tidak-baik', catatan: 'Data bidang terlambat.', tindakan: 'Tetapkan batas waktu.' }]);
    expect(hasil!.evaluasi!.jawaban.mudah_dilaksanakan).toEqual({ ya: false, catatan: 'Formulir berubah.' });
    expect(hasil!.penilai).toBe('Kasubag Program');
  });

  it('kesalahan bentuk: nilai dan kunci salah, masing-masing di baris dan kolomnya, dengan saran', () => {
    const wrong = edit(edit(RESULTS, 'kesimpulan: tetap', 'kesimpulan: ubah'), 'sinergi: ya', 'sinergi: iya\n        sinergis: ya');
    const { lines, result } = check(withResults(wrong));
    expect(result.ok).toBe(false);
    expect(lines).toEqual([
      'content/dinas/monev/2026-1.yml:19:18 galat nilai-tak-dikenal Nilai `evaluasi.kriteria.sinergi` pada butir ke-1 `sop` harus salah satu dari: ya, tidak. Maksud Anda `ya`?',
      'content/dinas/monev/2026-1.yml:20:9 galat kunci-tak-dikenal Kunci `sinergis` tidak dikenal. Maksud Anda `sinergi`?',
      'content/dinas/monev/2026-1.yml:21:19 galat nilai-tak-dikenal Nilai `evaluasi.kesimpulan` pada butir ke-1 `sop` harus salah satu dari: tetap, revisi, cabut.',
    ]);
  });

  it('nomor SOP yang tidak ada: galat di nilainya, dengan saran', () => {
    const { lines } = check(withResults(edit(RESULTS, 'nomor: 001/SOP/TES/2024', 'nomor: 001/SOP/TES/2042')));
    expect(lines).toEqual([
      'content/dinas/monev/2026-1.yml:4:12 galat monev-sop-tak-dikenal SOP bernomor "001/SOP/TES/2042" tidak ada di antara SOP Dinas Komunikasi dan Informatika.',
    ]);
  });

  it('langkah yang tidak ada di tabel: galat; langkah yang dihapus revisi sesudah monitoring: peringatan menyebut versinya', () => {
    const nine = edit(RESULTS, '      - no: 2\n', '      - no: 9\n');
    expect(check(withResults(nine)).lines).toEqual([
      'content/dinas/monev/2026-1.yml:6:13 galat monev-langkah-tak-dikenal SOP "001/SOP/TES/2024" tidak memiliki langkah 9 (tabel prosedurnya berisi langkah 1–3).',
    ]);
    const revised = edit(SOP, 'tanggal_revisi: null', 'tanggal_revisi: 2026-09-01');
    const { lines, result } = check(withResults(nine, '2026-1.yml', revised));
    expect(lines).toEqual([
      'content/dinas/monev/2026-1.yml:6:13 peringatan monev-langkah-usang Langkah 9 tidak ada lagi di SOP "001/SOP/TES/2024" versi 1 September 2026 (tabelnya kini 3 langkah); monitoring 24 Juni 2026 menilai versi sebelumnya.',
    ]);
    expect(result.monev[0]!.sop[0]!.langkah.map((l) => l.no)).toEqual([9]);
  });

  it('nama berkas tanpa semester, dan YAML rusak: galat yang menunjuk tempatnya', () => {
    expect(check(withResults(RESULTS, 'semester-1.yml')).lines).toEqual([
      'content/dinas/monev/semester-1.yml:1:1 galat monev-nama-berkas Nama berkas "semester-1.yml" tidak menyebut semesternya.',
    ]);
    const broken = check(withResults('tanggal: 2026-06-24\nsop:\n  - nomor: "001/SOP/TES/2024\n'));
    expect(broken.lines).toHaveLength(1);
    expect(broken.lines[0]).toMatch(/^content\/dinas\/monev\/2026-1\.yml:3:\d+ galat yaml-tidak-valid/);
  });
});

describe('tenggat monitoring dan evaluasi', () => {
  const cycle = (files: Files) => ({ ...files, 'dinas/instansi.yml': `${files['dinas/instansi.yml'] as string}monev:\n  tenggang_hari: 30\n  evaluasi_bulan: 12\n` });

  it('semester yang wajib sudah dimonitor: semester lalu, setelah tenggangnya lewat', () => {
    expect(dueSemester('2026-12-07' as IsoDay, 30)).toEqual({ tahun: 2026, semester: 1 });
    expect(dueSemester('2026-07-15' as IsoDay, 30)).toEqual({ tahun: 2025, semester: 2 });
    expect(dueSemester('2026-08-01' as IsoDay, 30)).toEqual({ tahun: 2026, semester: 1 });
  });

  it('tanpa `monev:` dan tanpa hasil: tidak ada pengingat; dengan `monev:`: belum dipantau dan belum dievaluasi', () => {
    expect(check(base()).lines).toEqual([]);
    expect(check(cycle(base())).lines).toEqual([
      `content/${SOP_PATH}:2:8 peringatan monev-belum-dipantau SOP ini belum dimonitor pada Semester I Tahun 2026.`,
      `content/${SOP_PATH}:2:8 peringatan monev-belum-dievaluasi SOP ini belum pernah dievaluasi sejak berlaku 8 Mei 2024.`,
    ]);
  });

  it('evaluasi "revisi": peringatan sampai SOP direvisi, dan statusnya "sedang direvisi"', () => {
    const files = cycle(withResults(edit(RESULTS, 'kesimpulan: tetap', 'kesimpulan: revisi')));
    const { lines, result } = check(files);
    expect(lines).toEqual([`content/${SOP_PATH}:2:8 peringatan monev-revisi-tertunda Evaluasi 26 Juni 2026 menyimpulkan SOP ini direvisi, tetapi SOP-nya belum direvisi sejak itu.`]);
    expect(monevStatuses(result.sops, result.monev).get(result.sops[0]!.id)).toMatchObject({ direvisi: true, dievaluasi: { kesimpulan: 'revisi' } });
    const revised = { ...files, [SOP_PATH]: edit(SOP, 'tanggal_revisi: null', 'tanggal_revisi: 2026-09-01') };
    const after = check(revised);
    expect(after.lines).toEqual([]);
    expect(monevStatuses(after.result.sops, after.result.monev).get(after.result.sops[0]!.id)?.direvisi).toBe(false);
  });

  it('evaluasi lebih dari 12 bulan lalu: peringatan', () => {
    const { lines } = check(cycle(withResults(RESULTS)), '2027-08-01' as IsoDay);
    expect(lines).toEqual([
      `content/${SOP_PATH}:2:8 peringatan monev-belum-dipantau SOP ini belum dimonitor pada Semester I Tahun 2027.`,
      `content/${SOP_PATH}:2:8 peringatan monev-belum-dievaluasi SOP ini terakhir dievaluasi 26 Juni 2026, lebih dari 12 bulan lalu.`,
    ]);
  });
});

describe('batas', () => {
  it('banyak nomor SOP salah: satu galat per butir, tanpa saran setelah sepuluh yang pertama', () => {
    const items = Array.from({ length: 40 }, (_, i) => `  - nomor: 001/SOP/TES/${3000 + i}\n`).join('');
    const { lines } = check(withResults(`tanggal: 2026-06-24\nsop:\n${items}`));
    expect(lines).toHaveLength(40);
    expect(lines.every((l) => l.includes('monev-sop-tak-dikenal'))).toBe(true);
  });
});

describe('skema', () => {
  it('kriteria evaluasi di schemas/monev.schema.json sama dengan yang dicetak (kunci, urutan, kata)', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/monev.schema.json', import.meta.url), 'utf8'));
    const kriteria = schema.properties.sop.items.properties.evaluasi.properties.kriteria;
    expect(kriteria.required).toEqual(KRITERIA.map(([k]) => k));
    expect(Object.entries(kriteria.properties).map(([k, v]) => [k, (v as { title: string }).title])).toEqual(KRITERIA.map(([k, label]) => [k, label]));
  });
});
