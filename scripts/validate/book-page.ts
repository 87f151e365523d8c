// A page an office writes for its yearly book (content/<instansi>/buku/*.md): its frontmatter
// and its `{{placeholders}}`, checked with positions so mistakes show at `sop check`, not as
// a bare message when `sop book` renders the page.
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { PLACEHOLDER, PLACEHOLDER_NAMES, BOOK_PAGE_KEYS, isSignerPlaceholder } from '../book/placeholders.ts';
import { report } from '../diagnostics/report.ts';
import { markdownPreset } from '../kit/markdown.ts';
import { once } from '../kit/lazy.ts';
import { closest } from '../diagnostics/suggest.ts';
import { invisibleBreach, LIMITS, lineBreach, proseBreach, reportBreach, sizeBreach, yamlTextBreach } from '../parse/bounds.ts';
import { parseYaml, placeOf, reportCutAtHash, reportYamlErrors, type ParsedYaml } from '../parse/yaml-doc.ts';
import { LineIndex } from '../source/lines.ts';

const FENCE = /^---[ \t]*$/;
/** The book's own Markdown parser (full GFM; the check's parser reads tables only). */
const bookMarkdown = once(() => markdownPreset([]));
const known: readonly string[] = PLACEHOLDER_NAMES;
const keys: readonly string[] = BOOK_PAGE_KEYS;

export interface BookPageContext {
  /** instansi.yml names the signer (`disahkan_oleh`), who issues the decree and signs the pages. */
  signer: boolean;
  /** The page is the decree (keputusan.md). */
  decree: boolean;
}

/** Offsets in the page where it needs the signer: `{{penetap}}`, `{{penandatangan.…}}`, `tanda_tangan`. */
type SignerUses = number[];

export function checkBookPage(file: VFile, text: string, context: BookPageContext): void {
  const lines = new LineIndex(text);
  const uses: SignerUses = [];
  // Bounded like an SOP before YAML and Markdown see it (the book renders the whole page).
  const tooBig = sizeBreach(text, lines, 'Halaman buku', LIMITS.bookPageChars) ?? invisibleBreach(text, lines);
  if (tooBig) {
    reportBreach(file, tooBig);
    return;
  }
  const rawLines = text.split('\n');
  // Without a closing fence there is no frontmatter: the book prints the lines as text.
  const close = FENCE.test(rawLines[0] ?? '') ? rawLines.findIndex((l, i) => i > 0 && FENCE.test(l)) : -1;
  const yamlStart = (rawLines[0] ?? '').length + 1;
  const yamlText = close > 0 ? rawLines.slice(1, close).join('\n') : '';
  const breach = (close > 0 ? yamlTextBreach(yamlText, yamlStart, lines, 'Frontmatter') : undefined)
    ?? lineBreach(text, lines, close + 1)
    ?? proseBreach(rawLines, [{ from: close + 1, to: rawLines.length }], LIMITS.bookPageChars);
  if (breach) {
    reportBreach(file, breach);
    return;
  }
  let bodyStart = 0;
  if (close > 0) {
    bodyStart = rawLines.slice(0, close + 1).join('\n').length;
    const yaml = parseYaml(yamlText, yamlStart);
    reportYamlErrors(file, yaml, text, lines, 'Frontmatter');
    reportCutAtHash(file, yaml, text, lines);
    if (!yaml.errors.length) checkFrontmatter(file, yaml, text, lines, uses);
  }
  checkBody(file, text, bodyStart, lines, uses);
  if (!context.signer && uses.length) reportNoSigner(file, lines, Math.min(...uses), context.decree);
}

/**
 * The book fills the signer from instansi.yml alone (SOPs may each name their own): without it a
 * decree prints "KEPUTUSAN" with no issuer and no signature block, which has no force.
 */
function reportNoSigner(file: VFile, lines: LineIndex, offset: number, decree: boolean): void {
  const what = decree
    ? 'Keputusan ini memakai penetap dan penandatangan dari `disahkan_oleh` di instansi.yml, tetapi instansi.yml tidak menulisnya: keputusan akan tercetak tanpa penetap dan tanpa tanda tangan.'
    : 'Halaman ini memakai penandatangan dari `disahkan_oleh` di instansi.yml, tetapi instansi.yml tidak menulisnya: isian dan blok tanda tangannya akan tercetak kosong.';
  report(file, 'buku-tanpa-penandatangan', what, lines.place(offset), {
    hint: 'Tulis `disahkan_oleh:` (jabatan, nama, pangkat, nip pejabat yang menetapkan SOP) di instansi.yml. SOP yang menulis `disahkan_oleh` sendiri tetap memakai penandatangannya sendiri.',
  });
}

