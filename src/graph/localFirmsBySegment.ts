import { NotFoundError } from '../errors.js';
import type { Enterprise } from '../schema/enterprise.js';
import { enterpriseRevenue } from './enterpriseRevenue.js';

/**
 * The local firms of one segment: ids (sorted) with the revenue each contributes, how many firms each
 * record stands for (`count`, 1 unless a cluster record says otherwise), and the total.
 */
export interface SegmentFirms {
  readonly firms: readonly { readonly id: string; readonly revenue: number; readonly count: number }[];
  readonly revenue: number;
}

/**
 * Attribute the active local enterprises to their segments. A firm on k segments contributes
 * revenue/k to each (equal split: the data rarely says how a group's revenue divides); closed
 * firms are left out; firms under construction count at `underConstructionWeight`.
 *
 * @param enterprises - local enterprises (any order; the result does not depend on it)
 * @param segmentIds - the known segment ids
 * @param underConstructionWeight - share of revenue counted for plants under construction
 * @returns firms and revenue by segment id (segments without a firm are absent from the map)
 * @throws {NotFoundError} when an enterprise names a segment that does not exist
 * @example
 * localFirmsBySegment(ds.enterprises, new Set(ds.segments.map((s) => s.id)), 0.5).get('nf-primary-aluminium')?.revenue;
 */
export function localFirmsBySegment(
  enterprises: readonly Enterprise[],
  segmentIds: ReadonlySet<string>,
  underConstructionWeight: number,
): Map<string, SegmentFirms> {
  const lists = new Map<string, { id: string; revenue: number; count: number }[]>();
  for (const e of enterprises) {
    if (e.status === 'closed') continue;
    const share = enterpriseRevenue(e, underConstructionWeight) / e.segments.length;
    for (const s of e.segments) {
      if (!segmentIds.has(s)) {
        throw new NotFoundError('segment', s, `localFirmsBySegment: enterprise "${e.id}" names unknown segment "${s}"`, `本地企业“${e.id}”所属环节“${s}”不存在`);
      }
      const list = lists.get(s);
      const firm = { id: e.id, revenue: share, count: e.firms ?? 1 };
      if (list) list.push(firm);
      else lists.set(s, [firm]);
    }
  }
  const out = new Map<string, SegmentFirms>();
  for (const [s, list] of lists) {
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(s, { firms: list, revenue: list.reduce((t, f) => t + f.revenue, 0) });
  }
  return out;
}
