import type { ChainState } from '../../gaps/chainState.js';
import type { GapContext } from '../../gaps/context.js';
import type { ResolvedGapOptions } from '../../gaps/options.js';

/**
 * The city totals behind the summary of the gap analysis (see `summarizeChains`), over the gap analysis' own
 * chain state, kept unrounded so a landing's effect can be computed incrementally:
 * completeness = Σ ω·[present] / Σ ω, 本地配套率 = Σ_present p·Σw·p(supplier) / Σ_present p·Σw.
 */
export interface CityTotals {
  readonly ctx: GapContext;
  /** The chain state of the dataset (presence, local supply, corrected revenue by segment index). */
  readonly state: ChainState;
  readonly threshold: number;
  readonly benchmark: number;
  readonly totalWeight: number;
  readonly presentWeight: number;
  readonly num: number;
  readonly den: number;
  /** Σ ω over each unit's members, by unit index. */
  readonly unitWeight: Float64Array;
  /** Segments (by index) whose benchmark is relative to a segment, by that segment's id (`benchmarkRelative`). */
  readonly relativeTo: ReadonlyMap<string, readonly number[]>;
}

/** The city totals of a chain state, as the gap analysis computes them. */
export function cityTotals(ctx: GapContext, state: ChainState, o: ResolvedGapOptions): CityTotals {
  const n = ctx.segments.length;
  const { presence: p, present, supplyNum, supplyDen } = state;
  let totalWeight = 0;
  let presentWeight = 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    totalWeight += ctx.degreeWeight[i]!;
    if (present[i]) {
      presentWeight += ctx.degreeWeight[i]!;
      num += p[i]! * supplyNum[i]!;
      den += p[i]! * supplyDen[i]!;
    }
  }
  const unitWeight = new Float64Array(ctx.units.length);
  ctx.units.forEach((u, k) => {
    for (let j = 0; j < u.members.length; j++) unitWeight[k]! += ctx.degreeWeight[u.members[j]!]!;
  });
  const relativeTo = new Map<string, number[]>();
  ctx.segments.forEach((seg, i) => {
    const ref = seg.benchmarkRelative?.segment;
    if (ref !== undefined && ref !== seg.id) relativeTo.set(ref, [...(relativeTo.get(ref) ?? []), i]);
  });
  return { ctx, state, threshold: o.thresholds.present, benchmark: o.presence.benchmarkRevenue, totalWeight, presentWeight, num, den, unitWeight, relativeTo };
}
