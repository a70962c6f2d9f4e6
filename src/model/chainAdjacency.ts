/**
 * Compressed adjacency (CSR) of the chain: node i's out-neighbours are
 * `outTo[outStart[i] .. outStart[i+1])` with weights `outW`, in-neighbours likewise (`inFrom`, `inW`): the
 * weights in both directions. Neighbours are sorted by index, so sums over them are computed in one fixed
 * order (order-independent results).
 */
export interface ChainAdjacency {
  /** Node ids in the chain order (sorted by id). */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly outStart: Int32Array;
  readonly outTo: Int32Array;
  readonly outW: Float64Array;
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inW: Float64Array;
  /** Position in the out-lists (`outTo`, `outW`) of each in-list entry: the same link seen from its target. */
  readonly inEdge: Int32Array;
}

/** Sort each node's slice of a CSR by neighbour index (a no-op check when already sorted). */
function sortSlices(start: Int32Array, to: Int32Array, w: Float64Array): void {
  for (let i = 0; i + 1 < start.length; i++) {
    const a = start[i]!;
    const b = start[i + 1]!;
    let sorted = true;
    for (let e = a + 1; e < b && sorted; e++) if (to[e - 1]! > to[e]!) sorted = false;
    if (sorted) continue;
    const pairs = Array.from({ length: b - a }, (_, k) => [to[a + k]!, w[a + k]!] as const).sort((x, y) => x[0] - y[0]);
    pairs.forEach(([t, wt], k) => {
      to[a + k] = t;
      w[a + k] = wt;
    });
  }
}

/**
 * Build the CSR adjacency of a directed edge list over `ids`: two counting passes, O(nodes + edges).
 * The one kernel behind `ChainModel.adjacency` and `chainAdjacency(graph)`.
 *
 * @param ids - node ids, in index order
 * @param src - source index of each edge
 * @param dst - target index of each edge
 * @param wt - weight of each edge
 * @returns the CSR adjacency
 * @example
 * const adj = adjacencyFromEdges(['a', 'b'], Int32Array.of(0), Int32Array.of(1), Float64Array.of(0.5));
 * adj.outTo[0]; // 1
 */
export function adjacencyFromEdges(ids: readonly string[], src: Int32Array, dst: Int32Array, wt: Float64Array): ChainAdjacency {
  const n = ids.length;
  const m = src.length;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) outStart[src[e]! + 1]! += 1;
  for (let i = 0; i < n; i++) outStart[i + 1]! += outStart[i]!;
  const outTo = new Int32Array(m);
  const outW = new Float64Array(m);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const at = fill[src[e]!]!++;
    outTo[at] = dst[e]!;
    outW[at] = wt[e]!;
  }
  sortSlices(outStart, outTo, outW);
  // In-lists, filled in out-CSR order, come out sorted by source index.
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) inStart[outTo[e]! + 1]! += 1;
  for (let i = 0; i < n; i++) inStart[i + 1]! += inStart[i]!;
  const inFrom = new Int32Array(m);
  const inW = new Float64Array(m);
  const inEdge = new Int32Array(m);
  const inFill = inStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    for (let e = outStart[i]!; e < outStart[i + 1]!; e++) {
      const at = inFill[outTo[e]!]!++;
      inFrom[at] = i;
      inW[at] = outW[e]!;
      inEdge[at] = e;
    }
  }
  return { ids, indexOf, outStart, outTo, outW, inStart, inFrom, inW, inEdge };
}
