import { InvalidArgumentError } from '../../src/errors.js';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { auc, bootstrapPairedAuc, pairedAuc } from '../../src/stats/auc.js';

/** The definition: share of (positive, negative) pairs ordered right, ties one half. */
function bruteAuc(p: readonly number[], n: readonly number[]): number {
  let s = 0;
  for (const a of p) for (const b of n) s += a > b ? 1 : a === b ? 0.5 : 0;
  return s / (p.length * n.length);
}

describe('auc', () => {
  it('known answers: 3 of 4 pairs ordered right is 0.75; perfect is 1; reversed is 0; all tied is 0.5', () => {
    expect(auc([0.9, 0.4], [0.5, 0.1])).toBe(0.75);
    expect(auc([3, 4], [1, 2])).toBe(1);
    expect(auc([1, 2], [3, 4])).toBe(0);
    expect(auc([1, 1], [1, 1, 1])).toBe(0.5);
  });

  it('counts a tie as one half: [2] vs [1, 2, 3] is (1 + 0.5 + 0) / 3', () => {
    expect(auc([2], [1, 2, 3])).toBeCloseTo(0.5, 12);
    expect(auc([2, 2], [2, 1])).toBeCloseTo(0.75, 12);
  });

  it('treats -Infinity (not ranked) as the lowest score, tied with other unranked items', () => {
    expect(auc([Number.NEGATIVE_INFINITY], [0, Number.NEGATIVE_INFINITY])).toBe(0.25);
  });

  it('is undefined without positives or negatives, and refuses NaN', () => {
    expect(auc([], [1])).toBeUndefined();
    expect(auc([1], [])).toBeUndefined();
    expect(() => auc([Number.NaN], [1])).toThrow(InvalidArgumentError);
  });

  const scores = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 20 });
  test.prop([scores, scores])('equals the pairwise definition, and auc(p, n) + auc(n, p) = 1', (p, n) => {
    expect(auc(p, n)).toBeCloseTo(bruteAuc(p, n), 12);
    expect(auc(p, n)! + auc(n, p)!).toBeCloseTo(1, 12);
  });
});

describe('pairedAuc', () => {
  it('pools pairs within groups only: (1 of 2) + (1 of 1) = 2/3', () => {
    expect(pairedAuc([{ positives: [1], negatives: [0, 2] }, { positives: [5], negatives: [4] }])).toBeCloseTo(2 / 3, 12);
  });

  it('does not compare across groups (a positive scored 0 in its own ranking beats the negatives there)', () => {
    expect(pairedAuc([{ positives: [0], negatives: [-1] }, { positives: [10], negatives: [9] }])).toBe(1);
  });

  it('equals auc for one group and is undefined when no group has a pair', () => {
    expect(pairedAuc([{ positives: [0.9, 0.4], negatives: [0.5, 0.1] }])).toBe(0.75);
    expect(pairedAuc([{ positives: [], negatives: [1] }])).toBeUndefined();
  });
});

describe('bootstrapPairedAuc', () => {
  it('is a point when every group is the same, and spans [0, 1] for one right and one wrong landing', () => {
    const g = { positives: [1], negatives: [0, 0.5, 2] };
    const i = bootstrapPairedAuc([g, g, g])!;
    expect(i.low).toBeCloseTo(2 / 3, 12);
    expect(i.high).toBeCloseTo(2 / 3, 12);
    expect(bootstrapPairedAuc([{ positives: [1], negatives: [0] }, { positives: [0], negatives: [1] }])).toEqual({ low: 0, high: 1 });
  });

  it('is seeded (same input, same interval) and undefined without pairs', () => {
    const gs = [0.2, 0.9, 0.6, 0.4, 0.8].map((p) => ({ positives: [p], negatives: [0.1, 0.3, 0.5, 0.7] }));
    expect(bootstrapPairedAuc(gs)).toEqual(bootstrapPairedAuc(gs));
    const i = bootstrapPairedAuc(gs)!;
    expect(i.low).toBeLessThanOrEqual(pairedAuc(gs)!);
    expect(i.high).toBeGreaterThanOrEqual(pairedAuc(gs)!);
    expect(bootstrapPairedAuc([{ positives: [], negatives: [1] }])).toBeUndefined();
  });
});
