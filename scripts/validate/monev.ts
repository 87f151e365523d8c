// Monitoring and evaluation results (`content/<instansi>/monev/<tahun>-<semester>.yml`): the
// file against its schema, then against the SOPs it names; and the due dates every SOP in force
// is held to. Positioned Indonesian diagnostics, like every other check.
import path from 'node:path';
import type { VFile } from 'vfile';
import { report, type Place } from '../diagnostics/report.ts';
import { closest } from '../diagnostics/suggest.ts';
import { tanggal } from '../kit/values.ts';
import {
  addDays,
  addMonths,
  DEFAULT_MONEV_SETTINGS,
  KRITERIA,
  monevStatuses,
  parsePeriode,
  periodeDays,
  periodeLabel,
  periodeName,
  periodeOf,
  previousPeriode,
  versionDate,
  type Evaluasi,
  type HasilLangkah,
  type HasilSop,
  type Jawaban,
  type KriteriaKey,
  type MonevResults,
  type Periode,
} from '../model/monev.ts';
import { effectiveDate } from '../model/project.ts';
import type { Instansi, IsoDay, Sop } from '../model/sop.ts';
import { LIMITS, reportBreach, sizeBreach, yamlTextBreach } from '../parse/bounds.ts';
import { parseYaml, placeOf, reportYamlErrors } from '../parse/yaml-doc.ts';
import { LineIndex } from '../source/lines.ts';
import { validateMonevData } from './schema.ts';
import { reportSchemaIssues } from './shared.ts';

/** Unknown SOP numbers per file that get a "did you mean" suggestion. */
const SUGGESTIONS = 10;

interface RawHasil {
  nomor: string;
  tanggal?: string;
  penilai?: string;
  langkah?: Array<{ no: number; penilaian: 'baik' | 'tidak baik'; catatan?: string; tindakan?: string; penilai?: string }>;
  evaluasi?: { tanggal: string; kriteria: Record<string, 'ya' | 'tidak' | { jawaban: 'ya' | 'tidak'; catatan?: string }>; kesimpulan: Evaluasi['kesimpulan']; catatan?: string };
}

/**
 * One results file. `sops`: the SOPs of the file's instansi (any status: an SOP withdrawn since
 * was still monitored). Returns the results when the file has no error.
 */
