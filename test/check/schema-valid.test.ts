// The check compiles its schemas without validating them against the JSON Schema meta-schema
// (validate/schema.ts: that compile cost most of a warm check): this is where they are validated.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../schemas/', import.meta.url);

describe('schemas', () => {
  it('are valid JSON Schema 2020-12', () => {
    const names = readdirSync(dir).filter((n) => n.endsWith('.schema.json'));
    expect(names).toContain('sop.schema.json');
    const ajv = new Ajv2020({ strict: false });
    for (const name of names) {
      const valid = ajv.validateSchema(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
      expect(ajv.errors ?? [], name).toEqual([]);
      expect(valid, name).toBe(true);
    }
  });
});
