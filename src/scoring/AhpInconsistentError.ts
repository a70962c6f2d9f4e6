import { ChainTargetingError } from '../errors.js';
import type { AhpConsistency } from './types.js';

/**
 * A pairwise comparison matrix whose consistency ratio is too high (CR ≥ 0.1 by default, Saaty's rule):
 * the judgements contradict each other too much for their weights to be trusted. Carries the figures,
 * including the weights the matrix would have given, so a tool can show them while asking for a revision.
 *
 * @example
 * try { ahpWeights(matrix); } catch (e) { if (e instanceof AhpInconsistentError) e.consistency.cr; }
 */
export class AhpInconsistentError extends ChainTargetingError {
  readonly consistency: AhpConsistency;
  readonly weights: readonly number[];
  readonly maxCr: number;

  constructor(consistency: AhpConsistency, weights: readonly number[], maxCr: number) {
    const cr = consistency.cr.toFixed(3);
    super(
      'AHP_INCONSISTENT',
      `AHP: the pairwise matrix is inconsistent: CR = ${cr} ≥ ${maxCr} (λmax = ${consistency.lambdaMax.toFixed(3)}, CI = ${consistency.ci.toFixed(3)}, RI = ${consistency.ri}). Revise the judgements that contradict each other (if A > B and B > C, A should be > C).`,
      `层次分析法：判断矩阵一致性不足：CR = ${cr} ≥ ${maxCr}（λmax = ${consistency.lambdaMax.toFixed(3)}，CI = ${consistency.ci.toFixed(3)}，RI = ${consistency.ri}）。请修改相互矛盾的判断（若 A 比 B 重要、B 比 C 重要，则 A 应比 C 重要）。`,
    );
    this.consistency = consistency;
    this.weights = weights;
    this.maxCr = maxCr;
  }
}
