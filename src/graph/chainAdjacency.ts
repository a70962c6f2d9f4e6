import { adjacencyFromEdges, type ChainAdjacency } from '../model/chainAdjacency.js';
import type { ChainGraph } from './types.js';

export type { ChainAdjacency } from '../model/chainAdjacency.js';

/**
 * Index a chain graph as flat arrays (CSR, see `ChainAdjacency`) in the graph's node order. A graph from
 * `buildChainGraph` gives the same adjacency as its dataset's `chainModel(ds).adjacency`.
 *
 * @param graph - a chain graph from `buildChainGraph`
 * @returns the CSR adjacency
 * @example
 * const adj = chainAdjacency(buildChainGraph(ds));
 * adj.outStart[1]! - adj.outStart[0]!; // out-degree of the first segment
 */
export function chainAdjacency(graph: ChainGraph): ChainAdjacency {
  const ids = graph.nodes();
  const m = graph.size;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wt = new Float64Array(m);
  let k = 0;
  graph.forEachEdge((_key, attrs, source, target) => {
    src[k] = indexOf.get(source)!;
    dst[k] = indexOf.get(target)!;
    wt[k] = attrs.weight;
    k += 1;
  });
  return adjacencyFromEdges(ids, src, dst, wt);
}
