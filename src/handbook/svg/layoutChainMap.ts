// A small layered (Sugiyama-style) layout, written by hand. Libraries that lay out layered graphs without
// a DOM exist (@dagrejs/dagre, elkjs), but none is among our dependencies, and here the columns are fixed
// by the data (上游 → 中游 → 下游, external neighbours at the sides), so all that is left is ordering nodes
// within columns to reduce crossings (barycentre sweeps) and placing them — about a hundred lines.
import type { Stage } from '../../schema/common.js';
import { STAGES } from '../labels.js';
import type { ChainMapData } from '../types.js';
import { countCrossings } from './countCrossings.js';

/** Sizes of a chain map, in SVG user units (px). */
export const CHAIN_MAP_GEOMETRY = Object.freeze({
  margin: 16,
  headerHeight: 30,
  legendHeight: 46,
  nodeWidth: 120,
  nodeHeight: 44,
  externalWidth: 108,
  externalHeight: 40,
  rowGap: 12,
  columnGap: 44,
  /** Sub-columns per stage at most (segments fed by a segment of the same stage move one column right). */
  maxSubColumns: 2,
  sweeps: 8,
});

/** A column of the layout: a stage (or part of one), or the external neighbours on one side. */
export interface LayoutColumn {
  readonly kind: 'in' | 'stage' | 'out';
  readonly stage?: Stage;
  readonly x: number;
  readonly width: number;
  /** Node ids top to bottom. */
  readonly nodes: readonly string[];
}

