import type { SegmentFacts, Verdict } from './facts.js';

/** Thresholds read by the 强链 rule. */
export interface StrengthenThresholds {
  readonly strong: number;
  readonly demandHigh: number;
  readonly singleFirmHhi: number;
  readonly lowLocalSupply: number;
  readonly minInputWeight: number;
}

/**
 * 强链 strengthen: a present segment that is weak in at least one way:
 * - `low-presence`: p < strong while demand pull ≥ demandHigh (local demand exceeds local capacity);
 * - `single-firm`: HHI ≥ singleFirmHhi and p < strong (one small firm carries it: fragile; a single
 *   large anchor firm, p ≥ strong, is a 链主 and not flagged);
 * - `low-local-supply`: 本地配套率 < lowLocalSupply while its inputs weigh ≥ minInputWeight.
 *
 * @param f - the segment's facts
 * @param t - thresholds
 * @returns the strengthen verdict with its weaknesses, or null (absent, or present and healthy)
 * @example
 * strengthen(facts, DEFAULT_GAP_OPTIONS.thresholds); // { kind: 'strengthen', weakness: ['single-firm'] }
 */
export function strengthen(f: SegmentFacts, t: StrengthenThresholds): Verdict | null {
  if (!f.present) return null;
  const weakness: ('low-presence' | 'single-firm' | 'low-local-supply')[] = [];
  if (f.presence < t.strong && f.demandPull >= t.demandHigh) weakness.push('low-presence');
  if (f.hhi !== null && f.hhi >= t.singleFirmHhi && f.presence < t.strong) weakness.push('single-firm');
  if (f.localSupplyRate !== null && f.inputWeight >= t.minInputWeight && f.localSupplyRate < t.lowLocalSupply) weakness.push('low-local-supply');
  return weakness.length > 0 ? { kind: 'strengthen', weakness } : null;
}
