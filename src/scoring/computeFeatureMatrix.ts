import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { GAP_FIT_SECOND_SHARE } from './features/gapFit.js';
import { momentum } from './features/momentum.js';
import { proximity } from './features/proximity.js';
import { risk } from './features/risk.js';
import { scale } from './features/scale.js';
import { ties } from './features/ties.js';
import type { FeatureName } from './types.js';

/** Feature values of every candidate, by column: `columns.gapFit[i]` is candidate i's gap fit. */
export interface FeatureMatrix {
  readonly size: number;
  readonly columns: Readonly<Record<FeatureName, Float64Array>>;
}

/** Clamp to [0, 1]; NaN becomes 0, so a bad input can never push a score outside [0, 1]. */
function unit(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/**
 * Compute every feature of every candidate in one columnar pass (no reasons, no per-company objects):
 * the fast path behind `rankCompanies`. Values are clamped to [0, 1].
 *
 * @param companies - the candidates
 * @param ctx - the scoring context
 * @returns one Float64Array per feature
 * @example
 * const m = computeFeatureMatrix(ds.companies, ctx);
 * m.columns.gapFit[0]; // the first company's gap fit
 */
export function computeFeatureMatrix(companies: readonly Company[], ctx: ScoringContext): FeatureMatrix {
  const n = companies.length;
  const g = new Float64Array(n);
  const sy = new Float64Array(n);
  const sc = new Float64Array(n);
  const mo = new Float64Array(n);
  const pr = new Float64Array(n);
  const po = new Float64Array(n);
  const ti = new Float64Array(n);
  const ri = new Float64Array(n);
  const { segmentSlot, inScope, gapValue, synergyValue, policyValue } = ctx;
  // One pass over the companies (each company object is read once, which matters at a million of them).
  // Gap fit, synergy and policy share one loop over the company's segments: each segment id is looked
  // up in `segmentSlot` once, and no tuple is allocated. This inlines `gapFit.value` and
  // `maxOverSegments` (synergy, policy) with the same arithmetic in the same order, so the values are
  // bit-identical (features.test.ts checks `value` against `explain`; the matrix test checks both).
  // The other features are called through their own call sites, one target each (monomorphic).
  for (let i = 0; i < n; i++) {
    const c = companies[i]!;
    let g1 = 0;
    let g2 = 0;
    let s1 = -1;
    let s2 = -1;
    let syn = 0;
    let pol = 0;
    const segs = c.segments;
    if (segs !== undefined) {
      for (let k = 0; k < segs.length; k++) {
        const slot = segmentSlot.get(segs[k]!);
        if (slot === undefined || inScope[slot] === 0) continue;
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
    g[i] = unit(g1 + GAP_FIT_SECOND_SHARE * g2 * (1 - g1));
    sy[i] = unit(syn);
    sc[i] = unit(scale.value(c, ctx));
    mo[i] = unit(momentum.value(c, ctx));
    pr[i] = unit(proximity.value(c, ctx));
    po[i] = unit(pol);
    ti[i] = unit(ties.value(c, ctx));
    ri[i] = unit(risk.value(c, ctx));
  }
  return { size: n, columns: { gapFit: g, synergy: sy, scale: sc, momentum: mo, proximity: pr, policy: po, ties: ti, risk: ri } };
}
