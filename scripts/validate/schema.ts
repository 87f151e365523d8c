// JSON Schema validation (ajv) of frontmatter and instansi.yml, with every ajv error turned
// into a positioned, Indonesian diagnostic that says what to write instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { closest } from '../diagnostics/suggest.ts';

const schemaDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const loadSchema = (name: string) => JSON.parse(readFileSync(schemaDir + name, 'utf8')) as Record<string, unknown>;

export interface SchemaIssue {
  /** JSON pointer of the offending value (or of the parent, for a missing key). */
  pointer: string;
  /** Point at the key rather than the value (unknown keys). */
  atKey: boolean;
  ruleId: string;
  message: string;
  hint?: string;
}

interface Validators {
  sop: ValidateFunction;
  instansi: ValidateFunction;
  sopSchema: Record<string, unknown>;
  instansiSchema: Record<string, unknown>;
}

let validators: Validators | undefined;

function compile(): Validators {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv, ['date']);
  const instansiSchema = loadSchema('instansi.schema.json');
  const sopSchema = loadSchema('sop.schema.json');
  ajv.addSchema(instansiSchema, 'instansi.schema.json');
  ajv.addSchema(sopSchema, 'sop.schema.json');
  return {
    sop: ajv.getSchema('sop.schema.json')!,
    instansi: ajv.getSchema('instansi.schema.json')!,
    sopSchema,
    instansiSchema,
  };
}

export function validateSopData(data: unknown): SchemaIssue[] {
  validators ??= compile();
  return issues(validators.sop, validators.sopSchema, data);
}

export function validateInstansiData(data: unknown): SchemaIssue[] {
  validators ??= compile();
  return issues(validators.instansi, validators.instansiSchema, data);
}

function issues(validate: ValidateFunction, schema: Record<string, unknown>, data: unknown): SchemaIssue[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const err of validate.errors ?? []) {
    const issue = describe(err, schema, data);
    if (!issue) continue;
    const key = `${issue.pointer}|${issue.ruleId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** Key name for messages: `/disahkan_oleh/nip` → `disahkan_oleh.nip`. */
export function keyName(pointer: string): string {
  return pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function propertiesAt(schema: Record<string, unknown>, schemaPath: string): string[] {
  // schemaPath like `#/properties/disahkan_oleh/additionalProperties` or `instansi.schema.json#/$defs/penandatangan/additionalProperties`.
  const path = schemaPath.split('#')[1] ?? '';
  const parts = path.split('/').filter(Boolean).slice(0, -1);
  let node: unknown = schemaPath.startsWith('#') ? schema : (validators?.instansiSchema ?? schema);
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

function describe(err: ErrorObject, schema: Record<string, unknown>, data: unknown): SchemaIssue | undefined {
  const at = err.instancePath;
  const name = keyName(at);
  switch (err.keyword) {
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      const full = name ? `${name}.${missing}` : missing;
      return {
        pointer: at,
        atKey: true,
        ruleId: 'wajib-diisi',
        message: `Kunci \`${full}\` wajib diisi.`,
        hint: missing === 'disahkan_oleh'
          ? 'Tulis `disahkan_oleh:` (jabatan, nama, pangkat, nip) di frontmatter SOP ini atau sekali saja di instansi.yml.'
          : `Tambahkan \`${missing}:\` beserta isinya${name ? ` di bawah \`${name}\`` : ' di frontmatter'}.`,
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
        hint: suggestion ? `Ganti \`${extra}\` menjadi \`${suggestion}\`.` : 'Hapus kunci ini atau periksa ejaannya; daftar kunci ada di schemas/sop.schema.json.',
      };
    }
    case 'type': {
      const expected = String((err.params as { type: string }).type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' atau ');
      const value = valueAt(data, at);
      const hint = expected.startsWith('teks') && typeof value === 'number'
        ? 'Beri tanda kutip agar dibaca sebagai teks, mis. `"001/SOP/2024"`.'
        : expected.startsWith('daftar')
          ? `Tulis setiap butir \`${name}\` di baris sendiri, diawali \`- \`.`
          : undefined;
      return { pointer: at, atKey: false, ruleId: 'tipe-salah', message: `Nilai \`${name}\` harus berupa ${expected}.`, ...(hint ? { hint } : {}) };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = valueAt(data, at);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        pointer: at,
        atKey: false,
        ruleId: 'nilai-tak-dikenal',
        message: `Nilai \`${name}\` harus salah satu dari: ${allowed.join(', ')}.${suggestion ? ` Maksud Anda \`${suggestion}\`?` : ''}`,
      };
    }
    case 'format':
      return {
        pointer: at,
        atKey: false,
        ruleId: 'tanggal-tidak-valid',
        message: `Tanggal \`${name}\` tidak valid atau tidak ada di kalender.`,
        hint: 'Tulis tanggal sebagai TAHUN-BULAN-HARI, mis. `2024-05-08`, dan pastikan tanggalnya ada (mis. tidak ada 30 Februari).',
      };
    case 'minItems':
      return { pointer: at, atKey: true, ruleId: 'daftar-kosong', message: `Daftar \`${name}\` tidak boleh kosong.`, hint: `Isi minimal satu butir \`${name}\`, diawali \`- \`.` };
    case 'minLength':
      return { pointer: at, atKey: false, ruleId: 'teks-kosong', message: `Nilai \`${name}\` tidak boleh kosong.` };
    case 'pattern': {
      const pattern = (err.params as { pattern: string }).pattern;
      if (pattern === '\\S') return { pointer: at, atKey: false, ruleId: 'teks-kosong', message: `Nilai \`${name}\` tidak boleh kosong.` };
      if (/(^|\.)tanggal/.test(name)) return describe({ ...err, keyword: 'format' }, schema, data);
      return name.endsWith('nip')
        ? { pointer: at, atKey: false, ruleId: 'nip-tidak-valid', message: 'NIP hanya boleh berisi angka (dan spasi).', hint: 'NIP terdiri atas 18 angka, mis. `"19681117 199703 1 003"`.' }
        : { pointer: at, atKey: false, ruleId: 'format-salah', message: `Nilai \`${name}\` tidak sesuai format yang diminta.` };
    }
    case 'if':
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return undefined; // The branch errors that explain it are reported on their own.
    default:
      return { pointer: at, atKey: false, ruleId: 'skema', message: `Nilai \`${name || 'frontmatter'}\` tidak valid (${err.message ?? err.keyword}).` };
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}
