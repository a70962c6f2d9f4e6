import type { SegmentFacts, Verdict } from './facts.js';

/**
 * 延链 extend: an absent segment next to the present chain on one side only — the frontier.
 * `downstream` when a local supplier exists (deep processing of local output, 铝型材 → 汽车轻量化部件),
 * `upstream` when a local customer exists (securing an input of local firms). Checked after 补链.
 *
 * @param f - the segment's facts
 * @returns the extend verdict with its direction, or null
 * @example
 * extend(facts); // { kind: 'extend', direction: 'downstream' }
 */
export function extend(f: SegmentFacts): Verdict | null {
  if (f.present) return null;
  if (f.presentSuppliers.length > 0) return { kind: 'extend', direction: 'downstream' };
  if (f.presentConsumers.length > 0) return { kind: 'extend', direction: 'upstream' };
  return null;
}
