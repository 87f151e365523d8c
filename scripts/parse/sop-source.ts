// Stage 1 for an SOP file: text → frontmatter data (with positions) + raw procedure table +
// prose. Syntax problems become diagnostics on the file; nothing here throws on bad input.
import type { Node, Table } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { LineIndex } from '../source/lines.ts';
import { invisibleBreach, isDelimiterRow, LIMITS, proseBreach, rowsBreach, tableBlocks, lineBreach, reportBreach, sizeBreach, yamlTextBreach, type LineRange } from './bounds.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePlainTable } from './plain-table.ts';
import { readTable, type RawTable } from './table.ts';
import { parseYaml, reportCutAtHash, reportYamlErrors, type ParsedYaml } from './yaml-doc.ts';

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
      hint: 'Isi berkas dengan data SOP di antara dua baris `---` (nomor, nama, tanggal, …), lalu tabel prosedur. Contohnya ada di folder content/.',
    });
    return undefined;
  }
  const tooBig = sizeBreach(text, lines, 'Berkas SOP', LIMITS.fileChars) ?? invisibleBreach(text, lines);
  if (tooBig) {
    reportBreach(file, tooBig);
    return undefined;
  }
  const rawLines = text.split('\n');
  if (!FENCE.test(rawLines[0] ?? '')) {
    const looksLikeYaml = /^[a-z_]+\s*:/i.test(rawLines[0] ?? '');
    const fenceBelow = !(rawLines[0] ?? '').trim() && rawLines.some((l) => FENCE.test(l));
    report(file, 'frontmatter-tidak-ada', 'Berkas SOP tidak diawali frontmatter (data SOP di antara dua baris `---`).', { line: 1, column: 1 }, {
      hint: looksLikeYaml
        ? 'Tambahkan baris `---` di baris pertama, sebelum `nomor:`, dan satu lagi setelah kunci terakhir.'
        : fenceBelow
          ? 'Hapus baris kosong di atas baris `---` pertama: `---` harus berada tepat di baris 1.'
          : 'Baris pertama harus `---`, diikuti data SOP (nomor, nama, …), lalu `---` lagi sebelum tabel.',
    });
    return undefined;
  }
  const close = rawLines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close === -1) {
    const tableLine = rawLines.findIndex((l) => /^\s*\|/.test(l)) + 1;
    report(file, 'frontmatter-tidak-tertutup', 'Frontmatter dibuka dengan `---` tetapi tidak pernah ditutup.', { line: 1, column: 1 }, {
      hint: `Tambahkan baris \`---\` setelah kunci frontmatter terakhir${tableLine ? `, sebelum tabel prosedur (baris ${tableLine})` : ' (sebelum tabel prosedur)'}.`,
    });
    return undefined;
  }

  const yamlStart = (rawLines[0] ?? '').length + 1;
  const yamlText = rawLines.slice(1, close).join('\n');
  const yamlTooBig = yamlTextBreach(yamlText, yamlStart, lines, 'Frontmatter');
  if (yamlTooBig) {
    reportBreach(file, yamlTooBig);
    return undefined;
  }
  const yaml = parseYaml(yamlText, yamlStart);
  reportYamlErrors(file, yaml, text, lines, 'Frontmatter');
  reportCutAtHash(file, yaml, text, lines);
  if (yaml.errors.length) return undefined;
  if (yaml.data === null || yaml.data === undefined) {
    report(file, 'yaml-bukan-objek', 'Frontmatter kosong: belum ada data SOP di antara kedua baris `---`.', { line: 2, column: 1 }, {
      hint: 'Tulis data SOP di antara kedua baris `---`: `nomor: …`, `nama: …`, `tanggal_pembuatan: …` dan seterusnya, satu kunci per baris.',
    });
    return undefined;
  }
  if (typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    report(file, 'yaml-bukan-objek', Array.isArray(yaml.data) ? 'Frontmatter berisi daftar (`- …`), padahal harus berisi pasangan `kunci: nilai`.' : 'Frontmatter berisi teks biasa, padahal harus berisi pasangan `kunci: nilai`.', { line: 2, column: 1 }, {
      hint: 'Tulis data SOP sebagai `nomor: …`, `nama: …` dan seterusnya, satu kunci per baris di awal baris.',
    });
    return undefined;
  }

  const tooLong = lineBreach(text, lines, close + 1);
  if (tooLong) {
    reportBreach(file, tooLong);
    return undefined;
  }

  // The body: only blocks holding a table delimiter row go through micromark; the prose is
  // bounded here and rendered (by the site) only once the SOP passes.
  const tables: Table[] = [];
  for (const block of tableBlocks(rawLines, close + 1)) {
    const tooMany = rowsBreach(rawLines, block);
    if (tooMany) {
      reportBreach(file, tooMany);
      return undefined;
    }
    tables.push(...parseTableBlock(rawLines, block, lines));
    if (tables.length > 1) break;
  }
  checkStrayFrontmatter(file, rawLines, close, lines);

  const [first, second] = tables;
  if (!first) reportMissingTable(file, rawLines, close);
  if (second) {
    report(file, 'tabel-ganda', 'Hanya boleh ada satu tabel prosedur dalam satu SOP.', second.position, {
      hint: 'Gabungkan baris-barisnya ke tabel pertama, atau pindahkan SOP kedua ke berkas sendiri.',
    });
  }
  const tableLines = first?.position ? [first.position.start.line - 1, first.position.end.line] : [rawLines.length, rawLines.length];
  const proseRanges = [{ from: close + 1, to: tableLines[0]! }, { from: tableLines[1]!, to: rawLines.length }];
  const unsafe = proseBreach(rawLines, proseRanges);
  if (unsafe) reportBreach(file, unsafe);
  const prose = unsafe ? '' : proseRanges.map((r) => rawLines.slice(r.from, r.to).join('\n').trim()).filter(Boolean).join('\n\n');
  return { file, text, lines, yaml, ...(first ? { table: readTable(first) } : {}), prose };
}

