import { NUMBERS, type Arithmetic } from './formula.js';
import { FEATURE_NAMES, type FeatureName, type Weights } from './types.js';

/** Width of a feature row: the eight features in `FEATURE_NAMES` order, then the relevance gate. */
export const ROW_WIDTH = 9;

/** Index of the relevance gate in a feature row. */
export const RELEVANCE_SLOT = 8;

/**
 * The weights as a vector in `FEATURE_NAMES` order (gapFit, synergy, scale, momentum, proximity, policy, ties, risk),
 * for `weightedSum`.
 *
 * @param weights - normalised weights
 * @returns eight numbers
 * @example
 * weightVector(WEIGHT_PRESETS.balanced.weights)[0]; // 0.25
 */
export function weightVector(weights: Weights): Float64Array {
  return Float64Array.from(FEATURE_NAMES, (f) => weights[f]);
}

/**
 * Contribution of one positive feature to the weighted-sum score: gate · (weight · value). Written once for both
 * engines (see `Arithmetic`): `weightedSum` evaluates it on numbers, the DuckDB/Spark/Trino query renders it.
 *
 * @example
 * contributionFormula(NUMBERS, 1, 0.25, 0.8); // 0.2
 */
export function contributionFormula<T>(A: Arithmetic<T>, gate: T, weight: T, value: T): T {
  return A.mul(gate, A.mul(weight, value));
}

/**
 * The risk contribution: −(weight_risk · risk) · P, where P is the sum of the positive contributions, so risk takes
 * away a share of what the company earned and the score stays in [0, 1]. Written once for both engines.
 *
 * @example
 * riskPenaltyFormula(NUMBERS, 0.1, 0.5, 0.6); // -0.03
 */
export function riskPenaltyFormula<T>(A: Arithmetic<T>, weight: T, risk: T, positive: T): T {
  return A.mul(A.neg(A.mul(weight, risk)), positive);
}

/**
 * The one kernel of the weighted-sum score (every scoring path calls it: the one-pass scorer, the matrix
 * scorer and the contributions of an item, so they agree bit for bit). With gate g = the row's relevance:
 * contribution_f = g · (w_f · x_f) for the positive features, P = their sum, contribution_risk = −(w_risk · risk) · P,
 * score = P + contribution_risk. With features, w_risk and g in [0, 1] and Σ w_f ≤ 1 the score lies in [0, 1].
 *
 * @param x - a feature row (`ROW_WIDTH` values: features in `FEATURE_NAMES` order, then relevance)
 * @param w - `weightVector(weights)`
 * @param into - when given, receives the eight contributions in `FEATURE_NAMES` order
 * @returns the score
 * @example
 * weightedSum(Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0, 1), weightVector(WEIGHT_PRESETS.balanced.weights)); // 0.25
 */
export function weightedSum(x: ArrayLike<number>, w: ArrayLike<number>, into?: Float64Array): number {
  const g = x[RELEVANCE_SLOT]!;
  const N = NUMBERS;
  const c0 = contributionFormula(N, g, w[0]!, x[0]!);
  const c1 = contributionFormula(N, g, w[1]!, x[1]!);
  const c2 = contributionFormula(N, g, w[2]!, x[2]!);
  const c3 = contributionFormula(N, g, w[3]!, x[3]!);
  const c4 = contributionFormula(N, g, w[4]!, x[4]!);
  const c5 = contributionFormula(N, g, w[5]!, x[5]!);
  const c6 = contributionFormula(N, g, w[6]!, x[6]!);
  // The sum left to right from 0, as the SQL writes it (`0e0 + c0 + … + c6`).
  const p = 0 + c0 + c1 + c2 + c3 + c4 + c5 + c6;
  const penalty = riskPenaltyFormula(N, w[7]!, x[7]!, p);
  if (into !== undefined) {
    into[0] = c0;
    into[1] = c1;
    into[2] = c2;
    into[3] = c3;
    into[4] = c4;
    into[5] = c5;
    into[6] = c6;
    into[7] = penalty;
  }
  return p + penalty;
}

/**
 * The contributions of one company as a record (they add up to its weighted-sum score exactly).
 *
 * @param features - the feature values
 * @param relevance - the relevance gate in [0, 1]
 * @param weights - normalised weights
 * @returns the score and the contributions by feature
 * @example
 * combineFeatures(item.features, item.relevance, ranking.weights).score === item.score; // with the weighted method
 */
export function combineFeatures(features: Readonly<Record<FeatureName, number>>, relevance: number, weights: Weights): { score: number; contributions: Record<FeatureName, number> } {
  const row = new Float64Array(ROW_WIDTH);
  FEATURE_NAMES.forEach((f, k) => (row[k] = features[f]));
  row[RELEVANCE_SLOT] = relevance;
  const out = new Float64Array(8);
  const score = weightedSum(row, weightVector(weights), out);
  const contributions = {} as Record<FeatureName, number>;
  FEATURE_NAMES.forEach((f, k) => (contributions[f] = out[k]!));
  return { score, contributions };
}
