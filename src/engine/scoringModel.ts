import * as z from 'zod';
import { indexDataset } from '../dataset/indexDataset.js';
import { NotFoundError, UsageError } from '../errors.js';
import { analyzeGaps } from '../gaps/analyzeGaps.js';
import type { GapAnalysis } from '../gaps/types.js';
import type { Dataset } from '../schema/index.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS } from '../scoring/buildScoringContext.js';
import { WEIGHT_PRESETS } from '../scoring/presets.js';
import { RankOptionsSchema, type RankOptions } from '../scoring/rankOptions.js';
import { resolveWeights } from '../scoring/resolveWeights.js';
import type { Weights } from '../scoring/types.js';
import { scoringTables, type ScoringTables } from './scoringTables.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

/** The model part of a ranking an engine needs: the lookup tables, the resolved weights, and the settings behind them. */
export interface ScoringModel {
  readonly tables: ScoringTables;
  readonly weights: Weights;
  readonly gaps: GapAnalysis;
  readonly asOf: string;
  readonly options: z.infer<typeof RankOptionsSchema>;
}

/**
 * Resolve rank options as `rankCompanies` does (same defaults: gaps, preset gap kinds, priorities, regions, as-of)
 * and read the scoring tables off the scoring context, for an engine outside the process (DuckDB, emitted SQL).
 *
 * @param dataset - the city's dataset
 * @param rankOptions - the options of `rankCompanies` (weighted sum; no entropy weights)
 * @returns tables, weights and the resolved settings
 * @throws {UsageError} code `OPTIONS_INVALID` for invalid options or entropy weights
 * @throws {NotFoundError} for an unknown industry
 * @example
 * const { tables, weights } = scoringModel(liaocheng(), { weights: 'balanced' });
 */
export function scoringModel(dataset: Dataset, rankOptions: Omit<RankOptions, 'companies'>): ScoringModel {
  const o = parseOptionsOrThrow(RankOptionsSchema, rankOptions, { en: 'scoring model', zh: '评分模型' });
  if (o.weights === 'entropy' || (typeof o.weights === 'object' && 'method' in o.weights && o.weights.method === 'entropy')) {
    throw new UsageError('entropy weights need every candidate in process; use --engine memory', '熵权法需要在进程内读取全部候选企业，请用 --engine memory', [], 'OPTIONS_INVALID');
  }
  const index = indexDataset({ ...dataset, companies: [] });
  if (o.industry !== undefined && !index.industryById.has(o.industry)) {
    throw new NotFoundError('industry', o.industry, `industry "${o.industry}" not found in dataset "${dataset.meta.id}"`, `数据集“${dataset.meta.id}”中没有产业“${o.industry}”`);
  }
  const gaps = o.gaps ?? analyzeGaps(dataset);
  const presetId = typeof o.weights === 'string' && Object.hasOwn(WEIGHT_PRESETS, o.weights) ? o.weights : 'balanced';
  const gapKinds = { ...WEIGHT_PRESETS[presetId]!.gapKinds, ...Object.fromEntries(Object.entries(o.gapKinds ?? {}).filter(([, v]) => v !== undefined)) };
  const priorities = { ...dataset.meta.priorities, ...Object.fromEntries(Object.entries(o.priorities ?? {}).filter(([, v]) => v !== undefined)) };
  const asOf = o.asOf ?? dataset.meta.asOf;
  const ctx = buildScoringContext(index, gaps, { industry: o.industry, asOf, gapKinds, priorities, regions: o.regions ?? priorities.regions ?? DEFAULT_PRIORITY_REGIONS });
  // Weights that need no candidate features (presets, custom, AHP) resolve without any.
  const empty = { size: 0, get columns(): never { throw new Error('unreachable'); }, get relevance(): never { throw new Error('unreachable'); } };
  const weights = resolveWeights(o.weights, empty as never, dataset.learnedWeights).weights;
  return { tables: scoringTables(ctx), weights, gaps, asOf, options: o };
}
