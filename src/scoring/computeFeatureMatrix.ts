import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { gapFit } from './features/gapFit.js';
import { momentum } from './features/momentum.js';
import { policyFit } from './features/policyFit.js';
import { proximity } from './features/proximity.js';
import { risk } from './features/risk.js';
import { scale } from './features/scale.js';
import { synergy } from './features/synergy.js';
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
  // One literal loop per feature, not a shared helper: each call site then sees one function and stays
  // monomorphic (a shared `f(c, ctx)` site with eight targets is megamorphic and several times slower).
  for (let i = 0; i < n; i++) g[i] = unit(gapFit.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) sy[i] = unit(synergy.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) sc[i] = unit(scale.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) mo[i] = unit(momentum.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) pr[i] = unit(proximity.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) po[i] = unit(policyFit.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) ti[i] = unit(ties.value(companies[i]!, ctx));
  for (let i = 0; i < n; i++) ri[i] = unit(risk.value(companies[i]!, ctx));
  return { size: n, columns: { gapFit: g, synergy: sy, scale: sc, momentum: mo, proximity: pr, policy: po, ties: ti, risk: ri } };
}
