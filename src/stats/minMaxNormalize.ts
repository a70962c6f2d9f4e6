import { max, min } from 'simple-statistics';

/**
 * Rescale values linearly to [0, 1] (极差标准化): (x − min) / (max − min).
 * Guards: an empty input gives an empty output; when every value is the same there is no spread to
 * rescale, and every result is 0 (the values carry no information to rank by).
 *
 * @param values - finite numbers
 * @returns a new array of the same length, each in [0, 1]
 * @example
 * minMaxNormalize([2, 4, 6]); // [0, 0.5, 1]
 */
export function minMaxNormalize(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const lo = min(values);
  const range = max(values) - lo;
  if (!(range > 0)) return values.map(() => 0);
  return values.map((v) => Math.min(1, Math.max(0, (v - lo) / range)));
}
