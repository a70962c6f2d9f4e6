import { test } from '@fast-check/vitest';
import { centrality } from 'graphology-metrics';
import { describe, expect, it } from 'vitest';
import { buildChainGraph } from '../../src/graph/buildChainGraph.js';
import { chainAdjacency } from '../../src/graph/chainAdjacency.js';
import { sampledBetweenness } from '../../src/graph/sampledBetweenness.js';
import { segmentCentrality } from '../../src/graph/segmentCentrality.js';
import { mulberry32 } from '../../src/internal/random.js';
import { datasetArb } from '../gaps/arbitraries.js';
import { hole } from '../fixtures/chains/index.js';
import { makeChain } from '../fixtures/chains/makeChain.js';

const opts = { betweenness: 'auto', exactMaxNodes: 2000, samples: 256, seed: 7, alpha: 0.85 } as const;

describe('segment centrality', () => {
  test.prop([datasetArb])('sampled betweenness with every node as pivot equals graphology-metrics exact betweenness', (ds) => {
    const g = buildChainGraph(ds);
    const adj = chainAdjacency(g);
    const exact = centrality.betweenness(g, { getEdgeWeight: null, normalized: false });
    const sampled = sampledBetweenness(adj, { samples: adj.ids.length, seed: 1 });
    adj.ids.forEach((id, i) => expect(sampled[i]).toBeCloseTo(exact[id] ?? 0, 9));
  });

  it('on A → B → C only B lies between others; PageRank grows downstream (worked by hand)', () => {
    const c = segmentCentrality(buildChainGraph(hole), opts);
    expect(c.betweennessMethod).toBe('exact');
    expect([...c.betweenness]).toEqual([0, 1, 0]);
    expect(c.pagerank[0]).toBeCloseTo(1 / 2.5725, 4);
    expect(c.pagerank[1]).toBeCloseTo(1.85 / 2.5725, 4);
    expect(c.pagerank[2]).toBe(1);
  });

  it('samples above exactMaxNodes, reproducibly for a seed, and can be switched off', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const rand = mulberry32(3);
    const links: [string, string, number][] = [];
    for (let i = 0; i < 39; i++) links.push([ids[i]!, ids[i + 1]!, 0.5]);
    for (let k = 0; k < 40; k++) {
      const a = Math.floor(rand() * 40);
      const b = Math.floor(rand() * 40);
      if (a !== b && !links.some(([x, y]) => x === ids[a] && y === ids[b])) links.push([ids[a]!, ids[b]!, 0.3]);
    }
    const g = buildChainGraph(makeChain({ segments: ids.map((id) => ({ id })), links }));
    const s1 = segmentCentrality(g, { ...opts, exactMaxNodes: 10, samples: 8 });
    const s2 = segmentCentrality(g, { ...opts, exactMaxNodes: 10, samples: 8 });
    expect(s1.betweennessMethod).toBe('sampled');
    expect([...s1.betweenness]).toEqual([...s2.betweenness]);
    expect(Math.max(...s1.betweenness)).toBe(1);
    const off = segmentCentrality(g, { ...opts, betweenness: 'off' });
    expect(off.betweennessMethod).toBe('off');
    expect([...off.betweenness].every((v) => v === 0)).toBe(true);
  });

  it('handles an empty graph', () => {
    const c = segmentCentrality(buildChainGraph(makeChain({ segments: [] })), opts);
    expect(c.pagerank).toHaveLength(0);
  });
});
