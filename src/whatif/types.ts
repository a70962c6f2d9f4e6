// Result types of the what-if stage (issue 8).
import type { GapAnalysis, GapCounts, GapKind, Reason } from '../gaps/types.js';
import type { Dataset } from '../schema/dataset.js';
import type { FeatureName, Ranking } from '../scoring/types.js';
import type { LandedCompany } from './internal/applyChanges.js';
import type { Scenario } from './scenario.js';

export type { LandedCompany };

/** A scenario run: the dataset under the scenario, its gap analysis and its ranking. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly dataset: Dataset;
  readonly gaps: GapAnalysis;
  readonly ranking: Ranking;
  /** Companies that landed (they become local enterprises and leave the candidate list). */
  readonly landed: readonly LandedCompany[];
  /** Companies excluded from the ranking by the scenario, sorted. */
  readonly excluded: readonly string[];
}

/** A segment whose gap verdict, priority or presence changed. */
export interface SegmentDiff {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly industry: string;
  readonly from: GapKind;
  readonly to: GapKind;
  readonly priorityFrom: number;
  readonly priorityTo: number;
  readonly priorityDelta: number;
  readonly presenceFrom: number;
  readonly presenceTo: number;
  readonly presenceDelta: number;
  /** Local firms added and removed (closed or moved) on the segment. */
  readonly firmsAdded: readonly string[];
  readonly firmsRemoved: readonly string[];
  readonly reasons: readonly Reason[];
  /** Demand pull (local downstream presence that consumes the segment's output) before and after. */
  readonly demandPullFrom: number;
  readonly demandPullTo: number;
  /**
   * For a gap that closed (kind → none): `filled` when local presence rose (new local firms or capacity),
   * `demand-disappeared` when no presence was added but its demand pull fell (the gap vanished with its
   * local customers), `other` otherwise (priority or threshold changes). Absent when the gap did not close.
   */
  readonly closedBy?: 'filled' | 'demand-disappeared' | 'other';
}

/** A segment named in the losses of a scenario, with its local presence before and after. */
export interface LostSegment {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly presenceFrom: number;
  readonly presenceTo: number;
  /** Local revenue attributed to the segment (亿元) before and after. */
  readonly localRevenueFrom: number;
  readonly localRevenueTo: number;
  /** Active local firms on the segment after the scenario (for the supplier / customer lists). */
  readonly firms: readonly string[];
}

/** What a scenario takes away from the city's chains (empty lists and `lost: false` when nothing). */
export interface ScenarioLosses {
  /** True when any segment lost local presence or local revenue. */
  readonly lost: boolean;
  /** Local enterprises active before and closed after, sorted. */
  readonly firmsClosed: readonly string[];
  /** Local enterprises still active but on fewer segments or with less capacity (a segment or a share closed), sorted. */
  readonly firmsReduced: readonly string[];
  /** Segments whose local presence or local revenue fell (a partial closure may leave presence at 1). */
  readonly presenceLost: readonly LostSegment[];
  /** Segments that had no gap and now have one. */
  readonly gapsOpened: readonly string[];
  /** Segments with a gap in both runs whose priority rose while they or a linked segment lost local presence. */
  readonly gapsWorsened: readonly string[];
  /** Segments with local firms whose local upstream presence fell to zero: firms left without a local supplier. */
  readonly withoutLocalSupplier: readonly LostSegment[];
  /** Segments with local firms whose local downstream presence fell to zero: firms left without a local customer. */
  readonly withoutLocalCustomer: readonly LostSegment[];
}

/** Deltas of the city-wide summary. */
export interface CityDiff {
  readonly completenessFrom: number;
  readonly completenessTo: number;
  readonly completenessDelta: number;
  readonly localSupplyRateFrom: number;
  readonly localSupplyRateTo: number;
  readonly localSupplyRateDelta: number;
  /** Change in the number of segments of each gap kind. */
  readonly countsDelta: GapCounts;
}

