import type { ChainState } from './chainState.js';
import type { GapContext } from './context.js';
import { segmentBenchmark } from './measures/benchmark.js';
import { herfindahl } from './measures/concentration.js';
import type { ResolvedGapOptions } from './options.js';
import type { NeighbourRef, SegmentFacts } from './rules/facts.js';

/**
 * Gather what the rules read about segment i: its measures, its present suppliers and customers
 * (over links ≥ minLinkWeight, strongest w·p first, ties by id) and its units' mean presence.
 *
 * @param ctx - the gap context
 * @param st - the chain state of this run
 * @param i - segment index
 * @param t - resolved thresholds
 * @param defaultBenchmark - the default benchmark (亿元), `presence.benchmarkRevenue`
 * @returns the facts
 * @example
 * classify(segmentFacts(ctx, st, 0, o.thresholds), o.thresholds);
 */
export function segmentFacts(ctx: GapContext, st: ChainState, i: number, t: ResolvedGapOptions['thresholds'], defaultBenchmark = 50): SegmentFacts {
  const { adjacency: adj } = ctx;
  const p = st.presence;
  const suppliers: NeighbourRef[] = [];
  for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) {
    const j = adj.inFrom[e]!;
    if (p[j]! >= t.present && adj.inW[e]! >= t.minLinkWeight) suppliers.push({ index: j, weight: adj.inW[e]!, presence: p[j]!, link: adj.inEdge[e]! });
  }
  const consumers: NeighbourRef[] = [];
  for (let e = adj.outStart[i]!; e < adj.outStart[i + 1]!; e++) {
    const j = adj.outTo[e]!;
    if (p[j]! >= t.present && adj.outW[e]! >= t.minLinkWeight) consumers.push({ index: j, weight: adj.outW[e]!, presence: p[j]!, link: e });
  }
  // Neighbour indices follow id order, so ties in w·p fall back to id order.
  const strongest = (a: NeighbourRef, b: NeighbourRef): number => b.weight * b.presence - a.weight * a.presence || a.index - b.index;
  if (suppliers.length > 1) suppliers.sort(strongest);
  if (consumers.length > 1) consumers.sort(strongest);
  const segmentFirms = st.firms.get(adj.ids[i]!);
  const firms = segmentFirms?.firms ?? [];
  const g = ctx.groupUnit[i]!;
  return {
    index: i,
    presence: p[i]!,
    present: st.present[i] === 1,
    // Firms on record, or (issue 14) the firms a present correction names when more.
    firmCount: Math.max(firms.reduce((n, f) => n + f.count, 0), st.correctedFirms[i]?.length ?? 0),
    hhi: herfindahl(
      firms.map((f) => f.revenue),
      firms.map((f) => f.count),
    ),
    demandPull: st.demandPull[i]!,
    supplyPush: st.supplyPush[i]!,
    relatedness: st.relatedness[i]!,
    localSupplyRate: st.localSupplyRate[i]!,
    inputWeight: st.supplyDen[i]!,
    strategic: ctx.strategic[i] === 1,
    presentSuppliers: suppliers,
    presentConsumers: consumers,
    chainUnit: { index: ctx.chainUnit[i]!, presence: st.unitPresence[ctx.chainUnit[i]!]! },
    industryUnit: { index: ctx.industryUnit[i]!, presence: st.unitPresence[ctx.industryUnit[i]!]! },
    groupUnit: g >= 0 ? { index: g, presence: st.unitPresence[g]! } : null,
    localRevenue: segmentFirms?.revenue ?? 0,
    benchmark: segmentBenchmark(ctx.segments[i]!, (id) => st.firms.get(id)?.revenue ?? 0, defaultBenchmark),
    ...(st.sizeEstimated[i] === 1 ? { sizeEstimated: true } : {}),
  };
}
