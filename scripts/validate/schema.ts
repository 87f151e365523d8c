// JSON Schema validation (ajv) of frontmatter and instansi.yml, with every ajv error turned
// into a positioned, Indonesian diagnostic that says what to write instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { loadPackage, once } from '../kit/lazy.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { closest } from '../diagnostics/suggest.ts';
import { isRealDate } from './rules.ts';

const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const loadSchema = (name: string) => JSON.parse(readFileSync(schemaDir + name, 'utf8')) as Record<string, unknown>;

export interface SchemaIssue {
  /** JSON pointer of the offending value (or of the parent, for a missing key). */
  pointer: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
  ruleId: RuleId;
  message: string;
  hint?: string;
  /** For a missing required key: its name. */
  missing?: string;
  /** For an unknown key: the known key it is probably a misspelling of. */
  suggestion?: string;
}

export const SCHEMA_FILES: Record<Kind, string> = { sop: 'sop.schema.json', instansi: 'instansi.schema.json', monev: 'monev.schema.json' };

// The validators ajv generated from schemas/ (schema-code.ts), loaded when a file of that kind is
// validated: loading ajv (~40 ms) and compiling the SOP schema (~35–60 ms) would cost a check
// that re-validates one SOP more than the rest of its work. By way of validate/: in the installed
// bundle this code may sit in dist/chunks/ (scripts/package/bundle.js).
const generated = once(() =>
  loadPackage<Record<Kind, ValidateFunction>>(fileURLToPath(new URL(`../validate/schema-validators.generated${path.extname(import.meta.url)}`, import.meta.url))),
);

const validators = new Map<Kind, { validate: ValidateFunction; schema: Record<string, unknown> }>();

function validatorOf(kind: Kind): { validate: ValidateFunction; schema: Record<string, unknown> } {
  let v = validators.get(kind);
  if (!v) validators.set(kind, (v = { validate: generated()[kind], schema: loadSchema(SCHEMA_FILES[kind]) }));
  return v;
}

export function validateSopData(data: unknown): SchemaIssue[] {
  return issues(validatorOf('sop'), data, 'sop');
}

export function validateInstansiData(data: unknown): SchemaIssue[] {
  return issues(validatorOf('instansi'), data, 'instansi');
}

/** A monitoring and evaluation results file (`content/<instansi>/monev/<tahun>-<semester>.yml`). */
export function validateMonevData(data: unknown): SchemaIssue[] {
  return issues(validatorOf('monev'), data, 'monev');
}

function issues({ validate, schema }: { validate: ValidateFunction; schema: Record<string, unknown> }, data: unknown, kind: Kind): SchemaIssue[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const err of validate.errors ?? []) {
    const issue = describe(err, schema, data, kind);
    if (!issue) continue;
    const key = `${issue.pointer}|${issue.ruleId}|${issue.missing ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  // A misspelled required key is one mistake: "did you mean `eksternal`?" says it all, so the
  // "`eksternal` is required" at the same place goes.
  const misspelt = new Set(out.flatMap((i) => (i.suggestion ? [`${parentOf(i.pointer)}|${i.suggestion}`] : [])));
  return out.filter((i) => !(i.missing && misspelt.has(`${i.pointer}|${i.missing}`)));
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** Key name for messages: `/disahkan_oleh/nip` → `disahkan_oleh.nip`. */
export function keyName(pointer: string): string {
  return pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/**
 * A key as an officer reads it, with backticks: `nomor`, `disahkan_oleh.nip`,
 * butir ke-2 `pelaksana`, `tanggal` pada butir ke-1 `riwayat`.
 */
export function labelOf(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.findLastIndex((p) => /^\d+$/.test(p));
  if (last === -1) return `\`${parts.join('.') || 'frontmatter'}\``;
  const list = `\`${parts.slice(0, last).filter((p) => !/^\d+$/.test(p)).join('.')}\``;
  const item = `butir ke-${Number(parts[last]) + 1} ${list}`;
  const rest = parts.slice(last + 1).join('.');
  return rest ? `\`${rest}\` pada ${item}` : item;
}

