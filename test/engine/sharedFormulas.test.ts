import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { DIALECTS, SQL_ARITHMETIC, rowLocalColumns, scoreLayers, scoreSql, sqlNumber, type SqlDialect } from '../../src/engine/scoreSql.js';
import { scoringModel } from '../../src/engine/scoringModel.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS } from '../../src/scoring/buildScoringContext.js';
import { gapFit, gapFitFormula, industryOnlyFormula } from '../../src/scoring/features/gapFit.js';
import { growthScoreFormula, MOMENTUM, momentum, momentumFormula, signalStrengthFormula } from '../../src/scoring/features/momentum.js';
import { RISK, risk, riskStrengthFormula } from '../../src/scoring/features/risk.js';
import { revenueScoreFormula, scale, SCALE, scaleFormula } from '../../src/scoring/features/scale.js';
import { TIE_WEIGHTS, ties } from '../../src/scoring/features/ties.js';
import { ageYearsFormula, complementFormula, NUMBERS, type Arithmetic } from '../../src/scoring/formula.js';
import { combineFeatures, contributionFormula, riskPenaltyFormula, weightVector } from '../../src/scoring/weightedSum.js';
import { FEATURE_NAMES } from '../../src/scoring/types.js';
import { partialDateToDay } from '../../src/scoring/partialDateToDay.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { scanSegments, SCAN, SCAN_WIDTH } from '../../src/scoring/scanSegments.js';
import { company, miniDataset, miniGaps } from '../scoring/helpers.js';

/**
 * Issue 19 item 1: each per-company formula is written once (`src/scoring/formula.ts` and the `…Formula` functions of
 * the features) and both engines evaluate that one definition. These tests fail when a formula is changed on one side
 * only: (1) the kernel's feature values are the formulas evaluated with `NUMBERS`, bit for bit; (2) the scoring SQL of
 * every dialect contains the formulas rendered with `SQL_ARITHMETIC`; (3) DuckDB evaluating a rendered formula gives
 * what `NUMBERS` gives (the two arithmetics agree).
 */

/** Every shared formula with arbitraries for its inputs (numbers in the ranges the features feed them). */
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const FORMULAS: readonly { name: string; inputs: fc.Arbitrary<number>[]; of: <T>(A: Arithmetic<T>, ...x: T[]) => T }[] = [
  { name: 'gapFit', inputs: [unit, unit], of: (A, g1, g2) => gapFitFormula(A, g1!, g2!) },
  { name: 'industryOnly', inputs: [unit], of: (A, best) => industryOnlyFormula(A, best!) },
  { name: 'revenueScore', inputs: [fc.double({ min: 0, max: 1e5, noNaN: true })], of: (A, r) => revenueScoreFormula(A, r!) },
  { name: 'scale', inputs: [unit, unit], of: (A, rev, list) => scaleFormula(A, rev!, list!) },
  { name: 'growthScore', inputs: [fc.double({ min: -2, max: 2, noNaN: true })], of: (A, g) => growthScoreFormula(A, g!) },
  { name: 'momentum', inputs: [unit, unit], of: (A, gs, miss) => momentumFormula(A, gs!, miss!) },
  { name: 'ageYears', inputs: [fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 30_000 })], of: (A, asOf, day) => ageYearsFormula(A, asOf!, day!) },
  { name: 'signalStrength', inputs: [unit, fc.double({ min: 0, max: 60, noNaN: true })], of: (A, w, age) => signalStrengthFormula(A, w!, age!) },
  { name: 'riskStrength', inputs: [unit, unit, fc.double({ min: 0, max: 60, noNaN: true })], of: (A, s, t, age) => riskStrengthFormula(A, s!, t!, age!) },
  { name: 'complement', inputs: [unit], of: (A, x) => complementFormula(A, x!) },
  { name: 'contribution', inputs: [unit, unit, unit], of: (A, g, w, x) => contributionFormula(A, g!, w!, x!) },
  { name: 'riskPenalty', inputs: [unit, unit, unit], of: (A, w, r, p) => riskPenaltyFormula(A, w!, r!, p!) },
];

