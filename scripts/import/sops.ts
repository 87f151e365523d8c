// The SOPs in a SourceDocument: each starts at an identity table (labels in the office's own
// words), owns the procedure table(s) after it (continued over pages, header counted once) and
// the signature block under them. Every row gets its actor from the symbol drawn in it (or a
// text mark), and its Lanjut from the arrows. Pure.
import { cellAt, cellWhere, type Cell, type Shape, type SourceDocument, type Table, type Where } from './document.ts';
import { passThroughOffpage, traceFlow, type FlowEdge, type FlowNode } from './flow.ts';
import type { ImportedRow, ImportedSop, Note, NoteRule } from './model.ts';
import { findHeader, isHeaderAgain, isNumbering, rowNumber, sameColumns, type Columns } from './procedure.ts';
import { LIST_KEYS, listItems, matchLabel, parseDate, parseSignature, readOffice, type LabelKey, type ListKey } from './words.ts';

const SYMBOLS = new Set(['terminator', 'process', 'decision']);
const MARKS = /[□■◻◼▭▯⬜▢◇◆◊♢○●◯]/;
const DECISION_MARK = /[◇◆◊♢]/;

interface Part {
  table: Table;
  bodyStart: number;
}

interface Draft {
  sop: ImportedSop;
  header: string[];
  disahkan: string[];
  fieldWhere: Partial<Record<string, Where>>;
  columns?: Columns;
  parts: Part[];
  signature: string[];
}

const newDraft = (where: Where): Draft => ({
  sop: { where, office: {}, labels: {}, lists: {}, actors: [], columns: {}, rows: [], decisions: 0, terminatorText: false, notes: [] },
  header: [],
  disahkan: [],
  fieldWhere: {},
  parts: [],
  signature: [],
});

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function note(d: Draft, rule: NoteRule, where: Where, message: string, at: { key?: string; row?: number; hint?: string } = {}): void {
  d.sop.notes.push({ rule, where, message, ...at });
}

/** Identity label/value pairs of a table, in whatever arrangement of cells. */
function readIdentity(table: Table, d: Draft): void {
  const used = new Set<Cell>();
  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      if (cell.continued || used.has(cell)) return;
      const m = matchLabel(cell.text);
      if (!m) {
        if (cell.text) d.header.push(...cell.text.split('\n'));
        return;
      }
      used.add(cell);
      const where: Where = cellWhere(row.where, cell.col);
      if (m.key !== 'unit') d.sop.labels[m.key] ??= m.label;
      if ((LIST_KEYS as readonly string[]).includes(m.key)) {
        let paras = cell.paras.slice(1);
        if (m.rest && !paras.length) paras = [{ text: m.rest, numbered: false }];
        let at = where;
        const right = row.cells.slice(i + 1).find((c) => !c.continued && c.text.trim() && c.text.trim() !== ':');
        if (!paras.some((p) => p.text.trim()) && right && !matchLabel(right.text) && !used.has(right)) {
          used.add(right);
          paras = right.paras;
          at = cellWhere(row.where, right.col);
        }
        if (!paras.some((p) => p.text.trim())) {
          const below = table.rows[r + 1];
          const value = below ? cellAt(below, cell.col) : undefined;
          if (value && !matchLabel(value.text)) {
            used.add(value);
            paras = value.paras;
            at = cellWhere(below!.where, value.col);
          }
        }
        // listItems drops a trailing empty item: offices leave one very often.
        const items = listItems(paras);
        if (d.sop.lists[m.key as ListKey] === undefined) {
          d.sop.lists[m.key as ListKey] = items;
          d.fieldWhere[m.key] = at;
        }
        return;
      }
      let value = m.rest;
      let at = where;
      if (!value) {
        // The value is the next cell that is not a colon of its own (it may be blank: a blank value).
        const v = row.cells.slice(i + 1).find((c) => c.text.trim() !== ':');
        if (v && !matchLabel(v.text)) {
          used.add(v);
          value = v.text.replace(/^\s*:\s*/, '');
          at = cellWhere(row.where, v.col);
        }
      }
      if (d.fieldWhere[m.key]) return;
      d.fieldWhere[m.key] = at;
      setScalar(d, m.key, value, at);
    });
  });
}

