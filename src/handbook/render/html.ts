import type { Lang } from '../../errors.js';
import { GAP_KIND_LABELS, type GapKind } from '../../gaps/types.js';
import { regionBarSvg } from '../charts/regionBarSvg.js';
import { scoreHistogramSvg } from '../charts/scoreHistogramSvg.js';
import { GAP_KIND_LEGEND, GAP_KINDS_ORDER, GAP_KINDS_SHOWN, TEXT, pick } from '../labels.js';
import { renderChainMap } from '../svg/renderChainMap.js';
import type { Handbook, HandbookChapter } from '../types.js';
import { escapeHtml as esc } from './escapeHtml.js';
import { fill, fixed, listSep, pct } from './format.js';
import { carriersTables, countChips, dataQualityTable, gapTable, keyTargetPage, kindChip, keyTargetStub, projectTable, shareBar, table, targetCardHtml, targetTable, tx, verifyTable } from './htmlParts.js';
import { renderRouteMap } from '../svg/renderRouteMap.js';
import { interactiveLayer } from '../interactive/interactiveHtml.js';
import { HANDBOOK_CSS } from './htmlStyle.js';

function kindLabels(lang: Lang): Record<GapKind, string> {
  return Object.fromEntries(GAP_KINDS_ORDER.map((k) => [k, pick(GAP_KIND_LABELS[k], lang)])) as Record<GapKind, string>;
}

function kpi(value: string, key: string): string {
  return `<div class="kpi"><div class="v">${value}</div><div class="k">${key}</div></div>`;
}

function cover(hb: Handbook): string {
  const l = hb.lang;
  return (
    `<header class="cover"><div class="inner"><div class="kicker">${l === 'zh' ? '招商图谱' : 'INVESTMENT TARGETING'}</div>` +
    `<h1>${esc(hb.title)}</h1><p class="subtitle">${esc(hb.subtitle)}</p>` +
    `<dl><dt>${tx('date', l)}</dt><dd>${esc(hb.date)}</dd><dt>${tx('datasetAsOf', l)}</dt><dd>${esc(hb.dataset.asOf)}</dd><dt>${tx('dataset', l)}</dt><dd>${esc(hb.dataset.name)}</dd>${hb.version !== undefined && hb.version !== '' ? `<dt>${tx('version', l)}</dt><dd>${esc(hb.version)}</dd>` : ''}</dl>` +
    `<p class="hint">${tx('printHint', l)}</p></div></header>`
  );
}

function toc(hb: Handbook): string {
  const l = hb.lang;
  const n = hb.chapters.length;
  const items = [
    `<li><a href="#overview">${tx('overview', l)}</a></li>`,
    ...hb.chapters.map((c) => `<li><a href="#${esc(c.anchor)}"><span class="num">${c.number}</span>${esc(c.industry.name)}</a></li>`),
    `<li><a href="#projects">${l === 'zh' ? '重点项目清单' : 'Key projects'}</a></li>`,
    `<li><a href="#carriers">${l === 'zh' ? '政策与载体' : 'Policies and parks'}</a></li>`,
    `<li><a href="#visit-plan">${tx('visitPlan', l)}</a></li>`,
    `<li><a href="#appendix">${tx('appendix', l)}</a></li>`,
  ];
  return `<nav class="toc" aria-label="${tx('toc', l)}"><h2>${tx('toc', l)}</h2><ul data-chapters="${n}">${items.join('')}</ul></nav>`;
}