describe('one definition of each formula drives both engines', () => {
  let instance: DuckDBInstance;
  let con: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    con = await instance.connect();
  });
  afterAll(() => {
    con.closeSync();
    instance.closeSync();
  });

  it('DuckDB evaluating a formula rendered as SQL gives what the kernel\'s arithmetic gives (1e-12)', async () => {
    const cases = FORMULAS.flatMap((f) => fc.sample(fc.tuple(...f.inputs), { numRuns: 40, seed: 19 }).map((xs) => ({ f, xs })));
    const select = cases.map(({ f, xs }, k) => `${f.of(SQL_ARITHMETIC, ...xs.map(sqlNumber))} AS v${k}`).join(', ');
    const row = (await (await con.runAndReadAll(`SELECT ${select}`)).getRowObjectsJS())[0] as Record<string, number>;
    cases.forEach(({ f, xs }, k) => {
      const expected = f.of(NUMBERS, ...xs);
      expect(Math.abs(row[`v${k}`]! - expected), `${f.name}(${xs.join(', ')})`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    });
  });

  it('the kernel\'s feature values are the formulas evaluated on numbers, bit for bit', () => {
    const ds = miniDataset();
    const ctx = buildScoringContext(indexDataset(ds), miniGaps(ds), { asOf: ds.meta.asOf, gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: DEFAULT_PRIORITY_REGIONS });
    const N = NUMBERS;
    const asOfDay = partialDateToDay(ds.meta.asOf)!;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3000 }), (revenue, growth, daysBack) => {
        const date = new Date((asOfDay - daysBack) * 86_400_000).toISOString().slice(0, 10);
        const c = company('x', {
          segments: ['gap', 'up'],
          revenue,
          growth,
          signals: [{ type: 'capex', date, text: 't', source: 's' }],
          risks: [{ type: 'litigation', severity: 'medium', date, text: 't', source: 's' }],
          ties: [{ type: 'supplier-of-local', enterprise: 'up-co', text: 't', source: 's' }],
        });
        const scan = new Float64Array(SCAN_WIDTH);
        scanSegments(c.segments, ctx, scan);
        const age = ageYearsFormula(N, asOfDay, partialDateToDay(date)!);
        expect(gapFit.value(c, ctx)).toBe(gapFitFormula(N, scan[SCAN.g1]!, scan[SCAN.g2]!));
        expect(scale.value(c, ctx)).toBe(scaleFormula(N, revenueScoreFormula(N, revenue), 0));
        expect(momentum.value(c, ctx)).toBe(momentumFormula(N, growthScoreFormula(N, growth), complementFormula(N, signalStrengthFormula(N, MOMENTUM.signalWeights.capex, age))));
        expect(risk.value(c, ctx)).toBe(complementFormula(N, complementFormula(N, riskStrengthFormula(N, RISK.severity.medium, RISK.type.litigation, age))));
        expect(ties.value(c, ctx)).toBe(complementFormula(N, complementFormula(N, TIE_WEIGHTS['supplier-of-local'])));
      }),
      { numRuns: 200, seed: 19 },
    );
    // The list score's half of scale, and industry-only gap fit, through a company with a list and no segment.
    const listed = company('y', { lists: ['china-500'], revenue: 100 });
    expect(scale.value(listed, ctx)).toBe(scaleFormula(N, revenueScoreFormula(N, 100), SCALE.lists['china-500']));
  });

  it('the kernel\'s clamp and weighted sum are the formulas evaluated on numbers, bit for bit', () => {
    const N = NUMBERS;
    const w = weightVector(WEIGHT_PRESETS.balanced!.weights);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.5, max: 1.5, noNaN: true, noDefaultInfinity: true }), { minLength: 8, maxLength: 8 }), unit, (raw, g) => {
        const x = raw.map((v) => Math.min(Math.max(v, 0), 1));
        const features = Object.fromEntries(FEATURE_NAMES.map((f, k) => [f, x[k]!])) as Record<(typeof FEATURE_NAMES)[number], number>;
        const { score, contributions } = combineFeatures(features, g, WEIGHT_PRESETS.balanced!.weights);
        let p = 0;
        FEATURE_NAMES.slice(0, 7).forEach((f, k) => {
          const c = contributionFormula(N, g, w[k]!, x[k]!);
          expect(contributions[f]).toBe(c);
          p += c;
        });
        expect(contributions.risk).toBe(riskPenaltyFormula(N, w[7]!, x[7]!, p));
        expect(score).toBe(p + riskPenaltyFormula(N, w[7]!, x[7]!, p));
      }),
      { numRuns: 200, seed: 19 },
    );
  });

  it('the scoring SQL of every dialect is written with the shared formulas (one city and many)', () => {
    const { tables, weights } = scoringModel(liaocheng(), {});
    const S = SQL_ARITHMETIC;
    const X = '\u0001'; // an operand the test does not spell out: the text around it must appear, in order
    const asOf = sqlNumber(tables.asOfDay);
    const rendered = [
      gapFitFormula(S, 'g1', 'coalesce(g2, 0e0)'),
      industryOnlyFormula(S, 'coalesce(ind_best, 0e0)'),
      revenueScoreFormula(S, 'revenue'),
      revenueScoreFormula(S, 'estimate'),
      scaleFormula(S, X, 'list_part'),
      momentumFormula(S, growthScoreFormula(S, 'growth'), 'signal_miss'),
      complementFormula(S, 'risk_miss'),
      signalStrengthFormula(S, X, ageYearsFormula(S, asOf, X)),
      riskStrengthFormula(S, X, X, X),
      ageYearsFormula(S, asOf, X),
      contributionFormula(S, 'relevance', X, 'x_scale'),
      riskPenaltyFormula(S, X, 'x_risk', 'p'),
    ];
    const containsInOrder = (text: string, pattern: string): boolean => {
      let at = 0;
      for (const part of pattern.split(X)) {
        const k = text.indexOf(part, at);
        if (k < 0) return false;
        at = k + part.length;
      }
      return true;
    };
    for (const dialect of ['duckdb', 'spark', 'trino'] as SqlDialect[]) {
      const sql = scoreSql(tables, weights, 'companies', { dialect });
      for (const r of rendered) expect(containsInOrder(sql, r), `${dialect}: ${r}`).toBe(true);
    }
    // The many-city query shares the row-local columns and the layers (rowLocalColumns, scoreLayers).
    const layers = scoreLayers(DIALECTS.duckdb, weights, undefined, {});
    const shared = rowLocalColumns(DIALECTS.duckdb, [tables.asOfDay]) + layers.ctes.join('\n') + layers.select;
    for (const r of rendered) expect(containsInOrder(shared, r), r).toBe(true);
    // A formula hand-written on the SQL side would not be found.
    expect(containsInOrder(scoreSql(tables, weights, 'companies'), gapFitFormula(S, 'g1', 'g2'))).toBe(false);
  });
});
