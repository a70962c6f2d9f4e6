import type { DatasetIndex } from '../../dataset/indexDataset.js';
import { GAP_KIND_LABELS, type Reason, type SegmentGap } from '../../gaps/types.js';
import type { Company } from '../../schema/company.js';
import type { Priorities } from '../../schema/datasetMeta.js';
import { FEATURE_LABELS } from '../../scoring/labels.js';
import { WEIGHT_PRESETS } from '../../scoring/presets.js';
import { FEATURE_NAMES, type FeatureName, type RankedItem, type Ranking } from '../../scoring/types.js';
import type { ScenarioRun } from '../types.js';
import { joinNames, signed } from './format.js';
import { closedBy, strongestNeighbourChange } from './segmentDiffs.js';
import { own } from '../../internal/own.js';

/** Lookups shared by the reasons of every rank movement of one comparison. */
export interface RankReasonContext {
  readonly base: ScenarioRun;
  readonly other: ScenarioRun;
  readonly baseIndex: DatasetIndex;
  readonly otherIndex: DatasetIndex;
  readonly gap0: ReadonlyMap<string, SegmentGap>;
  readonly gap1: ReadonlyMap<string, SegmentGap>;
  readonly presence0: ReadonlyMap<string, number>;
  readonly presence1: ReadonlyMap<string, number>;
  readonly weightsChanged: boolean;
}

/** Smallest feature change worth a sentence (shown with 2 decimals). */
const MIN_FEATURE_DELTA = 0.005;
const f2 = (x: number): string => x.toFixed(2);

function weightsLabel(r: Ranking, lang: 'zh' | 'en'): string {
  const preset = r.preset !== undefined ? WEIGHT_PRESETS[r.preset] : undefined;
  if (preset !== undefined) return lang === 'zh' ? preset.zh : preset.en;
  const source = r.weightSource ?? 'custom';
  const zh: Record<string, string> = { custom: '自定义', entropy: '熵权法', ahp: '层次分析法', preset: '预设', learned: '学习权重' };
  return lang === 'zh' ? (own(zh, source) ?? source) : source;
}

/** Names of the firms added to / removed from a segment between the runs. */
function firmChange(segment: string, ctx: RankReasonContext): { added: string[]; removed: string[] } {
  const a = new Set(ctx.gap0.get(segment)?.localFirms ?? []);
  const b = new Set(ctx.gap1.get(segment)?.localFirms ?? []);
  const added = [...b].filter((x) => !a.has(x)).sort().map((id) => ctx.otherIndex.enterpriseById.get(id)?.name ?? id);
  const removed = [...a].filter((x) => !b.has(x)).sort().map((id) => ctx.baseIndex.enterpriseById.get(id)?.name ?? id);
  return { added, removed };
}

function synergyReason(company: Company, delta: number, ctx: RankReasonContext): Reason {
  let best: { own: string; nb: NonNullable<ReturnType<typeof strongestNeighbourChange>>; strength: number } | undefined;
  for (const own of [...new Set(company.segments ?? [])].sort()) {
    const nb = strongestNeighbourChange(own, ctx.otherIndex, ctx.presence0, ctx.presence1);
    if (nb === undefined) continue;
    const strength = nb.weight * Math.abs(nb.to - nb.from);
    if (best === undefined || strength > best.strength) best = { own, nb, strength };
  }
  const d = signed(delta);
  if (best === undefined) return { code: 'whatif.rank.synergy', zh: `链条协同 ${d}`, en: `chain synergy ${d}` };
  const own = ctx.otherIndex.segmentById.get(best.own);
  const m = ctx.otherIndex.segmentById.get(best.nb.id);
  const dirZh = best.nb.direction === 'upstream' ? '上游' : '下游';
  const { added, removed } = firmChange(best.nb.id, ctx);
  const ownZh = own?.name ?? best.own;
  const ownEn = own?.nameEn ?? best.own;
  if (added.length > 0 || removed.length > 0) {
    const landed = added.length > 0;
    const names = landed ? added : removed;
    return {
      code: 'whatif.rank.synergy',
      zh: `${dirZh}「${joinNames(names, 'zh')}」（${m?.name ?? best.nb.id}）${landed ? '落地' : '关停'}后，「${ownZh}」的链条协同 ${d}`,
      en: `after ${joinNames(names, 'en')} ${landed ? 'landed' : 'closed'} ${best.nb.direction} ("${m?.nameEn ?? best.nb.id}"), chain synergy of "${ownEn}" ${d}`,
    };
  }
  return {
    code: 'whatif.rank.synergy',
    zh: `${dirZh}「${m?.name ?? best.nb.id}」本地存在度 ${f2(best.nb.from)} → ${f2(best.nb.to)}，「${ownZh}」的链条协同 ${d}`,
    en: `${best.nb.direction} "${m?.nameEn ?? best.nb.id}" local presence ${f2(best.nb.from)} → ${f2(best.nb.to)}: chain synergy of "${ownEn}" ${d}`,
  };
}