function overview(hb: Handbook): string {
  const l = hb.lang;
  const o = hb.overview;
  const labels = kindLabels(l);
  const kinds = GAP_KINDS_SHOWN;
  const kpis = [kpi(pct(o.city.completeness), tx('completeness', l)), kpi(pct(o.city.localSupplyRate), tx('localSupply', l)), ...kinds.map((k) => kpi(String(o.city.counts[k]), esc(labels[k])))].join('');
  const industries = table(
    [tx('group', l), tx('industry', l), tx('segments', l), tx('localFirms', l), tx('completeness', l), tx('localSupply', l), tx('gapCount', l), tx('kind', l), tx('candidates', l)],
    o.industries.map((r) => [esc(r.group), `<a href="#industry-${esc(r.id)}">${esc(r.name)}</a>`, String(r.segments), String(r.localFirms), shareBar(r.completeness), pct(r.localSupplyRate), String(r.gaps), countChips(r, labels), String(r.candidates)]),
    [2, 3, 5, 6, 8],
  );
  const legend = `<ul class="legend-list">${GAP_KINDS_ORDER.map((k) => `<li>${kindChip(k, labels[k])} ${esc(pick(GAP_KIND_LEGEND[k], l))}</li>`).join('')}</ul>`;
  return (
    `<section class="chapter" id="overview"><h2>${tx('overview', l)}</h2>` +
    `<h3>${tx('cityKpi', l)}</h3><div class="kpis">${kpis}</div>` +
    `<h3>${tx('industries', l)}</h3>${industries}` +
    `<h3>${tx('legend', l)}</h3>${legend}<p class="desc">${tx('chainMapNote', l)}</p>` +
    `<h3>${tx('topGaps', l)}</h3>${o.topGaps.length > 0 ? gapTable(o.topGaps, l, true) : `<p class="empty">${tx('noGaps', l)}</p>`}` +
    `<h3>${tx('topTargets', l)}</h3>${o.topTargets.length > 0 ? targetTable(o.topTargets, l) : `<p class="empty">${tx('noTargets', l)}</p>`}` +
    `<h3>${tx('toVerify', l)}${l === 'zh' ? `（${o.toVerify.length}）` : ` (${o.toVerify.length})`}</h3><p class="desc">${tx('toVerifyNote', l)}${tx('toVerifyWhere', l)}</p>${o.toVerify.length > 0 ? verifyTable(o.toVerify, l) : `<p class="empty">${tx('noToVerify', l)}</p>`}` +
    `</section>`
  );
}

function chapter(c: HandbookChapter, hb: Handbook): string {
  const l = hb.lang;
  const r = c.industry;
  const kpis = [kpi(String(r.segments), tx('segments', l)), kpi(pct(r.completeness), tx('completeness', l)), kpi(pct(r.localSupplyRate), tx('localSupply', l)), kpi(String(r.gaps), tx('gapCount', l)), kpi(String(r.localFirms), tx('localFirms', l)), kpi(String(r.candidates), tx('candidates', l))].join('');
  const hidden = c.map.hiddenExternal > 0 ? ` ${esc(fill(pick(TEXT.hiddenExternal, l), { n: c.map.hiddenExternal }))}` : '';
  const id = c.industry.id.replace(/[^a-z0-9_-]/gi, '_');
  const charts =
    `<div class="charts"><figure class="chart">${scoreHistogramSvg(c.charts.scoreDistribution, l, `h-${id}`)}<figcaption>${tx('scoreDistribution', l)}</figcaption></figure>` +
    `<figure class="chart">${regionBarSvg(c.charts.targetsByRegion, l, `r-${id}`)}<figcaption>${tx('targetsByRegion', l)}${l === 'zh' ? '。' : '. '}${tx('regionNote', l)}</figcaption></figure></div>`;
  return (
    `<section class="chapter" id="${esc(c.anchor)}" data-industry="${esc(r.id)}" data-segments="${r.segments}">` +
    `<h2><span class="num">${c.number}</span>${esc(r.name)}<small>${esc(r.group)}</small></h2>` +
    (c.description !== '' ? `<p class="desc">${esc(c.description)}</p>` : '') +
    `<div class="kpis">${kpis}</div><p>${countChips(r, kindLabels(l))}</p>` +
    `<h3>${tx('chainMap', l)}</h3><figure class="map" data-industry="${esc(r.id)}">${renderChainMap(c.map, l, r.name)}<figcaption>${tx('chainMapNote', l)}${hidden}</figcaption></figure>` +
    `<h3>${tx('gapTable', l)}</h3>${c.gaps.length > 0 ? gapTable(c.gaps, l, false) : `<p class="empty">${tx('noGaps', l)}</p>`}` +
    `<h3>${tx('targets', l)}</h3>${c.targets.length > 0 ? targetCards(c, l) : `<p class="empty">${tx('noTargets', l)}</p>`}` +
    (c.projects.length > 0 ? `<h3>${l === 'zh' ? '重点项目' : 'Key projects'}</h3>${projectTable(c.projects, l, false)}` : '') +
    `<h3>${tx('charts', l)}</h3>${charts}` +
    keyTargetPages(c, hb) +
    `</section>`
  );
}

