import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bandRevenue, statedRevenue } from '../../src/model/revenueBand.js';
import { REVENUE_BANDS, type RevenueBand } from '../../src/schema/common.js';

const BANDS = Object.keys(REVENUE_BANDS) as RevenueBand[];

describe('bandRevenue', () => {
  it('reads each band by hand: midpoint, geometric midpoint, floor', () => {
    expect(bandRevenue('1-10', 'midpoint')).toBe(5.5);
    expect(bandRevenue('<1', 'midpoint')).toBe(0.5);
    expect(bandRevenue('>=5000', 'midpoint')).toBe(7500);
    expect(bandRevenue('10-50', 'geometric')).toBeCloseTo(Math.sqrt(500), 12);
    expect(bandRevenue('<1', 'geometric')).toBe(0.5);
    expect(bandRevenue('>=5000', 'geometric')).toBe(5000);
    expect(bandRevenue('100-500', 'floor')).toBe(100);
    expect(bandRevenue('>=5000', 'floor')).toBe(5000);
  });

  propTest.prop([fc.constantFrom(...BANDS)])('every reading lies inside the band (the open top band: from its floor up)', (band) => {
    const { min, max } = REVENUE_BANDS[band];
    for (const r of ['midpoint', 'geometric', 'floor'] as const) {
      const v = bandRevenue(band, r);
      expect(v).toBeGreaterThanOrEqual(min);
      if (Number.isFinite(max)) expect(v).toBeLessThan(max);
    }
    expect(bandRevenue(band, 'floor')).toBeLessThanOrEqual(bandRevenue(band, 'geometric'));
    expect(bandRevenue(band, 'geometric')).toBeLessThanOrEqual(bandRevenue(band, 'midpoint'));
  });
});

describe('statedRevenue', () => {
  it('prefers the stated figure, else reads the band, else is undefined', () => {
    expect(statedRevenue({ revenue: 3, revenueBand: '100-500' }, 'floor')).toBe(3);
    expect(statedRevenue({ revenueBand: '100-500' }, 'floor')).toBe(100);
    expect(statedRevenue({}, 'midpoint')).toBeUndefined();
  });
});
