import { centrality } from 'graphology-metrics';
import { chainAdjacency, type ChainAdjacency } from './chainAdjacency.js';
import { sampledBetweenness } from './sampledBetweenness.js';
import type { ChainGraph } from './types.js';

/** How betweenness is computed: exact (graphology-metrics), sampled (Brandes pivots), off (zeros), or auto. */
export type BetweennessMode = 'auto' | 'exact' | 'sampled' | 'off';

/** Options of `segmentCentrality`. */
export interface CentralityOptions {
  readonly betweenness: BetweennessMode;
  /** `auto` is exact up to this many nodes, sampled above. */
  readonly exactMaxNodes: number;
  readonly samples: number;
  readonly seed: number;
  /** PageRank damping factor in (0, 1). */
  readonly alpha: number;
}

/** Centralities by node index (order of `adjacency.ids`), each scaled so the largest is 1 (all 0 when all are 0). */
export interface SegmentCentrality {
  readonly adjacency: ChainAdjacency;
  readonly pagerank: Float64Array;
  readonly betweenness: Float64Array;
  /** What was actually computed for betweenness. */
  readonly betweennessMethod: 'exact' | 'sampled' | 'off';
}

function scaleToMax(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (max > 0) for (let i = 0; i < values.length; i++) values[i]! /= max;
  return values;
}

/**
 * PageRank (Page et al. 1999, weighted by link weight, along supply direction: a segment ranks high
 * when much weighted input flows into it) and betweenness (Freeman 1977, unweighted: link weights
 * are input shares, not distances; how often a segment lies on shortest supply paths) of every
 * segment, both from graphology-metrics, except sampled betweenness (see `sampledBetweenness`).
 *
 * @param graph - a chain graph
 * @param options - betweenness mode, sampling and PageRank damping
 * @param adjacency - the graph's adjacency when already built (its dataset's `chainModel(ds).adjacency`)
 * @returns centralities scaled to [0, 1] by their maximum
 * @example
 * const c = segmentCentrality(buildChainGraph(ds), { betweenness: 'auto', exactMaxNodes: 2000, samples: 256, seed: 1, alpha: 0.85 });
 */
export function segmentCentrality(graph: ChainGraph, options: CentralityOptions, adjacency: ChainAdjacency = chainAdjacency(graph)): SegmentCentrality {
  const n = adjacency.ids.length;
  const pagerank = new Float64Array(n);
  const betweenness = new Float64Array(n);
  if (n === 0) return { adjacency, pagerank, betweenness, betweennessMethod: options.betweenness === 'off' ? 'off' : 'exact' };
  // Enough iterations for convergence at any damping: the error shrinks by `alpha` per step.
  const maxIterations = Math.ceil(Math.log(1e-11) / Math.log(options.alpha)) + 20;
  const pr = centrality.pagerank(graph, { getEdgeWeight: 'weight', alpha: options.alpha, maxIterations, tolerance: 1e-9 });
  adjacency.ids.forEach((id, i) => (pagerank[i] = pr[id] ?? 0));
  const method = options.betweenness === 'auto' ? (n <= options.exactMaxNodes ? 'exact' : 'sampled') : options.betweenness;
  if (method === 'exact') {
    const bc = centrality.betweenness(graph, { getEdgeWeight: null, normalized: false });
    adjacency.ids.forEach((id, i) => (betweenness[i] = bc[id] ?? 0));
  } else if (method === 'sampled') {
    betweenness.set(sampledBetweenness(adjacency, { samples: options.samples, seed: options.seed }));
  }
  return { adjacency, pagerank: scaleToMax(pagerank), betweenness: scaleToMax(betweenness), betweennessMethod: method };
}
