// Display text and colours of the handbook, as data (zh / en). Renderers look text up here; never branch
// on a language elsewhere than `pick`.
import type { Lang } from '../errors.js';
import type { GapKind } from '../gaps/types.js';
import type { Stage } from '../schema/common.js';
import type { FeatureName } from '../scoring/types.js';

/** A text in both languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/**
 * The text of a label in a language.
 *
 * @param label - the zh/en pair
 * @param lang - the language
 * @returns the text
 * @example
 * pick({ zh: '上游', en: 'Upstream' }, 'en'); // 'Upstream'
 */
export function pick(label: Label, lang: Lang): string {
  return lang === 'zh' ? label.zh : label.en;
}

/** Names of the chain stages. */
export const STAGE_LABELS: Readonly<Record<Stage, Label>> = Object.freeze({
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
});

/** Stages in flow order. */
export const STAGES: readonly Stage[] = Object.freeze(['upstream', 'midstream', 'downstream']);

/**
 * Gap kinds in the handbook's display order (legend, counts, chips): the four working ways from 建链 to 补链, then none.
 * The analysis' own order is `GAP_KINDS` (gaps/types.ts); this is the one display order.
 */
export const GAP_KINDS_ORDER: readonly GapKind[] = Object.freeze(['build', 'extend', 'strengthen', 'fill', 'none']);

/** The display order without `none`: the kinds that are gaps. */
export const GAP_KINDS_SHOWN: readonly GapKind[] = Object.freeze(GAP_KINDS_ORDER.filter((k) => k !== 'none'));

/** Legend text of each gap kind on chain maps. */
export const GAP_KIND_LEGEND: Readonly<Record<GapKind, Label>> = Object.freeze({
  build: { zh: '本地几乎未见企业记录的战略性新兴环节', en: 'strategic segment with almost no local firm on record' },
  extend: { zh: '紧邻本地链条、可向上下游延伸', en: 'next to the local chain, up- or downstream' },
  strengthen: { zh: '已有但偏弱（规模小、单一企业、配套低）', en: 'present but weak (small, one firm, low local supply)' },
  fill: { zh: '上下游都在本地、此环节未见本地企业或规模小', en: 'no or little local firm on record, while its neighbours are local' },
  none: { zh: '本地已有且较强', en: 'present and strong' },
});

/** The one-character badge of each gap kind on map nodes (none has no badge). */
export const GAP_KIND_BADGE: Readonly<Record<GapKind, Label>> = Object.freeze({
  build: { zh: '建', en: 'B' },
  extend: { zh: '延', en: 'E' },
  strengthen: { zh: '强', en: 'S' },
  fill: { zh: '补', en: 'F' },
  none: { zh: '', en: '' },
});

/** Colours of each gap kind: a light fill that keeps dark text legible, and a strong stroke for borders and badges. */
export const GAP_KIND_COLORS: Readonly<Record<GapKind, { readonly fill: string; readonly stroke: string }>> = Object.freeze({
  build: { fill: '#e6d9f5', stroke: '#7546b0' },
  extend: { fill: '#d3e4f7', stroke: '#2a6cb8' },
  strengthen: { fill: '#fce6bb', stroke: '#c17d00' },
  fill: { fill: '#f9d0cc', stroke: '#c0392b' },
  none: { fill: '#d4ecd9', stroke: '#2e8049' },
});

/** Colours of the score features in score bars (risk is drawn apart, as a penalty). */
export const FEATURE_COLORS: Readonly<Record<FeatureName, string>> = Object.freeze({
  gapFit: '#c0392b',
  synergy: '#2a6cb8',
  scale: '#7546b0',
  momentum: '#d68910',
  proximity: '#2a8c82',
  policy: '#5d6d7e',
  ties: '#b9770e',
  risk: '#7f1d1d',
});

/** Names of the aggregation methods. */
export const METHOD_LABELS: Readonly<Record<'weighted' | 'topsis', Label>> = Object.freeze({
  weighted: { zh: '加权求和', en: 'weighted sum' },
  topsis: { zh: 'TOPSIS 逼近理想解排序', en: 'TOPSIS' },
});

