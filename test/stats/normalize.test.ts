import { InvalidArgumentError } from '../../src/errors.js';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/stats/haversineKm.js';
import { minMaxNormalize } from '../../src/stats/minMaxNormalize.js';
import { orderIndependentSum } from '../../src/stats/orderIndependentSum.js';
import { quantiles } from '../../src/stats/quantiles.js';
import { zScores } from '../../src/stats/zScores.js';

describe('minMaxNormalize', () => {
  it('returns an empty array for an empty input and zeros when there is no spread', () => {
    expect(minMaxNormalize([])).toEqual([]);
    expect(minMaxNormalize([3, 3, 3])).toEqual([0, 0, 0]);
  });

  it('rescales linearly: [2, 4, 6] → [0, 0.5, 1]', () => {
    expect(minMaxNormalize([2, 4, 6])).toEqual([0, 0.5, 1]);
  });

  test.prop([fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 50 })])('every result lies in [0, 1]', (xs) => {
    for (const v of minMaxNormalize(xs)) expect(v >= 0 && v <= 1).toBe(true);
  });
});

describe('zScores', () => {
  it('returns an empty array for an empty input and zeros for a single value', () => {
    expect(zScores([])).toEqual([]);
    expect(zScores([7])).toEqual([0]);
  });

  it('uses the population standard deviation: [1, 2, 3] → ±√1.5', () => {
    // mean 2, σ = √(2/3) = 0.8165; (3 − 2) / 0.8165 = 1.2247
    const z = zScores([1, 2, 3]);
    expect(z[0]).toBeCloseTo(-1.224745, 6);
    expect(z[1]).toBe(0);
    expect(z[2]).toBeCloseTo(1.224745, 6);
  });
});

describe('quantiles', () => {
  it('gives undefined for an empty sample and rejects a probability outside [0, 1]', () => {
    expect(quantiles([], [0.5])).toBeUndefined();
    expect(() => quantiles([1], [1.5])).toThrow(InvalidArgumentError);
  });

  it('interpolates linearly (type 7): p10, median, p90 of 1..5', () => {
    // (n − 1) · p = 0.4 → 1 + 0.4 · 1 = 1.4; 2 → 3; 3.6 → 4 + 0.6 = 4.6
    expect(quantiles([5, 1, 3, 2, 4], [0.1, 0.5, 0.9])).toEqual([1.4, 3, 4.6]);
  });

  it('picks sample values with nearest-rank: the ⌈p·n⌉-th smallest', () => {
    // n = 5: ⌈0.5⌉ = 1st → 1; ⌈2.5⌉ = 3rd → 3; ⌈4.5⌉ = 5th → 5
    expect(quantiles([5, 1, 3, 2, 4], [0.1, 0.5, 0.9], 'nearest-rank')).toEqual([1, 3, 5]);
    expect(quantiles([7], [0, 1], 'nearest-rank')).toEqual([7, 7]);
  });
});

describe('orderIndependentSum', () => {
  it('sums an empty input to 0', () => {
    expect(orderIndependentSum([])).toBe(0);
  });

  test.prop([fc.oneof(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { maxLength: 40 })), fc.nat()])(
    'gives the same float for any order of the same values, in [0, 1] (fixed-point path) or not (sorted path)',
    (xs, seed) => {
      const shuffled = xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((p, q) => p.k - q.k).map((p) => p.x);
      expect(orderIndependentSum(shuffled)).toBe(orderIndependentSum(xs));
    },
  );

  test.prop([fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 200 })])('is within 1e-12 of the plain sum', (xs) => {
    expect(orderIndependentSum(xs)).toBeCloseTo(xs.reduce((s, x) => s + x, 0), 12);
  });
});

describe('haversineKm', () => {
  it('is 0 from a point to itself and about 111.2 km per degree of latitude', () => {
    expect(haversineKm(116, 36, 116, 36)).toBe(0);
    // 2π · 6371.0088 / 360 = 111.195 km
    expect(haversineKm(116, 36, 116, 37)).toBeCloseTo(111.195, 2);
  });

  it('puts 上海 about 771 km from 聊城', () => {
    expect(haversineKm(115.985, 36.457, 121.474, 31.23)).toBeGreaterThan(760);
    expect(haversineKm(115.985, 36.457, 121.474, 31.23)).toBeLessThan(780);
  });
});
