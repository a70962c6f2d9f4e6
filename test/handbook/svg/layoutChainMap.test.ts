import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src/schema/common.js';
import type { ChainMapData, MapEdge, MapNode } from '../../../src/handbook/types.js';
import { countCrossings } from '../../../src/handbook/svg/countCrossings.js';
import { CHAIN_MAP_GEOMETRY, layoutChainMap } from '../../../src/handbook/svg/layoutChainMap.js';

function node(id: string, stage: Stage, external = false, side?: 'in' | 'out'): MapNode {
  return { id, name: id, industry: 'x', industryName: 'X', stage, kind: 'none', kindLabel: '', presence: 0, priority: 0, firmCount: 0, external, ...(side ? { side } : {}) };
}
const edge = (from: string, to: string, weight = 0.5, crossIndustry = false): MapEdge => ({ from, to, weight, crossIndustry });
const map = (nodes: MapNode[], edges: MapEdge[]): ChainMapData => ({ industry: 'x', nodes, edges, hiddenExternal: 0 });

describe('countCrossings', () => {
  it('counts pairs of edges between the same columns whose ends are in opposite order', () => {
    expect(countCrossings([])).toBe(0);
    // a0→b1 and a1→b0 cross; a0→b0 crosses neither... (a0,b0) vs (a1,b0): same end → no crossing.
    expect(
      countCrossings([
        { fromCol: 0, fromPos: 0, toCol: 1, toPos: 1 },
        { fromCol: 0, fromPos: 1, toCol: 1, toPos: 0 },
        { fromCol: 0, fromPos: 0, toCol: 1, toPos: 0 },
      ]),
    ).toBe(1);
    // Edges between different column pairs never count; a backward edge counts like a forward one.
    expect(countCrossings([{ fromCol: 0, fromPos: 0, toCol: 1, toPos: 1 }, { fromCol: 1, fromPos: 0, toCol: 0, toPos: 1 }])).toBe(1);
    expect(countCrossings([{ fromCol: 0, fromPos: 0, toCol: 1, toPos: 1 }, { fromCol: 0, fromPos: 1, toCol: 2, toPos: 0 }])).toBe(0);
  });
});

describe('layoutChainMap', () => {
  it('puts stages in flow order and external suppliers left, buyers right', () => {
    const m = map([node('d', 'downstream'), node('u', 'upstream'), node('m', 'midstream'), node('xin', 'upstream', true, 'in'), node('xout', 'upstream', true, 'out')], [edge('u', 'm'), edge('m', 'd')]);
    const l = layoutChainMap(m);
    expect(l.columns.map((c) => c.kind === 'stage' ? c.stage : c.kind)).toEqual(['in', 'upstream', 'midstream', 'downstream', 'out']);
    const x = (id: string) => l.nodes.get(id)!.x;
    expect(x('xin') < x('u') && x('u') < x('m') && x('m') < x('d') && x('d') < x('xout')).toBe(true);
  });

  it('splits a stage into two columns when its segments feed each other', () => {
    // m1 → m2 within midstream: m2 moves one column right of m1.
    const l = layoutChainMap(map([node('u', 'upstream'), node('m1', 'midstream'), node('m2', 'midstream'), node('d', 'downstream')], [edge('m1', 'm2')]));
    expect(l.columns.map((c) => c.nodes)).toEqual([['u'], ['m1'], ['m2'], ['d']]);
  });

  it('survives a cycle inside a stage', () => {
    const l = layoutChainMap(map([node('a', 'midstream'), node('b', 'midstream')], [edge('a', 'b'), edge('b', 'a')]));
    expect(l.nodes.size).toBe(2);
    expect(l.columns.length).toBeLessThanOrEqual(CHAIN_MAP_GEOMETRY.maxSubColumns);
  });

  it('removes the crossing of a twisted pair', () => {
    // Start order: upstream [a1, a2], midstream [b1, b2]; edges a1→b2, a2→b1 cross once.
    // Sorting midstream by barycentre puts b2 (neighbour a1 at 0.25) before b1 (a2 at 0.75): 0 crossings.
    const l = layoutChainMap(map([node('a1', 'upstream'), node('a2', 'upstream'), node('b1', 'midstream'), node('b2', 'midstream')], [edge('a1', 'b2'), edge('a2', 'b1')]));
    expect(l.crossings).toBe(0);
    expect(l.columns[1]!.nodes).toEqual(['b2', 'b1']);
  });

  const stages: Stage[] = ['upstream', 'midstream', 'downstream'];
  const arbMap = fc
    .array(fc.constantFrom(...stages), { minLength: 1, maxLength: 14 })
    .chain((st) =>
      fc
        .uniqueArray(fc.tuple(fc.nat(st.length - 1), fc.nat(st.length - 1), fc.integer({ min: 1, max: 10 })), { selector: ([a, b]) => `${a}>${b}`, maxLength: 30 })
        .map((es) => map(st.map((s, i) => node(`n${i}`, s)), es.filter(([a, b]) => a !== b).map(([a, b, w]) => edge(`n${a}`, `n${b}`, w / 10)))),
    );

  test.prop([arbMap])('places every node once, without overlaps, and never adds crossings to the start order', (m) => {
    const l = layoutChainMap(m);
    expect(l.nodes.size).toBe(m.nodes.length);
    for (const c of l.columns) {
      const boxes = c.nodes.map((id) => l.nodes.get(id)!);
      for (let k = 1; k < boxes.length; k++) expect(boxes[k]!.y).toBeGreaterThanOrEqual(boxes[k - 1]!.y + boxes[k - 1]!.height);
      for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(l.width);
    }
    // The start order is the data order within each column; the result keeps the best order seen.
    const colOf = new Map<string, number>();
    const pos = new Map<string, number>();
    l.columns.forEach((c, ci) => [...c.nodes].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).forEach((id, k) => (colOf.set(id, ci), pos.set(id, k))));
    const start = countCrossings(m.edges.map((e) => ({ fromCol: colOf.get(e.from)!, fromPos: pos.get(e.from)!, toCol: colOf.get(e.to)!, toPos: pos.get(e.to)! })));
    expect(l.crossings).toBeLessThanOrEqual(start);
  });

  test.prop([arbMap])('is deterministic', (m) => {
    const a = layoutChainMap(m);
    const b = layoutChainMap(m);
    expect([...a.nodes.values()]).toEqual([...b.nodes.values()]);
  });
});
