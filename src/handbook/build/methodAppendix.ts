import { WEIGHT_PRESETS } from '../../scoring/presets.js';
import { FEATURE_LABELS } from '../../scoring/labels.js';
import { FEATURE_NAMES, type Ranking } from '../../scoring/types.js';
import { METHOD_LABELS, pick, type Label } from '../labels.js';
import type { SourceRef } from '../../schema/datasetMeta.js';
import type { AppendixSource, MethodAppendix } from '../types.js';
import { round, t, type BuildContext } from './context.js';

const WEIGHT_SOURCE_LABELS: Readonly<Record<string, Label>> = Object.freeze({
  preset: { zh: '预设方案', en: 'preset' },
  custom: { zh: '自定义权重', en: 'custom weights' },
  entropy: { zh: '熵权法（由候选企业数据计算）', en: 'entropy weights (computed from the candidates)' },
  ahp: { zh: '层次分析法（AHP，一致性检验 CR < 0.1）', en: 'AHP (consistency ratio < 0.1)' },
  learned: { zh: '学习权重（由本数据集的回测结果拟合，依据的落地很少，仅供对照）', en: 'learned weights (fitted on this dataset\'s backtest outcomes; few landings, for comparison only)' },
});

const NOTES: readonly Label[] = Object.freeze([
  {
    zh: '缺口分析：每个环节计算本地存在度（本地营收 / 基准）、关联密度（Hidalgo 等 2007 “产品空间”方法：Σ 关联权重 × 邻居存在度 / Σ 权重）、需求拉动（本地下游）、供给推动（本地上游）、本地配套率、PageRank 与中介中心性、企业集中度（HHI）。按规则分为补链（未见本地企业或规模小，但上下游都在本地）、延链（紧邻本地链条）、强链（已有但偏弱）、建链（战略性新兴环节、本地几乎未见企业记录）；优先级 = 缺口程度 × 重要性。',
    en: 'Gap analysis: for every segment, local presence (local revenue / benchmark), relatedness density (Hidalgo et al. 2007, "The Product Space": Σ link weight × neighbour presence / Σ weight), demand pull (local downstream), supply push (local upstream), local supply rate, PageRank and betweenness, and firm concentration (HHI). Rules classify fill (no or little local firm on record while its neighbours are local), extend (next to the local chain), strengthen (present but weak) and build (strategic segment with almost no local firm on record); priority = need × importance.',
  },
  {
    zh: '目标企业评分：缺口匹配、链上协同（以商招商路径）、企业规模、发展动能、区位邻近、政策契合、关联关系七项指标均在 [0, 1]，按权重加总后扣减风险；每家企业附得分构成、匹配缺口、理由与建议招商方式。同分时按企业 id 排序，结果可复现。',
    en: 'Target score: gap fit, chain synergy (the 以商招商 path), scale, momentum, proximity, policy fit and ties, each in [0, 1], weighted and summed, minus risk. Every company carries its score breakdown, matched gaps, reasons and a suggested approach. Ties are broken by company id, so results are reproducible.',
  },
  {
    zh: '本手册由数据自动生成，数据来自公开信息；引用任何数字前请以原始来源核对。',
    en: 'This handbook is generated from data compiled from public information; check every figure against its original source before quoting it.',
  },
]);

const SOURCE_KIND_LABELS: Readonly<Record<AppendixSource['kind'], Label>> = Object.freeze({
  published: { zh: '', en: '' },
  mirror: { zh: '转载/镜像', en: 'Repost/mirror' },
  internal: { zh: '本项目整理（非公开出处）', en: 'Compiled by this project (not a public source)' },
});

const INTERNAL = /内部整理|内部资料|internal (draft|compilation)/i;
const MIRROR = /镜像|转载|转引|\bmirror\b|\brepost/i;
/** A bare trailing "（镜像）" in a title; the kind label replaces it (a marker with more words, e.g. "（镜像，文本有乱码）", stays). */
const MIRROR_MARK = /[（(](镜像|转载)[）)]\s*$/;
/** "Publisher date：headline": the part before the first colon, when it ends with a date, names the original publication. */
const PUBLISHER_DATE = /^([^：:]{2,30}?\s*\d{4}-\d{2}(-\d{2})?)\s*[：:]/;

