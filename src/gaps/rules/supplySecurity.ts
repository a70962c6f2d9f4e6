import type { SegmentFacts } from './facts.js';

/** Thresholds read by the supply-security finding. */
export interface SupplySecurityThresholds {
  readonly lowLocalSupply: number;
  readonly minInputWeight: number;
}

/**
 * The supply-security finding (供应安全 / 本地配套率): a present segment whose inputs (of total link
 * weight ≥ minInputWeight) come mostly from elsewhere, 本地配套率 < lowLocalSupply. It is reported
 * beside the segment's label (which may be "no gap": 祥光's 阴极铜 is strong however its ore is
 * imported) and points at the absent supplier segments, whose own labels are the gaps to act on.
 *
 * @param f - the segment's facts
 * @param t - thresholds
 * @returns true when the finding applies
 * @example
 * supplySecurity({ ...facts, present: true, localSupplyRate: 0, inputWeight: 0.9 }, t); // true
 */
export function supplySecurity(f: SegmentFacts, t: SupplySecurityThresholds): boolean {
  return f.present && f.localSupplyRate !== null && f.inputWeight >= t.minInputWeight && f.localSupplyRate < t.lowLocalSupply;
}
