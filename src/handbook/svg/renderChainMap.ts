import type { Lang } from '../../errors.js';
import { GAP_KIND_LABELS } from '../../gaps/types.js';
import { GAP_KIND_BADGE, GAP_KIND_COLORS, GAP_KINDS_ORDER, STAGE_LABELS, TEXT, pick } from '../labels.js';
import { escapeHtml as esc } from '../render/escapeHtml.js';
import type { ChainMapData, MapEdge, MapNode } from '../types.js';
import { CHAIN_MAP_GEOMETRY as G, layoutChainMap, type ChainMapLayout, type LayoutNode } from './layoutChainMap.js';
import { textWidthEm, wrapLabel } from './wrapLabel.js';

/** The font stack of maps and pages: system CJK fonts first, no web fonts (the handbook works offline). */
export const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const EDGE_COLOR = '#5b6b7d';
const CROSS_COLOR = '#97a3b0';
const TEXT_COLOR = '#1f2933';

const n1 = (x: number): string => String(Math.round(x * 10) / 10);

type Side = 'left' | 'right';

interface Route {
  readonly edge: MapEdge;
  readonly from: LayoutNode;
  readonly to: LayoutNode;
  readonly fromSide: Side;
  readonly toSide: Side;
}

/** Which sides an edge leaves and enters: forward edges go right → left; same-column edges loop on the right; backward edges go left → right. */
function routeOf(edge: MapEdge, layout: ChainMapLayout): Route | undefined {
  const from = layout.nodes.get(edge.from);
  const to = layout.nodes.get(edge.to);
  if (from === undefined || to === undefined) return undefined;
  if (to.column > from.column) return { edge, from, to, fromSide: 'right', toSide: 'left' };
  if (to.column === from.column) return { edge, from, to, fromSide: 'right', toSide: 'right' };
  return { edge, from, to, fromSide: 'left', toSide: 'right' };
}

/** Spread the ends of the edges on each node side, ordered by the other end's height, so lines do not bunch. */
function portsOf(routes: readonly Route[]): Map<string, number> {
  const bySide = new Map<string, { key: string; otherY: number; node: LayoutNode }[]>();
  routes.forEach((r, i) => {
    const ends = [
      { node: r.from, side: r.fromSide, other: r.to, key: `${i}:from` },
      { node: r.to, side: r.toSide, other: r.from, key: `${i}:to` },
    ];
    for (const end of ends) {
      const k = `${end.node.id}|${end.side}`;
      const list = bySide.get(k) ?? [];
      list.push({ key: end.key, otherY: end.other.y + end.other.height / 2, node: end.node });
      bySide.set(k, list);
    }
  });
  const out = new Map<string, number>();
  for (const list of bySide.values()) {
    list.sort((a, b) => a.otherY - b.otherY || (a.key < b.key ? -1 : 1));
    list.forEach((p, k) => out.set(p.key, p.node.y + 8 + ((p.node.height - 16) * (k + 0.5)) / list.length));
  }
  return out;
}

function edgePath(r: Route, y1: number, y2: number): string {
  const x1 = r.fromSide === 'right' ? r.from.x + r.from.width : r.from.x;
  const x2 = r.toSide === 'left' ? r.to.x : r.to.x + r.to.width;
  const bend = r.fromSide === r.toSide ? 34 : Math.max(24, Math.abs(x2 - x1) / 2);
  const c1 = r.fromSide === 'right' ? x1 + bend : x1 - bend;
  const c2 = r.toSide === 'left' ? x2 - bend : x2 + bend;
  return `M${n1(x1)} ${n1(y1)} C${n1(c1)} ${n1(y1)} ${n1(c2)} ${n1(y2)} ${n1(x2)} ${n1(y2)}`;
}

