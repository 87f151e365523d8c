// The procedure table → Steps: numbering, actors, durations, and the flow (`Lanjut`),
// with every problem pointed at its cell.
import type { VFile } from 'vfile';
import { DEFAULT_COLUMN_HEADERS, type ColumnHeaders, type Lanjut, type Step, type StepSymbol, type Waktu, type WaktuUnit } from '../model/sop.ts';
import { report, type Place } from '../diagnostics/report.ts';
import { closest } from '../diagnostics/suggest.ts';
import { COLUMN_TITLES, KNOWN_HEADERS, REQUIRED_COLUMNS, columnOf, type Cell, type ColumnName, type RawTable } from '../parse/table.ts';

export interface StepsResult {
  steps: Step[];
  /** The header words the author wrote, to be printed as written. */
  headers: ColumnHeaders;
  pelaksana: string[];
  /** Each step's cells as written, for messages about how they print (validate/print-fit.ts). */
  cells: Array<Record<ColumnName, Cell>>;
  ok: boolean;
}

const UNITS: Record<string, WaktuUnit> = { menit: 'menit', jam: 'jam', hari: 'hari', minggu: 'minggu', bulan: 'bulan' };
/** `15 menit`, `2 Jam`, `1 hari kerja`, and the number also in words as letters write it: `30 (tiga puluh) menit`. */
const WAKTU = /^(\d+(?:[.,]\d+)?)\s*(?:\([^()]*\)\s*)?(menit|jam|hari|minggu|bulan)(?:\s+kerja)?$/i;
const ACTOR_SEPARATORS = /[,;+&]|\s\/\s/;

/**
 * Characters per cell, only to bound the work of reading a row (patterns, the fit estimate): ten
 * times the longest real cell seen (a 195-character Kegiatan). Whether a row prints is decided by
 * its printed height (validate/print-fit.ts), not by a count of characters.
 */
