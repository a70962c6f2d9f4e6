import type { ChainModel } from '../model/chainModel.js';
import type { SegmentFirms } from '../model/localFirmsBySegment.js';
import type { GapContext } from './context.js';
import { correctedRevenue, type SegmentCorrections } from './corrections.js';
import { linkages } from './measures/linkages.js';
import { localSupplyRate } from './measures/localSupplyRate.js';
import { segmentBenchmark } from './measures/benchmark.js';
import { presence } from './measures/presence.js';
import { relatedness } from './measures/relatedness.js';
import { unitPresence } from './measures/unitPresence.js';
import type { ResolvedGapOptions } from './options.js';

/**
 * The chain-wide measures of one run, by segment index (see docs/methodology.md): the one chain state of a
 * dataset, read by the gap analysis and by what-if (`opportunityGain` adds the city totals to it).
 */
export interface ChainState {
  readonly firms: ReadonlyMap<string, SegmentFirms>;
  readonly presence: Float64Array;
  /** 1 when presence ≥ the `present` threshold. */
  readonly present: Uint8Array;
  readonly relatedness: Float64Array;
  readonly demandPull: Float64Array;
  readonly supplyPush: Float64Array;
  readonly localSupplyRate: readonly (number | null)[];
  /** Mean presence by unit index. */
  readonly unitPresence: Float64Array;
  /** Σ w·p over inputs, and Σ w over inputs (本地配套率 numerator and denominator). */
  readonly supplyNum: Float64Array;
  readonly supplyDen: Float64Array;
  /** Revenue (亿元) each segment's `present` corrections stand for (0 without); presence uses max(recorded, this). */
  readonly correctedRevenue: Float64Array;
  /** Firm names of each segment's `present` corrections (empty without). */
  readonly correctedFirms: readonly (readonly string[])[];
  /**
   * 1 when the segment's size rests only on estimates (issue 14): it has local revenue, every recorded firm
   * with revenue on it gives only a revenue band marked `revenueEstimated` (no figure), and no `present` correction
   * stands for more. Its presence is then
   * an estimate, and the rules do not call it weak on that number alone (see `classify`).
   */
  readonly sizeEstimated: Uint8Array;
}

/**
 * Compute presence and every neighbourhood measure for all segments in one pass over the links:
 * O(segments + links + firms).
 *
 * @param ctx - the gap context
 * @param model - the chain model of the dataset whose local enterprises give presence (its chain is `ctx`'s)
 * @param o - resolved options
 * @param corrections - the run's corrections by segment id (issue 14): a `present` entry gives a segment at
 *   least the revenue it stands for (see `correctedRevenue`)
 * @returns the measures by segment index
 * @throws {NotFoundError} when an enterprise names an unknown segment
 * @example
 * chainState(ctx, ctx.model, resolveGapOptions()).presence[0];
 */
export function chainState(ctx: GapContext, model: ChainModel, o: ResolvedGapOptions, corrections: ReadonlyMap<string, SegmentCorrections> = new Map()): ChainState {
  const { adjacency: adj, segments } = ctx;
  const n = segments.length;
  const firms = model.firms(o.presence.underConstructionWeight);
  const p = new Float64Array(n);
  const present = new Uint8Array(n);
  const corrected = new Float64Array(n);
  const correctedFirms: (readonly string[])[] = [];
  const sizeEstimated = new Uint8Array(n);
  // Only an estimated band (no figure) is a guess of magnitude; an estimated figure (a what-if landing's assumed size,
  // revenue derived from capacity × price) is still a figure the rules may judge on.
  const estimatedIds = new Set(model.dataset.enterprises.filter((e) => e.revenueEstimated === true && e.revenue === undefined).map((e) => e.id));
  segments.forEach((s, i) => {
    const benchmark = segmentBenchmark(s, (id) => firms.get(id)?.revenue ?? 0, o.presence.benchmarkRevenue).value;
    const c = corrections.get(s.id);
    let names: readonly string[] = [];
    if (c !== undefined && c.present.length > 0) {
      for (const x of c.present) corrected[i] = Math.max(corrected[i]!, correctedRevenue(x, benchmark));
      names = [...new Set(c.present.flatMap((x) => x.firms ?? []))];
    }
    correctedFirms.push(names);
    const recorded = firms.get(s.id);
    const revenue = recorded?.revenue ?? 0;
    p[i] = presence(Math.max(revenue, corrected[i]!), benchmark);
    if (revenue > 0 && revenue >= corrected[i]! && recorded!.firms.every((f) => f.revenue <= 0 || estimatedIds.has(f.id))) sizeEstimated[i] = 1;
    present[i] = p[i]! >= o.thresholds.present ? 1 : 0;
  });
  const supplyNum = new Float64Array(n);
  const supplyDen = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) {
      supplyNum[i]! += adj.inW[e]! * p[adj.inFrom[e]!]!;
      supplyDen[i]! += adj.inW[e]!;
    }
  }
  const { demandPull, supplyPush } = linkages(adj, p);
  return {
    firms,
    presence: p,
    present,
    relatedness: relatedness(adj, p),
    demandPull,
    supplyPush,
    localSupplyRate: localSupplyRate(adj, p, o.thresholds.present),
    unitPresence: unitPresence(ctx.units, p),
    supplyNum,
    supplyDen,
    correctedRevenue: corrected,
    correctedFirms,
    sizeEstimated,
  };
}
