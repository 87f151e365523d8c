// Stage 1 for an SOP file: text → frontmatter data (with positions) + raw procedure table +
// prose. Syntax problems become diagnostics on the file; nothing here throws on bad input.
import type { RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { LineIndex } from '../source/lines.ts';
import { parseMarkdown } from './markdown.ts';
import { readTable, type RawTable } from './table.ts';
import { parseYaml, type ParsedYaml } from './yaml-doc.ts';

export interface SopSource {
  file: VFile;
  text: string;
  lines: LineIndex;
  yaml: ParsedYaml;
  table?: RawTable;
  /** Markdown outside the table and frontmatter. */
  prose: string;
}

const FENCE = /^---[ \t]*$/;

export function parseSopSource(file: VFile, text: string): SopSource | undefined {
  const lines = new LineIndex(text);
  if (!text.trim()) {
    report(file, 'berkas-kosong', 'Berkas SOP kosong.', { line: 1, column: 1 }, {
      hint: 'Isi berkas dengan frontmatter YAML di antara dua baris `---`, lalu tabel prosedur. Contoh ada di docs/panduan.md.',
    });
    return undefined;
  }
  const rawLines = text.split('\n');
  if (!FENCE.test(rawLines[0] ?? '')) {
    const looksLikeYaml = /^[a-z_]+\s*:/i.test(rawLines[0] ?? '');
    report(file, 'frontmatter-tidak-ada', 'Berkas SOP tidak diawali frontmatter YAML.', { line: 1, column: 1 }, {
      hint: looksLikeYaml
        ? 'Tambahkan baris `---` di baris pertama, sebelum `nomor:`, dan satu lagi setelah kunci terakhir.'
        : 'Baris pertama harus `---`, diikuti data SOP (nomor, nama, …), lalu `---` lagi sebelum tabel.',
    });
    return undefined;
  }
  const close = rawLines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close === -1) {
    report(file, 'frontmatter-tidak-tertutup', 'Frontmatter dibuka dengan `---` tetapi tidak pernah ditutup.', { line: 1, column: 1 }, {
      hint: 'Tambahkan baris `---` setelah kunci frontmatter terakhir (sebelum tabel prosedur).',
    });
    return undefined;
  }

  const yamlStart = (rawLines[0] ?? '').length + 1;
  const yamlText = rawLines.slice(1, close).join('\n');
  const yaml = parseYaml(yamlText, yamlStart);
  for (const err of yaml.errors) {
    const duplicate = err.code === 'DUPLICATE_KEY';
    report(file, duplicate ? 'yaml-kunci-ganda' : 'yaml-tidak-valid',
      duplicate ? 'Kunci yang sama ditulis dua kali di frontmatter.' : `YAML frontmatter tidak dapat dibaca (${yamlReason(err.code)}).`,
      lines.place(err.offset),
      { hint: duplicate ? 'Hapus salah satu kunci ganda.' : 'Periksa tanda titik dua, indentasi (pakai spasi, bukan tab) dan tanda kutip pada baris ini. Teks yang mengandung `: ` atau diawali `*`, `&`, `[` perlu diberi tanda kutip.' });
  }
  if (yaml.errors.length) return undefined;
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    report(file, 'yaml-bukan-objek', 'Frontmatter harus berisi pasangan `kunci: nilai`.', { line: 2, column: 1 }, {
      hint: 'Tulis data SOP sebagai `nomor: …`, `nama: …` dan seterusnya, satu kunci per baris.',
    });
    return undefined;
  }

  const tree = parseMarkdown(text);
  const tables: Table[] = [];
  collectTables(tree.children, tables);
  const body = tree.children.filter((n) => n.type !== 'yaml');
  checkStrayFrontmatter(file, rawLines, close, lines);

  const [first, second] = tables;
  if (!first) {
    report(file, 'tabel-tidak-ada', 'SOP ini belum memiliki tabel prosedur.', { line: close + 2, column: 1 }, {
      hint: 'Tambahkan tabel Markdown dengan kolom: | No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | (Keterangan dan Lanjut boleh ditambahkan).',
    });
  }
  if (second) {
    report(file, 'tabel-ganda', 'Hanya boleh ada satu tabel prosedur dalam satu SOP.', second.position?.start, {
      hint: 'Gabungkan baris-barisnya ke tabel pertama, atau pindahkan SOP kedua ke berkas sendiri.',
    });
  }
  const prose = body
    .filter((n) => n !== first)
    .map((n) => text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0))
    .join('\n\n');
  return { file, text, lines, yaml, ...(first ? { table: readTable(first) } : {}), prose };
}

function collectTables(nodes: RootContent[], out: Table[]): void {
  for (const node of nodes) {
    if (node.type === 'table') out.push(node);
    else if ('children' in node) collectTables(node.children as RootContent[], out);
  }
}

/** A second `---` block right after the frontmatter: keys the officer meant as frontmatter. */
function checkStrayFrontmatter(file: VFile, rawLines: string[], close: number, lines: LineIndex): void {
  for (let i = close + 1; i < rawLines.length; i++) {
    const line = rawLines[i] ?? '';
    if (!line.trim()) continue;
    if (/^[a-z_]+:(\s|$)/.test(line)) {
      const offset = lines.starts[i] ?? 0;
      report(file, 'frontmatter-ganda', 'Ada kunci frontmatter setelah `---` penutup.', lines.place(offset), {
        hint: 'Hapus baris `---` yang berlebih agar semua kunci berada di dalam satu frontmatter.',
      });
    }
    return;
  }
}

function yamlReason(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indentasi memakai tab';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'indentasi atau tanda baca tidak tepat';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'kunci tanpa tanda titik dua atau teks terpotong baris';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'tanda titik dua di dalam teks yang tidak diberi tanda kutip';
    case 'UNEXPECTED_TOKEN':
      return 'ada tanda baca yang tidak diharapkan';
    case 'MISSING_END':
    case 'MISSING_CLOSE':
      return 'tanda kutip atau kurung tidak ditutup';
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
      return 'alias YAML tidak valid';
    default:
      return code.toLowerCase().replace(/_/g, ' ');
  }
}