export const CELL_CHARS = 2_000;
/** Actor columns share the flowchart's width: beyond this, symbols and names get unreadable. */
export const MAX_ACTORS = 12;

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** `declaredAt`: place of the `pelaksana` list, or of its item `index`. */
export function readSteps(file: VFile, table: RawTable, declared: string[] | undefined, declaredAt: (index?: number) => Place): StepsResult {
  const declaredPlace = declaredAt();
  const before = file.messages.filter((m) => m.fatal).length;
  const columns = mapColumns(file, table);
  if (!columns) return { steps: [], headers: DEFAULT_COLUMN_HEADERS, pelaksana: declared ?? [], cells: [], ok: false };
  const headers = headersOf(table, columns);
  if (table.rows.length === 0) {
    report(file, 'tabel-kosong', 'Tabel prosedur belum memiliki baris kegiatan.', table.place, {
      hint: 'Tambahkan satu baris per kegiatan di bawah baris pemisah `|---|`.',
    });
    return { steps: [], headers, pelaksana: declared ?? [], cells: [], ok: false };
  }

  const width = table.header.length;
  // Every row one cell off the header: the header is what is wrong. Say it once, there.
  const counts = new Set(table.rows.map((r) => r.cells.length));
  const [rowWidth] = counts;
  if (table.rows.length >= 2 && counts.size === 1 && rowWidth !== undefined && rowWidth !== width) {
    report(
      file,
      'tabel-judul-tidak-cocok',
      rowWidth > width
        ? `Baris judul tabel memiliki ${width} kolom, tetapi setiap baris kegiatan memiliki ${rowWidth} sel.`
        : `Baris judul tabel memiliki ${width} kolom, tetapi setiap baris kegiatan hanya memiliki ${rowWidth} sel.`,
      table.place,
      {
        hint:
          rowWidth > width
            ? 'Tambahkan judul kolom yang kurang di baris judul (mis. `Keterangan` atau `Lanjut`) dan satu `---` di baris pemisah.'
            : 'Hapus judul kolom yang berlebih dari baris judul dan baris pemisah, atau tambahkan selnya di setiap baris.',
      },
    );
    return { steps: [], headers, pelaksana: declared ?? [], cells: [], ok: false };
  }
  const actors: string[] = declared ? [...declared] : [];
  const actorIndex = new Map(actors.map((a, i) => [norm(a), i]));
  const drafts: Array<{ no: number; cells: Record<ColumnName, Cell>; actor: number; waktu: Waktu | undefined; lanjut: Lanjut | undefined }> = [];

  table.rows.forEach((row, i) => {
    if (row.cells.length < width) {
      report(file, 'tabel-sel-kurang', `Baris ini hanya memiliki ${row.cells.length} sel, padahal tabel memiliki ${width} kolom.`, row.end, {
        hint: 'Tambahkan sel yang kurang (sel kosong pun ditulis `| |`), agar setiap baris memiliki jumlah `|` yang sama dengan baris judul.',
      });
      return;
    }
    if (row.cells.length > width) {
      report(file, 'tabel-sel-lebih', `Baris ini memiliki ${row.cells.length} sel, padahal tabel hanya memiliki ${width} kolom.`, row.cells[width]!.place, {
        hint: 'Hapus sel yang berlebih, atau tulis `\\|` jika tanda `|` memang bagian dari teks.',
      });
      return;
    }
    const cells = {} as Record<ColumnName, Cell>;
    for (const [name, index] of columns) cells[name] = row.cells[index]!;
    const empty: Cell = { text: '', place: row.place };
    cells.keterangan ??= empty;
    cells.lanjut ??= empty;

    // Lengths first, to bound the work below; whether the row prints is checked on the whole SOP.
    let tooLong = false;
    for (const [name, cell] of Object.entries(cells) as Array<[ColumnName, Cell]>) {
      if (cell.text.length > CELL_CHARS) {
        tooLong = true;
        report(file, 'sel-terlalu-panjang', `Isi kolom ${COLUMN_TITLES[name]} terlalu panjang (${cell.text.length} karakter, paling banyak ${CELL_CHARS}).`, cell.place, {
          hint: 'Isi sepanjang ini tidak muat di satu halaman: ringkas isinya, atau pecah kegiatan ini menjadi beberapa baris; periksa juga apakah ada teks yang tertempel berulang.',
        });
      }
    }
    if (tooLong) return;

    const expected = i + 1;
    const noText = cells.no.text.replace(/\.$/, '');
    if (noText !== String(expected)) {
      report(file, 'nomor-urut', cells.no.text ? `Nomor baris seharusnya ${expected}, tertulis "${cells.no.text}".` : `Nomor baris belum diisi; seharusnya ${expected}.`, cells.no.place, {
        hint: 'Kolom No berurutan 1, 2, 3, … tanpa loncatan atau pengulangan.',
      });
    }
    if (!cells.kegiatan.text) report(file, 'kegiatan-kosong', 'Uraian kegiatan tidak boleh kosong.', cells.kegiatan.place, { hint: 'Tulis kegiatan dengan kata kerja aktif, mis. "Memeriksa kelengkapan berkas".' });
    if (!cells.output.text) report(file, 'output-kosong', 'Output kegiatan tidak boleh kosong.', cells.output.place, { hint: 'Tulis hasil kegiatan ini, mis. "Disposisi" atau "Dokumen terverifikasi".' });

    drafts.push({
      no: expected,
      cells,
      actor: readActor(file, cells.pelaksana, declared, actors, actorIndex),
      waktu: readWaktu(file, cells.waktu),
      lanjut: readLanjut(file, cells.lanjut),
    });
  });

  if (declared && declared.length === 0) {
    report(file, 'daftar-kosong', 'Daftar `pelaksana` tidak boleh kosong.', declaredPlace, { hint: 'Tulis nama-nama pelaksana, atau hapus `pelaksana:` agar kolom pelaksana disusun dari tabel.' });
  }

  const n = table.rows.length;
  for (const d of drafts) checkTargets(file, d.no, d.lanjut, d.cells.lanjut, n);
  const complete = drafts.length === n && drafts.every((d) => d.actor >= 0 && d.waktu && d.lanjut);
  if (!complete || file.messages.filter((m) => m.fatal).length > before) return { steps: [], headers, pelaksana: actors, cells: [], ok: false };

  const lanjut = drafts.map((d) => d.lanjut!);
  checkFlow(file, lanjut, drafts.map((d) => (d.cells.lanjut.text ? d.cells.lanjut.place : d.cells.no.place)), drafts.map((d) => Boolean(d.cells.lanjut.text)));
  const steps: Step[] = drafts.map((d, i) => ({
    no: d.no,
    kegiatan: d.cells.kegiatan.text,
    actor: d.actor,
    kelengkapan: d.cells.kelengkapan.text,
    waktu: d.waktu!,
    output: d.cells.output.text,
    keterangan: d.cells.keterangan.text,
    lanjut: d.lanjut!,
    symbol: symbolOf(i, d.lanjut!, n),
  }));
  return { steps, headers, pelaksana: actors, cells: drafts.map((d) => d.cells), ok: file.messages.filter((m) => m.fatal).length === before };
}

