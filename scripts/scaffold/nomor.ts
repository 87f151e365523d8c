// The next free SOP number of an instansi, in the pattern its SOPs already use.
// Pure: the existing numbers and the year come in, the proposal goes out.

/** A number split around its running serial: `004/SOP/Diskominfo/BLG/2023` → `{serial: '004', …}`. */
interface Parsed {
  before: string;
  serial: string;
  middle: string;
  /** A trailing year (19xx/20xx), replaced by the current one. */
  year?: string;
  after: string;
}

const YEAR = /^(19|20)\d\d$/;

function parse(nomor: string): Parsed | undefined {
  const tokens = [...nomor.matchAll(/\d+/g)];
  if (!tokens.length) return undefined;
  // The year is the last 4-digit 19xx/20xx group, if any; the serial is the last other
  // number group written with a leading zero, else the last other number group.
  const yearAt = [...tokens].reverse().find((t) => YEAR.test(t[0]));
  const others = tokens.filter((t) => t !== yearAt);
  const serialAt = [...others].reverse().find((t) => t[0].length > 1 && t[0].startsWith('0')) ?? others.at(-1);
  if (!serialAt) return undefined;
  const s = serialAt.index;
  if (!yearAt) return { before: nomor.slice(0, s), serial: serialAt[0], middle: '', after: nomor.slice(s + serialAt[0].length) };
  const y = yearAt.index;
  if (y < s) return { before: nomor.slice(0, s), serial: serialAt[0], middle: '', after: nomor.slice(s + serialAt[0].length) };
  return { before: nomor.slice(0, s), serial: serialAt[0], middle: nomor.slice(s + serialAt[0].length, y), year: yearAt[0], after: nomor.slice(y + 4) };
}

const shape = (p: Parsed) => `${p.before}#${p.middle}${p.year ? '#' : ''}${p.after}`;

/**
 * The number for a new SOP: the pattern of the most common shape among `existing` (the
 * instansi's numbers), with the serial one above the highest in that shape, padded like it, and
 * its year set to `year`. Without any number to follow: `001/SOP/<code>/<year>`.
 */
export function nextNomor(existing: readonly string[], code: string, year: number): string {
  const parsed = existing.map(parse).filter((p): p is Parsed => p !== undefined);
  if (!parsed.length) return `001/SOP/${code}/${year}`;
  const counts = new Map<string, number>();
  for (const p of parsed) counts.set(shape(p), (counts.get(shape(p)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const same = parsed.filter((p) => shape(p) === best);
  const highest = Math.max(...same.map((p) => Number(p.serial)));
  const width = Math.max(...same.map((p) => (p.serial.startsWith('0') ? p.serial.length : 1)));
  const taken = new Set(existing);
  const model = same[0]!;
  for (let n = highest + 1; ; n++) {
    const candidate = `${model.before}${String(n).padStart(width, '0')}${model.middle}${model.year ? String(year) : ''}${model.after}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The placeholders of a numbering pattern: `{nomor}` is required, the others optional. */
export const POLA_FIELDS = ['nomor', 'singkatan', 'tahun'] as const;
export const DEFAULT_POLA = '{nomor}/SOP/{singkatan}/{tahun}';

/** What is wrong with a numbering pattern, in Indonesian; undefined when it can be used. */
export function polaProblem(pola: string): string | undefined {
  if (!pola.includes('{nomor}')) return `Pola nomor "${pola}" tidak memuat {nomor} (nomor urut SOP).`;
  const unknown = [...pola.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).find((f) => !(POLA_FIELDS as readonly string[]).includes(f));
  if (unknown !== undefined) return `Pola nomor "${pola}" memuat {${unknown}}, yang tidak dikenal; yang dikenal: {nomor}, {singkatan}, {tahun}.`;
  return undefined;
}

/** `500.16/{nomor}/SOP/{singkatan}/{tahun}` → `500.16/001/SOP/DPMPTSP/2026`. */
export function nomorFromPola(pola: string, values: { nomor: number; singkatan: string; tahun: number }): string {
  return pola.replaceAll('{nomor}', String(values.nomor).padStart(3, '0')).replaceAll('{singkatan}', values.singkatan).replaceAll('{tahun}', String(values.tahun));
}
