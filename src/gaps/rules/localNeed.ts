import type { SegmentFacts } from './facts.js';

/**
 * Whether the city has a reason to want a segment at all: it is strategic, or a local segment
 * (present, over a link ≥ `minLinkWeight`) supplies it or needs its output. A non-strategic segment
 * without either is "no gap" (`none`, basis `no-local-need`) whatever its own presence: nothing local
 * depends on it. The answer never depends on the segment's own presence, so adding a firm to a
 * segment cannot turn "no gap" into a gap with a priority.
 *
 * @param f - the segment's facts
 * @returns true when a gap on this segment would matter locally
 * @example
 * localNeed({ ...facts, strategic: false, presentSuppliers: [], presentConsumers: [] }); // false
 */
export function localNeed(f: SegmentFacts): boolean {
  return f.strategic || f.presentSuppliers.length > 0 || f.presentConsumers.length > 0;
}
