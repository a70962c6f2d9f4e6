import { analyzeGaps } from '../gaps/analyzeGaps.js';
import type { GapAnalysis } from '../gaps/types.js';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/index.js';
import { rankCompanies } from '../scoring/rankCompanies.js';
import type { RankOptions } from '../scoring/rankOptions.js';
import { sharedUnknownScale } from '../scoring/unknownScale.js';
import type { Ranking } from '../scoring/types.js';
import { requireIndustry } from './build/requireIndustry.js';
import { buildHandbookFromResults, type HandbookInputs } from './buildHandbookFromResults.js';
import { resolveHandbookOptions, type HandbookOptionsInput } from './options.js';
import type { Handbook } from './types.js';

/**
 * Build the 招商项目手册 as plain data: runs the gap analysis once, ranks the companies city-wide and
 * per industry (with the industry filter, every candidate, so score distributions are complete), then
 * assembles overview, chapters, visit plan and appendix (see `buildHandbookFromResults`).
 *
 * @param dataset - a validated dataset (e.g. `liaocheng()`)
 * @param options - language, date, targets per chapter, industry, weights, method (see `HandbookOptions`)
 * @returns the handbook data
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options (weights included)
 * @throws {NotFoundError} for an unknown industry
 * @example
 * const hb = buildHandbook(liaocheng(), { top: 10, date: '2026-11-30' });
 * const html = renderHtml(hb);
 */
export function buildHandbook(dataset: Dataset, options: HandbookOptionsInput = {}): Handbook {
  return buildHandbookFromResults(dataset, handbookResults(dataset, options), options);
}

/**
 * The analysis results a handbook is built from: the chain model (given or built once), the gap analysis (given or
 * computed once), the city-wide ranking and one ranking per industry with every candidate, all reading the one model
 * and the one unknown-size scale of the city's pool (`cityUnknownScale`, computed once).
 * A caller that also prints them (the `start` command) computes them once and passes them to
 * `buildHandbookFromResults` or `writeHandbookFiles`.
 *
 * @param source - a validated dataset, or its chain model
 * @param options - the handbook options (industry, top, weights, method are read)
 * @param gaps - a gap analysis of the same dataset, when already computed
 * @returns the model, the gaps and the rankings
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @throws {NotFoundError} for an unknown industry
 * @example
 * const results = handbookResults(liaocheng(), {});
 * buildHandbookFromResults(liaocheng(), results, {}).chapters.length; // 12
 */
export function handbookResults(source: Dataset | ChainModel, options: HandbookOptionsInput = {}, given?: GapAnalysis): HandbookInputs {
  const o = resolveHandbookOptions(options);
  const model = chainModel(source);
  const dataset = model.dataset;
  const gaps = given ?? analyzeGaps(model);
  requireIndustry(dataset, o.industry);
  // The unknown-size scale is the city pool's, the same for every ranking of the list: computed once, not per industry.
  const unknownScale = sharedUnknownScale(model, dataset.companies);
  const rankOptions: RankOptions = {
    gaps,
    ...(o.weights !== undefined ? { weights: o.weights } : {}),
    ...(o.method !== undefined ? { method: o.method } : {}),
    ...(unknownScale !== undefined ? { unknownScale } : {}),
  };
  const industries = dataset.industries.filter((i) => o.industry === undefined || i.id === o.industry);
  const industryRankings: Record<string, Ranking> = {};
  for (const ind of industries) industryRankings[ind.id] = rankCompanies(model, { ...rankOptions, industry: ind.id });
  const ranking = rankCompanies(model, { ...rankOptions, top: Math.max(o.top, 1) });
  return { model, gaps, ranking, industryRankings };
}