/** Deltas of one industry's summary: the fields of `CityDiff`, for the industry. */
export interface IndustryDiff extends CityDiff {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

/**
 * How a company's place changed: `moved` (ranked in both), `landed` (it landed in the scenario),
 * `excluded` (left out by the scenario), `entered` / `left` (entered or left the shown list, e.g. the top N).
 */
export type RankChangeStatus = 'moved' | 'landed' | 'excluded' | 'entered' | 'left';

/** One company's rank movement, with the feature deltas and the reasons. */
export interface RankDiff {
  readonly id: string;
  readonly name: string;
  readonly status: RankChangeStatus;
  /** Rank before and after; null when the company is not in that list. */
  readonly fromRank: number | null;
  readonly toRank: number | null;
  /** fromRank − toRank: positive = rose. 0 when either rank is missing. */
  readonly rankDelta: number;
  readonly scoreFrom: number | null;
  readonly scoreTo: number | null;
  readonly scoreDelta: number;
  /** Feature value deltas (after − before), for features that changed. */
  readonly featureDeltas: Readonly<Partial<Record<FeatureName, number>>>;
  readonly reasons: readonly Reason[];
}

/** The difference between two scenario runs. An identical pair gives empty lists and zero deltas. */
export interface ScenarioDiff {
  readonly base: string;
  readonly other: string;
  /**
   * Plain-language headline sentences (gaps closed and opened, completeness, 本地配套率, top movers). When
   * the scenario loses local presence, the first sentence (code `whatif.summary.loss`) says what was lost.
   */
  readonly summary: readonly Reason[];
  readonly segments: readonly SegmentDiff[];
  readonly industries: readonly IndustryDiff[];
  readonly city: CityDiff;
  readonly ranks: readonly RankDiff[];
  /** What the scenario takes away (presence, gaps, local suppliers and customers); added in issue 16. */
  readonly losses: ScenarioLosses;
  /** True when nothing differs. */
  readonly empty: boolean;
}

/** A gap a planned company matches. */
export interface PlannedGap {
  readonly segment: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: GapKind;
  readonly priority: number;
}

/** A company chosen for the visit plan. */
export interface PlannedCompany {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  readonly hq: { readonly province: string; readonly city: string; readonly country?: string };
  /** The gaps it matches. */
  readonly gaps: readonly PlannedGap[];
  /** Coverage it added when it was picked (diminishing: gaps already covered count less). */
  readonly marginalGain: number;
  /** True when it was required by `mustInclude`. */
  readonly required: boolean;
}

/** One city of a day's trip. */
export interface PlanStop {
  readonly city: string;
  readonly province: string;
  readonly country?: string;
  /** Great-circle km from the previous stop (from the home city for the first stop of the trip). */
  readonly km: number;
  readonly companies: readonly { readonly id: string; readonly name: string }[];
}

/** One day of the itinerary. */
export interface PlanDay {
  readonly day: number;
  readonly stops: readonly PlanStop[];
  /** Region tags of the day's cities (京津冀, 长三角 …), sorted. */
  readonly regions: readonly string[];
  /** Km travelled to reach this day's stops. */
  readonly km: number;
  /** Estimated rail hours of the day's legs (see the plan's speed model). */
  readonly railHours: number;
  /** True when a travel day comes before this one (its first leg is longer than `travelDayKm`). */
  readonly travelDayBefore: boolean;
}

/** Gap coverage of the plan against the top-K-by-score list. */
export interface PlanCoverage {
  /** Σ over gaps of priority × (1 − Π (1 − q)) over the chosen companies matching the gap. */
  readonly achieved: number;
  /** The same for the first K companies by score that fit the same limits. */
  readonly topK: number;
  readonly topKIds: readonly string[];
  /** The same with every candidate (an upper bound for any K). */
  readonly allCandidates: number;
  /** Which selection was kept: the greedy one, or the score order when it covered more. */
  readonly method: 'greedy' | 'score-order';
}

/** The visit plan: companies, coverage, itinerary. */
export interface VisitPlan {
  /** Chosen companies in the order they were picked. */
  readonly chosen: readonly PlannedCompany[];
  readonly coverage: PlanCoverage;
  readonly itinerary: readonly PlanDay[];
  /** Km of the whole tour, back home included. */
  readonly totalKm: number;
  /** Estimated rail hours of the whole tour, back home included. */
  readonly railHours: number;
  /** Days spent only travelling (legs longer than `travelDayKm`), counted in `settings.days`. */
  readonly travelDays: number;
  /** What the plan traded (coverage against travel), in zh and en. */
  readonly tradeoff: Reason;
  /** The selection method and its guarantee, in zh and en. */
  readonly guarantee: Reason;
  /** Candidates left out because their HQ is not in the dataset's places. */
  readonly unlocated: readonly string[];
  readonly settings: {
    readonly companies: number;
    readonly days: number;
    readonly citiesPerDay: number;
    readonly maxPerDay: number;
    readonly landProbability: number;
    readonly clusterKm: number;
    readonly travelDayKm: number;
    readonly railKmPerHour: number;
  };
}
