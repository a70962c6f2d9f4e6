import type { ChainModel } from '../model/chainModel.js';
import type { Company } from '../schema/index.js';
import { knownScale, SCALE, sizeUnknown } from './features/scale.js';
import { cityScope, relevanceValue, type RelevanceScope } from './relevance.js';

/**
 * The scale given to a candidate of unknown size (nothing about its size on record: see `sizeUnknown`) in one
 * ranking, and what it rests on.
 *
 * - `pool`: the lower quartile of the known-size firms of the city's pool (`inUnknownScalePool`: the chain-relevant
 *   candidates of the whole city, before any industry filter) (`lowerQuartile`), when there are at least
 *   `SCALE.minKnown` of them. A firm the data knows nothing about then sits where a small firm of this very list
 *   sits: leaving the size fields out never lifts a firm above the known small firms it is ranked with, and unknown is
 *   still not counted as the smallest. The pool does not depend on how a ranking is filtered or what it lists, so a
 *   firm has one scale in the city's ranking and in each industry's.
 * - `fallback`: `SCALE.unknown` (0.42, the lower quartile of the embedded 聊城 target list's scale) when fewer
 *   known-size candidates are ranked (a quartile of a handful of firms would hang on one or two of them).
 */
export interface UnknownScale {
  /** The scale value, in [0, 1]. */
  readonly value: number;
  /** Known-size firms of the pool the quartile was taken over. */
  readonly known: number;
  readonly basis: 'pool' | 'fallback';
}

/** The unknown-size scale of a ranking whose pool is not known (a scoring context built on its own): the fallback. */
export const FALLBACK_UNKNOWN_SCALE: UnknownScale = Object.freeze({ value: SCALE.unknown, known: 0, basis: 'fallback' });

/**
 * Whether a company is in the city's unknown-size pool: a candidate of the city's unfiltered ranking with default
 * options — chain-relevant to the city (`relevanceValue` > 0 in `scope`, the whole chain: `cityScope`; so never an
 * off-chain placement) and not a local enterprise. What a ranking shows (industry filter, `includeOffChain`,
 * `includeLocal`, `includeUnrelated`, `top`) never changes the pool: a bank listed with `includeOffChain` does not
 * move the yardstick of the chain's small firms, and an industry ranking measures against the same firms as the
 * city's. Its known-size members' scale gives the quartile (`unknownScaleOf`).
 *
 * @param company - a company of the ranking's list (`dataset.companies`, or the `companies` given)
 * @param scope - the city's whole-chain relevance scope (`cityScope(model)`, or an unfiltered scoring context)
 * @returns true when the company counts in the pool
 * @example
 * inUnknownScalePool({ ...firm, segments: ['gap'] }, cityScope(chainModel(ds))); // true
 * inUnknownScalePool({ ...firm, segments: ['gap'], local: true }, cityScope(chainModel(ds))); // false
 */
export function inUnknownScalePool(company: Company, scope: RelevanceScope): boolean {
  return company.local !== true && relevanceValue(company, scope) > 0;
}

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
 * The unknown-size scale from the scale values of the pool's known-size firms (each in [0, 1], as
 * `knownScale` gives them): their lower quartile (`lowerQuartile`) when there are at least `SCALE.minKnown`,
 * else the fallback `SCALE.unknown`. Pure: the same multiset of values gives the same answer, in any order.
 *
 * @param knownScales - scale of every known-size firm of the pool
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

/** A known-size company's scale clamped to [0, 1], as the feature matrix scores it (the quartile is taken over those). */
export function clampedKnownScale(company: Company): number {
  const v = knownScale(company);
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/**
 * The unknown-size scale of the city's pool of a company list (`inUnknownScalePool` in `cityScope(model)`): what
 * `rankCompanies` computes for each ranking of the list, whatever its industry filter or include flags. A caller that
 * ranks one list many times (the handbook's and `start`'s ranking per industry, `topTargetsByIndustry`) computes it
 * once and passes it as the `unknownScale` option: one pass over the list instead of one per ranking, same scores.
 *
 * @param model - the dataset's chain model
 * @param companies - the ranked list (`dataset.companies`, or the `companies` option)
 * @returns value, count and basis (`unknownScaleOf` over the pool's known-size firms)
 * @example
 * const model = chainModel(liaocheng());
 * const unknownScale = cityUnknownScale(model, model.dataset.companies);
 * rankCompanies(model, { industry: 'textiles', unknownScale });
 */
export function cityUnknownScale(model: ChainModel, companies: readonly Company[]): UnknownScale {
  const scope = cityScope(model);
  const known = new Float64Array(companies.length);
  let k = 0;
  for (let i = 0; i < companies.length; i++) {
    const c = companies[i]!;
    if (!sizeUnknown(c) && inUnknownScalePool(c, scope)) known[k++] = clampedKnownScale(c);
  }
  return unknownScaleOf(known.subarray(0, k));
}

/**
 * The unknown-size scale every industry ranking of a list shares (`cityUnknownScale`), or undefined when no company
 * of the list is of unknown size (nothing reads it then, and `rankCompanies` takes no pass for it either) or the list
 * is not an array (`rankCompanies` reports the bad option).
 *
 * @internal shared by `topTargetsByIndustry` and the handbook's `handbookResults`
 * @param model - the dataset's chain model
 * @param companies - the ranked list
 */
export function sharedUnknownScale(model: ChainModel, companies: readonly Company[]): UnknownScale | undefined {
  return Array.isArray(companies) && companies.some(sizeUnknown) ? cityUnknownScale(model, companies) : undefined;
}
