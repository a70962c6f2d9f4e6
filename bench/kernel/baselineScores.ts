// The baseline of issue 9: the same weighted fit score as rankCompanies, hand-written as tight loops
// over typed arrays. The constants and the per-segment values come from the library (same ScoringContext),
// so the kernel computes the same numbers; the bench checks that it does (max |Δscore| and top-1,000 ids).
import { REVENUE_BANDS, type Company, type RevenueBand } from '../../src/schema/index.js';
import type { ScoringContext } from '../../src/scoring/buildScoringContext.js';
import type { FeatureMatrix } from '../../src/scoring/computeFeatureMatrix.js';
import { GAP_FIT_SECOND_SHARE } from '../../src/scoring/features/gapFit.js';
import { MOMENTUM } from '../../src/scoring/features/momentum.js';
import { RISK } from '../../src/scoring/features/risk.js';
import { SCALE } from '../../src/scoring/features/scale.js';
import { TIE_WEIGHTS } from '../../src/scoring/features/ties.js';
import { partialDateToDay } from '../../src/scoring/partialDateToDay.js';
import { POSITIVE_FEATURES, type Weights } from '../../src/scoring/types.js';

const LOG_FULL = Math.log10(1 + SCALE.fullRevenue);

function bandMid(band: RevenueBand): number {
  const b = REVENUE_BANDS[band];
  if (!Number.isFinite(b.max)) return b.min;
  return b.min > 0 ? Math.sqrt(b.min * b.max) : b.max / 2;
}

/** Proximity by province then city (中国 HQs), and by the full place key for other countries. */
function placeTable(ctx: ScoringContext): { readonly china: Map<string, Map<string, number>>; readonly other: Map<string, number> } {
  const china = new Map<string, Map<string, number>>();
  const other = new Map<string, number>();
  for (const [key, facts] of ctx.placeFacts) {
    const [country, province, city] = key.split('|') as [string, string, string];
    if (country === '中国') {
      let m = china.get(province);
      if (m === undefined) china.set(province, (m = new Map()));
      m.set(city, facts.value);
    } else other.set(key, facts.value);
  }
  return { china, other };
}

/**
 * Weighted fit scores of every company, computed in one hand-written pass: per company, the eight
 * features from per-segment typed arrays (gap value, synergy, policy), revenue-band and list tables,
 * signal, tie and risk loops; then P = Σ w·x and score = P − w_risk·risk·P, as `weightedScores`.
 *
 * @param companies - the candidates
 * @param ctx - the library's scoring context (per-segment values, places, local children)
 * @param weights - normalised weights
 * @param ids - when given, filled with each company's id in the same loop (as the library does, so that
 *   neither pays a second pass over the company objects for the top selection's tie-breaks)
 * @returns one score per company
 */
