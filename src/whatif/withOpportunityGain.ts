import * as z from 'zod';
import type { RankedItem, Ranking } from '../scoring/types.js';
import type { OpportunityGain } from './opportunityGain.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

/**
 * How `withOpportunityGain` orders the items: `score` (default) keeps the ranking's order;
 * `opportunityGain` re-sorts by gain desc, then score desc, then id asc, and renumbers `rank`.
 */
export const WithOpportunityGainOptions = z.strictObject({ sortBy: z.enum(['score', 'opportunityGain']).default('score') });
export type WithOpportunityGainOptions = z.input<typeof WithOpportunityGainOptions>;

/**
 * Add the opportunity gain (rise in city chain completeness if the company landed) to every ranked item,
 * as a column and optionally as the sort key. Items without a gain record keep `opportunityGain` unset
 * and sort last when sorting by gain.
 *
 * @param ranking - a ranking (e.g. from `rankCompanies`)
 * @param gains - records from `opportunityGain`
 * @param options - `{ sortBy }`
 * @returns a new ranking (the input is not changed)
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options
 * @example
 * const r = withOpportunityGain(rankCompanies(ds), opportunityGain(ds), { sortBy: 'opportunityGain' });
 * r.items[0]?.opportunityGain; // 0.0319
 */
export function withOpportunityGain(ranking: Ranking, gains: readonly OpportunityGain[], options: WithOpportunityGainOptions = {}): Ranking {
  const o = parseOptionsOrThrow(WithOpportunityGainOptions, options, { en: 'withOpportunityGain', zh: 'withOpportunityGain' });
  const byId = new Map(gains.map((g) => [g.id, g.completeness]));
  const items: RankedItem[] = ranking.items.map((item) => {
    const gain = byId.get(item.id);
    return gain === undefined ? item : { ...item, opportunityGain: gain };
  });
  if (o.sortBy !== 'opportunityGain') return { ...ranking, items };
  const key = (i: RankedItem): number => i.opportunityGain ?? Number.NEGATIVE_INFINITY;
  const sorted = [...items].sort((a, b) => key(b) - key(a) || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...ranking, items: sorted.map((item, k) => ({ ...item, rank: k + 1 })) };
}
