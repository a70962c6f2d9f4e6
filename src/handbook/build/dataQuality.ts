import type { Handbook } from '../types.js';
import type { DataQualityNote } from '../types.js';
import { nameOf, type BuildContext } from './context.js';
import { monthsOf, STALE_MONTHS } from './targetCard.js';

const EXAMPLES = 6;

/**
 * Data-quality notes for the appendix (issue 18): which figures are estimates, which absences are unverified, which
 * segments' strength rests on estimates only (规模待核实, issue 14), which
 * records are old or weakly sourced, which project amounts no source states. Each note counts the records and names a
 * few (in dataset order); notes with a zero count are left out.
 *
 * @param ctx - the build context
 * @param toVerify - the overview's 待核实 gaps (no local firm on record, absence not verified)
 * @param date - the handbook's date (ages are judged against it)
 * @example
 * dataQualityNotes(ctx, hb.overview.toVerify, hb.date).map((n) => n.label);
 */
export function dataQualityNotes(ctx: BuildContext, toVerify: Handbook['overview']['toVerify'], date: string): DataQualityNote[] {
  const ds = ctx.index.dataset;
  const L = (zh: string, en: string): string => (ctx.lang === 'zh' ? zh : en);
  const note = (label: string, names: readonly string[]): DataQualityNote => ({ label, count: names.length, examples: names.slice(0, EXAMPLES) });
  const now = monthsOf(date);
  const records = [...ds.enterprises, ...ds.companies.filter((c) => c.local !== true)];
  const notes = [
    note(L('缺口为“未见本地企业记录”，空白未经核实（可能是数据缺漏，而非链条缺口）', 'Gaps where no local firm is on record and the absence is not verified (may be a hole in the data, not in the chain)'), toVerify.map((g) => g.name)),
    note(
      L('环节强弱未判断（规模待核实：本地企业营收均为估计值，请链长办补报实际营收或产能）', 'Segments whose strength is not judged (size to verify: every local firm’s revenue is an estimate; the chain office should enter the real revenue or capacity)'),
      ds.segments.filter((s) => {
        const g = ctx.gapBySegment.get(s.id);
        return g?.kind === 'none' && g.basis === 'size-unverified';
      }).map((s) => nameOf(ctx, s)),
    ),
    note(L('本地企业营收为估计值', 'Local firms whose revenue is an estimate'), ds.enterprises.filter((e) => e.revenueEstimated === true).map((e) => nameOf(ctx, e))),
    note(L('本地企业营收仅知区间', 'Local firms with a revenue band only'), ds.enterprises.filter((e) => e.revenue === undefined).map((e) => nameOf(ctx, e))),
    note(L('目标企业营收为估计值', 'Target companies whose revenue is an estimate'), ds.companies.filter((c) => c.revenueEstimated === true).map((c) => nameOf(ctx, c))),
    note(L('记录可信度为“低”（推断）', 'Records of low confidence (inferred)'), records.filter((r) => r.confidence === 'low').map((r) => nameOf(ctx, r))),
    note(L(`记录早于本手册日期 ${STALE_MONTHS / 12} 年以上`, `Records more than ${STALE_MONTHS / 12} years older than this handbook`), records.filter((r) => now - monthsOf(r.asOf) > STALE_MONTHS).map((r) => `${nameOf(ctx, r)} (${r.asOf})`)),
    note(L('重点项目投资额未见原文', 'Key projects whose amount no source states'), (ds.projects ?? []).filter((p) => p.amount === undefined).map((p) => nameOf(ctx, p))),
    note(L('重点项目投资额为估计值', 'Key projects whose amount is an estimate'), (ds.projects ?? []).filter((p) => p.amountEstimated === true).map((p) => nameOf(ctx, p))),
    note(L('细分方向为重构（未见官方清单）', 'Sub-directions reconstructed (no published list)'), ds.industries.flatMap((i) => i.subDirections).filter((s) => s.reconstructed === true).map((s) => nameOf(ctx, s))),
  ];
  return notes.filter((n) => n.count > 0);
}
