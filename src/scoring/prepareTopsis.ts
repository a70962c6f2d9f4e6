import { InvalidArgumentError } from '../errors.js';
import { orderIndependentSum } from '../stats/orderIndependentSum.js';

/** Columns normalised once for TOPSIS; `closeness(weights)` scores every alternative for given weights. */
export interface TopsisModel {
  /** Number of alternatives. */
  readonly size: number;
  /** Closeness coefficient C_i = D⁻ / (D⁺ + D⁻) in [0, 1] of every alternative, one weight per column. */
  closeness(weights: readonly number[]): Float64Array;
}

/**
 * Prepare TOPSIS (Hwang & Yoon 1981) over a decision matrix given by columns: vector normalisation
 * r_ij = x_ij / √(Σ_i x_ij²) (a zero column stays zero), and the best and worst r of each column. The ideal
 * point is then A⁺_j = w_j · max_i r_ij for a benefit column (min for a cost column), the anti-ideal the
 * reverse, so weights can change without normalising again (the stability check re-scores many times).
 * When an alternative is at both the ideal and the anti-ideal (all alternatives equal) C = 0.5.
 *
 * @param columns - one array per criterion, each with one value per alternative
 * @param cost - per column, true when smaller is better (e.g. risk)
 * @returns a model whose `closeness(weights)` gives C_i for every alternative
 * @throws {InvalidArgumentError} when the columns differ in length, a value is not finite, or `cost` has the wrong length
 * @example
 * prepareTopsis([[3, 4, 0], [4, 3, 0]], [false, false]).closeness([0.5, 0.5]); // [0.8333, 0.8333, 0]
 */
export function prepareTopsis(columns: readonly ArrayLike<number>[], cost: readonly boolean[]): TopsisModel {
  if (cost.length !== columns.length) throw new InvalidArgumentError('prepareTopsis: one cost flag per column is needed', 'prepareTopsis：每一列都需要一个成本型标记');
  const m = columns[0]?.length ?? 0;
  const normalised = columns.map((col) => {
    if (col.length !== m) throw new InvalidArgumentError('prepareTopsis: every column needs the same number of values', 'prepareTopsis：各列的值个数必须相同');
    const squares = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const v = col[i]!;
      if (!Number.isFinite(v)) throw new InvalidArgumentError(`prepareTopsis: value ${v} is not finite`, `prepareTopsis：值 ${v} 不是有限数`);
      squares[i] = v * v;
    }
    const norm = Math.sqrt(orderIndependentSum(squares));
    const r = new Float64Array(m);
    if (norm > 0) for (let i = 0; i < m; i++) r[i] = col[i]! / norm;
    return r;
  });
  const lo = normalised.map((r) => r.reduce((a, b) => Math.min(a, b), m === 0 ? 0 : Number.POSITIVE_INFINITY));
  const hi = normalised.map((r) => r.reduce((a, b) => Math.max(a, b), m === 0 ? 0 : Number.NEGATIVE_INFINITY));
  const best = normalised.map((_, j) => (cost[j] ? lo[j]! : hi[j]!));
  const worst = normalised.map((_, j) => (cost[j] ? hi[j]! : lo[j]!));
  return {
    size: m,
    closeness(weights: readonly number[]): Float64Array {
      if (weights.length !== normalised.length) throw new InvalidArgumentError('TopsisModel.closeness: one weight per column is needed', 'TopsisModel.closeness：每一列需要一个权重');
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let plus = 0;
        let minus = 0;
        for (let j = 0; j < normalised.length; j++) {
          const w = weights[j]!;
          const v = w * normalised[j]![i]!;
          const dp = v - w * best[j]!;
          const dm = v - w * worst[j]!;
          plus += dp * dp;
          minus += dm * dm;
        }
        const dPlus = Math.sqrt(plus);
        const dMinus = Math.sqrt(minus);
        out[i] = dPlus + dMinus > 0 ? dMinus / (dPlus + dMinus) : 0.5;
      }
      return out;
    },
  };
}
