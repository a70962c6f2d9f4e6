import { SCALE } from './features/scale.js';

/**
 * The scale given to a candidate of unknown size (nothing about its size on record: see `sizeUnknown`) in one
 * ranking, and what it rests on.
 *
 * - `pool`: the lower quartile of the known-size candidates of this ranking (`lowerQuartile`), when there are at least
 *   `SCALE.minKnown` of them. A firm the data knows nothing about then sits where a small firm of this very list
 *   sits: leaving the size fields out never lifts a firm above the known small firms it is ranked with, and unknown is
 *   still not counted as the smallest.
 * - `fallback`: `SCALE.unknown` (0.42, the lower quartile of the embedded 聊城 target list's scale) when fewer
 *   known-size candidates are ranked (a quartile of a handful of firms would hang on one or two of them).
 */
export interface UnknownScale {
  /** The scale value, in [0, 1]. */
  readonly value: number;
  /** Known-size candidates in the ranking (the pool the quartile was taken over). */
  readonly known: number;
  readonly basis: 'pool' | 'fallback';
}

/** The unknown-size scale of a ranking whose pool is not known (a scoring context built on its own): the fallback. */
export const FALLBACK_UNKNOWN_SCALE: UnknownScale = Object.freeze({ value: SCALE.unknown, known: 0, basis: 'fallback' });

/**
 * The lower quartile of some values, discrete (no interpolation): the value at 1-based rank ⌈0.25·n⌉ of the values
 * sorted ascending (rank 1 for n ≤ 4). This is SQL's `PERCENTILE_DISC(0.25)` and DuckDB's `quantile_disc(x, 0.25)`
 * (checked on DuckDB 1.5 for n = 1 … 300), so the engines agree bit for bit: the result is one of the values
 * themselves, with no arithmetic of its own. It depends on the multiset of values only, never on their order.
 * `undefined` for no values.
 *
 * @param values - the values (not changed)
 * @returns the lower quartile, or undefined
 * @example
 * lowerQuartile([0.4, 0.1, 0.3, 0.2, 0.5]); // 0.2 (rank ⌈1.25⌉ = 2)
 */
export function lowerQuartile(values: ArrayLike<number>): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  // Float64Array#sort is numeric (and puts −0 before +0; both are 0 here, clamped by the caller).
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(1, Math.ceil(n * SCALE.unknownQuantile)) - 1]!;
}

/**
 * The unknown-size scale of a ranking from the scale values of its known-size candidates (each in [0, 1], as
 * `knownScale` gives them): their lower quartile (`lowerQuartile`) when there are at least `SCALE.minKnown`,
 * else the fallback `SCALE.unknown`. Pure: the same multiset of values gives the same answer, in any order.
 *
 * @param knownScales - scale of every known-size candidate of the ranking
 * @returns value, count and basis
 * @example
 * unknownScaleOf(Array.from({ length: 40 }, (_, i) => i / 100)).value; // 0.09 (the 10th of 40)
 * unknownScaleOf([0.1, 0.2]).basis; // 'fallback'
 */
export function unknownScaleOf(knownScales: ArrayLike<number>): UnknownScale {
  return unknownScaleFromQuartile(knownScales.length, knownScales.length < SCALE.minKnown ? undefined : lowerQuartile(knownScales));
}

/**
 * The unknown-size scale from the count of known-size candidates and their lower quartile, as an engine that took
 * them in SQL reads them back (`rankWithDuckDb`): the quartile with at least `SCALE.minKnown`, else the fallback.
 *
 * @param known - number of known-size candidates
 * @param quartile - their lower quartile (`lowerQuartile`); read only when known ≥ `SCALE.minKnown`
 * @returns value, count and basis
 * @example
 * unknownScaleFromQuartile(3, 0.1); // { value: 0.42, known: 3, basis: 'fallback' }
 */
export function unknownScaleFromQuartile(known: number, quartile: number | undefined): UnknownScale {
  if (known < SCALE.minKnown || quartile === undefined) return known === 0 ? FALLBACK_UNKNOWN_SCALE : Object.freeze({ value: SCALE.unknown, known, basis: 'fallback' as const });
  return Object.freeze({ value: quartile, known, basis: 'pool' as const });
}
