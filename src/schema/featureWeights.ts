import * as z from 'zod';

// Capped so a sum of weights stays finite (two weights of 1e308 would normalise to NaN).
const weight = z.number().min(0).max(1e6);

/**
 * Weights of the fit score's features: any subset (missing = 0), non-negative; `risk` in [0, 1]. Normalised when used.
 * The shape of custom weights (`CustomWeights`) and of a learned-weights file's `weights`.
 *
 * @example
 * FeatureWeights.parse({ gapFit: 0.4, scale: 0.2, risk: 0.5 }).gapFit; // 0.4
 */
export const FeatureWeights = z.strictObject({
  gapFit: weight.optional(),
  synergy: weight.optional(),
  scale: weight.optional(),
  momentum: weight.optional(),
  proximity: weight.optional(),
  policy: weight.optional(),
  ties: weight.optional(),
  risk: z.number().min(0).max(1).optional(),
});
export type FeatureWeights = z.infer<typeof FeatureWeights>;