export function baselineScores(companies: readonly Company[], ctx: ScoringContext, weights: Weights, ids?: string[]): Float64Array {
  const n = companies.length;
  const out = new Float64Array(n);
  const { segmentSlot, inScope, gapValue, synergyValue, policyValue, childrenOf, asOfDay } = ctx;
  const places = placeTable(ctx);
  const bandValue = new Map<string, number>();
  for (const band of Object.keys(REVENUE_BANDS) as RevenueBand[]) bandValue.set(band, Math.min(1, Math.log10(1 + bandMid(band)) / LOG_FULL));
  const w = POSITIVE_FEATURES.map((f) => weights[f]);
  const [wGap, wSyn, wScale, wMom, wProx, wPol, wTies] = w as [number, number, number, number, number, number, number];
  const wRisk = weights.risk;
  const signalHalf = MOMENTUM.halfLifeYears;
  const riskHalf = RISK.halfLifeYears;
  for (let i = 0; i < n; i++) {
    const c = companies[i]!;
    if (ids !== undefined) ids[i] = c.id;
    // gap fit, synergy, policy: one loop over the company's segments
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
    const gap = g1 + GAP_FIT_SECOND_SHARE * g2 * (1 - g1);
    // scale
    let rev = 0;
    if (c.revenue !== undefined) rev = Math.min(1, Math.log10(1 + c.revenue) / LOG_FULL);
    else if (c.revenueBand !== undefined) rev = bandValue.get(c.revenueBand)!;
    let list = c.stockCode !== undefined ? SCALE.lists.listed : 0;
    const lists = c.lists;
    if (lists !== undefined) for (let k = 0; k < lists.length; k++) list = Math.max(list, SCALE.lists[lists[k]!]);
    const scale = SCALE.revenueShare * rev + (1 - SCALE.revenueShare) * list;
    // momentum
    let miss = 1;
    const signals = c.signals;
    if (signals !== undefined) {
      for (let k = 0; k < signals.length; k++) {
        const s = signals[k]!;
        const day = partialDateToDay(s.date);
        const age = day === undefined ? Number.POSITIVE_INFINITY : Math.max(0, (asOfDay - day) / 365.25);
        miss *= 1 - MOMENTUM.signalWeights[s.type] * 2 ** (-age / signalHalf);
      }
    }
    const gr = c.growth;
    const growth = gr === undefined || !(gr > 0) ? 0 : Math.min(1, gr / MOMENTUM.fullGrowth);
    const momentum = 1 - (1 - MOMENTUM.growthShare * growth) * miss;
    // proximity
    const hq = c.hq;
    const prox = (hq.country === undefined || hq.country === '中国' ? places.china.get(hq.province)?.get(hq.city) : places.other.get(`${hq.country}|${hq.province}|${hq.city}`)) ?? 0;
    // ties
    let tmiss = 1;
    const ties = c.ties;
    if (ties !== undefined) for (let k = 0; k < ties.length; k++) tmiss *= 1 - TIE_WEIGHTS[ties[k]!.type];
    const children = childrenOf.get(c.id);
    if (children !== undefined) {
      for (const e of children) {
        const declared = ties?.some((t) => t.type === 'parent-of-local' && t.enterprise === e.id) === true;
        if (!declared) tmiss *= 1 - TIE_WEIGHTS['parent-of-local'];
      }
    }
    const tie = 1 - tmiss;
    // risk
    let rmiss = 1;
    const risks = c.risks;
    if (risks !== undefined) {
      for (let k = 0; k < risks.length; k++) {
        const r = risks[k]!;
        const day = r.date !== undefined ? partialDateToDay(r.date) : undefined;
        const age = day === undefined ? 0 : Math.max(0, (asOfDay - day) / 365.25);
        rmiss *= 1 - RISK.severity[r.severity] * RISK.type[r.type] * 2 ** (-age / riskHalf);
      }
    }
    const risk = clamp(1 - rmiss);
    // Same clamping and summation order as computeFeatureMatrix + weightedScores.
    let p = 0;
    p += wGap * clamp(gap);
    p += wSyn * clamp(syn);
    p += wScale * clamp(scale);
    p += wMom * clamp(momentum);
    p += wProx * clamp(prox);
    p += wPol * clamp(pol);
    p += wTies * clamp(tie);
    out[i] = p + -(wRisk * risk) * p;
  }
  return out;
}

function clamp(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/**
 * The weighted sum alone over a precomputed feature matrix (the library's columns): the lower bound of
 * any ranking, reported for reference.
 *
 * @param matrix - the library's feature matrix
 * @param weights - normalised weights
 * @returns one score per candidate
 */
export function baselineWeightedSum(matrix: FeatureMatrix, weights: Weights): Float64Array {
  const n = matrix.size;
  const c = matrix.columns;
  const { gapFit, synergy, scale, momentum, proximity, policy, ties, risk } = c;
  const out = new Float64Array(n);
  const { gapFit: a, synergy: b, scale: d, momentum: e, proximity: f, policy: g, ties: h, risk: wr } = weights;
  for (let i = 0; i < n; i++) {
    const p = a * gapFit[i]! + b * synergy[i]! + d * scale[i]! + e * momentum[i]! + f * proximity[i]! + g * policy[i]! + h * ties[i]!;
    out[i] = p + -(wr * risk[i]!) * p;
  }
  return out;
}
