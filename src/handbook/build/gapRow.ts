import { GAP_KIND_LABELS, RESTRICTED_LABEL, type SegmentGap } from '../../gaps/types.js';
import { STAGE_LABELS } from '../labels.js';
import type { GapRow } from '../types.js';
import { nameOf, round, t, type BuildContext } from './context.js';

/** A gap as a table row, in the context's language. */
export function gapRow(gap: SegmentGap, ctx: BuildContext): GapRow {
  const industry = ctx.index.industryById.get(gap.industry);
  return {
    segment: gap.id,
    name: ctx.lang === 'zh' ? gap.name : gap.nameEn,
    industry: gap.industry,
    industryName: industry ? nameOf(ctx, industry) : gap.industry,
    stage: gap.stage,
    stageLabel: t(ctx, STAGE_LABELS[gap.stage]),
    kind: gap.kind,
    // Issue 14: a gap on a segment with a policy reads 受限 (its kind in brackets).
    kindLabel: gap.kind !== 'none' && gap.feasibility !== undefined ? `${t(ctx, RESTRICTED_LABEL)}${ctx.lang === 'zh' ? `（${t(ctx, GAP_KIND_LABELS[gap.kind])}）` : ` (${t(ctx, GAP_KIND_LABELS[gap.kind])})`}` : t(ctx, GAP_KIND_LABELS[gap.kind]),
    priority: round(gap.priority, 4),
    presence: round(gap.measures.presence, 4),
    firmCount: gap.measures.firmCount,
    localFirms: gap.localFirms.map((id) => {
      const e = ctx.index.enterpriseById.get(id);
      return e ? nameOf(ctx, e) : id;
    }),
    reasons: gap.reasons.map((r) => t(ctx, r)),
  };
}
