import type { ChainAdjacency } from '../../model/chainAdjacency.js';

/**
 * Relatedness density of every segment: Σ w·p over its neighbours (suppliers and customers) / Σ w,
 * in [0, 1] — how much of what a segment is linked to is already local, hence how feasible it is
 * (the density of Hidalgo, Klinger, Barabási & Hausmann, "The Product Space Conditions the
 * Development of Nations", Science 2007; used by the Atlas of Economic Complexity and Metroverse).
 * 0 for a segment without links.
 *
 * @param adj - CSR adjacency
 * @param p - presence by segment index
 * @returns density by segment index
 * @example
 * relatedness(adj, presenceArray)[i];
 */
export function relatedness(adj: ChainAdjacency, p: Float64Array): Float64Array {
  const n = p.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let num = 0;
    let den = 0;
    for (let e = adj.outStart[i]!; e < adj.outStart[i + 1]!; e++) {
      num += adj.outW[e]! * p[adj.outTo[e]!]!;
      den += adj.outW[e]!;
    }
    for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) {
      num += adj.inW[e]! * p[adj.inFrom[e]!]!;
      den += adj.inW[e]!;
    }
    out[i] = den > 0 ? Math.min(1, num / den) : 0;
  }
  return out;
}
