/**
 * Indices of the k best candidates, best first: score descending, then id ascending (a total order, so the
 * result never depends on input order). Uses a bounded heap, O(n log k), so taking the top 50 of a
 * million candidates does not sort the million.
 *
 * @param scores - one score per candidate
 * @param ids - one id per candidate (unique)
 * @param k - how many to return (clamped to the number of candidates)
 * @returns candidate indices in rank order
 * @example
 * selectTop(Float64Array.of(0.2, 0.9, 0.9), ['a', 'c', 'b'], 2); // Uint32Array [2, 1] (b before c on the tie)
 */
export function selectTop(scores: ArrayLike<number>, ids: readonly string[], k: number): Uint32Array {
  const n = scores.length;
  const size = Math.max(0, Math.min(Math.floor(k), n));
  // better(a, b): a ranks above b.
  const better = (a: number, b: number): boolean => {
    const sa = scores[a]!;
    const sb = scores[b]!;
    return sa > sb || (sa === sb && ids[a]! < ids[b]!);
  };
  if (size * 4 >= n) {
    const all = Array.from({ length: n }, (_, i) => i);
    all.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
    return Uint32Array.from(all.slice(0, size));
  }
  // Min-heap on "worst at the root": heap[0] is the worst of the current best `size`.
  const heap = new Uint32Array(size);
  let len = 0;
  const siftUp = (pos: number): void => {
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!better(heap[parent]!, heap[pos]!)) break;
      [heap[parent], heap[pos]] = [heap[pos]!, heap[parent]!];
      pos = parent;
    }
  };
  const siftDown = (pos: number): void => {
    for (;;) {
      const l = 2 * pos + 1;
      const r = l + 1;
      let worst = pos;
      if (l < len && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < len && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === pos) return;
      [heap[worst], heap[pos]] = [heap[pos]!, heap[worst]!];
      pos = worst;
    }
  };
  for (let i = 0; i < n; i++) {
    if (len < size) {
      heap[len] = i;
      siftUp(len++);
    } else if (size > 0 && better(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  const out = Array.from(heap.subarray(0, len));
  out.sort((a, b) => (better(a, b) ? -1 : 1));
  return Uint32Array.from(out);
}
