import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/internal/random.js';
import type { FeatureMatrix } from '../../src/scoring/computeFeatureMatrix.js';
import { normalizeWeights } from '../../src/scoring/normalizeWeights.js';
import { DEFAULT_STABILITY, rankStability } from '../../src/scoring/rankStability.js';
import { FEATURE_NAMES, type FeatureName } from '../../src/scoring/types.js';
import { weightedScores } from '../../src/scoring/weightedScores.js';

/** A matrix from rows of { feature: value } (missing features 0). */
function matrix(rows: readonly Partial<Record<FeatureName, number>>[]): FeatureMatrix {
  const columns = Object.fromEntries(FEATURE_NAMES.map((f) => [f, Float64Array.from(rows, (r) => r[f] ?? 0)])) as Record<FeatureName, Float64Array>;
  return { size: rows.length, columns, relevance: new Float64Array(rows.length).fill(1) };
}

describe('mulberry32', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('rankStability', () => {
  // Rows 0..9 trade gap fit against scale exactly (k/9 vs 1 − k/9) so that with equal weights they tie, and the
  // perturbed weights decide their order: knife-edge. Row 10 is best on both: always rank 1.
  const rows = [...Array.from({ length: 10 }, (_, k) => ({ gapFit: k / 9, scale: 1 - k / 9 })), { gapFit: 1, scale: 1 }];
  const m = matrix(rows);
  const ids = rows.map((_, i) => `r${String(i).padStart(2, '0')}`);
  const weights = normalizeWeights({ gapFit: 1, scale: 1 });
  const scorer = (w: typeof weights): Float64Array => weightedScores(m, w);

  it('keeps a dominant item at rank 1 and flags tied items as knife-edge, naming the weight that moves them', () => {
    const tracked = [{ index: 10, rank: 1 }, { index: 0, rank: 2 }, { index: 9, rank: 11 }];
    const [top, first, last] = rankStability(scorer, ids, tracked, weights, DEFAULT_STABILITY);
    expect(top).toMatchObject({ p10: 1, median: 1, p90: 1, knifeEdge: false });
    expect(first!.knifeEdge).toBe(true);
    expect(first!.p90 - first!.p10).toBeGreaterThanOrEqual(5);
    expect(['gapFit', 'scale']).toContain(first!.sensitiveTo);
    expect(last!.knifeEdge).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const tracked = [{ index: 3, rank: 5 }];
    const a = rankStability(scorer, ids, tracked, weights, { runs: 30, spread: 0.2, seed: 1 });
    expect(rankStability(scorer, ids, tracked, weights, { runs: 30, spread: 0.2, seed: 1 })).toEqual(a);
    const others = [2, 3, 4, 5].map((seed) => rankStability(scorer, ids, tracked, weights, { runs: 30, spread: 0.2, seed })[0]);
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(a[0]))).toBe(true);
  });

  it('reports the unperturbed rank when every candidate is far apart', () => {
    const far = matrix([{ gapFit: 0.1 }, { gapFit: 0.5 }, { gapFit: 0.9 }]);
    const s = rankStability((w) => weightedScores(far, w), ['a', 'b', 'c'], [{ index: 1, rank: 2 }], weights, DEFAULT_STABILITY);
    expect(s[0]).toEqual({ p10: 2, median: 2, p90: 2, knifeEdge: false });
  });
});