export function validateMonev(file: VFile, text: string, instansi: Instansi, sops: readonly Sop[]): MonevResults | undefined {
  const lines = new LineIndex(text);
  const what = 'Berkas hasil monitoring';
  const breach = sizeBreach(text, lines, what, LIMITS.monevChars) ?? yamlTextBreach(text, 0, lines, what, { chars: LIMITS.monevChars, keys: LIMITS.monevKeys });
  if (breach) {
    reportBreach(file, breach);
    return undefined;
  }
  const name = path.posix.basename(file.path).replace(/\.ya?ml$/i, '');
  const periode = parsePeriode(name);
  if (!periode) {
    report(file, 'monev-nama-berkas', `Nama berkas "${path.posix.basename(file.path)}" tidak menyebut semesternya.`, { line: 1, column: 1 }, {
      hint: 'Beri nama `<tahun>-<semester>.yml`: `2026-1.yml` untuk Januari–Juni 2026, `2026-2.yml` untuk Juli–Desember 2026.',
    });
  }
  const yaml = parseYaml(text, 0);
  reportYamlErrors(file, yaml, text, lines, 'Berkas hasil monitoring');
  if (yaml.errors.length) return undefined;
  const data = yaml.data as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'yaml-bukan-objek', data == null ? 'Berkas hasil monitoring kosong.' : 'Berkas hasil monitoring harus berisi pasangan `kunci: nilai`.', { line: 1, column: 1 }, {
      hint: 'Minimal: `tanggal: 2026-06-25` dan `sop:` berisi butir `- nomor: …` (contoh di docs/panduan.md, bagian "Monitoring dan evaluasi").',
    });
    return undefined;
  }
  const before = file.messages.length;
  // A criterion is `ya`/`tidak` or `{ jawaban, catatan }`: only the branch written is explained.
  const issues = validateMonevData(data);
  reportSchemaIssues(file, issues, yaml, lines, (issue) => {
    const m = /^\/sop\/\d+\/evaluasi\/kriteria\/[a-z_]+$/.exec(issue.pointer);
    if (!m) return false;
    const value = valueAt(data, issue.pointer);
    return typeof value === 'object' && value !== null ? issue.ruleId === 'nilai-tak-dikenal' : issue.ruleId === 'tipe-salah';
  });
  if (file.messages.slice(before).some((m) => m.fatal)) return undefined;

  const at = (pointer: string) => placeOf(yaml.spans, lines, pointer);
  const byNomor = new Map(sops.map((s) => [s.nomor.trim(), s]));
  const hasil: HasilSop[] = [];
  const seen = new Map<string, number>();
  const nomors = [...byNomor.keys()];
  let unknown = 0;
  (data.sop as RawHasil[]).forEach((raw, i) => {
    const nomor = raw.nomor.trim();
    const sop = byNomor.get(nomor);
    if (!sop) {
      // A suggestion compares with every nomor: only for the first few, so a file of unknown
      // numbers stays linear.
      const near = ++unknown <= SUGGESTIONS ? closest(nomor, nomors) : undefined;
      report(file, 'monev-sop-tak-dikenal', `SOP bernomor "${nomor}" tidak ada di antara SOP ${instansi.nama}.`, at(`/sop/${i}/nomor`), {
        hint: near ? `Maksud Anda "${near}"? Salin nomornya persis dari frontmatter SOP.` : 'Salin `nomor` persis dari frontmatter SOP yang dimonitor (SOP instansi lain dicatat di folder monev/ instansi itu).',
      });
      return;
    }
    if (seen.has(nomor)) {
      report(file, 'butir-ganda', `SOP "${nomor}" sudah dicatat di butir ke-${seen.get(nomor)! + 1} \`sop\`.`, at(`/sop/${i}/nomor`), { hint: 'Gabungkan kedua butir: satu SOP dicatat sekali per semester.' });
      return;
    }
    seen.set(nomor, i);
    const day = (raw.tanggal ?? (data.tanggal as string)) as IsoDay;
    const penilai = raw.penilai ?? (data.penilai as string | undefined);
    hasil.push({
      sopId: sop.id,
      nomor: sop.nomor,
      tanggal: day,
      ...(penilai ? { penilai } : {}),
      langkah: steps(file, raw, i, sop, day, at),
      ...(raw.evaluasi ? { evaluasi: evaluasi(raw.evaluasi) } : {}),
    });
  });
  if (!periode || file.messages.slice(before).some((m) => m.fatal)) return undefined;
  return { instansi: instansi.id, periode, file: file.path, sop: hasil };
}

function steps(file: VFile, raw: RawHasil, i: number, sop: Sop, day: IsoDay, at: (p: string) => Place): HasilLangkah[] {
  const numbers = new Set(sop.steps.map((s) => s.no));
  const last = sop.steps.at(-1)?.no ?? 0;
  const version = versionDate(sop);
  const out: HasilLangkah[] = [];
  const seen = new Set<number>();
  (raw.langkah ?? []).forEach((l, j) => {
    const place = at(`/sop/${i}/langkah/${j}/no`);
    if (seen.has(l.no)) {
      report(file, 'butir-ganda', `Langkah ${l.no} SOP "${sop.nomor}" ditulis dua kali.`, place, { hint: 'Gabungkan catatannya dalam satu butir.' });
      return;
    }
    seen.add(l.no);
    if (!numbers.has(l.no)) {
      // Monitored before the version now in force: the step was there then.
      if (version > day) {
        report(file, 'monev-langkah-usang', `Langkah ${l.no} tidak ada lagi di SOP "${sop.nomor}" versi ${tanggal(version)} (tabelnya kini ${last} langkah); monitoring ${tanggal(day)} menilai versi sebelumnya.`, place, {
          hint: 'Hasil ini tetap dicatat dan dilaporkan apa adanya. Bila monitoring sebenarnya memakai versi baru, sesuaikan nomor langkahnya.',
        });
      } else {
        report(file, 'monev-langkah-tak-dikenal', `SOP "${sop.nomor}" tidak memiliki langkah ${l.no} (tabel prosedurnya berisi langkah 1–${last}).`, place, {
          hint: `Tulis nomor dari kolom No tabel prosedur ${sop.path}.`,
        });
        return;
      }
    }
    out.push({
      no: l.no,
      penilaian: l.penilaian === 'baik' ? 'baik' : 'tidak-baik',
      ...(l.catatan ? { catatan: l.catatan } : {}),
      ...(l.tindakan ? { tindakan: l.tindakan } : {}),
      ...(l.penilai ? { penilai: l.penilai } : {}),
    });
  });
  return out.sort((a, b) => a.no - b.no);
}

