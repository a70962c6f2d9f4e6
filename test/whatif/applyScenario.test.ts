import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { parseDataset } from '../../src/dataset/parseDataset.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { addEnterprise } from '../../src/whatif/addEnterprise.js';
import { applyScenario } from '../../src/whatif/applyScenario.js';
import { closeEnterprise } from '../../src/whatif/closeEnterprise.js';
import { exclude } from '../../src/whatif/exclude.js';
import { land } from '../../src/whatif/land.js';
import { ScenarioError } from '../../src/whatif/ScenarioError.js';
import { setPriority } from '../../src/whatif/setPriority.js';
import { setWeights } from '../../src/whatif/setWeights.js';
import { whatifFixture } from './fixture.js';

const ds = whatifFixture();

function issuesOf(fn: () => unknown): { change?: number; field?: string; code: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).code).toBe('SCENARIO_INVALID');
    return (e as ScenarioError).issues.map((i) => ({ ...(i.change !== undefined ? { change: i.change } : {}), ...(i.field !== undefined ? { field: i.field } : {}), code: i.code }));
  }
  throw new Error('expected a ScenarioError');
}

describe('applyScenario: bad references', () => {
  test('landing on an unknown segment names the change index and the field', () => {
    expect(issuesOf(() => applyScenario(ds, { changes: [closeEnterprise('ore-co'), land('sheet-co', { segments: ['sheet', 'no-such'] })] }))).toEqual([
      { change: 1, field: 'segments.1', code: 'unknown-segment' },
    ]);
  });

  test('every bad change is reported, not only the first', () => {
    const issues = issuesOf(() =>
      applyScenario(ds, { changes: [land('nobody'), closeEnterprise('nobody'), setPriority({ industry: 'nothing' }, 1), exclude(['sheet-co', 'ghost']), land('sheet-co', { county: '火星县' })] }),
    );
    expect(issues).toEqual([
      { change: 0, field: 'company', code: 'unknown-company' },
      { change: 1, field: 'id', code: 'unknown-enterprise' },
      { change: 2, field: 'industry', code: 'unknown-industry' },
      { change: 3, field: 'companies.1', code: 'unknown-company' },
      { change: 4, field: 'county', code: 'unknown-city' },
    ]);
  });

  test('closing a closed firm, landing twice and a duplicate enterprise id are refused', () => {
    expect(issuesOf(() => applyScenario(ds, { changes: [closeEnterprise('ore-co'), closeEnterprise('ore-co')] }))).toEqual([{ change: 1, field: 'id', code: 'already-closed' }]);
    expect(issuesOf(() => applyScenario(ds, { changes: [land('sheet-co'), land('sheet-co')] }))).toEqual([{ change: 1, field: 'company', code: 'duplicate-id' }]);
    expect(issuesOf(() => applyScenario(ds, { changes: [addEnterprise({ id: 'ore-co', name: 'x', segments: ['ore'], county: '甲县', revenue: 1, source: 's', confidence: 'low', asOf: '2026' })] }))).toEqual([
      { change: 0, field: 'enterprise.id', code: 'duplicate-id' },
    ]);
  });

  test('an inline company without segments needs segments', () => {
    const co = { id: 'newco', name: '新公司', hq: { province: '上海市', city: '上海市' }, ownership: 'private' as const, source: 's', confidence: 'low' as const, asOf: '2026' };
    expect(issuesOf(() => applyScenario(ds, { changes: [land(co)] }))).toEqual([{ change: 0, field: 'segments', code: 'no-segments' }]);
    const after = applyScenario(ds, { changes: [land(co, { segments: ['sheet'] })] });
    expect(after.enterprises.at(-1)).toMatchObject({ id: 'landed.newco', segments: ['sheet'], county: '测试市' });
    expect(after.enterprises.at(-1)?.parentCompanyId).toBeUndefined();
  });
});

