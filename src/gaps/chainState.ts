import { localFirmsBySegment, type SegmentFirms } from '../graph/localFirmsBySegment.js';
import type { Dataset } from '../schema/dataset.js';
import type { GapContext } from './context.js';
import { linkages } from './measures/linkages.js';
import { localSupplyRate } from './measures/localSupplyRate.js';
import { segmentBenchmark } from './measures/benchmark.js';
import { presence } from './measures/presence.js';
import { relatedness } from './measures/relatedness.js';
import { unitPresence } from './measures/unitPresence.js';
import type { ResolvedGapOptions } from './options.js';

/** The chain-wide measures of one run, by segment index (see docs/methodology.md). */
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
}

/**
 * Compute presence and every neighbourhood measure for all segments in one pass over the links:
 * O(segments + links + firms).
 *
 * @param ctx - the gap context
 * @param dataset - the dataset whose local enterprises give presence
 * @param o - resolved options
 * @returns the measures by segment index
 * @throws {NotFoundError} when an enterprise names an unknown segment
 * @example
 * chainState(ctx, ds, resolveGapOptions()).presence[0];
 */
export function chainState(ctx: GapContext, dataset: Dataset, o: ResolvedGapOptions): ChainState {
  const { adjacency: adj, segments } = ctx;
  const n = segments.length;
  const firms = localFirmsBySegment(dataset.enterprises, new Set(adj.ids), o.presence.underConstructionWeight);
  const p = new Float64Array(n);
  const present = new Uint8Array(n);
  segments.forEach((s, i) => {
    p[i] = presence(firms.get(s.id)?.revenue ?? 0, segmentBenchmark(s, (id) => firms.get(id)?.revenue ?? 0, o.presence.benchmarkRevenue).value);
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
  };
}
