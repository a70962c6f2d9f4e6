import type { Company } from '../../schema/index.js';
import type { Reason } from '../../model/reason.js';
import type { ScoringContext } from '../buildScoringContext.js';
import type { FeatureName } from '../types.js';
import type { Feature } from './Feature.js';

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

/**
 * A feature whose value is a per-segment value taken at the company's best segment (synergy, policy fit): `value`
 * is `maxOverSegments`, `explain` the same value with the reasons of that segment (none when no segment counts).
 *
 * @param name - the feature's name
 * @param valuesOf - the per-slot values in a context (e.g. `(ctx) => ctx.policyValue`)
 * @param reasonsOf - the reasons of the best segment's slot
 * @returns the feature
 * @example
 * const f = bestSegmentFeature('policy', (ctx) => ctx.policyValue, () => []);
 * f.value(company, ctx) === f.explain(company, ctx).value; // true
 */
export function bestSegmentFeature(name: FeatureName, valuesOf: (ctx: ScoringContext) => Float64Array, reasonsOf: (ctx: ScoringContext, slot: number) => Reason[]): Feature {
  return {
    name,
    value: (company, ctx) => maxOverSegments(company, ctx, valuesOf(ctx)),
    explain(company, ctx) {
      const [value, slot] = bestSegmentSlot(company, ctx, valuesOf(ctx));
      return { value, reasons: slot < 0 ? [] : reasonsOf(ctx, slot) };
    },
  };
}
