import { NotFoundError } from '../errors.js';
import type { Enterprise } from '../schema/enterprise.js';
import { enterpriseRevenue } from './enterpriseRevenue.js';

/**
 * The local firms of one segment: ids (sorted) with the revenue each contributes, how many firms each
 * record stands for (`count`, 1 unless a cluster record says otherwise), and the total.
 */
export interface SegmentFirms {
  /**
   * `shareAssumed` (issue 14): true when the firm sits on several segments and its revenue on this one
   * comes from the default equal split, not from its `segmentShares`.
   */
  readonly firms: readonly { readonly id: string; readonly revenue: number; readonly count: number; readonly shareAssumed?: boolean }[];
  readonly revenue: number;
}

/**
 * Attribute the active local enterprises to their segments. A firm on k segments contributes its
 * `segmentShares` where given; the segments it does not list split the rest equally (with no shares
 * at all: revenue/k each, since the data rarely says how a group's revenue divides, marked
 * `shareAssumed`); closed firms are left out; firms under construction count at `underConstructionWeight`.
 *
 * @param enterprises - local enterprises (any order; the result does not depend on it)
 * @param segmentIds - the known segment ids (a set, or a map keyed by id)
 * @param underConstructionWeight - share of revenue counted for plants under construction
 * @returns firms and revenue by segment id (segments without a firm are absent from the map)
 * @throws {NotFoundError} when an enterprise names a segment that does not exist
 * @example
 * localFirmsBySegment(ds.enterprises, new Set(ds.segments.map((s) => s.id)), 0.5).get('nf-primary-aluminium')?.revenue;
 */
export function localFirmsBySegment(
  enterprises: readonly Enterprise[],
  segmentIds: { has(id: string): boolean },
  underConstructionWeight: number,
): Map<string, SegmentFirms> {
  const lists = new Map<string, { id: string; revenue: number; count: number; shareAssumed?: boolean }[]>();
  for (const e of enterprises) {
    if (e.status === 'closed') continue;
    const revenue = enterpriseRevenue(e, underConstructionWeight);
    const given = e.segmentShares ?? {};
    const listed = e.segments.filter((s) => Object.hasOwn(given, s));
    const rest = Math.max(0, 1 - listed.reduce((t, s) => t + given[s]!, 0));
    const unlisted = e.segments.length - listed.length;
    for (const s of e.segments) {
      const explicit = Object.hasOwn(given, s);
      const share = explicit ? revenue * given[s]! : listed.length === 0 ? revenue / unlisted : (revenue * rest) / unlisted;
      if (!segmentIds.has(s)) {
        throw new NotFoundError('segment', s, `localFirmsBySegment: enterprise "${e.id}" names unknown segment "${s}"`, `本地企业“${e.id}”所属环节“${s}”不存在`);
      }
      const list = lists.get(s);
      const firm = { id: e.id, revenue: share, count: e.firms ?? 1, ...(e.segments.length > 1 && !explicit ? { shareAssumed: true } : {}) };
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
