import type { Company } from '../../schema/company.js';
import { warningText } from './importMessages.js';
import type { RowNote } from './rowToCompany.js';
import type { ImportReportRow, MergedRow, RejectedRow, RowOutcomeKind } from './types.js';

/** What an import knows at its end, by row. */
export interface ReportInput {
  /** Output companies; `rows[k]` is the row of company k, undefined for a dataset company that received merges. */
  readonly companies: readonly Company[];
  readonly rows: readonly (number | undefined)[];
  /** Positions (in `companies`) of off-chain companies. */
  readonly offChain: ReadonlySet<number>;
  readonly rejected: readonly RejectedRow[];
  readonly merged: readonly MergedRow[];
  /** Row-level warnings, by row. */
  readonly notesByRow: ReadonlyMap<number, readonly RowNote[]>;
}

const OUTCOME_ZH: Readonly<Record<RowOutcomeKind, string>> = { accepted: '新增目标', local: '本地企业', 'off-chain': '链外企业', merged: '合并', rejected: '拒绝' };

function placementLine(c: Company, outcome: RowOutcomeKind): { code: string; en: string; zh: string } {
  const p = c.placement;
  const evidence = (p?.evidence ?? []).slice(0, 3).map((e) => `${e.text}→${e.matched}`).join('；');
  if (outcome === 'off-chain') return { code: 'off-chain', en: `outside every chain: ${evidence}`, zh: `不在本市任何产业链上：${evidence}` };
  const industries = (c.industries ?? []).join(', ');
  const segments = (c.segments ?? []).join(', ');
  const local = outcome === 'local' ? { en: 'local enterprise (HQ in the home city), not a target; ', zh: '本地企业（总部在本市），不作为招商目标；' } : { en: '', zh: '' };
  if (segments.length > 0) return { code: 'placed', en: `${local.en}placed on ${segments} (${industries}), ${p?.status ?? 'given'}: ${evidence}`, zh: `${local.zh}挂链到环节 ${segments}（产业 ${industries}），${p?.status === 'uncertain' ? '待核实' : '已确认'}：${evidence}` };
  if (industries.length > 0) return { code: 'placed-industry', en: `${local.en}placed on industry ${industries} only (${p?.status}): ${evidence}`, zh: `${local.zh}只挂到产业 ${industries}（${p?.status === 'confirmed' ? '已确认' : '待核实'}），未确认环节：${evidence}` };
  return { code: 'unplaced', en: `${local.en}not placed on any chain (no usable industry, product or scope)`, zh: `${local.zh}未能挂链（没有可用的行业、产品或经营范围信息）` };
}

/**
 * The import report: for every data row, its outcome (新增目标 / 本地企业 / 链外企业 / 合并 / 拒绝) with the placement or
 * the reason, then one line per row-level warning. Every row of `allRows` appears at least once.
 *
 * @param allRows - the data rows' numbers, in order
 * @param input - what the import produced
 * @returns report lines in row order
 */
export function importReport(allRows: readonly number[], input: ReportInput): ImportReportRow[] {
  const byRow = new Map<number, ImportReportRow[]>();
  const push = (r: ImportReportRow): void => {
    const list = byRow.get(r.row);
    if (list === undefined) byRow.set(r.row, [r]);
    else list.push(r);
  };
  const outcomeOf = new Map<number, { outcome: RowOutcomeKind; name: string }>();
  input.companies.forEach((c, k) => {
    const row = input.rows[k];
    if (row === undefined) return;
    const outcome: RowOutcomeKind = input.offChain.has(k) ? 'off-chain' : c.local === true ? 'local' : 'accepted';
    outcomeOf.set(row, { outcome, name: c.name });
    const line = placementLine(c, outcome);
    push({ row, name: c.name, outcome, column: '', value: c.id, code: line.code, message: line.en, messageZh: line.zh });
  });
  for (const m of input.merged) {
    outcomeOf.set(m.row, { outcome: 'merged', name: m.name });
    const where = m.intoRow !== undefined ? { en: ` (row ${m.intoRow})`, zh: `（第 ${m.intoRow} 行）` } : { en: ' (already in the dataset)', zh: '（数据集中已有）' };
    push({ row: m.row, name: m.name, outcome: 'merged', column: '', value: m.into, code: `merged-${m.reason}`, message: `merged into ${m.into}${where.en}, ${m.reason}, confidence ${m.confidence}`, messageZh: `并入 ${m.into}${where.zh}，依据 ${m.reason}，置信度 ${m.confidence}` });
  }
  for (const x of input.rejected) {
    outcomeOf.set(x.row, { outcome: 'rejected', name: x.name });
    push({ row: x.row, name: x.name, outcome: 'rejected', column: x.column, value: x.value, code: x.code, message: x.message, messageZh: x.messageZh });
  }
  for (const [row, notes] of input.notesByRow) {
    const o = outcomeOf.get(row);
    if (o === undefined) continue;
    for (const n of notes) {
      const t = warningText(n.code, { count: 1, ...(n.value !== undefined ? { value: n.value, detail: n.value } : {}) });
      push({ row, name: o.name, outcome: o.outcome, column: n.column ?? '', value: n.value ?? '', code: n.code, message: t.en, messageZh: t.zh });
    }
  }
  return allRows.flatMap((r) => byRow.get(r) ?? []);
}

/** The Chinese name of an outcome (结果 column). */
export function outcomeZh(o: RowOutcomeKind): string {
  return OUTCOME_ZH[o];
}
