import { indexDataset } from '../../src/dataset/indexDataset.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import type { GapAnalysis } from '../../src/gaps/types.js';
import type { Dataset } from '../../src/schema/index.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS, type ScoringContext } from '../../src/scoring/buildScoringContext.js';
import { computeFeatureMatrix } from '../../src/scoring/computeFeatureMatrix.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { findDuplicateId } from '../../src/scoring/findDuplicateId.js';
import { scoreCandidates } from '../../src/scoring/scoreCandidates.js';
import { selectTop } from '../../src/scoring/selectTop.js';
import type { Ranking, Weights } from '../../src/scoring/types.js';
import { weightedScores } from '../../src/scoring/weightedScores.js';
import { generateDataset, SIZES } from '../generate/dataset.js';
import type { BenchResult, RunPlan } from '../harness/types.js';
import { round } from '../harness/stats.js';
import { baselineScores, baselineWeightedSum } from '../kernel/baselineScores.js';
import { measureRow, timeOnce, type BenchCase } from './common.js';

const STAGE = 'ranking (top 1,000 with reasons)' as const;
const TOP = 1_000;

/** The scoring context rankCompanies builds with default options (balanced preset, no industry filter). */
export function defaultScoringContext(ds: Dataset, gaps: GapAnalysis, withCompanies: boolean): ScoringContext {
  const priorities = ds.meta.priorities ?? {};
  const index = indexDataset(withCompanies ? ds : { ...ds, companies: [] });
  return buildScoringContext(index, gaps, {
    asOf: ds.meta.asOf,
    gapKinds: WEIGHT_PRESETS.balanced!.gapKinds,
    priorities,
    regions: priorities.regions ?? DEFAULT_PRIORITY_REGIONS,
  });
}

/**
 * Time the steps of one ranking (one run each): where the time goes. These are rankCompanies' own steps with
 * default options: the lazy index (tables are built when first read, most of them inside the context), the
 * scoring context, the one-pass weighted score with the candidate ids (`scoreCandidates`; the full feature matrix is built only for
 * entropy weights, TOPSIS, the stability check or most candidates shown), the duplicate-id check, and the top
 * selection. The rest (options, the shown items' features, reasons, approaches) is the remainder.
 */
function breakdown(ds: Dataset, gaps: GapAnalysis, weights: Weights, totalMs: number): Record<string, number> {
  const [index, indexMs] = timeOnce(() => indexDataset(ds));
  const [ctx, contextMs] = timeOnce(() =>
    buildScoringContext(index, gaps, { asOf: ds.meta.asOf, gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: ds.meta.priorities ?? {}, regions: ds.meta.priorities?.regions ?? DEFAULT_PRIORITY_REGIONS }),
  );
  const ids = { list: new Array<string>(ds.companies.length), hashes: new Int32Array(ds.companies.length) };
  const [scores, scoreMs] = timeOnce(() => scoreCandidates(ds.companies, ctx, weights, ids));
  const [, idsMs] = timeOnce(() => findDuplicateId(ids.list, ids.hashes));
  const [, selectMs] = timeOnce(() => selectTop(scores, ids.list, TOP));
  const parts = { indexMs, contextMs, scoreMs, idsMs, selectMs };
  const rest = totalMs - Object.values(parts).reduce((a, b) => a + b, 0);
  return { ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)])), itemsAndOptionsMs: round(Math.max(0, rest)) };
}

function plans(size: 'S' | 'M' | 'L'): RunPlan {
  if (size === 'S') return { warmup: 2, minRuns: 10, maxRuns: 30, budgetMs: 3_000 };
  if (size === 'M') return { warmup: 1, minRuns: 5, maxRuns: 10, budgetMs: 5_000 };
  return { warmup: 1, minRuns: 3, maxRuns: 3, budgetMs: 0 };
}

/**
 * Ranking with reasons for the top 1,000 (gap analysis precomputed and passed in, so only ranking is
 * timed), then in the same process the baseline kernels on the same companies: the hand-written
 * features + weighted score + top-1,000 (the target's baseline), and the weighted sum alone over the
 * library's feature matrix. The kernel's scores are checked against the library's.
 */
