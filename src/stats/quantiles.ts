import { InvalidArgumentError } from '../errors.js';
import { quantileSorted } from 'simple-statistics';

/** How to pick a quantile between two sample values. */
export type QuantileMethod = 'linear' | 'nearest-rank';

/**
 * Several quantiles of a sample at once. `linear` interpolates (type 7 in R, numpy's default);
 * `nearest-rank` returns a sample value, the ⌈p·n⌉-th smallest (type 1), so integer data (ranks) stay
 * integers. Guard: an empty sample has no quantiles and gives `undefined` instead of throwing.
 *
 * @param values - the sample, in any order (not modified)
 * @param ps - probabilities in [0, 1]
 * @param method - `linear` (default) or `nearest-rank`
 * @returns one quantile per probability, or `undefined` for an empty sample
 * @throws {InvalidArgumentError} when a probability is outside [0, 1]
 * @example
 * quantiles([5, 1, 3, 2, 4], [0.1, 0.5, 0.9]); // [1.4, 3, 4.6]
 * quantiles([5, 1, 3, 2, 4], [0.1, 0.5, 0.9], 'nearest-rank'); // [1, 3, 5]
 */
export function quantiles(values: readonly number[], ps: readonly number[], method: QuantileMethod = 'linear'): number[] | undefined {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError(`quantiles: probability ${p} is outside [0, 1]`, `quantiles：概率 ${p} 不在 [0, 1] 内`);
  if (values.length === 0) return undefined;
  const sorted = Array.from(Float64Array.from(values).sort());
  if (method === 'nearest-rank') return ps.map((p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!);
  return ps.map((p) => quantileSorted(sorted, p));
}
