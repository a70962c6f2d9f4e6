import { describe, expect, it } from 'vitest';
import { herfindahl } from '../../src/gaps/measures/concentration.js';

describe('herfindahl with cluster records', () => {
  it('without counts: Σ s² over revenue shares', () => {
    // computed by hand: shares 0.75, 0.25 → 0.5625 + 0.0625 = 0.625
    expect(herfindahl([30, 10])).toBeCloseTo(0.625, 12);
    expect(herfindahl([])).toBeNull();
  });

  it('counts of 1 give the same answer as no counts', () => {
    expect(herfindahl([30, 10], [1, 1])).toBeCloseTo(0.625, 12);
  });

  it('a record standing for n firms counts as n equal firms', () => {
    // computed by hand: one record of 2,200 equal firms → 2,200 · (1/2,200)² = 1/2,200
    expect(herfindahl([500], [2200])).toBeCloseTo(1 / 2200, 12);
    // shares 0.75 (3 firms) and 0.25 (1 firm): 0.75²/3 + 0.25² = 0.1875 + 0.0625 = 0.25
    expect(herfindahl([30, 10], [3, 1])).toBeCloseTo(0.25, 12);
  });

  it('without revenue every firm is an equal share, counting cluster members', () => {
    // 1 + 3 = 4 equal firms → 1/4
    expect(herfindahl([0, 0], [1, 3])).toBeCloseTo(0.25, 12);
  });
});
