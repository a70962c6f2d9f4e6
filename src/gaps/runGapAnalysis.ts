import { deriveChainModel, isChainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/dataset.js';
import { buildGapContext } from './buildGapContext.js';
import { chainState } from './chainState.js';
import type { GapContext } from './context.js';
import { contextMatches } from './contextMatches.js';
import { indexCorrections } from './corrections.js';
import type { GapOptionsInput } from './options.js';
import { resolveGapOptions } from './resolveGapOptions.js';
import { classify } from './rules/classify.js';
import { segmentFacts } from './segmentFacts.js';
import { segmentGap, type GapRun } from './segmentGap.js';
import { summarizeChains } from './summarizeChains.js';
import type { ChainSummary, GapAnalysis, GapKind, SegmentGap } from './types.js';

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const roundSummary = <T extends Pick<ChainSummary, 'completeness' | 'localSupplyRate'>>(x: T): T => ({ ...x, completeness: round(x.completeness), localSupplyRate: round(x.localSupplyRate) });

/** Internal settings of a gap run that do not change its result (never part of the public options). */
export interface GapRunSettings {
  /** Format each segment's reasons only when first read (see `GapRun.lazyReasons`); what-if re-runs use it. */
  readonly lazyReasons?: boolean;
}

/**
 * The body of `analyzeGapsWithContext`, with internal settings: the same analysis, value for value.
 *
 * @param ctx - a context from `buildGapContext`
 * @param source - the dataset to analyse, or its chain model (then read as is, not derived from the context's)
 * @param options - gap options
 * @param settings - internal settings (lazy reasons)
 * @returns the analysis
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @throws {NotFoundError} when an enterprise names an unknown segment
 * @example
 * runGapAnalysis(buildGapContext(ds), ds, {}, { lazyReasons: true }).segments[0]?.reasons; // formatted now
 */
export function runGapAnalysis(ctx: GapContext, source: Dataset | ChainModel, options: GapOptionsInput = {}, settings: GapRunSettings = {}): GapAnalysis {
  const o = resolveGapOptions(options);
  const dataset = isChainModel(source) ? source.dataset : source;
  const c = contextMatches(ctx, dataset, o.centrality) ? ctx : buildGapContext(source, o);
  const corrections = o.applyCorrections ? indexCorrections(dataset.corrections) : new Map();
  // The given model, else the context's when it is this dataset's, else one derived from it (sharing the chain,
  // new presence inputs). Slots are id-sorted in every model, so a model of the same chain reads the context's slots.
  const state = chainState(c, isChainModel(source) ? source : deriveChainModel(c.model, dataset), o, corrections);
  const run: GapRun = {
    ctx: c,
    state,
    dataset,
    options: o,
    enterpriseName: new Map(dataset.enterprises.map((e) => [e.id, e.name])),
    primarySectors: new Set(o.priority.primarySectors),
    corrections,
    segmentById: new Map(dataset.segments.map((s) => [s.id, s])),
    ...(settings.lazyReasons === true ? { lazyReasons: true } : {}),
  };
  const n = c.segments.length;
  const kinds: GapKind[] = [];
  const priorities = new Float64Array(n);
  const listed = new Uint8Array(n);
  const segments: SegmentGap[] = [];
  for (let i = 0; i < n; i++) {
    const facts = segmentFacts(c, state, i, o.thresholds, o.presence.benchmarkRevenue);
    const gap = segmentGap(run, facts, classify(facts, o.thresholds));
    kinds.push(gap.kind);
    priorities[i] = gap.priority;
    listed[i] = gap.kind !== 'none' && gap.feasibility?.excluded !== true ? 1 : 0;
    segments.push(gap);
  }
  segments.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sums = summarizeChains(c, { presence: state.presence, present: state.present, supplyNum: state.supplyNum, supplyDen: state.supplyDen, kind: kinds, priority: priorities, listed }, o.topGaps);
  return { segments, industries: sums.industries.map(roundSummary), subDirections: sums.subDirections.map(roundSummary), city: roundSummary(sums.city), ...gapLists(segments) };
}

/**
 * Issue 14: the 待核实 list (gaps with no firm on record and no verification, left-out 受限 gaps aside)
 * in priority order, the 受限 gaps by computed priority (ties by id), and the 规模待核实 list (present
 * segments that look weak only on estimated revenue) by demand pull (ties by id).
 */
function gapLists(sorted: readonly SegmentGap[]): { toVerify: string[]; restricted: string[]; sizeToVerify: string[] } {
  const toVerify = sorted.filter((g) => g.kind !== 'none' && g.evidence === 'no-record' && g.feasibility?.excluded !== true).map((g) => g.id);
  const restricted = sorted
    .filter((g) => g.kind !== 'none' && g.feasibility !== undefined)
    .sort((a, b) => b.feasibility!.computedPriority - a.feasibility!.computedPriority || (a.id < b.id ? -1 : 1))
    .map((g) => g.id);
  // Issue 14: present segments that look weak only on an estimated size (规模待核实), most needed locally first.
  const sizeToVerify = sorted
    .filter((g) => g.kind === 'none' && g.basis === 'size-unverified')
    .sort((a, b) => b.measures.demandPull - a.measures.demandPull || (a.id < b.id ? -1 : 1))
    .map((g) => g.id);
  return { toVerify, restricted, sizeToVerify };
}
