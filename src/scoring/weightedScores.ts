import type { FeatureMatrix } from './computeFeatureMatrix.js';
import type { Weights } from './types.js';
import { RELEVANCE_SLOT, ROW_WIDTH, weightedSum, weightVector } from './weightedSum.js';

/**
 * Weighted-sum scores of every candidate of a feature matrix, through the one kernel `weightedSum`:
 * score = g · Σ w_f · x_f − (w_risk · risk) · (g · Σ w_f · x_f), g the candidate's relevance. With features,
 * relevance and w_risk in [0, 1] every score is in [0, 1] by construction (no clamping), and the same numbers
 * as `scoreCandidates` and as the contributions of `combineFeatures`, bit for bit.
 *
 * @param matrix - the candidates' features
 * @param weights - normalised weights (see `normalizeWeights`)
 * @returns one score per candidate
 * @example
 * weightedScores(matrix, WEIGHT_PRESETS.balanced.weights)[0];
 */
export function weightedScores(matrix: FeatureMatrix, weights: Weights): Float64Array {
  const { gapFit, synergy, scale, momentum, proximity, policy, ties, risk } = matrix.columns;
  const relevance = matrix.relevance;
  const w = weightVector(weights);
  const n = matrix.size;
  const out = new Float64Array(n);
  const x = new Float64Array(ROW_WIDTH);
  for (let i = 0; i < n; i++) {
    x[0] = gapFit[i]!;
    x[1] = synergy[i]!;
    x[2] = scale[i]!;
    x[3] = momentum[i]!;
    x[4] = proximity[i]!;
    x[5] = policy[i]!;
    x[6] = ties[i]!;
    x[7] = risk[i]!;
    x[RELEVANCE_SLOT] = relevance[i]!;
    out[i] = weightedSum(x, w);
  }
  return out;
}
