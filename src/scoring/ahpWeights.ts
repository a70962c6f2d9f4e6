import { UsageError } from '../errors.js';
import { AhpInconsistentError } from './AhpInconsistentError.js';
import type { AhpConsistency } from './types.js';

/** Saaty's random consistency index RI by matrix order n (index n − 1), n = 1…15 (Saaty 1980). */
export const SAATY_RANDOM_INDEX: readonly number[] = Object.freeze([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]);

/** Result of `ahpWeights`: the priority vector and the consistency figures. */
export interface AhpResult extends AhpConsistency {
  readonly weights: readonly number[];
}

const RECIPROCAL_TOLERANCE = 0.02; // accepts 0.333 for 1/3 (0.333 × 3 = 0.999)

function invalid(detail: string, detailZh: string): UsageError {
  return new UsageError(`ahpWeights: ${detail}`, `层次分析法：${detailZh}`, [detail], 'OPTIONS_INVALID');
}

function checkMatrix(matrix: readonly (readonly number[])[]): void {
  const n = matrix.length;
  if (n === 0 || n > SAATY_RANDOM_INDEX.length) throw invalid(`the matrix must have 1 to ${SAATY_RANDOM_INDEX.length} rows, got ${n}`, `矩阵须有 1 到 ${SAATY_RANDOM_INDEX.length} 行，实际 ${n} 行`);
  matrix.forEach((row, i) => {
    if (row.length !== n) throw invalid(`row ${i + 1} has ${row.length} entries, expected ${n} (square matrix)`, `第 ${i + 1} 行有 ${row.length} 个元素，应为 ${n} 个（方阵）`);
    row.forEach((a, j) => {
      // Saaty's scale is 1/9 … 9; anything beyond 1e-6 … 1e6 is a mistake and would overflow the power iteration.
      if (!(a >= 1e-6 && a <= 1e6)) throw invalid(`entry (${i + 1}, ${j + 1}) = ${a} must be a positive number between 1e-6 and 1e6`, `第 (${i + 1}, ${j + 1}) 个元素 ${a} 须为 1e-6 到 1e6 之间的正数`);
      const back = matrix[j]![i]!;
      if (Math.abs(a * back - 1) > RECIPROCAL_TOLERANCE) throw invalid(`entries (${i + 1}, ${j + 1}) = ${a} and (${j + 1}, ${i + 1}) = ${back} are not reciprocal (a_ji must be 1 / a_ij)`, `第 (${i + 1}, ${j + 1}) 与 (${j + 1}, ${i + 1}) 个元素 ${a}、${back} 不互为倒数`);
    });
  });
}

/**
 * Weights from an AHP pairwise comparison matrix (Saaty 1980): the principal eigenvector (power
 * iteration), λmax = mean_i (A w)_i / w_i, CI = (λmax − n) / (n − 1), CR = CI / RI(n) with Saaty's random
 * index table. Entry a_ij says how much more important criterion i is than j on the 1–9 scale.
 *
 * @param matrix - a positive reciprocal n × n matrix (a_ji = 1 / a_ij, a_ii = 1)
 * @param maxCr - the largest acceptable consistency ratio (default 0.1)
 * @returns the weights (summing to 1) and λmax, CI, CR, RI
 * @throws {UsageError} code `OPTIONS_INVALID` when the matrix is not square, positive and reciprocal
 * @throws {AhpInconsistentError} code `AHP_INCONSISTENT` when CR ≥ maxCr (the error carries CR and the weights)
 * @example
 * ahpWeights([[1, 3], [1 / 3, 1]]).weights; // [0.75, 0.25]
 */
export function ahpWeights(matrix: readonly (readonly number[])[], maxCr = 0.1): AhpResult {
  checkMatrix(matrix);
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 10_000; iter++) {
    const next = matrix.map((row) => row.reduce((acc, a, j) => acc + a * w[j]!, 0));
    const total = next.reduce((a, b) => a + b, 0);
    const normalised = next.map((v) => v / total);
    const change = normalised.reduce((acc, v, i) => Math.max(acc, Math.abs(v - w[i]!)), 0);
    w = normalised;
    if (change < 1e-15) break;
  }
  const aw = matrix.map((row) => row.reduce((acc, a, j) => acc + a * w[j]!, 0));
  const lambdaMax = aw.reduce((acc, v, i) => acc + v / w[i]!, 0) / n;
  const ci = n > 2 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const ri = SAATY_RANDOM_INDEX[n - 1]!;
  const cr = ri > 0 ? ci / ri : 0;
  const consistency = { lambdaMax, ci, cr, ri };
  if (cr >= maxCr) throw new AhpInconsistentError(consistency, w, maxCr);
  return { weights: w, ...consistency };
}