function mapColumns(file: VFile, table: RawTable): Map<ColumnName, number> | undefined {
  const columns = new Map<ColumnName, number>();
  let ok = true;
  table.header.forEach((cell, index) => {
    const name = columnOf(cell.text);
    if (!cell.text) {
      report(file, 'kolom-tak-dikenal', `Judul kolom ke-${index + 1} kosong.`, cell.place, {
        hint: 'Tulis judul kolomnya (No, Kegiatan, Pelaksana, Kelengkapan, Waktu, Output, Keterangan atau Lanjut), atau hapus kolom itu dari setiap baris.',
      });
      ok = false;
    } else if (!name) {
      const suggestion = closest(cell.text, KNOWN_HEADERS);
      report(file, 'kolom-tak-dikenal', `Kolom "${cell.text}" tidak dikenal.${suggestion ? ` Maksud Anda "${COLUMN_TITLES[columnOf(suggestion)!]}"?` : ''}`, cell.place, {
        hint: 'Kolom yang dikenal: No, Kegiatan (Uraian Prosedur), Pelaksana, Kelengkapan (Persyaratan), Waktu, Output, Keterangan (Ket), Lanjut.',
      });
      ok = false;
    } else if (columns.has(name)) {
      report(file, 'kolom-ganda', `Kolom "${COLUMN_TITLES[name]}" ditulis dua kali.`, cell.place, { hint: 'Hapus salah satu kolom.' });
      ok = false;
    } else {
      columns.set(name, index);
    }
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.has(name) && ok) {
      report(file, 'kolom-wajib', `Tabel prosedur tidak memiliki kolom "${COLUMN_TITLES[name]}".`, table.place, {
        hint: `Tambahkan kolom "${COLUMN_TITLES[name]}" di baris judul tabel (dan selnya di setiap baris).`,
      });
      ok = false;
    }
  }
  return ok ? columns : undefined;
}

/**
 * Each printed column's header as written, spaces collapsed (`URAIAN PROSEDUR`, `Ket`). Only the
 * recognised names reach here (parse/table.ts), so the words are short by construction.
 */
function headersOf(table: RawTable, columns: Map<ColumnName, number>): ColumnHeaders {
  const written = (name: keyof ColumnHeaders) => {
    const index = columns.get(name);
    return index === undefined ? DEFAULT_COLUMN_HEADERS[name] : table.header[index]!.text.replace(/\s+/g, ' ');
  };
  return {
    no: written('no'),
    kegiatan: written('kegiatan'),
    pelaksana: written('pelaksana'),
    kelengkapan: written('kelengkapan'),
    waktu: written('waktu'),
    output: written('output'),
    keterangan: written('keterangan'),
  };
}

