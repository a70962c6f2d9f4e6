import type { Reason } from '../../gaps/types.js';
import type { Company, Signal } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import { ageYearsFormula, complementFormula, decayFormula, NUMBERS, type Arithmetic } from '../formula.js';
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

/**
 * Strength of a signal from its type's weight and its age in years: weight · 2^(−age / `MOMENTUM.halfLifeYears`).
 * Written once for both engines (see `Arithmetic`).
 *
 * @example
 * signalStrengthFormula(NUMBERS, 1, 2); // 0.5
 */
export function signalStrengthFormula<T>(A: Arithmetic<T>, weight: T, age: T): T {
  return decayFormula(A, weight, age, MOMENTUM.halfLifeYears);
}

/**
 * Growth score of a growth rate: min(1, positive(growth) / `MOMENTUM.fullGrowth`) (0 for no growth or a decline).
 *
 * @example
 * growthScoreFormula(NUMBERS, 0.15); // 0.5
 */
export function growthScoreFormula<T>(A: Arithmetic<T>, growth: T): T {
  return A.min(A.num(1), A.div(A.positive(growth), A.num(MOMENTUM.fullGrowth)));
}

/**
 * Momentum from the growth score and the product of the signals' misses Π(1 − s):
 * 1 − (1 − `MOMENTUM.growthShare` · growth score) · Π(1 − s).
 *
 * @example
 * momentumFormula(NUMBERS, 1, 0.5); // 0.8
 */
export function momentumFormula<T>(A: Arithmetic<T>, growthScore: T, signalMiss: T): T {
  return complementFormula(A, A.mul(A.sub(A.num(1), A.mul(A.num(MOMENTUM.growthShare), growthScore)), signalMiss));
}

function ageYears(signal: Signal, ctx: ScoringContext): number {
  const day = ctx.dayOf(signal.date);
  return day === undefined ? Number.POSITIVE_INFINITY : ageYearsFormula(NUMBERS, ctx.asOfDay, day);
}

function signalStrength(signal: Signal, ctx: ScoringContext): number {
  return signalStrengthFormula(NUMBERS, MOMENTUM.signalWeights[signal.type], ageYears(signal, ctx));
}

function growthScore(company: Company): number {
  const g = company.growth;
  return g === undefined ? 0 : growthScoreFormula(NUMBERS, g);
}

function momentumValue(company: Company, ctx: ScoringContext): number {
  let miss = 1;
  const signals = company.signals;
  if (signals !== undefined) for (let k = 0; k < signals.length; k++) miss *= complementFormula(NUMBERS, signalStrength(signals[k]!, ctx));
  return momentumFormula(NUMBERS, growthScore(company), miss);
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
