import { sampleCorrelation } from 'simple-statistics';
import { mulberry32 } from '../internal/random.js';
import { quantiles } from '../stats/quantiles.js';
import { normalizeWeights } from './normalizeWeights.js';
import { FEATURE_NAMES, type FeatureName, type RankStability, type StabilitySettings, type Weights } from './types.js';

/** Defaults of the stability check: 200 re-rankings, each weight × U(0.8, 1.2), seed 20240220. */
export const DEFAULT_STABILITY: StabilitySettings = Object.freeze({ runs: 200, spread: 0.2, seed: 20240220 });

/** An item is knife-edge when p90 − p10 ≥ max(minWidth, relativeWidth × its rank). */
export const KNIFE_EDGE = Object.freeze({ minWidth: 5, relativeWidth: 0.5 });

/**
 * Ranks of the tracked candidates for one set of scores: 1 + the number of candidates above each
 * (score desc, id asc). O(n log k): the tracked are sorted once, each candidate is placed by binary search.
 */
function ranksOf(scores: Float64Array, ids: readonly string[], tracked: Uint32Array): Float64Array {
  const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && ids[a]! < ids[b]!);
  const order = Array.from(tracked).sort((a, b) => (better(a, b) ? -1 : 1));
  const k = order.length;
  const diff = new Float64Array(k + 1);
  for (let j = 0; j < scores.length; j++) {
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(j, order[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    diff[lo]! += 1;
  }
  const rankByIndex = new Map<number, number>();
  let above = 0;
  order.forEach((idx, q) => {
    above += diff[q]!;
    rankByIndex.set(idx, 1 + above);
  });
  return Float64Array.from(tracked, (idx) => rankByIndex.get(idx)!);
}

/**
 * Rank stability under perturbed weights: `runs` times, multiply each weight by an independent
 * U(1 − spread, 1 + spread) factor from a seeded PRNG (mulberry32), renormalise, re-score every candidate
 * and record the rank of each tracked one; report p10, median and p90 of its ranks (nearest-rank quantiles,
 * so they are ranks that occurred).
 * A knife-edge item (p90 − p10 ≥ max(5, rank / 2)) is flagged, and `sensitiveTo` names the weight whose
 * factor correlates most with its rank.
 *
 * @param scorer - scores of every candidate for given weights
 * @param ids - candidate ids, one per candidate
 * @param tracked - indices of the candidates to report, with their rank under the unperturbed weights
 * @param weights - the unperturbed weights
 * @param settings - runs, spread, seed
 * @returns one RankStability per tracked candidate, in `tracked` order
 * @example
 * rankStability((w) => weightedScores(m, w), ids, top, weights, DEFAULT_STABILITY)[0]; // { p10: 1, median: 1, p90: 2 }
 */
export function rankStability(
  scorer: (weights: Weights) => Float64Array,
  ids: readonly string[],
  tracked: readonly { readonly index: number; readonly rank: number }[],
  weights: Weights,
  settings: StabilitySettings,
): RankStability[] {
  const random = mulberry32(settings.seed);
  const trackedIdx = Uint32Array.from(tracked.map((t) => t.index));
  const ranks = tracked.map(() => new Array<number>(settings.runs));
  const factors = FEATURE_NAMES.map(() => new Array<number>(settings.runs));
  for (let run = 0; run < settings.runs; run++) {
    const raw = {} as Record<FeatureName, number>;
    FEATURE_NAMES.forEach((f, j) => {
      const factor = 1 + settings.spread * (2 * random() - 1);
      factors[j]![run] = factor;
      raw[f] = f === 'risk' ? Math.min(1, weights[f] * factor) : weights[f] * factor;
    });
    const r = ranksOf(scorer(normalizeWeights(raw)), ids, trackedIdx);
    for (let t = 0; t < tracked.length; t++) ranks[t]![run] = r[t]!;
  }
  return tracked.map((t, ti) => {
    const sample = ranks[ti]!;
    const [p10, median, p90] = quantiles(sample, [0.1, 0.5, 0.9], 'nearest-rank') ?? [t.rank, t.rank, t.rank];
    const knifeEdge = p90! - p10! >= Math.max(KNIFE_EDGE.minWidth, KNIFE_EDGE.relativeWidth * t.rank);
    let sensitiveTo: FeatureName | undefined;
    let strongest = 0;
    if (settings.runs > 2 && p90! > p10!) {
      FEATURE_NAMES.forEach((f, j) => {
        if (weights[f] === 0) return;
        const c = Math.abs(sampleCorrelation(factors[j]!, sample));
        if (c > strongest) {
          strongest = c;
          sensitiveTo = f;
        }
      });
    }
    return { p10: p10!, median: median!, p90: p90!, knifeEdge, ...(sensitiveTo !== undefined ? { sensitiveTo } : {}) };
  });
}