/** Fixed text of the handbook. */
export const TEXT = Object.freeze({
  titleSuffix: { zh: '产业链招商项目手册', en: 'industrial-chain investment-targeting handbook' },
  subtitle: { zh: '招商图谱 · 缺口分析 · 目标企业 · 拜访计划', en: 'Chain maps · gaps · target companies · visit plan' },
  toc: { zh: '目录', en: 'Contents' },
  overview: { zh: '总览', en: 'Overview' },
  visitPlan: { zh: '拜访计划', en: 'Visit plan' },
  appendix: { zh: '附录：方法与数据', en: 'Appendix: method and data' },
  date: { zh: '编制日期', en: 'Date' },
  datasetAsOf: { zh: '数据截至', en: 'Data as of' },
  dataset: { zh: '数据集', en: 'Dataset' },
  industry: { zh: '产业', en: 'Industry' },
  group: { zh: '分组', en: 'Group' },
  segments: { zh: '环节数', en: 'Segments' },
  segment: { zh: '环节', en: 'Segment' },
  stage: { zh: '链位', en: 'Stage' },
  completeness: { zh: '完整度', en: 'Completeness' },
  localSupply: { zh: '本地配套率', en: 'Local supply' },
  gapCount: { zh: '缺口数', en: 'Gaps' },
  localFirms: { zh: '本地企业', en: 'Local firms' },
  candidates: { zh: '候选企业', en: 'Candidates' },
  kind: { zh: '类型', en: 'Kind' },
  priority: { zh: '优先级', en: 'Priority' },
  presence: { zh: '存在度', en: 'Presence' },
  reasons: { zh: '理由', en: 'Reasons' },
  rank: { zh: '排名', en: 'Rank' },
  company: { zh: '企业', en: 'Company' },
  hq: { zh: '总部', en: 'HQ' },
  hqProvince: { zh: '总部省份', en: 'HQ province' },
  hqCity: { zh: '总部城市', en: 'HQ city' },
  region: { zh: '区域', en: 'Region' },
  scale: { zh: '规模', en: 'Scale' },
  lists: { zh: '榜单', en: 'Lists' },
  score: { zh: '得分', en: 'Score' },
  matchedGaps: { zh: '匹配缺口', en: 'Matched gaps' },
  approach: { zh: '招商方式', en: 'Approach' },
  approachRule: { zh: '方式依据', en: 'Why this approach' },
  contributions: { zh: '得分构成', en: 'Score breakdown' },
  chainMap: { zh: '产业链图谱', en: 'Chain map' },
  chainMapNote: {
    zh: '从左到右为上游 → 中游 → 下游；连线粗细表示供需关联强度，虚线为跨产业关联；节点底部色条为本地存在度。',
    en: 'Left to right: upstream → midstream → downstream; line width shows link strength, dashed lines are cross-industry links; the bar under each node is local presence.',
  },
  externalIn: { zh: '外产业供给', en: 'Inputs from other industries' },
  externalOut: { zh: '外产业需求', en: 'Outputs to other industries' },
  hiddenExternal: { zh: '另有 {n} 个跨产业关联环节未画出', en: '{n} more cross-industry neighbours not drawn' },
  gapTable: { zh: '缺口清单', en: 'Gaps' },
  noGaps: { zh: '本产业暂无缺口环节。', en: 'No gaps in this industry.' },
  targets: { zh: '重点目标企业', en: 'Top target companies' },
  noTargets: { zh: '暂无候选企业。', en: 'No candidate companies.' },
  charts: { zh: '图表', en: 'Charts' },
  scoreDistribution: { zh: '候选企业得分分布', en: 'Score distribution of candidates' },
  targetsByRegion: { zh: '重点目标企业总部区域分布', en: 'Top targets by HQ region' },
  regionNote: { zh: '一家企业可同时属于多个区域。', en: 'A company may count in several regions.' },
  firms: { zh: '企业数', en: 'Firms' },
  cities: { zh: '城市数', en: 'Cities' },
  otherRegion: { zh: '其他', en: 'Other' },
  topGaps: { zh: '全市重点缺口', en: 'Top gaps city-wide' },
  toVerify: { zh: '待核实缺口', en: 'Gaps to verify' },
  toVerifyNote: {
    zh: '以下缺口所在环节在数据中未见本地企业记录，且尚未核实：可能是真缺口，也可能只是数据缺漏。请链长办核实后在 corrections.json 中记为"本地已有"或"已核实无企业"；核实前其需求度按至多 0.8 计。',
    en: 'These gaps sit on segments with no local firm on record, not yet verified: they may be real, or holes in the data. The chain office can record them in corrections.json as present or as verified absent; until then their need counts at most 0.8.',
  },
  toVerifyWhere: { zh: '各缺口的理由见所在产业章节的缺口清单。', en: ' Each gap’s reasons are in its chapter’s gap table.' },
  noToVerify: { zh: '没有待核实的缺口。', en: 'No gaps to verify.' },
  topTargets: { zh: '全市重点目标企业', en: 'Top targets city-wide' },
  cityKpi: { zh: '全市产业链概况', en: 'City-wide chain summary' },
  industries: { zh: '重点产业链', en: 'Key industrial chains' },
  visitIntro: {
    zh: '各产业重点目标企业按总部城市归并：同一城市的企业可由一个小团组一次走访。城市按企业数、再按最高得分排序。',
    en: 'Top targets of every industry grouped by HQ city: one small delegation can visit the firms of a city in one trip. Cities by number of firms, then best score.',
  },
  visitRegions: { zh: '按区域汇总', en: 'By region' },
  distance: { zh: '距离', en: 'Distance' },
  rail: { zh: '高铁', en: 'Rail' },
  weights: { zh: '评分权重', en: 'Score weights' },
  weight: { zh: '权重', en: 'Weight' },
  feature: { zh: '指标', en: 'Feature' },
  method: { zh: '集成方法', en: 'Aggregation' },
  preset: { zh: '权重方案', en: 'Weight preset' },
  sources: { zh: '数据来源', en: 'Data sources' },
  estimates: { zh: '估计与重构的内容', en: 'What is estimated or reconstructed' },
  methodNotes: { zh: '方法说明', en: 'Method notes' },
  legend: { zh: '图例', en: 'Legend' },
  count: { zh: '数量', en: 'Count' },
  total: { zh: '总数', en: 'Total' },
  summary: { zh: '概览', en: 'Summary' },
  gapsSheet: { zh: '缺口', en: 'Gaps' },
  version: { zh: '版本', en: 'Version' },
  riskPenalty: { zh: '风险（扣减）', en: 'risk (penalty)' },
  external: { zh: '外产业', en: 'other industry' },
  firmsOnSegment: { zh: '本地企业', en: 'Local firms' },
  printHint: { zh: '提示：在浏览器中选择“打印 → 另存为 PDF”即可得到 PDF 版。', en: 'Tip: print to PDF from the browser for a PDF copy.' },
} satisfies Record<string, Label>);

/** The key of a fixed text. */
export type TextKey = keyof typeof TEXT;
