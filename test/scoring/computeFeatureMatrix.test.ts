import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS, type ScoringContext } from '../../src/scoring/buildScoringContext.js';
import { computeFeatureMatrix } from '../../src/scoring/computeFeatureMatrix.js';
import { ALL_FEATURES } from '../../src/scoring/features/allFeatures.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { FEATURE_NAMES } from '../../src/scoring/types.js';
import type { Company, Dataset } from '../../src/schema/index.js';
import { companyBody } from './arbitraries.js';
import { company, goodDataset, handGaps, miniDataset, miniGaps } from './helpers.js';

function contextOf(ds: Dataset, gaps = miniGaps(ds), industry?: string): ScoringContext {
  return buildScoringContext(indexDataset(ds), gaps, {
    industry,
    asOf: ds.meta.asOf,
    gapKinds: WEIGHT_PRESETS.balanced!.gapKinds,
    priorities: ds.meta.priorities ?? {},
    regions: DEFAULT_PRIORITY_REGIONS,
  });
}

function clamp(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/** Every column equals the feature's own `value` (clamped), bit for bit. */
function expectMatrixMatchesFeatures(companies: readonly Company[], ctx: ScoringContext): void {
  const m = computeFeatureMatrix(companies, ctx);
  expect(m.size).toBe(companies.length);
  for (const f of FEATURE_NAMES) {
    expect(Array.from(m.columns[f]), f).toEqual(companies.map((c) => clamp(ALL_FEATURES[f].value(c, ctx))));
  }
}

// Segment lists with repeats, unknown ids and any order: the fused segment loop must dedupe like gapFit.
const segmentList = fc.array(fc.constantFrom('up', 'gap', 'ok', 'nowhere'), { maxLength: 7 });
const bodies = fc.array(fc.tuple(companyBody, segmentList, fc.boolean()), { minLength: 1, maxLength: 10 });

describe('computeFeatureMatrix', () => {
  const ds = miniDataset();
  const ctx = contextOf(ds);

  test.prop([bodies])('gives, in every column, exactly the value of the feature itself', (items) => {
    const companies = items.map(([body, segs, keepSubarray], i) => company(`c${i}`, { ...(body as Partial<Company>), ...(keepSubarray ? {} : { segments: segs }) }));
    expectMatrixMatchesFeatures(companies, ctx);
  });

  it('counts a repeated gap segment once: [gap, gap, up] gives the same gap fit as [gap, up]', () => {
    const gaps = handGaps(ds, { gap: { kind: 'fill', priority: 0.9 }, up: { kind: 'fill', priority: 0.4, presence: 1 } });
    const c2 = contextOf(ds, gaps);
    const m = computeFeatureMatrix([company('a', { segments: ['gap', 'gap', 'up'] }), company('b', { segments: ['gap', 'up'] })], c2);
    // 0.9 + 0.5 · 0.4 · (1 − 0.9) = 0.92 for both (the repeat must not count as the second gap)
    expect(m.columns.gapFit[0]).toBeCloseTo(0.92, 12);
    expect(m.columns.gapFit[0]).toBe(m.columns.gapFit[1]);
    expectMatrixMatchesFeatures([company('a', { segments: ['gap', 'gap', 'up'] }), company('b')], c2);
  });

  it('respects the industry filter in gap fit, synergy and policy', () => {
    const good = goodDataset();
    const gaps = handGaps(good, { 'e-cell': { kind: 'build', priority: 0.7 } });
    const filtered = contextOf(good, gaps, 'metal');
    const companies = [company('a', { segments: ['e-cell', 'm-ore'] }), company('b', { segments: ['e-cell'] })];
    const m = computeFeatureMatrix(companies, filtered);
    // Only m-ore counts under the filter: its 强链 credit (no gap there), never e-cell's 建链 gap (0.7).
    const ore = filtered.gapValue[filtered.segmentSlot.get('m-ore')!]!;
    expect(Array.from(m.columns.gapFit)).toEqual([ore, 0]);
    expect(ore).toBeLessThan(0.7);
    expectMatrixMatchesFeatures(companies, filtered);
    expectMatrixMatchesFeatures(companies, contextOf(good, gaps));
  });
});
