import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { gapFitOfScan } from './features/gapFit.js';
import { momentum } from './features/momentum.js';
import { industryOnlyPolicy } from './features/policyFit.js';
import { proximity } from './features/proximity.js';
import { RELEVANCE, relevanceValue } from './relevance.js';
import { risk } from './features/risk.js';
import { scale } from './features/scale.js';
import { ties } from './features/ties.js';
import { SCAN, scanSegments } from './scanSegments.js';

/** Clamp to [0, 1]; NaN becomes 0, so a bad input can never push a score outside [0, 1]. */
function unit(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/**
 * The eight feature values of one company, clamped to [0, 1], written into `out` in `FEATURE_NAMES` order
 * (gapFit, synergy, scale, momentum, proximity, policy, ties, risk), then its chain relevance (the gate, see
 * `relevanceValue`) in slot 8: the per-company step shared by
 * `computeFeatureMatrix` (which stores them in columns) and `scoreCandidates` (which sums them at once),
 * so both see the same numbers. Allocation-free: writing into a caller's buffer keeps the values unboxed.
 *
 * Gap fit, synergy and policy read one `scanSegments` pass over the company's segments (the one the features'
 * `value` read too), so the values are bit-identical (features.test.ts checks `value` against `explain`; the
 * matrix test checks both). The scan is written into `out` first (its scratch), then overwritten by the row.
 *
 * @param c - the company
 * @param ctx - the scoring context
 * @param out - at least `ROW_WIDTH` (9) slots; overwritten
 * @example
 * const out = new Float64Array(ROW_WIDTH); companyFeatures(company, ctx, out); out[0]; // gap fit
 */
export function companyFeatures(c: Company, ctx: ScoringContext, out: Float64Array): void {
  scanSegments(c.segments, ctx, out);
  const scoped = out[SCAN.scoped] === 1;
  const gap = gapFitOfScan(out, c, ctx);
  const syn = out[SCAN.synergy]!;
  // A company on no in-scope segment takes its industry's policy fit (policyFit's rule), like gap fit.
  const pol = scoped ? out[SCAN.policy]! : c.industries !== undefined ? industryOnlyPolicy(c, ctx)[0] : 0;
  out[0] = unit(gap);
  out[1] = unit(syn);
  out[2] = unit(scale.value(c, ctx));
  out[3] = unit(momentum.value(c, ctx));
  out[4] = unit(proximity.value(c, ctx));
  out[5] = unit(pol);
  out[6] = unit(ties.value(c, ctx));
  out[7] = unit(risk.value(c, ctx));
  // Relevance: on a scoped segment it is read off the placement (the scan already found the segment);
  // otherwise the full rule (industry, ties) — the same values as relevanceValue.
  const status = c.placement?.status;
  out[8] = scoped ? (status === 'off-chain' ? 0 : status === 'uncertain' ? RELEVANCE.uncertain : RELEVANCE.segment) : unit(relevanceValue(c, ctx));
}
