import * as z from 'zod';
import { buildGapContext } from '../gaps/buildGapContext.js';
import { runGapAnalysis } from '../gaps/runGapAnalysis.js';
import type { GapContext } from '../gaps/context.js';
import type { GapOptionsInput } from '../gaps/options.js';
import { deriveChainModel } from '../model/chainModel.js';
import type { Company } from '../schema/company.js';
import type { Dataset } from '../schema/dataset.js';
import { rankCompanies } from '../scoring/rankCompanies.js';
import type { RankOptions } from '../scoring/rankOptions.js';
import { applyChanges } from './internal/applyChanges.js';
import { parseScenario } from './parseScenario.js';
import type { ScenarioInput } from './scenario.js';
import type { ScenarioRun } from './types.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;

/**
 * Options of `runScenario`:
 * - `gaps`: gap-analysis options (thresholds, weights …);
 * - `rank`: ranking options (top, industry, weights, method …); a scenario's `set-weights` overrides `weights`;
 * - `context`: a `buildGapContext` of the base dataset, reused so that a re-run skips the graph metrics.
 */
export const RunScenarioOptions = z.strictObject({
  gaps: z.custom<GapOptionsInput>(isObject, 'gaps must be gap options').optional(),
  rank: z.custom<Omit<RankOptions, 'gaps'>>(isObject, 'rank must be ranking options').optional(),
  context: z.custom<GapContext>((v) => isObject(v) && 'adjacency' in (v as object), 'context must come from buildGapContext').optional(),
});
export type RunScenarioOptions = z.input<typeof RunScenarioOptions>;

function parseOptions(options: RunScenarioOptions): z.output<typeof RunScenarioOptions> {
  return parseOptionsOrThrow(RunScenarioOptions, options, { en: 'runScenario', zh: 'runScenario' });
}

/**
 * Run a what-if scenario: apply it to the dataset, analyse the gaps and rank the companies under it.
 * Landed and excluded companies leave the candidate list; a `set-weights` change sets the ranking
 * weights; `set-priority` reaches both the gap priorities and policy fit through `meta.priorities`.
 * Deterministic: the same inputs give the same result. The gap analysis and the ranking are those of
 * `analyzeGapsWithContext` and `rankCompanies`; their reasons (and each item's matched gaps and 招商方式)
 * are computed when first read, so a re-run costs little more than the scores.
 *
 * @param dataset - a validated dataset
 * @param scenario - the scenario (validated here)
 * @param options - gap and ranking options, and an optional prebuilt gap context (see `RunScenarioOptions`)
 * @returns the scenario, the changed dataset, its gap analysis and ranking, the landed and excluded companies
 * @throws {ScenarioError} code `SCENARIO_INVALID` for a bad scenario
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @example
 * const base = runScenario(ds, { changes: [] });
 * const after = runScenario(ds, { changes: [land('harbin-bearing', { county: '临清市' })] });
 * compareScenarios(base, after).segments;
 */
export function runScenario(dataset: Dataset, scenario: ScenarioInput, options: RunScenarioOptions = {}): ScenarioRun {
  const o = parseOptions(options);
  const parsed = parseScenario(scenario);
  const applied = applyChanges(dataset, parsed);
  const gapOptions = o.gaps ?? {};
  const context = o.context ?? buildGapContext(dataset, gapOptions);
  // One model of the changed dataset (sharing the context's chain when the scenario left it), read by the gap
  // analysis and the ranking alike.
  const model = deriveChainModel(context.model, applied.dataset);
  // Reasons of segments and ranked items are formatted when first read: a re-run's caller reads few of them.
  const gaps = runGapAnalysis(context, model, gapOptions, { lazyReasons: true });
  const gone = new Set([...applied.excluded, ...applied.landed.map((l) => l.company)]);
  const pool: readonly Company[] = o.rank?.companies ?? applied.dataset.companies;
  const weights = applied.weights ?? o.rank?.weights;
  const ranking = rankCompanies(model, {
    ...o.rank,
    lazyReasons: true,
    gaps,
    companies: gone.size > 0 ? pool.filter((c) => !gone.has(c.id)) : pool,
    ...(weights !== undefined ? { weights } : {}),
  });
  return { scenario: parsed, dataset: applied.dataset, gaps, ranking, landed: applied.landed, excluded: applied.excluded };
}
