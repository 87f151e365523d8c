// `sop monev`: prints the forms of a semester and the report of a year, one PDF per instansi
// (and per SOP on request), into a new set of output/monev shown at once when every file is
// done (output/sets.ts); the files of other periods are carried over unchanged.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { layoutFiles } from '../layouts/files.ts';
import { periodeDays, periodeLabel, periodeName, type MonevResults, type Periode } from '../model/monev.ts';
import { projectDirs } from '../model/paths.ts';
import type { Project } from '../model/project.ts';
import type { Instansi, Sop } from '../model/sop.ts';
import { replaceSet } from '../output/sets.ts';
import { finishDocument } from '../print/finish-pdf.ts';
import type { Printer } from '../print/pool.ts';
import { loadAsset, logoUrl } from '../source/assets.ts';
import { paper } from '../view/paper.ts';
import { formSops, formsView } from './forms.ts';
import { loadMonevLayouts, renderForms, renderReport, renderReportSection, type MonevLayouts } from './render.ts';
import { reportView, type ReportView } from './report.ts';

export interface MonevPrintOptions {
  /** Output root (default `<root>/output`): files under monev/<instansi>/. */
  outDir?: string;
  /** Only these instansi ids; default every instansi with SOPs. */
  instansi?: string[];
  printer: () => Promise<Printer>;
}

export interface PrintedFile {
  instansi: Instansi;
  /** Absolute path. */
  file: string;
  pages: number;
}

export function formsFileName(instansiId: string, periode: Periode): string {
  return `${instansiId}/formulir-${periodeName(periode)}.pdf`;
}

export function reportFileName(instansiId: string, tahun: number): string {
  return `${instansiId}/laporan-${tahun}.pdf`;
}

/** One job per file: what to render and how to name it. */
interface Job {
  rel: string;
  instansi: Instansi;
  title: string;
  subject: string;
  /** A fixed day from the sources (never "now"): the same inputs give the same bytes. */
  date: string;
  html: (layouts: MonevLayouts, logo: string | undefined) => string;
}

/** The forms of `periode` for every SOP in force: one PDF per instansi, plus one per SOP when `perSop`. */
export function printForms(project: Project, periode: Periode, perSop: boolean, options: MonevPrintOptions): Promise<PrintedFile[]> {
  const jobs: Job[] = [];
  for (const [instansi, sops] of groups(project, options.instansi)) {
    const inForce = formSops(sops);
    if (!inForce.length) continue;
    const base = { instansi, subject: `Formulir monitoring dan evaluasi SOP ${periodeLabel(periode)}`, date: periodeDays(periode).start };
    const title = `Formulir Monitoring dan Evaluasi SOP ${instansi.nama} ${periodeLabel(periode)}`;
    jobs.push({ ...base, rel: formsFileName(instansi.id, periode), title, html: (l, logo) => renderForms(l, paper(instansi.kertas), title, formsView(instansi, inForce, periode, logo)) });
    if (perSop) {
      for (const sop of inForce) {
        const one = `Formulir Monitoring dan Evaluasi ${sop.nama} ${periodeLabel(periode)}`;
        jobs.push({ ...base, rel: `${instansi.id}/formulir-${periodeName(periode)}/${sop.slug}.pdf`, title: one, html: (l, logo) => renderForms(l, paper(instansi.kertas), one, formsView(instansi, [sop], periode, logo)) });
      }
    }
  }
  return printJobs(project, jobs, options);
}

/** The report of `tahun` for every instansi with SOPs. */
export function printReports(project: Project, tahun: number, options: MonevPrintOptions): Promise<PrintedFile[]> {
  const jobs: Job[] = [];
  for (const [instansi, sops] of groups(project, options.instansi)) {
    const title = reportTitle(instansi, tahun);
    const results = (project.monev ?? []).filter((r) => r.instansi === instansi.id);
    jobs.push({
      rel: reportFileName(instansi.id, tahun),
      instansi,
      title,
      subject: `Laporan monitoring dan evaluasi SOP tahun ${tahun}`,
      date: reportDate(results, tahun),
      html: (l, logo) => renderReport(l, paper(instansi.kertas), title, reportView(instansi, sops, results, tahun, logo)),
    });
  }
  return printJobs(project, jobs, options);
}

export function reportTitle(instansi: Instansi, tahun: number): string {
  return `Laporan Monitoring dan Evaluasi SOP ${instansi.nama} Tahun ${tahun}`;
}