/**
 * The chapter's target cards. A target with its own key target page (`keyTargets`) is listed in one line that links
 * to that page instead of a second card (issue 18: one card per key target); the others get their card.
 */
function targetCards(c: HandbookChapter, l: Lang): string {
  const keyed = new Map(c.keyTargets.map((k) => [k.id, k]));
  const stubs = c.targets.filter((t) => keyed.has(t.id)).map((t) => keyTargetStub(t, keyTargetAnchor(c, t.rank), l));
  const cards = c.targets.filter((t) => !keyed.has(t.id)).map((t) => targetCardHtml(t, l));
  return (stubs.length > 0 ? `<ul class="card-stubs">${stubs.join('')}</ul>` : '') + (cards.length > 0 ? `<div class="cards">${cards.join('\n')}</div>` : '');
}

/** The id of a key target's page in a chapter. */
function keyTargetAnchor(c: HandbookChapter, rank: number): string {
  return `${c.anchor}-key-${rank}`;
}

/** The chapter's key targets, one printed page each (issue 18). */
function keyTargetPages(c: HandbookChapter, hb: Handbook): string {
  if (c.keyTargets.length === 0) return '';
  const l = hb.lang;
  const head = l === 'zh' ? `重点目标企业（前 ${c.keyTargets.length} 家）` : `Key targets (top ${c.keyTargets.length})`;
  return `<div class="keycards"><h3 class="keycards-head">${esc(head)}</h3>${c.keyTargets.map((k) => keyTargetPage(k, l, hb.city.name, keyTargetAnchor(c, k.rank))).join('\n')}</div>`;
}

/** 重点项目清单 (issue 18): every project of the dataset, with its source; fields no source states read 未注明. */
function projectsHtml(hb: Handbook): string {
  const l = hb.lang;
  const rows = hb.projects ?? [];
  const intro = l === 'zh' ? '来自数据集 projects.json 的重点项目；未见原文的投资额、投资方与阶段标为“未注明”，不作估计。' : 'Key projects from the dataset’s projects.json; an amount, investor or stage no source states reads “not stated” and is not estimated.';
  return `<section class="chapter" id="projects"><h2>${l === 'zh' ? '重点项目清单' : 'Key projects'}</h2><p class="desc">${esc(intro)}</p>${rows.length > 0 ? projectTable(rows, l, true) : `<p class="empty">${l === 'zh' ? '数据集中没有重点项目记录（projects.json）' : 'No project records in the dataset (projects.json)'}</p>`}</section>`;
}

/** 政策与载体 (issue 18): parks and policies with their sources. */
function carriersHtml(hb: Handbook): string {
  const l = hb.lang;
  const c = hb.carriers ?? { parks: [], policies: [] };
  return `<section class="chapter" id="carriers"><h2>${l === 'zh' ? '政策与载体' : 'Policies and parks'}</h2>${carriersTables(c.parks, c.policies, l)}</section>`;
}

