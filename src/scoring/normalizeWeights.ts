import { UsageError } from '../errors.js';
import { POSITIVE_FEATURES, type FeatureName, type Weights } from './types.js';

/**
 * Scale raw feature weights so the positive ones sum to 1 (missing ones count as 0); `risk` is kept as
 * given (a penalty share in [0, 1]). The sum is made ≤ 1 in floating point too, by nudging the largest
 * weight down by an ulp when rounding pushed it over: with features in [0, 1] the weighted sum then
 * never exceeds 1, so scores need no clamping.
 *
 * @param raw - non-negative weights by feature (already validated)
 * @returns normalised weights, every feature present
 * @throws {UsageError} code `OPTIONS_INVALID` when no positive feature has a weight above 0
 * @example
 * normalizeWeights({ gapFit: 2, scale: 2, risk: 0.5 }).gapFit; // 0.5
 */
export function normalizeWeights(raw: { readonly [K in FeatureName]?: number | undefined }): Weights {
  const values = POSITIVE_FEATURES.map((f) => raw[f] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new UsageError(
      'weights: at least one feature other than risk needs a weight above 0',
      '权重：除风险外至少一个特征的权重须大于 0',
      [],
      'OPTIONS_INVALID',
    );
  }
  const scaled = values.map((v) => v / total);
  let largest = 0;
  scaled.forEach((v, i) => {
    if (v > scaled[largest]!) largest = i;
  });
  while (scaled.reduce((a, b) => a + b, 0) > 1) scaled[largest] = scaled[largest]! * (1 - Number.EPSILON);
  const out = {} as Record<FeatureName, number>;
  POSITIVE_FEATURES.forEach((f, i) => {
    out[f] = scaled[i]!;
  });
  out.risk = raw.risk ?? 0;
  return out;
}
