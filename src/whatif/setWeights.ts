import type { WeightsNameId } from '../scoring/weightsSpec.js';
import type { SetWeightsChange } from './scenario.js';

/**
 * A `set-weights` change: the ranking's feature weights, as a preset name (`balanced`, `fill-first`,
 * `strengthen-first`, `build-first`, `entropy`) or as weights (custom numbers, 熵权法, AHP).
 *
 * @param weights - a preset name, or a weights object
 * @returns the change
 * @example
 * setWeights('fill-first');
 * setWeights({ gapFit: 0.5, synergy: 0.3, scale: 0.2 });
 */
export function setWeights(weights: WeightsNameId | NonNullable<SetWeightsChange['weights']>): SetWeightsChange {
  return typeof weights === 'string' ? { type: 'set-weights', preset: weights } : { type: 'set-weights', weights };
}
