import type { GapContext } from './context.js';
import { GAP_KINDS, type ChainSummary, type GapCounts, type GapKind } from './types.js';

/** Per-segment results the summaries read, by segment index. */
export interface SegmentOutcome {
  readonly presence: Float64Array;
  readonly present: Uint8Array;
  /** Σ over inputs of w·p(supplier), and Σ of input weights. */
  readonly supplyNum: Float64Array;
  readonly supplyDen: Float64Array;
  readonly kind: readonly GapKind[];
  readonly priority: Float64Array;
  /** 1 when the segment's gap is on the priority list (kind ≠ none and not a left-out 受限 gap); absent = every gap. */
  readonly listed?: Uint8Array;
}

/** Zero count per gap kind, keys in `GAP_KINDS` order (the published key order). */
const emptyCounts = (): Record<GapKind, number> => Object.fromEntries(GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>;

function summarize(members: ArrayLike<number>, ctx: GapContext, o: SegmentOutcome, topGaps: number) {
  let wPresent = 0;
  let wAll = 0;
  let num = 0;
  let den = 0;
  const counts = emptyCounts();
  const gaps: number[] = [];
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const w = ctx.degreeWeight[i]!;
    wAll += w;
    if (o.present[i]) {
      wPresent += w;
      num += o.presence[i]! * o.supplyNum[i]!;
      den += o.presence[i]! * o.supplyDen[i]!;
    }
    counts[o.kind[i]!] += 1;
    if (o.kind[i] !== 'none' && (o.listed === undefined || o.listed[i] === 1)) gaps.push(i);
  }
  const ids = ctx.adjacency.ids;
  gaps.sort((a, b) => o.priority[b]! - o.priority[a]! || (ids[a]! < ids[b]! ? -1 : 1));
  return {
    completeness: wAll > 0 ? wPresent / wAll : 0,
    localSupplyRate: den > 0 ? num / den : 0,
    counts: counts as GapCounts,
    topGaps: gaps.slice(0, topGaps).map((i) => ids[i]!),
  };
}

/**
 * Summaries per industry and sub-direction, and for the whole city:
 * - completeness = Σ ω·[present] / Σ ω over the unit's segments, ω = 1 + Σ weights of the segment's
 *   links (better-connected segments count more);
 * - 本地配套率 = Σ p(n)·Σ w(m→n)·p(m) / Σ p(n)·Σ w(m→n) over present segments n (input weight that
 *   local suppliers cover, each segment weighted by its own presence); 0 when nothing is present;
 * - counts by gap kind, and the top gaps by priority (ties by id); 受限 gaps left out of the priority
 *   list (`listed` 0, issue 14) are counted by kind but are not among the top gaps.
 *
 * @param ctx - the gap context
 * @param o - per-segment outcomes
 * @param topGaps - how many top gap ids to keep
 * @returns industries (dataset order), sub-directions (dataset order) and the city
 * @example
 * summarizeChains(ctx, outcome, 5).industries[0]!.completeness;
 */
export function summarizeChains(
  ctx: GapContext,
  o: SegmentOutcome,
  topGaps: number,
): { industries: ChainSummary[]; subDirections: ChainSummary[]; city: { completeness: number; localSupplyRate: number; counts: GapCounts } } {
  const toSummary = (u: number): ChainSummary => {
    const unit = ctx.units[u]!;
    return { id: unit.id, name: unit.name, nameEn: unit.nameEn, industry: unit.industry, ...summarize(unit.members, ctx, o, topGaps) };
  };
  const all = Int32Array.from({ length: ctx.segments.length }, (_, i) => i);
  const { completeness, localSupplyRate, counts } = summarize(all, ctx, o, 0);
  return { industries: ctx.industryUnits.map(toSummary), subDirections: ctx.subDirectionUnits.map(toSummary), city: { completeness, localSupplyRate, counts } };
}
