import * as z from 'zod';
import type { GapAnalysis } from '../gaps/types.js';
import { PartialDate, Priorities, type Company } from '../schema/index.js';
import { WeightsSpec } from './weightsSpec.js';

const factor = z.number().min(0).max(1);

/**
 * Options of `rankCompanies`, validated at the boundary; defaults are the schema's `.default()`s.
 * - `top`: return only the best N items (all candidates are still scored; ranks are over all of them).
 * - `industry`: rank only companies with a segment in this industry; gap fit, synergy and policy then
 *   look at that industry's segments only.
 * - `weights`: a preset (`balanced` default, `fill-first`, `strengthen-first`, `build-first`), `entropy`,
 *   custom numbers, or an AHP matrix (see `WeightsSpec`).
 * - `method`: `weighted` (default; contributions add up to the score) or `topsis`.
 * - `stability`: `true` or `{ runs, spread, seed }` to report each item's rank interval under perturbed weights.
 * - `asOf`: reference date for momentum and risk decay (default `dataset.meta.asOf`).
 * - `priorities`, `regions`: override the city's priorities (`dataset.meta.priorities`) and 重点区域.
 * - `gapKinds`: factors by gap kind inside gap fit (default: the preset's, else all 1).
 * - `gaps`: a precomputed gap analysis of the same dataset (what-if and handbook reuse one).
 * - `companies`: candidates to rank instead of `dataset.companies` (e.g. an import).
 * - `includeOffChain`: also rank companies whose placement is off-chain (finance, property …); default `false`.
 * - `includeLocal`: also rank local enterprises (`local: true`, HQ in the home city); default `false`.
 * - `includeUnrelated`: also rank companies unrelated to the chains in scope (relevance 0; they score 0 and come
 *   last); default `false`, when they are only counted in `excluded.unrelated` (与本市产业链无关).
 * - `unknownScale`: the scale of a candidate of unknown size, `{ value, known, basis }` (`UnknownScale`), when the
 *   pool it is taken over is larger than `companies` — an engine that scores every company elsewhere and ranks only
 *   the top rows in process passes the full pool's (`rankWithDuckDb` does); a caller ranking one list many times
 *   passes the list's one value (the value `rankCompanies` computes for the list: `topTargetsByIndustry` and the
 *   handbook compute it once). Default: computed from the city's pool of the list (its chain-relevant, non-local
 *   firms, before the industry filter and whatever the include flags): their known-size firms' lower quartile, else
 *   `SCALE.unknown`.
 * - `lazyReasons`: build each item's `contributions`, `matchedGaps`, `reasons` and `approach` when first read
 *   (enumerable getters that keep the value; the result is the same value, key for key). For callers that
 *   rank every candidate but read the details of few items, such as a what-if re-run. Default `false`.
 *
 * @example
 * RankOptionsSchema.parse({ top: 20, weights: 'fill-first' }).method; // 'weighted'
 */
export const RankOptionsSchema = z.strictObject({
  top: z.number().int().positive().optional(),
  industry: z.string().min(1).optional(),
  weights: WeightsSpec.default('balanced'),
  method: z.enum(['weighted', 'topsis']).default('weighted'),
  stability: z
    .union([
      z.boolean(),
      z.strictObject({
        runs: z.number().int().min(1).max(100_000).optional(),
        spread: z.number().gt(0).lt(1).optional(),
        seed: z.number().int().optional(),
      }),
    ])
    .default(false),
  asOf: PartialDate.optional(),
  priorities: Priorities.optional(),
  regions: z.array(z.string().min(1)).optional(),
  gapKinds: z.strictObject({ fill: factor.optional(), extend: factor.optional(), strengthen: factor.optional(), build: factor.optional() }).optional(),
  gaps: z.custom<GapAnalysis>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { segments?: unknown }).segments), 'gaps must be a GapAnalysis (from analyzeGaps)').optional(),
  companies: z.custom<readonly Company[]>((v) => Array.isArray(v), 'companies must be an array of companies').optional(),
  unknownScale: z
    .strictObject({ value: z.number().min(0).max(1), known: z.number().int().min(0), basis: z.enum(['pool', 'fallback']) })
    .readonly()
    .optional(),
  lazyReasons: z.boolean().default(false),
  includeOffChain: z.boolean().default(false),
  includeLocal: z.boolean().default(false),
  includeUnrelated: z.boolean().default(false),
});

/** Options as a caller passes them (every field optional). */
export type RankOptions = z.input<typeof RankOptionsSchema>;
