import type { ResolvedGapOptions } from '../options.js';
import { build, stronglyFed } from './build.js';
import { extend } from './extend.js';
import type { SegmentFacts, Verdict } from './facts.js';
import { fill } from './fill.js';
import { localNeed } from './localNeed.js';
import { smallBase, strengthen } from './strengthen.js';

/** The thresholds `classify` reads (`strategicExtendPush` defaults to 0.8 when a caller's object lacks it). */
export type ClassifyThresholds = Omit<ResolvedGapOptions['thresholds'], 'strategicExtendPush'> & { readonly strategicExtendPush?: number };

/**
 * Classify one segment by running the rules in a fixed order; the first that applies wins
 * (docs/methodology.md §1.8 states each rule):
 * - present: 强链 if weak (low presence vs demand or relative benchmark, single small firm) and
 *   needed locally (`localNeed`: strategic, or a present supplier or customer); weak but not needed:
 *   none, basis `no-local-need`; weak only on an estimated size (`sizeEstimated`): none, basis
 *   `size-unverified`, with the weaknesses it would have had (待核实); not weak: none (healthy);
 * - absent and not needed locally: none, basis `no-local-need`;
 * - absent and strategic, fed directly by a strong local segment (`stronglyFed`): 延链 downstream,
 *   flagged `strategicSupply` (before 补链 too: the action is to extend from that supplier);
 * - absent: 建链 (strategic, chain unit near-empty) → 补链 → 延链 (downstream or
 *   upstream, by link direction) → 强链 `small-base` (a local firm below the threshold) → 建链
 *   (strategic: group near-empty, or no local base).
 *
 * @param f - the segment's facts
 * @param thresholds - the resolved thresholds
 * @returns the verdict
 * @example
 * classify(facts, DEFAULT_GAP_OPTIONS.thresholds).kind; // 'fill'
 */
export function classify(f: SegmentFacts, thresholds: ClassifyThresholds): Verdict {
  const needed = localNeed(f);
  if (f.present) {
    const weak = strengthen(f, thresholds);
    if (weak === null) return { kind: 'none' };
    if (!needed) return { kind: 'none', basis: 'no-local-need' };
    // Issue 14: weakness measured on an estimated size only (no public revenue or capacity) is not asserted.
    if (f.sizeEstimated === true && weak.kind === 'strengthen') return { kind: 'none', basis: 'size-unverified', unverified: weak.weakness };
    return weak;
  }
  if (!needed) return { kind: 'none', basis: 'no-local-need' };
  if (f.strategic && stronglyFed(f, thresholds.strong, thresholds.strategicExtendPush ?? 0.8)) return extend(f, true)!;
  return build(f, thresholds.buildUnit, 'chain') ?? fill(f) ?? extend(f) ?? smallBase(f) ?? build(f, thresholds.buildUnit, 'fallback')!;
}
