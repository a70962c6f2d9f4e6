import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { addEnterprise } from '../../src/whatif/addEnterprise.js';
import { closeEnterprise } from '../../src/whatif/closeEnterprise.js';
import { exclude } from '../../src/whatif/exclude.js';
import { land } from '../../src/whatif/land.js';
import { parseScenario, safeParseScenario } from '../../src/whatif/parseScenario.js';
import { Scenario, type Change } from '../../src/whatif/scenario.js';
import { ScenarioError } from '../../src/whatif/ScenarioError.js';
import { setPriority } from '../../src/whatif/setPriority.js';
import { setWeights } from '../../src/whatif/setWeights.js';

const plant = { id: 'new-plant', name: '新工厂', segments: ['sheet'], county: '甲县', revenue: 8, source: 'plan', confidence: 'low' as const, asOf: '2026' };

describe('parseScenario', () => {
  test('a change without a type is rejected with the change index', () => {
    const r = safeParseScenario({ changes: [closeEnterprise('ore-co'), { company: 'sheet-co' }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(ScenarioError);
    expect(r.error.code).toBe('SCENARIO_INVALID');
    expect(r.error.issues[0].change).toBe(1);
    expect(r.error.issues[0].code).toBe('invalid-value');
  });

  test('a misspelt field inside a change names the change and the field', () => {
    const r = safeParseScenario({ changes: [{ type: 'land', company: 'sheet-co', segment: ['sheet'] }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.change)).toEqual([0]);
  });

  test('an unknown field inside a change is named with the field it is nearest to, in both languages (the change type picks the fields)', () => {
    const r = safeParseScenario({ changes: [land('sheet-co'), { type: 'land', company: 'sheet-co', segmnts: ['sheet'] }] });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.change, i.field, i.messageZh, i.message])).toEqual([
      [1, 'segmnts', '不允许未知字段 "segmnts"；是否应为 "segments"？', 'unknown field "segmnts" is not allowed; did you mean "segments"?'],
    ]);
  });

  test('a bad segment id inside a land change names the field path', () => {
    expect(() => parseScenario({ changes: [land('sheet-co'), { type: 'land', company: 'sheet-co', segments: ['Not An Id'] }] })).toThrow(ScenarioError);
    const r = safeParseScenario({ changes: [land('sheet-co'), { type: 'land', company: 'sheet-co', segments: ['Not An Id'] }] });
    if (!r.success) expect([r.error.issues[0].change, r.error.issues[0].field]).toEqual([1, 'segments.0']);
  });

  test('set-priority needs exactly one of industry and segment', () => {
    expect(safeParseScenario({ changes: [{ type: 'set-priority', industry: 'metal', segment: 'sheet', weight: 1 }] }).success).toBe(false);
    expect(safeParseScenario({ changes: [{ type: 'set-priority', weight: 1 }] }).success).toBe(false);
    expect(safeParseScenario({ changes: [setPriority({ segment: 'sheet' }, 1)] }).success).toBe(true);
  });

  test('set-weights rejects an unknown preset and accepts custom weights', () => {
    // A typo in a preset name is a compile error (typecheck runs in `npm test`) and, from untyped callers, a scenario error.
    // @ts-expect-error 'no-such-preset' is not a WeightsNameId
    expect(safeParseScenario({ changes: [setWeights('no-such-preset')] }).success).toBe(false);
    expect(safeParseScenario({ changes: [setWeights({ gapFit: 0.6, synergy: 0.4 })] }).success).toBe(true);
  });

  test('prototype keys are refused', () => {
    const raw = JSON.parse('{"changes":[{"type":"exclude","companies":["a"],"__proto__":{"x":1}}]}');
    const r = safeParseScenario(raw);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].change).toBe(0);
  });

  test('the builders produce plain changes that validate', () => {
    const s = {
      name: '测试',
      changes: [land('sheet-co', { segments: ['sheet'], size: '10-50', county: '甲县', status: 'under-construction' }), addEnterprise(plant), closeEnterprise('ore-co'), setPriority({ industry: 'energy' }, 0.9), setWeights('fill-first'), exclude(['cell-co'])],
    };
    expect(parseScenario(s)).toEqual(s);
  });
});

const ids = fc.constantFrom('ore-co', 'ingot-co', 'parts-co');
const companies = fc.constantFrom('sheet-co', 'sheet2-co', 'cell-co', 'pack-co');
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ c: companies, seg: fc.option(fc.subarray(['sheet', 'cell', 'pack'], { minLength: 1 }), { nil: undefined }), size: fc.option(fc.double({ min: 0.1, max: 500, noNaN: true }), { nil: undefined }) }).map(({ c, seg, size }) =>
    land(c, { ...(seg !== undefined ? { segments: seg } : {}), ...(size !== undefined ? { size } : {}) })),
  ids.map(closeEnterprise),
  fc.record({ w: fc.double({ min: 0, max: 1, noNaN: true }), ind: fc.constantFrom('metal', 'energy') }).map(({ w, ind }) => setPriority({ industry: ind }, w)),
  fc.constantFrom('balanced', 'fill-first', 'build-first').map((p) => setWeights(p)),
  fc.subarray(['sheet-co', 'cell-co', 'pack-co'], { minLength: 1 }).map(exclude),
);

describe('scenario JSON', () => {
  propTest.prop([fc.array(change, { maxLength: 6 }), fc.option(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ''), { nil: undefined })])(
    'a scenario survives JSON.stringify and parseScenario unchanged',
    (changes, name) => {
      const s = { ...(name !== undefined ? { name } : {}), changes };
      const back = parseScenario(JSON.parse(JSON.stringify(s)));
      expect(back).toEqual(s);
      expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    },
  );

  test('the schema exports to JSON Schema for other tools', () => {
    const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as { type?: string; required?: string[] };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['changes']);
  });
});
