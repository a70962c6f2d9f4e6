import type { Reason } from '../../gaps/types.js';
import { statedRevenue } from '../../model/revenueBand.js';
import { REVENUE_BANDS, type Company, type CompanyList, type RevenueBand } from '../../schema/index.js';
import { COMPANY_LIST_LABELS } from '../labels.js';
import { estimateSize, REVENUE_PER_EMPLOYEE } from '../sizeEstimate.js';
import { NUMBERS, type Arithmetic } from '../formula.js';
import type { ScoringContext } from '../buildScoringContext.js';
import type { UnknownScale } from '../unknownScale.js';
import type { Feature } from './Feature.js';

/** Constants of the scale feature (see docs/methodology.md). */
export const SCALE = Object.freeze({
  /** Revenue (亿元) that scores 1 on the log scale. */
  fullRevenue: 5000,
  /**
   * Scale of a firm of unknown size (no revenue, band, list, listing, staff or registered capital on record) when the
   * ranking has too few known-size candidates to take their lower quartile (`UnknownScale`, `minKnown`):
   * the lower quartile of the embedded target list's scale (0.42), so a firm the data knows nothing about is neither
   * ranked as the smallest (unknown is not small) nor as a typical target; the reason says it is to be verified.
   */
  unknown: 0.42,
  /**
   * Fewest known-size candidates for the unknown-size scale to be their lower quartile (`unknownScaleOf`), else
   * `unknown`. With 20 the quartile is the 5th smallest value: at least five firms lie at or below it, so no single
   * firm decides it, and the share of a population below the 5th of 20 draws has a standard deviation of about 0.09
   * (Beta(5, 16)); with 10 it would be the 3rd smallest and 0.13.
   */
  minKnown: 20,
  /** The quantile of the known-size candidates' scale given to a firm of unknown size: the lower quartile. */
  unknownQuantile: 0.25,
  /** Share of revenue in the feature; the rest is the best list membership. */
  revenueShare: 0.6,
  /** Score of each list; a company takes its best one. */
  lists: Object.freeze({
    'fortune-global-500': 1,
    'china-500': 0.85,
    'china-private-500': 0.8,
    'china-manufacturing-500': 0.7,
    'specialized-little-giant': 0.6,
    listed: 0.5,
  } satisfies Record<CompanyList, number>),
});

/** log10(1 + `SCALE.fullRevenue`): the divisor of the revenue score. */
export const LOG_FULL = Math.log10(1 + SCALE.fullRevenue);

/** Revenue in 亿元 used for scale: the figure when known, else the band's geometric midpoint. */
function revenueOf(company: Company): number | undefined {
  return statedRevenue(company, 'geometric');
}

function listScore(company: Company): number {
  let best = company.stockCode !== undefined ? SCALE.lists.listed : 0;
  const lists = company.lists;
  if (lists !== undefined) for (let k = 0; k < lists.length; k++) best = Math.max(best, SCALE.lists[lists[k]!]);
  return best;
}

/**
 * Revenue score of a revenue (亿元) on the log scale: min(1, log10(1 + revenue) / `LOG_FULL`). Written once for both
 * engines (see `Arithmetic`).
 *
 * @example
 * revenueScoreFormula(NUMBERS, 5000); // 1
 */
export function revenueScoreFormula<T>(A: Arithmetic<T>, revenue: T): T {
  return A.min(A.num(1), A.div(A.log10(A.add(A.num(1), revenue)), A.num(LOG_FULL)));
}

/**
 * Scale from its revenue score and best list score: `SCALE.revenueShare` · revenue + (1 − share) · list.
 *
 * @example
 * scaleFormula(NUMBERS, 1, 0.5); // 0.8
 */
export function scaleFormula<T>(A: Arithmetic<T>, revenue: T, list: T): T {
  return A.add(A.mul(A.num(SCALE.revenueShare), revenue), A.mul(A.num(1 - SCALE.revenueShare), list));
}

function revenueScore(revenue: number | undefined): number {
  return revenue === undefined ? 0 : revenueScoreFormula(NUMBERS, revenue);
}

/**
 * The revenue score of a company known only by its band, per band: the same arithmetic as for a figure
 * (`revenueScore(revenueOf(company))`), done once when the module loads instead of once per company
 * (a derived constant, never written after).
 */
