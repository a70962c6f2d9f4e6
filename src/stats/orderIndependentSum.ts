const CHUNK = 2 ** 26;
const CHUNK2 = 2 ** 52;
const CHUNK3 = 2 ** 78;
/** Up to this many values in [0, 1], the integer chunk sums stay below 2^53 (exact). */
const MAX_FIXED = 2 ** 27;

/**
 * Sum of numbers that does not depend on their order: the same multiset always gives bit-for-bit the
 * same float, so shuffling the candidates never changes a score in its last digit (熵权法, TOPSIS).
 * Values in [0, 1] (the common case: features, their squares) are cut into three 26-bit fixed-point
 * chunks whose integer sums are exact, in one linear pass; the result is within n · 2⁻⁷⁸ of the true sum.
 * Any other input is added in ascending order after a sort. Empty input sums to 0.
 *
 * @param values - finite numbers
 * @returns their sum
 * @example
 * orderIndependentSum([0.1, 0.2, 0.3]) === orderIndependentSum([0.3, 0.1, 0.2]); // true
 */
export function orderIndependentSum(values: ArrayLike<number>): number {
  const n = values.length;
  let a = 0;
  let b = 0;
  let c = 0;
  let fixed = n <= MAX_FIXED;
  for (let i = 0; i < n && fixed; i++) {
    const v = values[i]!;
    if (!(v >= 0 && v <= 1)) {
      fixed = false;
      break;
    }
    const x = v * CHUNK;
    const hi = Math.floor(x);
    const y = (x - hi) * CHUNK;
    const mid = Math.floor(y);
    a += hi;
    b += mid;
    c += Math.floor((y - mid) * CHUNK);
  }
  if (fixed) return a / CHUNK + b / CHUNK2 + c / CHUNK3;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i]!;
  return total;
}
