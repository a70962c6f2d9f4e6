import { describe, expect, it } from 'vitest';
import { herfindahl } from '../../src/gaps/measures/concentration.js';
import { cityPriority } from '../../src/gaps/measures/cityPriority.js';
import { presence } from '../../src/gaps/measures/presence.js';
import { gapPriority } from '../../src/gaps/priority.js';
import type { Segment } from '../../src/schema/segment.js';

describe('measures', () => {
  it('presence is the concave log map min(1, ln(1+r)/ln(1+B))', () => {
    expect(presence(0, 50)).toBe(0);
    expect(presence(-1, 50)).toBe(0);
    expect(presence(50, 50)).toBe(1);
    expect(presence(500, 50)).toBe(1);
    // by hand: ln 6.5 / ln 51 = 1.871802 / 3.931826 = 0.476066
    expect(presence(5.5, 50)).toBeCloseTo(0.476066, 5);
    // ln 31 / ln 51 = 3.433987 / 3.931826 = 0.873382
    expect(presence(30, 50)).toBeCloseTo(0.873382, 5);
  });

  it('HHI: one firm 1, two equal 0.5, 30/10 → 0.75² + 0.25² = 0.625, none → null', () => {
    expect(herfindahl([7])).toBe(1);
    expect(herfindahl([5, 5])).toBe(0.5);
    expect(herfindahl([30, 10])).toBeCloseTo(0.625, 10);
    expect(herfindahl([])).toBeNull();
    expect(herfindahl([0, 0, 0, 0])).toBe(0.25);
  });

  it('city priority: segment weight, else industry weight, else 0', () => {
    const s = { id: 's', industry: 'i' } as Segment;
    expect(cityPriority({ segments: { s: 0.3 }, industries: { i: 0.9 } }, s)).toBe(0.3);
    expect(cityPriority({ industries: { i: 0.9 } }, s)).toBe(0.9);
    expect(cityPriority(undefined, s)).toBe(0);
  });

  it('gap priority = max(1 − p, minNeed) × Σ normalised weight·factor × sector factor', () => {
    const f = { demandPull: 1, supplyPush: 0.5, relatedness: 0, centrality: 0, strategic: 1, cityPriority: 0 };
    const w = { demandPull: 2, supplyPush: 2, relatedness: 0, centrality: 0, strategic: 0, cityPriority: 0 };
    // importance = 0.5·1 + 0.5·0.5 = 0.75; need = 1 − 0.2 = 0.8 → 0.6; × 0.3 → 0.18
    expect(gapPriority(0.2, 0, 1, f, w).priority).toBeCloseTo(0.6, 10);
    expect(gapPriority(0.2, 0, 0.3, f, w).priority).toBeCloseTo(0.18, 10);
    // strengthen at full presence: need = max(0, 0.25) = 0.25 → 0.1875
    expect(gapPriority(1, 0.25, 1, f, w).priority).toBeCloseTo(0.1875, 10);
  });
});
