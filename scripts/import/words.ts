// The office's words: identity labels whatever their wording, dates as printed, lists however
// they were typed, the signature block, and the office's name. Pure string work.
import type { IdentityLabelKey } from '../model/sop.ts';
import type { Para } from './document.ts';

/** Lower case, one space, no colon at the ends: how labels are compared. */
export const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s:]+|[\s:.]+$/g, '').trim();

export type ListKey = 'dasar_hukum' | 'kualifikasi_pelaksana' | 'keterkaitan' | 'peralatan_perlengkapan' | 'peringatan' | 'pencatatan_pendataan';
export type ScalarKey = 'nomor' | 'tanggal_pembuatan' | 'tanggal_revisi' | 'tanggal_efektif' | 'disahkan_oleh' | 'nama';
export const LIST_KEYS: readonly ListKey[] = ['dasar_hukum', 'kualifikasi_pelaksana', 'keterkaitan', 'peralatan_perlengkapan', 'peringatan', 'pencatatan_pendataan'];

/** Identity labels, and the unit the SOP belongs to ("Unit Kerja", "Bidang"), which has no label of its own in print. */
export type LabelKey = IdentityLabelKey | 'unit';

const LABELS: [LabelKey, RegExp][] = [
  ['nomor', /^(nomor|no\.?)\s*(sop|standar operasional prosedur)\b/],
  ['tanggal_pembuatan', /^(tanggal|tgl\.?)\s*(pembuatan|penyusunan|dibuat)\b/],
  ['tanggal_revisi', /^(tanggal|tgl\.?)\s*revisi\b/],
  ['tanggal_efektif', /^(tanggal|tgl\.?)\s*(efektif|pengesahan|berlaku|penetapan|disahkan)\b/],
  ['disahkan_oleh', /^(disahkan|ditetapkan)\s*oleh\b/],
  ['nama', /^(nama|judul)\s*(sop|standar operasional prosedur|prosedur)\b/],
  ['unit', /^(unit kerja|unit|bidang|bagian|sub ?bagian)\s*:?$|^(unit kerja|unit)\s*:/],
  ['dasar_hukum', /^dasar hukum\b/],
  ['kualifikasi_pelaksana', /^kualifikasi pelaksana\b/],
  ['keterkaitan', /^(keterkaitan|sop terkait|keterkaitan dengan sop lain)\b/],
  ['peralatan_perlengkapan', /^(peralatan|perlengkapan)\b/],
  ['peringatan', /^peringatan\b/],
  ['pencatatan_pendataan', /^pencatatan\b/],
];

/** The identity label a text starts with: its key, the label as written, and what follows it. */
export function matchLabel(text: string): { key: LabelKey; label: string; rest: string } | undefined {
  const first = text.split('\n')[0]!.trim();
  const n = first.toLowerCase().replace(/\s+/g, ' ');
  for (const [key, re] of LABELS) {
    const m = re.exec(n);
    if (!m) continue;
    // For list labels the whole first line is the label ("Peralatan/Perlengkapan"); for the
    // others, the label ends at a colon when there is one.
    const colon = first.indexOf(':');
    const listy = (LIST_KEYS as readonly string[]).includes(key);
    const labelEnd = colon >= 0 && colon >= m[0].length - 1 ? colon : listy ? first.length : m[0].length;
    const label = first.slice(0, labelEnd).replace(/\s+/g, ' ').trim();
    const rest = [first.slice(labelEnd).replace(/^\s*:\s*/, ''), ...text.split('\n').slice(1)].join('\n').trim();
    return { key, label, rest };
  }
  return undefined;
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, pebruari: 2, feb: 2, maret: 3, mar: 3, april: 4, apr: 4, mei: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10,
  november: 11, nov: 11, nopember: 11, desember: 12, des: 12, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');
const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A date as offices print it: `8 MEI 2024`, `01 Januari 2023`, `…… Maret 2021` (the day left
 * for the signing: month precision), `08/05/2024`, `2024-05-08`. Blank or `-`: none.
 */
export function parseDate(text: string): { value: string | null; ok: boolean } {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || /^[-–—.…_\s]*$/.test(t)) return { value: null, ok: true };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m && valid(+m[1]!, +m[2]!, +m[3]!)) return { value: `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`, ok: true };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m && valid(+m[3]!, +m[2]!, +m[1]!)) return { value: `${m[3]}-${pad(+m[2]!)}-${pad(+m[1]!)}`, ok: true };
  m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/i.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month && valid(+m[3]!, month, +m[1]!)) return { value: `${m[3]}-${pad(month)}-${pad(+m[1]!)}`, ok: true };
  }
  m = /^[.…_\s-]*([a-z]+)\.?\s+(\d{4})$/i.exec(t);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) return { value: `${m[2]}-${pad(month)}`, ok: true };
  }
  return { value: null, ok: false };
}

/** Items of a list however it was typed: Word numbering, `1.` prefixes, line breaks, all in one line. */
export function listItems(paras: readonly Para[]): string[] {
  const lines = paras.flatMap((p) => p.text.split('\n'));
  let items = lines.map((l) => l.trim()).filter(Boolean);
  // "1. a 2. b 3. c" typed in one line: split where the next number follows.
  if (items.length === 1 && /^1\s*[.)]/.test(items[0]!)) items = splitInline(items[0]!);
  return items
    .map((i) => i.replace(/^(\d{1,2}|[a-z])\s*[.)]\s*/i, '').replace(/^[-•●▪·]\s*/, '').trim())
    .filter((i) => i && !/^[-–.…]+$/.test(i));
}

