import { GAP_KIND_LABELS, type Reason } from '../../gaps/types.js';
import type { Company } from '../../schema/index.js';
import { STRENGTH_FIT_SHARE, type ScoringContext } from '../buildScoringContext.js';
import { NUMBERS, type Arithmetic } from '../formula.js';
import { SCAN, SCAN_WIDTH, scanSegments } from '../scanSegments.js';
import type { Feature } from './Feature.js';

/** Share of the second-best gap's value added to the headroom left by the best one. */
export const GAP_FIT_SECOND_SHARE = 0.5;

/** Share of an industry's best gap credited to a company placed on the industry but on no segment of it. */
export const INDUSTRY_ONLY_SHARE = 0.5;

/**
 * Gap fit of a company on segments in scope, from its best and second-best gap values: g1 + `GAP_FIT_SECOND_SHARE` ·
 * g2 · (1 − g1). Written once for both engines (see `Arithmetic`).
 *
 * @example
 * gapFitFormula(NUMBERS, 0.8, 0.6); // 0.86
 */
export function gapFitFormula<T>(A: Arithmetic<T>, g1: T, g2: T): T {
  return A.add(g1, A.mul(A.mul(A.num(GAP_FIT_SECOND_SHARE), g2), A.sub(A.num(1), g1)));
}

/**
 * Gap fit of a company placed on industries only, from the best gap value among them: `INDUSTRY_ONLY_SHARE` · best.
 *
 * @example
 * industryOnlyFormula(NUMBERS, 0.7); // 0.35
 */
export function industryOnlyFormula<T>(A: Arithmetic<T>, best: T): T {
  return A.mul(A.num(INDUSTRY_ONLY_SHARE), best);
}

/**
 * Gap fit of a company placed on industries only (挂链到产业、未确认环节): `INDUSTRY_ONLY_SHARE` × the best gap value
 * among its industries' in-scope segments, with that industry and slot; [0, '', -1] when it has none. Used only when
 * none of the company's own segments counts (it has none, or none in scope), so a firm whose segment is uncertain
 * still fits its industry's gaps, discounted, and never sinks below unrelated firms for that.
 *
 * @example
 * industryOnlyGapFit({ ...company, segments: undefined, industries: ['nonferrous'] }, ctx); // [0.35, 'nonferrous', 12]
 */
export function industryOnlyGapFit(company: Company, ctx: ScoringContext): [number, string, number] {
  const inds = company.industries;
  let best = 0;
  let industry = '';
  let slot = -1;
  if (inds === undefined || company.placement?.status === 'off-chain') return [0, industry, slot];
  for (let k = 0; k < inds.length; k++) {
    const g = ctx.industryBestGap.get(inds[k]!);
    if (g !== undefined && g.value > best) {
      best = g.value;
      industry = inds[k]!;
      slot = g.slot;
    }
  }
  return [industryOnlyFormula(NUMBERS, best), industry, slot];
}

function industryReason(ctx: ScoringContext, industry: string, slot: number, value: number): Reason {
  const seg = ctx.segments[slot]!;
  const gap = ctx.gapBySegment.get(seg.id)!;
  const kind = GAP_KIND_LABELS[gap.kind];
  const ind = ctx.index.industryById.get(industry);
  return {
    code: 'gap-fit.industry-only',
    zh: `只挂到产业“${ind?.name ?? industry}”、未确认具体环节：按该产业最大缺口“${seg.name}”（${kind.zh}，优先级 ${gap.priority.toFixed(2)}）的 ${INDUSTRY_ONLY_SHARE} 倍计 ${value.toFixed(2)}，请核实其环节`,
    en: `placed on industry "${ind?.nameEn ?? industry}" but on no confirmed segment: credited ${INDUSTRY_ONLY_SHARE} × its largest gap "${seg.nameEn}" (${kind.en}, priority ${gap.priority.toFixed(2)}) = ${value.toFixed(2)}; check its segment`,
  };
}

