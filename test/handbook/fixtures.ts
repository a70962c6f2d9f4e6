// Hand-made inputs for the handbook tests: the "good" fixture dataset (two industries, five segments)
// with a hand-written gap analysis and ranking, so every count a test checks can be read off here.
//
// Chain (test/fixtures/datasets/good):
//   metal:  m-ore (upstream) → m-ingot (midstream) → m-profile (downstream), weights 0.6 and 0.7
//   energy: e-cell (midstream) → e-system (downstream), weight 0.8
//   cross-industry: m-ingot → e-cell, weight 0.125
// Hand-made gap kinds: m-ore none, m-ingot strengthen (0.3), m-profile fill (0.7), e-cell build (0.6), e-system build (0.5).
// Hand-made ranking (weighted sum): cell-co 0.62, profile-co 0.55, parent-co 0.41.
//   metal targets (companies with a metal segment): profile-co (m-profile), parent-co (m-ingot) → ranks 1, 2
//   energy targets: cell-co (e-cell) → rank 1
// HQs: profile-co and parent-co in 上海市 (长三角), cell-co in 深圳市 (粤港澳).
import { parseDataset } from '../../src/dataset/parseDataset.js';
import type { GapAnalysis, GapCounts, GapKind, SegmentGap } from '../../src/gaps/types.js';
import type { Dataset } from '../../src/schema/index.js';
import { FEATURE_NAMES, type FeatureName, type RankedItem, type Ranking } from '../../src/scoring/types.js';
import { goodInput } from '../helpers/fixtures.js';

/** The hostile strings of the escaping tests. */
export const HOSTILE = Object.freeze({
  script: '<script>alert(1)</script>',
  formula: '=HYPERLINK("http://x")',
  img: '<img src=x onerror=alert(1)>',
});

/** The good fixture, optionally with hostile names: profile-co is named `<script>…`, parent-co `=HYPERLINK…`, m-profile `<img …>`. */
export function tinyDataset(hostile = false): Dataset {
  const input = goodInput();
  if (hostile) {
    input.companies[0]!.name = HOSTILE.script;
    input.companies[1]!.name = HOSTILE.formula;
    input.segments[2]!.name = HOSTILE.img;
    input.industries[0]!.name = `金属${HOSTILE.script}`;
  }
  return parseDataset(input, 'tiny');
}

const ZERO_COUNTS: GapCounts = { fill: 0, extend: 0, strengthen: 0, build: 0, none: 0 };

function gap(id: string, kind: GapKind, priority: number, presence: number, industry: string, stage: SegmentGap['stage'], localFirms: string[], reason: string): SegmentGap {
  const base = {
    id,
    name: `环节 ${id}`,
    nameEn: `Segment ${id}`,
    industry,
    stage,
    strategic: kind === 'build',
    priority,
    measures: { presence, relatedness: 0.5, demandPull: 0.5, supplyPush: 0.5, localSupplyRate: null, pagerank: 0.5, betweenness: 0.1, hhi: localFirms.length > 0 ? 1 : null, firmCount: localFirms.length, localRevenue: presence * 50 },
    localFirms,
    breakdown: {
      need: 1 - presence,
      importance: 0.5,
      factors: { demandPull: 0.5, supplyPush: 0.5, relatedness: 0.5, centrality: 0.5, strategic: 0, cityPriority: 1 },
      weights: { demandPull: 0.25, supplyPush: 0.15, relatedness: 0.15, centrality: 0.15, strategic: 0.1, cityPriority: 0.2 },
      sectorFactor: 1,
    },
    reasons: [{ code: 'test', zh: reason, en: `reason for ${id}` }],
  };
  switch (kind) {
    case 'extend':
      return { ...base, kind, direction: 'downstream' };
    case 'strengthen':
      return { ...base, kind, weakness: ['single-firm'] };
    case 'build':
      return { ...base, kind, basis: 'strategic-unit', unit: industry };
    default:
      return { ...base, kind };
  }
}

/** The hand-made gap analysis (segments by priority desc, then id). `hostileReason` puts `<script>` in a reason. */
export function tinyGaps(hostileReason = false): GapAnalysis {
  const segments = [
    gap('m-profile', 'fill', 0.7, 0, 'metal', 'downstream', [], hostileReason ? HOSTILE.script : '上下游都在本地'),
    gap('e-cell', 'build', 0.6, 0, 'energy', 'midstream', [], '战略性新兴环节'),
    gap('e-system', 'build', 0.5, 0, 'energy', 'downstream', [], '战略性新兴环节'),
    gap('m-ingot', 'strengthen', 0.3, 0.5, 'metal', 'midstream', ['ingot-co'], '单一企业'),
    gap('m-ore', 'none', 0, 0.8, 'metal', 'upstream', ['ore-co'], '本地已有'),
  ];
  return {
    segments,
    industries: [
      { id: 'metal', name: '金属', nameEn: 'Metals', industry: 'metal', completeness: 0.5, localSupplyRate: 0.4, counts: { ...ZERO_COUNTS, none: 1, strengthen: 1, fill: 1 }, topGaps: ['m-profile', 'm-ingot'] },
      { id: 'energy', name: '新能源', nameEn: 'New energy', industry: 'energy', completeness: 0, localSupplyRate: 0, counts: { ...ZERO_COUNTS, build: 2 }, topGaps: ['e-cell', 'e-system'] },
    ],
    subDirections: [],
    city: { completeness: 0.3, localSupplyRate: 0.25, counts: { fill: 1, extend: 0, strengthen: 1, build: 2, none: 1 } },
  };
}

const WEIGHTS: Readonly<Record<FeatureName, number>> = { gapFit: 0.25, synergy: 0.15, scale: 0.15, momentum: 0.1, proximity: 0.1, policy: 0.1, ties: 0.15, risk: 0.5 };

function item(rank: number, id: string, name: string, score: number, gaps: RankedItem['matchedGaps'], reason: string): RankedItem {
  const features = Object.fromEntries(FEATURE_NAMES.map((f) => [f, f === 'risk' ? 0 : score])) as Record<FeatureName, number>;
  // Σ positive weights = 1, so contributions w·score add up to the score.
  const contributions = Object.fromEntries(FEATURE_NAMES.map((f) => [f, f === 'risk' ? 0 : WEIGHTS[f] * score])) as Record<FeatureName, number>;
  return {
    rank,
    relevance: 1,
    id,
    name,
    score,
    features,
    contributions,
    matchedGaps: gaps,
    reasons: [{ code: 'test', zh: reason, en: `because ${id}` }],
    approach: { method: 'visit', zh: '登门招商', en: 'executive visit', rule: { code: 'approach.test', zh: '测试规则', en: 'test rule' } },
  };
}

/** The hand-made city-wide ranking. */
export function tinyRanking(): Ranking {
  return {
    items: [
      item(1, 'cell-co', '深圳电芯科技有限公司', 0.62, [{ segment: 'e-cell', kind: 'build', priority: 0.6 }], '建链：电芯'),
      item(2, 'profile-co', '上海型材股份有限公司', 0.55, [{ segment: 'm-profile', kind: 'fill', priority: 0.7 }], '补链：型材'),
      item(3, 'parent-co', '测试控股集团有限公司', 0.41, [{ segment: 'm-ingot', kind: 'strengthen', priority: 0.3 }], '母公司'),
    ],
    weights: WEIGHTS,
    method: 'weighted',
    preset: 'balanced',
  };
}
