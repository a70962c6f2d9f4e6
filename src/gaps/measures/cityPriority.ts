import type { Priorities } from '../../schema/datasetMeta.js';
import type { Segment } from '../../schema/segment.js';
import { own } from '../../internal/own.js';

/**
 * The city's own priority for a segment, from `dataset.meta.priorities`: the segment's weight if
 * listed, else its industry's, else 0 (the city did not name it). Read from the dataset on every
 * run, so a what-if that changes priorities changes the gap priorities.
 *
 * @param priorities - `meta.priorities`, possibly undefined
 * @param segment - the segment
 * @returns a weight in [0, 1]
 * @example
 * cityPriority({ industries: { nonferrous: 1 } }, alSegment); // 1
 */
export function cityPriority(priorities: Priorities | undefined, segment: Segment): number {
  return own(priorities?.segments, segment.id) ?? own(priorities?.industries, segment.industry) ?? 0;
}
