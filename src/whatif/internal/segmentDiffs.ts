import { GAP_KIND_LABELS, type GapAnalysis, type Reason, type SegmentGap } from '../../gaps/types.js';
import type { DatasetIndex } from '../../dataset/indexDataset.js';
import type { SegmentDiff } from '../types.js';
import { joinNames, round4 } from './format.js';

/** What the diff of segments reads from both runs. */
export interface SegmentDiffInput {
  readonly base: GapAnalysis;
  readonly other: GapAnalysis;
  readonly baseIndex: DatasetIndex;
  readonly otherIndex: DatasetIndex;
}

const f2 = (x: number): string => x.toFixed(2);

function firmNames(ids: readonly string[], index: DatasetIndex): string[] {
  return ids.map((id) => index.enterpriseById.get(id)?.name ?? id);
}

/** The neighbour whose presence changed most (by link weight × |Δ presence|), with its direction. */
export function strongestNeighbourChange(
  segment: string,
  index: DatasetIndex,
  presence0: ReadonlyMap<string, number>,
  presence1: ReadonlyMap<string, number>,
): { id: string; direction: 'upstream' | 'downstream'; from: number; to: number; weight: number } | undefined {
  let best: { id: string; direction: 'upstream' | 'downstream'; from: number; to: number; weight: number } | undefined;
  let bestStrength = 0;
  const consider = (id: string, direction: 'upstream' | 'downstream', weight: number): void => {
    const from = presence0.get(id) ?? 0;
    const to = presence1.get(id) ?? 0;
    const strength = weight * Math.abs(to - from);
    if (strength > bestStrength || (strength === bestStrength && strength > 0 && best !== undefined && id < best.id)) {
      bestStrength = strength;
      best = { id, direction, from, to, weight };
    }
  };
  for (const l of index.inLinks.get(segment) ?? []) consider(l.from, 'upstream', l.weight);
  for (const l of index.outLinks.get(segment) ?? []) consider(l.to, 'downstream', l.weight);
  return best;
}

function reasonsFor(g0: SegmentGap, g1: SegmentGap, added: readonly string[], removed: readonly string[], input: SegmentDiffInput, p0: ReadonlyMap<string, number>, p1: ReadonlyMap<string, number>): Reason[] {
  const out: Reason[] = [];
  const k0 = GAP_KIND_LABELS[g0.kind];
  const k1 = GAP_KIND_LABELS[g1.kind];
  if (g0.kind !== g1.kind) {
    out.push({ code: 'whatif.segment.kind', zh: `「${g1.name}」${k0.zh} → ${k1.zh}`, en: `"${g1.nameEn}": ${k0.en} → ${k1.en}` });
  }
  if (g0.kind !== 'none' && g1.kind === 'none' && closedBy(g0, g1) === 'demand-disappeared') {
    out.push({
      code: 'whatif.segment.demand-disappeared',
      zh: `需求消失：需求拉动 ${f2(g0.measures.demandPull)} → ${f2(g1.measures.demandPull)}，没有新增本地企业`,
      en: `demand disappeared: demand pull ${f2(g0.measures.demandPull)} → ${f2(g1.measures.demandPull)}, nothing new locally`,
    });
  }
  const pres = `${f2(g0.measures.presence)} → ${f2(g1.measures.presence)}`;
  if (added.length > 0) {
    const names = firmNames(added, input.otherIndex);
    out.push({ code: 'whatif.segment.firms-added', zh: `新增本地企业 ${joinNames(names, 'zh')}，本地存在度 ${pres}`, en: `new local firm${names.length > 1 ? 's' : ''} ${joinNames(names, 'en')}: local presence ${pres}` });
  }
  if (removed.length > 0) {
    const names = firmNames(removed, input.baseIndex);
    out.push({ code: 'whatif.segment.firms-removed', zh: `本地企业 ${joinNames(names, 'zh')} 关停，本地存在度 ${pres}`, en: `local firm${names.length > 1 ? 's' : ''} ${joinNames(names, 'en')} closed: local presence ${pres}` });
  }
  const r0 = g0.measures.localRevenue;
  const r1 = g1.measures.localRevenue;
  if (r0 !== r1 && added.length === 0 && removed.length === 0) {
    const money = (x: number): string => String(Math.round(x * 100) / 100);
    out.push({
      code: r1 < r0 ? 'whatif.segment.revenue-down' : 'whatif.segment.revenue-up',
      zh: `本地营收 ${money(r0)} → ${money(r1)} 亿元，本地存在度 ${pres}`,
      en: `local revenue ¥${money(r0 / 10)}bn → ¥${money(r1 / 10)}bn, local presence ${pres}`,
    });
  }
  const c0 = g0.breakdown.factors.cityPriority;
  const c1 = g1.breakdown.factors.cityPriority;
  if (c0 !== c1) out.push({ code: 'whatif.segment.city-priority', zh: `城市优先级 ${f2(c0)} → ${f2(c1)}`, en: `city priority ${f2(c0)} → ${f2(c1)}` });
  if (added.length === 0 && removed.length === 0) {
    const nb = strongestNeighbourChange(g1.id, input.otherIndex, p0, p1);
    if (nb !== undefined) {
      const s = input.otherIndex.segmentById.get(nb.id);
      const dirZh = nb.direction === 'upstream' ? '上游' : '下游';
      out.push({
        code: 'whatif.segment.neighbour',
        zh: `${dirZh}「${s?.name ?? nb.id}」本地存在度 ${f2(nb.from)} → ${f2(nb.to)}`,
        en: `${nb.direction} "${s?.nameEn ?? nb.id}" local presence ${f2(nb.from)} → ${f2(nb.to)}`,
      });
    }
  }
  if (g0.priority !== g1.priority) {
    out.push({ code: 'whatif.segment.priority', zh: `缺口优先级 ${f2(g0.priority)} → ${f2(g1.priority)}`, en: `gap priority ${f2(g0.priority)} → ${f2(g1.priority)}` });
  }
  return out;
}

