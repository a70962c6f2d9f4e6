// Contract of the gap analysis (issue 4). Scoring, handbook and what-if read these types;
// change them only together with their users.
import type { Stage } from '../schema/common.js';
import type { PolicyNote } from '../schema/correction.js';

import type { GapKind, Reason } from '../model/reason.js';

// Reason and GapKind live below graph, gaps and scoring (src/model/reason.ts); re-exported for the users of this contract.
export type { GapKind, Reason } from '../model/reason.js';

/**
 * Every gap kind in its one order — 补链, 延链, 强链, 建链, then none — for tables, counts and option lists.
 *
 * @example
 * GAP_KINDS.filter((k) => k !== 'none'); // ['fill', 'extend', 'strengthen', 'build']
 */
export const GAP_KINDS = Object.freeze(['fill', 'extend', 'strengthen', 'build', 'none'] as const) satisfies readonly GapKind[];

/** Display labels of the gap kinds. */
export const GAP_KIND_LABELS: Readonly<Record<GapKind, { readonly zh: string; readonly en: string }>> = Object.freeze({
  fill: { zh: '补链', en: 'fill' },
  extend: { zh: '延链', en: 'extend' },
  strengthen: { zh: '强链', en: 'strengthen' },
  build: { zh: '建链', en: 'build' },
  none: { zh: '无缺口', en: 'healthy' },
});

/** Every measure of one segment (see docs/methodology.md for each formula). */
export interface SegmentMeasures {
  /** Local presence p in [0, 1]: local revenue against the segment's benchmark. */
  readonly presence: number;
  /** Relatedness density in [0, 1]: Σ w·p over neighbours / Σ w (Hidalgo et al. 2007). */
  readonly relatedness: number;
  /** Demand pull (backward linkage) in [0, 1]: local downstream presence that consumes this segment's output. */
  readonly demandPull: number;
  /** Supply push (forward linkage) in [0, 1]: local upstream output looking for local processing. */
  readonly supplyPush: number;
  /** 本地配套率 in [0, 1] for present segments with inputs; null otherwise. */
  readonly localSupplyRate: number | null;
  /** PageRank, scaled so the largest in the graph is 1. */
  readonly pagerank: number;
  /** Betweenness centrality, normalised to [0, 1]. */
  readonly betweenness: number;
  /** HHI of local firms' revenue shares in [0, 1]; null when no local firm. 1 = one firm (fragile). */
  readonly hhi: number | null;
  /** Number of active local firms on the segment. */
  readonly firmCount: number;
  /** Local revenue attributed to the segment, 亿元 (band midpoints when only bands are known). */
  readonly localRevenue: number;
}

/** The factors of the priority's importance term, each in [0, 1] (see `PriorityBreakdown`). */
export type PriorityFactor = 'demandPull' | 'supplyPush' | 'relatedness' | 'centrality' | 'strategic' | 'cityPriority';

/** All priority factors in a fixed order. */
export const PRIORITY_FACTORS: readonly PriorityFactor[] = Object.freeze(['demandPull', 'supplyPush', 'relatedness', 'centrality', 'strategic', 'cityPriority']);

/**
 * How a priority was computed: priority = need × importance × sectorFactor (0 for kind none);
 * need = 1 − presence (for 强链 at least `strengthenMinNeed`), importance = Σ weight·factor with
 * the weights normalised to sum 1, sectorFactor < 1 only for primary-sector (resource) segments.
 */
export interface PriorityBreakdown {
  /** 1 − presence (强链: at least the minimum need), in [0, 1]: how much of the segment is missing locally. */
  readonly need: number;
  /** Σ weight·factor, in [0, 1]: how much the segment matters to the local chain. */
  readonly importance: number;
  /** The factor values (not yet weighted). */
  readonly factors: Readonly<Record<PriorityFactor, number>>;
  /** The normalised weights used. */
  readonly weights: Readonly<Record<PriorityFactor, number>>;
  /** 1, or `primarySectorFactor` for a primary-sector (resource) segment. */
  readonly sectorFactor: number;
  /**
   * The cap that bounded `need` because the segment's absence is not verified (issue 14: at most
   * `priority.unverifiedNeedCap`); absent when the cap did not bite.
   */
  readonly needCap?: number;
}

/**
 * What the data says about a segment's local firms (issue 14, honest absence):
 * - `firms-on-record`: local enterprises are recorded on it;
 * - `corrected-present`: a `present` correction of the 链长 office says it is there;
 * - `verified-absent`: a `verified-absent` correction says the office checked and found none;
 * - `no-record`: no firm is recorded and nobody verified the absence (未见本地企业记录, 待核实).
 */
export type Evidence = 'firms-on-record' | 'corrected-present' | 'verified-absent' | 'no-record';

/** A policy behind a 受限 gap, with the correction entry it comes from (absent when it is on the segment record). */
export type GapPolicy = PolicyNote & { readonly correction?: string };

/** Feasibility of a segment that carries a policy (负面清单, 两高, 产能置换, 无港口, 准入 …). */
export interface GapFeasibility {
  /** Always false: a segment with a policy is infeasible to attract here (受限). */
  readonly feasible: false;
  /**
   * True when the gap is left out of the priority list (priority 0, not in `topGaps`) and so of gap fit:
   * the default for a gap (kind ≠ none); `includeRestricted: true` keeps its computed priority.
   */
  readonly excluded: boolean;
  /** The priority before exclusion. */
  readonly computedPriority: number;
  readonly policies: readonly GapPolicy[];
}

