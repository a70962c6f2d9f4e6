import type { Dataset } from '../schema/dataset.js';
import type { ChainState } from './chainState.js';
import type { GapContext } from './context.js';
import { centralityFactor } from './measures/centrality.js';
import { cityPriority } from './measures/cityPriority.js';
import type { ResolvedGapOptions } from './options.js';
import { gapPriority } from './priority.js';
import { segmentReasons, type FirmSummary } from './reasons/segmentReasons.js';
import { classify } from './rules/classify.js';
import type { SegmentFacts, Verdict } from './rules/facts.js';
import { supplySecurity } from './rules/supplySecurity.js';
import { segmentFacts } from './segmentFacts.js';
import type { GapKind, PriorityBreakdown, PriorityFactor, Reason, SegmentGap } from './types.js';

/** Four decimals: enough for any decision, and stable output. */
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

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

/** Where a gap with lazy reasons keeps their builder and, once read, their value (a hidden, non-enumerable key). */
const PENDING_REASONS = Symbol('pendingReasons');

interface PendingReasons {
  readonly run: GapRun;
  readonly facts: SegmentFacts;
  readonly verdict: Verdict;
  readonly priority: number;
  readonly breakdown: PriorityBreakdown;
  value: readonly Reason[] | undefined;
}

/** The local firms of segment i as reasons quote them: names largest first, revenue, count, assumed splits. */
function firmSummary(run: GapRun, i: number): FirmSummary {
  const segmentFirms = run.state.firms.get(run.ctx.segments[i]!.id);
  const firms = segmentFirms?.firms ?? [];
  const sorted = firms.length > 1 ? [...firms].sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1)) : firms;
  const name = (id: string): string => run.enterpriseName.get(id) ?? id;
  return {
    names: sorted.map((x) => name(x.id)),
    revenue: segmentFirms?.revenue ?? 0,
    count: firms.reduce((n, f) => n + f.count, 0),
    assumedSplit: sorted.filter((x) => x.shareAssumed === true).map((x) => name(x.id)),
  };
}

/** Local revenue (亿元) of a unit's member segments. */
function unitRevenue(run: GapRun, u: number): number {
  let sum = 0;
  for (const i of run.ctx.units[u]!.members) sum += run.state.firms.get(run.ctx.segments[i]!.id)?.revenue ?? 0;
  return sum;
}

/** The absent inputs of a segment with the supply-security finding, with their own verdicts; [] otherwise. */
function supplyInputs(run: GapRun, f: SegmentFacts): { index: number; kind: GapKind }[] {
  const { ctx, state: st, options: o } = run;
  if (!supplySecurity(f, o.thresholds)) return [];
  return missingInputs(ctx, st.presence, f.index, o.thresholds.present).map((j) => ({
    index: j,
    kind: classify(segmentFacts(ctx, st, j, o.thresholds, o.presence.benchmarkRevenue), o.thresholds).kind,
  }));
}

/** Format the reasons of one segment (what `segmentReasons` needs, gathered from the run). */
function reasonsOf(p: Omit<PendingReasons, 'value'>): readonly Reason[] {
  const { run, facts: f, verdict: v } = p;
  const { ctx, options: o } = run;
  const i = f.index;
  const s = ctx.segments[i]!;
  return segmentReasons({
    verdict: v,
    facts: f,
    segment: s,
    segments: ctx.segments,
    units: ctx.units,
    firmsOf: (j) => firmSummary(run, j),
    unitRevenue: (u) => unitRevenue(run, u),
    supplyInputs: supplyInputs(run, f),
    priority: p.priority,
    breakdown: p.breakdown,
    thresholds: o.thresholds,
  });
}

/**
 * The `reasons` accessor of a gap with lazy reasons: formats them on first read and keeps them. One
 * descriptor (one getter) shared by every gap, so that all gaps keep one object shape: a getter closure
 * per gap would give each its own hidden class, which made a lazy run slower than an eager one.
 */