function propertiesAt(schema: Record<string, unknown>, schemaPath: string): string[] {
  // schemaPath like `#/properties/disahkan_oleh/additionalProperties` or `instansi.schema.json#/$defs/penandatangan/additionalProperties`.
  const path = schemaPath.split('#')[1] ?? '';
  const parts = path.split('/').filter(Boolean).slice(0, -1);
  let node: unknown = schemaPath.startsWith('#') ? schema : validatorOf('instansi').schema;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'teks',
  array: 'daftar (setiap butir diawali `- `)',
  object: 'kumpulan `kunci: nilai`',
  integer: 'bilangan bulat',
  number: 'angka',
  boolean: '`true` atau `false`',
  null: 'kosong (`null`)',
};

/** Which file is being checked, for hints that name it. */
export type Kind = 'sop' | 'instansi' | 'monev';
const WHERE: Record<Kind, { place: string; schema: string }> = {
  monev: { place: 'di berkas hasil monitoring', schema: 'docs/panduan.md bagian "Monitoring dan evaluasi"' },
  sop: { place: 'di frontmatter (di antara kedua baris `---`)', schema: 'docs/panduan.md bagian 4.1' },
  instansi: { place: 'di instansi.yml', schema: 'docs/panduan.md bagian 3.2' },
};

