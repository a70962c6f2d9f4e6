import type { FeatureMatrix } from './computeFeatureMatrix.js';
import { prepareTopsis, type TopsisModel } from './prepareTopsis.js';
import { FEATURE_NAMES, type Weights } from './types.js';

/**
 * A TOPSIS model over the candidates' features: the positive features are benefit criteria, `risk` a cost
 * criterion; `closeness(weights)` takes the weights in FEATURE_NAMES order. The score is the closeness times the
 * candidate's chain relevance (the same gate as the weighted sum), so an unrelated company scores 0 here too.
 *
 * @param matrix - the candidates' features
 * @returns a function from weights to closeness scores in [0, 1]
 * @example
 * topsisScores(matrix)(WEIGHT_PRESETS.balanced.weights);
 */
export function topsisScores(matrix: FeatureMatrix): (weights: Weights) => Float64Array {
  const model: TopsisModel = prepareTopsis(
    FEATURE_NAMES.map((f) => matrix.columns[f]),
    FEATURE_NAMES.map((f) => f === 'risk'),
  );
  const relevance = matrix.relevance;
  return (weights) => {
    const c = model.closeness(FEATURE_NAMES.map((f) => weights[f]));
    for (let i = 0; i < c.length; i++) c[i] = c[i]! * relevance[i]!;
    return c;
  };
}
