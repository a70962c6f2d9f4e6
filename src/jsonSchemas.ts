import * as z from 'zod';
import { HeaderMappingSchema } from './io/import/planColumns.js';
import { WEIGHT_PRESETS } from './scoring/presets.js';
import { WeightsName, WeightsSpec } from './scoring/weightsSpec.js';
import { Scenario } from './whatif/scenario.js';
import { Concordance } from './schema/concordance.js';
import { DATASET_FILES, type DatasetFileName } from './schema/dataset.js';

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

/** JSON Schema of a zod schema, the weights preset names written out as an enum (zod checks them in a refine). */
function toJson(schema: z.ZodType, name: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === WeightsName) ctx.jsonSchema.enum = [...Object.keys(WEIGHT_PRESETS), 'entropy', 'learned'];
    },
  }) as Record<string, unknown>;
  return { $id: `urn:chain-targeting:schema:${name}`, title, ...json };
}

/**
 * JSON Schemas of the files that ship beside datasets rather than in them: `concordance.schema.json`
 * for `data/concordance/*.json` (vendor industry labels → GB/T 4754-2017 codes), `scenario.schema.json`
 * (`whatif --scenario`), `weights.schema.json` (`rank --weights FILE`) and `mapping.schema.json`
 * (`import --mapping`: column header → field). Examples of each: `examples/*.json`.
 *
 * @returns schema file name → JSON Schema object
 * @example
 * Object.keys(extraJsonSchemas()); // ['concordance.schema.json', 'mapping.schema.json', 'scenario.schema.json', 'weights.schema.json']
 */
export function extraJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'concordance.schema.json': toJson(Concordance, 'concordance.schema.json', 'data/concordance/*.json'),
    'mapping.schema.json': toJson(HeaderMappingSchema, 'mapping.schema.json', 'import --mapping FILE.json'),
    'scenario.schema.json': toJson(Scenario, 'scenario.schema.json', 'whatif --scenario FILE.json'),
    'weights.schema.json': toJson(WeightsSpec, 'weights.schema.json', 'rank --weights FILE.json'),
  };
}
