import * as z from 'zod';
import { indexDataset } from '../dataset/indexDataset.js';
import { placeKey } from '../dataset/checkReferences.js';
import { NotFoundError, UsageError } from '../errors.js';
import { analyzeGaps } from '../gaps/analyzeGaps.js';
import type { Reason } from '../gaps/types.js';
import type { Company, Dataset } from '../schema/index.js';
import { approachFacts } from './approachFacts.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS, type ScoringContext } from './buildScoringContext.js';
import { combineFeatures } from './combineFeatures.js';
import { computeFeatureMatrix, type FeatureMatrix } from './computeFeatureMatrix.js';
import { ALL_FEATURES } from './features/allFeatures.js';
import { findDuplicateId } from './findDuplicateId.js';
import { FEATURE_LABELS } from './labels.js';
import { WEIGHT_PRESETS } from './presets.js';
import { DEFAULT_STABILITY, rankStability } from './rankStability.js';
import { RankOptionsSchema, type RankOptions } from './rankOptions.js';
import { resolveWeights } from './resolveWeights.js';
import { selectTop } from './selectTop.js';
import { suggestApproach } from './suggestApproach.js';
import { topsisScores } from './topsisScores.js';
import { FEATURE_NAMES, POSITIVE_FEATURES, type FeatureName, type RankStability, type RankedItem, type Ranking, type StabilitySettings, type Weights } from './types.js';
import { weightedScores } from './weightedScores.js';
import { matchedGapsOf } from './matchedGapsOf.js';

/** The leading targets (first ranks of the full ranking) among which 小团组招商 clusters are counted. */
export const CLUSTER_WINDOW = 30;

