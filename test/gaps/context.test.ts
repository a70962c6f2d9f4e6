import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { analyzeGapsWithContext } from '../../src/gaps/analyzeGapsWithContext.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import { contextMatches } from '../../src/gaps/contextMatches.js';
import { DEFAULT_GAP_OPTIONS } from '../../src/gaps/options.js';
import { hole } from '../fixtures/chains/index.js';
import { datasetArb } from './arbitraries.js';

describe('buildGapContext + analyzeGapsWithContext (what-if re-runs)', () => {
  test.prop([datasetArb, datasetArb])('a context re-run with other firms and priorities equals a fresh analyzeGaps', (ds, other) => {
    const ctx = buildGapContext(ds);
    // keep ds's chain, take firms that fit it (other's firms re-pointed to ds's segments)
    const ids = ds.segments.map((s) => s.id);
    const enterprises = other.enterprises.map((e, k) => ({ ...e, segments: [ids[k % ids.length]!] }));
    const changed = { ...ds, enterprises, meta: { ...ds.meta, priorities: { industries: { [ds.industries[0]!.id]: 0.5 } } } };
    expect(contextMatches(ctx, changed, DEFAULT_GAP_OPTIONS.centrality)).toBe(true);
    expect(analyzeGapsWithContext(ctx, changed)).toEqual(analyzeGaps(changed));
  });

  it('rebuilds when the chain itself changed, so the result is still right', () => {
    const ctx = buildGapContext(hole);
    const moreLinks = { ...hole, links: [...hole.links, { from: 'a', to: 'c', weight: 0.4 }] };
    expect(contextMatches(ctx, moreLinks, DEFAULT_GAP_OPTIONS.centrality)).toBe(false);
    expect(analyzeGapsWithContext(ctx, moreLinks)).toEqual(analyzeGaps(moreLinks));
    const otherCentrality = { ...DEFAULT_GAP_OPTIONS.centrality, betweenness: 'off' as const };
    expect(contextMatches(ctx, hole, otherCentrality)).toBe(false);
    expect(analyzeGapsWithContext(ctx, hole, { centrality: { betweenness: 'off' } })).toEqual(analyzeGaps(hole, { centrality: { betweenness: 'off' } }));
  });

  it('reuses a context for a copy of the same chain in another order (content comparison)', () => {
    const ctx = buildGapContext(hole);
    const copy = { ...hole, segments: [...hole.segments].reverse(), links: hole.links.map((l) => ({ ...l })) };
    expect(contextMatches(ctx, copy, DEFAULT_GAP_OPTIONS.centrality)).toBe(true);
    expect(analyzeGapsWithContext(ctx, copy)).toEqual(analyzeGaps(hole));
  });
});
