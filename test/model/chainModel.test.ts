import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { chainAdjacency } from '../../src/graph/chainAdjacency.js';
import { buildChainGraph } from '../../src/graph/buildChainGraph.js';
import { chainModel, deriveChainModel, isChainModel } from '../../src/model/chainModel.js';
import { makeChain } from '../fixtures/chains/makeChain.js';

// z → a (0.5), a → m (0.2), a → m again (0.4: the larger weight stays), m → m (a self-link: left out).
const ds = makeChain({
  segments: [{ id: 'z' }, { id: 'a' }, { id: 'm' }],
  links: [
    ['z', 'a', 0.5],
    ['a', 'm', 0.2],
    ['a', 'm', 0.4],
    ['m', 'm', 1],
  ],
  firms: [
    { id: 'f1', segments: ['a'], revenue: 10 },
    { id: 'f2', segments: ['a', 'm'], revenue: 4, status: 'under-construction' },
  ],
});

describe('chainModel', () => {
  it('orders segments by id and keeps one adjacency with weights both ways (worked by hand)', () => {
    const m = chainModel(ds);
    expect(m.segments.map((s) => s.id)).toEqual(['a', 'm', 'z']);
    expect([...m.slotOf]).toEqual([['a', 0], ['m', 1], ['z', 2]]);
    expect(m.links.map((l) => [l.from, l.to, l.weight])).toEqual([['a', 'm', 0.4], ['z', 'a', 0.5]]);
    const adj = m.adjacency;
    expect([...adj.outStart]).toEqual([0, 1, 1, 2]);
    expect([...adj.outTo]).toEqual([1, 0]);
    expect([...adj.outW]).toEqual([0.4, 0.5]);
    expect([...adj.inStart]).toEqual([0, 1, 2, 2]);
    expect([...adj.inFrom]).toEqual([2, 0]);
    expect([...adj.inW]).toEqual([0.5, 0.4]);
  });

  it('gives the presence inputs per under-construction share, the same map on every read', () => {
    const m = chainModel(ds);
    // f2 counts 4 × 0.5 = 2, split equally over its two segments.
    expect(m.firms(0.5).get('a')?.revenue).toBe(11);
    expect(m.firms(0.5).get('m')?.revenue).toBe(1);
    expect(m.firms(1).get('a')?.revenue).toBe(12);
    expect(m.firms(0.5)).toBe(m.firms(0.5));
  });

  it('is the adjacency of the chain graph, and shares an index it is given', () => {
    const idx = indexDataset(ds);
    const m = chainModel(idx);
    expect(m.index).toBe(idx);
    expect(m.places).toBe(idx.placeByKey);
    const g = chainAdjacency(buildChainGraph(ds));
    expect(g.ids).toEqual(m.adjacency.ids);
    for (const k of ['outStart', 'outTo', 'outW', 'inStart', 'inFrom', 'inW'] as const) expect([...g[k]]).toEqual([...m.adjacency[k]]);
  });

  propTest.prop([fc.shuffledSubarray([...ds.links], { minLength: ds.links.length }), fc.shuffledSubarray([...ds.segments], { minLength: ds.segments.length })])(
    'does not depend on the order of the input records',
    (links, segments) => {
      const a = chainModel(ds);
      const b = chainModel({ ...ds, links: [...links], segments: [...segments] });
      expect(b.segments).toEqual(a.segments);
      expect([...b.adjacency.outW]).toEqual([...a.adjacency.outW]);
      expect([...b.adjacency.inFrom]).toEqual([...a.adjacency.inFrom]);
    },
  );
});

describe('deriveChainModel', () => {
  it('shares the chain of a changed dataset with the same chain, and reads the new firms', () => {
    const base = chainModel(ds);
    expect(deriveChainModel(base, ds)).toBe(base);
    const after = deriveChainModel(base, { ...ds, enterprises: ds.enterprises.slice(0, 1) });
    expect(after.adjacency).toBe(base.adjacency);
    expect(after.segments).toBe(base.segments);
    expect(after.firms(0.5).get('a')?.revenue).toBe(10);
    expect(after.firms(0.5).has('m')).toBe(false);
  });

  it('builds its own chain when the links change', () => {
    const base = chainModel(ds);
    const after = deriveChainModel(base, { ...ds, links: ds.links.slice(0, 1) });
    expect(after.adjacency).not.toBe(base.adjacency);
    expect(after.links).toHaveLength(1);
  });
});

describe('chainModel of a model', () => {
  it('returns the model itself, so "a dataset or its model" builds it once', () => {
    const m = chainModel(ds);
    expect(chainModel(m)).toBe(m);
    expect(isChainModel(m)).toBe(true);
    expect(isChainModel(ds)).toBe(false);
    expect(isChainModel(indexDataset(ds))).toBe(false);
    const index = indexDataset(ds);
    expect(chainModel(index).index).toBe(index);
  });
});
