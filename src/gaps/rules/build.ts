import type { SegmentFacts, Verdict } from './facts.js';

/**
 * 建链 build, in two passes of the classification:
 * - `chain` pass (first of all rules for an absent segment): a strategic absent segment whose
 *   sub-direction and industry both have mean presence < buildUnit: the whole chain is missing,
 *   so even a hole or a segment next to something local is part of building a new chain. (A
 *   near-empty sub-direction of a strong industry is left to 补链 / 延链: it grows from that base.)
 * - `fallback` pass (after 延链, always returns a verdict): a strategic segment whose group
 *   (氢能, 低空经济 …) is near-empty → `strategic-unit`; otherwise `no-local-base` (absent with no
 *   present neighbour: nothing local to extend from).
 *
 * @param f - the segment's facts
 * @param buildUnit - the near-empty threshold of a unit's mean presence
 * @param pass - `chain` or `fallback`
 * @returns the build verdict, or null (chain pass only)
 * @example
 * build(facts, 0.15, 'chain'); // { kind: 'build', basis: 'strategic-unit', unit: 7 }
 */
export function build(f: SegmentFacts, buildUnit: number, pass: 'chain' | 'fallback'): Verdict | null {
  if (f.present) return null;
  if (pass === 'chain') {
    const nearEmpty = f.chainUnit.presence < buildUnit && f.industryUnit.presence < buildUnit;
    return f.strategic && nearEmpty ? { kind: 'build', basis: 'strategic-unit', unit: f.chainUnit.index } : null;
  }
  if (f.strategic && f.groupUnit !== null && f.groupUnit.presence < buildUnit) return { kind: 'build', basis: 'strategic-unit', unit: f.groupUnit.index };
  return { kind: 'build', basis: 'no-local-base' };
}
