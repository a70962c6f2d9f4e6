// The one home of the rule "revenue band → number" (issue 20). Each user names the reading it needs.
import { REVENUE_BANDS, type RevenueBand } from '../schema/common.js';

/** Revenue (亿元) assumed for the open top band `>=5000` under the `midpoint` reading: 1.5 × its lower bound. */
export const TOP_BAND_FACTOR = 1.5;

/**
 * How a revenue band is read as one figure:
 * - `midpoint`: the arithmetic midpoint, the open top band counting 1.5 × its floor (local revenue, presence,
 *   corrections, landings: a sum of revenues);
 * - `geometric`: the geometric midpoint (the lowest band: half its ceiling; the open top band: its floor), for
 *   scores on a log scale (scale feature);
 * - `floor`: the lower bound, for "at least" tests (an anchor firm has revenue ≥ 100亿元).
 */
export type BandReading = 'midpoint' | 'geometric' | 'floor';

/**
 * The revenue (亿元) a revenue band stands for, under one reading.
 *
 * @param band - a revenue band
 * @param reading - how to read it (see `BandReading`)
 * @returns revenue in 亿元, ≥ 0
 * @example
 * bandRevenue('1-10', 'midpoint'); // 5.5
 * bandRevenue('>=5000', 'midpoint'); // 7500
 * bandRevenue('10-50', 'geometric'); // 22.36…
 * bandRevenue('100-500', 'floor'); // 100
 */
export function bandRevenue(band: RevenueBand, reading: BandReading): number {
  const b = REVENUE_BANDS[band];
  if (reading === 'floor') return b.min;
  if (reading === 'midpoint') return Number.isFinite(b.max) ? (b.min + b.max) / 2 : b.min * TOP_BAND_FACTOR;
  if (!Number.isFinite(b.max)) return b.min;
  return b.min > 0 ? Math.sqrt(b.min * b.max) : b.max / 2;
}

/**
 * A record's revenue (亿元): its stated figure, else its band under `reading`, else `undefined`.
 *
 * @param record - anything with an optional revenue and revenue band (company, enterprise, correction)
 * @param reading - how to read a band
 * @returns revenue in 亿元, or `undefined` when neither is given
 * @example
 * statedRevenue({ revenueBand: '1-10' }, 'midpoint'); // 5.5
 * statedRevenue({ revenue: 3, revenueBand: '1-10' }, 'midpoint'); // 3
 */
export function statedRevenue(record: { readonly revenue?: number | undefined; readonly revenueBand?: RevenueBand | undefined }, reading: BandReading): number | undefined {
  if (record.revenue !== undefined) return record.revenue;
  return record.revenueBand === undefined ? undefined : bandRevenue(record.revenueBand, reading);
}
