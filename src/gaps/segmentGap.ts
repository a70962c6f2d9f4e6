import type { Dataset } from '../schema/dataset.js';
import type { ChainState } from './chainState.js';
import type { GapContext } from './context.js';
import { centralityFactor } from './measures/centrality.js';
import { cityPriority } from './measures/cityPriority.js';
import type { ResolvedGapOptions } from './options.js';
import { gapPriority } from './priority.js';
import { segmentReasons, type ReasonInput } from './reasons/segmentReasons.js';
import type { SegmentFacts, Verdict } from './rules/facts.js';
import type { Reason, SegmentGap } from './types.js';

/** Four decimals: enough for any decision, and stable output. */
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function roundAll<K extends string>(r: Readonly<Record<K, number>>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of Object.keys(r) as K[]) out[k] = round(r[k]);
  return out;
}

/** Absent inputs of segment i, heaviest link first (ties by id). */
function missingInputs(ctx: GapContext, p: Float64Array, i: number, present: number): number[] {
  const adj = ctx.adjacency;
  const out: number[] = [];
  for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) if (p[adj.inFrom[e]!]! < present) out.push(e);
  out.sort((a, b) => adj.inW[b]! - adj.inW[a]! || adj.inFrom[a]! - adj.inFrom[b]!);
  return out.map((e) => adj.inFrom[e]!);
}

/** Everything `segmentGap` reads besides the segment's own facts and verdict. */
export interface GapRun {
  readonly ctx: GapContext;
  readonly state: ChainState;
  readonly dataset: Dataset;
  readonly options: ResolvedGapOptions;
  readonly enterpriseName: ReadonlyMap<string, string>;
  readonly primarySectors: ReadonlySet<string>;
  /**
   * Format each segment's reasons only when they are first read (an enumerable getter that caches):
   * a what-if re-run whose caller never reads most reasons skips that work. The values are the same.
   */
  readonly lazyReasons?: boolean;
}

/** Define `reasons` on a finished gap as an enumerable, cached getter in the same key position. */
function deferReasons(gap: SegmentGap, build: () => readonly Reason[]): SegmentGap {
  let cached: readonly Reason[] | undefined;
  Object.defineProperty(gap, 'reasons', {
    enumerable: true,
    configurable: true,
    get: () => (cached ??= build()),
  });
  return gap;
}

/**
 * The published result for one segment: its verdict with the priority (need × importance × sector
 * factor; 0 for none), the rounded measures, the priority breakdown and the reasons.
 *
 * @param run - context, state, dataset and options of the run
 * @param f - the segment's facts
 * @param v - its verdict
 * @returns the segment gap
 * @example
 * segmentGap(run, facts, classify(facts, o.thresholds)).priority;
 */
export function segmentGap(run: GapRun, f: SegmentFacts, v: Verdict): SegmentGap {
  const gap = publishedGap(run, f, v);
  return run.lazyReasons === true ? deferReasons(gap.value, () => segmentReasons(gap.reasonInput())) : gap.value;
}

/** The gap with its reasons (or a placeholder, when lazy) and the input that formats them. */
function publishedGap(run: GapRun, f: SegmentFacts, v: Verdict): { value: SegmentGap; reasonInput: () => ReasonInput } {
  const { ctx, state: st, options: o } = run;
  const i = f.index;
  const s = ctx.segments[i]!;
  const minNeed = v.kind === 'strengthen' ? Math.min(o.priority.strengthenMinNeed, 1 - o.thresholds.present) : 0;
  const sectorFactor = s.ioSector !== undefined && run.primarySectors.has(s.ioSector) ? o.priority.primarySectorFactor : 1;
  const factors = {
    demandPull: f.demandPull,
    supplyPush: f.supplyPush,
    relatedness: f.relatedness,
    centrality: centralityFactor(ctx.pagerank[i]!, ctx.betweenness[i]!),
    strategic: f.strategic ? 1 : 0,
    cityPriority: cityPriority(run.dataset.meta.priorities, s),
  };
  const { priority, breakdown } = gapPriority(f.presence, minNeed, sectorFactor, factors, o.weights);
  const finalPriority = v.kind === 'none' ? 0 : round(priority);
  const firms = st.firms.get(s.id)?.firms ?? [];
  const firmNames = firms.length === 0 ? [] : [...firms].sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1)).map((x) => run.enterpriseName.get(x.id) ?? x.id);
  const lowSupply = v.kind === 'strengthen' && v.weakness.includes('low-local-supply');
  const reasonInput = (): ReasonInput => ({
    verdict: v,
    facts: f,
    segment: s,
    segments: ctx.segments,
    units: ctx.units,
    firmNames,
    missingInputs: lowSupply ? missingInputs(ctx, st.presence, i, o.thresholds.present) : [],
    priority: finalPriority,
    breakdown,
    thresholds: o.thresholds,
  });
  // With lazy reasons the key keeps its place (a placeholder that segmentGap redefines as a getter), so JSON key order is unchanged.
  const reasons: readonly Reason[] = run.lazyReasons === true ? [] : segmentReasons(reasonInput());
  const base = {
    id: s.id,
    name: s.name,
    nameEn: s.nameEn,
    industry: s.industry,
    ...(s.subDirection !== undefined ? { subDirection: s.subDirection } : {}),
    stage: s.stage,
    strategic: f.strategic,
    ...(s.group !== undefined ? { group: s.group } : {}),
    priority: finalPriority,
    measures: {
      presence: round(f.presence),
      relatedness: round(f.relatedness),
      demandPull: round(f.demandPull),
      supplyPush: round(f.supplyPush),
      localSupplyRate: f.localSupplyRate === null ? null : round(f.localSupplyRate),
      pagerank: round(ctx.pagerank[i]!),
      betweenness: round(ctx.betweenness[i]!),
      hhi: f.hhi === null ? null : round(f.hhi),
      firmCount: f.firmCount,
      localRevenue: round(st.firms.get(s.id)?.revenue ?? 0),
    },
    localFirms: firms.map((x) => x.id),
    breakdown: { need: round(breakdown.need), importance: round(breakdown.importance), factors: roundAll(breakdown.factors), weights: roundAll(breakdown.weights), sectorFactor },
    reasons,
  };
  switch (v.kind) {
    case 'extend':
      return { value: { ...base, kind: 'extend', direction: v.direction }, reasonInput };
    case 'strengthen':
      return { value: { ...base, kind: 'strengthen', weakness: v.weakness }, reasonInput };
    case 'build':
      return { value: { ...base, kind: 'build', basis: v.basis, ...(v.unit !== undefined ? { unit: ctx.units[v.unit]!.id } : {}) }, reasonInput };
    case 'fill':
      return { value: { ...base, kind: 'fill' }, reasonInput };
    case 'none':
      return { value: { ...base, kind: 'none' }, reasonInput };
  }
}