/** The tables of one block, with positions in the whole file. */
function parseTableBlock(rawLines: string[], block: LineRange, lines: LineIndex): Table[] {
  const blockLines = rawLines.slice(block.from, block.to);
  const plain = parsePlainTable(blockLines);
  const tree: { children: Node[] } = plain ? { children: [plain] } : parseMarkdown(blockLines.join('\n'));
  const shift = (node: Node) => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += block.from;
      if (point.offset !== undefined) point.offset += lines.starts[block.from]!;
    }
    if ('children' in node) for (const child of node.children as Node[]) shift(child);
  };
  const tables = tree.children.filter((n): n is Table => n.type === 'table');
  tables.forEach(shift);
  return tables;
}

/** Keys of the SOP frontmatter: a line `nomor: …` after the closing fence was meant as frontmatter. */
const SOP_KEYS = new Set([
  'nomor', 'nama', 'unit', 'status', 'tanggal_pembuatan', 'tanggal_revisi', 'tanggal_efektif', 'tanggal_dicabut', 'menggantikan',
  'menggantikan_eksternal', 'disahkan_oleh', 'kertas', 'tanda_tangan', 'dasar_hukum', 'kualifikasi_pelaksana',
  'keterkaitan', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan', 'pelaksana', 'riwayat',
]);

/**
 * A second `---` block right after the frontmatter: keys the officer meant as frontmatter. Prose
 * that merely starts with "catatan: …" is not one: the key must be an SOP key, or the block must
 * be closed by another `---`.
 */
function checkStrayFrontmatter(file: VFile, rawLines: string[], close: number, lines: LineIndex): void {
  for (let i = close + 1; i < rawLines.length; i++) {
    const line = rawLines[i] ?? '';
    // Blank lines, and the opening `---` of a second block written right after the first.
    if (!line.trim() || FENCE.test(line)) continue;
    const key = /^([a-z_]+):(\s|$)/.exec(line)?.[1];
    if (!key) return;
    const closed = rawLines.slice(i + 1).some((l) => FENCE.test(l));
    if (SOP_KEYS.has(key) || closed) {
      report(file, 'frontmatter-ganda', `Kunci \`${key}\` berada di luar frontmatter, setelah baris \`---\` penutup.`, lines.span(lines.starts[i] ?? 0, (lines.starts[i] ?? 0) + line.length), {
        hint: 'Pindahkan kunci ini ke atas, di antara kedua baris `---` pertama, lalu hapus baris `---` yang berlebih.',
      });
    }
    return;
  }
}

/** No GFM table: say why when there is something that looks like one. */
function reportMissingTable(file: VFile, rawLines: string[], close: number): void {
  const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).length;
  for (let i = close + 1; i < rawLines.length; i++) {
    const line = rawLines[i] ?? '';
    if (!/^\s*\|/.test(line)) continue;
    const next = rawLines[i + 1] ?? '';
    const place = { start: { line: i + 1, column: line.indexOf('|') + 1 }, end: { line: i + 1, column: line.trimEnd().length + 1 } };
    if (!isDelimiterRow(next)) {
      report(file, 'tabel-rusak', 'Baris ini tampak seperti judul tabel, tetapi tidak diikuti baris pemisah `|---|---|`.', place, {
        hint: 'Tepat di bawah baris judul tabel tulis baris pemisah dengan satu `---` untuk setiap kolom, mis. `|---|---|---|---|---|---|`.',
      });
    } else {
      report(file, 'tabel-rusak', `Baris judul tabel memiliki ${cells(line)} kolom, tetapi baris pemisah di bawahnya memiliki ${cells(next)}.`, place, {
        hint: 'Samakan jumlah `---` pada baris pemisah dengan jumlah kolom pada baris judul.',
      });
    }
    return;
  }
  report(file, 'tabel-tidak-ada', 'SOP ini belum memiliki tabel prosedur.', { line: Math.min(close + 2, rawLines.length), column: 1 }, {
    hint: 'Tambahkan tabel Markdown dengan kolom: | No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | (Keterangan dan Lanjut boleh ditambahkan).',
  });
}