function gapFitReason(company: Company, delta: number, ctx: RankReasonContext): Reason {
  const d = signed(delta);
  let best: { id: string; g0: SegmentGap; g1: SegmentGap; size: number } | undefined;
  for (const id of [...new Set(company.segments ?? [])].sort()) {
    const g0 = ctx.gap0.get(id);
    const g1 = ctx.gap1.get(id);
    if (g0 === undefined || g1 === undefined) continue;
    const size = Math.abs(g1.priority - g0.priority) + (g0.kind !== g1.kind ? 1 : 0);
    if (size > 0 && (best === undefined || size > best.size)) best = { id, g0, g1, size };
  }
  if (best === undefined) return { code: 'whatif.rank.gap-fit', zh: `缺口匹配 ${d}`, en: `gap fit ${d}` };
  const { g0, g1 } = best;
  if (g0.kind !== g1.kind) {
    const k0 = GAP_KIND_LABELS[g0.kind];
    const k1 = GAP_KIND_LABELS[g1.kind];
    const why = g1.kind === 'none' ? closedBy(g0, g1) : undefined;
    const zh = why === 'filled' ? '缺口已补上' : why === 'demand-disappeared' ? '缺口因需求消失而关闭' : why === 'other' ? '缺口关闭' : '缺口类型变化';
    const en = why === 'filled' ? 'gap filled' : why === 'demand-disappeared' ? 'gap closed because its demand disappeared' : why === 'other' ? 'gap closed' : 'gap kind changed';
    return {
      code: 'whatif.rank.gap-fit',
      zh: `「${g1.name}」${zh}（${k0.zh} → ${k1.zh}），缺口匹配 ${d}`,
      en: `"${g1.nameEn}" ${en} (${k0.en} → ${k1.en}): gap fit ${d}`,
    };
  }
  return {
    code: 'whatif.rank.gap-fit',
    zh: `「${g1.name}」缺口优先级 ${f2(g0.priority)} → ${f2(g1.priority)}，缺口匹配 ${d}`,
    en: `"${g1.nameEn}" gap priority ${f2(g0.priority)} → ${f2(g1.priority)}: gap fit ${d}`,
  };
}

function cityPriorityOf(p: Priorities | undefined, segment: string, industry: string): number {
  return own(p?.segments, segment) ?? own(p?.industries, industry) ?? 0;
}

function policyReason(company: Company, delta: number, ctx: RankReasonContext): Reason {
  const d = signed(delta);
  const p0 = ctx.base.dataset.meta.priorities;
  const p1 = ctx.other.dataset.meta.priorities;
  for (const id of [...new Set(company.segments ?? [])].sort()) {
    const s = ctx.otherIndex.segmentById.get(id);
    if (s === undefined) continue;
    const a = cityPriorityOf(p0, id, s.industry);
    const b = cityPriorityOf(p1, id, s.industry);
    if (a === b) continue;
    const bySegment = own(p1?.segments, id) !== undefined || own(p0?.segments, id) !== undefined;
    const ind = ctx.otherIndex.industryById.get(s.industry);
    const zhName = bySegment ? s.name : (ind?.name ?? s.industry);
    const enName = bySegment ? s.nameEn : (ind?.nameEn ?? s.industry);
    return { code: 'whatif.rank.policy', zh: `城市优先级「${zhName}」${f2(a)} → ${f2(b)}，政策契合 ${d}`, en: `city priority of "${enName}" ${f2(a)} → ${f2(b)}: policy fit ${d}` };
  }
  return { code: 'whatif.rank.policy', zh: `政策契合 ${d}`, en: `policy fit ${d}` };
}

function featureReason(f: FeatureName, company: Company | undefined, delta: number, ctx: RankReasonContext): Reason {
  if (company !== undefined && f === 'synergy') return synergyReason(company, delta, ctx);
  if (company !== undefined && f === 'gapFit') return gapFitReason(company, delta, ctx);
  if (company !== undefined && f === 'policy') return policyReason(company, delta, ctx);
  const label = FEATURE_LABELS[f];
  return { code: `whatif.rank.${f}`, zh: `${label.zh} ${signed(delta)}`, en: `${label.en} ${signed(delta)}` };
}

/** Feature value deltas that changed, in feature order (rounded to 4 decimals). */
export function featureDeltas(a: RankedItem, b: RankedItem): Partial<Record<FeatureName, number>> {
  const out: Partial<Record<FeatureName, number>> = {};
  for (const f of FEATURE_NAMES) {
    const d = b.features[f] - a.features[f];
    if (d !== 0) out[f] = Math.round(d * 1e4) / 1e4 + 0;
  }
  return out;
}

/** Reasons for a company ranked in both runs: the weights, then each changed feature by |Δ contribution|, else "others moved". */
export function movedReasons(a: RankedItem, b: RankedItem, ctx: RankReasonContext): Reason[] {
  const out: Reason[] = [];
  const company = ctx.otherIndex.companyById.get(b.id) ?? ctx.baseIndex.companyById.get(b.id);
  if (ctx.weightsChanged) {
    const from = { zh: weightsLabel(ctx.base.ranking, 'zh'), en: weightsLabel(ctx.base.ranking, 'en') };
    const to = { zh: weightsLabel(ctx.other.ranking, 'zh'), en: weightsLabel(ctx.other.ranking, 'en') };
    out.push({ code: 'whatif.rank.weights', zh: `权重方案「${from.zh}」→「${to.zh}」，得分 ${signed(b.score - a.score)}`, en: `weights "${from.en}" → "${to.en}": score ${signed(b.score - a.score)}` });
  }
  const changed = FEATURE_NAMES.filter((f) => Math.abs(b.features[f] - a.features[f]) >= MIN_FEATURE_DELTA).sort(
    (f, g) => Math.abs(b.contributions[g] - a.contributions[g]) - Math.abs(b.contributions[f] - a.contributions[f]) || FEATURE_NAMES.indexOf(f) - FEATURE_NAMES.indexOf(g),
  );
  for (const f of changed) out.push(featureReason(f, company, b.features[f] - a.features[f], ctx));
  if (out.length === 0 && a.rank !== b.rank) {
    out.push({
      code: 'whatif.rank.others',
      zh: `自身得分基本未变，其他企业得分变化使排名 ${a.rank} → ${b.rank}`,
      en: `own score about unchanged; other companies moved, rank ${a.rank} → ${b.rank}`,
    });
  }
  return out;
}
