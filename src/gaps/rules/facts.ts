// What the rules see about one segment: plain numbers, computed once per analysis.
import type { SegmentBenchmark } from '../measures/benchmark.js';

/** A present neighbour: segment index, link weight, its presence. */
export interface NeighbourRef {
  readonly index: number;
  readonly weight: number;
  readonly presence: number;
  /**
   * Position of the link in the chain's out-lists, i.e. `ctx.model.links[link]` (issue 14: reasons read the
   * link's input–output coefficient there to quote the downstream's demand in 亿元). Absent in hand-made facts.
   */
  readonly link?: number;
}

/** The measures and neighbourhood of one segment, as the rules read them. */
export interface SegmentFacts {
  readonly index: number;
  readonly presence: number;
  /** presence ≥ the `present` threshold. */
  readonly present: boolean;
  readonly firmCount: number;
  readonly hhi: number | null;
  readonly demandPull: number;
  readonly supplyPush: number;
  readonly relatedness: number;
  readonly localSupplyRate: number | null;
  /** Σ weights of the segment's input links. */
  readonly inputWeight: number;
  readonly strategic: boolean;
  /** Present suppliers over links of weight ≥ `minLinkWeight`, strongest (w·p) first. */
  readonly presentSuppliers: readonly NeighbourRef[];
  /** Present customers over links of weight ≥ `minLinkWeight`, strongest (w·p) first. */
  readonly presentConsumers: readonly NeighbourRef[];
  /** The chain unit (sub-direction, else industry) and its mean presence. */
  readonly chainUnit: { readonly index: number; readonly presence: number };
  /** The industry unit and its mean presence (the same as chainUnit when there is no sub-direction). */
  readonly industryUnit: { readonly index: number; readonly presence: number };
  /** The group and its mean presence, when the segment has a group. */
  readonly groupUnit: { readonly index: number; readonly presence: number } | null;
  /** Local revenue attributed to the segment, 亿元 (issue 14; 0 when no firm). */
  readonly localRevenue?: number;
  /** The benchmark presence was measured against (issue 14; absent = the default). */
  readonly benchmark?: SegmentBenchmark;
  /**
   * The segment's local size rests only on estimated revenue (every firm on it gives only a band marked
   * `revenueEstimated`, no correction gives more; issue 14). A present segment whose size is estimated is not called weak: see `classify`.
   */
  readonly sizeEstimated?: boolean;
}

/** Weaknesses of a 强链 segment. `low-local-supply` is no longer emitted (issue 14: see `supplySecurity`). */
export type Weakness = 'low-presence' | 'single-firm' | 'low-local-supply' | 'small-base';

/** The verdict of a rule (before priority and reasons are attached). */
export type Verdict =
  | { readonly kind: 'fill' }
  | { readonly kind: 'extend'; readonly direction: 'downstream' | 'upstream'; readonly strategicSupply?: true }
  | { readonly kind: 'strengthen'; readonly weakness: readonly Weakness[] }
  | { readonly kind: 'build'; readonly basis: 'strategic-unit' | 'no-local-base'; readonly unit?: number }
  | { readonly kind: 'none'; readonly basis?: 'no-local-need' | 'size-unverified'; readonly unverified?: readonly Weakness[] };