function checkFrontmatter(file: VFile, yaml: ParsedYaml, text: string, lines: LineIndex, uses: SignerUses): void {
  const data = yaml.data;
  if (data == null) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(file, 'yaml-bukan-objek', 'Frontmatter halaman buku harus berisi pasangan `kunci: nilai`.', { line: 2, column: 1 }, {
      hint: `Kunci yang dikenal: ${keys.map((k) => `\`${k}\``).join(', ')}.`,
    });
    return;
  }
  const at = (pointer: string, part: 'key' | 'value' = 'value') => placeOf(yaml.spans, lines, pointer, part);
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (keys.includes(key)) continue;
    const suggestion = closest(key, keys);
    report(file, 'kunci-tak-dikenal', `Kunci \`${key}\` tidak dikenal di halaman buku.${suggestion ? ` Maksud Anda \`${suggestion}\`?` : ''}`, at(`/${key}`, 'key'), {
      hint: `Kunci yang dikenal: ${keys.map((k) => `\`${k}\``).join(', ')}.`,
    });
  }
  if (record.judul != null && typeof record.judul !== 'string') {
    report(file, 'tipe-salah', 'Nilai `judul` harus berupa teks.', at('/judul'), { hint: 'Beri tanda kutip pada judulnya, mis. `judul: "Kata Pengantar"`.' });
  }
  if (record.urutan != null && (typeof record.urutan !== 'number' || !Number.isFinite(record.urutan))) {
    report(file, 'tipe-salah', 'Nilai `urutan` harus berupa angka.', at('/urutan'), { hint: 'Tulis angka tanpa tanda kutip, mis. `urutan: 2`.' });
  }
  const ttd = record.tanda_tangan;
  const ttdOk = ttd == null || typeof ttd === 'boolean' || typeof ttd === 'string' || (Array.isArray(ttd) && ttd.every((l) => typeof l === 'string' || typeof l === 'number'));
  const ttdKey = yaml.spans.get('/tanda_tangan')?.key;
  if (ttdOk && ttd && (!Array.isArray(ttd) || ttd.length) && ttdKey) uses.push(ttdKey[0]);
  if (!ttdOk) {
    report(file, 'tipe-salah', 'Nilai `tanda_tangan` harus `true`, `false`, atau daftar baris.', at('/tanda_tangan'), {
      hint: 'Mis. `tanda_tangan: true`, atau daftar `- Ditetapkan di …` dan `- pada tanggal …`.',
    });
  }
  // Only these two are filled with placeholders by the book.
  for (const pointer of ['/judul', '/tanda_tangan']) {
    const span = yaml.spans.get(pointer);
    if (span) checkPlaceholders(file, text, span.value[0], span.value[1], lines, uses);
  }
}

/** Placeholders in the page text; code and raw HTML are printed as written, never filled. */
function checkBody(file: VFile, text: string, from: number, lines: LineIndex, uses: SignerUses): void {
  const skipped: Array<[number, number]> = [];
  const walk = (node: Nodes): void => {
    if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') && node.position) {
      skipped.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    } else if ('children' in node) {
      for (const child of node.children) walk(child);
    }
  };
  // The body alone, as the book renders it; offsets shifted back into the file.
  walk(bookMarkdown().parse(text.slice(from)));
  for (const range of skipped) {
    range[0] += from;
    range[1] += from;
  }
  checkPlaceholders(file, text, from, text.length, lines, uses, skipped);
}

function checkPlaceholders(file: VFile, text: string, start: number, end: number, lines: LineIndex, uses: SignerUses, skipped: Array<[number, number]> = []): void {
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    const from = start + m.index;
    if (skipped.some(([a, b]) => from >= a && from < b)) continue;
    if (isSignerPlaceholder(name)) uses.push(from);
    if (known.includes(name.toLowerCase())) continue;
    const suggestion = closest(name.toLowerCase(), known);
    report(file, 'isian-tak-dikenal', `Isian \`{{${name}}}\` tidak dikenal.${suggestion ? ` Maksud Anda \`{{${suggestion}}}\`?` : ''}`, lines.span(from, from + m[0].length), {
      hint: `Isian yang tersedia: ${known.map((k) => `{{${k}}}`).join(', ')}. Bila memang ingin mencetak teks itu, hapus kurung kurawalnya.`,
    });
  }
}
