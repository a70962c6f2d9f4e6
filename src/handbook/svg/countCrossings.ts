/** An edge between two placed nodes, by column and position within the column. */
export interface PlacedEdge {
  readonly fromCol: number;
  readonly fromPos: number;
  readonly toCol: number;
  readonly toPos: number;
}

/**
 * Count edge crossings of a layered drawing: two edges cross when they join the same pair of columns
 * and their ends are in opposite order. Edges with both ends in one column never count.
 *
 * @param edges - the edges with column and position of both ends
 * @returns the number of crossing pairs
 * @example
 * countCrossings([{ fromCol: 0, fromPos: 0, toCol: 1, toPos: 1 }, { fromCol: 0, fromPos: 1, toCol: 1, toPos: 0 }]); // 1
 */
export function countCrossings(edges: readonly PlacedEdge[]): number {
  const groups = new Map<string, PlacedEdge[]>();
  for (const e of edges) {
    if (e.fromCol === e.toCol) continue;
    // Orient every edge left to right so a backward edge compares with forward ones between the same columns.
    const [a, b] = e.fromCol < e.toCol ? [e.fromCol, e.toCol] : [e.toCol, e.fromCol];
    const key = `${a}>${b}`;
    const oriented = e.fromCol < e.toCol ? e : { fromCol: e.toCol, fromPos: e.toPos, toCol: e.fromCol, toPos: e.fromPos };
    const list = groups.get(key);
    if (list) list.push(oriented);
    else groups.set(key, [oriented]);
  }
  let crossings = 0;
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const p = list[i]!;
        const q = list[j]!;
        if ((p.fromPos - q.fromPos) * (p.toPos - q.toPos) < 0) crossings++;
      }
    }
  }
  return crossings;
}
