import type { Reason } from '../gaps/types.js';
import type { Company } from '../schema/index.js';
import { approachFacts } from './approachFacts.js';
import type { ScoringContext } from './buildScoringContext.js';
import type { FeatureMatrix } from './computeFeatureMatrix.js';
import { ALL_FEATURES } from './features/allFeatures.js';
import { FEATURE_LABELS } from './labels.js';
import { matchedGapsOf } from './matchedGapsOf.js';
import { explainRelevance } from './relevance.js';
import { suggestApproach } from './suggestApproach.js';
import { combineFeatures } from './weightedSum.js';
import { FEATURE_NAMES, POSITIVE_FEATURES, type Approach, type FeatureName, type MatchedGap, type RankStability, type RankedItem, type Weights } from './types.js';

/** What `rankedItem` needs to know about one shown company besides the scoring context. */
export interface RankedItemInput {
  readonly company: Company;
  /** Row of the company in the feature matrix passed along. */
  readonly index: number;
  readonly rank: number;
  readonly score: number;
  /** Leading targets with the same HQ city, the item itself included (see `CLUSTER_WINDOW`). */
  readonly sameCityTargets: number;
  readonly stability: RankStability | undefined;
}

function stabilityReason(s: RankStability, spread: number): Reason[] {
  if (s.knifeEdge !== true) return [];
  const pct = `±${Math.round(spread * 100)}%`;
  const sens = s.sensitiveTo !== undefined ? FEATURE_LABELS[s.sensitiveTo] : undefined;
  return [{
    code: 'stability.knife-edge',
    zh: `排名不稳：权重${pct}扰动下排名区间 ${s.p10}–${s.p90}${sens ? `，对“${sens.zh}”权重最敏感` : ''}`,
    en: `knife-edge rank: ${s.p10}–${s.p90} under ${pct} weight perturbations${sens ? `, most sensitive to the ${sens.en} weight` : ''}`,
  }];
}

/** Reasons of an item: the relevance caveat (when below 1), feature reasons by contribution (largest first), then risk, then the stability warning. */
function reasonsOf(input: RankedItemInput, ctx: ScoringContext, contributions: Readonly<Record<FeatureName, number>>, spread: number): Reason[] {
  const reasonsBy = {} as Record<FeatureName, readonly Reason[]>;
  for (const f of FEATURE_NAMES) reasonsBy[f] = ALL_FEATURES[f].explain(input.company, ctx).reasons;
  const byContribution = [...POSITIVE_FEATURES].sort((a, b) => contributions[b] - contributions[a]);
  return [...explainRelevance(input.company, ctx).reasons, ...byContribution.flatMap((f) => reasonsBy[f]), ...reasonsBy.risk, ...(input.stability ? stabilityReason(input.stability, spread) : [])];
}

function approachOf(input: RankedItemInput, ctx: ScoringContext): Approach {
  return suggestApproach(approachFacts(input.company, ctx, input.sameCityTargets));
}

/** Where an item with lazy details keeps what builds them and, once read, their values (a hidden, non-enumerable key). */
const DETAILS = Symbol('rankedItemDetails');

interface Details {
  readonly input: RankedItemInput;
  readonly ctx: ScoringContext;
  readonly features: Readonly<Record<FeatureName, number>>;
  readonly relevance: number;
  readonly weights: Weights;
  readonly spread: number;
  contributions?: Record<FeatureName, number>;
  matchedGaps?: MatchedGap[];
  reasons?: Reason[];
  approach?: Approach;
}

type Lazy = { readonly [DETAILS]: Details };

function contributionsOf(d: Details): Record<FeatureName, number> {
  d.contributions ??= combineFeatures(d.features, d.relevance, d.weights).contributions;
  return d.contributions;
}

/**
 * The accessors of the lazy details, in the eager item's key order. One descriptor map (one getter per key)
 * shared by every item keeps all items on one object shape; a getter closure per item would give each
 * item its own hidden class and cost more than it saves.
 */
const LAZY_DETAILS: PropertyDescriptorMap = Object.freeze({
  contributions: {
    enumerable: true,
    configurable: true,
    get(this: Lazy): Record<FeatureName, number> {
      return contributionsOf(this[DETAILS]);
    },
  },
  matchedGaps: {
    enumerable: true,
    configurable: true,
    get(this: Lazy): MatchedGap[] {
      const d = this[DETAILS];
      d.matchedGaps ??= matchedGapsOf(d.input.company, d.ctx);
      return d.matchedGaps;
    },
  },
  reasons: {
    enumerable: true,
    configurable: true,
    get(this: Lazy): Reason[] {
      const d = this[DETAILS];
      d.reasons ??= reasonsOf(d.input, d.ctx, contributionsOf(d), d.spread);
      return d.reasons;
    },
  },
  approach: {
    enumerable: true,
    configurable: true,
    get(this: Lazy): Approach {
      const d = this[DETAILS];
      d.approach ??= approachOf(d.input, d.ctx);
      return d.approach;
    },
  },
});

/**
 * One ranked item: features read from the matrix, contributions, matched gaps, reasons (by contribution,
 * then risk, then the knife-edge warning) and the suggested 招商方式. With `lazy`, the last four are
 * enumerable getters that compute on first read and keep the value: the item is the same value, key for
 * key (JSON, spreads, structured clones and deep equality see the eager item), at the cost of the scores only.
 *
 * @param input - the company, its matrix row, rank, score, same-city leading targets and stability
 * @param ctx - the ranking's scoring context
 * @param matrix - a feature matrix holding the company at row `input.index`
 * @param weights - the ranking's normalised weights
 * @param spread - the stability spread (for the knife-edge reason)
 * @param lazy - build contributions, matched gaps, reasons and 招商方式 on first read
 * @returns the item
 * @example
 * rankedItem({ company, index: 0, rank: 1, score, sameCityTargets: 1, stability: undefined }, ctx, matrix, weights, 0, true).reasons;
 */
export function rankedItem(input: RankedItemInput, ctx: ScoringContext, matrix: FeatureMatrix, weights: Weights, spread: number, lazy = false): RankedItem {
  const { company, index } = input;
  const c = matrix.columns;
  const relevance = matrix.relevance[index]!;
  // In FEATURE_NAMES order (one object shape for every item).
  const features: Record<FeatureName, number> = { gapFit: c.gapFit[index]!, synergy: c.synergy[index]!, scale: c.scale[index]!, momentum: c.momentum[index]!, proximity: c.proximity[index]!, policy: c.policy[index]!, ties: c.ties[index]!, risk: c.risk[index]! };
  if (!lazy) {
    const { contributions } = combineFeatures(features, relevance, weights);
    return {
      rank: input.rank,
      id: company.id,
      name: company.name,
      score: input.score,
      relevance,
      features,
      contributions,
      matchedGaps: matchedGapsOf(company, ctx),
      reasons: reasonsOf(input, ctx, contributions, spread),
      approach: approachOf(input, ctx),
      ...(input.stability !== undefined ? { stability: input.stability } : {}),
    };
  }
  const item: Record<string | symbol, unknown> = { rank: input.rank, id: company.id, name: company.name, score: input.score, relevance, features };
  Object.defineProperty(item, DETAILS, { value: { input, ctx, features, relevance, weights, spread } satisfies Details });
  Object.defineProperties(item, LAZY_DETAILS);
  if (input.stability !== undefined) item.stability = input.stability;
  return item as unknown as RankedItem;
}