function readActor(file: VFile, cell: Cell, declared: string[] | undefined, actors: string[], index: Map<string, number>): number {
  const name = cell.text.replace(/\s+/g, ' ');
  if (!name) {
    report(file, 'pelaksana-kosong', 'Pelaksana kegiatan ini belum diisi.', cell.place, { hint: `Tulis satu pelaksana${declared ? `, salah satu dari: ${declared.join(', ')}` : ''}.` });
    return -1;
  }
  const known = index.get(norm(name));
  if (known !== undefined) return known;
  if (ACTOR_SEPARATORS.test(name)) {
    report(file, 'pelaksana-ganda', `Satu kegiatan hanya boleh memiliki satu pelaksana, tertulis "${name}".`, cell.place, {
      hint: 'Pecah kegiatan ini menjadi beberapa baris, satu per pelaksana.',
    });
    return -1;
  }
  if (declared) {
    const suggestion = closest(name, declared);
    report(file, 'pelaksana-tak-dikenal', `Pelaksana "${name}" tidak ada dalam daftar \`pelaksana\`.${suggestion ? ` Maksud Anda "${suggestion}"?` : ''}`, cell.place, {
      hint: suggestion ? `Ganti menjadi "${suggestion}", atau tambahkan "${name}" ke \`pelaksana\` di frontmatter.` : `Tambahkan "${name}" ke \`pelaksana\` di frontmatter, atau pilih salah satu dari: ${declared.join(', ')}.`,
    });
    return -1;
  }
  if (actors.length >= MAX_ACTORS) {
    report(file, 'pelaksana-terlalu-banyak', `Pelaksana "${name}" adalah pelaksana ke-${actors.length + 1}; bagan alir paling banyak memuat ${MAX_ACTORS} kolom pelaksana.`, cell.place, {
      hint: 'Gabungkan pelaksana yang sejenis (mis. "Staf Bidang"), atau pecah prosedur ini menjadi beberapa SOP.',
    });
    return -1;
  }
  actors.push(name);
  index.set(norm(name), actors.length - 1);
  return actors.length - 1;
}

function readWaktu(file: VFile, cell: Cell): Waktu | undefined {
  const m = WAKTU.exec(cell.text.trim());
  if (!m) {
    report(file, 'waktu-tidak-valid', cell.text ? `Waktu "${cell.text}" tidak dapat dibaca.` : 'Waktu belum diisi.', cell.place, {
      hint: 'Tulis angka lalu satuan: menit, jam, hari, minggu atau bulan, mis. "15 menit", "2 Jam" atau "30 (tiga puluh) menit".',
    });
    return undefined;
  }
  return { value: Number(m[1]!.replace(',', '.')), unit: UNITS[m[2]!.toLowerCase()]!, text: cell.text.trim() };
}

function readLanjut(file: VFile, cell: Cell): Lanjut | undefined {
  const text = cell.text.trim();
  if (!text) return { kind: 'next' };
  if (/^\d+$/.test(text)) return { kind: 'jump', to: Number(text) };
  if (/^selesai\.?$/i.test(text)) return { kind: 'end' };
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  const exits = parts.map(exitOf);
  if (exits.every(Boolean)) {
    if (exits.length !== 2) {
      const comma = exits.length === 1 && /\d\s*,/.test(text);
      report(file, 'keputusan-dua-cabang', `Keputusan harus memiliki tepat dua cabang, tertulis ${exits.length}.`, cell.place, {
        hint: comma
          ? 'Pisahkan kedua cabang dengan titik koma (;), bukan koma, mis. "Ya: 5; Tidak: 3".'
          : 'Tulis dua cabang berlabel dipisah titik koma, mis. "Ya: 5; Tidak: 3". Untuk satu tujuan saja, tulis nomor barisnya (mis. "5").',
      });
      return undefined;
    }
    const [a, b] = exits as [Exit, Exit];
    if (norm(a.label) === norm(b.label)) {
      report(file, 'keputusan-label-sama', `Kedua cabang keputusan berlabel "${a.label}".`, cell.place, { hint: 'Beri label yang berbeda, mis. "Ya" dan "Tidak".' });
      return undefined;
    }
    return { kind: 'decision', exits: [a, b] };
  }
  report(file, 'lanjut-tidak-valid', `Isi kolom Lanjut "${text}" tidak dapat dibaca.`, cell.place, {
    hint: 'Kosongkan untuk lanjut ke baris berikutnya; tulis nomor baris (mis. "5") untuk melompat; "Ya: 5; Tidak: 3" untuk keputusan; atau "selesai".',
  });
  return undefined;
}

interface Exit {
  label: string;
  to: number;
}

/** `Ya: 5` → label and target; split at the last colon (a pattern here backtracks on long runs of spaces). */
function exitOf(part: string): Exit | undefined {
  const colon = part.lastIndexOf(':');
  const label = part.slice(0, colon).trim();
  const to = part.slice(colon + 1).trim();
  return colon > 0 && label && /^\d+$/.test(to) ? { label, to: Number(to) } : undefined;
}