function visitPlanHtml(hb: Handbook): string {
  const l = hb.lang;
  const v = hb.visitPlan;
  const regions = table([tx('region', l), tx('firms', l), tx('cities', l)], v.regions.map((r) => [esc(r.region), String(r.firms), String(r.cities)]), [1, 2], true);
  const stops = v.stops.map((s) => {
    const facts = [s.regions.join(' · '), s.distanceKm !== null ? `${s.distanceKm} km` : '', s.railHours !== null ? `${pick(TEXT.rail, l)} ${fixed(s.railHours, 1)} h` : '', `${s.firms.length} ${l === 'zh' ? '家' : s.firms.length === 1 ? 'firm' : 'firms'}`].filter((x) => x !== '');
    const name = l === 'zh' && s.province !== s.city ? `${s.province}${s.city}` : s.city;
    const rows = s.firms.map((f) => [`<b>${esc(f.name)}</b>`, esc(f.industries.join(listSep(l))), fixed(f.score), esc(f.approach)]);
    return `<div class="stop"><h4>${esc(name)}<small>${esc(facts.join('｜'))}</small></h4>${table([tx('company', l), tx('industry', l), tx('score', l), tx('approach', l)], rows, [2])}</div>`;
  });
  const route = renderRouteMap(v, l);
  const routeFig = route !== '' ? `<h3>${l === 'zh' ? '招商线路图' : 'Route map'}</h3><figure class="route">${route}<figcaption>${l === 'zh' ? '每个区域一条线路：从本市出发，按就近顺序走访各城市后返回；圆点大小 = 走访企业数；距离为直线距离，实际行程以交通为准。' : 'One trip per region: from the city, the stops in nearest-next order, and back; dot size = firms to visit; distances are straight-line, actual travel differs.'}</figcaption></figure>` : '';
  return `<section class="chapter" id="visit-plan"><h2>${tx('visitPlan', l)}</h2><p class="desc">${tx('visitIntro', l)}</p>${routeFig}<h3>${tx('visitRegions', l)}</h3>${regions}<div class="stops">${stops.join('\n')}</div></section>`;
}

/**
 * The sources of the appendix: public sources as a numbered list (mirrors labelled 转载/镜像, with the original
 * publication when known and the mirror address marked as a copy), then the project's own compilations in a separate
 * note, labelled 本项目整理（非公开出处） and not numbered as sources.
 */
function sourcesHtml(sources: Handbook['appendix']['sources'], l: Lang): string {
  const sep = l === 'zh' ? '：' : ': ';
  const item = (s: Handbook['appendix']['sources'][number]): string => {
    if (s.kind === 'published') return `<li>${esc(s.title)}${s.url !== '' ? ` <code>${esc(s.url)}</code>` : ''}${s.note !== '' ? `<br><span class="desc">${esc(s.note)}</span>` : ''}</li>`;
    const original = s.original !== '' ? `${l === 'zh' ? '原载' : 'Originally published by'}${sep}${esc(s.original)}` : l === 'zh' ? '原始出处未能确定' : 'original publication not identified';
    const copy = s.url !== '' ? `${l === 'zh' ? '；转载地址（非原始出处）' : '; copy at (not the original)'}${sep}<code>${esc(s.url)}</code>` : '';
    return `<li class="src-mirror"><span class="chip list">${esc(s.kindLabel)}</span>${esc(s.title)}<br><span class="desc">${original}${copy}</span>${s.note !== '' ? `<br><span class="desc">${esc(s.note)}</span>` : ''}</li>`;
  };
  const ordered = [...sources.filter((s) => s.kind === 'published'), ...sources.filter((s) => s.kind === 'mirror')];
  const internal = sources.filter((s) => s.kind === 'internal');
  const internalHtml =
    internal.length > 0
      ? `<p class="desc src-internal">${internal.map((s) => `<span class="chip list">${esc(s.kindLabel)}</span>${esc(s.title)}`).join(l === 'zh' ? '；' : '; ')}${l === 'zh' ? '。以上为本项目整理的工作材料，不是公开出处，不作为引用来源；引用其中的事实，请以其列出的原始出处核对。' : '. This is the project’s own working material, not a public source and not to be cited; check any fact from it against the original source it names.'}</p>`
      : '';
  return `<ol>${ordered.map(item).join('')}</ol>${internalHtml}`;
}

