// The data of the interactive 招商图谱 (issue 18 item 5): for each chapter's chain map, the nodes at the positions of
// the static SVG (the same `layoutChainMap`), the links, and per segment what its panel shows — the gap (kind,
// reasons), the local firms and the best targets. Plain data, serialised into the page by `jsonScript`.
import type { Lang } from '../../errors.js';
import { GAP_KIND_LABELS, type GapKind } from '../../gaps/types.js';
import { GAP_KIND_COLORS, GAP_KIND_LEGEND, GAP_KINDS_ORDER, STAGE_LABELS, pick } from '../labels.js';
import { layoutChainMap } from '../svg/layoutChainMap.js';
import type { GapRow, Handbook, MapNode, TargetCard } from '../types.js';

/**
 * A node of an interactive map: the static map's node (`MapNode`, without its side and firm list) with the stage as
 * display text and the static SVG's position and size, in px.
 */
export interface InteractiveNode extends Omit<MapNode, 'stage' | 'side' | 'firms'> {
  /** The stage as shown (上游/中游/下游 or Upstream …). */
  readonly stage: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One chapter's interactive map. */
export interface InteractiveMap {
  readonly industry: string;
  readonly name: string;
  readonly anchor: string;
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly InteractiveNode[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly weight: number; readonly cross: boolean }[];
  /** Column headers (上游/中游/下游, 上游邻链, 下游邻链) at the top of their column. */
  readonly headers: readonly { readonly label: string; readonly x: number; readonly y: number }[];
}

/** What the panel of a segment shows. */
export interface SegmentDetail {
  readonly reasons: readonly string[];
  /** Names of the local firms on the segment, when the handbook lists them (gap rows do); else only `firmCount` is known. */
  readonly localFirms: readonly string[] | null;
  readonly targets: readonly { readonly id: string; readonly name: string; readonly score: number; readonly hq: string; readonly approach: string; readonly anchor: string }[];
}

/** The whole payload of the interactive maps. */
export interface InteractivePayload {
  readonly lang: Lang;
  readonly maps: Readonly<Record<string, InteractiveMap>>;
  readonly details: Readonly<Record<string, SegmentDetail>>;
  readonly kinds: readonly { readonly kind: GapKind; readonly label: string; readonly legend: string; readonly fill: string; readonly stroke: string }[];
  readonly text: Readonly<Record<keyof typeof UI_TEXT, string>>;
}

/** Fixed text of the interactive layer. */
export const UI_TEXT = Object.freeze({
  industryFilter: { zh: '产业', en: 'Industry' },
  allIndustries: { zh: '全部（本产业与邻链）', en: 'All (this chain and neighbours)' },
  kindFilter: { zh: '缺口类型', en: 'Gap kind' },
  segmentPick: { zh: '环节', en: 'Segment' },
  segmentPrompt: { zh: '— 选择环节 —', en: '— pick a segment —' },
  zoomIn: { zh: '放大', en: 'Zoom in' },
  zoomOut: { zh: '缩小', en: 'Zoom out' },
  reset: { zh: '复位', en: 'Reset' },
  hint: { zh: '滚轮或双指缩放，拖动平移，点击环节查看缺口、本地企业与目标企业。', en: 'Scroll or pinch to zoom, drag to pan, click a segment for its gap, local firms and targets.' },
  presence: { zh: '本地存在度', en: 'Local presence' },
  priority: { zh: '优先级', en: 'Priority' },
  reasons: { zh: '缺口原因', en: 'Why it is a gap' },
  noGap: { zh: '本地已有且较强，未列为缺口。', en: 'Present and strong locally; not a gap.' },
  localFirms: { zh: '本地企业', en: 'Local firms' },
  firmsShort: { zh: '{n} 家', en: '{n} firm(s)' },
  firmCount: { zh: '本地企业记录 {n} 家', en: '{n} local firm(s) on record' },
  noFirms: { zh: '未见本地企业记录', en: 'No local firm on record' },
  targets: { zh: '最佳目标企业', en: 'Best targets' },
  noTargets: { zh: '本手册的目标企业中没有对应此环节的', en: 'None of the handbook’s targets matches this segment' },
  external: { zh: '邻链环节（{industry}）', en: 'Neighbouring chain ({industry})' },
  seeChapter: { zh: '见该产业章节', en: 'See its chapter' },
  close: { zh: '关闭', en: 'Close' },
  shown: { zh: '显示 {n} / {total} 个环节', en: '{n} of {total} segments shown' },
});

const r1 = (x: number): number => Math.round(x * 10) / 10;

function addTarget(into: Map<string, Map<string, SegmentDetail['targets'][number]>>, card: TargetCard, anchor: string): void {
  for (const g of card.matchedGaps) {
    const m = into.get(g.segment) ?? new Map<string, SegmentDetail['targets'][number]>();
    const prev = m.get(card.id);
    if (prev === undefined || prev.score < card.score) m.set(card.id, { id: card.id, name: card.name, score: card.score, hq: card.hq.label, approach: card.approach.label, anchor });
    into.set(g.segment, m);
  }
}

/**
 * The payload of the interactive maps of a handbook: one map per chapter (nodes placed as in the static SVG) and, for
 * every segment drawn, its gap reasons, local firms and up to `maxTargets` best targets (by score, then name) among the
 * handbook's target cards. Deterministic: same handbook, same payload.
 *
 * @param hb - from `buildHandbook`
 * @param maxTargets - targets listed per segment (default 5)
 * @returns the payload
 * @example
 * const p = interactivePayload(buildHandbook(liaocheng()));
 * Object.keys(p.maps).length; // one per chapter
 */
export function interactivePayload(hb: Handbook, maxTargets = 5): InteractivePayload {
  const lang = hb.lang;
  const gapRows = new Map<string, GapRow>();
  for (const g of hb.overview.topGaps) gapRows.set(g.segment, g);
  for (const c of hb.chapters) for (const g of c.gaps) gapRows.set(g.segment, g);
  const targets = new Map<string, Map<string, SegmentDetail['targets'][number]>>();
  for (const c of hb.chapters) for (const t of c.targets) addTarget(targets, t, c.anchor);

  const maps: Record<string, InteractiveMap> = {};
  const details: Record<string, SegmentDetail> = {};
  for (const c of hb.chapters) {
    const layout = layoutChainMap(c.map);
    const nodes: InteractiveNode[] = [];
    for (const n of c.map.nodes) {
      const p = layout.nodes.get(n.id);
      if (p === undefined) continue;
      nodes.push({
        id: n.id,
        name: n.name,
        industry: n.industry,
        industryName: n.industryName,
        stage: pick(STAGE_LABELS[n.stage], lang),
        kind: n.kind,
        kindLabel: n.kindLabel,
        presence: n.presence,
        priority: n.priority,
        firmCount: n.firmCount,
        external: n.external,
        x: r1(p.x + p.width / 2),
        y: r1(p.y + p.height / 2),
        w: p.width,
        h: p.height,
      });
      if (details[n.id] === undefined) {
        const g = gapRows.get(n.id);
        const ts = [...(targets.get(n.id)?.values() ?? [])].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, maxTargets);
        details[n.id] = { reasons: g?.reasons ?? [], localFirms: g !== undefined ? g.localFirms : n.firmCount === 0 ? [] : null, targets: ts };
      }
    }
    const headers = layout.columns.map((col) => ({
      label: col.kind === 'stage' && col.stage !== undefined ? pick(STAGE_LABELS[col.stage], lang) : col.kind === 'in' ? (lang === 'zh' ? '上游邻链' : 'Supplying chains') : lang === 'zh' ? '下游邻链' : 'Buying chains',
      x: r1(col.x + col.width / 2),
      y: layout.bodyTop - 14,
    }));
    maps[c.industry.id] = {
      industry: c.industry.id,
      name: c.industry.name,
      anchor: c.anchor,
      width: layout.width,
      height: layout.bodyTop + layout.bodyHeight + 16,
      nodes,
      edges: c.map.edges.map((e) => ({ from: e.from, to: e.to, weight: e.weight, cross: e.crossIndustry })),
      headers,
    };
  }
  const kinds = GAP_KINDS_ORDER.map((k) => ({ kind: k, label: pick(GAP_KIND_LABELS[k], lang), legend: pick(GAP_KIND_LEGEND[k], lang), ...GAP_KIND_COLORS[k] }));
  const text = Object.fromEntries(Object.entries(UI_TEXT).map(([k, v]) => [k, pick(v, lang)])) as Record<keyof typeof UI_TEXT, string>;
  return { lang, maps, details, kinds, text };
}