/** A placed node (top-left corner and size). */
export interface LayoutNode {
  readonly id: string;
  readonly column: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A chain map's layout. */
export interface ChainMapLayout {
  readonly width: number;
  readonly height: number;
  /** y of the first row and height of the node area. */
  readonly bodyTop: number;
  readonly bodyHeight: number;
  readonly columns: readonly LayoutColumn[];
  readonly nodes: ReadonlyMap<string, LayoutNode>;
  /** Edge crossings left after ordering (edges between the same two columns). */
  readonly crossings: number;
}

interface ColumnSpec {
  kind: 'in' | 'stage' | 'out';
  stage?: Stage;
  ids: string[];
}

function subColumns(map: ChainMapData, stage: Stage): string[][] {
  const ids = map.nodes.filter((n) => !n.external && n.stage === stage).map((n) => n.id);
  const inStage = new Set(ids);
  const level = new Map(ids.map((id) => [id, 0]));
  const cap = CHAIN_MAP_GEOMETRY.maxSubColumns - 1;
  const edges = map.edges.filter((e) => inStage.has(e.from) && inStage.has(e.to));
  // Longest path from the stage's sources, capped; bounded passes so a cycle cannot loop forever.
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const e of edges) {
      const next = Math.min(cap, level.get(e.from)! + 1);
      if (next > level.get(e.to)!) {
        level.set(e.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return Array.from({ length: cap + 1 }, (_, k) => ids.filter((id) => level.get(id) === k)).filter((c) => c.length > 0);
}

function orderColumns(columns: string[][], map: ChainMapData): { order: string[][]; crossings: number } {
  const colOf = new Map<string, number>();
  columns.forEach((c, i) => c.forEach((id) => colOf.set(id, i)));
  const edges = map.edges.filter((e) => colOf.has(e.from) && colOf.has(e.to));
  const crossingsOf = (order: string[][]): number => {
    const pos = new Map<string, number>();
    order.forEach((c) => c.forEach((id, k) => pos.set(id, k)));
    return countCrossings(edges.map((e) => ({ fromCol: colOf.get(e.from)!, fromPos: pos.get(e.from)!, toCol: colOf.get(e.to)!, toPos: pos.get(e.to)! })));
  };
  let order = columns.map((c) => [...c]);
  let best = { order: order.map((c) => [...c]), crossings: crossingsOf(order) };
  for (let sweep = 0; sweep < CHAIN_MAP_GEOMETRY.sweeps && best.crossings > 0; sweep++) {
    const rightward = sweep % 2 === 0;
    const rel = new Map<string, number>();
    order.forEach((c) => c.forEach((id, k) => rel.set(id, (k + 0.5) / c.length)));
    const indices = order.map((_, i) => i);
    for (const ci of rightward ? indices.slice(1) : indices.slice(0, -1).reverse()) {
      const isFixed = (other: number): boolean => (rightward ? other < ci : other > ci);
      const bary = (id: string): number => {
        let sum = 0;
        let wsum = 0;
        for (const e of edges) {
          const other = e.from === id ? e.to : e.to === id ? e.from : undefined;
          if (other === undefined || !isFixed(colOf.get(other)!)) continue;
          sum += e.weight * rel.get(other)!;
          wsum += e.weight;
        }
        return wsum > 0 ? sum / wsum : rel.get(id)!;
      };
      const keyed = order[ci]!.map((id, k) => ({ id, k, b: bary(id) }));
      keyed.sort((a, b) => a.b - b.b || a.k - b.k);
      order[ci] = keyed.map((x) => x.id);
      order[ci]!.forEach((id, k) => rel.set(id, (k + 0.5) / order[ci]!.length));
    }
    const c = crossingsOf(order);
    if (c < best.crossings) best = { order: order.map((col) => [...col]), crossings: c };
    order = order.map((col) => [...col]);
  }
  return best;
}

/**
 * Lay out a chain map: columns upstream → midstream → downstream (a stage splits into two columns when
 * its segments feed each other), cross-industry suppliers in a column on the left and buyers on the
 * right; node order within columns by a few barycentre sweeps, keeping the order with the fewest
 * crossings. Deterministic: the start order is the data's order and ties keep it.
 *
 * @param map - nodes and edges of one industry (see `buildHandbook`)
 * @param sizes - node heights when labels need more room than `CHAIN_MAP_GEOMETRY` gives
 * @returns columns, node boxes and the overall size
 * @example
 * const layout = layoutChainMap(handbook.chapters[0]!.map);
 * layout.nodes.get('nf-primary-aluminium')?.x;
 */
export function layoutChainMap(map: ChainMapData, sizes: { readonly nodeHeight?: number; readonly externalHeight?: number } = {}): ChainMapLayout {
  const g = { ...CHAIN_MAP_GEOMETRY, ...sizes };
  const specs: ColumnSpec[] = [];
  const extIn = map.nodes.filter((n) => n.external && n.side === 'in').map((n) => n.id);
  const extOut = map.nodes.filter((n) => n.external && n.side !== 'in').map((n) => n.id);
  if (extIn.length > 0) specs.push({ kind: 'in', ids: extIn });
  for (const stage of STAGES) for (const ids of subColumns(map, stage)) specs.push({ kind: 'stage', stage, ids });
  if (extOut.length > 0) specs.push({ kind: 'out', ids: extOut });
  const { order, crossings } = orderColumns(
    specs.map((s) => s.ids),
    map,
  );
  const heightOf = (s: ColumnSpec): number => (s.kind === 'stage' ? g.nodeHeight : g.externalHeight);
  const widthOf = (s: ColumnSpec): number => (s.kind === 'stage' ? g.nodeWidth : g.externalWidth);
  const colHeight = (s: ColumnSpec, n: number): number => n * heightOf(s) + Math.max(0, n - 1) * g.rowGap;
  const bodyHeight = Math.max(g.nodeHeight, ...specs.map((s, i) => colHeight(s, order[i]!.length)));
  const bodyTop = g.margin + g.headerHeight;
  const nodes = new Map<string, LayoutNode>();
  const columns: LayoutColumn[] = [];
  let x = g.margin;
  specs.forEach((s, ci) => {
    const ids = order[ci]!;
    const top = bodyTop + (bodyHeight - colHeight(s, ids.length)) / 2;
    ids.forEach((id, k) => nodes.set(id, { id, column: ci, x, y: top + k * (heightOf(s) + g.rowGap), width: widthOf(s), height: heightOf(s) }));
    columns.push({ kind: s.kind, ...(s.stage !== undefined ? { stage: s.stage } : {}), x, width: widthOf(s), nodes: ids });
    x += widthOf(s) + g.columnGap;
  });
  const width = Math.max(x - g.columnGap + g.margin, 560);
  return { width, height: bodyTop + bodyHeight + g.legendHeight + g.margin, bodyTop, bodyHeight, columns, nodes, crossings };
}