export const BAND_SCORE: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries((Object.keys(REVENUE_BANDS) as RevenueBand[]).map((b) => [b, revenueScore(revenueOf({ revenueBand: b } as Company))])),
);

/**
 * True when nothing about the company's size is on record: no revenue, band, list (an empty `lists` is none), listing,
 * staff or registered capital. Such a firm scores the ranking's unknown-size scale (`UnknownScale`: the lower quartile
 * of the known-size candidates, else `SCALE.unknown`).
 *
 * @example
 * sizeUnknown({ lists: [] } as unknown as Company); // true
 */
export function sizeUnknown(company: Company): boolean {
  return (
    company.revenue === undefined &&
    company.revenueBand === undefined &&
    (company.lists === undefined || company.lists.length === 0) &&
    company.stockCode === undefined &&
    company.employees === undefined &&
    company.registeredCapital === undefined
  );
}

/**
 * Scale of a company whose size is on record (`sizeUnknown` false): revenue, else band, else the estimate from lists,
 * listing, staff and capital (0 when the estimate is 0, e.g. 参保人数 0), combined with the best list. It reads
 * nothing of the ranking, so the unknown-size quartile can be taken over these values before scoring. For a company
 * of unknown size it gives the formula's value for nothing (0): callers test `sizeUnknown` first.
 *
 * @example
 * knownScale({ revenue: 5000 } as Company); // 0.6
 */
export function knownScale(company: Company): number {
  const rev =
    company.revenue !== undefined
      ? revenueScore(company.revenue)
      : company.revenueBand !== undefined
        ? BAND_SCORE[company.revenueBand]!
        : revenueScore(estimateSize(company)?.revenue);
  return scaleFormula(NUMBERS, rev, listScore(company));
}

function scaleValue(company: Company, ctx: ScoringContext): number {
  return sizeUnknown(company) ? ctx.unknownScale.value : knownScale(company);
}

/**
 * The reason of the unknown-size scale: the value, and whether it is the city pool's quartile or the fallback. The
 * pool is the ranked list's own (`inUnknownScalePool`: its non-local firms relevant to the city's chains, the same
 * under any industry filter) — the dataset's companies, or a `--companies` list, a what-if's or a backtest's list — so
 * the text says "the list", not "the city's firms".
 */
export function unknownScaleReason(u: UnknownScale): Reason {
  const v = Math.round(u.value * 100) / 100;
  const what = { zh: '规模未知（无营收、名单、上市、员工或注册资本记录）', en: 'size unknown (no revenue, list, listing, staff or registered capital on record)' };
  const pool = { zh: '本市候选池（名单中与本市产业链相关的非本地企业，不因产业筛选而变）', en: "the city's pool (the list's non-local firms relevant to the city's chains, the same under any industry filter)" };
  if (u.basis === 'pool') {
    return {
      code: 'scale.unknown',
      zh: `${what.zh}：按${pool.zh}中已知规模企业（${u.known} 家）的下四分位 ${v} 计，待核实`,
      en: `${what.en}: counted at the lower quartile ${v} of the ${u.known} known-size firms in ${pool.en}; to be verified`,
    };
  }
  return {
    code: 'scale.unknown',
    zh: `${what.zh}：${pool.zh}中已知规模企业不足 ${SCALE.minKnown} 家（${u.known} 家），按内置聊城目标名单的下四分位 ${v} 计，待核实`,
    en: `${what.en}: fewer than ${SCALE.minKnown} known-size firms in ${pool.en} (${u.known}), counted at the embedded Liaocheng target list's lower quartile ${v}; to be verified`,
  };
}

