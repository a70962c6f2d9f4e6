import type { ResolvedGapOptions } from '../options.js';
import { build } from './build.js';
import { extend } from './extend.js';
import type { SegmentFacts, Verdict } from './facts.js';
import { fill } from './fill.js';
import { strengthen } from './strengthen.js';

/**
 * Classify one segment by running the rules in a fixed order; the first that applies wins.
 * Present: 强链 if weak, else none. Absent: 建链 (strategic, chain unit near-empty) → 补链 → 延链 →
 * 建链 (strategic group near-empty, or no local neighbour). Every absent segment gets a gap kind.
 *
 * @param f - the segment's facts
 * @param thresholds - the resolved thresholds
 * @returns the verdict
 * @example
 * classify(facts, DEFAULT_GAP_OPTIONS.thresholds).kind; // 'fill'
 */
export function classify(f: SegmentFacts, thresholds: ResolvedGapOptions['thresholds']): Verdict {
  if (f.present) return strengthen(f, thresholds) ?? { kind: 'none' };
  return build(f, thresholds.buildUnit, 'chain') ?? fill(f) ?? extend(f) ?? build(f, thresholds.buildUnit, 'fallback')!;
}
