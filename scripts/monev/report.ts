// The office's yearly monitoring and evaluation report: a summary per semester, the steps that
// did not run well with their actions, the evaluations and their conclusions, and the SOPs not
// monitored. Pure: SOPs and results in, the counts and rows the layout prints out.
import { signerLines, tanggal } from '../kit/values.ts';
import { effectiveDate } from '../model/project.ts';
import {
  KESIMPULAN_LABEL,
  KRITERIA,
  periodeDays,
  periodeLabel,
  type Kesimpulan,
  type MonevResults,
  type Periode,
  type Semester,
} from '../model/monev.ts';
import type { Instansi, Sop } from '../model/sop.ts';
import { kopView, type KopView } from './kop.ts';

/** What one semester counts. */
export interface SemesterCounts {
  berlaku: number;
  dipantau: number;
  belumDipantau: number;
  langkahTidakBaik: number;
  dievaluasi: number;
  tetap: number;
  revisi: number;
  cabut: number;
}

export interface Temuan {
  semester: string;
  nama: string;
  nomor: string;
  no: number;
  kegiatan: string;
  catatan: string;
  tindakan: string;
}

export interface EvaluasiRow {
  nama: string;
  nomor: string;
  tanggal: string;
  /** The criteria answered Tidak, with their notes. */
  tidak: Array<{ label: string; catatan?: string }>;
  kesimpulan: Kesimpulan;
  kesimpulanLabel: string;
  catatan?: string;
}

export interface ReportView {
  kop: KopView;
  tahun: number;
  semesters: Array<{ label: string; counts: SemesterCounts; belum: Array<{ nama: string; nomor: string }> }>;
  ringkasan: Array<{ no: number; uraian: string; nilai: number[] }>;
  temuan: Array<Temuan & { no_urut: number }>;
  evaluasi: Array<EvaluasiRow & { no_urut: number }>;
  ttd?: ReturnType<typeof signerLines>;
}

/** `sops`: every valid SOP of the instansi (any status); `results`: its results files, any year. */
export function reportView(instansi: Instansi, sops: readonly Sop[], results: readonly MonevResults[], tahun: number, logoUrl?: string): ReportView {
  const byId = new Map(sops.map((s) => [s.id, s]));
  const semesters = ([1, 2] as Semester[]).map((semester) => {
    const periode: Periode = { tahun, semester };
    const result = results.find((r) => r.instansi === instansi.id && r.periode.tahun === tahun && r.periode.semester === semester);
    return { periode, result, ...semesterOf(periode, sops, result) };
  });
  const temuan: Temuan[] = [];
  const evaluasi: EvaluasiRow[] = [];
  for (const s of semesters) {
    for (const h of s.result?.sop ?? []) {
      const sop = byId.get(h.sopId);
      if (!sop) continue;
      for (const l of h.langkah) {
        if (l.penilaian !== 'tidak-baik') continue;
        temuan.push({ semester: periodeLabel(s.periode), nama: sop.nama, nomor: sop.nomor, no: l.no, kegiatan: sop.steps.find((st) => st.no === l.no)?.kegiatan ?? '(langkah ini tidak ada lagi di versi sekarang)', catatan: l.catatan ?? '', tindakan: l.tindakan ?? '' });
      }
      if (h.evaluasi) {
        const e = h.evaluasi;
        evaluasi.push({
          nama: sop.nama,
          nomor: sop.nomor,
          tanggal: tanggal(e.tanggal),
          tidak: KRITERIA.filter(([k]) => !e.jawaban[k].ya).map(([k, label]) => ({ label, ...(e.jawaban[k].catatan ? { catatan: e.jawaban[k].catatan } : {}) })),
          kesimpulan: e.kesimpulan,
          kesimpulanLabel: KESIMPULAN_LABEL[e.kesimpulan],
          ...(e.catatan ? { catatan: e.catatan } : {}),
        });
      }
    }
  }
  const row = (uraian: string, key: keyof SemesterCounts) => ({ uraian, nilai: semesters.map((s) => s.counts[key]) });
  return {
    kop: kopView(instansi, logoUrl),
    tahun,
    semesters: semesters.map((s) => ({ label: periodeLabel(s.periode), counts: s.counts, belum: s.belum })),
    ringkasan: [
      row('SOP yang berlaku', 'berlaku'),
      row('SOP yang dimonitor', 'dipantau'),
      row('SOP yang belum dimonitor', 'belumDipantau'),
      row('Langkah yang tidak berjalan dengan baik', 'langkahTidakBaik'),
      row('SOP yang dievaluasi', 'dievaluasi'),
      row('Kesimpulan evaluasi: tetap', 'tetap'),
      row('Kesimpulan evaluasi: revisi', 'revisi'),
      row('Kesimpulan evaluasi: cabut', 'cabut'),
    ].map((r, i) => ({ no: i + 1, ...r })),
    temuan: temuan.map((t, i) => ({ ...t, no_urut: i + 1 })),
    evaluasi: evaluasi.map((e, i) => ({ ...e, no_urut: i + 1 })),
    ...(instansi.disahkan_oleh ? { ttd: signerLines(instansi.disahkan_oleh) } : {}),
  };
}

/**
 * The SOPs a semester should have monitored: in force now and effective by its end, plus any
 * it did monitor (an SOP withdrawn since still counts where it was monitored).
 */
function semesterOf(periode: Periode, sops: readonly Sop[], result: MonevResults | undefined): { counts: SemesterCounts; belum: Array<{ nama: string; nomor: string }> } {
  const end = periodeDays(periode).end;
  const monitored = new Set(result?.sop.map((h) => h.sopId) ?? []);
  const due = sops.filter((s) => monitored.has(s.id) || (s.status === 'berlaku' && effectiveDate(s) <= end));
  const belum = due.filter((s) => !monitored.has(s.id)).map((s) => ({ nama: s.nama, nomor: s.nomor }));
  const evaluated = (result?.sop ?? []).flatMap((h) => (h.evaluasi ? [h.evaluasi.kesimpulan] : []));
  return {
    counts: {
      berlaku: due.length,
      dipantau: monitored.size,
      belumDipantau: belum.length,
      langkahTidakBaik: (result?.sop ?? []).reduce((n, h) => n + h.langkah.filter((l) => l.penilaian === 'tidak-baik').length, 0),
      dievaluasi: evaluated.length,
      tetap: evaluated.filter((k) => k === 'tetap').length,
      revisi: evaluated.filter((k) => k === 'revisi').length,
      cabut: evaluated.filter((k) => k === 'cabut').length,
    },
    belum,
  };
}