/**
 * Gap fit from a `scanSegments` row: g1 + `GAP_FIT_SECOND_SHARE` · g2 · (1 − g1) when a segment of the company
 * counts, else its industries' share (`industryOnlyGapFit`), else 0. Allocation-free when no industry is read.
 *
 * @param scan - the company's `scanSegments` row
 * @param company - the company
 * @param ctx - the scoring context
 * @returns the gap fit (before clamping)
 * @example
 * const row = new Float64Array(SCAN_WIDTH); scanSegments(c.segments, ctx, row); gapFitOfScan(row, c, ctx);
 */
export function gapFitOfScan(scan: Float64Array, company: Company, ctx: ScoringContext): number {
  if (scan[SCAN.scoped] === 0) return company.industries !== undefined ? industryOnlyGapFit(company, ctx)[0] : 0;
  const g1 = scan[SCAN.g1]!;
  return gapFitFormula(NUMBERS, g1, scan[SCAN.g2]!);
}

function scanOf(company: Company, ctx: ScoringContext): Float64Array {
  const row = new Float64Array(SCAN_WIDTH);
  scanSegments(company.segments, ctx, row);
  return row;
}

function gapReason(ctx: ScoringContext, slot: number): Reason {
  const seg = ctx.segments[slot]!;
  const gap = ctx.gapBySegment.get(seg.id)!;
  if (gap.kind === 'none') {
    const v = ctx.gapValue[slot]!.toFixed(2);
    // Only present segments earn the credit (`strengthCredited`); one whose weakness is not judged (size rests on
    // estimates) is "present", never "a strength".
    if (gap.basis === 'size-unverified') {
      return {
        code: 'gap-fit.present-unverified',
        zh: `强链：本市已有环节“${seg.name}”（规模待核实，未判定强弱；按政策优先级的 ${STRENGTH_FIT_SHARE} 倍计 ${v}）`,
        en: `adds to a segment present in the city, "${seg.nameEn}" (size to be verified, strength not judged; ${STRENGTH_FIT_SHARE} × its policy priority = ${v})`,
      };
    }
    return {
      code: 'gap-fit.strength',
      zh: `强链：本市已有优势环节“${seg.name}”（无缺口，按政策优先级的 ${STRENGTH_FIT_SHARE} 倍计 ${v}）`,
      en: `strengthens a local strength "${seg.nameEn}" (no gap; ${STRENGTH_FIT_SHARE} × its policy priority = ${v})`,
    };
  }
  const kind = GAP_KIND_LABELS[gap.kind];
  const factor = ctx.gapKinds[gap.kind];
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
 * factor (for a segment with no gap, where the city is already present: the 强链 credit `STRENGTH_FIT_SHARE` × its
 * policy priority, 0 when restricted), best g1 and second g2 over the company's segments (within the industry
 * filter): gapFit = g1 + 0.5 · g2 · (1 − g1). A company with no segment in scope but placed on industries
 * (`industries`, from 挂链) gets `INDUSTRY_ONLY_SHARE` × its industries' best gap value, and says so; a company
 * with neither scores 0 and says it could not be placed on the chain.
 *
 * @example
 * gapFit.explain(company, ctx); // { value: 0.81, reasons: [{ code: 'gap-fit.fill', zh: '填补补链缺口“汽车轻量化部件”（优先级 0.81）', … }] }
 */
export const gapFit: Feature = {
  name: 'gapFit',
  value(company, ctx) {
    return gapFitOfScan(scanOf(company, ctx), company, ctx);
  },
  explain(company, ctx) {
    const scan = scanOf(company, ctx);
    if (scan[SCAN.scoped] === 0) {
      const [v, industry, slot] = industryOnlyGapFit(company, ctx);
      if (v > 0) return { value: v, reasons: [industryReason(ctx, industry, slot, v)] };
      return { value: v, reasons: missingReasons(company, ctx) };
    }
    const value = gapFitOfScan(scan, company, ctx);
    if (scan[SCAN.g1] === 0) return { value, reasons: missingReasons(company, ctx) };
    const reasons = [gapReason(ctx, scan[SCAN.s1]!)];
    if (scan[SCAN.g2]! > 0) reasons.push(gapReason(ctx, scan[SCAN.s2]!));
    return { value, reasons };
  },
};
