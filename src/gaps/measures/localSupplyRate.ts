import type { ChainAdjacency } from '../../model/chainAdjacency.js';

/**
 * 本地配套率 (local supply rate) of each present segment: the share of its input weight that local
 * segments can supply, Σ over suppliers m of w(m→n)·p(m) / Σ w(m→n), in [0, 1]. null for a segment
 * that is not present (nothing local to supply) or has no inputs in the graph.
 *
 * @param adj - CSR adjacency
 * @param p - presence by segment index
 * @param presentThreshold - p at or above which a segment is present
 * @returns the rate by segment index, or null
 * @example
 * localSupplyRate(adj, presenceArray, 0.25)[i];
 */
export function localSupplyRate(adj: ChainAdjacency, p: Float64Array, presentThreshold: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < p.length; i++) {
    let num = 0;
    let den = 0;
    for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) {
      num += adj.inW[e]! * p[adj.inFrom[e]!]!;
      den += adj.inW[e]!;
    }
    out.push(p[i]! >= presentThreshold && den > 0 ? Math.min(1, num / den) : null);
  }
  return out;
}
