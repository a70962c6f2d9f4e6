import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { generateCompanies } from '../generate/companies.js';
import { DEFAULT_SEED, generateTaxonomyFor, SIZES, taxonomyDataset } from '../generate/dataset.js';
import { createRng } from '../generate/rng.js';
import { measure } from '../harness/measure.js';
import { localSlopes, logLogSlope, round } from '../harness/stats.js';
import type { ScalingSeries } from '../harness/types.js';
import type { BenchCase } from './common.js';

/** Company counts of the ranking series (the L point, 1,000,000, comes from rank.L). */
export const RANK_SCALING_COMPANIES = [10_000, 30_000, 100_000, 300_000] as const;
/** Segment counts of the gap series (links = 5 × segments, as in L). */
export const GAP_SCALING_SEGMENTS = [1_000, 2_500, 5_000, 10_000] as const;

const PLAN = { warmup: 1, minRuns: 3, maxRuns: 3, budgetMs: 0 } as const;

/**
 * Ranking cost against the number of companies, on the L taxonomy (10,000 segments, 50,000 links):
 * the first n of 300,000 generated companies, top 1,000 with reasons, gaps passed in.
 */
export const scaleRanking: BenchCase = {
  id: 'scale.ranking',
  size: 'scaling',
  stage: 'ranking (top 1,000 with reasons)',
  title: 'ranking cost vs companies',
  async execute() {
    const tax = generateTaxonomyFor(SIZES.L);
    const max = RANK_SCALING_COMPANIES[RANK_SCALING_COMPANIES.length - 1]!;
    const companies = generateCompanies(tax, liaocheng(), max, createRng(DEFAULT_SEED * 31 + max)).map((g) => g.company);
    const base = { meta: tax.meta, industries: tax.industries, segments: tax.segments, links: tax.links, enterprises: tax.enterprises, cities: tax.cities };
    const gaps = analyzeGaps({ ...base, companies: [] });
    const points: { n: number; medianMs: number; peakRssMb: number }[] = [];
    for (const n of RANK_SCALING_COMPANIES) {
      const ds = { ...base, companies: companies.slice(0, n) };
      const { measurement } = await measure(() => rankCompanies(ds, { top: 1_000, gaps }), PLAN);
      points.push({ n, medianMs: measurement.medianMs, peakRssMb: measurement.peakRssMb });
    }
    const series: ScalingSeries = {
      stage: 'ranking (top 1,000 with reasons)',
      variable: 'companies (L taxonomy: 10,000 segments, 50,000 links)',
      points,
      slope: round(logLogSlope(points.map((p) => [p.n, p.medianMs])), 3),
      localSlopes: localSlopes(points.map((p) => [p.n, p.medianMs])),
      note: 'slope of log(time) on log(companies); 1 = linear. The top-1,000 reasons are a fixed cost, so small sizes flatten the slope.',
    };
    return { results: [], scaling: [series] };
  },
};

/**
 * Gap-analysis cost against the size of the chain graph: segments 1,000 → 10,000 with 5 links per
 * segment, default options (exact betweenness up to 2,000 segments, 256 sampled pivots above), and
 * again with betweenness off, to separate the near-linear part from betweenness.
 */
export const scaleGaps: BenchCase = {
  id: 'scale.gaps',
  size: 'scaling',
  stage: 'gap analysis',
  title: 'gap analysis cost vs segments and links',
  async execute() {
    const withDefault: { n: number; medianMs: number; peakRssMb: number }[] = [];
    const withoutBetweenness: { n: number; medianMs: number; peakRssMb: number }[] = [];
    let links = 0;
    for (const segments of GAP_SCALING_SEGMENTS) {
      const ds = taxonomyDataset({ segments, links: segments * 5 });
      links = ds.links.length;
      const a = await measure(() => analyzeGaps(ds), PLAN);
      withDefault.push({ n: links, medianMs: a.measurement.medianMs, peakRssMb: a.measurement.peakRssMb });
      const b = await measure(() => analyzeGaps(ds, { centrality: { betweenness: 'off' } }), PLAN);
      withoutBetweenness.push({ n: links, medianMs: b.measurement.medianMs, peakRssMb: b.measurement.peakRssMb });
    }
    const slope = (pts: readonly { n: number; medianMs: number }[]): number => round(logLogSlope(pts.map((p) => [p.n, p.medianMs])), 3);
    return {
      results: [],
      scaling: [
        {
          stage: 'gap analysis',
          variable: 'links (segments = links / 5), default options',
          points: withDefault,
          slope: slope(withDefault),
          localSlopes: localSlopes(withDefault.map((p) => [p.n, p.medianMs])),
          note: `exact betweenness (O(n·m)) up to 2,000 segments, sampled (256 pivots, O(256·m)) above: the series mixes both. Largest: ${links.toLocaleString('en')} links.`,
        },
        {
          stage: 'gap analysis',
          variable: 'links (segments = links / 5), betweenness off',
          points: withoutBetweenness,
          slope: slope(withoutBetweenness),
          localSlopes: localSlopes(withoutBetweenness.map((p) => [p.n, p.medianMs])),
          note: 'everything but betweenness: should be near-linear in links.',
        },
      ],
    };
  },
};
