import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import type { GapOptionsInput } from '../../src/gaps/options.js';
import type { GapAnalysis } from '../../src/gaps/types.js';
import type { Dataset } from '../../src/schema/index.js';
import { SIZES, taxonomyDataset } from '../generate/dataset.js';
import { round } from '../harness/stats.js';
import { measureRow, timeOnce, type BenchCase } from './common.js';
import { compareTopOrder } from './compareTopOrder.js';

const STAGE = 'gap analysis' as const;

function gapDetails(a: GapAnalysis): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const s of a.segments) kinds[s.kind] = (kinds[s.kind] ?? 0) + 1;
  return { segments: a.segments.length, fill: kinds.fill ?? 0, extend: kinds.extend ?? 0, strengthen: kinds.strengthen ?? 0, build: kinds.build ?? 0 };
}

function gapCase(size: 'S' | 'M' | 'L'): BenchCase {
  const id = `gaps.${size}`;
  return {
    id,
    size,
    stage: STAGE,
    title: `gap analysis at ${size}`,
    async execute() {
      const ds: Dataset = size === 'S' ? liaocheng() : taxonomyDataset(SIZES[size]);
      const plan = size === 'S' ? { warmup: 2, minRuns: 10, maxRuns: 30, budgetMs: 3_000 } : size === 'M' ? { warmup: 1, minRuns: 5, maxRuns: 10, budgetMs: 5_000 } : { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 10_000 };
      const label =
        size === 'L'
          ? '10,000 segments / 50,000 links, default options (betweenness sampled: 256 pivots)'
          : `${ds.segments.length.toLocaleString('en')} segments / ${ds.links.length.toLocaleString('en')} links, default options (exact betweenness)`;
      const { result } = await measureRow(
        { id, stage: STAGE, size, label, ...(size === 'L' ? { target: { maxMs: 2_000 } } : {}) },
        () => analyzeGaps(ds),
        plan,
        gapDetails,
      );
      return { results: [result] };
    },
  };
}

export const gapsS = gapCase('S');
export const gapsM = gapCase('M');
export const gapsL = gapCase('L');

function errorFacts(ds: Dataset, exactOptions: GapOptionsInput, sampledOptions: GapOptionsInput): Record<string, number> {
  const [exact, exactMs] = timeOnce(() => analyzeGaps(ds, exactOptions));
  const [sampled, sampledMs] = timeOnce(() => analyzeGaps(ds, sampledOptions));
  const cmp = compareTopOrder(exact.segments.map((s) => s.id), sampled.segments.map((s) => s.id), 100);
  const kindOf = new Map(exact.segments.map((s) => [s.id, s.kind]));
  const sameKind = sampled.segments.filter((s) => kindOf.get(s.id) === s.kind).length / sampled.segments.length;
  return { segments: ds.segments.length, exactMs: round(exactMs), sampledMs: round(sampledMs), ...cmp, sameKindShare: round(sameKind) };
}

/** Segments of the mid-size graph of the betweenness error check (auto mode samples above 2,000). */
export const MID_SEGMENTS = 3_000;

/**
 * The error of sampled betweenness on the gap order: exact vs 256-pivot sampled betweenness, comparing
 * the top-100 gaps (overlap, rank displacement, Kendall tau) at M (1,000 segments, 5,000 links) and at a
 * mid-size graph (3,000 segments, 15,000 links, where the default `auto` samples). There "exact" is the
 * same Brandes code run from every node (samples = n), which equals exact betweenness.
 */
export const gapsBetweenness: BenchCase = {
  id: 'gaps.betweenness-error',
  size: 'M',
  stage: STAGE,
  title: 'error of sampled betweenness on the top-100 gap order',
  async execute() {
    const m = taxonomyDataset(SIZES.M);
    const atM = errorFacts(m, { centrality: { betweenness: 'exact' } }, { centrality: { betweenness: 'sampled' } });
    const mid = taxonomyDataset({ segments: MID_SEGMENTS, links: MID_SEGMENTS * 5 });
    const atMid = errorFacts(mid, { centrality: { betweenness: 'sampled', samples: mid.segments.length } }, {});
    return { results: [], facts: { betweennessError: { M: atM, [`segments${MID_SEGMENTS}`]: atMid } } };
  },
};
