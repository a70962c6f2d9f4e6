import { GAP_KIND_LABELS, type Reason } from '../../gaps/types.js';
import type { Company } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import type { Feature } from './Feature.js';

/** Share of the second-best gap's value added to the headroom left by the best one. */
export const GAP_FIT_SECOND_SHARE = 0.5;

function topTwo(company: Company, ctx: ScoringContext): [number, number, number, number] {
  let g1 = 0;
  let g2 = 0;
  let s1 = -1;
  let s2 = -1;
  for (const id of company.segments ?? []) {
    const slot = ctx.segmentSlot.get(id);
    if (slot === undefined || ctx.inScope[slot] === 0 || slot === s1 || slot === s2) continue;
    const v = ctx.gapValue[slot]!;
    if (v > g1) {
      g2 = g1;
      s2 = s1;
      g1 = v;
      s1 = slot;
    } else if (v > g2) {
      g2 = v;
      s2 = slot;
    }
  }
  return [g1, g2, s1, s2];
}

function gapReason(ctx: ScoringContext, slot: number): Reason {
  const seg = ctx.segments[slot]!;
  const gap = ctx.gapBySegment.get(seg.id)!;
  const kind = GAP_KIND_LABELS[gap.kind];
  const factor = gap.kind === 'none' ? 1 : ctx.gapKinds[gap.kind];
  const zhFactor = factor === 1 ? '' : `，方案系数 ${factor}`;
  const enFactor = factor === 1 ? '' : `, preset factor ${factor}`;
  return {
    code: `gap-fit.${gap.kind}`,
    zh: `填补${kind.zh}缺口“${seg.name}”（优先级 ${gap.priority.toFixed(2)}${zhFactor}）`,
    en: `fills ${kind.en} gap "${seg.nameEn}" (priority ${gap.priority.toFixed(2)}${enFactor})`,
  };
}

function missingReasons(company: Company, ctx: ScoringContext): Reason[] {
  const segs = company.segments ?? [];
  if (segs.length === 0) {
    return [{ code: 'gap-fit.unplaced', zh: '未能挂链：没有所属环节，缺口匹配记 0', en: 'could not be placed on the chain (no segments): gap fit 0' }];
  }
  const unknown = segs.filter((id) => !ctx.segmentSlot.has(id));
  if (unknown.length === segs.length) {
    return [{ code: 'gap-fit.unplaced', zh: `未能挂链：环节 ${unknown.join('、')} 不在数据集中，缺口匹配记 0`, en: `could not be placed on the chain: segments ${unknown.join(', ')} are not in the dataset; gap fit 0` }];
  }
  const healthy = segs.flatMap((id) => {
    const slot = ctx.segmentSlot.get(id);
    return slot !== undefined && ctx.inScope[slot] === 1 ? [ctx.segments[slot]!] : [];
  });
  return [{
    code: 'gap-fit.none',
    zh: `所在环节${healthy.map((s) => `“${s.name}”`).join('、')}本地无缺口`,
    en: `its segments (${healthy.map((s) => s.nameEn).join(', ')}) show no local gap`,
  }];
}

/**
 * Gap fit: how well the company's segments match the city's gaps. With g(s) = gap priority × gap-kind
 * factor (0 for a healthy segment), best g1 and second g2 over the company's segments (within the industry
 * filter): gapFit = g1 + 0.5 · g2 · (1 − g1). A company without segments scores 0 and says it could not be
 * placed on the chain.
 *
 * @example
 * gapFit.explain(company, ctx); // { value: 0.81, reasons: [{ code: 'gap-fit.fill', zh: '填补补链缺口“汽车轻量化部件”（优先级 0.81）', … }] }
 */
export const gapFit: Feature = {
  name: 'gapFit',
  value(company, ctx) {
    // Allocation-free twin of topTwo() for the columnar pass (a test checks both agree).
    const segs = company.segments;
    if (segs === undefined) return 0;
    let g1 = 0;
    let g2 = 0;
    let s1 = -1;
    let s2 = -1;
    for (let k = 0; k < segs.length; k++) {
      const slot = ctx.segmentSlot.get(segs[k]!);
      if (slot === undefined || ctx.inScope[slot] === 0 || slot === s1 || slot === s2) continue;
      const v = ctx.gapValue[slot]!;
      if (v > g1) {
        g2 = g1;
        s2 = s1;
        g1 = v;
        s1 = slot;
      } else if (v > g2) {
        g2 = v;
        s2 = slot;
      }
    }
    return g1 + GAP_FIT_SECOND_SHARE * g2 * (1 - g1);
  },
  explain(company, ctx) {
    const [g1, g2, s1, s2] = topTwo(company, ctx);
    const value = g1 + GAP_FIT_SECOND_SHARE * g2 * (1 - g1);
    if (g1 === 0) return { value, reasons: missingReasons(company, ctx) };
    const reasons = [gapReason(ctx, s1)];
    if (g2 > 0) reasons.push(gapReason(ctx, s2));
    return { value, reasons };
  },
};
