import { describe, expect, it } from 'vitest';
import { scale } from '../../src/scoring/features/scale.js';
import { estimateSize } from '../../src/scoring/sizeEstimate.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import type { ScoringContext } from '../../src/scoring/buildScoringContext.js';
import { company } from './helpers.js';

const ctx = {} as ScoringContext; // scale reads the company only

describe('estimateSize: size when revenue is missing', () => {
  it('takes the largest of list floors, staff and registered capital, and nothing when revenue is known', () => {
    expect(estimateSize(company('a', { lists: ['fortune-global-500', 'china-500'] }))).toEqual({ revenue: 2200, basis: 'list', list: 'fortune-global-500' });
    expect(estimateSize(company('b', { employees: 20000, lists: ['listed'] }))).toEqual({ revenue: 300, basis: 'employees' });
    expect(estimateSize(company('c', { stockCode: '600000.SH' }))).toEqual({ revenue: 5, basis: 'list', list: 'listed' });
    expect(estimateSize(company('d', { registeredCapital: 3 }))).toEqual({ revenue: 3, basis: 'capital' });
    expect(estimateSize(company('e', { lists: ['fortune-global-500'], revenue: 10 }))).toBeUndefined();
    expect(estimateSize(company('f', { lists: ['fortune-global-500'], revenueBand: '1-10' }))).toBeUndefined();
    expect(estimateSize(company('g'))).toBeUndefined();
  });

  it('scale uses the estimate and says it is one; value and explain agree', () => {
    const skf = company('skf', { lists: ['fortune-global-500'] });
    const r = scale.explain(skf, ctx);
    // 0.6 × log10(2201) / log10(5001) + 0.4 × 1
    expect(r.value).toBeCloseTo(0.6 * (Math.log10(2201) / Math.log10(5001)) + 0.4, 12);
    expect(scale.value(skf, ctx)).toBe(r.value);
    expect(r.reasons[0]).toMatchObject({ code: 'scale.estimate', zh: '营收未披露：按世界500强入围门槛估计不低于 2200亿元（估计）' });
    const staff = company('staff', { employees: 1000 });
    expect(scale.explain(staff, ctx).reasons[0]!.zh).toBe('营收未披露：按员工 1000 人 × 人均 150万元估计约 15亿元（估计）');
  });

  it('on the embedded data, every 世界500强 firm scores well above zero on scale', () => {
    for (const c of liaocheng().companies.filter((x) => x.lists?.includes('fortune-global-500') === true)) {
      expect(scale.value(c, ctx), c.name).toBeGreaterThan(0.9);
    }
  });
});
