import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { GAP_FIT_SECOND_SHARE, industryOnlyGapFit } from './features/gapFit.js';
import { momentum } from './features/momentum.js';
import { proximity } from './features/proximity.js';
import { RELEVANCE, relevanceValue } from './relevance.js';
import { risk } from './features/risk.js';
import { scale } from './features/scale.js';
import { ties } from './features/ties.js';

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
 * Gap fit, synergy and policy share one loop over the company's segments: each segment id is looked up in
 * `segmentSlot` once. This inlines `gapFit.value` and `maxOverSegments` (synergy, policy) with the same
 * arithmetic in the same order, so the values are bit-identical (features.test.ts checks `value` against
 * `explain`; the matrix test checks both).
 *
 * @param c - the company
 * @param ctx - the scoring context
 * @param out - at least `ROW_WIDTH` (9) slots; overwritten
 * @example
 * const out = new Float64Array(ROW_WIDTH); companyFeatures(company, ctx, out); out[0]; // gap fit
 */
export function companyFeatures(c: Company, ctx: ScoringContext, out: Float64Array): void {
  const { segmentSlot, inScope, gapValue, synergyValue, policyValue } = ctx;
  let g1 = 0;
  let g2 = 0;
  let s1 = -1;
  let s2 = -1;
  let syn = 0;
  let pol = 0;
  let scoped = false;
  const segs = c.segments;
  if (segs !== undefined) {
    for (let k = 0; k < segs.length; k++) {
      const slot = segmentSlot.get(segs[k]!);
      if (slot === undefined || inScope[slot] === 0) continue;
      scoped = true;
      const sv = synergyValue[slot]!;
      if (sv > syn) syn = sv;
      const pv = policyValue[slot]!;
      if (pv > pol) pol = pv;
      if (slot === s1 || slot === s2) continue;
      const v = gapValue[slot]!;
      if (v > g1) {
        g2 = g1;
        s2 = s1;
        g1 = v;
        s1 = slot;
      } else if (v > g2) {
        g2 = v;
        s2 = slot;
      }
    }
  }
  out[0] = unit(scoped ? g1 + GAP_FIT_SECOND_SHARE * g2 * (1 - g1) : c.industries !== undefined ? industryOnlyGapFit(c, ctx)[0] : 0);
  out[1] = unit(syn);
  out[2] = unit(scale.value(c, ctx));
  out[3] = unit(momentum.value(c, ctx));
  out[4] = unit(proximity.value(c, ctx));
  out[5] = unit(pol);
  out[6] = unit(ties.value(c, ctx));
  out[7] = unit(risk.value(c, ctx));
  // Relevance: on a scoped segment it is read off the placement (the loop above already found the segment);
  // otherwise the full rule (industry, ties) — the same values as relevanceValue.
  const status = c.placement?.status;
  out[8] = scoped ? (status === 'off-chain' ? 0 : status === 'uncertain' ? RELEVANCE.uncertain : RELEVANCE.segment) : unit(relevanceValue(c, ctx));
}
