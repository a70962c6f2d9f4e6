import { mean, standardDeviation } from 'simple-statistics';

/**
 * Standard scores (x − mean) / σ with the population standard deviation.
 * Guards: an empty input gives an empty output; a single value or no spread gives all zeros.
 *
 * @param values - finite numbers
 * @returns a new array of the same length
 * @example
 * zScores([1, 2, 3]); // [-1.2247…, 0, 1.2247…]
 */
export function zScores(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const m = mean(values);
  const sd = standardDeviation(values);
  if (!(sd > 0)) return values.map(() => 0);
  return values.map((v) => (v - m) / sd);
}