function parseOptions(options: RankOptions): z.output<typeof RankOptionsSchema> {
  const r = RankOptionsSchema.safeParse(options);
  if (r.success) return r.data;
  const detail = z.prettifyError(r.error);
  throw new UsageError(`rankCompanies: invalid options: ${detail}`, `rankCompanies：选项无效：${detail}`, r.error.issues.map((i) => i.message), 'OPTIONS_INVALID');
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

interface ItemInput {
  readonly company: Company;
  readonly index: number;
  readonly rank: number;
  readonly score: number;
  readonly sameCityTargets: number;
  readonly stability: RankStability | undefined;
}

function buildItem(input: ItemInput, ctx: ScoringContext, matrix: FeatureMatrix, weights: Weights, spread: number): RankedItem {
  const { company, index } = input;
  const features = {} as Record<FeatureName, number>;
  const reasonsBy = {} as Record<FeatureName, readonly Reason[]>;
  for (const f of FEATURE_NAMES) {
    features[f] = matrix.columns[f][index]!;
    reasonsBy[f] = ALL_FEATURES[f].explain(company, ctx).reasons;
  }
  const { contributions } = combineFeatures(features, weights);
  const byContribution = [...POSITIVE_FEATURES].sort((a, b) => contributions[b] - contributions[a]);
  const reasons = [...byContribution.flatMap((f) => reasonsBy[f]), ...reasonsBy.risk, ...(input.stability ? stabilityReason(input.stability, spread) : [])];
  return {
    rank: input.rank,
    id: company.id,
    name: company.name,
    score: input.score,
    features,
    contributions,
    matchedGaps: matchedGapsOf(company, ctx),
    reasons,
    approach: suggestApproach(approachFacts(company, ctx, input.sameCityTargets)),
    ...(input.stability !== undefined ? { stability: input.stability } : {}),
  };
}

function defined<T extends object>(o: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function hqKey(c: Company): string {
  return placeKey(c.hq.province, c.hq.city, c.hq.country);
}

/**
 * Rank target companies for the city: features in [0, 1] (gap fit, chain synergy, scale, momentum,
 * proximity, policy fit, ties, minus risk), weighted by a preset, custom numbers, 熵权法 or AHP, aggregated
 * by weighted sum or TOPSIS; deterministic (score desc, then id asc). Each returned item carries its
 * features, contributions (adding up to the score with the weighted sum), matched gaps, reasons in zh and
 * en, a suggested 招商方式 with its rule, and optionally its rank interval under perturbed weights.
 * Every candidate is scored in one columnar pass; reasons are built only for the returned items.
 *
 * @param dataset - a validated dataset
 * @param options - see `RankOptionsSchema`
 * @returns the ranking
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options, bad weights or duplicate candidate ids
 * @throws {NotFoundError} for an unknown industry
 * @throws {AhpInconsistentError} code `AHP_INCONSISTENT` when AHP weights come from a matrix with CR ≥ 0.1
 * @example
 * const r = rankCompanies(liaocheng(), { industry: 'nonferrous', top: 20, weights: 'fill-first' });
 * r.items[0]?.approach.zh; // '以商招商'
 */
export function rankCompanies(dataset: Dataset, options: RankOptions = {}): Ranking {
  const o = parseOptions(options);
  const index = indexDataset(dataset);
  if (o.industry !== undefined && !index.industryById.has(o.industry)) {
    throw new NotFoundError('industry', o.industry, `rankCompanies: industry "${o.industry}" not found in dataset "${dataset.meta.id}"; see industries.json for valid ids`, `rankCompanies：数据集“${dataset.meta.id}”中没有产业“${o.industry}”；有效 id 见 industries.json`);
  }
  const gaps = o.gaps ?? analyzeGaps(dataset);
  const pool = o.companies ?? dataset.companies;
  const industry = o.industry;
  const candidates = industry === undefined ? pool : pool.filter((c) => c.segments?.some((s) => index.segmentById.get(s)?.industry === industry) === true);
  const ids = candidates.map((c) => c.id);
  const duplicate = findDuplicateId(ids);
  if (duplicate !== undefined) {
    throw new UsageError(`rankCompanies: company id "${duplicate}" appears twice among the candidates; ids must be unique`, `rankCompanies：候选企业 id“${duplicate}”重复；id 须唯一`, [], 'OPTIONS_INVALID');
  }
  const presetId = typeof o.weights === 'string' && Object.hasOwn(WEIGHT_PRESETS, o.weights) ? o.weights : 'balanced';
  const gapKinds = { ...WEIGHT_PRESETS[presetId]!.gapKinds, ...defined(o.gapKinds) };
  const priorities = { ...dataset.meta.priorities, ...defined(o.priorities) };
  const asOf = o.asOf ?? dataset.meta.asOf;
  const ctx = buildScoringContext(index, gaps, { industry, asOf, gapKinds, priorities, regions: o.regions ?? priorities.regions ?? DEFAULT_PRIORITY_REGIONS });
  const matrix = computeFeatureMatrix(candidates, ctx);
  const resolved = resolveWeights(o.weights, matrix);
  const scorer = o.method === 'topsis' ? topsisScores(matrix) : (w: Weights) => weightedScores(matrix, w);
  const scores = scorer(resolved.weights);
  const top = Math.min(o.top ?? candidates.length, candidates.length);
  const order = selectTop(scores, ids, Math.max(top, CLUSTER_WINDOW));
  const leading = new Map<string, number>();
  order.subarray(0, CLUSTER_WINDOW).forEach((i) => leading.set(hqKey(candidates[i]!), (leading.get(hqKey(candidates[i]!)) ?? 0) + 1));
  const shown = order.subarray(0, top);
  const settings: StabilitySettings | undefined = o.stability === false ? undefined : { ...DEFAULT_STABILITY, ...(o.stability === true ? {} : defined(o.stability)) };
  const stability = settings ? rankStability(scorer, ids, Array.from(shown, (i, k) => ({ index: i, rank: k + 1 })), resolved.weights, settings) : undefined;
  const items = Array.from(shown, (i, k) =>
    buildItem(
      { company: candidates[i]!, index: i, rank: k + 1, score: scores[i]!, sameCityTargets: (leading.get(hqKey(candidates[i]!)) ?? 0) + (k < CLUSTER_WINDOW ? 0 : 1), stability: stability?.[k] },
      ctx,
      matrix,
      resolved.weights,
      settings?.spread ?? 0,
    ),
  );
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
    ...(settings !== undefined ? { stabilitySettings: settings } : {}),
  };
}
