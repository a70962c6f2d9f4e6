import * as z from 'zod';
import { placeKey } from '../dataset/checkReferences.js';
import { NotFoundError, UsageError } from '../errors.js';
import { analyzeGaps } from '../gaps/analyzeGaps.js';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Company, Dataset } from '../schema/index.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS, withUnknownScale } from './buildScoringContext.js';
import { sizeUnknown } from './features/scale.js';
import { computeFeatureMatrix, type FeatureMatrix } from './computeFeatureMatrix.js';
import { findDuplicateId } from './findDuplicateId.js';
import { idHash } from './idHash.js';
import { WEIGHT_PRESETS } from './presets.js';
import { DEFAULT_STABILITY, rankStability } from './rankStability.js';
import { rankedItem } from './rankedItem.js';
import { relevanceValue } from './relevance.js';
import { RankOptionsSchema, type RankOptions } from './rankOptions.js';
import { resolveWeights } from './resolveWeights.js';
import { scoreCandidates } from './scoreCandidates.js';
import { selectTop } from './selectTop.js';
import { topsisScores } from './topsisScores.js';
import type { Ranking, StabilitySettings, Weights } from './types.js';
import { cityUnknownScale, clampedKnownScale, unknownScaleOf, type UnknownScale } from './unknownScale.js';
import { weightedScores } from './weightedScores.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

/** The leading targets (first ranks of the full ranking) among which 小团组招商 clusters are counted. */
export const CLUSTER_WINDOW = 30;

function parseOptions(options: RankOptions): z.output<typeof RankOptionsSchema> {
  return parseOptionsOrThrow(RankOptionsSchema, options, { en: 'rankCompanies', zh: 'rankCompanies' });
}