function appendixHtml(hb: Handbook): string {
  const l = hb.lang;
  const a = hb.appendix;
  const sep = l === 'zh' ? '：' : ': ';
  const semi = l === 'zh' ? '；' : '; ';
  const weights = table([tx('feature', l), tx('weight', l)], a.weights.map((w) => [esc(w.feature === 'risk' ? pick(TEXT.riskPenalty, l) : w.label), fixed(w.weight, 3)]), [1], true);
  const sources = sourcesHtml(a.sources, l);
  const estimates = table(['', tx('count', l), tx('total', l)], a.estimates.map((e) => [esc(e.label), String(e.count), String(e.total)]), [1, 2], true);
  return (
    `<section class="chapter" id="appendix"><h2>${tx('appendix', l)}</h2>` +
    `<h3>${tx('weights', l)}</h3><p>${tx('method', l)}${sep}${esc(a.methodLabel)}${semi}${tx('preset', l)}${sep}${esc(a.preset)}</p>${weights}` +
    `<h3>${tx('methodNotes', l)}</h3>${a.notes.map((n) => `<p>${esc(n)}</p>`).join('')}` +
    `<h3>${tx('estimates', l)}</h3>${estimates}` +
    (a.dataQuality !== undefined && a.dataQuality.length > 0 ? `<h3>${l === 'zh' ? '数据质量说明' : 'Data quality'}</h3><p class="desc">${l === 'zh' ? '哪些数字是估计、哪些空白未经核实、哪些记录已旧；引用前请核对。' : 'Which figures are estimates, which absences are unverified, which records are old; check before quoting.'}</p>${dataQualityTable(a.dataQuality, l)}` : '') +
    `<h3>${tx('sources', l)}</h3><p>${tx('datasetAsOf', l)}${sep}${esc(a.datasetAsOf)}${a.datasetVersion !== '' ? `${semi}${tx('version', l)}${sep}${esc(a.datasetVersion)}` : ''}</p>${sources}</section>`
  );
}

/** Options of `renderHtml`. */
export interface RenderHtmlOptions {
  /**
   * The ECharts browser build (`readEchartsBrowserBuild()`): when given, the page carries the interactive 招商图谱
   * (`interactiveLayer`) — each chain map zoomable, filterable and clickable — on top of the static SVG, which stays for
   * print and for readers without JavaScript.
   */
  readonly echartsJs?: string;
}

/**
 * Render the handbook as one self-contained HTML page: inline CSS and SVG (chain maps, ECharts charts),
 * no network and no script but the interactive layer's when `options.echartsJs` is given (a Content-Security-Policy
 * admits those by hash and forbids the rest), system CJK fonts, a table of contents,
 * print rules (A4 landscape, numbered pages, a page break before each industry chapter; see `HANDBOOK_CSS`), tables in
 * sideways-scrolling boxes for phones. All data text is escaped.
 *
 * @param handbook - from `buildHandbook`
 * @returns the HTML document
 * @example
 * await writeFile('out/index.html', renderHtml(buildHandbook(liaocheng())));
 */
export function renderHtml(handbook: Handbook, options: RenderHtmlOptions = {}): string {
  const l = handbook.lang;
  const layer = options.echartsJs !== undefined ? interactiveLayer(handbook, options.echartsJs) : undefined;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${layer !== undefined ? `; ${layer.scriptSrc}` : ''}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${l === 'zh' ? 'zh-CN' : 'en'}">`,
    `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(handbook.title)}</title><style>${HANDBOOK_CSS}</style></head>`,
    '<body>',
    cover(handbook),
    '<main>',
    toc(handbook),
    overview(handbook),
    ...handbook.chapters.map((c) => chapter(c, handbook)),
    projectsHtml(handbook),
    carriersHtml(handbook),
    visitPlanHtml(handbook),
    appendixHtml(handbook),
    `<footer>${esc(handbook.title)} · ${esc(handbook.dataset.id)} · ${esc(handbook.date)} · chain-targeting</footer>`,
    '</main>',
    ...(layer !== undefined ? [layer.scripts] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
