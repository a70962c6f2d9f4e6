// The handbook as plain data (issue 7). `buildHandbook` produces it; the renderers (HTML, Markdown,
// XLSX, CSV) only format it. Display text is already in the handbook's language; ids stay for tools.
import type { Lang } from '../errors.js';
import type { GapCounts, GapKind } from '../gaps/types.js';
import type { Stage } from '../schema/common.js';
import type { AggregationMethod, ApproachMethod, FeatureName } from '../scoring/types.js';

/** One industry's line in the overview (and the head of its chapter). */
export interface IndustryRow {
  readonly id: string;
  readonly name: string;
  readonly group: string;
  readonly strategic: boolean;
  readonly segments: number;
  /** Weighted share of segments present, in [0, 1]. */
  readonly completeness: number;
  /** 本地配套率 in [0, 1]. */
  readonly localSupplyRate: number;
  readonly counts: GapCounts;
  /** Segments with a gap (every kind but none). */
  readonly gaps: number;
  /** Active local firms on the industry's segments. */
  readonly localFirms: number;
  /** Companies ranked for the industry. */
  readonly candidates: number;
}

/** One gap (a segment whose kind is not none), as shown in tables. */
export interface GapRow {
  readonly segment: string;
  readonly name: string;
  readonly industry: string;
  readonly industryName: string;
  readonly stage: Stage;
  readonly stageLabel: string;
  readonly kind: GapKind;
  readonly kindLabel: string;
  readonly priority: number;
  readonly presence: number;
  readonly firmCount: number;
  /** Names of the local firms on the segment. */
  readonly localFirms: readonly string[];
  readonly reasons: readonly string[];
}

/** A feature's share of a target's score. */
export interface Contribution {
  readonly feature: FeatureName;
  readonly label: string;
  /** The feature value in [0, 1]. */
  readonly value: number;
  /** Its contribution to the score (≤ 0 for risk). */
  readonly contribution: number;
}

/** A gap a target would help close. */
export interface TargetGap {
  readonly segment: string;
  readonly name: string;
  readonly kind: GapKind;
  readonly kindLabel: string;
  readonly priority: number;
}

/** A target company as a card: who, where, how big, why, and how to approach it. */
export interface TargetCard {
  readonly rank: number;
  readonly id: string;
  readonly name: string;
  readonly hq: { readonly province: string; readonly city: string; readonly label: string };
  /** Region tags of the HQ (京津冀, 长三角 …), display text. */
  readonly regions: readonly string[];
  /** Revenue or revenue band, display text ('' when unknown). */
  readonly scale: string;
  /** Lists (三类500强, listed …), display text. */
  readonly lists: readonly string[];
  readonly score: number;
  readonly contributions: readonly Contribution[];
  readonly matchedGaps: readonly TargetGap[];
  readonly reasons: readonly string[];
  readonly approach: { readonly method: ApproachMethod; readonly label: string; readonly rule: string };
}

/** A node of a chain map: a segment of the chapter's industry, or an external neighbour from another industry. */
export interface MapNode {
  readonly id: string;
  readonly name: string;
  readonly industry: string;
  readonly industryName: string;
  readonly stage: Stage;
  readonly kind: GapKind;
  readonly kindLabel: string;
  readonly presence: number;
  readonly priority: number;
  readonly firmCount: number;
  /** True for a cross-industry neighbour shown at the side. */
  readonly external: boolean;
  /** For external nodes: 'in' supplies the industry, 'out' buys from it. */
  readonly side?: 'in' | 'out';
  /** Names of the local firms on the segment, largest first (issue 18: maps name the firms). */
  readonly firms?: readonly string[];
}

/** A supply link drawn on a chain map. */
export interface MapEdge {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly crossIndustry: boolean;
}

/** The data of one chain map. */
export interface ChainMapData {
  readonly industry: string;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  /** Cross-industry neighbours left out to keep the map legible. */
  readonly hiddenExternal: number;
}

/** One bar of a histogram: scores in [from, to). The last bin includes its upper bound. */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** A labelled count (a bar of a bar chart). */
export interface CountRow {
  readonly label: string;
  readonly count: number;
}

