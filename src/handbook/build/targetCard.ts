import { GAP_KIND_LABELS } from '../../gaps/types.js';
import { REVENUE_BANDS, type Company } from '../../schema/index.js';
import { COMPANY_LIST_LABELS, FEATURE_LABELS } from '../../scoring/labels.js';
import { FEATURE_NAMES, type RankedItem } from '../../scoring/types.js';
import type { TargetCard } from '../types.js';
import { hqLabel, nameOf, placeOf, regionLabel, round, t, type BuildContext } from './context.js';

function scaleText(c: Company | undefined, ctx: BuildContext): string {
  if (c === undefined) return '';
  if (c.revenue !== undefined) {
    const year = c.revenueYear !== undefined ? (ctx.lang === 'zh' ? `（${c.revenueYear}年）` : ` (${c.revenueYear})`) : '';
    const est = c.revenueEstimated === true ? (ctx.lang === 'zh' ? '约' : '~') : '';
    return ctx.lang === 'zh' ? `营收${est}${round(c.revenue, 1)}亿元${year}` : `revenue ${est}¥${round(c.revenue / 10, 2)}bn${year}`;
  }
  if (c.revenueBand !== undefined) return (ctx.lang === 'zh' ? '营收' : 'revenue ') + t(ctx, REVENUE_BANDS[c.revenueBand]);
  return '';
}

/** A ranked item as a target card, with `rank` as given (the item's rank within its list). */
export function targetCard(item: RankedItem, rank: number, ctx: BuildContext): TargetCard {
  const company = ctx.index.companyById.get(item.id);
  const hq = company?.hq ?? { province: '', city: '' };
  const place = company ? placeOf(ctx, hq) : undefined;
  return {
    rank,
    id: item.id,
    name: company ? nameOf(ctx, company) : item.name,
    hq: { province: hq.province, city: hq.city, label: company ? hqLabel(ctx, hq) : '' },
    regions: (place?.regions ?? []).map((r) => regionLabel(ctx, r)),
    scale: scaleText(company, ctx),
    lists: (company?.lists ?? []).map((l) => t(ctx, COMPANY_LIST_LABELS[l])),
    score: round(item.score, 4),
    contributions: FEATURE_NAMES.map((f) => ({
      feature: f,
      label: t(ctx, FEATURE_LABELS[f]),
      value: round(item.features[f], 4),
      contribution: round(item.contributions[f], 4),
    })),
    matchedGaps: item.matchedGaps.map((g) => {
      const seg = ctx.index.segmentById.get(g.segment);
      return { segment: g.segment, name: seg ? nameOf(ctx, seg) : g.segment, kind: g.kind, kindLabel: t(ctx, GAP_KIND_LABELS[g.kind]), priority: round(g.priority, 4) };
    }),
    reasons: item.reasons.map((r) => t(ctx, r)),
    approach: { method: item.approach.method, label: t(ctx, item.approach), rule: t(ctx, item.approach.rule) },
  };
}
