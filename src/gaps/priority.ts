import { PRIORITY_FACTORS, type PriorityBreakdown, type PriorityFactor } from './types.js';

/**
 * Priority of a gap in [0, 1]: need × importance × sectorFactor. need = max(1 − presence, minNeed)
 * (minNeed > 0 only for 强链); importance = Σ wᵢ·factorᵢ with the weights normalised to sum 1. The
 * factors (demand pull, supply push, relatedness, centrality, strategic flag, city priority) and
 * the sector factor do not depend on the segment's own presence, and minNeed ≤ 1 − the present
 * threshold, so adding presence to a segment can only lower its priority.
 *
 * @param presence - the segment's presence p in [0, 1]
 * @param minNeed - least need (0 except for 强链)
 * @param sectorFactor - 1, or the primary-sector factor for resource segments
 * @param factors - factor values in [0, 1]
 * @param weights - non-negative weights, not all 0
 * @param needCap - the most need counted (1 = none; issue 14: an unverified absence counts at most
 *   `unverifiedNeedCap`); a cap never below 1 − the present threshold keeps the monotonicity above
 * @returns the priority and how it was computed
 * @example
 * gapPriority(0, 0, 1, { demandPull: 1, supplyPush: 0, relatedness: 0, centrality: 0, strategic: 0, cityPriority: 0 }, weights).priority;
 */
export function gapPriority(
  presence: number,
  minNeed: number,
  sectorFactor: number,
  factors: Readonly<Record<PriorityFactor, number>>,
  weights: Readonly<Record<PriorityFactor, number>>,
  needCap = 1,
): { readonly priority: number; readonly breakdown: PriorityBreakdown } {
  const total = PRIORITY_FACTORS.reduce((t, f) => t + weights[f], 0);
  const normalised = {} as Record<PriorityFactor, number>;
  let importance = 0;
  for (const f of PRIORITY_FACTORS) {
    normalised[f] = total > 0 ? weights[f] / total : 0;
    importance += normalised[f] * factors[f];
  }
  importance = Math.min(1, Math.max(0, importance));
  const raw = Math.max(1 - Math.min(1, Math.max(0, presence)), minNeed);
  const need = Math.min(raw, needCap);
  const breakdown: PriorityBreakdown = { need, importance, factors: { ...factors }, weights: normalised, sectorFactor, ...(need < raw ? { needCap } : {}) };
  return { priority: need * importance * sectorFactor, breakdown };
}
