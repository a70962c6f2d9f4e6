import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { companyFeatures } from './companyFeatures.js';
import { idHash } from './idHash.js';
import type { Weights } from './types.js';

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
  const w0 = weights.gapFit;
  const w1 = weights.synergy;
  const w2 = weights.scale;
  const w3 = weights.momentum;
  const w4 = weights.proximity;
  const w5 = weights.policy;
  const w6 = weights.ties;
  const wr = weights.risk;
  const n = companies.length;
  const out = new Float64Array(n);
  const x = new Float64Array(8);
  for (let i = 0; i < n; i++) {
    const c = companies[i]!;
    if (ids !== undefined) {
      ids.list[i] = c.id;
      ids.hashes[i] = idHash(c.id);
    }
    companyFeatures(c, ctx, x);
    // As weightedScores: the starting 0 and the order of the terms match combineFeatures exactly.
    const p = 0 + w0 * x[0]! + w1 * x[1]! + w2 * x[2]! + w3 * x[3]! + w4 * x[4]! + w5 * x[5]! + w6 * x[6]!;
    out[i] = p + -(wr * x[7]!) * p;
  }
  return out;
}
