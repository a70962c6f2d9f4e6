import type { GapContext } from '../../gaps/context.js';
import { correctedRevenue, indexCorrections } from '../../gaps/corrections.js';
import type { Correction } from '../../schema/correction.js';
import { segmentBenchmark } from '../../gaps/measures/benchmark.js';
import { presence } from '../../gaps/measures/presence.js';
import type { ResolvedGapOptions } from '../../gaps/options.js';
import type { SegmentFirms } from '../../graph/localFirmsBySegment.js';

/**
 * The per-segment quantities behind the city summary of the gap analysis (see `summarizeChains`), kept
 * unrounded so a landing's effect can be computed incrementally:
 * completeness = Σ ω·[present] / Σ ω, 本地配套率 = Σ_present p·Σw·p(supplier) / Σ_present p·Σw.
 */
export interface ChainState {
  readonly ctx: GapContext;
  readonly p: Float64Array;
  readonly present: Uint8Array;
  readonly supplyNum: Float64Array;
  readonly supplyDen: Float64Array;
  readonly threshold: number;
  readonly benchmark: number;
  readonly totalWeight: number;
  readonly presentWeight: number;
  readonly num: number;
  readonly den: number;
  /** Σ ω over each unit's members, by unit index. */
  readonly unitWeight: Float64Array;
  /** Revenue the `present` corrections stand for, by segment index (issue 14): presence uses max(firms, this). */
  readonly corrected: Float64Array;
  /** Segments (by index) whose benchmark is relative to a segment, by that segment's id (`benchmarkRelative`). */
  readonly relativeTo: ReadonlyMap<string, readonly number[]>;
}

/** Presence, local supply and the city totals of a dataset, as the gap analysis computes them. */
export function chainTotals(ctx: GapContext, firms: ReadonlyMap<string, SegmentFirms>, o: ResolvedGapOptions, corrections?: readonly Correction[]): ChainState {
  const adj = ctx.adjacency;
  const n = ctx.segments.length;
  const threshold = o.thresholds.present;
  const benchmark = o.presence.benchmarkRevenue;
  const p = new Float64Array(n);
  const present = new Uint8Array(n);
  const supplyNum = new Float64Array(n);
  const supplyDen = new Float64Array(n);
  const corrected = new Float64Array(n);
  const byId = o.applyCorrections ? indexCorrections(corrections) : new Map();
  ctx.segments.forEach((s, i) => {
    const b = segmentBenchmark(s, (id) => firms.get(id)?.revenue ?? 0, benchmark).value;
    for (const c of byId.get(s.id)?.present ?? []) corrected[i] = Math.max(corrected[i]!, correctedRevenue(c, b));
    p[i] = presence(Math.max(firms.get(s.id)?.revenue ?? 0, corrected[i]!), b);
    present[i] = p[i]! >= threshold ? 1 : 0;
  });
  let totalWeight = 0;
  let presentWeight = 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) {
      supplyNum[i]! += adj.inW[e]! * p[adj.inFrom[e]!]!;
      supplyDen[i]! += adj.inW[e]!;
    }
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
  return { ctx, p, present, supplyNum, supplyDen, threshold, benchmark, totalWeight, presentWeight, num, den, unitWeight, corrected, relativeTo };
}
