import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS } from '../../src/scoring/buildScoringContext.js';
import { computeFeatureMatrix } from '../../src/scoring/computeFeatureMatrix.js';
import { normalizeWeights } from '../../src/scoring/normalizeWeights.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { scoreCandidates } from '../../src/scoring/scoreCandidates.js';
import { weightedScores } from '../../src/scoring/weightedScores.js';
import type { Company } from '../../src/schema/index.js';
import { companyBody } from './arbitraries.js';
import { company, miniDataset, miniGaps } from './helpers.js';

const segmentList = fc.array(fc.constantFrom('up', 'gap', 'ok', 'nowhere'), { maxLength: 7 });
const bodies = fc.array(fc.tuple(companyBody, segmentList, fc.boolean()), { minLength: 1, maxLength: 10 });
const weights = fc.oneof(
  fc.constantFrom(...Object.keys(WEIGHT_PRESETS)).map((id) => normalizeWeights(WEIGHT_PRESETS[id]!.weights)),
  fc.record({
    gapFit: fc.double({ min: 0, max: 1, noNaN: true }),
    synergy: fc.double({ min: 0, max: 1, noNaN: true }),
    scale: fc.double({ min: 0, max: 1, noNaN: true }),
    momentum: fc.double({ min: 0, max: 1, noNaN: true }),
    proximity: fc.double({ min: 0, max: 1, noNaN: true }),
    policy: fc.double({ min: 0, max: 1, noNaN: true }),
    ties: fc.double({ min: 0.01, max: 1, noNaN: true }),
    risk: fc.double({ min: 0, max: 1, noNaN: true }),
  }).map((w) => normalizeWeights(w)),
);

describe('scoreCandidates', () => {
  const ds = miniDataset();
  const ctx = buildScoringContext(indexDataset(ds), miniGaps(ds), { asOf: ds.meta.asOf, gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: ds.meta.priorities ?? {}, regions: DEFAULT_PRIORITY_REGIONS });

  test.prop([bodies, weights])('gives bit for bit the weighted sum over the feature matrix', (items, w) => {
    const companies = items.map(([body, segs, keep], i) => company(`c${i}`, { ...(body as Partial<Company>), ...(keep ? {} : { segments: segs }) }));
    const fused = scoreCandidates(companies, ctx, w);
    const viaMatrix = weightedScores(computeFeatureMatrix(companies, ctx), w);
    expect(fused).toBeInstanceOf(Float64Array);
    // Object.is per element: the same doubles, not merely close ones.
    expect(Array.from(fused).every((v, i) => Object.is(v, viaMatrix[i]))).toBe(true);
  });
});
