import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { annotateChainGraph } from '../../src/graph/annotateChainGraph.js';
import { buildChainGraph } from '../../src/graph/buildChainGraph.js';
import { enterpriseRevenue } from '../../src/model/enterpriseRevenue.js';
import type { Enterprise } from '../../src/schema/enterprise.js';
import { greenfield, hole } from '../fixtures/chains/index.js';
import { makeChain } from '../fixtures/chains/makeChain.js';

describe('buildChainGraph', () => {
  it('throws NotFoundError when a link names an unknown segment', () => {
    const bad = { ...hole, links: [...hole.links, { from: 'a', to: 'nowhere', weight: 0.5 }] };
    expect(() => buildChainGraph(bad)).toThrow(NotFoundError);
    try {
      buildChainGraph(bad);
    } catch (e) {
      expect((e as NotFoundError).code).toBe('NOT_FOUND');
      expect((e as NotFoundError).id).toBe('nowhere');
    }
  });

  it('has one node per segment with typed attributes, one edge per link', () => {
    const g = buildChainGraph(greenfield);
    expect(g.order).toBe(6);
    expect(g.size).toBe(4);
    expect(g.nodes()).toEqual(['e1', 'e2', 'e3', 'm', 'y', 'z']); // sorted by id
    expect(g.getNodeAttributes('m')).toMatchObject({ industry: 'metal', strategic: false, localFirms: ['m-co'], localRevenue: 50 });
    expect(g.getNodeAttribute('e2', 'strategic')).toBe(true); // inherited from the strategic industry
    expect(g.getEdgeAttributes('m->e1')).toMatchObject({ weight: 0.3, crossIndustry: true });
    expect(g.getEdgeAttribute('e1->e2', 'crossIndustry')).toBe(false);
    expect(g.hasEdge('m', 'e1')).toBe(true);
  });

  it('skips self-links and keeps the heavier of two repeated links', () => {
    const ds = makeChain({ segments: [{ id: 'a' }, { id: 'b' }], links: [['a', 'a', 0.5], ['a', 'b', 0.2], ['a', 'b', 0.6]] });
    const g = buildChainGraph(ds);
    expect(g.size).toBe(1);
    expect(g.getEdgeAttribute('a->b', 'weight')).toBe(0.6);
  });

  it('annotateChainGraph writes presence, kind and priority onto the nodes', () => {
    const g = annotateChainGraph(buildChainGraph(hole), analyzeGaps(hole));
    expect(g.getNodeAttributes('b')).toMatchObject({ kind: 'fill', presence: 0 });
    expect(g.getNodeAttribute('a', 'presence')).toBe(1);
    expect(g.getNodeAttribute('b', 'priority')).toBeGreaterThan(0);
  });
});

describe('enterpriseRevenue', () => {
  const base: Enterprise = { id: 'e', name: 'e', segments: ['a'], county: '甲县', source: 't', confidence: 'high', asOf: '2026' };
  it('uses the revenue, else the band midpoint (top band 1.5 × 5000), discounted or zeroed by status', () => {
    expect(enterpriseRevenue({ ...base, revenue: 12 }, 0.5)).toBe(12);
    expect(enterpriseRevenue({ ...base, revenueBand: '10-50' }, 0.5)).toBe(30);
    expect(enterpriseRevenue({ ...base, revenueBand: '<1' }, 0.5)).toBe(0.5);
    expect(enterpriseRevenue({ ...base, revenueBand: '>=5000' }, 0.5)).toBe(7500);
    expect(enterpriseRevenue({ ...base, revenue: 12, status: 'under-construction' }, 0.5)).toBe(6);
    expect(enterpriseRevenue({ ...base, revenue: 12, status: 'closed' }, 0.5)).toBe(0);
  });
});
