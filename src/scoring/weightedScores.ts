import type { FeatureMatrix } from './computeFeatureMatrix.js';
import type { Weights } from './types.js';

/**
 * Weighted-sum scores of every candidate: P = Σ w_f · x_f over the positive features (Σ w_f ≤ 1), then
 * score = P − (w_risk · risk) · P. The risk penalty removes a share of the score, so with features and
 * w_risk in [0, 1] every score is in [0, 1] by construction (no clamping), and the contributions
 * (w_f · x_f, and −(w_risk · risk) · P) add up to the score exactly, as `combineFeatures` reports them
 * (same operations in the same order: gapFit, synergy, scale, momentum, proximity, policy, ties).
 *
 * @param matrix - the candidates' features
 * @param weights - normalised weights (see `normalizeWeights`)
 * @returns one score per candidate
 * @example
 * weightedScores(matrix, WEIGHT_PRESETS.balanced.weights)[0];
 */
export function weightedScores(matrix: FeatureMatrix, weights: Weights): Float64Array {
  const { gapFit, synergy, scale, momentum, proximity, policy, ties, risk } = matrix.columns;
  const w0 = weights.gapFit;
  const w1 = weights.synergy;
  const w2 = weights.scale;
  const w3 = weights.momentum;
  const w4 = weights.proximity;
  const w5 = weights.policy;
  const w6 = weights.ties;
  const wr = weights.risk;
  const n = matrix.size;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Written out (not a loop over features) so it compiles to straight-line arithmetic; the order and the
    // starting 0 match combineFeatures exactly.
    const p = 0 + w0 * gapFit[i]! + w1 * synergy[i]! + w2 * scale[i]! + w3 * momentum[i]! + w4 * proximity[i]! + w5 * policy[i]! + w6 * ties[i]!;
    out[i] = p + -(wr * risk[i]!) * p;
  }
  return out;
}