function splitInline(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let n = 2; ; n++) {
    const re = new RegExp(`(?:^|[\\s.;,a-z)])(${n}\\s*[.)]\\s*)(?=[A-Z])`, 'g');
    re.lastIndex = start + 2;
    const m = re.exec(text);
    if (!m) break;
    const at = m.index + m[0].length - m[1]!.length;
    out.push(text.slice(start, at));
    start = at;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}

export interface Signer {
  jabatan?: string;
  nama: string | null;
  pangkat?: string;
  nip?: string;
  elektronik: boolean;
  /** The name line was dots or missing: written by hand at signing. */
  byHand: boolean;
}

const PANGKAT = /^(pembina|penata|pengatur|juru)\b|\b(I{1,3}|IV)\s*[/.]\s*[a-e]\b/i;
const DOTS = /^[.…_\s]+$/;

/** The signature block under the table, line by line: jabatan, (space), name, pangkat, NIP. */
export function parseSignature(lines: readonly string[]): Signer | undefined {
  const all = lines.map((l) => l.replace(/\s+/g, ' ').trim());
  const elektronik = all.some((l) => /secara elektronik/i.test(l));
  const kept = all.filter((l) => !/secara elektronik|^(a\.n\.|an\.|u\.b\.|ub\.)$/i.test(l) && !/^(tanda tangan|ttd\.?|cap)$/i.test(l));
  while (kept[0] === '') kept.shift();
  while (kept.at(-1) === '') kept.pop();
  const nipAt = kept.findIndex((l) => /^NIP\b/i.test(l));
  const nip = nipAt >= 0 ? kept[nipAt]!.replace(/^NIP\.?\s*:?\s*/i, '').trim() : undefined;
  const pangkatAt = kept.findIndex((l, i) => (nipAt < 0 || i < nipAt) && PANGKAT.test(l) && i > 0);
  const end = [pangkatAt, nipAt].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? kept.length;
  const head = kept.slice(0, end);
  // The name is the last line before the pangkat/NIP; blank lines (the signature's room) separate it from the jabatan.
  const lastBlank = head.lastIndexOf('');
  const nameLine = [...head].reverse().find((l) => l !== '');
  const jabatanLines = (lastBlank > 0 ? head.slice(0, lastBlank) : head.slice(0, -1)).filter(Boolean);
  if (!nameLine && !jabatanLines.length) return undefined;
  const byHand = !nameLine || DOTS.test(nameLine) || (lastBlank === head.length - 1 && jabatanLines.length > 0);
  const signer: Signer = { nama: byHand ? null : nameLine!, elektronik, byHand };
  const jabatan = (byHand ? head.filter((l) => l && !DOTS.test(l)) : jabatanLines).join(' ').trim();
  if (jabatan) signer.jabatan = jabatan;
  if (pangkatAt >= 0) signer.pangkat = kept[pangkatAt];
  if (nip && /\d{6}/.test(nip)) signer.nip = nip;
  return signer;
}

const SMALL = new Set(['dan', 'di', 'ke', 'dari', 'untuk', 'yang', 'atau', 'serta', 'pada']);

/** "DINAS KOMUNIKASI DAN INFORMATIKA" → "Dinas Komunikasi dan Informatika"; mixed case is kept. */
export function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w) ? w : w.replace(/^(\p{L})/u, (c) => c.toUpperCase())))
    .join(' ')
    .replace(/([,(/-])(\p{Ll})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

export interface Office {
  pemerintah?: string;
  nama?: string;
  alamat?: string;
}

const REGION = /\b(KABUPATEN|KOTA|PROVINSI)\b/i;
const UNIT = /^(DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN POLISI|RUMAH SAKIT|KECAMATAN|KELURAHAN|BAGIAN|BIRO|UPTD|PUSKESMAS)\b/i;

/** The office named in a header block: pemerintah, nama, alamat. */
export function readOffice(lines: readonly string[]): Office {
  const office: Office = {};
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (/^(jl\.?|jln\.?|jalan)\s|kode pos|telp\.?|telepon/i.test(line)) {
      office.alamat ??= line;
      continue;
    }
    if (/^pemerintah\b/i.test(line)) {
      office.pemerintah ??= titleCase(line);
      continue;
    }
    if (UNIT.test(line)) {
      // "DINAS … KABUPATEN BALANGAN": the region at the end is the pemerintah.
      const m = /^(.*?)[,\s]+((KABUPATEN|KOTA|PROVINSI)\s.+)$/i.exec(line);
      if (m && !/^(DINAS|BADAN)\s+(KABUPATEN|KOTA|PROVINSI)/i.test(line)) {
        office.nama ??= titleCase(m[1]!);
        office.pemerintah ??= `Pemerintah ${titleCase(m[2]!)}`;
      } else office.nama ??= titleCase(line);
      continue;
    }
    if (REGION.test(line) && /^(KABUPATEN|KOTA|PROVINSI)\b/i.test(line)) office.pemerintah ??= `Pemerintah ${titleCase(line)}`;
  }
  return office;
}