describe('applyScenario', () => {
  test('an empty scenario returns the very same dataset', () => {
    expect(applyScenario(ds, { changes: [] })).toBe(ds);
    expect(applyScenario(ds, { changes: [setWeights('fill-first'), exclude(['sheet-co'])] })).toBe(ds);
  });

  test('the input is never mutated, and unchanged parts are shared', () => {
    const frozen = liaocheng();
    const before = JSON.stringify(frozen);
    const after = applyScenario(frozen, { changes: [land('harbin-bearing', { segments: ['br-robot-bearing'], county: '临清市' }), closeEnterprise('hrb-linqing'), setPriority({ industry: 'new-energy' }, 0.5)] });
    expect(JSON.stringify(frozen)).toBe(before);
    expect(after.segments).toBe(frozen.segments);
    expect(after.companies).toBe(frozen.companies);
    expect(after.enterprises).not.toBe(frozen.enterprises);
    expect(after.meta.priorities?.industries?.['new-energy']).toBe(0.5);
    expect(frozen.meta.priorities?.industries?.['new-energy']).toBe(1);
  });

  test('the result is a valid dataset (it passes the full validator)', () => {
    const after = applyScenario(ds, { changes: [land('sheet-co', { county: '甲县', size: '10-50' }), closeEnterprise('parts-co'), addEnterprise({ id: 'pack-plant', name: '电池包厂', segments: ['pack'], county: '乙区', revenueBand: '1-10', source: 's', confidence: 'low', asOf: '2026' }), setPriority({ segment: 'cell' }, 1)] });
    expect(() => parseDataset(after)).not.toThrow();
    const landed = after.enterprises.find((e) => e.id === 'landed.sheet-co');
    // sheet-co is a dataset company, so the plant's parent is linked by id
    expect(landed).toMatchObject({ segments: ['sheet'], county: '甲县', revenueBand: '10-50', parentCompanyId: 'sheet-co', confidence: 'low' });
    expect(after.enterprises.find((e) => e.id === 'parts-co')?.status).toBe('closed');
    expect(after.meta.priorities?.segments).toEqual({ cell: 1 });
  });

  test('the default landing size is 10亿 capped at the company’s own revenue', () => {
    const after = applyScenario(ds, { changes: [land('sheet-co'), land('sheet2-co')] });
    // sheet-co: band 10-50 (midpoint 30) → 10; sheet2-co: band 1-10 (midpoint 5.5) → 5.5
    expect(after.enterprises.find((e) => e.id === 'landed.sheet-co')?.revenue).toBe(10);
    expect(after.enterprises.find((e) => e.id === 'landed.sheet2-co')?.revenue).toBe(5.5);
  });
});

describe('applyScenario and the gap analysis', () => {
  test('landing a company on a 补链 segment removes that gap and raises completeness', () => {
    const before = analyzeGaps(ds);
    const after = analyzeGaps(applyScenario(ds, { changes: [land('sheet-co')] }));
    expect(before.segments.find((g) => g.id === 'sheet')?.kind).toBe('fill');
    expect(after.segments.find((g) => g.id === 'sheet')?.kind).toBe('none');
    // computed by hand (see fixture.ts): 6.4 / 12.6 → 8.9 / 12.6
    expect(before.city.completeness).toBeCloseTo(0.5079, 4);
    expect(after.city.completeness).toBeCloseTo(0.7063, 4);
    expect(after.city.localSupplyRate).toBeCloseTo(0.8864, 4);
  });

  test('closing the only firm on a segment creates a gap there', () => {
    const before = analyzeGaps(ds);
    const after = analyzeGaps(applyScenario(ds, { changes: [closeEnterprise('ingot-co')] }));
    expect(before.segments.find((g) => g.id === 'ingot')?.kind).toBe('none');
    expect(after.segments.find((g) => g.id === 'ingot')?.kind).toBe('fill');
    expect(after.city.completeness).toBeCloseTo(0.2857, 4);
  });
});
