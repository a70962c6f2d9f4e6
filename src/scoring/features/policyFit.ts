import type { Feature } from './Feature.js';
import { bestSegmentFeature } from './maxOverSegments.js';
import { own } from '../../internal/own.js';

/**
 * Policy fit: the city's stated priorities and strategic industries. For a segment s, with priority
 * q(s) = priorities.segments[s] ?? priorities.industries[industry(s)] ?? 0 (from the options, else
 * `dataset.meta.priorities`) and strategic(s) = 1 when the segment or its industry is strategic or a future
 * industry: policy(s) = 1 − (1 − q(s)) · (1 − 0.5 · strategic(s)). The company takes its best segment.
 *
 * @example
 * policyFit.explain(company, ctx).reasons[0]?.zh; // '“新能源”为城市重点产业（权重 1.00）；“储能系统”属战略性新兴环节'
 */
export const policyFit: Feature = bestSegmentFeature('policy', (ctx) => ctx.policyValue, (ctx, slot) => {
  const seg = ctx.segments[slot]!;
  const industry = ctx.index.industryById.get(seg.industry);
  const segPriority = own(ctx.priorities.segments, seg.id);
  const indPriority = own(ctx.priorities.industries, seg.industry);
  const zh: string[] = [];
  const en: string[] = [];
  if (segPriority !== undefined) {
    zh.push(`“${seg.name}”为城市重点环节（权重 ${segPriority.toFixed(2)}）`);
    en.push(`"${seg.nameEn}" is a city priority segment (weight ${segPriority.toFixed(2)})`);
  } else if (indPriority !== undefined && industry !== undefined) {
    zh.push(`“${industry.name}”为城市重点产业（权重 ${indPriority.toFixed(2)}）`);
    en.push(`"${industry.nameEn}" is a city priority industry (weight ${indPriority.toFixed(2)})`);
  }
  if (seg.strategic === true) {
    zh.push(`“${seg.name}”属战略性新兴环节`);
    en.push(`"${seg.nameEn}" is a strategic emerging segment`);
  } else if (industry?.strategic === true || industry?.future === true) {
    zh.push(`“${industry.name}”属${industry.future === true ? '未来产业' : '战略性新兴产业'}`);
    en.push(`"${industry.nameEn}" is a ${industry.future === true ? 'future' : 'strategic emerging'} industry`);
  }
  return zh.length > 0 ? [{ code: 'policy.priority', zh: zh.join('；'), en: en.join('; ') }] : [];
});
