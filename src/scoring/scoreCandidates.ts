import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { companyFeatures } from './companyFeatures.js';
import { idHash } from './idHash.js';
import type { Weights } from './types.js';
import { ROW_WIDTH, weightedSum, weightVector } from './weightedSum.js';

/**
 * Weighted-sum scores of every candidate in one pass, without storing the feature matrix: the same numbers
 * as `weightedScores(computeFeatureMatrix(companies, ctx), weights)` (same feature values from
 * `companyFeatures`, same operations in the same order), bit for bit. `rankCompanies` uses it when nothing
 * else needs the full matrix (weighted sum, weights not from entropy, no stability check): at a million
 * candidates it skips writing and allocating 8 columns of 8 MB, whose off-heap size alone would make V8 start
 * a full garbage collection of the whole heap (the dataset included) during the ranking.
 *
 * @param companies - the candidates
 * @param ctx - the scoring context
 * @param weights - normalised weights (see `normalizeWeights`)
 * @param ids - when given, filled with each candidate's id and its `idHash` in the same pass (at a million
 *   candidates a separate pass over the company objects and their ids, cold in memory, costs a few hundred
 *   milliseconds)
 * @returns one score per candidate
 * @example
 * scoreCandidates(ds.companies, ctx, WEIGHT_PRESETS.balanced.weights)[0];
 */
export function scoreCandidates(companies: readonly Company[], ctx: ScoringContext, weights: Weights, ids?: { readonly list: string[]; readonly hashes: Int32Array }): Float64Array {
  const w = weightVector(weights);
  const n = companies.length;
  const out = new Float64Array(n);
  const x = new Float64Array(ROW_WIDTH);
  for (let i = 0; i < n; i++) {
    const c = companies[i]!;
    if (ids !== undefined) {
      ids.list[i] = c.id;
      ids.hashes[i] = idHash(c.id);
    }
    companyFeatures(c, ctx, x);
    out[i] = weightedSum(x, w);
  }
  return out;
}
