import type { Dataset } from '../schema/dataset.js';
import { POLICY_STATUS_LABELS } from '../schema/correction.js';
import type { Segment } from '../schema/segment.js';
import { segmentPolicies, type SegmentCorrections } from './corrections.js';
import type { ChainState } from './chainState.js';
import type { GapContext } from './context.js';
import { centralityFactor } from './measures/centrality.js';
import { cityPriority } from './measures/cityPriority.js';
import type { ResolvedGapOptions } from './options.js';
import { gapPriority } from './priority.js';
import { customerDemand, segmentReasons, type FirmSummary } from './reasons/segmentReasons.js';
import { classify } from './rules/classify.js';
import type { NeighbourRef, SegmentFacts, Verdict } from './rules/facts.js';
import { supplySecurity } from './rules/supplySecurity.js';
import { segmentFacts } from './segmentFacts.js';
import type { Evidence, GapKind, GapPolicy, PriorityBreakdown, PriorityFactor, Reason, SegmentGap } from './types.js';

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
  /** The corrections of this run by segment id (empty with `applyCorrections: false`; issue 14). */
  readonly corrections: ReadonlyMap<string, SegmentCorrections>;
  /** The dataset's segments by id: their `policy` is read from here (the context's copies may predate it). */
  readonly segmentById: ReadonlyMap<string, Segment>;
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
  readonly extra: ExtraInput;
  value: readonly Reason[] | undefined;
}

/** The local firms of segment i as reasons quote them: names largest first, revenue, count, assumed splits. */
function firmSummary(run: GapRun, i: number): FirmSummary {
  const segmentFirms = run.state.firms.get(run.ctx.segments[i]!.id);
  const firms = segmentFirms?.firms ?? [];
  const sorted = firms.length > 1 ? [...firms].sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1)) : firms;
  const name = (id: string): string => run.enterpriseName.get(id) ?? id;
  // A presence correction (corrections.json) counts like a record: its revenue when larger, its firms by name.
  const corrected = run.state.correctedRevenue[i] ?? 0;
  const correctedNames = (run.state.correctedFirms[i] ?? []).filter((n) => !sorted.some((x) => name(x.id) === n));
  const extraCount = corrected > 0 && firms.length === 0 ? Math.max(1, correctedNames.length) : correctedNames.length;
  return {
    names: [...sorted.map((x) => name(x.id)), ...correctedNames],
    revenue: Math.max(segmentFirms?.revenue ?? 0, corrected),
    count: firms.reduce((n, f) => n + f.count, 0) + extraCount,
    aggregates: firms.filter((f) => f.count > 1).length,
    assumedSplit: sorted.filter((x) => x.shareAssumed === true).map((x) => name(x.id)),
    ...(run.state.sizeEstimated[i] === 1 ? { estimated: true } : {}),
  };
}

/**
 * What present customer x buys of the segment a year (亿元): the link's IO coefficient × x's local revenue, shared
 * among x's suppliers with a coefficient from the same IO sector (see `customerDemand`).
 */