function targetsOf(no: number, lanjut: Lanjut, n: number): number[] {
  switch (lanjut.kind) {
    case 'next':
      return no < n ? [no + 1] : [];
    case 'jump':
      return [lanjut.to];
    case 'decision':
      return lanjut.exits.map((e) => e.to);
    case 'end':
      return [];
  }
}

function checkTargets(file: VFile, no: number, lanjut: Lanjut | undefined, cell: Cell, n: number): void {
  if (!lanjut || lanjut.kind === 'next') return;
  for (const to of targetsOf(no, lanjut, n)) {
    if (to < 1 || to > n) {
      report(file, 'lanjut-target-tidak-ada', `Baris ${to} yang dituju kolom Lanjut tidak ada (tabel berisi ${n} baris).`, cell.place, { hint: `Tulis nomor baris antara 1 dan ${n}.` });
    } else if (to === no) {
      report(file, 'lanjut-ke-diri-sendiri', `Baris ${no} tidak boleh melompat ke dirinya sendiri.`, cell.place, { hint: 'Arahkan ke baris lain, mis. baris sebelumnya yang harus diulang.' });
    }
  }
}

/**
 * Every row must reach an end; rows no path from row 1 reaches are suspicious. Linear in the
 * number of rows and jumps (tables can be long).
 */
function checkFlow(file: VFile, lanjut: Lanjut[], places: Place[], hasLanjut: boolean[]): void {
  const n = lanjut.length;
  const next = lanjut.map((l, i) => targetsOf(i + 1, l, n).map((t) => t - 1));
  const previous: number[][] = Array.from({ length: n }, () => []);
  next.forEach((targets, i) => targets.forEach((t) => previous[t]!.push(i)));
  const search = (starts: number[], edges: number[][]): boolean[] => {
    const seen = new Array<boolean>(n).fill(false);
    const stack = [...starts];
    for (const s of starts) seen[s] = true;
    while (stack.length) {
      for (const t of edges[stack.pop()!]!) {
        if (!seen[t]) {
          seen[t] = true;
          stack.push(t);
        }
      }
    }
    return seen;
  };
  const ends = lanjut.flatMap((l, i) => (l.kind === 'end' || (i === n - 1 && l.kind === 'next') ? [i] : []));
  const reachesEnd = search(ends, previous);
  const reached = search([0], next);

  // A loop with no way out: one message for all its rows, at the jump that closes it (the last
  // such row that has a Lanjut), since that is usually what to change.
  const stuck = [...Array(n).keys()].filter((i) => !reachesEnd[i]);
  if (stuck.length) {
    const at = [...stuck].reverse().find((i) => hasLanjut[i]) ?? stuck[stuck.length - 1]!;
    const rows = stuck.length > 12 ? `${stuck.slice(0, 12).map((i) => i + 1).join(', ')}, …` : stuck.map((i) => i + 1).join(', ');
    report(file, 'alur-tanpa-akhir', stuck.length === 1
      ? `Alur dari baris ${stuck[0]! + 1} berputar terus dan tidak pernah sampai ke akhir.`
      : `Alur dari baris ${rows} berputar terus dan tidak pernah sampai ke akhir.`, places[at], {
      hint: 'Pastikan setiap putaran memiliki jalan keluar: sebuah keputusan dengan satu cabang ke baris berikutnya (mis. "Ya: 4; Tidak: 2"), atau "selesai".',
    });
  }
  for (let i = 0; i < n; i++) {
    if (reachesEnd[i] && !reached[i]) {
      report(file, 'alur-tak-terjangkau', `Baris ${i + 1} tidak pernah dicapai dari baris 1.`, places[i], {
        hint: 'Periksa kolom Lanjut baris sebelumnya: mungkin ada lompatan yang melewati baris ini.',
      });
    }
  }
}

function symbolOf(index: number, lanjut: Lanjut, n: number): StepSymbol {
  if (lanjut.kind === 'decision') return 'decision';
  if (index === 0 || lanjut.kind === 'end' || (index === n - 1 && lanjut.kind === 'next')) return 'terminator';
  return 'process';
}