/** Display label of a 受限 gap (a gap on an infeasible segment). */
export const RESTRICTED_LABEL = Object.freeze({ zh: '受限', en: 'restricted' });

/** Display label of a present segment whose weakness rests only on estimates (kind none, basis `size-unverified`). */
export const SIZE_UNVERIFIED_LABEL = Object.freeze({ zh: '规模待核实', en: 'size to verify' });

interface SegmentGapBase {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly industry: string;
  readonly subDirection?: string;
  readonly stage: Stage;
  readonly strategic: boolean;
  readonly group?: string;
  /** Priority in [0, 1]; 0 for kind none. */
  readonly priority: number;
  readonly measures: SegmentMeasures;
  /** Ids of the active local enterprises on the segment. */
  readonly localFirms: readonly string[];
  /** How the priority was computed (added in issue 4; additive to the contract). */
  readonly breakdown: PriorityBreakdown;
  /** Reasons that quote the numbers, in zh and en. */
  readonly reasons: readonly Reason[];
  /**
   * The supply-security finding (供应安全, issue 14): present, but 本地配套率 below `lowLocalSupply`;
   * `inputs` are the absent supplier segments (heaviest link first) with their own gap kinds.
   * Absent when the finding does not apply. Not a weakness of the segment itself.
   */
  readonly supplySecurity?: { readonly localSupplyRate: number; readonly inputs: readonly { readonly id: string; readonly kind: GapKind }[] };
  /** What the data says about the segment's local firms (issue 14; set by `analyzeGaps`). */
  readonly evidence?: Evidence;
  /** Ids of the corrections (corrections.json) applied to the segment, in file order (issue 14). */
  readonly corrections?: readonly string[];
  /** Present when the segment carries a policy: the gap is 受限 (issue 14). */
  readonly feasibility?: GapFeasibility;
  /** Present when a `priority` correction set the priority: its id and the computed priority it replaced. */
  readonly priorityOverride?: { readonly correction: string; readonly computed: number };
}

/** The gap verdict for one segment: a discriminated union on `kind`. */
export type SegmentGap =
  | (SegmentGapBase & { readonly kind: 'fill' })
  | (SegmentGapBase & {
      readonly kind: 'extend';
      readonly direction: 'downstream' | 'upstream';
      /** true: a strategic segment fed directly by a strong local segment (延链, not 建链; issue 14). */
      readonly strategicSupply?: true;
    })
  | (SegmentGapBase & {
      readonly kind: 'strengthen';
      /**
       * `small-base` (issue 14): local firms below the present threshold, nothing local to fill or
       * extend from. `low-local-supply` is no longer emitted: see `supplySecurity`.
       */
      readonly weakness: readonly ('low-presence' | 'single-firm' | 'low-local-supply' | 'small-base')[];
    })
  | (SegmentGapBase & {
      readonly kind: 'build';
      /**
       * Why 建链 (strategic segments only): `strategic-unit` = its sub-direction (or industry) or group has
       * almost no local presence; `no-local-base` = no local firm and no present neighbour at all.
       */
      readonly basis: 'strategic-unit' | 'no-local-base';
      /** The near-empty unit (sub-direction, industry or group id) for `strategic-unit`. */
      readonly unit?: string;
    })
  | (SegmentGapBase & {
      readonly kind: 'none';
      /**
       * `no-local-need` (issue 14): not strategic and no local supplier or customer — not a gap, not "healthy".
       * `size-unverified` (issue 14): present and needed, and it would be 强链, but its size rests only on
       * estimated revenue; the weakness is not asserted on an invented number (待核实, see `sizeToVerify`).
       */
      readonly basis?: 'no-local-need' | 'size-unverified';
      /** For `size-unverified`: the weaknesses the estimate suggests (not asserted). */
      readonly unverifiedWeakness?: readonly ('low-presence' | 'single-firm' | 'low-local-supply' | 'small-base')[];
    });

/** Counts of segments per gap kind. */
export type GapCounts = Readonly<Record<GapKind, number>>;

/** Summary of one industry or sub-direction. */
export interface ChainSummary {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Industry id (for sub-directions: the parent industry; for industries: itself). */
  readonly industry: string;
  /** Weighted share of segments present, in [0, 1]. */
  readonly completeness: number;
  /** 本地配套率 of the chain, in [0, 1]. */
  readonly localSupplyRate: number;
  readonly counts: GapCounts;
  /** Segment ids of the top gaps, by priority. */
  readonly topGaps: readonly string[];
}

/** The whole gap analysis: plain data, deterministic (segments by priority desc, then id asc). */
export interface GapAnalysis {
  readonly segments: readonly SegmentGap[];
  readonly industries: readonly ChainSummary[];
  readonly subDirections: readonly ChainSummary[];
  /** City-wide summary over all segments. */
  readonly city: { readonly completeness: number; readonly localSupplyRate: number; readonly counts: GapCounts };
  /**
   * 待核实 (issue 14): ids of the gaps whose segment has no firm on record and no verification
   * (evidence `no-record`), by priority desc, then id; excluded 受限 gaps are left out.
   */
  readonly toVerify?: readonly string[];
  /** Ids of the 受限 gaps (kind ≠ none on a segment with a policy), by computed priority desc, then id. */
  readonly restricted?: readonly string[];
  /**
   * 规模待核实 (issue 14): ids of the present segments whose weakness rests only on estimated revenue (kind none,
   * basis `size-unverified`), by local demand pull (desc), then id.
   */
  readonly sizeToVerify?: readonly string[];
}
