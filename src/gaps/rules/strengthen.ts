import type { SegmentFacts, Verdict, Weakness } from './facts.js';

/** Thresholds read by the 强链 rule. */
export interface StrengthenThresholds {
  readonly strong: number;
  readonly demandHigh: number;
  readonly singleFirmHhi: number;
}

/**
 * 强链 strengthen: a present segment that is weak in itself (`classify` applies it only to a segment
 * the city needs, see `localNeed`):
 * - `low-presence`: p < strong while local demand pull ≥ demandHigh (local capacity lags local
 *   demand), or p < strong against a relative benchmark (就地转化率 below its target);
 * - `single-firm`: HHI ≥ singleFirmHhi and p < strong (one small firm carries it: fragile; a single
 *   large anchor firm, p ≥ strong, is a 链主 and not flagged).
 * Imported inputs are not a weakness of the segment itself: a strong segment with a low 本地配套率
 * is healthy and gets a separate supply-security finding (see `supplySecurity`), which points at
 * its suppliers' gaps. No tech-level measure exists in the data yet, so none is tested.
 *
 * @param f - the segment's facts
 * @param t - thresholds
 * @returns the strengthen verdict with its weaknesses, or null (absent, or healthy)
 * @example
 * strengthen(facts, DEFAULT_GAP_OPTIONS.thresholds); // { kind: 'strengthen', weakness: ['single-firm'] }
 */
export function strengthen(f: SegmentFacts, t: StrengthenThresholds): Verdict | null {
  if (!f.present) return null;
  const weakness: Weakness[] = [];
  const belowTarget = f.benchmark?.kind === 'relative';
  if (f.presence < t.strong && (f.demandPull >= t.demandHigh || belowTarget)) weakness.push('low-presence');
  if (f.hhi !== null && f.hhi >= t.singleFirmHhi && f.presence < t.strong) weakness.push('single-firm');
  return weakness.length > 0 ? { kind: 'strengthen', weakness } : null;
}

/**
 * 强链 on a small local base: a segment below the `present` threshold that has at least one active
 * local firm but no present neighbour to fill or extend from (checked after 补链 and 延链, for a
 * segment the city needs). The firm is a base to grow, so the segment is never "从零建链".
 *
 * @param f - the segment's facts
 * @returns strengthen ['small-base'], or null
 * @example
 * smallBase({ ...facts, present: false, firmCount: 1 }); // { kind: 'strengthen', weakness: ['small-base'] }
 */
export function smallBase(f: SegmentFacts): Verdict | null {
  return !f.present && f.firmCount > 0 ? { kind: 'strengthen', weakness: ['small-base'] } : null;
}
