// Writes schema/*.schema.json from the zod schemas. Run: npm run schemas
// A test (test/schema/jsonSchemas.test.ts) fails when the committed files are out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetJsonSchemas, extraJsonSchemas } from '../src/jsonSchemas.js';

const dir = join(import.meta.dirname, '..', 'schema');
mkdirSync(dir, { recursive: true });
const all = { ...datasetJsonSchemas(), ...extraJsonSchemas() };
for (const [name, schema] of Object.entries(all)) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}
process.stdout.write(`wrote ${Object.keys(all).length} schemas to ${dir}\n`);
