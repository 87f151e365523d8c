// The validators the check runs are ajv's standalone code (scripts/validate/schema-code.ts):
// the generated file must be what schemas/ give today, and report exactly the errors (keyword,
// paths, params, order) that ajv compiling the schemas reports, on valid and broken data of every
// kind: the messages are made from these errors alone.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../scripts/source/content.ts';
import { GENERATED, schemaAjv, schemaModule } from '../../scripts/validate/schema-code.ts';
import { SCHEMA_FILES, type Kind } from '../../scripts/validate/schema.ts';
import * as generated from '../../scripts/validate/schema-validators.generated.ts';

const REPO = new URL('../../', import.meta.url).pathname;

/** Each value with every key, and every key of its objects one level down, removed, retyped or misspelt. */
function variants(value: Record<string, unknown>): unknown[] {
  const out: unknown[] = [value, {}, null, [], 'teks'];
  const wrong = [null, 1, 'x', '31-02-2024', '2024-02-31', [], [{}], {}, true];
  const vary = (obj: Record<string, unknown>, put: (o: Record<string, unknown>) => unknown) => {
    for (const key of Object.keys(obj)) {
      const { [key]: _gone, ...rest } = obj;
      out.push(put(rest), put({ ...rest, [`${key}x`]: obj[key] }));
      for (const w of wrong) out.push(put({ ...obj, [key]: w }));
    }
  };
  vary(value, (o) => o);
  for (const [key, inner] of Object.entries(value)) {
    const first = Array.isArray(inner) ? inner[0] : inner;
    if (!first || typeof first !== 'object') continue;
    vary(first as Record<string, unknown>, (o) => ({ ...value, [key]: Array.isArray(inner) ? [o, ...inner.slice(1)] : o }));
  }
  return out;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

function frontmatter(source: string): Record<string, unknown> {
  return parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)![1]!) as Record<string, unknown>;
}

describe('generated schema validators', () => {
  it('are what schema-code.ts writes from schemas/ today', () => {
    expect(readFileSync(GENERATED, 'utf8') === schemaModule(), 'run: node scripts/validate/schema-code.ts').toBe(true);
  });

  it('report the same errors as ajv compiling the schemas', () => {
    const set = readContent(REPO);
    const data: Record<Kind, unknown[]> = {
      sop: set.sops.slice(0, 6).flatMap((raw) => variants(frontmatter(text(raw.bytes)))),
      instansi: set.instansi.flatMap((raw) => variants(parseYaml(text(raw.bytes)) as Record<string, unknown>)),
      monev: (set.monev ?? []).flatMap((raw) => variants(parseYaml(text(raw.bytes)) as Record<string, unknown>)),
    };
    const ajv = schemaAjv();
    for (const kind of Object.keys(SCHEMA_FILES) as Kind[]) {
      const compiled = ajv.getSchema(SCHEMA_FILES[kind])!;
      const standalone = generated[kind];
      let failing = 0;
      for (const value of data[kind]) {
        const ok = compiled(structuredClone(value));
        expect(standalone(structuredClone(value))).toBe(ok);
        expect(standalone.errors ?? null).toEqual(compiled.errors ?? null);
        if (!ok) failing++;
      }
      // Broken data of this kind, not only valid files.
      expect(failing, kind).toBeGreaterThan(50);
      expect(data[kind].length - failing, kind).toBeGreaterThan(0);
    }
  });
});
