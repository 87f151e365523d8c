// The office's own wording (issue 10), read back from the printed PDFs with poppler and from the
// site's HTML: the table header words the author wrote, instansi.yml's identity labels printed
// where the default ones stand, "Mulai"/"Selesai" in the terminators when asked, and nothing
// changed when nothing is asked (byte-identical PDFs).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltPdf } from '../../scripts/pdf/build-pdfs.ts';
import type { Printer } from '../../scripts/print/pool.ts';
import { layoutFiles } from '../../scripts/layouts/files.ts';
import { DEFAULT_IDENTITY_LABELS } from '../../scripts/model/sop.ts';
import { paper } from '../../scripts/view/paper.ts';
import { tableColumns } from '../../scripts/view/sop-view.ts';
import { renderPages } from '../../scripts/site/pages.ts';
import { siteModel } from '../../scripts/site/model.ts';
import { loadSiteTemplates } from '../../scripts/site/templates.ts';
import { parseBase } from '../../scripts/site/urls.ts';
import { words, type Word } from '../support/poppler.ts';
import { checkFiles, launchPrinter, printAll, ROOT, tempDir } from './helpers.ts';
import { INSTANSI, sopSource } from './fixtures.ts';

const DEFAULT_HEADER = '| No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan | Lanjut |';
const AUTHOR_HEADER = '| Nomor | URAIAN PROSEDUR | Pelaksana | Persyaratan/Kelengkapan | Waktu | Keluaran | Ket | Lanjut |';
const withHeader = (source: string, header: string) => source.replace(DEFAULT_HEADER, header);

/** Every label set to its default, written out: must print exactly as no labels at all. */
const EXPLICIT_DEFAULTS = `label_identitas:\n${Object.entries(DEFAULT_IDENTITY_LABELS).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\nteks_terminator: false\n`;
/** The seeds' wording (seeds 000, 001 and 004). */
const SEED_LABELS = `label_identitas:
  tanggal_efektif: Tanggal Pengesahan
  disahkan_oleh: Disahkan oleh
  nama: Judul SOP
  dasar_hukum: Landasan Hukum
  pencatatan_pendataan: Pencatatan/Pendataan
teks_terminator: true
`;

let printer: Printer;
let plain: BuiltPdf;
let explicit: BuiltPdf;
let custom: BuiltPdf;
let seedWords: Word[];
let plainWords: Word[];

async function printOne(files: Record<string, string>, name: string): Promise<BuiltPdf> {
  const result = checkFiles(files);
  expect(result.ok, result.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).join('\n')).toBe(true);
  const [built] = await printAll(result.sops, printer, tempDir(name));
  return built!;
}

beforeAll(async () => {
  printer = await launchPrinter();
  // The same folder name and source in each, so only what instansi.yml asks may differ.
  plain = await printOne({ 'uji/instansi.yml': INSTANSI, 'uji/sop.md': sopSource() }, 'wording-plain');
  explicit = await printOne({ 'uji/instansi.yml': INSTANSI + EXPLICIT_DEFAULTS, 'uji/sop.md': sopSource() }, 'wording-explicit');
  custom = await printOne({ 'uji/instansi.yml': INSTANSI + SEED_LABELS, 'uji/sop.md': withHeader(sopSource(), AUTHOR_HEADER) }, 'wording-custom');
  plainWords = words(plain.pdf);
  seedWords = words(custom.pdf);
}, 180_000);
afterAll(() => printer?.close());

/** The word `text` on `page`, optionally the one followed by `next`. */
function find(ws: Word[], page: number, text: string, next?: string): Word {
  const i = ws.findIndex((w, k) => w.page === page && w.text === text && (next === undefined || ws[k + 1]?.text === next));
  expect(i, `${text} ${next ?? ''} on page ${page}`).toBeGreaterThanOrEqual(0);
  return ws[i]!;
}
const centre = (a: Word, b: Word = a) => (a.xMin + b.xMax) / 2;

describe('nothing asked, nothing changed', () => {
  it('prints byte-identical PDFs with no labels and with every label set to its default', () => {
    expect(readFileSync(explicit.pdf).equals(readFileSync(plain.pdf))).toBe(true);
  });
});

describe("the author's table header words", () => {
  it('stand where the official words stood, centred in the same columns (the No column widened for "Nomor")', () => {
    // The No column is as wide as its header word at 8 pt needs: "Nomor" widens it, and the
    // columns to its right shift by what it took (view/paper.ts procedureColumns).
    const actors = custom.sop.pelaksana;
    const was = tableColumns(paper('A4'), actors);
    const now = tableColumns(paper('A4'), actors, 'Nomor');
    expect(now.no).toBeGreaterThan(was.no);
    const shift = { Kegiatan: (now.no + now.kegiatan / 2 - was.no - was.kegiatan / 2) * 0.75, No: ((now.no - was.no) / 2) * 0.75, Keterangan: 0, Output: 0 };
    const pairs: Array<[[keyof typeof shift, string?], [string, string?]]> = [
      [['Kegiatan'], ['URAIAN', 'PROSEDUR']],
      [['Keterangan'], ['Ket']],
      [['Output'], ['Keluaran']],
      [['No'], ['Nomor']],
    ];
    for (const [[was], [now, then]] of pairs) {
      const before = find(plainWords, 2, was);
      const after = find(seedWords, 2, now, then);
      const end = then ? seedWords[seedWords.indexOf(after) + 1]! : after;
      expect(Math.abs(centre(after, end) - centre(before) - shift[was]), now).toBeLessThan(1.5);
      expect(seedWords.some((w) => w.page === 2 && w.text === was), `${was} gone`).toBe(false);
    }
    // "Persyaratan/Kelengkapan" breaks after its slash (two whole words), in the Kelengkapan column.
    const kel = find(plainWords, 2, 'Kelengkapan');
    const syarat = find(seedWords, 2, 'Persyaratan/');
    const lengkap = seedWords[seedWords.indexOf(syarat) + 1]!;
    expect(lengkap.text).toBe('Kelengkapan');
    expect(lengkap.yMin).toBeGreaterThan(syarat.yMax - 1);
    for (const w of [syarat, lengkap]) expect(Math.abs(centre(w) - centre(kel))).toBeLessThan(1.5);
  });

  it('keeps "Nomor" whole at 8 pt inside the No column, widened for it (never shrunk, never cut mid-word)', () => {
    const nomor = find(seedWords, 2, 'Nomor');
    const left = (paper('A4').margin[3] / 25.4) * 72;
    const colPt = tableColumns(paper('A4'), custom.sop.pelaksana, 'Nomor').no * 0.75;
    expect(nomor.xMin).toBeGreaterThan(left);
    expect(nomor.xMax).toBeLessThan(left + colPt);
    expect((nomor.yMax - nomor.yMin) / 1.117).toBeGreaterThanOrEqual(7.95);
  });
});

