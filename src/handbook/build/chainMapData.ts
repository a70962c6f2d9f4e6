import { GAP_KIND_LABELS } from '../../gaps/types.js';
import { REVENUE_BANDS, type Enterprise, type Segment } from '../../schema/index.js';
import type { ChainMapData, MapEdge, MapNode } from '../types.js';
import { nameOf, round, t, type BuildContext } from './context.js';

const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团公司)$/u;
const EN_SUFFIX = /,?\s+(Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|Corp\.?|Corporation|Company Limited|Limited)$/i;

/** A firm's name as printed on a chain map node: without the legal suffix (有限公司, Co., Ltd.). */
export function shortFirmName(name: string): string {
  const s = name.replace(LEGAL_SUFFIX, '').replace(EN_SUFFIX, '').trim();
  return s === '' ? name : s;
}

const size = (e: Enterprise): number => e.revenue ?? (e.revenueBand !== undefined ? REVENUE_BANDS[e.revenueBand].min : 0);

/** Names of the active local firms on a segment: chain leaders first, then by revenue desc, then id. */
export function segmentFirmNames(segment: string, ctx: BuildContext): string[] {
  return (ctx.index.enterprisesBySegment.get(segment) ?? [])
    .filter((e) => e.status !== 'closed')
    .sort((a, b) => Number(b.chainLeader === true) - Number(a.chainLeader === true) || size(b) - size(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => shortFirmName(nameOf(ctx, e)));
}

function node(seg: Segment, ctx: BuildContext, external: boolean, side?: 'in' | 'out'): MapNode {
  const gap = ctx.gapBySegment.get(seg.id);
  const kind = gap?.kind ?? 'none';
  const industry = ctx.index.industryById.get(seg.industry);
  return {
    id: seg.id,
    name: nameOf(ctx, seg),
    industry: seg.industry,
    industryName: industry ? nameOf(ctx, industry) : seg.industry,
    stage: seg.stage,
    kind,
    kindLabel: t(ctx, GAP_KIND_LABELS[kind]),
    presence: round(gap?.measures.presence ?? 0, 4),
    priority: round(gap?.priority ?? 0, 4),
    firmCount: gap?.measures.firmCount ?? 0,
    external,
    ...(side !== undefined ? { side } : {}),
    ...(external ? {} : { firms: segmentFirmNames(seg.id, ctx) }),
  };
}

/**
 * The nodes and edges of one industry's chain map: its segments in dataset order, plus the heaviest
 * cross-industry neighbours (at most `maxExternal` per side; a neighbour that both supplies and buys is
 * drawn as a supplier). Edges between two external nodes are left out.
 */
export function chainMapData(industryId: string, ctx: BuildContext, maxExternal: number): ChainMapData {
  const segs = ctx.index.segmentsByIndustry.get(industryId) ?? [];
  const inside = new Set(segs.map((s) => s.id));
  const ext = new Map<string, { side: 'in' | 'out'; weight: number }>();
  for (const s of segs) {
    for (const l of ctx.index.inLinks.get(s.id) ?? []) {
      if (inside.has(l.from)) continue;
      const e = ext.get(l.from);
      ext.set(l.from, { side: 'in', weight: (e?.weight ?? 0) + l.weight });
    }
    for (const l of ctx.index.outLinks.get(s.id) ?? []) {
      if (inside.has(l.to)) continue;
      const e = ext.get(l.to);
      ext.set(l.to, { side: e?.side ?? 'out', weight: (e?.weight ?? 0) + l.weight });
    }
  }
  const ranked = [...ext.entries()].sort((a, b) => b[1].weight - a[1].weight || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = (['in', 'out'] as const).flatMap((side) => ranked.filter(([, e]) => e.side === side).slice(0, maxExternal));
  const externalNodes: MapNode[] = [];
  for (const [id, e] of shown) {
    const seg = ctx.index.segmentById.get(id);
    if (seg) externalNodes.push(node(seg, ctx, true, e.side));
  }
  const visible = new Set([...inside, ...externalNodes.map((n) => n.id)]);
  const edges: MapEdge[] = ctx.index.dataset.links
    .filter((l) => visible.has(l.from) && visible.has(l.to) && (inside.has(l.from) || inside.has(l.to)))
    .map((l) => ({ from: l.from, to: l.to, weight: l.weight, crossIndustry: !(inside.has(l.from) && inside.has(l.to)) }));
  return {
    industry: industryId,
    nodes: [...segs.map((s) => node(s, ctx, false)), ...externalNodes],
    edges,
    hiddenExternal: ext.size - externalNodes.length,
  };
}
