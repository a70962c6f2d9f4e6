import type { Company, Risk } from '../../schema/index.js';
import type { ScoringContext } from '../buildScoringContext.js';
import { ageYearsFormula, complementFormula, decayFormula, NUMBERS, type Arithmetic } from '../formula.js';
import { RISK_LABELS } from '../labels.js';
import type { Feature } from './Feature.js';

/** Constants of the risk feature (see docs/methodology.md). */
export const RISK = Object.freeze({
  severity: Object.freeze({ low: 0.3, medium: 0.6, high: 1 } satisfies Record<Risk['severity'], number>),
  type: Object.freeze({ distress: 1, sanctions: 1, environmental: 0.8, litigation: 0.6, overcapacity: 0.5, other: 0.5 } satisfies Record<Risk['type'], number>),
  /** A dated risk loses half its weight every this many years before `asOf`; undated risks do not decay. */
  halfLifeYears: 3,
});

/**
 * Strength of a risk from its severity's and type's weights and its age in years (0 when undated):
 * severity · type · 2^(−age / `RISK.halfLifeYears`). Written once for both engines (see `Arithmetic`).
 *
 * @example
 * riskStrengthFormula(NUMBERS, 1, 0.5, 3); // 0.25
 */
export function riskStrengthFormula<T>(A: Arithmetic<T>, severity: T, type: T, age: T): T {
  return decayFormula(A, A.mul(severity, type), age, RISK.halfLifeYears);
}

function riskStrength(r: Risk, ctx: ScoringContext): number {
  const day = r.date !== undefined ? ctx.dayOf(r.date) : undefined;
  const age = day === undefined ? 0 : ageYearsFormula(NUMBERS, ctx.asOfDay, day);
  return riskStrengthFormula(NUMBERS, RISK.severity[r.severity], RISK.type[r.type], age);
}

function riskValue(company: Company, ctx: ScoringContext): number {
  let miss = 1;
  const risks = company.risks;
  if (risks !== undefined) for (let k = 0; k < risks.length; k++) miss *= complementFormula(NUMBERS, riskStrength(risks[k]!, ctx));
  return complementFormula(NUMBERS, miss);
}

/**
 * Risk (subtracted): distress, sanctions, environmental, litigation or overcapacity flags in the data.
 * Each flag weighs severity (low 0.3, medium 0.6, high 1) × type (distress, sanctions 1; environmental 0.8;
 * litigation 0.6; overcapacity, other 0.5) × 2^(−age / 3 years) when dated; risk = 1 − Π(1 − r).
 *
 * @example
 * risk.explain(company, ctx).reasons[0]?.zh; // '风险（经营困境，高）：2024年进入重整程序'
 */
export const risk: Feature = {
  name: 'risk',
  value: riskValue,
  explain(company, ctx) {
    const reasons = (company.risks ?? []).map((r) => ({
      code: `risk.${r.type}`,
      zh: `风险（${RISK_LABELS[r.type].zh}，${RISK_LABELS[r.severity].zh}）：${r.date !== undefined ? `${r.date} ` : ''}${r.text}`,
      en: `risk (${RISK_LABELS[r.type].en}, ${RISK_LABELS[r.severity].en}): ${r.date !== undefined ? `${r.date} ` : ''}${r.text}`,
    }));
    return { value: riskValue(company, ctx), reasons };
  },
};
