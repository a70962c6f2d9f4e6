// Issue 16 item 5: the documented example files parse with their schemas (and the scenario applies to the 聊城 data).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { HeaderMappingSchema } from '../../src/io/import/planColumns.js';
import { WeightsSpec } from '../../src/scoring/weightsSpec.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { datasetJsonSchemas, extraJsonSchemas } from '../../src/jsonSchemas.js';
import { applyChanges } from '../../src/whatif/internal/applyChanges.js';
import { safeParseScenario } from '../../src/whatif/parseScenario.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const read = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));

describe('documented example files', () => {
  test('examples/scenario.json is a valid scenario that applies to the 聊城 data', () => {
    const r = safeParseScenario(read('scenario.json'));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.changes.map((c) => c.type)).toContain('close-enterprise');
    const applied = applyChanges(liaocheng(), r.data);
    expect(applied.landed.map((l) => l.company)).toEqual(['harbin-bearing']);
  });

  test('examples/weights.json is valid weights', () => {
    expect(WeightsSpec.safeParse(read('weights.json')).success).toBe(true);
  });

  test('examples/mapping.json is a valid import mapping', () => {
    expect(HeaderMappingSchema.safeParse(read('mapping.json')).success).toBe(true);
  });

  test('examples/corrections.json (issue 14) is a valid corrections.json for the 聊城 data, one entry of each kind', () => {
    const ds = liaocheng();
    const corrections = read('corrections.json') as { kind: string }[];
    expect(corrections.map((c) => c.kind)).toEqual(['present', 'verified-absent', 'not-pursued', 'priority']);
    const withExample = parseDataset({ ...ds, corrections });
    const a = analyzeGaps(withExample);
    expect(a.segments.find((s) => s.id === 'ch-carbon-fibre')?.evidence).toBe('verified-absent');
    expect(Object.keys(datasetJsonSchemas())).toContain('corrections.schema.json');
  });

  test('each has a JSON Schema in schema/', () => {
    expect(Object.keys(extraJsonSchemas())).toEqual(expect.arrayContaining(['scenario.schema.json', 'weights.schema.json', 'mapping.schema.json']));
  });
});
