// `sop monev formulir|laporan`: the yearly monitoring and evaluation cycle (Permenpan-RB 35/2012).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closest } from '../diagnostics/suggest.ts';
import { parsePeriode, periodeLabel, periodeOf, previousPeriode, type Periode } from '../model/monev.ts';
import { nameSlug } from '../model/slug.ts';
import type { Project } from '../model/project.ts';
import { printForms, printReports, type PrintedFile } from '../monev/print.ts';
import { todayIso } from '../validate/check-stages.ts';
import { checkedProject, withPrinter } from './build.ts';
import type { CheckContext } from './check.ts';
import { EXIT, UsageError } from './usage.ts';

export const MONEV_HELP = `Pemakaian: sop monev formulir [--semester TTTT-S] [--instansi FOLDER …] [--per-sop]
         sop monev laporan [--tahun TTTT] [--instansi FOLDER …]

Monitoring dan evaluasi SOP menurut Permenpan-RB 35/2012.

  formulir  mencetak, untuk setiap SOP yang berlaku, formulir "Monitoring
            Pelaksanaan SOP AP" (baris = langkah-langkah SOP itu sendiri,
            kolom penilaian kosong untuk penilai) dan formulir "Evaluasi
            Penerapan SOP AP" (kriteria Ya/Tidak, kesimpulan tetap/revisi/
            cabut), ke output/monev/<instansi>/formulir-<tahun>-<semester>.pdf
  laporan   mencetak laporan monitoring dan evaluasi setahun dari hasil di
            content/<instansi>/monev/<tahun>-<semester>.yml ke
            output/monev/<instansi>/laporan-<tahun>.pdf: ringkasan per
            semester, langkah yang tidak berjalan dengan baik beserta
            tindakannya, kesimpulan evaluasi, SOP yang belum dimonitor

Opsi:
  --semester TTTT-S  semester formulir, mis. 2026-1 (Januari–Juni) atau 2026-2
                     (Juli–Desember); bawaan: semester yang sedang berjalan
  --tahun TTTT       tahun laporan (bawaan: tahun ini)
  --instansi FOLDER  hanya instansi ini (nama folder di content/); boleh diulang
  --per-sop          formulir juga dicetak satu PDF per SOP di
                     output/monev/<instansi>/formulir-<tahun>-<semester>/
  -h, --help         tampilkan bantuan ini

Hasil penilaian dicatat di content/<instansi>/monev/<tahun>-<semester>.yml
(lihat docs/panduan.md, "Monitoring dan evaluasi"); sop check memeriksanya.

Kode keluar: 0 berhasil, 1 ada galat di isi SOP atau hasil monitoring,
2 salah pemakaian atau peramban tidak ditemukan.
`;

export async function monev(argv: string[], ctx: CheckContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      semester: { type: 'string' },
      tahun: { type: 'string' },
      instansi: { type: 'string', multiple: true },
      'per-sop': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    ctx.stdout(MONEV_HELP);
    return EXIT.ok;
  }
  const [what, ...extra] = positionals;
  if (what !== 'formulir' && what !== 'laporan') {
    const near = what ? closest(what, ['formulir', 'laporan']) : undefined;
    throw new UsageError(what ? `Subperintah "${what}" tidak dikenal.${near ? ` Maksud Anda: ${near}?` : ''}` : 'Sebutkan apa yang dicetak: formulir atau laporan.', 'Contoh: sop monev formulir --semester 2026-1, atau sop monev laporan --tahun 2026.');
  }
  if (extra.length) throw new UsageError(`Argumen "${extra[0]}" tidak dikenal.`, 'Pilih instansi dengan --instansi FOLDER.');
  const today = todayIso(ctx.env);
  const periode = what === 'formulir' ? semesterOption(values.semester, today) : undefined;
  const tahun = what === 'laporan' ? tahunOption(values.tahun, today) : undefined;
  if (what === 'formulir' && values.tahun) throw new UsageError('--tahun dipakai untuk laporan.', 'Untuk formulir, pilih semesternya dengan --semester TTTT-S.');
  if (what === 'laporan' && (values.semester || values['per-sop'])) throw new UsageError(`${values.semester ? '--semester' : '--per-sop'} dipakai untuk formulir.`, 'Laporan mencakup satu tahun: pilih dengan --tahun TTTT.');

  const project = await checkedProject(ctx);
  if (!project) return EXIT.invalid;
  const instansi = wantedInstansi(project, values.instansi ?? []);
  const printed = await withPrinter(ctx.cwd, 'sop monev', (printer) =>
    periode
      ? printForms(project, periode, Boolean(values['per-sop']), { printer, ...(instansi ? { instansi } : {}) })
      : printReports(project, tahun!, { printer, ...(instansi ? { instansi } : {}) }),
  );
  for (const p of printed) ctx.stdout(`${path.relative(ctx.cwd, p.file).split(path.sep).join('/')}: ${p.pages} halaman\n`);
  ctx.stdout(summary(printed, periode, tahun));
  return EXIT.ok;
}

function summary(printed: PrintedFile[], periode: Periode | undefined, tahun: number | undefined): string {
  if (!printed.length) return 'Tidak ada SOP yang berlaku: tidak ada yang dicetak.\n';
  return periode ? `${printed.length} berkas formulir ${periodeLabel(periode)} dibuat.\n` : `${printed.length} laporan tahun ${tahun} dibuat.\n`;
}

/** `--semester 2026-1`; bawaan: the semester `today` is in. */
function semesterOption(value: string | undefined, today: string): Periode {
  if (value === undefined) return periodeOf(today);
  const periode = parsePeriode(value);
  if (!periode) throw new UsageError(`Semester "${value}" tidak valid.`, `Tulis tahun dan semesternya, mis. --semester ${periodeOf(today).tahun}-1 (Januari–Juni) atau --semester ${periodeOf(today).tahun}-2 (Juli–Desember). Semester lalu: ${previousPeriode(periodeOf(today)).tahun}-${previousPeriode(periodeOf(today)).semester}.`);
  return periode;
}

function tahunOption(value: string | undefined, today: string): number {
  if (value === undefined) return Number(today.slice(0, 4));
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`Tahun "${value}" tidak valid.`, 'Tulis tahun empat angka, misalnya --tahun 2026.');
  return Number(value.trim());
}

function wantedInstansi(project: Project, wanted: string[]): string[] | undefined {
  if (!wanted.length) return undefined;
  const known = [...new Set(project.instansi.map((i) => i.id))].sort();
  return wanted.map((w) => {
    const id = nameSlug(w.trim().replace(/^content\//, '').replace(/\/+$/, ''));
    if (!known.includes(id)) {
      const near = closest(id, known);
      throw new UsageError(`Instansi "${w}" tidak ada di content/.`, near ? `Maksudnya "${near}"?` : `Instansi yang ada: ${known.join(', ') || '(belum ada)'}.`);
    }
    return id;
  });
}
