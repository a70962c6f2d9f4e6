import { indexDataset } from '../dataset/indexDataset.js';
import { diffSummary } from './internal/diffSummary.js';
import { scenarioLosses } from './internal/losses.js';
import { rankDiffs } from './internal/rankDiffs.js';
import type { RankReasonContext } from './internal/rankReasons.js';
import { segmentDiffs } from './internal/segmentDiffs.js';
import { cityDiff, cityUnchanged, industryDiffs } from './internal/summaryDiffs.js';
import type { ScenarioDiff, ScenarioRun } from './types.js';

function sameWeights(a: ScenarioRun, b: ScenarioRun): boolean {
  const wa = a.ranking.weights;
  const wb = b.ranking.weights;
  return (Object.keys(wa) as (keyof typeof wa)[]).every((k) => wa[k] === wb[k]) && a.ranking.method === b.ranking.method;
}

/**
 * Compare two scenario runs (typically the empty scenario and a what-if): segments whose gap kind,
 * priority, presence or local firms changed; completeness, 本地配套率 and gap-count deltas per industry
 * and for the city; rank movements (landed, excluded, rose, fell) with feature deltas; every change
 * with reasons in Chinese and English (e.g. 「上游「哈尔滨轴承集团」（机器人轴承）落地后，「减速器」的链条协同 +0.21」).
 * Deterministic: lists are sorted by size of change, then id. Comparing a run with itself gives an
 * empty diff (`empty: true`).
 *
 * @param base - the reference run (e.g. `runScenario(ds, { changes: [] })`)
 * @param other - the run to compare with it
 * @returns the diff
 * @example
 * const diff = compareScenarios(runScenario(ds, { changes: [] }), runScenario(ds, scenario));
 * diff.segments.filter((s) => s.to === 'none').map((s) => s.name); // gaps closed
 */
export function compareScenarios(base: ScenarioRun, other: ScenarioRun): ScenarioDiff {
  const baseIndex = indexDataset(base.dataset);
  const otherIndex = baseIndex.dataset === other.dataset ? baseIndex : indexDataset(other.dataset);
  const segments = segmentDiffs({ base: base.gaps, other: other.gaps, baseIndex, otherIndex });
  const industries = industryDiffs(base.gaps, other.gaps);
  const city = cityDiff(base.gaps, other.gaps);
  const ctx: RankReasonContext = {
    base,
    other,
    baseIndex,
    otherIndex,
    gap0: new Map(base.gaps.segments.map((g) => [g.id, g])),
    gap1: new Map(other.gaps.segments.map((g) => [g.id, g])),
    presence0: new Map(base.gaps.segments.map((g) => [g.id, g.measures.presence])),
    presence1: new Map(other.gaps.segments.map((g) => [g.id, g.measures.presence])),
    weightsChanged: !sameWeights(base, other),
  };
  const ranks = rankDiffs(ctx);
  const losses = scenarioLosses(base.gaps, other.gaps, baseIndex, segments, otherIndex);
  const firmName = (id: string): string => baseIndex.enterpriseById.get(id)?.name ?? otherIndex.enterpriseById.get(id)?.name ?? id;
  return {
    base: base.scenario.name ?? 'base',
    other: other.scenario.name ?? 'scenario',
    summary: diffSummary(segments, city, ranks, losses, firmName),
    segments,
    industries,
    city,
    ranks,
    losses,
    empty: segments.length === 0 && industries.length === 0 && ranks.length === 0 && cityUnchanged(city),
  };
}
