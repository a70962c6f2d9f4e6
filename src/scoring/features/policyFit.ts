import type { Feature } from './Feature.js';
import { bestSegmentFeature } from './maxOverSegments.js';
import { own } from '../../internal/own.js';
import type { Company } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import { onScopedSegment } from '../relevance.js';

/** Policy fit by segment (the rule of `policyFit`), with the best segment's reasons. */
const bySegment: Feature = bestSegmentFeature('policy', (ctx) => ctx.policyValue, (ctx, slot) => {
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

/**
 * Policy fit of a company placed on industries only: its best in-scope industry's `ctx.industryPolicy`, with that
 * industry; [0, undefined] when it has none or is off-chain.
 *
 * @example
 * industryOnlyPolicy({ ...company, segments: undefined, industries: ['nonferrous'] }, ctx); // [1, 'nonferrous']
 */
export function industryOnlyPolicy(company: Company, ctx: ScoringContext): [number, string | undefined] {
  const inds = company.industries;
  let best = 0;
  let industry: string | undefined;
  if (inds === undefined || company.placement?.status === 'off-chain') return [best, industry];
  for (let k = 0; k < inds.length; k++) {
    const v = ctx.industryPolicy.get(inds[k]!);
    if (v !== undefined && v > best) {
      best = v;
      industry = inds[k]!;
    }
  }
  return [best, industry];
}

/**
 * Policy fit: the city's stated priorities and strategic industries. For a segment s, with priority
 * q(s) = priorities.segments[s] ?? priorities.industries[industry(s)] ?? 0 (from the options, else
 * `dataset.meta.priorities`) and strategic(s) = 1 when the segment or its industry is strategic or a future
 * industry: policy(s) = 1 − (1 − q(s)) · (1 − 0.5 · strategic(s)). The company takes its best segment; a company
 * placed on an industry only (no segment in scope) takes the same rule at industry level, its best in-scope industry
 * (`ctx.industryPolicy`); an off-chain placement scores 0.
 *
 * @example
 * policyFit.explain(company, ctx).reasons[0]?.zh; // '“新能源”为城市重点产业（权重 1.00）；“储能系统”属战略性新兴环节'
 * policyFit.explain({ ...company, segments: [], industries: ['new-energy'] }, ctx).reasons[0]?.zh; // '只挂到产业：“新能源”为城市重点产业（权重 1.00）'
 */
export const policyFit: Feature = {
  name: 'policy',
  value: (company, ctx) => (onScopedSegment(company, ctx) ? bySegment.value(company, ctx) : industryOnlyPolicy(company, ctx)[0]),
  explain(company, ctx) {
    if (onScopedSegment(company, ctx)) return bySegment.explain(company, ctx);
    const [value, id] = industryOnlyPolicy(company, ctx);
    const industry = id !== undefined ? ctx.index.industryById.get(id) : undefined;
    if (industry === undefined || value === 0) return { value, reasons: [] };
    const q = own(ctx.priorities.industries, industry.id);
    const kind = industry.future === true ? { zh: '未来产业', en: 'a future industry' } : industry.strategic === true ? { zh: '战略性新兴产业', en: 'a strategic emerging industry' } : undefined;
    const zh = [q !== undefined ? `“${industry.name}”为城市重点产业（权重 ${q.toFixed(2)}）` : undefined, kind !== undefined ? `${q !== undefined ? '' : `“${industry.name}”`}属${kind.zh}` : undefined].filter((x) => x !== undefined).join('，');
    const en = [q !== undefined ? `"${industry.nameEn}" is a city priority industry (weight ${q.toFixed(2)})` : undefined, kind !== undefined ? `${q !== undefined ? 'and' : `"${industry.nameEn}" is`} ${kind.en}` : undefined].filter((x) => x !== undefined).join(' ');
    return { value, reasons: [{ code: 'policy.industry-only', zh: `只挂到产业：${zh}`, en: `placed on an industry only: ${en}` }] };
  },
};
