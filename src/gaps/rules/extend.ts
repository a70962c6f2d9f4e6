import type { SegmentFacts, Verdict } from './facts.js';

/**
 * 延链 extend: an absent segment next to the present chain on one side only — the frontier. The
 * direction follows the links: `downstream` when a local segment supplies it (deep processing of
 * local output, 铝型材 → 汽车轻量化部件), `upstream` when a local segment consumes its output
 * (securing an input of local firms). Checked after 补链. `strategicSupply` marks a strategic segment
 * that is 延链 because a strong local segment feeds it (see `stronglyFed`).
 *
 * @param f - the segment's facts
 * @param strategicSupply - whether the segment is strategic and strongly fed
 * @returns the extend verdict with its direction, or null
 * @example
 * extend(facts); // { kind: 'extend', direction: 'downstream' }
 */
export function extend(f: SegmentFacts, strategicSupply = false): Verdict | null {
  if (f.present) return null;
  if (f.presentSuppliers.length > 0) return strategicSupply ? { kind: 'extend', direction: 'downstream', strategicSupply: true } : { kind: 'extend', direction: 'downstream' };
  if (f.presentConsumers.length > 0) return { kind: 'extend', direction: 'upstream' };
  return null;
}
