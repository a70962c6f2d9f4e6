import type { SegmentFacts, Verdict } from './facts.js';

/**
 * 补链 fill: an absent (or near-absent) segment with present segments both upstream (a local
 * supplier) and downstream (a local customer): a hole, so local firms buy its output from afar and
 * its local suppliers sell far away.
 *
 * @param f - the segment's facts
 * @returns the fill verdict, or null when the rule does not apply
 * @example
 * fill(facts); // { kind: 'fill' } for A → B → C with B absent, A and C present
 */
export function fill(f: SegmentFacts): Verdict | null {
  if (f.present) return null;
  return f.presentSuppliers.length > 0 && f.presentConsumers.length > 0 ? { kind: 'fill' } : null;
}