function renderEdges(map: ChainMapData, layout: ChainMapLayout, markerId: string): string {
  const routes = map.edges.map((e) => routeOf(e, layout)).filter((r): r is Route => r !== undefined);
  const ports = portsOf(routes);
  const order = routes.map((r, i) => ({ r, i })).sort((a, b) => a.r.edge.weight - b.r.edge.weight || a.i - b.i);
  return order
    .map(({ r, i }) => {
      const cross = r.edge.crossIndustry;
      const width = 0.8 + 4.2 * Math.min(1, r.edge.weight);
      const title = `<title>${esc(r.edge.from)} → ${esc(r.edge.to)} (${r.edge.weight.toFixed(2)})</title>`;
      return `<path d="${edgePath(r, ports.get(`${i}:from`)!, ports.get(`${i}:to`)!)}" fill="none" stroke="${cross ? CROSS_COLOR : EDGE_COLOR}" stroke-opacity="${cross ? 0.75 : 0.55}" stroke-width="${n1(width)}"${cross ? ' stroke-dasharray="5 4"' : ''} marker-end="url(#${markerId}-${cross ? 'x' : 'i'})" data-edge="${esc(r.edge.from)}>${esc(r.edge.to)}">${title}</path>`;
    })
    .join('\n');
}

function nodeTitle(n: MapNode, lang: Lang): string {
  const p = n.presence.toFixed(2);
  const q = n.priority.toFixed(2);
  // The full firm names: the map's firm line may shorten the list to +N.
  const firms = (n.firms ?? []).join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `${n.name}（${n.industryName}）｜${n.kindLabel}｜存在度 ${p}｜优先级 ${q}｜本地企业 ${n.firmCount} 家${firms !== '' ? `：${firms}` : ''}`
    : `${n.name} (${n.industryName}) | ${n.kindLabel} | presence ${p} | priority ${q} | local firms ${n.firmCount}${firms !== '' ? `: ${firms}` : ''}`;
}

function textLines(lines: readonly string[], cx: number, cy: number, size: number, color: string, weight = 'normal'): string {
  const lh = size + 2;
  return lines
    .map((line, k) => `<text x="${n1(cx)}" y="${n1(cy - ((lines.length - 1) * lh) / 2 + k * lh)}" font-size="${size}" font-weight="${weight}" fill="${color}" text-anchor="middle" dominant-baseline="central">${esc(line)}</text>`)
    .join('');
}

interface NodeText {
  readonly lines: readonly string[];
  readonly sub: readonly string[];
  readonly size: number;
}

/** Font size of the firm line under a segment's name. */
const FIRM_SIZE = 9.5;

/**
 * The local firms of a segment as one line that fits `maxEm`: as many names as fit, then 等N家 / +N.
 *
 * @example
 * firmsLine(['信发集团', '信源集团', '友升铝业'], 11, 'zh'); // '信发集团、信源集团等3家'
 */
export function firmsLine(firms: readonly string[], maxEm: number, lang: Lang): string {
  if (firms.length === 0) return '';
  const sep = lang === 'zh' ? '、' : ', ';
  const more = (k: number): string => (k >= firms.length ? '' : lang === 'zh' ? `等${firms.length}家` : ` +${firms.length - k}`);
  for (let k = firms.length; k >= 1; k--) {
    const text = `${firms.slice(0, k).join(sep)}${more(k)}`;
    if (textWidthEm(text) <= maxEm) return text;
  }
  const first = wrapLabel(firms[0]!, maxEm - textWidthEm(more(1)), 1)[0] ?? '';
  return `${first}${more(1)}`;
}

/** Does a wrapped label show the whole text (no … added)? */
const whole = (lines: readonly string[], text: string): boolean => !(lines[lines.length - 1]?.endsWith('…') === true && !text.endsWith('…'));

/** Font size of the industry line under a cross-industry neighbour's name. */
const EXTERNAL_SUB_SIZE = 9.5;

/**
 * The firm lines of a segment: in Chinese one line (names, then 等N家); in English, where names are long, the
 * longest list of whole names (then +N) that wraps into two lines, or three when even the first name needs them.
 */
