import type { DatasetIndex } from '../../dataset/indexDataset.js';
import type { GapAnalysis, SegmentGap } from '../../gaps/types.js';
import { enterpriseRevenue } from '../../model/enterpriseRevenue.js';
import type { LostSegment, ScenarioLosses, SegmentDiff } from '../types.js';

function lostSegment(g0: SegmentGap, g1: SegmentGap): LostSegment {
  return { id: g1.id, name: g1.name, nameEn: g1.nameEn, presenceFrom: g0.measures.presence, presenceTo: g1.measures.presence, localRevenueFrom: g0.measures.localRevenue, localRevenueTo: g1.measures.localRevenue, firms: g1.localFirms };
}

/**
 * What a scenario takes away: segments that lost local presence, gaps opened or worsened, and segments
 * whose local firms were left without any local supplier (upstream presence > 0 → 0) or customer
 * (downstream presence > 0 → 0). Links are those of the dataset (a scenario does not change them).
 */
export function scenarioLosses(base: GapAnalysis, other: GapAnalysis, index: DatasetIndex, segments: readonly SegmentDiff[], otherIndex: DatasetIndex = index): ScenarioLosses {
  const before = new Map(base.segments.map((g) => [g.id, g]));
  const p0 = new Map(base.segments.map((g) => [g.id, g.measures.presence]));
  const p1 = new Map(other.segments.map((g) => [g.id, g.measures.presence]));
  const sum = (ids: readonly string[], p: ReadonlyMap<string, number>): number => ids.reduce((t, id) => t + (p.get(id) ?? 0), 0);
  const presenceLost: LostSegment[] = [];
  const withoutLocalSupplier: LostSegment[] = [];
  const withoutLocalCustomer: LostSegment[] = [];
  for (const g1 of other.segments) {
    const g0 = before.get(g1.id);
    if (g0 === undefined) continue;
    if (g1.measures.presence < g0.measures.presence || g1.measures.localRevenue < g0.measures.localRevenue) presenceLost.push(lostSegment(g0, g1));
    if (g1.localFirms.length === 0) continue;
    const up = (index.inLinks.get(g1.id) ?? []).map((l) => l.from);
    const down = (index.outLinks.get(g1.id) ?? []).map((l) => l.to);
    if (sum(up, p0) > 0 && sum(up, p1) === 0) withoutLocalSupplier.push(lostSegment(g0, g1));
    if (sum(down, p0) > 0 && sum(down, p1) === 0) withoutLocalCustomer.push(lostSegment(g0, g1));
  }
  const byLoss = (a: LostSegment, b: LostSegment): number => b.presenceFrom - b.presenceTo - (a.presenceFrom - a.presenceTo) || b.localRevenueFrom - b.localRevenueTo - (a.localRevenueFrom - a.localRevenueTo) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  presenceLost.sort(byLoss);
  const fell = (id: string): boolean => (p1.get(id) ?? 0) < (p0.get(id) ?? 0);
  const neighbourLost = (id: string): boolean => (index.inLinks.get(id) ?? []).some((l) => fell(l.from)) || (index.outLinks.get(id) ?? []).some((l) => fell(l.to));
  // Closed: active before, closed (or gone) after. Reduced: still active, on fewer segments or with less revenue.
  const firmsClosed: string[] = [];
  const firmsReduced: string[] = [];
  for (const e0 of index.dataset.enterprises) {
    if (e0.status === 'closed') continue;
    const e1 = otherIndex.enterpriseById.get(e0.id);
    if (e1 === undefined || e1.status === 'closed') firmsClosed.push(e0.id);
    else if (e1.segments.length < e0.segments.length || enterpriseRevenue(e1, 1) < enterpriseRevenue(e0, 1)) firmsReduced.push(e0.id);
  }
  firmsClosed.sort();
  firmsReduced.sort();
  return {
    lost: presenceLost.length > 0,
    firmsClosed,
    firmsReduced,
    presenceLost,
    gapsOpened: segments.filter((d) => d.from === 'none' && d.to !== 'none').map((d) => d.id),
    // A gap worsened by a loss: its priority rose while it, or a segment it trades with, lost local presence
    // (a priority that rises because a neighbour landed is not a loss).
    gapsWorsened: segments.filter((d) => d.from !== 'none' && d.to !== 'none' && d.priorityDelta > 0 && (d.presenceDelta < 0 || neighbourLost(d.id))).map((d) => d.id),
    withoutLocalSupplier,
    withoutLocalCustomer,
  };
}
