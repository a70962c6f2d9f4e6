import { FEATURE_NAMES, POSITIVE_FEATURES, type FeatureName, type Weights } from './types.js';

/**
 * The weighted-sum score of one company with its contributions: contribution_f = w_f · x_f for the positive
 * features and contribution_risk = −(w_risk · risk) · P, where P is the sum of the positive ones; the score
 * is their sum, computed in the same order as `weightedScores` so both give the same float.
 *
 * @param features - the company's feature values in [0, 1]
 * @param weights - normalised weights
 * @returns the score and the contributions (summing to it exactly)
 * @example
 * combineFeatures(item.features, ranking.weights).score === item.score; // with the weighted method
 */
export function combineFeatures(features: Readonly<Record<FeatureName, number>>, weights: Weights): { score: number; contributions: Record<FeatureName, number> } {
  const contributions = {} as Record<FeatureName, number>;
  let p = 0;
  for (const f of POSITIVE_FEATURES) {
    const c = weights[f] * features[f];
    contributions[f] = c;
    p += c;
  }
  const penalty = -(weights.risk * features.risk) * p;
  contributions.risk = penalty;
  const ordered = {} as Record<FeatureName, number>;
  for (const f of FEATURE_NAMES) ordered[f] = contributions[f];
  return { score: p + penalty, contributions: ordered };
}
