import type { Dataset } from '../schema/dataset.js';
import type { GapContext } from './context.js';
import type { GapOptionsInput } from './options.js';
import { runGapAnalysis } from './runGapAnalysis.js';
import type { GapAnalysis } from './types.js';

/**
 * Run the gap analysis on a prebuilt context (see `buildGapContext`): presence from the dataset's
 * local enterprises, the measures, the rules, priorities, reasons and summaries. Only the firms,
 * the city priorities (`meta.priorities`) and the options are read afresh, so a what-if re-run is
 * O(segments + links). When the dataset's segments, links or industries (or the centrality
 * options) differ from the context's, a fresh context is built first, so the result is always
 * that of `analyzeGaps(dataset, options)`.
 *
 * @param ctx - a context from `buildGapContext`
 * @param dataset - the dataset to analyse (typically the context's, with changed firms or priorities)
 * @param options - gap options
 * @returns the analysis (plain data; segments by priority desc, then id asc)
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @throws {NotFoundError} when an enterprise names an unknown segment
 * @example
 * const ctx = buildGapContext(ds);
 * const after = analyzeGapsWithContext(ctx, { ...ds, enterprises: [...ds.enterprises, newPlant] });
 */
export function analyzeGapsWithContext(ctx: GapContext, dataset: Dataset, options: GapOptionsInput = {}): GapAnalysis {
  return runGapAnalysis(ctx, dataset, options);
}
