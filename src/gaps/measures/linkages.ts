import type { ChainAdjacency } from '../../model/chainAdjacency.js';

/** Demand pull and supply push by segment index, each in [0, 1]. */
export interface Linkages {
  readonly demandPull: Float64Array;
  readonly supplyPush: Float64Array;
}

/**
 * Backward and forward linkages to the local chain (after Hirschman 1958 and Rasmussen 1956, on the
 * chain graph instead of an input–output table), combined as a "noisy or" so that each local
 * partner adds with diminishing returns and one fully present, fully dependent partner gives 1:
 * - demand pull(n) = 1 − Π over customers m of (1 − w(n→m)·p(m)): local downstream presence that
 *   needs n's output;
 * - supply push(n) = 1 − Π over suppliers m of (1 − w(m→n)·p(m)): local upstream output that n
 *   could process.
 *
 * @param adj - CSR adjacency
 * @param p - presence by segment index
 * @returns both linkages by segment index
 * @example
 * linkages(adj, presenceArray).demandPull[i];
 */
export function linkages(adj: ChainAdjacency, p: Float64Array): Linkages {
  const n = p.length;
  const demandPull = new Float64Array(n);
  const supplyPush = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let noDemand = 1;
    for (let e = adj.outStart[i]!; e < adj.outStart[i + 1]!; e++) noDemand *= 1 - adj.outW[e]! * p[adj.outTo[e]!]!;
    let noSupply = 1;
    for (let e = adj.inStart[i]!; e < adj.inStart[i + 1]!; e++) noSupply *= 1 - adj.inW[e]! * p[adj.inFrom[e]!]!;
    demandPull[i] = clamp01(1 - noDemand);
    supplyPush[i] = clamp01(1 - noSupply);
  }
  return { demandPull, supplyPush };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