function describe(err: ErrorObject, schema: Record<string, unknown>, data: unknown, kind: Kind): SchemaIssue | undefined {
  const at = err.instancePath;
  const name = keyName(at);
  const label = labelOf(at);
  switch (err.keyword) {
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      return {
        pointer: at,
        atKey: true,
        ruleId: 'wajib-diisi',
        missing,
        message: missing === 'tanggal_efektif' && !name
          ? 'Kunci `tanggal_efektif` wajib diisi untuk SOP yang berlaku (status selain draf).'
          : name ? `Kunci \`${missing}\` wajib diisi pada ${label}.` : `Kunci \`${missing}\` wajib diisi.`,
        hint: missing === 'disahkan_oleh'
          ? 'Tulis `disahkan_oleh:` (jabatan, nama, pangkat, nip) di frontmatter SOP ini atau sekali saja di instansi.yml.'
          : missing === 'tanggal_efektif' && !name
            ? 'Tambahkan `tanggal_efektif: TAHUN-BULAN-HARI` (tanggal SOP disahkan), atau tulis `status: draf` bila SOP belum disahkan.'
            : `Tambahkan \`${missing}:\` beserta isinya${name ? ` di bawah ${label}` : ` ${WHERE[kind].place}`}.`,
      };
    }
    case 'additionalProperties': {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      const suggestion = closest(extra, propertiesAt(schema, err.schemaPath));
      return {
        pointer: `${at}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        atKey: true,
        ruleId: 'kunci-tak-dikenal',
        message: `Kunci \`${extra}\` tidak dikenal.${suggestion ? ` Maksud Anda \`${suggestion}\`?` : ''}`,
        hint: suggestion ? `Ganti \`${extra}\` menjadi \`${suggestion}\`.` : `Hapus kunci ini atau periksa ejaannya; daftar kunci yang dikenal ada di ${WHERE[kind].schema}.`,
        ...(suggestion ? { suggestion } : {}),
      };
    }
    case 'type': {
      if (valueAt(data, at) === null) return emptyValue(at, String((err.params as { type: string }).type), isRequired(schema, at));
      const expected = String((err.params as { type: string }).type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' atau ');
      const value = valueAt(data, at);
      const hint = expected.startsWith('teks') && (typeof value === 'number' || typeof value === 'boolean')
        ? 'Beri tanda kutip agar dibaca sebagai teks, mis. `"001/SOP/2024"`.'
        : expected.startsWith('teks')
          ? /\/\d+$/.test(at)
            ? 'Tulis butir ini sebagai teks biasa setelah `- `; beri tanda kutip bila teksnya diawali `[` atau `{`.'
            : 'Tulis nilainya sebagai teks pada baris yang sama, setelah tanda titik dua.'
          : expected.startsWith('daftar')
            ? `Tulis setiap butir ${label} di baris sendiri, diawali \`- \`.`
            : expected.startsWith('kumpulan')
              ? 'Tulis isinya di baris-baris berikutnya, masing-masing `kunci: nilai` menjorok dua spasi (mis. `  jabatan: …` dan `  nama: …`).'
              : expected.includes('true')
                ? 'Tulis `true` (ya) atau `false` (tidak), tanpa tanda kutip.'
                : 'Lihat contoh penulisan kunci ini di schemas/ atau di SOP contoh di content/.';
      return { pointer: at, atKey: false, ruleId: 'tipe-salah', message: `Nilai ${label} harus berupa ${expected}.`, hint };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = valueAt(data, at);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        pointer: at,
        atKey: false,
        ruleId: 'nilai-tak-dikenal',
        message: `Nilai ${label} harus salah satu dari: ${allowed.join(', ')}.${suggestion ? ` Maksud Anda \`${suggestion}\`?` : ''}`,
        hint: suggestion ? `Ganti menjadi \`${name}: ${suggestion}\`.` : `Tulis salah satu nilai itu persis seperti di atas, mis. \`${name}: ${allowed[0] ?? ''}\`.`,
      };
    }
    case 'format': {
      const iso = isoFromDayFirst(valueAt(data, at));
      return {
        pointer: at,
        atKey: false,
        ruleId: 'tanggal-tidak-valid',
        message: `Tanggal ${label} tidak valid atau tidak ada di kalender.`,
        hint: iso
          ? `Tulis tanggal sebagai TAHUN-BULAN-HARI: \`${name}: ${iso}\`.`
          : 'Tulis tanggal sebagai TAHUN-BULAN-HARI, mis. `2024-05-08`, dan pastikan tanggalnya ada (mis. tidak ada 30 Februari).',
      };
    }
    case 'minItems':
      return { pointer: at, atKey: true, ruleId: 'daftar-kosong', message: `Daftar ${label} tidak boleh kosong.`, hint: `Isi minimal satu butir ${label}, diawali \`- \`.` };
    case 'minLength':
      return emptyText(at, isRequired(schema, at));
    case 'maxLength': {
      const limit = (err.params as { limit: number }).limit;
      return limit === 1
        ? { pointer: at, atKey: false, ruleId: 'teks-terlalu-panjang', message: `Nilai ${label} harus tepat satu karakter.`, hint: `Tulis satu karakter saja, mis. \`"#"\`.` }
        : {
          pointer: at,
          atKey: false,
          ruleId: 'teks-terlalu-panjang',
          message: `Nilai ${label} terlalu panjang (${lengthAt(data, at)} karakter, paling banyak ${limit}).`,
          hint: `Nilai ini dicetak di halaman SOP dan harus muat di kertas: persingkat menjadi paling banyak ${limit} karakter.`,
        };
    }
    case 'maxItems': {
      const limit = (err.params as { limit: number }).limit;
      const items = valueAt(data, at) as unknown[];
      return {
        pointer: `${at}/${limit}`,
        atKey: false,
        ruleId: 'daftar-terlalu-panjang',
        message: `Daftar ${label} terlalu panjang (${items.length} butir, paling banyak ${limit}).`,
        hint: name === 'pelaksana'
          ? 'Bagan alir memuat paling banyak 12 kolom pelaksana: gabungkan pelaksana yang sejenis, atau pecah prosedur ini menjadi beberapa SOP.'
          : 'Daftar sepanjang ini sukar dibaca di halaman identitas: gabungkan atau ringkas butir-butirnya.',
      };
    }
    case 'uniqueItems': {
      // ajv: "items ## j and i are identical"; point at the later one, the repetition.
      const { i, j } = err.params as { i: number; j: number };
      const later = Math.max(i, j);
      const item = valueAt(data, `${at}/${later}`);
      return {
        pointer: `${at}/${later}`,
        atKey: false,
        ruleId: 'butir-ganda',
        message: `Butir "${String(item)}" ditulis dua kali di daftar ${label}.`,
        hint: 'Hapus salah satunya: setiap butir cukup ditulis sekali.',
      };
    }
    case 'pattern': {
      const pattern = (err.params as { pattern: string }).pattern;
      if (pattern === '\\S') return emptyText(at, isRequired(schema, at));
      if (/(^|\.)tanggal/.test(name)) return describe({ ...err, keyword: 'format' }, schema, data, kind);
      return name.endsWith('nip')
        ? { pointer: at, atKey: false, ruleId: 'nip-tidak-valid', message: 'NIP hanya boleh berisi angka (dan spasi).', hint: 'NIP terdiri atas 18 angka, mis. `"19681117 199703 1 003"`.' }
        : { pointer: at, atKey: false, ruleId: 'format-salah', message: `Nilai ${label} tidak sesuai format yang diminta.`, hint: 'Lihat contoh penulisan kunci ini di schemas/ atau di SOP contoh di content/.' };
    }
    case 'if':
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return undefined; // The branch errors that explain it are reported on their own.
    default:
      return { pointer: at, atKey: false, ruleId: 'skema', message: `Nilai ${label} tidak valid (${err.message ?? err.keyword}).`, hint: 'Lihat contoh penulisan kunci ini di schemas/ atau di SOP contoh di content/.' };
  }
}

