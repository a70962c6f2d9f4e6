import type { SetPriorityChange } from './scenario.js';

/**
 * A `set-priority` change: the city's priority (0–1) of an industry or a segment, as leaders set it.
 *
 * @param target - `{ industry: id }` or `{ segment: id }`
 * @param weight - the priority in [0, 1]
 * @returns the change
 * @example
 * setPriority({ industry: 'new-energy' }, 1);
 */
export function setPriority(target: { readonly industry: string } | { readonly segment: string }, weight: number): SetPriorityChange {
  return 'industry' in target ? { type: 'set-priority', industry: target.industry, weight } : { type: 'set-priority', segment: target.segment, weight };
}
