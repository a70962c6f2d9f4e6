// A what-if re-run ranks every candidate (compareScenarios reports every rank movement), but its callers read
// the reasons and the 招商方式 of only the few items they show. Building them is most of a re-rank (feature
// `explain` for 8 features, approach facts), so this ranking builds them on first read instead.
//
// Why a copy of rankCompanies' pipeline and not an option of rankCompanies: src/scoring is being rewritten
// by another change; this composes scoring's own building blocks (context, feature matrix, weights, scores,
// top selection, explain, approach) in rankCompanies' order, and test/whatif/rankLazily.test.ts checks that the
// result equals rankCompanies' value for value and key for key. Once scoring settles, a `lazyReasons`
// option of rankCompanies should replace this file.
import { placeKey } from '../../dataset/checkReferences.js';
import { indexDataset } from '../../dataset/indexDataset.js';
import type { Reason } from '../../gaps/types.js';
import type { Company, Dataset } from '../../schema/index.js';
import { approachFacts } from '../../scoring/approachFacts.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS, type ScoringContext } from '../../scoring/buildScoringContext.js';
import { combineFeatures } from '../../scoring/combineFeatures.js';
import { computeFeatureMatrix } from '../../scoring/computeFeatureMatrix.js';
import { ALL_FEATURES } from '../../scoring/features/allFeatures.js';
import { findDuplicateId } from '../../scoring/findDuplicateId.js';
import { WEIGHT_PRESETS } from '../../scoring/presets.js';
import { CLUSTER_WINDOW, rankCompanies } from '../../scoring/rankCompanies.js';
import { RankOptionsSchema, type RankOptions } from '../../scoring/rankOptions.js';
import { resolveWeights } from '../../scoring/resolveWeights.js';
import { selectTop } from '../../scoring/selectTop.js';
import { suggestApproach } from '../../scoring/suggestApproach.js';
import { topsisScores } from '../../scoring/topsisScores.js';
import { FEATURE_NAMES, POSITIVE_FEATURES, type Approach, type FeatureName, type MatchedGap, type RankedItem, type Ranking, type Weights } from '../../scoring/types.js';
import { weightedScores } from '../../scoring/weightedScores.js';
import { matchedGapsOf } from '../../scoring/matchedGapsOf.js';

function defined<T extends object>(o: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function hqKey(c: Company): string {
  return placeKey(c.hq.province, c.hq.city, c.hq.country);
}

/** As rankCompanies' buildItem (without stability): reasons by contribution, then risk. */
function reasonsOf(company: Company, ctx: ScoringContext, contributions: Readonly<Record<FeatureName, number>>): Reason[] {
  const reasonsBy = {} as Record<FeatureName, readonly Reason[]>;
  for (const f of FEATURE_NAMES) reasonsBy[f] = ALL_FEATURES[f].explain(company, ctx).reasons;
  const byContribution = [...POSITIVE_FEATURES].sort((a, b) => contributions[b] - contributions[a]);
  return [...byContribution.flatMap((f) => reasonsBy[f]), ...reasonsBy.risk];
}

/**
 * `rankCompanies(dataset, options)`, the same value (same items, keys in the same order), with each item's
 * `contributions`, `matchedGaps`, `reasons` and `approach` computed when first read. With `stability`, or options that
 * rankCompanies rejects, it is rankCompanies itself (same result, same errors).
 */
export function rankLazily(dataset: Dataset, options: RankOptions): Ranking {
  const parsed = RankOptionsSchema.safeParse(options);
  if (!parsed.success || parsed.data.stability !== false) return rankCompanies(dataset, options);
  const o = parsed.data;
  const index = indexDataset(dataset);
  if (o.industry !== undefined && !index.industryById.has(o.industry)) return rankCompanies(dataset, options);
  const pool = o.companies ?? dataset.companies;
  const industry = o.industry;
  const candidates = industry === undefined ? pool : pool.filter((c) => c.segments?.some((s) => index.segmentById.get(s)?.industry === industry) === true);
  const ids = candidates.map((c) => c.id);
  if (o.gaps === undefined || findDuplicateId(ids) !== undefined) return rankCompanies(dataset, options);
  const presetId = typeof o.weights === 'string' && Object.hasOwn(WEIGHT_PRESETS, o.weights) ? o.weights : 'balanced';
  const gapKinds = { ...WEIGHT_PRESETS[presetId]!.gapKinds, ...defined(o.gapKinds) };
  const priorities = { ...dataset.meta.priorities, ...defined(o.priorities) };
  const asOf = o.asOf ?? dataset.meta.asOf;
  const ctx = buildScoringContext(index, o.gaps, { industry, asOf, gapKinds, priorities, regions: o.regions ?? priorities.regions ?? DEFAULT_PRIORITY_REGIONS });
  const matrix = computeFeatureMatrix(candidates, ctx);
  const resolved = resolveWeights(o.weights, matrix);
  const scores = o.method === 'topsis' ? topsisScores(matrix)(resolved.weights) : weightedScores(matrix, resolved.weights);
  const top = Math.min(o.top ?? candidates.length, candidates.length);
  const order = selectTop(scores, ids, Math.max(top, CLUSTER_WINDOW));
  const leading = new Map<string, number>();
  for (const i of order.subarray(0, CLUSTER_WINDOW)) {
    const key = hqKey(candidates[i]!);
    leading.set(key, (leading.get(key) ?? 0) + 1);
  }
  const weights: Weights = resolved.weights;
  const c = matrix.columns;
  const items = Array.from(order.subarray(0, top), (i, k): RankedItem => {
    const company = candidates[i]!;
    // In FEATURE_NAMES order (one object shape for every item; the tests check the key order against rankCompanies).
    const features: Record<FeatureName, number> = { gapFit: c.gapFit[i]!, synergy: c.synergy[i]!, scale: c.scale[i]!, momentum: c.momentum[i]!, proximity: c.proximity[i]!, policy: c.policy[i]!, ties: c.ties[i]!, risk: c.risk[i]! };
    let contributions: Record<FeatureName, number> | undefined;
    let matchedGaps: MatchedGap[] | undefined;
    let reasons: Reason[] | undefined;
    let approach: Approach | undefined;
    // Enumerable getters that compute once, in rankCompanies' key order: JSON, spreads and deep equality see the same item.
    return {
      rank: k + 1,
      id: company.id,
      name: company.name,
      score: scores[i]!,
      features,
      get contributions(): Record<FeatureName, number> {
        return (contributions ??= combineFeatures(features, weights).contributions);
      },
      get matchedGaps(): MatchedGap[] {
        return (matchedGaps ??= matchedGapsOf(company, ctx));
      },
      get reasons(): Reason[] {
        return (reasons ??= reasonsOf(company, ctx, (contributions ??= combineFeatures(features, weights).contributions)));
      },
      get approach(): Approach {
        // As rankCompanies: firms of the leading window with the same HQ city, plus the item itself when outside it.
        approach ??= suggestApproach(approachFacts(company, ctx, (leading.get(hqKey(company)) ?? 0) + (k < CLUSTER_WINDOW ? 0 : 1)));
        return approach;
      },
    };
  });
  return {
    items,
    weights: resolved.weights,
    method: o.method,
    ...(resolved.preset !== undefined ? { preset: resolved.preset } : {}),
    weightSource: resolved.source,
    ...(resolved.ahp !== undefined ? { ahp: resolved.ahp } : {}),
    gapKinds,
    candidates: candidates.length,
    ...(industry !== undefined ? { industry } : {}),
    asOf,
  };
}
