// Contract of the fit score and ranking (issue 5). Handbook, what-if and the CLI read these types;
// change them only together with their users.
import type { GapKind, Reason } from '../gaps/types.js';

/** The features of the fit score, each in [0, 1]. `risk` is subtracted. */
export type FeatureName = 'gapFit' | 'synergy' | 'scale' | 'momentum' | 'proximity' | 'policy' | 'ties' | 'risk';

/** All feature names in a fixed order (the order of output columns). */
export const FEATURE_NAMES: readonly FeatureName[] = Object.freeze(['gapFit', 'synergy', 'scale', 'momentum', 'proximity', 'policy', 'ties', 'risk']);

/** The features that add to the score (every feature but `risk`), in output order. */
export const POSITIVE_FEATURES: readonly Exclude<FeatureName, 'risk'>[] = Object.freeze(['gapFit', 'synergy', 'scale', 'momentum', 'proximity', 'policy', 'ties']);

/** Feature weights; non-negative. Positive features are normalised to sum to 1; `risk` is a penalty weight. */
export type Weights = Readonly<Record<FeatureName, number>>;

/** Aggregation method: weighted sum (default) or TOPSIS. */
export type AggregationMethod = 'weighted' | 'topsis';

/** 招商方式: how to approach a company. */
export type ApproachMethod =
  | 'via-local-firm' // 以商招商
  | 'native-ties' // 乡贤招商
  | 'visit' // 登门招商
  | 'capital' // 资本招商
  | 'small-delegation' // 小团组招商
  | 'resident-office' // 驻点招商
  | 'park' // 园区招商
  | 'agent' // 委托招商
  | 'digital'; // 数字招商

/** A suggested approach with the rule that chose it. */
export interface Approach {
  readonly method: ApproachMethod;
  readonly zh: string;
  readonly en: string;
  /** The rule (data-driven) that chose this method, in both languages. */
  readonly rule: Reason;
}

/** A gap the company would help close. */
export interface MatchedGap {
  readonly segment: string;
  readonly kind: GapKind;
  readonly priority: number;
}

/** Rank interval of an item under perturbed weights. */
export interface RankStability {
  readonly p10: number;
  readonly median: number;
  readonly p90: number;
  /** True when p90 − p10 is wide for this rank: the position depends on a knife-edge weight choice. */
  readonly knifeEdge?: boolean;
  /** The weight whose perturbation moves this item's rank most (largest |correlation| with its rank). */
  readonly sensitiveTo?: FeatureName;
}

/** One ranked company. With the weighted sum, Σ contributions = score (risk contributes ≤ 0). */
export interface RankedItem {
  readonly rank: number;
  readonly id: string;
  readonly name: string;
  readonly score: number;
  /**
   * Chain relevance in [0, 1], the gate of the score: 1 on a confirmed segment, less when the place on the chain
   * is uncertain or only the industry is known, 0 for a company unrelated to the chains (see `relevanceValue`).
   * Every contribution is multiplied by it.
   */
  readonly relevance: number;
  readonly features: Readonly<Record<FeatureName, number>>;
  readonly contributions: Readonly<Record<FeatureName, number>>;
  readonly matchedGaps: readonly MatchedGap[];
  readonly reasons: readonly Reason[];
  readonly approach: Approach;
  readonly stability?: RankStability;
  /** Marginal gain in chain completeness if the company landed (issue 8). */
  readonly opportunityGain?: number;
}

/** The ranking result (the `rank` command's JSON shape is `{ items, weights, method }`). */
export interface Ranking {
  readonly items: readonly RankedItem[];
  readonly weights: Weights;
  readonly method: AggregationMethod;
  /** Name of the weight preset used, when one was. */
  readonly preset?: string;
  /** Where the weights came from: a preset, custom numbers, 熵权法, AHP, or `learned` (the dataset's learned-weights.json). */
  readonly weightSource?: WeightSource;
  /** AHP consistency figures, when the weights came from a pairwise matrix. */
  readonly ahp?: AhpConsistency;
  /** Gap-kind factors applied inside the gap-fit feature. */
  readonly gapKinds?: GapKindFactors;
  /** Number of candidates ranked (items may hold only the top ones). */
  readonly candidates?: number;
  /**
   * Companies set apart before ranking: off-chain (placed outside every chain), local enterprises (HQ in the home
   * city) and unrelated ones (relevance 0: on no segment or industry in scope and no tie; 与本市产业链无关).
   */
  readonly excluded?: { readonly offChain: number; readonly local: number; readonly unrelated: number };
  /** Industry filter, when one was given. */
  readonly industry?: string;
  /** Reference date of momentum and risk decay. */
  readonly asOf?: string;
  /** Settings of the rank-stability run, when one was made. */
  readonly stabilitySettings?: StabilitySettings;
}

// ---- extensions (issue 5): additive, optional for readers ----

/** Where the weights of a ranking came from. */
export type WeightSource = 'preset' | 'custom' | 'entropy' | 'ahp' | 'learned';

/** Factors in [0, 1] by gap kind, multiplied into a segment's gap priority inside the gap-fit feature. */
export type GapKindFactors = Readonly<Record<Exclude<GapKind, 'none'>, number>>;

/** The value of one feature for one company, with the reasons that quote the data. */
export interface FeatureResult {
  readonly value: number;
  readonly reasons: readonly Reason[];
}

/** AHP figures: principal eigenvalue, consistency index and ratio (Saaty). */
export interface AhpConsistency {
  readonly lambdaMax: number;
  readonly ci: number;
  readonly cr: number;
  readonly ri: number;
}

/** Settings of a rank-stability run: how many re-rankings, the multiplicative spread, the PRNG seed. */
export interface StabilitySettings {
  readonly runs: number;
  readonly spread: number;
  readonly seed: number;
}

/** A named weight preset (data): zh/en name and explanation, feature weights and gap-kind factors. */
export interface WeightPreset {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly explanationZh: string;
  readonly explanationEn: string;
  readonly weights: Weights;
  readonly gapKinds: GapKindFactors;
}
