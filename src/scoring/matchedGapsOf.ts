import type { Company } from '../schema/index.js';
import type { ScoringContext } from './buildScoringContext.js';
import type { MatchedGap } from './types.js';

/**
 * The gaps a company's segments would help close (within the industry filter), by priority desc, then segment id.
 *
 * @param company - the company
 * @param ctx - the scoring context (gap verdicts per segment)
 * @returns the matched gaps; kind `none` segments and left-out 受限 gaps are left out
 * @example
 * matchedGapsOf(company, ctx)[0]; // { segment: 'nf-al-sheet-foil', kind: 'fill', priority: 0.7 }
 */
export function matchedGapsOf(company: Company, ctx: ScoringContext): MatchedGap[] {
  const out: MatchedGap[] = [];
  for (const id of new Set(company.segments ?? [])) {
    const slot = ctx.segmentSlot.get(id);
    const gap = ctx.gapBySegment.get(id);
    // A 受限 gap left out of the priority list (issue 14) is not one the company would help close.
    if (slot === undefined || ctx.inScope[slot] === 0 || gap === undefined || gap.kind === 'none' || gap.feasibility?.excluded === true) continue;
    out.push({ segment: id, kind: gap.kind, priority: gap.priority });
  }
  return out.sort((a, b) => b.priority - a.priority || (a.segment < b.segment ? -1 : 1));
}