/** One industry's chapter. */
export interface HandbookChapter {
  readonly number: number;
  readonly anchor: string;
  readonly industry: IndustryRow;
  readonly description: string;
  readonly map: ChainMapData;
  /** Every segment with a gap, priority desc then id asc. */
  readonly gaps: readonly GapRow[];
  readonly targets: readonly TargetCard[];
  /** One page per key target: the chapter's first `cardsPerIndustry` targets, with the full card (issue 18). */
  readonly keyTargets: readonly KeyTargetCard[];
  /** 重点项目 of the dataset on the industry's segments (issue 18). */
  readonly projects: readonly ProjectRow[];
  readonly charts: {
    /** Scores of every ranked candidate of the industry, in 10 bins over [0, 1]. */
    readonly scoreDistribution: readonly HistogramBin[];
    /** The chapter's targets counted by HQ region tag (a company may count in several). */
    readonly targetsByRegion: readonly CountRow[];
  };
}

/** A firm to visit in one HQ city. */
export interface VisitFirm {
  readonly id: string;
  readonly name: string;
  readonly industries: readonly string[];
  readonly score: number;
  readonly approach: string;
}

/** The firms of one HQ city: one stop of a delegation trip. */
export interface VisitStop {
  readonly city: string;
  readonly province: string;
  readonly regions: readonly string[];
  /** Great-circle distance from the home city, km (null when the place has no coordinates in the dataset). */
  readonly distanceKm: number | null;
  readonly railHours: number | null;
  readonly firms: readonly VisitFirm[];
  /** Coordinates of the HQ city (absent when the dataset has none). */
  readonly lon?: number;
  readonly lat?: number;
}

/** One delegation trip: the stops of one region, in visiting order (nearest first, then nearest next). */
export interface VisitTrip {
  readonly region: string;
  /** Indices into `stops`. */
  readonly stops: readonly number[];
  /** Home → stops → home, great-circle km (null when a stop has no coordinates). */
  readonly km: number | null;
}

/** The visit plan: top targets grouped by HQ city, and counts per region. */
export interface HandbookVisitPlan {
  readonly stops: readonly VisitStop[];
  /** The stops as trips by region (招商线路图, issue 18). */
  readonly trips?: readonly VisitTrip[];
  /** Longitude and latitude of the home city, for the route map. */
  readonly home?: { readonly name: string; readonly lon: number; readonly lat: number };
  readonly regions: readonly { readonly region: string; readonly firms: number; readonly cities: number }[];
  readonly firms: number;
}

/**
 * A source as the appendix shows it. `kind`: `published` (cited where it was published), `mirror` (a repost or mirror
 * copy; `original` names the original publication when the dataset names it, else ''), `internal` (the project's own
 * compilation, not a public source). `kindLabel` is the kind in the handbook's language ('' for published).
 */
export interface AppendixSource {
  readonly title: string;
  readonly url: string;
  readonly note: string;
  readonly kind: 'published' | 'mirror' | 'internal';
  readonly kindLabel: string;
  readonly original: string;
}

/** The method appendix: weights, sources and what is estimated. */
export interface MethodAppendix {
  readonly method: AggregationMethod;
  readonly methodLabel: string;
  readonly preset: string;
  readonly weights: readonly { readonly feature: FeatureName; readonly label: string; readonly weight: number }[];
  readonly sources: readonly AppendixSource[];
  readonly datasetAsOf: string;
  readonly datasetVersion: string;
  /** What is estimated or reconstructed, as counts. */
  readonly estimates: readonly { readonly label: string; readonly count: number; readonly total: number }[];
  /** Short notes on the method, one paragraph each. */
  readonly notes: readonly string[];
  /** Data-quality notes (issue 18): which figures are estimates, which absences are unverified, which records are old. */
  readonly dataQuality?: readonly DataQualityNote[];
}

