import type { Industry } from '../schema/industry.js';
import type { Segment } from '../schema/segment.js';

/**
 * Whether a segment is strategic: its own `strategic` flag when set, else its sub-direction's
 * `strategic` flag when set (issue 14), else its industry's `strategic` or `future` flag (a segment
 * of 新能源 is strategic unless it says otherwise).
 *
 * @param segment - the segment
 * @param industry - its industry, when known
 * @returns true for a strategic segment
 * @example
 * segmentIsStrategic({ ...seg, strategic: undefined }, { ...ind, strategic: true }); // true
 */
export function segmentIsStrategic(segment: Segment, industry: Industry | undefined): boolean {
  if (segment.strategic !== undefined) return segment.strategic;
  const sub = segment.subDirection !== undefined ? industry?.subDirections.find((d) => d.id === segment.subDirection) : undefined;
  if (sub?.strategic !== undefined) return sub.strategic;
  return industry?.strategic === true || industry?.future === true;
}
