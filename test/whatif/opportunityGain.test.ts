import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { UsageError } from '../../src/errors.js';
import { analyzeGapsWithContext } from '../../src/gaps/analyzeGapsWithContext.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import { resolveGapOptions } from '../../src/gaps/resolveGapOptions.js';
import { chainState } from '../../src/gaps/chainState.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { Company } from '../../src/schema/company.js';
import type { Dataset } from '../../src/schema/dataset.js';
import { applyScenario } from '../../src/whatif/applyScenario.js';
import { cityTotals as totalsOf } from '../../src/whatif/internal/cityTotals.js';
import { land } from '../../src/whatif/land.js';
import { opportunityGain } from '../../src/whatif/opportunityGain.js';
import { withOpportunityGain } from '../../src/whatif/withOpportunityGain.js';
import { whatifFixture } from './fixture.js';

const ds = whatifFixture();

/** City completeness and 本地配套率 recomputed from scratch (unrounded), the slow way. */
function cityTotals(d: Dataset): { completeness: number; lsr: number } {
  const o = resolveGapOptions({});
  const ctx = buildGapContext(d);
  const s = totalsOf(ctx, chainState(ctx, ctx.model, o), o);
  return { completeness: s.presentWeight / s.totalWeight, lsr: s.den > 0 ? s.num / s.den : 0 };
}

describe('opportunityGain', () => {
  test('bad options are a usage error', () => {
    expect(() => opportunityGain(ds, undefined, { size: -1 })).toThrow(UsageError);
  });

  test('the 补链 company’s gain is the one worked out by hand', () => {
    const g = opportunityGain(ds).find((x) => x.id === 'sheet-co')!;
    // fixture.ts: completeness 6.4/12.6 → 8.9/12.6 (+2.5/12.6), 本地配套率 0.605604 → 0.886446
    expect(g.completeness).toBeCloseTo(2.5 / 12.6, 6);
    expect(g.localSupplyRate).toBeCloseTo(0.280842, 6);
    expect(g.becomesPresent).toEqual(['sheet']);
    expect(g.industries).toEqual([{ id: 'metal', completeness: Math.round((2.5 / 8.9) * 1e6) / 1e6 }]);
    expect(g.revenue).toBe(10);
  });

  test('a company on a healthy segment or without segments gains no completeness', () => {
    const gains = new Map(opportunityGain(ds).map((g) => [g.id, g]));
    expect(gains.get('ingot2-co')?.completeness).toBe(0);
    const unplaced: Company = { id: 'x', name: 'X', hq: { province: '上海市', city: '上海市' }, ownership: 'private', source: 's', confidence: 'low', asOf: '2026' };
    expect(opportunityGain(ds, [unplaced])[0]).toMatchObject({ segments: [], completeness: 0, localSupplyRate: 0 });
  });

  test('results are sorted by completeness gain, then 本地配套率 gain, then id', () => {
    const gains = opportunityGain(ds);
    for (let i = 1; i < gains.length; i++) {
      const a = gains[i - 1]!;
      const b = gains[i]!;
      expect(a.completeness > b.completeness || (a.completeness === b.completeness && (a.localSupplyRate > b.localSupplyRate || (a.localSupplyRate === b.localSupplyRate && a.id < b.id)))).toBe(true);
    }
  });

  const segs = fc.subarray(['ore', 'ingot', 'sheet', 'parts', 'cell', 'pack'], { minLength: 1 });
  propTest.prop([segs, fc.double({ min: 0.05, max: 400, noNaN: true }), fc.subarray(['ore-co', 'ingot-co', 'parts-co'])], { numRuns: 60 })(
    'the incremental gain equals a from-scratch recomputation of the landed dataset',
    (segments, size, closed) => {
      const start = applyScenario(ds, { changes: closed.map((id) => ({ type: 'close-enterprise' as const, id })) });
      const company: Company = { id: 'probe', name: 'Probe', hq: { province: '上海市', city: '上海市' }, ownership: 'private', segments, source: 's', confidence: 'low', asOf: '2026' };
      const g = opportunityGain(start, [company], { size })[0]!;
      const before = cityTotals(start);
      const after = cityTotals(applyScenario(start, { changes: [land(company, { size })] }));
      expect(Math.abs(g.completeness - (after.completeness - before.completeness))).toBeLessThan(1e-6);
      expect(Math.abs(g.localSupplyRate - (after.lsr - before.lsr))).toBeLessThan(1e-6);
    },
  );
});