/**
 * Why a gap closed: `filled` only when local presence rose; `demand-disappeared` when nothing was added
 * locally but the segment's demand pull fell (its local customers went away), or when it is no longer needed at
 * all (basis `no-local-need`: no local supplier or customer is left); `other` otherwise.
 */
export function closedBy(g0: SegmentGap, g1: SegmentGap): 'filled' | 'demand-disappeared' | 'other' {
  if (g1.measures.presence > g0.measures.presence) return 'filled';
  if (g1.measures.demandPull < g0.measures.demandPull) return 'demand-disappeared';
  if (g1.kind === 'none' && 'basis' in g1 && g1.basis === 'no-local-need') return 'demand-disappeared';
  return 'other';
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return a.filter((x) => !set.has(x)).sort();
}

/**
 * Segments whose gap kind, priority, presence or local firms differ between two analyses, with reasons;
 * kind changes first, then by |Δ priority| desc, |Δ presence| desc, id asc.
 */
export function segmentDiffs(input: SegmentDiffInput): SegmentDiff[] {
  const before = new Map(input.base.segments.map((g) => [g.id, g]));
  const p0 = new Map(input.base.segments.map((g) => [g.id, g.measures.presence]));
  const p1 = new Map(input.other.segments.map((g) => [g.id, g.measures.presence]));
  const out: SegmentDiff[] = [];
  for (const g1 of input.other.segments) {
    const g0 = before.get(g1.id);
    if (g0 === undefined) continue;
    const added = difference(g1.localFirms, g0.localFirms);
    const removed = difference(g0.localFirms, g1.localFirms);
    // Local revenue counts too: halving a plant that stays above the benchmark changes no presence, but it is a loss.
    const same =
      g0.kind === g1.kind && g0.priority === g1.priority && g0.measures.presence === g1.measures.presence && g0.measures.localRevenue === g1.measures.localRevenue && added.length === 0 && removed.length === 0;
    if (same) continue;
    out.push({
      id: g1.id,
      name: g1.name,
      nameEn: g1.nameEn,
      industry: g1.industry,
      from: g0.kind,
      to: g1.kind,
      priorityFrom: g0.priority,
      priorityTo: g1.priority,
      priorityDelta: round4(g1.priority - g0.priority),
      presenceFrom: g0.measures.presence,
      presenceTo: g1.measures.presence,
      presenceDelta: round4(g1.measures.presence - g0.measures.presence),
      firmsAdded: added,
      firmsRemoved: removed,
      reasons: reasonsFor(g0, g1, added, removed, input, p0, p1),
      demandPullFrom: g0.measures.demandPull,
      demandPullTo: g1.measures.demandPull,
      ...(g0.kind !== 'none' && g1.kind === 'none' ? { closedBy: closedBy(g0, g1) } : {}),
    });
  }
  const kindChanged = (d: SegmentDiff): number => (d.from !== d.to ? 0 : 1);
  return out.sort(
    (a, b) =>
      kindChanged(a) - kindChanged(b) ||
      Math.abs(b.priorityDelta) - Math.abs(a.priorityDelta) ||
      Math.abs(b.presenceDelta) - Math.abs(a.presenceDelta) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