describe("instansi.yml's identity labels", () => {
  it('print on the identity page where the defaults stood', () => {
    const pairs: Array<[[string, string], [string, string]]> = [
      [['Tanggal', 'Efektif'], ['Tanggal', 'Pengesahan']],
      [['Nama', 'SOP'], ['Judul', 'SOP']],
      [['Dasar', 'Hukum'], ['Landasan', 'Hukum']],
      [['Disahkan', 'Oleh'], ['Disahkan', 'oleh']],
    ];
    for (const [[a, b], [c, d]] of pairs) {
      const before = find(plainWords, 1, a, b);
      const after = find(seedWords, 1, c, d);
      expect(Math.abs(after.xMin - before.xMin), `${c} ${d}`).toBeLessThan(0.5);
      expect(Math.abs(after.yMin - before.yMin), `${c} ${d}`).toBeLessThan(0.5);
      expect(seedWords.some((w, k) => w.page === 1 && w.text === a && seedWords[k + 1]?.text === b), `${a} ${b} gone`).toBe(false);
    }
    expect(seedWords.some((w) => w.page === 1 && w.text === 'Pencatatan/Pendataan')).toBe(true);
    // Labels it does not set keep the official words.
    find(seedWords, 1, 'Tanggal', 'Pembuatan');
    find(seedWords, 1, 'Kualifikasi', 'Pelaksana');
  });
});

describe('terminator text', () => {
  it('writes "Mulai" in the first terminator and "Selesai" in the last, at 8 pt, inside the actor column', () => {
    expect(plainWords.some((w) => w.text === 'Mulai' || w.text === 'Selesai')).toBe(false);
    const cols = tableColumns(paper('A4'), custom.sop.pelaksana, 'Nomor').actors;
    for (const [word, actor, next] of [['Mulai', 'Staf', undefined], ['Selesai', 'Kepala', 'Dinas']] as const) {
      const w = find(seedWords, 2, word);
      const first = find(seedWords, 2, actor, next);
      const header = { ...first, xMax: next ? seedWords[seedWords.indexOf(first) + 1]!.xMax : first.xMax };
      // Arimo's box is 1.117 em: the text is 8 pt, the floor for text a reader must read.
      expect(w.yMax - w.yMin, word).toBeGreaterThanOrEqual(7.95 * 1.117);
      // Centred in the actor's column like its symbol, and narrower than the symbol (60 % of the column).
      expect(Math.abs(centre(w) - centre(header)), word).toBeLessThan(15);
      expect(w.xMax - w.xMin, word).toBeLessThan(cols[0]! * 0.6 * 0.75 - 2);
    }
  });
});

describe('the site', () => {
  it('shows the same header words in its table and step list, and the instansi labels', () => {
    const sops = [custom.sop];
    const files = renderPages(loadSiteTemplates(layoutFiles(ROOT)), {
      model: siteModel({ sops, books: new Map() }),
      base: parseBase('/'),
      measurements: new Map([[custom.sop.id, custom.measurement]]),
      sizes: new Map(),
    });
    const page = files.find((f) => f.path.startsWith('sop/') && f.path.endsWith('index.html'))!;
    const html = String(page.data);
    expect(html).toContain('<th scope="col" rowspan="2">URAIAN PROSEDUR</th>');
    expect(html).toContain('<th scope="col" rowspan="2">Ket</th>');
    expect(html).toContain('<th scope="col">Persyaratan/<wbr>Kelengkapan</th>');
    // At the table's size in its widened column: no shrinking class (issue 20, text floors).
    expect(html).toContain('<th scope="col" rowspan="2">Nomor</th>');
    expect(html).not.toMatch(/>Kegiatan<\/th>|>Keterangan<\/th>/);
    // The phone's step list names the fields with the table's words.
    expect(html).toContain('<dt>Keluaran</dt>');
    expect(html).toContain('<dt>Persyaratan/Kelengkapan</dt>');
    expect(html).toMatch(/<dt>Tanggal Pengesahan<\/dt>/);
    expect(html).toMatch(/<dt>Judul SOP<\/dt>/);
    expect(html).toContain('>Landasan Hukum</h2>');
    // The flowchart SVG is the PDF's: the terminators carry their words.
    expect(html).toMatch(/<text class="sop-terminator-text"[^>]*>Mulai<\/text>/);
    expect(html).toMatch(/<text class="sop-terminator-text"[^>]*>Selesai<\/text>/);
  });
});
