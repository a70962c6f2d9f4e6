import { InvalidArgumentError } from '../errors.js';
import { orderIndependentSum } from '../stats/orderIndependentSum.js';

/**
 * Criterion weights by the entropy weight method (熵权法; Shannon entropy, as in Zou, Yun & Sun 2006):
 * for m alternatives and column j with non-negative values x_ij,
 * p_ij = x_ij / Σ_i x_ij, e_j = −(1 / ln m) Σ_i p_ij ln p_ij (0 ln 0 = 0), d_j = 1 − e_j, w_j = d_j / Σ_k d_k.
 * A column that varies more across the candidates carries more information and gets more weight.
 * The inputs here are already on a common [0, 1] scale with a meaningful zero, so no further
 * standardisation is applied. Guards: fewer than 2 alternatives, or no column with any spread, gives
 * equal weights; an all-zero column has e = 1 (no information, weight 0). Sums are order-independent.
 *
 * @param columns - one array per criterion, each of length m, values ≥ 0
 * @returns one weight per column, summing to 1
 * @throws {InvalidArgumentError} when a value is negative or not finite, or the columns differ in length
 * @example
 * entropyWeights([[1, 3], [1, 1], [0, 2]]); // [0.1588, 0, 0.8412]
 */
export function entropyWeights(columns: readonly ArrayLike<number>[]): number[] {
  const k = columns.length;
  if (k === 0) return [];
  const m = columns[0]!.length;
  for (const col of columns) {
    if (col.length !== m) throw new InvalidArgumentError('entropyWeights: every column needs the same number of values', 'entropyWeights：各列的值个数必须相同');
    for (let i = 0; i < m; i++) {
      const v = col[i]!;
      if (!(v >= 0) || !Number.isFinite(v)) throw new InvalidArgumentError(`entropyWeights: value ${v} is negative or not finite`, `entropyWeights：值 ${v} 为负或不是有限数`);
    }
  }
  const equal = columns.map(() => 1 / k);
  if (m < 2) return equal;
  const scale = 1 / Math.log(m);
  const divergence = columns.map((col) => {
    const total = orderIndependentSum(col);
    if (!(total > 0)) return 0;
    const terms = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const p = col[i]! / total;
      terms[i] = p > 0 ? -p * Math.log(p) : 0; // −p ln p ∈ [0, 1/e]: the fast exact summation path
    }
    const e = scale * orderIndependentSum(terms);
    return Math.max(0, 1 - e);
  });
  const dTotal = divergence.reduce((a, b) => a + b, 0);
  if (!(dTotal > 1e-12)) return equal;
  return divergence.map((d) => d / dTotal);
}
