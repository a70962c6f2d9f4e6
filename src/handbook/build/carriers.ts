// 重点项目清单 and 政策与载体 (issue 18): the optional projects.json, parks.json and policies.json as display rows.
// Nothing is filled in: a field no source states stays '' (or null) and the renderers print 未注明.
import type { Park, Policy, Project } from '../../schema/index.js';
import type { Label } from '../labels.js';
import type { ParkRow, PolicyRow, ProjectRow } from '../types.js';
import { countyLabel, nameOf, t, type BuildContext } from './context.js';
import { confidenceText } from './targetCard.js';

const STAGE_TEXT: Readonly<Record<NonNullable<Project['stage']>, Label>> = Object.freeze({
  planned: { zh: '谋划/在谈', en: 'planned' },
  signed: { zh: '已签约', en: 'signed' },
  'under-construction': { zh: '在建', en: 'under construction' },
  operating: { zh: '已投产', en: 'operating' },
});

const LEVEL_TEXT: Readonly<Record<NonNullable<Park['level']>, Label>> = Object.freeze({
  national: { zh: '国家级', en: 'national' },
  provincial: { zh: '省级', en: 'provincial' },
  municipal: { zh: '市级', en: 'municipal' },
  county: { zh: '县级', en: 'county' },
  other: { zh: '物流/交易载体', en: 'logistics or market carrier' },
});

const POLICY_KIND_TEXT: Readonly<Record<Policy['kind'], Label>> = Object.freeze({
  plan: { zh: '规划与导向', en: 'plan or orientation' },
  incentive: { zh: '招商奖励', en: 'investment incentive' },
  land: { zh: '用地', en: 'land' },
  talent: { zh: '人才', en: 'talent' },
  finance: { zh: '金融', en: 'finance' },
  other: { zh: '其他', en: 'other' },
});

/** The text printed for a field no source states. */
export const NOT_STATED: Label = Object.freeze({ zh: '未注明', en: 'not stated' });

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A project as a row; `industry` is the segment's industry. */
export function projectRow(p: Project, ctx: BuildContext): ProjectRow {
  const seg = ctx.index.segmentById.get(p.segment);
  const ind = seg ? ctx.index.industryById.get(seg.industry) : undefined;
  return {
    id: p.id,
    name: nameOf(ctx, p),
    segment: p.segment,
    segmentName: seg ? nameOf(ctx, seg) : p.segment,
    industry: seg?.industry ?? '',
    industryName: ind ? nameOf(ctx, ind) : '',
    investor: p.investor ?? '',
    amount: p.amount ?? null,
    amountEstimated: p.amountEstimated === true,
    stageLabel: p.stage !== undefined ? t(ctx, STAGE_TEXT[p.stage]) : '',
    county: countyLabel(ctx, p.county),
    park: p.park ?? '',
    note: ctx.lang === 'zh' ? (p.note ?? '') : '',
    source: p.source,
    asOf: p.asOf,
    confidenceLabel: confidenceText(ctx, p.confidence),
  };
}

/**
 * Every project of the dataset as rows, ordered by industry (dataset order), then amount desc (unknown last), then id.
 *
 * @example
 * projectRows(ctx).filter((p) => p.amount === null).length; // projects whose amount no source states
 */
export function projectRows(ctx: BuildContext): ProjectRow[] {
  const order = new Map(ctx.index.dataset.industries.map((i, k) => [i.id, k]));
  return [...(ctx.index.dataset.projects ?? [])]
    .sort(byId)
    .map((p) => projectRow(p, ctx))
    .sort((a, b) => (order.get(a.industry) ?? 1e9) - (order.get(b.industry) ?? 1e9) || (b.amount ?? -1) - (a.amount ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Parks as rows (industries and segments by display name), by county then id. */
export function parkRows(ctx: BuildContext): ParkRow[] {
  return [...(ctx.index.dataset.parks ?? [])]
    .sort((a, b) => (a.county < b.county ? -1 : a.county > b.county ? 1 : byId(a, b)))
    .map((p) => ({
      id: p.id,
      name: nameOf(ctx, p),
      county: countyLabel(ctx, p.county),
      levelLabel: p.level !== undefined ? t(ctx, LEVEL_TEXT[p.level]) : '',
      industries: (p.industries ?? []).map((i) => {
        const ind = ctx.index.industryById.get(i);
        return ind ? nameOf(ctx, ind) : i;
      }),
      segments: (p.segments ?? []).map((s) => {
        const seg = ctx.index.segmentById.get(s);
        return seg ? nameOf(ctx, seg) : s;
      }),
      facts: ctx.lang === 'en' && p.factsEn !== undefined ? p.factsEn : (p.facts ?? []),
      source: p.source,
      asOf: p.asOf,
      confidenceLabel: confidenceText(ctx, p.confidence),
    }));
}

/** Policies as rows, newest first, then id. Scope: the counties named, else the whole city. */
export function policyRows(ctx: BuildContext, cityName: string): PolicyRow[] {
  return [...(ctx.index.dataset.policies ?? [])]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : byId(a, b)))
    .map((p) => ({
      id: p.id,
      title: ctx.lang === 'en' && p.titleEn !== undefined ? p.titleEn : p.title,
      issuer: p.issuer,
      date: p.date,
      kindLabel: t(ctx, POLICY_KIND_TEXT[p.kind]),
      scope: [
        ...(p.counties !== undefined && p.counties.length > 0 ? [p.counties.map((c) => countyLabel(ctx, c)).join(ctx.lang === 'zh' ? '、' : ', ')] : [cityName]),
        ...(p.industries ?? []).map((i) => {
          const ind = ctx.index.industryById.get(i);
          return ind ? nameOf(ctx, ind) : i;
        }),
      ].join(ctx.lang === 'zh' ? '·' : ' · '),
      summary: ctx.lang === 'en' && p.summaryEn !== undefined ? p.summaryEn : p.summary,
      source: p.source,
      confidenceLabel: confidenceText(ctx, p.confidence),
    }));
}