function firmLines(firms: readonly string[], firmEm: number, lang: Lang): string[] {
  if (lang === 'zh') return [firmsLine(firms, firmEm, lang)];
  for (const maxLines of [2, 3]) {
    for (let budget = maxLines * firmEm - 1; budget >= firmEm / 2; budget -= 0.5) {
      const text = firmsLine(firms, budget, lang);
      const lines = wrapLabel(text, firmEm, maxLines);
      if (whole(lines, text) && !text.includes('…')) return lines;
    }
  }
  return wrapLabel(firmsLine(firms, 3 * firmEm - 1, lang), firmEm, 3);
}

/** Wrap a name at the first of the (font size, lines) steps where it shows whole; the last step otherwise. */
function fitName(name: string, width: number, steps: readonly (readonly [number, number])[]): { lines: string[]; size: number } {
  for (const [size, maxLines] of steps) {
    const lines = wrapLabel(name, width / size, maxLines);
    if (whole(lines, name)) return { lines, size };
  }
  const [size, maxLines] = steps[steps.length - 1]!;
  return { lines: wrapLabel(name, width / size, maxLines), size };
}

function nodeText(n: MapNode, lang: Lang): NodeText {
  if (n.external) {
    // English names and industry names are longer: more lines and, when still too long, a smaller font.
    const { lines, size } = fitName(n.name, G.externalWidth - 10, lang === 'zh' ? [[10.5, 2]] : [[10.5, 3], [10.5, 4], [9.5, 4], [9, 5]]);
    return { lines, sub: wrapLabel(n.industryName, (G.externalWidth - 10) / EXTERNAL_SUB_SIZE, lang === 'zh' ? 1 : 2), size };
  }
  const firmEm = (G.nodeWidth - 12) / FIRM_SIZE;
  const sub = n.firms !== undefined && n.firms.length > 0 ? firmLines(n.firms, firmEm, lang) : [];
  if (lang === 'zh') return { lines: wrapLabel(n.name, (G.nodeWidth - 14) / 12, 2), sub, size: 12 };
  // English names are longer: more lines and, when still too long, a smaller font, so labels stay whole inside the box.
  const { lines, size } = fitName(n.name, G.nodeWidth - 14, [[11, 3], [11, 4], [10, 4], [9.5, 5]]);
  return { lines, sub, size };
}

function renderNode(n: MapNode, box: LayoutNode, text: NodeText, lang: Lang): string {
  const { x, y, width: w, height: h } = box;
  const title = `<title>${esc(nodeTitle(n, lang))}</title>`;
  if (n.external) {
    const lh = text.size + 2;
    const subH = text.sub.length * (EXTERNAL_SUB_SIZE + 2);
    const block = text.lines.length * lh + subH;
    const top = (h - block) / 2;
    return (
      `<g data-external="${esc(n.id)}" data-kind="${esc(n.kind)}" transform="translate(${n1(x)} ${n1(y)})">${title}` +
      `<rect width="${w}" height="${h}" rx="6" fill="#f4f6f8" stroke="#9aa5b1" stroke-dasharray="4 3"/>` +
      textLines(text.lines, w / 2, top + (text.lines.length * lh) / 2, text.size, '#3e4c59') +
      textLines(text.sub, w / 2, top + text.lines.length * lh + subH / 2, EXTERNAL_SUB_SIZE, '#7b8794') +
      `</g>`
    );
  }
  const color = GAP_KIND_COLORS[n.kind];
  const badge = pick(GAP_KIND_BADGE[n.kind], lang);
  const barW = (w - 12) * Math.max(0, Math.min(1, n.presence));
  const firmH = text.sub.length > 0 ? text.sub.length * (FIRM_SIZE + 2) + 2 : 0;
  const nameH = text.lines.length * (text.size + 2);
  const top = (h - 5 - nameH - firmH) / 2;
  return (
    `<g data-segment="${esc(n.id)}" data-kind="${esc(n.kind)}" transform="translate(${n1(x)} ${n1(y)})">${title}` +
    `<rect width="${w}" height="${h}" rx="6" fill="${color.fill}" stroke="${color.stroke}" stroke-width="1.4"/>` +
    textLines(text.lines, w / 2, top + nameH / 2, text.size, TEXT_COLOR) +
    (text.sub.length > 0 ? `<g class="firms">${textLines(text.sub, w / 2, top + nameH + firmH / 2 + 1, FIRM_SIZE, '#3e4c59')}</g>` : '') +
    `<rect x="6" y="${h - 6}" width="${w - 12}" height="3" rx="1.5" fill="#ffffff" fill-opacity="0.8"/>` +
    (barW > 0 ? `<rect x="6" y="${h - 6}" width="${n1(barW)}" height="3" rx="1.5" fill="${color.stroke}"/>` : '') +
    (badge !== ''
      ? `<circle cx="0" cy="0" r="8.5" fill="${color.stroke}" stroke="#ffffff" stroke-width="1.5"/><text x="0" y="0.5" font-size="10" font-weight="bold" fill="#ffffff" text-anchor="middle" dominant-baseline="central">${badge}</text>`
      : '') +
    `</g>`
  );
}

