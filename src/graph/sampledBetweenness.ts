import type { ChainAdjacency } from '../model/chainAdjacency.js';
import { mulberry32 } from '../internal/random.js';

/**
 * Betweenness centrality (unweighted shortest paths along supply direction) estimated from
 * `samples` random source pivots: Brandes' accumulation (Brandes 2001) run from k pivots drawn
 * without replacement with a seeded generator, scaled by n/k (Brandes & Pich 2007). With
 * k ≥ n every node is a pivot and the result equals exact, unnormalised betweenness.
 * graphology-metrics has no sampled variant, hence this one.
 *
 * @param adj - CSR adjacency from `chainAdjacency`
 * @param options - `samples` (k ≥ 1) and `seed`
 * @returns raw betweenness by node index
 * @example
 * sampledBetweenness(chainAdjacency(g), { samples: 256, seed: 1 });
 */
export function sampledBetweenness(adj: ChainAdjacency, options: { readonly samples: number; readonly seed: number }): Float64Array {
  const n = adj.ids.length;
  const bc = new Float64Array(n);
  if (n === 0) return bc;
  const pivots = Array.from({ length: n }, (_, i) => i);
  const k = Math.min(n, Math.max(1, Math.floor(options.samples)));
  if (k < n) {
    const rand = mulberry32(options.seed);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rand() * (n - i));
      [pivots[i], pivots[j]] = [pivots[j]!, pivots[i]!];
    }
  }
  const { outStart, outTo, inStart, inFrom } = adj;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (let p = 0; p < k; p++) {
    const s = pivots[p]!;
    // BFS from s; `order` is the visiting order (non-decreasing distance).
    let head = 0;
    let tail = 0;
    dist[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = outStart[v + 1]!;
      for (let e = outStart[v]!; e < end; e++) {
        const w = outTo[e]!;
        if (dist[w] === -1) {
          dist[w] = dv;
          order[tail++] = w;
        }
        if (dist[w] === dv) sigma[w]! += sv;
      }
    }
    // Accumulate dependencies in reverse BFS order; predecessors are in-neighbours one step closer.
    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i]!;
      if (w === s) continue;
      const coeff = (1 + delta[w]!) / sigma[w]!;
      const dw = dist[w]! - 1;
      const end = inStart[w + 1]!;
      for (let e = inStart[w]!; e < end; e++) {
        const v = inFrom[e]!;
        if (dist[v] === dw) delta[v]! += sigma[v]! * coeff;
      }
      bc[w]! += delta[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  if (k < n) for (let i = 0; i < n; i++) bc[i]! *= n / k;
  return bc;
}