/** The report's own day: its latest monitoring or evaluation of the year, else the year's end. */
function reportDate(results: readonly MonevResults[], tahun: number): string {
  const days = results.filter((r) => r.periode.tahun === tahun).flatMap((r) => r.sop.flatMap((h) => [h.tanggal, ...(h.evaluasi ? [h.evaluasi.tanggal] : [])]));
  return days.sort().at(-1) ?? `${tahun}-12-31`;
}

/** The report's view, for the book's section and the preview. */
export function reportOf(project: Project, instansi: Instansi, tahun: number, logo?: string): ReportView {
  return reportView(instansi, project.sops.filter((s) => s.instansi.id === instansi.id), (project.monev ?? []).filter((r) => r.instansi === instansi.id), tahun, logo);
}

/**
 * The forms of `periode` or the report of `tahun` of one instansi as printable HTML (what
 * `sop pratinjau` shows); undefined when the instansi has no valid SOP.
 */
export function monevHtml(project: Project, instansiId: string, what: { periode: Periode } | { tahun: number }, logo?: string): string | undefined {
  const found = groups(project, [instansiId])[0];
  if (!found) return undefined;
  const [instansi, sops] = found;
  const layouts = loadMonevLayouts(layoutFiles(project.root));
  const sheet = paper(instansi.kertas);
  if ('periode' in what) {
    return renderForms(layouts, sheet, `Formulir Monitoring dan Evaluasi SOP ${instansi.nama} ${periodeLabel(what.periode)}`, formsView(instansi, formSops(sops), what.periode, logo));
  }
  return renderReport(layouts, sheet, reportTitle(instansi, what.tahun), reportOf(project, instansi, what.tahun, logo));
}

/**
 * The year's report as a section of each instansi's book (`sop book --monev`), by instansi id:
 * its title and HTML, which the book prints after the SOPs.
 */
export function reportSections(project: Project, tahun: number): Map<string, { title: string; html: string }> {
  const layouts = loadMonevLayouts(layoutFiles(project.root));
  return new Map(groups(project).map(([instansi]) => [instansi.id, { title: `Laporan Monitoring dan Evaluasi SOP Tahun ${tahun}`, html: renderReportSection(layouts, reportOf(project, instansi, tahun)) }]));
}

function groups(project: Project, only?: string[]): Array<[Instansi, Sop[]]> {
  const map = new Map<string, [Instansi, Sop[]]>();
  for (const sop of project.sops) {
    if (only && !only.includes(sop.instansi.id)) continue;
    const entry = map.get(sop.instansi.id) ?? [sop.instansi, []];
    entry[1].push(sop);
    map.set(sop.instansi.id, entry);
  }
  return [...map.values()].sort((a, b) => (a[0].id < b[0].id ? -1 : 1));
}

async function printJobs(project: Project, jobs: Job[], options: MonevPrintOptions): Promise<PrintedFile[]> {
  if (!jobs.length) return [];
  const outDir = projectDirs(project.root, options.outDir).output;
  const baseUrl = pathToFileURL(project.root + path.sep).href;
  const names = new Set(jobs.map((j) => j.rel));
  return replaceSet(outDir, 'monev', async (set) => {
    // Other periods' forms and reports stay as they were.
    if (set.previous) for (const rel of set.previous.files()) if (!names.has(rel) && !names.has(rel.replace(/\/[^/]+$/, '.pdf'))) set.carry(rel);
    const printer = await options.printer();
    const layouts = loadMonevLayouts(layoutFiles(project.root));
    return Promise.all(jobs.map(async (job): Promise<PrintedFile> => {
      // The checked logo bytes, served by the printer (source/assets.ts), judged again here.
      if (job.instansi.logo) loadAsset(project.root, job.instansi.logo);
      const logo = job.instansi.logo ? logoUrl(job.instansi.logo) : undefined;
      const sheet = paper(job.instansi.kertas);
      const printed = await printer.printPdf(job.html(layouts, logo), { baseUrl, width: `${sheet.widthMm}mm`, height: `${sheet.heightMm}mm`, label: job.rel });
      const bad = [...printed.missing, ...printed.blocked];
      if (bad.length) throw new Error(`Berkas untuk ${job.rel} tidak dapat dimuat: ${bad.slice(0, 3).join(', ')}.`);
      const doc = await PDFDocument.load(printed.pdf, { updateMetadata: false });
      const pdf = await finishDocument(doc, { title: job.title, subject: job.subject, author: job.instansi.nama, keywords: ['SOP', 'monitoring', 'evaluasi'], language: 'id', date: new Date(`${job.date}T00:00:00Z`) });
      set.write(job.rel, pdf);
      return { instansi: job.instansi, file: path.join(outDir, 'monev', job.rel), pages: doc.getPageCount() };
    }));
  });
}
