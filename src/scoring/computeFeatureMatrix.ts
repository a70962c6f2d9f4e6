import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import { companyFeatures } from './companyFeatures.js';
import type { FeatureName } from './types.js';
import { ROW_WIDTH } from './weightedSum.js';

/** Feature values of every candidate, by column: `columns.gapFit[i]` is candidate i's gap fit; `relevance[i]` its chain relevance (the gate). */
export interface FeatureMatrix {
  readonly size: number;
  readonly columns: Readonly<Record<FeatureName, Float64Array>>;
  readonly relevance: Float64Array;
}

/**
 * Compute every feature of every candidate in one columnar pass (no reasons, no per-company objects):
 * what entropy weights, TOPSIS and the stability check read. Values are clamped to [0, 1]. (A plain
 * weighted ranking sums the same values without storing them: see `scoreCandidates`.)
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
  const re = new Float64Array(n);
  const x = new Float64Array(ROW_WIDTH);
  // One pass over the companies (each company object is read once, which matters at a million of them).
  for (let i = 0; i < n; i++) {
    companyFeatures(companies[i]!, ctx, x);
    g[i] = x[0]!;
    sy[i] = x[1]!;
    sc[i] = x[2]!;
    mo[i] = x[3]!;
    pr[i] = x[4]!;
    po[i] = x[5]!;
    ti[i] = x[6]!;
    ri[i] = x[7]!;
    re[i] = x[8]!;
  }
  return { size: n, columns: { gapFit: g, synergy: sy, scale: sc, momentum: mo, proximity: pr, policy: po, ties: ti, risk: ri }, relevance: re };
}