function rankingCase(size: 'S' | 'M' | 'L'): BenchCase {
  const id = `rank.${size}`;
  return {
    id,
    size,
    stage: STAGE,
    title: `ranking at ${size} with the baseline kernel`,
    async execute() {
      const [ds, generateMs] = timeOnce(() => (size === 'S' ? liaocheng() : generateDataset(SIZES[size])));
      const [gaps, gapsMs] = timeOnce(() => analyzeGaps(ds));
      const plan = plans(size);
      const n = ds.companies.length;
      const target = size === 'L' ? { maxMs: 3_000, maxPeakMb: 2_048, maxKernelRatio: 3 } : undefined;
      const rank = await measureRow<Ranking>(
        { id, stage: STAGE, size, label: `rankCompanies(top: ${Math.min(TOP, n).toLocaleString('en')} of ${n.toLocaleString('en')}, gaps passed in)`, ...(target ? { target } : {}) },
        () => rankCompanies(ds, { top: TOP, gaps }),
        plan,
        (r) => ({ candidates: r.candidates ?? n, items: r.items.length, reasonsPerItem: round(r.items.reduce((a, it) => a + it.reasons.length, 0) / Math.max(1, r.items.length)) }),
      );
      if (rank.output === undefined) return { results: [rank.result] };
      const ranking = rank.output;
      const weights = ranking.weights;
      const steps = breakdown(ds, gaps, weights, rank.result.measurement!.medianMs);

      const ids = ds.companies.map((c) => c.id);
      const kernel = await measureRow(
        { id: `kernel.${size}`, stage: 'baseline kernel', size, label: 'hand-written features + weighted score + top 1,000 (Float64Array, same context)' },
        () => {
          const ctx = defaultScoringContext(ds, gaps, false);
          const kernelIds = new Array<string>(ds.companies.length);
          const scores = baselineScores(ds.companies, ctx, weights, kernelIds);
          return { scores, top: selectTop(scores, kernelIds, TOP) };
        },
        plan,
      );
      const matrix = computeFeatureMatrix(ds.companies, defaultScoringContext(ds, gaps, true));
      const sum = await measureRow(
        { id: `kernel-sum.${size}`, stage: 'baseline kernel', size, label: 'weighted sum only, over the library feature matrix (8 Float64Array columns)' },
        () => baselineWeightedSum(matrix, weights),
        { ...plan, minRuns: Math.max(plan.minRuns, 5), maxRuns: Math.max(plan.maxRuns, 10), warmup: Math.max(plan.warmup, 2) },
      );
      const library = weightedScores(matrix, weights);
      let maxDiff = 0;
      const kScores = kernel.output?.scores;
      if (kScores) for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(kScores[i]! - library[i]!));
      const kTop = kernel.output ? Array.from(kernel.output.top, (i) => ids[i]) : [];
      const sameTop = kTop.length === ranking.items.length && ranking.items.every((it, k) => it.id === kTop[k]);
      const libMs = rank.result.measurement!.medianMs;
      const kMs = kernel.result.measurement?.medianMs;
      const sMs = sum.result.measurement?.medianMs;
      const rankRow: BenchResult = {
        ...rank.result,
        details: {
          ...rank.result.details,
          ...steps,
          generateMs: round(generateMs),
          gapsMs: round(gapsMs),
          ...(kMs !== undefined ? { kernelMs: kMs, ratioToKernel: round(libMs / kMs, 3) } : {}),
          ...(sMs !== undefined ? { weightedSumMs: sMs, ratioToWeightedSum: round(libMs / sMs, 3) } : {}),
        },
      };
      const kernelRow: BenchResult = { ...kernel.result, details: { maxScoreDiff: maxDiff, sameTop1000: sameTop } };
      return { results: [rankRow, kernelRow, sum.result] };
    },
  };
}

export const rankS = rankingCase('S');
export const rankM = rankingCase('M');
export const rankL = rankingCase('L');
