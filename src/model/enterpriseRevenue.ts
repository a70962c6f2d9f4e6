import type { Enterprise } from '../schema/enterprise.js';
import { statedRevenue } from './revenueBand.js';

/**
 * The revenue (亿元) an enterprise brings to the city's chain: its stated revenue, else the midpoint
 * of its revenue band (`bandRevenue(band, 'midpoint')`: the open top band `>=5000` counts as 7 500), times
 * `underConstructionWeight` for a plant under construction, and 0 when closed.
 *
 * @param enterprise - a local enterprise
 * @param underConstructionWeight - share counted for status `under-construction`, in [0, 1]
 * @returns revenue in 亿元, ≥ 0
 * @example
 * enterpriseRevenue({ ...e, revenueBand: '1-10' }, 0.5); // 5.5
 */
export function enterpriseRevenue(enterprise: Enterprise, underConstructionWeight: number): number {
  if (enterprise.status === 'closed') return 0;
  const base = statedRevenue(enterprise, 'midpoint') ?? 0; // the schema requires revenue or a band
  return enterprise.status === 'under-construction' ? base * underConstructionWeight : base;
}