describe('opportunityGain on the embedded 聊城 data', () => {
  test('each candidate’s gain equals the completeness difference of a full re-run (every third candidate)', () => {
    const lc = liaocheng();
    const context = buildGapContext(lc);
    const base = analyzeGapsWithContext(context, lc);
    const gains = opportunityGain(lc, undefined, { context });
    expect(gains).toHaveLength(lc.companies.length);
    // Every third candidate in the result's order (a spread over gain sizes, from the largest down): one full re-run
    // each; all 520 took ~35 s of the suite, and the property test above covers random datasets completely.
    let checked = 0;
    for (const [i, g] of gains.entries()) {
      if (g.segments.length === 0 || i % 3 !== 0) continue;
      const after = analyzeGapsWithContext(context, applyScenario(lc, { changes: [land(g.id)] }));
      // the analysis rounds completeness and 本地配套率 to 4 decimals: the difference of two rounded values is within 1e-4
      expect(Math.abs(after.city.completeness - base.city.completeness - g.completeness)).toBeLessThanOrEqual(1.0001e-4);
      expect(Math.abs(after.city.localSupplyRate - base.city.localSupplyRate - g.localSupplyRate)).toBeLessThanOrEqual(1.0001e-4);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('opportunityGain with a relative benchmark (就地转化率)', () => {
  test('a landing on the reference segment moves the dependent segment too, as a full re-run does', () => {
    const lc = liaocheng();
    // 铝板带箔 measured against 30% of local 电解铝 revenue; 铝合金棒 against 20% of it.
    const rel = (share: number) => ({ segment: 'nf-primary-aluminium', share });
    const ds = { ...lc, segments: lc.segments.map((x) => (x.id === 'nf-al-sheet-foil' ? { ...x, benchmarkRelative: rel(0.3) } : x.id === 'nf-al-alloy-rod' ? { ...x, benchmarkRelative: rel(0.2) } : x)) };
    const context = buildGapContext(ds);
    const base = analyzeGapsWithContext(context, ds);
    const gains = opportunityGain(ds, undefined, { context });
    const touched = gains.filter((g) => g.segments.some((x) => x === 'nf-primary-aluminium' || x === 'nf-al-sheet-foil' || x === 'nf-al-alloy-rod'));
    expect(touched.length).toBeGreaterThan(3);
    for (const g of touched) {
      const after = analyzeGapsWithContext(context, applyScenario(ds, { changes: [land(g.id)] }));
      expect(Math.abs(after.city.completeness - base.city.completeness - g.completeness)).toBeLessThanOrEqual(1.0001e-4);
      expect(Math.abs(after.city.localSupplyRate - base.city.localSupplyRate - g.localSupplyRate)).toBeLessThanOrEqual(1.0001e-4);
    }
  });
});

describe('withOpportunityGain', () => {
  test('adds the gain as a column and can sort by it', () => {
    const ranking = rankCompanies(ds);
    const gains = opportunityGain(ds);
    const col = withOpportunityGain(ranking, gains);
    expect(col.items.map((i) => i.id)).toEqual(ranking.items.map((i) => i.id));
    expect(col.items.every((i) => typeof i.opportunityGain === 'number')).toBe(true);
    const sorted = withOpportunityGain(ranking, gains, { sortBy: 'opportunityGain' });
    // cellpack-co: 10亿 split over cell and pack (5亿 each, p = ln 6 / ln 51 = 0.456 ≥ 0.25): both become
    // present, +(1.9 + 1.8) / 12.6 = 0.2937 > sheet-co's 2.5 / 12.6
    expect(sorted.items.slice(0, 2).map((i) => [i.id, i.opportunityGain])).toEqual([['cellpack-co', Math.round((3.7 / 12.6) * 1e6) / 1e6], ['sheet-co', Math.round((2.5 / 12.6) * 1e6) / 1e6]]);
    expect(sorted.items.map((i) => i.rank)).toEqual(sorted.items.map((_, k) => k + 1));
    for (let i = 1; i < sorted.items.length; i++) expect(sorted.items[i - 1]!.opportunityGain!).toBeGreaterThanOrEqual(sorted.items[i]!.opportunityGain!);
    expect(ranking.items[0]?.opportunityGain).toBeUndefined();
    expect(() => withOpportunityGain(ranking, gains, { sortBy: 'gain' } as never)).toThrow(UsageError);
  });
});
