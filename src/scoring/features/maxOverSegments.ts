import type { Company } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';

/**
 * The largest per-segment value over a company's segments within the industry filter (0 when none).
 * Allocation-free: the columnar pass calls it a million times.
 *
 * @param company - the company
 * @param ctx - the scoring context
 * @param values - one value per segment slot (e.g. `ctx.synergyValue`)
 * @returns the maximum, or 0
 * @example
 * maxOverSegments(company, ctx, ctx.policyValue);
 */
export function maxOverSegments(company: Company, ctx: ScoringContext, values: Float64Array): number {
  const segs = company.segments;
  if (segs === undefined) return 0;
  let best = 0;
  for (let k = 0; k < segs.length; k++) {
    const slot = ctx.segmentSlot.get(segs[k]!);
    if (slot === undefined || ctx.inScope[slot] === 0) continue;
    const v = values[slot]!;
    if (v > best) best = v;
  }
  return best;
}

/**
 * Like `maxOverSegments`, but also says which segment slot holds the maximum (−1 when none), for the
 * explanations built for the returned items only.
 *
 * @param company - the company
 * @param ctx - the scoring context
 * @param values - one value per segment slot
 * @returns `[maximum, slot]`
 * @example
 * const [value, slot] = bestSegmentSlot(company, ctx, ctx.synergyValue);
 */
export function bestSegmentSlot(company: Company, ctx: ScoringContext, values: Float64Array): [number, number] {
  let best = 0;
  let slotOfBest = -1;
  for (const id of company.segments ?? []) {
    const slot = ctx.segmentSlot.get(id);
    if (slot === undefined || ctx.inScope[slot] === 0) continue;
    const v = values[slot]!;
    if (v > best) {
      best = v;
      slotOfBest = slot;
    }
  }
  return [best, slotOfBest];
}
