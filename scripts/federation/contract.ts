// Reading an office's catalogue.json against the published contract (schemas/katalog.schema.json).
// Hostile input is expected: the text is parsed only after the size cap (fetch.ts), and what the
// schema lets through is still escaped by every template. Pure but for loading the schema once.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { PACKAGE_ROOT } from '../model/paths.ts';
import { KATALOG_VERSI, type Katalog } from '../site/catalogue.ts';

let validate: ValidateFunction | undefined;

function validator(schemaFile: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  return ajv.compile(JSON.parse(readFileSync(`${PACKAGE_ROOT}schemas/${schemaFile}`, 'utf8')) as object);
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; reason: string };

/** The catalogue in `text`, or why it is not one sop-press can read (Indonesian). */
export function parseKatalog(text: string): Parsed<Katalog> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'bukan JSON yang sah' };
  }
  if (typeof data === 'object' && data !== null && 'versi' in data && data.versi !== KATALOG_VERSI && typeof data.versi === 'number') {
    return { ok: false, reason: `versi kontrak ${String(data.versi)} belum dikenal (sop-press ini membaca versi ${KATALOG_VERSI})` };
  }
  validate ??= validator('katalog.schema.json');
  if (!validate(data)) {
    const e = validate.errors?.[0];
    const where = e?.instancePath ? ` di ${e.instancePath}` : '';
    return { ok: false, reason: `tidak sesuai skema katalog (schemas/katalog.schema.json)${where}: ${e?.message ?? 'tidak valid'}` };
  }
  return { ok: true, data: data as Katalog };
}

let validateSources: ValidateFunction | undefined;

/** gabungan.yml checked against schemas/gabungan.schema.json: '' when valid, else the first reason. */
export function gabunganIssue(data: unknown): string {
  validateSources ??= validator('gabungan.schema.json');
  if (validateSources(data)) return '';
  const e = validateSources.errors?.[0];
  return `${e?.instancePath || '(akar)'}: ${e?.message ?? 'tidak valid'}`;
}