function defined<T extends object>(o: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/**
 * The unknown-size scale over candidates that are the city's pool themselves (an unfiltered ranking with default
 * options: `unknownScaleOf` over the scale of each known-size one).
 */
function candidatesUnknownScale(candidates: readonly Company[], unknownSize: number): UnknownScale {
  const known = new Float64Array(candidates.length - unknownSize);
  let k = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (!sizeUnknown(c)) known[k++] = clampedKnownScale(c);
  }
  return unknownScaleOf(known);
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
 * Given the dataset's chain model (`chainModel(ds)`, the one the gap analysis read), it reads that model's
 * index and segment slots, so many rankings of one dataset (the handbook's, `start`'s) index it once; given
 * the dataset, it builds the model for this ranking.
 *
 * @param source - a validated dataset, or its chain model
 * @param options - see `RankOptionsSchema`
 * @returns the ranking
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options, bad weights or duplicate candidate ids
 * @throws {NotFoundError} for an unknown industry
 * @throws {AhpInconsistentError} code `AHP_INCONSISTENT` when AHP weights come from a matrix with CR ≥ 0.1
 * @example
 * const r = rankCompanies(liaocheng(), { industry: 'nonferrous', top: 20, weights: 'fill-first' });
 * r.items[0]?.approach.zh; // '以商招商'
 * const model = chainModel(liaocheng());
 * rankCompanies(model, { gaps: analyzeGaps(model), industry: 'textiles' }).items.length; // every candidate
 */
export function rankCompanies(source: Dataset | ChainModel, options: RankOptions = {}): Ranking {
  const o = parseOptions(options);
  const model = chainModel(source);
  const { dataset, index } = model;
  if (o.industry !== undefined && !index.industryById.has(o.industry)) {
    throw new NotFoundError('industry', o.industry, `rankCompanies: industry "${o.industry}" not found in dataset "${dataset.meta.id}"; see industries.json for valid ids`, `rankCompanies：数据集“${dataset.meta.id}”中没有产业“${o.industry}”；有效 id 见 industries.json`);
  }
  const gaps = o.gaps ?? analyzeGaps(model);
  const given = o.companies ?? dataset.companies;
  const industry = o.industry;
  const presetId = typeof o.weights === 'string' && Object.hasOwn(WEIGHT_PRESETS, o.weights) ? o.weights : 'balanced';
  const gapKinds = { ...WEIGHT_PRESETS[presetId]!.gapKinds, ...defined(o.gapKinds) };
  const priorities = { ...dataset.meta.priorities, ...defined(o.priorities) };
  const asOf = o.asOf ?? dataset.meta.asOf;
  const base = buildScoringContext(model, gaps, { industry, asOf, gapKinds, priorities, regions: o.regions ?? priorities.regions ?? DEFAULT_PRIORITY_REGIONS });
  // Off-chain companies (a bank, a developer) and local enterprises are not targets: set apart unless asked for.
  // With an industry filter, a company placed on the industry without a confirmed segment (挂链到产业) is a
  // candidate of that industry too; companies with no chain relevance in scope (与本市产业链无关) are counted apart.
  // A firm of unknown size scores the lower quartile of the scale of the known-size firms of the city's pool
  // (`inUnknownScalePool`: the candidates of the unfiltered ranking with default options, whatever this one filters
  // or includes), unless the caller gives the value of a larger pool. The quartile is taken only when some candidate
  // is of unknown size (else nothing reads it): a curated list with every size on record pays nothing for it; and
  // without an industry filter or include flag the candidates are the pool (no second pass).
  let offChain = 0;
  let local = 0;
  let unrelated = 0;
  let unknownSize = 0;
  const candidates = given.filter((c) => {
    if (!o.includeOffChain && c.placement?.status === 'off-chain') return (offChain++, false);
    if (!o.includeLocal && c.local === true) return (local++, false);
    if (industry !== undefined && c.segments?.some((s) => index.segmentById.get(s)?.industry === industry) !== true && c.industries?.includes(industry) !== true) return false;
    // An off-chain company asked for with includeOffChain is listed (at relevance 0), not counted as unrelated.
    if (!o.includeUnrelated && relevanceValue(c, base) === 0 && !(o.includeOffChain === true && c.placement?.status === 'off-chain')) return (unrelated++, false);
    if (sizeUnknown(c)) unknownSize++;
    return true;
  });
  const candidatesArePool = industry === undefined && !o.includeOffChain && !o.includeLocal && !o.includeUnrelated;
  const ctx =
    o.unknownScale !== undefined
      ? withUnknownScale(base, o.unknownScale)
      : unknownSize > 0
        ? withUnknownScale(base, candidatesArePool ? candidatesUnknownScale(candidates, unknownSize) : cityUnknownScale(model, given))
        : base;
  const settings: StabilitySettings | undefined = o.stability === false ? undefined : { ...DEFAULT_STABILITY, ...(o.stability === true ? {} : defined(o.stability)) };
  // The full feature matrix is built only when something reads it: entropy weights, TOPSIS, the stability
  // check, or the items when most candidates are shown. Otherwise (weighted sum, preset, custom or AHP weights) scoreCandidates sums each candidate's
  // features in one pass (the same numbers), and the items read a matrix of the shown companies only.
  let full: FeatureMatrix | undefined;
  const fullMatrix = (): FeatureMatrix => (full ??= computeFeatureMatrix(candidates, ctx));
  const top = Math.min(o.top ?? candidates.length, candidates.length);
  // When most candidates are shown (a city's own list, a what-if re-rank), their features would be computed
  // twice (once to score, once for the items): build the full matrix once instead.
  if (2 * top >= candidates.length) fullMatrix();
  // Ids are read in the scoring pass when there is one (one sweep over a million cold company objects, not two);
  // otherwise, and before any error of the weights, they are read and checked for duplicates first, as always.
  const ids: string[] = new Array<string>(candidates.length);
  const hashes = new Int32Array(candidates.length);
  const checkIds = (read: boolean): void => {
    if (read) for (let i = 0; i < candidates.length; i++) hashes[i] = idHash((ids[i] = candidates[i]!.id));
    const duplicate = findDuplicateId(ids, hashes);
    if (duplicate !== undefined) {
      throw new UsageError(`rankCompanies: company id "${duplicate}" appears twice among the candidates; ids must be unique`, `rankCompanies：候选企业 id“${duplicate}”重复；id 须唯一`, [], 'OPTIONS_INVALID');
    }
  };
  let resolved: ReturnType<typeof resolveWeights>;
  try {
    resolved = resolveWeights(o.weights, { size: candidates.length, get columns() { return fullMatrix().columns; }, get relevance() { return fullMatrix().relevance; } }, dataset.learnedWeights);
  } catch (error) {
    checkIds(true);
    throw error;
  }
  const scorer = o.method === 'topsis' ? topsisScores(fullMatrix()) : (w: Weights) => weightedScores(fullMatrix(), w);
  const onePass = o.method === 'weighted' && settings === undefined && full === undefined;
  if (!onePass) checkIds(true);
  const scores = onePass ? scoreCandidates(candidates, ctx, resolved.weights, { list: ids, hashes }) : scorer(resolved.weights);
  if (onePass) checkIds(false);
  const order = selectTop(scores, ids, Math.max(top, CLUSTER_WINDOW));
  const leading = new Map<string, number>();
  order.subarray(0, CLUSTER_WINDOW).forEach((i) => leading.set(hqKey(candidates[i]!), (leading.get(hqKey(candidates[i]!)) ?? 0) + 1));
  const shown = order.subarray(0, top);
  // The items read their features from the full matrix when it exists (row = candidate index), else from a
  // matrix of the shown companies only (row k = the item of rank k + 1).
  const matrix = full ?? computeFeatureMatrix(Array.from(shown, (i) => candidates[i]!), ctx);
  const rowOf = full !== undefined ? (i: number): number => i : (_: number, k: number): number => k;
  const stability = settings ? rankStability(scorer, ids, Array.from(shown, (i, k) => ({ index: i, rank: k + 1 })), resolved.weights, settings) : undefined;
  const items = Array.from(shown, (i, k) =>
    rankedItem(
      { company: candidates[i]!, index: rowOf(i, k), rank: k + 1, score: scores[i]!, sameCityTargets: (leading.get(hqKey(candidates[i]!)) ?? 0) + (k < CLUSTER_WINDOW ? 0 : 1), stability: stability?.[k] },
      ctx,
      matrix,
      resolved.weights,
      settings?.spread ?? 0,
      o.lazyReasons,
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
    excluded: { offChain, local, unrelated },
    ...(industry !== undefined ? { industry } : {}),
    asOf,
    ...(settings !== undefined ? { stabilitySettings: settings } : {}),
  };
}