/** One data-quality note: a statement and the records it concerns (names, at most a few shown). */
export interface DataQualityNote {
  readonly label: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/** A 重点项目 as the handbook shows it. Unknown fields are '' (amount null): nothing is filled in. */
export interface ProjectRow {
  readonly id: string;
  readonly name: string;
  readonly segment: string;
  readonly segmentName: string;
  readonly industry: string;
  readonly industryName: string;
  readonly investor: string;
  /** 亿元, null when no source states it. */
  readonly amount: number | null;
  readonly amountEstimated: boolean;
  readonly stageLabel: string;
  readonly county: string;
  readonly park: string;
  readonly note: string;
  readonly source: string;
  readonly asOf: string;
  readonly confidenceLabel: string;
}

/** A park (载体) as the handbook shows it. */
export interface ParkRow {
  readonly id: string;
  readonly name: string;
  readonly county: string;
  readonly levelLabel: string;
  readonly industries: readonly string[];
  readonly segments: readonly string[];
  readonly facts: readonly string[];
  readonly source: string;
  readonly asOf: string;
  readonly confidenceLabel: string;
}

/** A policy as the handbook shows it. */
export interface PolicyRow {
  readonly id: string;
  readonly title: string;
  readonly issuer: string;
  readonly date: string;
  readonly kindLabel: string;
  readonly scope: string;
  readonly summary: string;
  readonly source: string;
  readonly confidenceLabel: string;
}

/** A sourced fact about a target, with its date. */
export interface CardFact {
  readonly text: string;
  readonly date: string;
  readonly source: string;
}

/** A local firm related to a target: who, where, and how (supplier, customer, peer, a recorded tie). */
export interface LocalPartner {
  readonly id: string;
  readonly name: string;
  readonly county: string;
  readonly relation: string;
}

/** A suggested place to land: a county, and a park there when the dataset lists one, with the reason. */
export interface SuggestedSite {
  readonly county: string;
  readonly park: string;
  readonly reason: string;
}

/** The full card of a key target, printed one per page (issue 18). */
export interface KeyTargetCard extends TargetCard {
  readonly industry: string;
  readonly facts: readonly CardFact[];
  readonly partners: readonly LocalPartner[];
  readonly distanceKm: number | null;
  readonly railHours: number | null;
  /** The named go-between for the approach ('' when the data names none). */
  readonly broker: string;
  readonly sites: readonly SuggestedSite[];
  /** Evidence and freshness warnings, display text. */
  readonly warnings: readonly string[];
  readonly recordSource: string;
  readonly recordAsOf: string;
  readonly confidenceLabel: string;
}

/** The whole handbook as plain data. */
export interface Handbook {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  /** The printed date (the `date` option, else the dataset's asOf). */
  readonly date: string;
  readonly city: { readonly name: string; readonly province: string };
  readonly dataset: { readonly id: string; readonly name: string; readonly asOf: string };
  readonly overview: {
    readonly groups: readonly { readonly name: string; readonly industries: readonly string[] }[];
    readonly industries: readonly IndustryRow[];
    readonly city: { readonly completeness: number; readonly localSupplyRate: number; readonly counts: GapCounts };
    readonly topGaps: readonly GapRow[];
    /**
     * 待核实 (issue 14): gaps on segments with no local firm on record and no verified absence — they may be holes in
     * the data rather than in the chain — by priority; the bureau checks these before acting on them.
     */
    readonly toVerify: readonly GapRow[];
    readonly topTargets: readonly TargetCard[];
  };
  readonly chapters: readonly HandbookChapter[];
  /** Dataset version printed on the cover ('' when the dataset has none). */
  readonly version?: string;
  /** 重点项目清单: every project of the dataset (issue 18). */
  readonly projects?: readonly ProjectRow[];
  /** 政策与载体 (issue 18). */
  readonly carriers?: { readonly parks: readonly ParkRow[]; readonly policies: readonly PolicyRow[] };
  /** Options that shape the renderers: Mermaid chain maps in Markdown (default off). */
  readonly render?: { readonly mermaid: boolean };
  readonly visitPlan: HandbookVisitPlan;
  readonly appendix: MethodAppendix;
}
