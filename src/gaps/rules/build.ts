import type { SegmentFacts, Verdict } from './facts.js';

/**
 * Whether an absent strategic segment is fed directly by a strong local segment: a present supplier
 * with presence ≥ strong and supply push ≥ strategicExtendPush. Such a segment is 延链 (downstream,
 * flagged strategic), not 建链: 光伏支架与边框 next to local aluminium and coated sheet.
 *
 * @param f - the segment's facts
 * @param strong - the strong-presence threshold
 * @param push - the supply-push threshold
 * @returns true when strongly fed
 * @example
 * stronglyFed({ ...facts, supplyPush: 0.95, presentSuppliers: [{ index: 3, weight: 0.95, presence: 1 }] }, 0.6, 0.8); // true
 */
export function stronglyFed(f: SegmentFacts, strong: number, push: number): boolean {
  return f.supplyPush >= push && f.presentSuppliers.some((s) => s.presence >= strong);
}

/**
 * 建链 build — only for strategic segments (a strategic industry, sub-direction, group or segment
 * flag), in two passes of the classification:
 * - `chain` pass (first rule for an absent strategic segment): its sub-direction and industry both
 *   have mean presence < buildUnit — the whole chain is missing, so even a segment next to something
 *   local is part of building a new chain (a strongly fed segment, `stronglyFed`, never gets here: it is 延链).
 * - `fallback` pass (after 补链, 延链 and the small-base 强链): a strategic segment whose group
 *   (氢能, 低空经济 …) is near-empty → `strategic-unit`; otherwise `no-local-base` (no local firm and
 *   no present neighbour: built from scratch). Non-strategic segments never reach it (see `localNeed`).
 *
 * @param f - the segment's facts
 * @param buildUnit - the near-empty threshold of a unit's mean presence
 * @param pass - `chain` or `fallback`
 * @returns the build verdict, or null
 * @example
 * build(facts, 0.15, 'chain'); // { kind: 'build', basis: 'strategic-unit', unit: 7 }
 */
export function build(f: SegmentFacts, buildUnit: number, pass: 'chain' | 'fallback'): Verdict | null {
  if (f.present || !f.strategic) return null;
  if (pass === 'chain') {
    const nearEmpty = f.chainUnit.presence < buildUnit && f.industryUnit.presence < buildUnit;
    return nearEmpty ? { kind: 'build', basis: 'strategic-unit', unit: f.chainUnit.index } : null;
  }
  if (f.groupUnit !== null && f.groupUnit.presence < buildUnit) return { kind: 'build', basis: 'strategic-unit', unit: f.groupUnit.index };
  return { kind: 'build', basis: 'no-local-base' };
}