function estimateReason(est: NonNullable<ReturnType<typeof estimateSize>>, company: Company): Reason {
  const amount = est.revenue >= 10 ? Math.round(est.revenue) : Math.round(est.revenue * 10) / 10;
  if (est.basis === 'list') {
    const list = COMPANY_LIST_LABELS[est.list!];
    return { code: 'scale.estimate', zh: `营收未披露：按${list.zh}入围门槛估计不低于 ${amount}亿元（估计）`, en: `revenue not reported: at least ¥${amount / 10}bn by the ${list.en} threshold (estimate)` };
  }
  if (est.basis === 'employees') {
    return { code: 'scale.estimate', zh: `营收未披露：按员工 ${company.employees} 人 × 人均 ${REVENUE_PER_EMPLOYEE * 10000}万元估计约 ${amount}亿元（估计）`, en: `revenue not reported: about ¥${amount / 10}bn from ${company.employees} staff × ¥${REVENUE_PER_EMPLOYEE * 100}m each (estimate)` };
  }
  return { code: 'scale.estimate', zh: `营收未披露：按注册资本粗估约 ${amount}亿元（估计，仅供参考）`, en: `revenue not reported: roughly ¥${amount / 10}bn from registered capital (rough estimate)` };
}

/**
 * Scale: revenue on a log scale (log10(1 + revenue) / log10(1 + 5000), revenue in 亿元, a band's geometric
 * midpoint when only the band is known, else an estimate from lists, staff or registered capital — see
 * `estimateSize` — marked as such) for 60%, and the best list for 40% (世界500强 1, 中国企业500强 0.85,
 * 中国民营企业500强 0.8, 制造业500强 0.7, 专精特新“小巨人” 0.6, listed 0.5). A firm with nothing about its size on
 * record scores the ranking's unknown-size scale (`ctx.unknownScale`: the lower quartile of the known-size firms of
 * the city's pool — its chain-relevant candidates before any industry filter — else `SCALE.unknown` 0.42) and says so: unknown is neither the smallest nor a bonus.
 *
 * @example
 * scale.explain(company, ctx).reasons.map((r) => r.zh); // ['营收 1000–5000亿元', '世界500强、上市公司']
 */
export const scale: Feature = {
  name: 'scale',
  value(company, ctx) {
    return scaleValue(company, ctx);
  },
  explain(company, ctx) {
    const reasons: Reason[] = [];
    if (company.revenue !== undefined) {
      const year = company.revenueYear !== undefined ? `（${company.revenueYear}）` : '';
      const est = company.revenueEstimated === true ? '约' : '';
      reasons.push({ code: 'scale.revenue', zh: `营收${est} ${company.revenue}亿元${year}`, en: `revenue ${est ? '≈ ' : ''}¥${company.revenue / 10}bn${company.revenueYear !== undefined ? ` (${company.revenueYear})` : ''}` });
    } else if (company.revenueBand !== undefined) {
      // Issue 17: a band says its year and, when it is an estimate (no published figure), says so.
      const band = REVENUE_BANDS[company.revenueBand as RevenueBand];
      const year = company.revenueYear !== undefined ? `（${company.revenueYear}）` : '';
      const est = company.revenueEstimated === true;
      reasons.push({
        code: 'scale.revenue',
        zh: `营收${est ? '约' : ''} ${band.zh}${year}${est ? '（估计）' : ''}`,
        en: `revenue ${est ? '≈ ' : ''}${band.en}${company.revenueYear !== undefined ? ` (${company.revenueYear})` : ''}${est ? ' (estimate)' : ''}`,
      });
    } else if (sizeUnknown(company)) {
      reasons.push(unknownScaleReason(ctx.unknownScale));
    } else {
      const est = estimateSize(company);
      if (est !== undefined) reasons.push(estimateReason(est, company));
    }
    const lists = [...new Set([...(company.lists ?? []), ...(company.stockCode !== undefined ? (['listed'] as const) : [])])];
    lists.sort((a, b) => SCALE.lists[b] - SCALE.lists[a] || (a < b ? -1 : 1));
    if (lists.length > 0) {
      const code = company.stockCode !== undefined ? ` ${company.stockCode}` : '';
      reasons.push({
        code: 'scale.lists',
        zh: lists.map((l) => (l === 'listed' ? `${COMPANY_LIST_LABELS[l].zh}${code}` : COMPANY_LIST_LABELS[l].zh)).join('、'),
        en: lists.map((l) => (l === 'listed' ? `${COMPANY_LIST_LABELS[l].en}${code}` : COMPANY_LIST_LABELS[l].en)).join(', '),
      });
    }
    return { value: scaleValue(company, ctx), reasons };
  },
};