function setScalar(d: Draft, key: LabelKey, value: string, where: Where): void {
  const text = oneLine(value);
  switch (key) {
    case 'nomor':
      if (text && !/^[.…_\s-]+$/.test(text)) d.sop.nomor = text;
      else note(d, 'impor-tidak-terbaca', where, 'Nomor SOP kosong (dibiarkan untuk nomor register); ditulis titik-titik', { key: 'nomor', hint: 'Isi nomor SOP dari buku register sebelum dicetak.' });
      return;
    case 'nama':
      d.sop.nama = text.replace(/^SOP\s*[:\-–]?\s+/i, '');
      return;
    case 'unit':
      if (text) d.sop.unit = text;
      return;
    case 'disahkan_oleh':
      d.disahkan = value.split('\n').map(oneLine).filter(Boolean);
      return;
    case 'tanggal_pembuatan':
    case 'tanggal_revisi':
    case 'tanggal_efektif': {
      const date = parseDate(text);
      if (!date.ok) note(d, 'impor-tidak-terbaca', where, `tanggal "${text}" tidak terbaca`, { key, hint: 'Tulis tanggalnya sebagai TAHUN-BULAN-HARI, mis. 2024-05-08.' });
      else if (date.value && date.value.length === 7) note(d, 'impor-tebakan', where, `tanggal "${text}" tanpa hari: ditulis ${date.value} (hari diisi tangan saat penandatanganan)`, { key });
      d.sop[key] = date.value;
      return;
    }
  }
}