function renderBands(layout: ChainMapLayout, lang: Lang): string {
  const out: string[] = [];
  const top = G.margin;
  const bottom = layout.bodyTop + layout.bodyHeight + 8;
  const groups = new Map<string, { x0: number; x1: number; label: string; external: boolean }>();
  for (const c of layout.columns) {
    const key = c.kind === 'stage' ? `stage:${c.stage}` : c.kind;
    const label = c.kind === 'stage' ? pick(STAGE_LABELS[c.stage!], lang) : pick(c.kind === 'in' ? TEXT.externalIn : TEXT.externalOut, lang);
    const g = groups.get(key);
    groups.set(key, { x0: g?.x0 ?? c.x, x1: c.x + c.width, label, external: c.kind !== 'stage' });
  }
  for (const g of groups.values()) {
    const pad = G.columnGap / 2 - 6;
    out.push(`<rect x="${n1(g.x0 - pad)}" y="${top}" width="${n1(g.x1 - g.x0 + 2 * pad)}" height="${n1(bottom - top)}" rx="8" fill="${g.external ? '#fafbfc' : '#f1f4f8'}"/>`);
    out.push(`<text x="${n1((g.x0 + g.x1) / 2)}" y="${top + 15}" font-size="${g.external ? 11 : 13}" font-weight="${g.external ? 'normal' : 'bold'}" fill="${g.external ? '#7b8794' : '#3e4c59'}" text-anchor="middle" dominant-baseline="central">${esc(g.label)}</text>`);
  }
  return out.join('\n');
}

function renderLegend(layout: ChainMapLayout, lang: Lang): { markup: string; bottom: number } {
  const items: { svg: (x: number, y: number) => string; label: string }[] = GAP_KINDS_ORDER.map((k) => ({
    svg: (x, y) =>
      `<rect x="${x}" y="${y - 7}" width="16" height="14" rx="3" fill="${GAP_KIND_COLORS[k].fill}" stroke="${GAP_KIND_COLORS[k].stroke}" stroke-width="1.4"/>` +
      `<text x="${x + 8}" y="${y + 0.5}" font-size="9.5" font-weight="bold" fill="${GAP_KIND_COLORS[k].stroke}" text-anchor="middle" dominant-baseline="central">${pick(GAP_KIND_BADGE[k], lang)}</text>`,
    label: pick(GAP_KIND_LABELS[k], lang),
  }));
  items.push({ svg: (x, y) => `<rect x="${x}" y="${y - 7}" width="16" height="14" rx="3" fill="#f4f6f8" stroke="#9aa5b1" stroke-dasharray="3 2"/>`, label: pick(TEXT.external, lang) });
  items.push({
    svg: (x, y) => `<path d="M${x} ${y - 4}h16" stroke="${EDGE_COLOR}" stroke-width="1"/><path d="M${x} ${y + 3}h16" stroke="${EDGE_COLOR}" stroke-width="4"/>`,
    label: lang === 'zh' ? '线宽 = 关联强度' : 'line width = link strength',
  });
  items.push({
    svg: (x, y) => `<rect x="${x}" y="${y - 2}" width="16" height="4" rx="2" fill="#d0d7de"/><rect x="${x}" y="${y - 2}" width="9" height="4" rx="2" fill="#52606d"/>`,
    label: lang === 'zh' ? '色条 = 本地存在度' : 'bar = local presence',
  });
  const out: string[] = [];
  let x = G.margin;
  let y = layout.bodyTop + layout.bodyHeight + 24;
  for (const it of items) {
    const w = 22 + textWidthEm(it.label) * 12 + 18;
    if (x + w > layout.width - G.margin && x > G.margin) {
      x = G.margin;
      y += 20;
    }
    out.push(`${it.svg(x, y)}<text x="${x + 22}" y="${y}" font-size="12" fill="#3e4c59" dominant-baseline="central">${esc(it.label)}</text>`);
    x += w;
  }
  return { markup: `<g class="legend">${out.join('')}</g>`, bottom: y + 10 };
}