/** A top-level key the schema requires (its hint must not suggest deleting the line). */
function isRequired(schema: Record<string, unknown>, at: string): boolean {
  const parts = at.split('/').filter(Boolean);
  return parts.length === 1 && Array.isArray(schema.required) && schema.required.includes(parts[0]);
}

const fillHint = (label: string, required: boolean) =>
  required ? `Tulis isi ${label} setelah tanda titik dua; kunci ini wajib diisi.` : `Tulis isi ${label} setelah tanda titik dua, atau hapus barisnya bila tidak diperlukan.`;

function emptyText(at: string, required: boolean): SchemaIssue {
  const label = labelOf(at);
  return { pointer: at, atKey: false, ruleId: 'teks-kosong', message: `Nilai ${label} tidak boleh kosong.`, hint: fillHint(label, required) };
}

/** `kunci:` with nothing after it (YAML null) where a value is required. */
function emptyValue(at: string, types: string, required: boolean): SchemaIssue {
  const name = keyName(at);
  const label = labelOf(at);
  if (name === 'tanggal_efektif') {
    return {
      pointer: at,
      atKey: false,
      ruleId: 'wajib-diisi',
      message: '`tanggal_efektif` wajib diisi untuk SOP yang berlaku (status selain draf).',
      hint: 'Tulis tanggal SOP disahkan, mis. `tanggal_efektif: 2024-05-08`, atau tulis `status: draf` bila SOP belum disahkan.',
    };
  }
  if (types.includes('array')) {
    return { pointer: at, atKey: true, ruleId: 'daftar-kosong', message: `Daftar ${label} belum berisi butir.`, hint: `Tulis butir-butirnya di bawah \`${name}:\`, masing-masing di baris sendiri diawali dua spasi dan \`- \`.` };
  }
  if (types.includes('object')) {
    return {
      pointer: at,
      atKey: true,
      ruleId: 'wajib-diisi',
      message: `${label} ditulis tetapi belum diisi.`,
      hint: name === 'disahkan_oleh'
        ? 'Tulis `jabatan:` dan `nama:` di bawahnya (menjorok dua spasi), atau hapus baris ini agar memakai `disahkan_oleh` dari instansi.yml.'
        : `Tulis isinya di bawah \`${name}:\` (menjorok dua spasi), atau hapus baris ini.`,
    };
  }
  return { pointer: at, atKey: true, ruleId: 'teks-kosong', message: `Nilai ${label} belum diisi.`, hint: fillHint(label, required) };
}

function lengthAt(data: unknown, pointer: string): number {
  const value = valueAt(data, pointer);
  return typeof value === 'string' ? value.length : 0;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** `08/05/2024`, `8-5-2024`, `08.05.2024` (day first, as Indonesian letters write it) → `2024-05-08`. */
export function isoFromDayFirst(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value) : null;
  if (!m || !isRealDate(Number(m[3]), Number(m[2]), Number(m[1]))) return undefined;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
