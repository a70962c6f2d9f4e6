// Writes schema/*.schema.json from the zod schemas. Run: npm run schemas
// A test (test/schema/jsonSchemas.test.ts) fails when the committed files are out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetJsonSchemas } from '../src/schema/toJsonSchemas.js';

const dir = join(import.meta.dirname, '..', 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(datasetJsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
}
process.stdout.write(`wrote ${Object.keys(datasetJsonSchemas()).length} schemas to ${dir}\n`);
