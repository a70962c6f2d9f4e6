import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/dataset.js';
import { runGapAnalysis } from './runGapAnalysis.js';
import { buildGapContext } from './buildGapContext.js';
import type { GapOptionsInput } from './options.js';
import type { GapAnalysis } from './types.js';

/**
 * Find where a city's industrial chains are broken, thin or missing: for every segment its
 * measures (presence, relatedness, demand pull, supply push, 本地配套率, PageRank, betweenness,
 * HHI), its kind (补链 fill, 延链 extend, 强链 strengthen, 建链 build, or none), a priority in
 * [0, 1] and reasons in Chinese and English that quote the numbers; plus summaries per industry,
 * sub-direction and city. Every formula and default is in docs/methodology.md. For repeated runs
 * on the same chain (what-if), build the context once with `buildGapContext` and call
 * `analyzeGapsWithContext`.
 *
 * @param source - a validated dataset (e.g. `liaocheng()`), or its chain model (then shared with the caller's
 *   later stages, such as `rankCompanies(model, { gaps })`)
 * @param options - thresholds, weights and centrality settings (see `GapOptions`)
 * @returns plain data; segments sorted by priority desc, then id asc
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @throws {NotFoundError} when a link or enterprise names an unknown segment
 * @example
 * const a = analyzeGaps(liaocheng());
 * a.segments.filter((s) => s.kind === 'fill').map((s) => s.name);
 */
export function analyzeGaps(source: Dataset | ChainModel, options: GapOptionsInput = {}): GapAnalysis {
  const model = chainModel(source);
  return runGapAnalysis(buildGapContext(model, options), model, options);
}