/** The row holding height `y` of the table's frame (rows are in order: a binary search). */
function rowAt(table: Table, y: number): number {
  let lo = 0;
  let hi = table.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = table.rows[mid]!;
    if (y < row.top) hi = mid - 1;
    else if (y >= row.top + row.height) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The symbols (and off-page connectors) of one procedure table, by the row holding their centre. */
function placeSymbols(table: Table, shapes: Shape[]): Map<number, Shape[]> {
  const byRow = new Map<number, Shape[]>();
  for (const s of shapes) {
    if (!SYMBOLS.has(s.kind) && s.kind !== 'offpage') continue;
    const cy = s.y + s.h / 2;
    const r = rowAt(table, cy);
    if (r < 0) continue;
    const list = byRow.get(r);
    if (list) list.push(s);
    else byRow.set(r, [s]);
  }
  return byRow;
}

function readProcedure(doc: SourceDocument, d: Draft): void {
  const columns = d.columns!;
  d.sop.actors = columns.actors.map((a) => a.name);
  d.sop.columns = columns.words;
  const nodes = new Map<Shape, FlowNode>();
  const rowOf = new Map<number, { row: ImportedRow; main?: Shape; where: Where }>();
  const edges: FlowEdge[] = [];
  let lines = 0;
  const text = (t: Table, r: number, col: number | undefined, sep = ' ') => {
    const c = col === undefined ? undefined : cellAt(t.rows[r]!, col);
    return c ? c.paras.map((p) => oneLine(p.text)).filter(Boolean).join(sep) : '';
  };
  const byTable = new Map<number, Shape[]>();
  for (const s of doc.shapes) {
    const list = byTable.get(s.table);
    if (list) list.push(s);
    else byTable.set(s.table, [s]);
  }
  for (const { table, bodyStart } of d.parts) {
    const shapes = byTable.get(table.index) ?? [];
    const symbols = placeSymbols(table, shapes);
    const lefts = table.grid.map((_, i) => table.grid.slice(0, i).reduce((a, b) => a + b, 0));
    const tableNodes: FlowNode[] = [];
    const cellLabels: Shape[] = [];
    for (let r = bodyStart; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      if (isHeaderAgain(row, columns) || isNumbering(row)) continue;
      const no = rowNumber(text(table, r, columns.at.no));
      const here = symbols.get(r) ?? [];
      for (const s of here.filter((s) => s.kind === 'offpage')) tableNodes.push({ shape: s });
      if (no === undefined) {
        const kegiatan = text(table, r, columns.at.kegiatan);
        const last = d.sop.rows.at(-1);
        if (!kegiatan && last) {
          // Under the table on the same sheet: the signature block.
          d.signature.push(row.cells.filter((c) => !c.continued).map((c) => c.text).join(' '));
          continue;
        }
        if (kegiatan && last) {
          last.kegiatan = `${last.kegiatan} ${kegiatan}`;
          note(d, 'impor-tebakan', row.where, `baris tanpa nomor; teksnya digabung ke kegiatan ${last.no}`, { row: last.no });
        }
        continue;
      }
      const item: ImportedRow = {
        no,
        kegiatan: text(table, r, columns.at.kegiatan),
        pelaksana: '',
        kelengkapan: text(table, r, columns.at.kelengkapan, ', '),
        waktu: text(table, r, columns.at.waktu),
        output: text(table, r, columns.at.output, ', '),
        keterangan: text(table, r, columns.at.keterangan),
        lanjut: '',
        where: row.where,
      };
      const real = here.filter((s) => SYMBOLS.has(s.kind)).sort((a, b) => a.y - b.y);
      const main = real[0];
      if (real.length > 1) note(d, 'impor-tebakan', row.where, `${real.length} simbol di baris ${no}; dipakai yang paling atas`, { row: no });
      if (main) {
        item.pelaksana = actorOf(d, table, lefts, main, no, row.where);
        const node: FlowNode = { shape: main, no };
        nodes.set(main, node);
        tableNodes.push(node);
        if (main.kind === 'decision') {
          d.sop.decisions++;
          cellLabels.push(...labelsBeside(table, lefts, r, main));
        }
        if (main.kind === 'terminator' && /^(mulai|selesai)$/i.test(main.text.trim())) d.sop.terminatorText = true;
        const cy = main.y + main.h / 2;
        const edge = Math.min(cy - row.top, row.top + row.height - cy);
        if (edge < row.height * 0.1) note(d, 'impor-tebakan', row.where, `simbol baris ${no} berada di batas baris; dianggap milik baris ${no}`, { row: no });
      } else {
        // Marks typed in the actor cells (□, ◇, ○), or the actor's name / "Mulai" written there.
        const marked = columns.actors.filter((a) => {
          const t = text(table, r, a.col);
          return MARKS.test(t) || /^(mulai|selesai)$/i.test(t) || (t && t.toLowerCase().includes(a.name.toLowerCase()));
        });
        if (marked.length) {
          item.pelaksana = marked[0]!.name;
          const t = text(table, r, marked[0]!.col);
          if (/\b(mulai|selesai)\b/i.test(t)) d.sop.terminatorText = true;
          if (DECISION_MARK.test(t)) {
            d.sop.decisions++;
            note(d, 'impor-tidak-terbaca', row.where, `baris ${no}: tanda keputusan (◇) tanpa panah; cabangnya tidak terbaca`, { row: no, hint: 'Tulis kedua cabang di kolom Lanjut, mis. "Ya: 5; Tidak: 3".' });
          }
          if (marked.length > 1) note(d, 'impor-tebakan', row.where, `baris ${no}: tanda di ${marked.length} kolom pelaksana; dipilih ${marked[0]!.name}`, { row: no });
        } else {
          note(d, 'impor-tidak-terbaca', row.where, `baris ${no}: tidak ada simbol di kolom pelaksana`, { row: no, hint: 'Isi kolom Pelaksana.' });
        }
      }
      d.sop.rows.push(item);
      rowOf.set(no, { row: item, ...(main ? { main } : {}), where: row.where });
    }
    const tableLines = shapes.filter((s) => s.kind === 'line');
    lines += tableLines.length;
    const trace = traceFlow(tableNodes, tableLines, [...shapes.filter((s) => s.kind === 'label'), ...cellLabels]);
    edges.push(...trace.edges);
    for (const l of trace.loose) note(d, 'impor-tebakan', l.where, 'panah tidak bersambung ke simbol di kedua ujungnya; diabaikan');
    if (trace.undirected.length) note(d, 'impor-tebakan', trace.undirected[0]!.where, `${trace.undirected.length} garis tanpa kepala panah; arahnya dianggap dari atas ke bawah`);
  }
  const flow = passThroughOffpage(edges);
  writeLanjut(d, flow, rowOf, lines);
}

const LABEL_WORD = /^[\p{L}][\p{L} .-]{0,19}$/u;

/**
 * Exit labels typed in the cells next to a decision instead of drawn: the cells left and right of
 * it and the one below, each as a label the size of its cell.
 */
function labelsBeside(table: Table, lefts: number[], r: number, decision: Shape): Shape[] {
  const cx = decision.x + decision.w / 2;
  const col = lefts.findIndex((l, i) => cx >= l && cx < l + table.grid[i]!);
  const out: Shape[] = [];
  for (const [rr, c] of [[r, col - 1], [r, col + 1], [r + 1, col]] as const) {
    const row = table.rows[rr];
    const cell = row ? cellAt(row, c) : undefined;
    const text = cell?.text.trim() ?? '';
    if (!row || !cell || cell.col !== c || !LABEL_WORD.test(text) || MARKS.test(text)) continue;
    out.push({ kind: 'label', x: lefts[c]!, y: row.top, w: table.grid[c]!, h: row.height, text, table: table.index, where: cellWhere(row.where, c) });
  }
  return out;
}

/** The actor whose column holds the symbol's centre; a centre near a column edge, or outside the actor columns, is said. */
function actorOf(d: Draft, table: Table, lefts: number[], s: Shape, no: number, where: Where): string {
  const actors = d.columns!.actors;
  const cx = s.x + s.w / 2;
  const col = lefts.findIndex((l, i) => cx >= l && cx < l + table.grid[i]!);
  const exact = actors.find((a) => a.col === col);
  const centre = (a: { col: number }) => lefts[a.col]! + table.grid[a.col]! / 2;
  const nearest = [...actors].sort((a, b) => Math.abs(centre(a) - cx) - Math.abs(centre(b) - cx))[0];
  if (!nearest) return '';
  if (!exact) {
    note(d, 'impor-tebakan', where, `simbol baris ${no} berada di luar kolom pelaksana; dipilih ${nearest.name}`, { row: no });
    return nearest.name;
  }
  const width = table.grid[exact.col]!;
  const fromEdge = Math.min(cx - lefts[exact.col]!, lefts[exact.col]! + width - cx);
  if (fromEdge < width * 0.1) {
    const other = actors.find((a) => a !== exact && Math.abs(centre(a) - cx) < width);
    if (other) note(d, 'impor-tebakan', where, `simbol baris ${no} berada di antara kolom ${exact.name} dan ${other.name}; dipilih ${exact.name}`, { row: no });
  }
  return exact.name;
}

/** The Lanjut column from the traced edges: empty for the next row, a number, two labelled exits, or selesai. */
function writeLanjut(d: Draft, edges: FlowEdge[], rowOf: Map<number, { row: ImportedRow; main?: Shape; where: Where }>, lines: number): void {
  const rows = d.sop.rows;
  if (!rows.length) return;
  if (!lines) {
    if (rows.some((r) => r.pelaksana)) note(d, 'impor-tebakan', rows[0]!.where, 'bagan tanpa panah: alur dianggap berurutan dari baris pertama sampai terakhir', { row: rows[0]!.no });
    return;
  }
  const missing: number[] = [];
  rows.forEach((row, i) => {
    const entry = rowOf.get(row.no);
    const next = rows[i + 1];
    const outs = edges.filter((e) => entry?.main && e.from.shape === entry.main && e.to.no !== undefined);
    if (entry?.main?.kind === 'decision') {
      if (outs.length === 2) {
        const sorted = [...outs].sort((a, b) => Number(b.to.no === next?.no) - Number(a.to.no === next?.no) || a.to.no! - b.to.no!);
        const labels = sorted.map((e, k) => e.label || (k === 0 ? 'Ya' : 'Tidak'));
        if (sorted.some((e) => !e.label)) note(d, 'impor-tebakan', row.where, `baris ${row.no}: label cabang keputusan tidak ditemukan; ditulis "${labels.join('" dan "')}"`, { row: row.no });
        row.lanjut = sorted.map((e, k) => `${labels[k]}: ${e.to.no}`).join('; ');
      } else if (outs.length === 1 && next && outs[0]!.to.no !== next.no) {
        // The other exit leaves the page (no arrow drawn across a page break): to the next row.
        const label = outs[0]!.label ?? 'Tidak';
        row.lanjut = `${label === 'Ya' ? 'Tidak' : 'Ya'}: ${next.no}; ${label}: ${outs[0]!.to.no}`;
        note(d, 'impor-tebakan', row.where, `baris ${row.no}: keputusan dengan satu panah keluar; cabang lainnya dianggap ke baris ${next.no}`, { row: row.no });
      } else note(d, 'impor-tidak-terbaca', row.where, `baris ${row.no}: keputusan dengan ${outs.length} panah keluar (seharusnya 2)`, { row: row.no, hint: 'Tulis kedua cabang di kolom Lanjut, mis. "Ya: 5; Tidak: 3".' });
      return;
    }
    if (outs.length === 0) {
      if (!next) return;
      if (entry?.main?.kind === 'terminator') row.lanjut = 'selesai';
      else if (entry?.main) missing.push(row.no);
      return;
    }
    const targets = [...new Set(outs.map((e) => e.to.no!))];
    if (targets.length > 1) note(d, 'impor-tebakan', row.where, `baris ${row.no}: ${targets.length} panah keluar dari simbol bukan keputusan; dipakai ke baris ${targets[0]}`, { row: row.no });
    if (targets[0] !== next?.no) row.lanjut = String(targets[0]);
  });
  if (missing.length) {
    const first = rowOf.get(missing[0]!)!;
    note(d, 'impor-tebakan', first.where, `tidak ada panah keluar dari baris ${missing.join(', ')} (biasanya di akhir halaman); alur dianggap lanjut ke baris berikutnya`, { row: missing[0]! });
  }
}

function finish(doc: SourceDocument, d: Draft, out: ImportedSop[]): void {
  if (d.columns) readProcedure(doc, d);
  const sop = d.sop;
  sop.office = readOffice(d.header);
  // The signature block; the identity's "Disahkan oleh" keeps the fuller jabatan.
  const signer = parseSignature(d.signature) ?? (d.disahkan.length > 1 ? parseSignature(d.disahkan) : undefined);
  const cell = d.disahkan.join(' ');
  if (signer) {
    if (cell && (!signer.jabatan || cell.toLowerCase().includes(signer.jabatan.toLowerCase())) && d.disahkan.length === 1) signer.jabatan = cell;
    sop.signer = signer;
    if (signer.byHand) note(d, 'impor-tebakan', d.fieldWhere.disahkan_oleh ?? sop.where, 'nama penandatangan kosong atau titik-titik: ditulis null (diisi tangan)', { key: 'disahkan_oleh' });
  } else if (cell) {
    sop.signer = { jabatan: cell, nama: null, elektronik: false, byHand: true };
    note(d, 'impor-tidak-terbaca', d.fieldWhere.disahkan_oleh ?? sop.where, 'blok tanda tangan di bawah tabel tidak ditemukan; nama penandatangan ditulis null', { key: 'disahkan_oleh', hint: 'Isi nama, pangkat dan NIP penandatangan.' });
  }
  for (const key of LIST_KEYS) {
    if (!sop.lists[key]?.length) note(d, 'impor-tidak-terbaca', d.fieldWhere[key] ?? sop.where, `daftar "${key}" tidak ditemukan atau kosong`, { key, hint: 'Isi daftarnya.' });
  }
  if (!sop.rows.length) note(d, 'impor-tidak-terbaca', sop.where, 'tabel prosedur tidak ditemukan');
  out.push(sop);
}

export function readSops(doc: SourceDocument): { sops: ImportedSop[]; problems: Note[] } {
  const sops: ImportedSop[] = [];
  let d: Draft | undefined;
  let before: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'para') {
      if (d?.columns) d.signature.push(...block.para.text.split('\n'));
      else before.push(...block.para.text.split('\n'));
      continue;
    }
    const table = block.table;
    const header = findHeader(table);
    const labels = table.rows.flatMap((r) => r.cells.filter((c) => !c.continued).map((c) => matchLabel(c.text)?.key)).filter(Boolean);
    if (header) {
      if (d?.columns && sameColumns(d.columns, header.columns)) {
        d.parts.push({ table, bodyStart: header.bodyStart });
        d.signature = [];
        const was = d.columns.actors.map((a) => a.name).join('|');
        if (header.columns.actors.map((a) => a.name).join('|') !== was) {
          note(d, 'impor-tebakan', table.rows[0]!.where, `judul kolom pelaksana di halaman ini berbeda (${header.columns.actors.map((a) => a.name).join(', ')}); dipakai judul halaman pertama`);
        }
        continue;
      }
      if (!d || d.columns) {
        if (d) finish(doc, d, sops);
        d = newDraft(table.rows[0]!.where);
        d.header.push(...before);
      }
      d.columns = header.columns;
      d.parts.push({ table, bodyStart: header.bodyStart });
      d.signature = [];
      continue;
    }
    if (labels.includes('nomor') || labels.length >= 3) {
      if (d && ((labels.includes('nomor') && d.fieldWhere.nomor) || d.columns)) {
        finish(doc, d, sops);
        d = undefined;
      }
      if (!d) {
        d = newDraft(table.rows[0]?.where ?? {});
        d.header.push(...before);
        before = [];
      }
      readIdentity(table, d);
      continue;
    }
    if (d?.columns && d.parts.at(-1)!.table.grid.length === table.grid.length) {
      d.parts.push({ table, bodyStart: 0 });
      continue;
    }
    if (d?.columns) d.signature.push(...table.rows.flatMap((r) => r.cells.filter((c) => !c.continued).flatMap((c) => c.text.split('\n'))));
  }
  if (d) finish(doc, d, sops);
  const problems: Note[] = doc.problems.map((p) => ({ rule: 'impor-tidak-terbaca', where: p.where, message: p.message }));
  return { sops, problems };
}

