import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchemas, extraJsonSchemas } from '../../src/jsonSchemas.js';

const dir = join(import.meta.dirname, '..', '..', 'schema');

describe('committed JSON Schemas', () => {
  it('match the zod schemas (run `npm run schemas` after changing a schema)', () => {
    const fresh = { ...datasetJsonSchemas(), ...extraJsonSchemas() };
    expect(readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()).toEqual(Object.keys(fresh).sort());
    for (const [name, schema] of Object.entries(fresh)) {
      expect(JSON.parse(readFileSync(join(dir, name), 'utf8'))).toEqual(schema);
    }
  });
  it('describe every dataset file, arrays for record files', () => {
    const s = datasetJsonSchemas();
    expect(s['dataset.schema.json']?.type).toBe('object');
    expect(s['segments.schema.json']?.type).toBe('array');
    expect(s['companies.schema.json']?.type).toBe('array');
  });
});