const LAZY_REASONS: PropertyDescriptor = Object.freeze({
  enumerable: true,
  configurable: true,
  get(this: { readonly [PENDING_REASONS]: PendingReasons }): readonly Reason[] {
    const pending = this[PENDING_REASONS];
    pending.value ??= reasonsOf(pending);
    return pending.value;
  },
});

/** The priority factors rounded, in `PRIORITY_FACTORS` order (the key order of the breakdown's records). */
function roundFactors(r: Readonly<Record<PriorityFactor, number>>): Record<PriorityFactor, number> {
  return {
    demandPull: round(r.demandPull),
    supplyPush: round(r.supplyPush),
    relatedness: round(r.relatedness),
    centrality: round(r.centrality),
    strategic: round(r.strategic),
    cityPriority: round(r.cityPriority),
  };
}

/**
 * The published result for one segment: its verdict with the priority (need × importance × sector
 * factor; 0 for none), the rounded measures, the priority breakdown and the reasons (formatted now, or
 * on first read with `run.lazyReasons`: an enumerable, cached getter in the same key position).
 *
 * @param run - context, state, dataset and options of the run
 * @param f - the segment's facts
 * @param v - its verdict
 * @returns the segment gap
 * @example
 * segmentGap(run, facts, classify(facts, o.thresholds)).priority;
 */
export function segmentGap(run: GapRun, f: SegmentFacts, v: Verdict): SegmentGap {
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
  const segmentFirms = st.firms.get(s.id);
  const firms = segmentFirms?.firms ?? [];
  // Built key by key, in the published key order (JSON output and deep equality see one order), without
  // intermediate copies: a what-if re-run builds one of these per segment.
  const gap: Record<string, unknown> = { id: s.id, name: s.name, nameEn: s.nameEn, industry: s.industry };
  if (s.subDirection !== undefined) gap.subDirection = s.subDirection;
  gap.stage = s.stage;
  gap.strategic = f.strategic;
  if (s.group !== undefined) gap.group = s.group;
  gap.priority = finalPriority;
  gap.measures = {
    presence: round(f.presence),
    relatedness: round(f.relatedness),
    demandPull: round(f.demandPull),
    supplyPush: round(f.supplyPush),
    localSupplyRate: f.localSupplyRate === null ? null : round(f.localSupplyRate),
    pagerank: round(ctx.pagerank[i]!),
    betweenness: round(ctx.betweenness[i]!),
    hhi: f.hhi === null ? null : round(f.hhi),
    firmCount: f.firmCount,
    localRevenue: round(segmentFirms?.revenue ?? 0),
  };
  gap.localFirms = firms.map((x) => x.id);
  gap.breakdown = { need: round(breakdown.need), importance: round(breakdown.importance), factors: roundFactors(breakdown.factors), weights: roundFactors(breakdown.weights), sectorFactor };
  if (run.lazyReasons === true) {
    const pending: PendingReasons = { run, facts: f, verdict: v, priority: finalPriority, breakdown, value: undefined };
    Object.defineProperty(gap, PENDING_REASONS, { value: pending });
    Object.defineProperty(gap, 'reasons', LAZY_REASONS);
  } else {
    gap.reasons = reasonsOf({ run, facts: f, verdict: v, priority: finalPriority, breakdown });
  }
  const inputs = supplyInputs(run, f);
  if (supplySecurity(f, o.thresholds)) gap.supplySecurity = { localSupplyRate: round(f.localSupplyRate ?? 0), inputs: inputs.map((x) => ({ id: ctx.segments[x.index]!.id, kind: x.kind })) };
  gap.kind = v.kind;
  switch (v.kind) {
    case 'extend':
      gap.direction = v.direction;
      if (v.strategicSupply === true) gap.strategicSupply = true;
      break;
    case 'none':
      if (v.basis !== undefined) gap.basis = v.basis;
      break;
    case 'strengthen':
      gap.weakness = v.weakness;
      break;
    case 'build':
      gap.basis = v.basis;
      if (v.unit !== undefined) gap.unit = ctx.units[v.unit]!.id;
      break;
    default:
      break;
  }
  return gap as unknown as SegmentGap;
}
