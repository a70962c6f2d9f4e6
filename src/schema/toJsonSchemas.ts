import * as z from 'zod';
import { Concordance } from './concordance.js';
import { DATASET_FILES, type DatasetFileName } from './dataset.js';

/**
 * JSON Schema (draft 2020-12) for every dataset file, generated from the zod schemas (`z.toJSONSchema`),
 * so planning tools in any language can validate a dataset. Keyed by the schema file name
 * (`segments.schema.json` …). Cross-file checks (references, duplicates) are not expressible there;
 * run `chain-targeting validate` for those.
 *
 * @returns schema file name → JSON Schema object
 * @example
 * datasetJsonSchemas()['links.schema.json'].type; // 'array'
 */
export function datasetJsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const file of Object.keys(DATASET_FILES).sort() as DatasetFileName[]) {
    const schema = z.toJSONSchema(DATASET_FILES[file], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    const name = file.replace(/\.json$/, '.schema.json');
    out[name] = { $id: `urn:chain-targeting:schema:${name}`, title: file, ...schema };
  }
  return out;
}

/**
 * JSON Schemas of the files that ship beside datasets rather than in them: `concordance.schema.json`
 * for `data/concordance/*.json` (vendor industry labels → GB/T 4754-2017 codes).
 *
 * @returns schema file name → JSON Schema object
 * @example
 * Object.keys(extraJsonSchemas()); // ['concordance.schema.json']
 */
export function extraJsonSchemas(): Record<string, Record<string, unknown>> {
  const schema = z.toJSONSchema(Concordance, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { 'concordance.schema.json': { $id: 'urn:chain-targeting:schema:concordance.schema.json', title: 'data/concordance/*.json', ...schema } };
}