function demandOf(run: GapRun, x: NeighbourRef): number | undefined {
  if (x.link === undefined) return undefined;
  const { ctx } = run;
  const links = ctx.model.links;
  const link = links[x.link];
  if (link?.ioCoefficient === undefined) return undefined;
  const adj = ctx.adjacency;
  const sector = ctx.segments[adj.indexOf.get(link.from)!]?.ioSector;
  let same = 0;
  for (let e = adj.inStart[x.index]!; e < adj.inStart[x.index + 1]!; e++) {
    const l = links[adj.inEdge[e]!];
    if (l?.ioCoefficient !== undefined && (sector === undefined ? l.from === link.from : ctx.segments[adj.inFrom[e]!]?.ioSector === sector)) same++;
  }
  return customerDemand(link, firmSummary(run, x.index).revenue, same);
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

/** What the issue-14 reasons read (kept as data, formatted with the other reasons). */
interface ExtraInput {
  readonly evidence: Evidence;
  readonly policies: readonly GapPolicy[];
  readonly excluded: boolean;
  /** The priority the 受限 and override reasons quote as computed. */
  readonly computed: number;
}

/** Reasons of issue 14 around the rule's: 受限 first; corrections, absence and an override after. */
interface ExtraReasons {
  readonly before: readonly Reason[];
  readonly after: readonly Reason[];
}

/** Format the reasons of one segment (what `segmentReasons` needs, gathered from the run). */
function reasonsOf(p: Omit<PendingReasons, 'value'>): readonly Reason[] {
  const { run, facts: f, verdict: v } = p;
  const { ctx, options: o } = run;
  const i = f.index;
  const s = ctx.segments[i]!;
  const rule = segmentReasons({
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
    evidence: p.extra.evidence,
    demandOf: (x) => demandOf(run, x),
  });
  const extra = extraReasons(run, s, f, v, p.extra);
  if (extra.before.length === 0 && extra.after.length === 0) return rule;
  // The priority reason stays last but for an override, which explains the published number.
  const k = rule.findIndex((x) => x.code === 'priority');
  const head = k >= 0 ? rule.slice(0, k) : rule;
  const tail = k >= 0 ? rule.slice(k) : [];
  const override = extra.after.filter((x) => x.code === 'correction-priority');
  const rest = extra.after.filter((x) => x.code !== 'correction-priority');
  return [...extra.before, ...head, ...rest, ...tail, ...override];
}

const MONEY = (x: number): string => (Math.round(x * 100) / 100).toString();

/** 「信发华兴」、「…」 and "A", "B": firm names as quoted in reasons. */
function names(list: readonly string[]): { zh: string; en: string } {
  return { zh: list.map((n) => `「${n}」`).join('、'), en: list.map((n) => `"${n}"`).join(', ') };
}

/** The issue-14 reasons of one segment: policy (受限), corrections, unverified absence, priority override. */
function extraReasons(run: GapRun, s: Segment, f: SegmentFacts, v: Verdict, x0: ExtraInput): ExtraReasons {
  const { policies, excluded, computed } = x0;
  const before: Reason[] = [];
  const after: Reason[] = [];
  const c = run.corrections.get(s.id);
  if (policies.length > 0) {
    const zh = policies.map((x) => `${POLICY_STATUS_LABELS[x.status].zh}：${x.rule}（${x.source}）`).join('；');
    const en = policies.map((x) => `${POLICY_STATUS_LABELS[x.status].en}: ${x.ruleEn ?? x.rule} (${x.source})`).join('; ');
    const gap = v.kind !== 'none';
    before.push({
      code: 'restricted',
      zh: `受限——${zh}${gap ? (excluded ? `；不列入优先清单与缺口匹配（计算优先级 ${computed.toFixed(2)}，可用 includeRestricted 显示）` : `；按要求仍列入（计算优先级 ${computed.toFixed(2)}）`) : ''}`,
      en: `Restricted — ${en}${gap ? (excluded ? `; left out of the priority list and gap fit (computed priority ${computed.toFixed(2)}; includeRestricted shows it)` : `; kept as asked (computed priority ${computed.toFixed(2)})`) : ''}`,
    });
  }
  for (const x of c?.present ?? []) {
    const size: { zh: string[]; en: string[] } = { zh: [], en: [] };
    if (x.revenue !== undefined) {
      size.zh.push(`营收约 ${MONEY(x.revenue)} 亿元`);
      size.en.push(`revenue about ¥${MONEY(x.revenue / 10)}bn`);
    } else if (x.revenueBand !== undefined) {
      size.zh.push(`营收 ${x.revenueBand} 亿元档`);
      size.en.push(`revenue band ${x.revenueBand} (亿元)`);
    }
    if (x.capacity !== undefined && x.benchmarkCapacity !== undefined) {
      size.zh.push(`产能 ${x.capacity.value}${x.capacity.unit}（对标 ${x.benchmarkCapacity.value}${x.benchmarkCapacity.unit}）`);
      size.en.push(`capacity ${x.capacity.value} ${x.capacity.unit} (benchmark ${x.benchmarkCapacity.value} ${x.benchmarkCapacity.unit})`);
    }
    const firms = names(x.firms ?? []);
    after.push({
      code: 'correction-present',
      zh: `更正记录（${x.author}，${x.date}）：本地已有${firms.zh !== '' ? firms.zh : '企业'}，${size.zh.join('，')}；来源：${x.source}`,
      en: `Correction by ${x.author} (${x.date}): present locally${firms.en !== '' ? ` (${firms.en})` : ''}, ${size.en.join(', ')}; source: ${x.source}`,
    });
  }
  if (f.firmCount === 0 && !f.present) {
    const verified = c?.verifiedAbsent[0];
    if (verified !== undefined) {
      after.push({
        code: 'absence-verified',
        zh: `已核实本地无企业（${verified.author}，${verified.date}；来源：${verified.source}）`,
        en: `Absence verified by ${verified.author} (${verified.date}; source: ${verified.source})`,
      });
    } else if (v.kind !== 'none') {
      const cap = run.options.priority.unverifiedNeedCap;
      after.push({
        code: 'absence-unverified',
        zh: `未见本地企业记录，尚未核实（待核实）：可能是数据缺漏而非链条缺口，缺口度按至多 ${cap.toFixed(2)} 计`,
        en: `No local firm on record and not verified (to verify): it may be a hole in the data rather than in the chain, so need counts at most ${cap.toFixed(2)}`,
      });
    }
  }
  const o = c?.priority;
  if (o !== undefined && v.kind !== 'none') {
    after.push({
      code: 'correction-priority',
      zh: `更正记录设定优先级 ${o.priority.toFixed(2)}（原计算 ${computed.toFixed(2)}）：${o.reason}（${o.author}，${o.date}；来源：${o.source}）`,
      en: `Priority set to ${o.priority.toFixed(2)} by ${o.author} (${o.date}; computed ${computed.toFixed(2)}): ${o.reason}; source: ${o.source}`,
    });
  }
  return { before, after };
}

/** What the data says about a segment's firms (see `Evidence`). */
function evidenceOf(run: GapRun, id: string, recordedFirms: number): Evidence {
  const c = run.corrections.get(id);
  if (c !== undefined && c.present.length > 0) return 'corrected-present';
  if (recordedFirms > 0) return 'firms-on-record';
  return c !== undefined && c.verifiedAbsent.length > 0 ? 'verified-absent' : 'no-record';
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
  const segmentFirms = st.firms.get(s.id);
  const firms = segmentFirms?.firms ?? [];
  // Issue 14: an absence nobody verified counts at most `unverifiedNeedCap` of need (never below 1 − present).
  const evidence = evidenceOf(run, s.id, firms.length);
  const needCap = evidence === 'verified-absent' ? 1 : Math.max(o.priority.unverifiedNeedCap, 1 - o.thresholds.present);
  const { priority, breakdown } = gapPriority(f.presence, minNeed, sectorFactor, factors, o.weights, needCap);
  const computed = v.kind === 'none' ? 0 : round(priority);
  const override = v.kind === 'none' ? undefined : run.corrections.get(s.id)?.priority;
  const policies = segmentPolicies(run.segmentById.get(s.id) ?? s, run.corrections.get(s.id));
  const excluded = policies.length > 0 && v.kind !== 'none' && !o.includeRestricted;
  const finalPriority = excluded ? 0 : override !== undefined ? override.priority : computed;
  const extra: ExtraInput = { evidence, policies, excluded, computed };
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
    localRevenue: round(Math.max(segmentFirms?.revenue ?? 0, st.correctedRevenue[i]!)),
  };
  gap.localFirms = firms.map((x) => x.id);
  gap.breakdown = {
    need: round(breakdown.need),
    importance: round(breakdown.importance),
    factors: roundFactors(breakdown.factors),
    weights: roundFactors(breakdown.weights),
    sectorFactor,
    ...(breakdown.needCap !== undefined ? { needCap: breakdown.needCap } : {}),
  };
  // The rule's priority reason explains the computed priority; the 受限 and override reasons explain the published one.
  if (run.lazyReasons === true) {
    const pending: PendingReasons = { run, facts: f, verdict: v, priority: computed, breakdown, extra, value: undefined };
    Object.defineProperty(gap, PENDING_REASONS, { value: pending });
    Object.defineProperty(gap, 'reasons', LAZY_REASONS);
  } else {
    gap.reasons = reasonsOf({ run, facts: f, verdict: v, priority: computed, breakdown, extra });
  }
  const inputs = supplyInputs(run, f);
  if (supplySecurity(f, o.thresholds)) gap.supplySecurity = { localSupplyRate: round(f.localSupplyRate ?? 0), inputs: inputs.map((x) => ({ id: ctx.segments[x.index]!.id, kind: x.kind })) };
  gap.evidence = evidence;
  const applied = run.corrections.get(s.id)?.ids;
  if (applied !== undefined) gap.corrections = applied;
  if (policies.length > 0) gap.feasibility = { feasible: false, excluded, computedPriority: computed, policies };
  if (override !== undefined) gap.priorityOverride = { correction: override.id, computed };
  gap.kind = v.kind;
  switch (v.kind) {
    case 'extend':
      gap.direction = v.direction;
      if (v.strategicSupply === true) gap.strategicSupply = true;
      break;
    case 'none':
      if (v.basis !== undefined) gap.basis = v.basis;
      if (v.unverified !== undefined) gap.unverifiedWeakness = v.unverified;
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
