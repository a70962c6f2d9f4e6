import { analyzeGaps } from '../gaps/analyzeGaps.js';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/index.js';
import { rankCompanies } from './rankCompanies.js';
import type { RankOptions } from './rankOptions.js';
import type { Ranking } from './types.js';
import { sharedUnknownScale } from './unknownScale.js';

/** The top targets of one industry. */
export interface IndustryTargets {
  readonly industry: string;
  readonly name: string;
  readonly nameEn: string;
  readonly ranking: Ranking;
}

/**
 * The top N targets of every industry (in dataset order), each ranked with the industry filter so gap
 * fit, synergy and policy look at that industry's segments. The chain model, the gap analysis and the unknown-size
 * scale (the city's pool, the same for every industry: `cityUnknownScale`) are computed once (or taken as given) and
 * shared by every ranking.
 *
 * @param source - a validated dataset, or its chain model
 * @param top - how many targets per industry (default 10)
 * @param options - the other `rankCompanies` options (not `industry` or `top`)
 * @returns one entry per industry, with its ranking
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @example
 * topTargetsByIndustry(liaocheng(), 5).map((t) => `${t.name}: ${t.ranking.items.map((i) => i.name).join('、')}`);
 */
export function topTargetsByIndustry(source: Dataset | ChainModel, top = 10, options: Omit<RankOptions, 'industry' | 'top'> = {}): IndustryTargets[] {
  const model = chainModel(source);
  const gaps = options.gaps ?? analyzeGaps(model);
  const unknownScale = options.unknownScale ?? sharedUnknownScale(model, options.companies ?? model.dataset.companies);
  return model.dataset.industries.map((ind) => ({
    industry: ind.id,
    name: ind.name,
    nameEn: ind.nameEn,
    ranking: rankCompanies(model, { ...options, gaps, industry: ind.id, top, ...(unknownScale !== undefined ? { unknownScale } : {}) }),
  }));
}