function evaluasi(raw: NonNullable<RawHasil['evaluasi']>): Evaluasi {
  const jawaban = Object.fromEntries(
    KRITERIA.map(([key]): [KriteriaKey, Jawaban] => {
      const v = raw.kriteria[key]!;
      return typeof v === 'string' ? [key, { ya: v === 'ya' }] : [key, { ya: v.jawaban === 'ya', ...(v.catatan ? { catatan: v.catatan } : {}) }];
    }),
  ) as Record<KriteriaKey, Jawaban>;
  return { tanggal: raw.tanggal as IsoDay, jawaban, kesimpulan: raw.kesimpulan, ...(raw.catatan ? { catatan: raw.catatan } : {}) };
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

/** An SOP file under check, for the due-date warnings. */
export interface DueEntry {
  file: VFile;
  sop: Sop;
  /** Where its `nomor` is written. */
  place: Place;
}

/**
 * Due dates, per SOP in force of an instansi that keeps the cycle (instansi.yml `monev:`, or a
 * monev/ folder with results): monitored for the last semester that ended more than
 * `tenggang_hari` ago, evaluated within `evaluasi_bulan` months, revised or withdrawn after an
 * evaluation said so. One warning of each kind at most per SOP.
 */
export function checkDueDates(entries: readonly DueEntry[], results: readonly MonevResults[], today: IsoDay): void {
  const keeping = new Set(results.map((r) => r.instansi));
  const statuses = monevStatuses(entries.map((e) => e.sop), results);
  const monitored = new Set(results.flatMap((r) => r.sop.map((h) => `${h.sopId}|${periodeName(r.periode)}`)));
  for (const { file, sop, place } of entries) {
    if (sop.status !== 'berlaku' || (!sop.instansi.monev && !keeping.has(sop.instansi.id))) continue;
    const settings = sop.instansi.monev ?? DEFAULT_MONEV_SETTINGS;
    const due = dueSemester(today, settings.tenggang_hari);
    const since = effectiveDate(sop);
    if (since <= periodeDays(due).end && !monitored.has(`${sop.id}|${periodeName(due)}`)) {
      report(file, 'monev-belum-dipantau', `SOP ini belum dimonitor pada ${periodeLabel(due)}.`, place, {
        hint: `Cetak formulirnya dengan \`sop monev formulir --semester ${periodeName(due)}\`, lalu catat hasilnya di content/${sop.instansi.id}/monev/${periodeName(due)}.yml.`,
      });
    }
    const status = statuses.get(sop.id);
    const horizon = addMonths(today, -settings.evaluasi_bulan);
    if (since <= horizon && (!status?.dievaluasi || status.dievaluasi.tanggal <= horizon)) {
      report(file, 'monev-belum-dievaluasi', status?.dievaluasi
        ? `SOP ini terakhir dievaluasi ${tanggal(status.dievaluasi.tanggal)}, lebih dari ${settings.evaluasi_bulan} bulan lalu.`
        : `SOP ini belum pernah dievaluasi sejak berlaku ${tanggal(since)}.`, place, {
        hint: 'Isi formulir evaluasi penerapan SOP, lalu catat jawabannya di `evaluasi:` SOP ini pada berkas hasil monitoring semester ini.',
      });
    }
    const last = status?.dievaluasi;
    if (last && last.kesimpulan !== 'tetap' && versionDate(sop) <= last.tanggal) {
      report(file, 'monev-revisi-tertunda', last.kesimpulan === 'revisi'
        ? `Evaluasi ${tanggal(last.tanggal)} menyimpulkan SOP ini direvisi, tetapi SOP-nya belum direvisi sejak itu.`
        : `Evaluasi ${tanggal(last.tanggal)} menyimpulkan SOP ini dicabut, tetapi statusnya masih berlaku.`, place, {
        hint: last.kesimpulan === 'revisi'
          ? 'Setelah SOP diperbaiki, isi `tanggal_revisi` (dan `riwayat`); sampai itu situs menandainya "sedang direvisi".'
          : 'Ubah `status: dicabut` dan isi `tanggal_dicabut` sesuai surat pencabutannya.',
      });
    }
  }
}

/** The semester whose monitoring is due by `today`: the last one ended more than `grace` days ago. */
export function dueSemester(today: IsoDay, grace: number): Periode {
  const last = previousPeriode(periodeOf(today));
  return addDays(periodeDays(last).end, grace) < today ? last : previousPeriode(last);
}

