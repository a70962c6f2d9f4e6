import type { ScoringContext } from './buildScoringContext.js';

/** Positions in the row `scanSegments` writes. */
export const SCAN = Object.freeze({ g1: 0, g2: 1, s1: 2, s2: 3, synergy: 4, policy: 5, scoped: 6 });

/** Width of the row `scanSegments` writes. */
export const SCAN_WIDTH = 7;

/**
 * The one pass over a company's segments within the industry filter (segments not in the dataset or out of scope
 * are skipped), shared by gap fit, synergy and policy: the best and second-best gap values `g1 ≥ g2` with their
 * slots `s1`, `s2` (a segment listed twice counts once; −1 when none), the largest synergy and policy values, and
 * `scoped` (1 when any segment counts, else 0). Each segment id is looked up in `segmentSlot` once; allocation-free
 * (the columnar pass calls it once per candidate), the results written into `out` at the `SCAN` positions.
 *
 * @param segments - the company's segment ids (`company.segments`)
 * @param ctx - the scoring context
 * @param out - at least `SCAN_WIDTH` slots; the first `SCAN_WIDTH` are overwritten
 * @example
 * const row = new Float64Array(SCAN_WIDTH);
 * scanSegments(['nf-al-sheet-foil'], ctx, row);
 * row[SCAN.g1]; // gap value of the sheet-and-foil segment
 */
export function scanSegments(segments: readonly string[] | undefined, ctx: ScoringContext, out: Float64Array): void {
  const { segmentSlot, inScope, gapValue, synergyValue, policyValue } = ctx;
  let g1 = 0;
  let g2 = 0;
  let s1 = -1;
  let s2 = -1;
  let syn = 0;
  let pol = 0;
  let scoped = 0;
  if (segments !== undefined) {
    for (let k = 0; k < segments.length; k++) {
      const slot = segmentSlot.get(segments[k]!);
      if (slot === undefined || inScope[slot] === 0) continue;
      scoped = 1;
      const sv = synergyValue[slot]!;
      if (sv > syn) syn = sv;
      const pv = policyValue[slot]!;
      if (pv > pol) pol = pv;
      if (slot === s1 || slot === s2) continue;
      const v = gapValue[slot]!;
      if (v > g1) {
        g2 = g1;
        s2 = s1;
        g1 = v;
        s1 = slot;
      } else if (v > g2) {
        g2 = v;
        s2 = slot;
      }
    }
  }
  out[SCAN.g1] = g1;
  out[SCAN.g2] = g2;
  out[SCAN.s1] = s1;
  out[SCAN.s2] = s2;
  out[SCAN.synergy] = syn;
  out[SCAN.policy] = pol;
  out[SCAN.scoped] = scoped;
}
