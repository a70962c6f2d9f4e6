import type { Dataset } from '../schema/dataset.js';
import { buildGapContext } from './buildGapContext.js';
import { chainState } from './chainState.js';
import type { GapContext } from './context.js';
import { contextMatches } from './contextMatches.js';
import type { GapOptionsInput } from './options.js';
import { resolveGapOptions } from './resolveGapOptions.js';
import { classify } from './rules/classify.js';
import { segmentFacts } from './segmentFacts.js';
import { segmentGap, type GapRun } from './segmentGap.js';
import { summarizeChains } from './summarizeChains.js';
import type { ChainSummary, GapAnalysis, GapKind, SegmentGap } from './types.js';

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const roundSummary = <T extends Pick<ChainSummary, 'completeness' | 'localSupplyRate'>>(x: T): T => ({ ...x, completeness: round(x.completeness), localSupplyRate: round(x.localSupplyRate) });

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
  const o = resolveGapOptions(options);
  const c = contextMatches(ctx, dataset, o.centrality) ? ctx : buildGapContext(dataset, o);
  const state = chainState(c, dataset, o);
  const run: GapRun = {
    ctx: c,
    state,
    dataset,
    options: o,
    enterpriseName: new Map(dataset.enterprises.map((e) => [e.id, e.name])),
    primarySectors: new Set(o.priority.primarySectors),
  };
  const n = c.segments.length;
  const kinds: GapKind[] = [];
  const priorities = new Float64Array(n);
  const segments: SegmentGap[] = [];
  for (let i = 0; i < n; i++) {
    const facts = segmentFacts(c, state, i, o.thresholds);
    const gap = segmentGap(run, facts, classify(facts, o.thresholds));
    kinds.push(gap.kind);
    priorities[i] = gap.priority;
    segments.push(gap);
  }
  segments.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sums = summarizeChains(c, { presence: state.presence, present: state.present, supplyNum: state.supplyNum, supplyDen: state.supplyDen, kind: kinds, priority: priorities }, o.topGaps);
  return { segments, industries: sums.industries.map(roundSummary), subDirections: sums.subDirections.map(roundSummary), city: roundSummary(sums.city) };
}
