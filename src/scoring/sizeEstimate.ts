import type { Company, CompanyList } from '../schema/index.js';

/**
 * Revenue floors (亿元) a company on a list must at least have: the lists' entry thresholds, rounded down.
 * - 世界500强: the smallest revenue in the 2024 Fortune Global 500 edition is US$32.1bn ≈ 2,270亿元
 *   (../shared/data/external/fortune_global500_2022_2024_consistent.csv, at ≈ 7.1 CNY/USD); floor 2,200.
 * - 中国企业500强: entry threshold ≈ 470亿元 (中国企业联合会, 2024 list); floor 450.
 * - 中国民营企业500强: entry threshold ≈ 270亿元 (全国工商联, 2024 list); floor 270.
 * - 中国制造业企业500强: entry threshold ≈ 130亿元 (中国企业联合会, 2023–2024 lists); floor 130.
 * - 专精特新“小巨人”: 营业收入 ≥ 1亿元 is one of the entry criteria (工信部 2022 认定标准); floor 1.
 * - listed on an A-share board: main-board listing asks for several 亿元 of revenue; floor 5 (a rough estimate).
 */
export const LIST_REVENUE_FLOORS: Readonly<Record<CompanyList, number>> = Object.freeze({
  'fortune-global-500': 2200,
  'china-500': 450,
  'china-private-500': 270,
  'china-manufacturing-500': 130,
  'specialized-little-giant': 1,
  listed: 5,
});

/**
 * Revenue per employee (亿元) used to estimate revenue from staff: 0.015 = 150万元 per person, about the
 * national average of 规模以上工业企业 (营业收入 ÷ 平均用工人数, 国家统计局 2022–2023 yearbooks); a rough figure.
 */
export const REVENUE_PER_EMPLOYEE = 0.015;

/**
 * Revenue per 亿元 of registered capital used as a last resort (1: registered capital is a weak size proxy; the
 * estimate says so).
 */
export const REVENUE_PER_CAPITAL = 1;

/** An estimated revenue and what it rests on. */
export interface SizeEstimate {
  /** Estimated revenue, 亿元 (a lower bound for list floors). */
  readonly revenue: number;
  /** What the estimate rests on: a list, staff or registered capital. */
  readonly basis: 'list' | 'employees' | 'capital';
  /** The list, when the basis is a list. */
  readonly list?: CompanyList;
}

/**
 * A revenue estimate for a company that reports none (no `revenue`, no `revenueBand`): the largest of its lists'
 * entry thresholds (`LIST_REVENUE_FLOORS`, listing included), staff × `REVENUE_PER_EMPLOYEE` and registered
 * capital × `REVENUE_PER_CAPITAL`; `undefined` when none is known or the company reports its revenue.
 * Scale uses it and says it is an estimate, so no 世界500强 firm scores zero on size for a missing figure.
 *
 * @param company - the company
 * @returns the estimate, or undefined
 * @example
 * estimateSize({ lists: ['fortune-global-500'] } as Company); // { revenue: 2200, basis: 'list', list: 'fortune-global-500' }
 */
export function estimateSize(company: Company): SizeEstimate | undefined {
  if (company.revenue !== undefined || company.revenueBand !== undefined) return undefined;
  let best: SizeEstimate | undefined;
  const take = (e: SizeEstimate): void => {
    if (e.revenue > 0 && (best === undefined || e.revenue > best.revenue)) best = e;
  };
  const lists = company.lists;
  if (lists !== undefined) for (let k = 0; k < lists.length; k++) take({ revenue: LIST_REVENUE_FLOORS[lists[k]!], basis: 'list', list: lists[k]! });
  if (company.stockCode !== undefined) take({ revenue: LIST_REVENUE_FLOORS.listed, basis: 'list', list: 'listed' });
  if (company.employees !== undefined) take({ revenue: company.employees * REVENUE_PER_EMPLOYEE, basis: 'employees' });
  if (company.registeredCapital !== undefined) take({ revenue: company.registeredCapital * REVENUE_PER_CAPITAL, basis: 'capital' });
  return best;
}
