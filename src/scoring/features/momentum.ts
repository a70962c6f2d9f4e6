import type { Reason } from '../../gaps/types.js';
import type { Company, Signal } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import { SIGNAL_LABELS } from '../labels.js';
import type { Feature } from './Feature.js';

/** Constants of the momentum feature (see docs/methodology.md). */
export const MOMENTUM = Object.freeze({
  /** Growth (fraction) that scores 1: 30% a year. */
  fullGrowth: 0.3,
  /** Share of growth alone: growth without a dated signal tops out at 0.6. */
  growthShare: 0.6,
  /** A signal loses half its weight every this many years before `asOf`. */
  halfLifeYears: 2,
  /** Weight of each kind of signal before decay. */
  signalWeights: Object.freeze({
    'new-plant': 1,
    capex: 0.9,
    expansion: 0.9,
    financing: 0.7,
    ipo: 0.7,
    merger: 0.6,
    growth: 0.5,
    other: 0.4,
  } satisfies Record<Signal['type'], number>),
});

const DAYS_PER_YEAR = 365.25;

function ageYears(signal: Signal, ctx: ScoringContext): number {
  const day = ctx.dayOf(signal.date);
  return day === undefined ? Number.POSITIVE_INFINITY : Math.max(0, (ctx.asOfDay - day) / DAYS_PER_YEAR);
}

function signalStrength(signal: Signal, ctx: ScoringContext): number {
  return MOMENTUM.signalWeights[signal.type] * 2 ** (-ageYears(signal, ctx) / MOMENTUM.halfLifeYears);
}

function growthScore(company: Company): number {
  const g = company.growth;
  return g === undefined || !(g > 0) ? 0 : Math.min(1, g / MOMENTUM.fullGrowth);
}

function momentumValue(company: Company, ctx: ScoringContext): number {
  let miss = 1;
  const signals = company.signals;
  if (signals !== undefined) for (let k = 0; k < signals.length; k++) miss *= 1 - signalStrength(signals[k]!, ctx);
  return 1 - (1 - MOMENTUM.growthShare * growthScore(company)) * miss;
}

/**
 * Momentum: growth and dated expansion signals. growth score = clamp(growth / 30%); each signal weighs
 * w(type) · 2^(−age / 2 years), age counted back from `asOf` (default `dataset.meta.asOf`, never today's
 * clock); signals combine as 1 − Π(1 − s). momentum = 1 − (1 − 0.6 · growth score) · Π(1 − s).
 *
 * @example
 * momentum.explain(company, ctx).reasons[0]?.zh; // '2025-06 新建工厂：新建储能电芯工厂（距基准日 1.4 年，计 0.70）'
 */
export const momentum: Feature = {
  name: 'momentum',
  value: momentumValue,
  explain(company, ctx) {
    const reasons: Reason[] = [];
    const g = company.growth;
    if (g !== undefined) {
      const pct = `${(g * 100).toFixed(0)}%`;
      reasons.push({ code: 'momentum.growth', zh: `营收增长 ${pct}`, en: `revenue growth ${pct}` });
    }
    const ranked = (company.signals ?? [])
      .map((s) => ({ s, strength: signalStrength(s, ctx), age: ageYears(s, ctx) }))
      .sort((a, b) => b.strength - a.strength || (a.s.date < b.s.date ? 1 : a.s.date > b.s.date ? -1 : 0));
    for (const { s, strength, age } of ranked.slice(0, 2)) {
      const label = SIGNAL_LABELS[s.type];
      const stale = age > 2 * MOMENTUM.halfLifeYears;
      reasons.push({
        code: stale ? 'momentum.stale-signal' : 'momentum.signal',
        zh: `${s.date} ${label.zh}：${s.text}（距基准日 ${age.toFixed(1)} 年，计 ${strength.toFixed(2)}${stale ? '，信号较旧' : ''}）`,
        en: `${s.date} ${label.en}: ${s.text} (${age.toFixed(1)} years before the reference date, counts ${strength.toFixed(2)}${stale ? ', stale' : ''})`,
      });
    }
    return { value: momentumValue(company, ctx), reasons };
  },
};