/**
 * How the appendix shows a dataset source: a mirror or repost (marked 镜像/转载/转引 in its title or note) is labelled
 * 转载/镜像 and keeps its address only as the copy it is, with the original publication named when the title starts with
 * "publisher date：" (no original address is made up); the project's own compilation (内部整理) is labelled
 * 本项目整理（非公开出处） and shown without an address.
 *
 * @example
 * classifySource({ title: '聊城日报 2025-02-06：产业体系（镜像）', url: 'mirror.example/1.html' }, 'zh');
 * // → { kind: 'mirror', kindLabel: '转载/镜像', original: '聊城日报 2025-02-06', title: '聊城日报 2025-02-06：产业体系', … }
 */
export function classifySource(s: SourceRef, lang: 'zh' | 'en'): AppendixSource {
  const text = `${s.title} ${s.note ?? ''}`;
  const kind: AppendixSource['kind'] = INTERNAL.test(text) ? 'internal' : MIRROR.test(text) ? 'mirror' : 'published';
  const title = kind === 'mirror' ? s.title.replace(MIRROR_MARK, '').trim() : s.title;
  const original = kind === 'mirror' ? (PUBLISHER_DATE.exec(title)?.[1]?.trim() ?? '') : '';
  return { title, url: kind === 'internal' ? '' : (s.url ?? ''), note: s.note ?? '', kind, kindLabel: pick(SOURCE_KIND_LABELS[kind], lang), original };
}

/** The method appendix: weights of the ranking, data sources, what is estimated, and short notes. */
export function methodAppendix(ranking: Ranking, ctx: BuildContext): MethodAppendix {
  const ds = ctx.index.dataset;
  const preset = ranking.preset !== undefined ? WEIGHT_PRESETS[ranking.preset] : undefined;
  const L = (zh: string, en: string): string => (ctx.lang === 'zh' ? zh : en);
  const presetText = preset !== undefined ? L(`${preset.zh}（${preset.id}）`, `${preset.en} (${preset.id})`) : t(ctx, WEIGHT_SOURCE_LABELS[ranking.weightSource ?? 'custom']!);
  const subDirs = ds.industries.flatMap((i) => i.subDirections);
  const records = [...ds.enterprises, ...ds.companies];
  return {
    method: ranking.method,
    methodLabel: t(ctx, METHOD_LABELS[ranking.method]),
    preset: presetText,
    weights: FEATURE_NAMES.map((f) => ({ feature: f, label: t(ctx, FEATURE_LABELS[f]), weight: round(ranking.weights[f], 4) })),
    sources: ds.meta.sources.map((s) => classifySource(s, ctx.lang)),
    datasetAsOf: ds.meta.asOf,
    datasetVersion: ds.meta.version ?? '',
    estimates: [
      { label: L('细分方向为重构（未见官方清单）', 'Sub-directions reconstructed (no published list)'), count: subDirs.filter((s) => s.reconstructed === true).length, total: subDirs.length },
      { label: L('链接权重为专家判断（非投入产出表）', 'Link weights by judgement (not from the input–output table)'), count: ds.links.filter((l) => l.basis !== 'io-table').length, total: ds.links.length },
      { label: L('本地企业营收仅知区间', 'Local firms with a revenue band only'), count: ds.enterprises.filter((e) => e.revenue === undefined).length, total: ds.enterprises.length },
      { label: L('本地企业营收为估计值', 'Local firms with an estimated revenue'), count: ds.enterprises.filter((e) => e.revenueEstimated === true).length, total: ds.enterprises.length },
      { label: L('目标企业营收仅知区间', 'Target companies with a revenue band only'), count: ds.companies.filter((c) => c.revenue === undefined).length, total: ds.companies.length },
      { label: L('企业记录可信度为中或低', 'Firm records of medium or low confidence'), count: records.filter((r) => r.confidence !== 'high').length, total: records.length },
    ],
    notes: NOTES.map((n) => t(ctx, n)),
  };
}