/**
 * Render a chain map as a standalone SVG string: stage bands (上游 → 中游 → 下游), segments coloured by
 * gap kind with a one-character badge (建/延/强/补) and a local-presence bar, supply links as curves whose
 * width grows with the link weight (dashed across industries), external neighbours at the sides, and a
 * legend. Every segment node is a `<g data-segment="id">`; external ones are `data-external`.
 *
 * @param map - the chain map data of one chapter
 * @param lang - language of the stage names and legend
 * @param title - accessible name of the figure (default: the industry id)
 * @returns SVG markup (no XML declaration), safe to inline in HTML
 * @example
 * const svg = renderChainMap(handbook.chapters[0]!.map, 'zh');
 */
export function renderChainMap(map: ChainMapData, lang: Lang, title: string = map.industry): string {
  const texts = new Map(map.nodes.map((n) => [n.id, nodeText(n, lang)]));
  const externalInner = Math.max(0, ...map.nodes.filter((n) => n.external).map((n) => {
    const x = texts.get(n.id)!;
    return x.lines.length * (x.size + 2) + x.sub.length * (EXTERNAL_SUB_SIZE + 2);
  }));
  const innerHeight = Math.max(0, ...map.nodes.filter((n) => !n.external).map((n) => {
    const x = texts.get(n.id)!;
    return x.lines.length * (x.size + 2) + (x.sub.length > 0 ? x.sub.length * (FIRM_SIZE + 2) + 2 : 0);
  }));
  const layout = layoutChainMap(map, {
    nodeHeight: Math.max(G.nodeHeight, innerHeight + 18),
    externalHeight: Math.max(G.externalHeight, externalInner + 12),
  });
  const markerId = `cm-${map.industry.replace(/[^a-z0-9_-]/gi, '_')}`;
  const marker = (suffix: string, color: string): string =>
    `<marker id="${markerId}-${suffix}" viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0L8 4L0 8z" fill="${color}"/></marker>`;
  const boxes = map.nodes.map((n) => ({ n, box: layout.nodes.get(n.id) })).filter((x): x is { n: MapNode; box: LayoutNode } => x.box !== undefined);
  const legend = renderLegend(layout, lang);
  const height = Math.ceil(legend.bottom + G.margin / 2);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chain-map" width="${layout.width}" height="${height}" viewBox="0 0 ${layout.width} ${height}" role="img" aria-label="${esc(title)}" font-family="${FONT_STACK}" data-industry="${esc(map.industry)}">`,
    `<defs>${marker('i', EDGE_COLOR)}${marker('x', CROSS_COLOR)}</defs>`,
    renderBands(layout, lang),
    `<g class="edges">${renderEdges(map, layout, markerId)}</g>`,
    `<g class="nodes">${boxes.map(({ n, box }) => renderNode(n, box, texts.get(n.id)!, lang)).join('\n')}</g>`,
    legend.markup,
    `</svg>`,
  ].join('\n');
}
