import { InvalidArgumentError } from '../../src/errors.js';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ChainTargetingError, UsageError } from '../../src/errors.js';
import { AhpInconsistentError } from '../../src/scoring/AhpInconsistentError.js';
import { ahpWeights, SAATY_RANDOM_INDEX } from '../../src/scoring/ahpWeights.js';
import { entropyWeights } from '../../src/scoring/entropyWeights.js';
import { normalizeWeights } from '../../src/scoring/normalizeWeights.js';
import { prepareTopsis } from '../../src/scoring/prepareTopsis.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { FEATURE_NAMES, POSITIVE_FEATURES } from '../../src/scoring/types.js';

describe('entropyWeights (熵权法)', () => {
  it('rejects a negative value and columns of different lengths', () => {
    expect(() => entropyWeights([[1, -1]])).toThrow(InvalidArgumentError);
    expect(() => entropyWeights([[1, 2], [1]])).toThrow(InvalidArgumentError);
    expect(() => entropyWeights([[1, -1]])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', messageZh: 'entropyWeights：值 -1 为负或不是有限数' }));
  });

  it('matches a small matrix worked out by hand', () => {
    // m = 2 alternatives, k = 1 / ln 2.
    // column 1 = [1, 3]: p = [0.25, 0.75]; e = (0.25·ln 4 + 0.75·ln(4/3)) / ln 2 = (0.346574 + 0.215762) / 0.693147 = 0.811278
    // column 2 = [1, 1]: p = [0.5, 0.5]; e = 1 (no information)
    // column 3 = [0, 2]: p = [0, 1]; e = 0 (0·ln 0 = 0)
    // d = [0.188722, 0, 1]; Σ d = 1.188722; w = [0.158760, 0, 0.841240]
    const w = entropyWeights([[1, 3], [1, 1], [0, 2]]);
    expect(w[0]).toBeCloseTo(0.15876, 5);
    expect(w[1]).toBeCloseTo(0, 12);
    expect(w[2]).toBeCloseTo(0.84124, 5);
  });

  it('gives equal weights with one alternative or when no column varies, and 0 to an all-zero column', () => {
    expect(entropyWeights([[5], [2]])).toEqual([0.5, 0.5]);
    expect(entropyWeights([[1, 1, 1], [2, 2, 2]])).toEqual([0.5, 0.5]);
    const w = entropyWeights([[0, 0, 0], [1, 2, 3]]);
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(1, 12);
  });

  test.prop([fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 })])(
    'weights are non-negative and sum to 1',
    (cols) => {
      const w = entropyWeights(cols);
      for (const x of w) expect(x).toBeGreaterThanOrEqual(0);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    },
  );
});

describe('ahpWeights (AHP)', () => {
  it('rejects a matrix that is not square, not positive or not reciprocal, with code OPTIONS_INVALID', () => {
    for (const bad of [[[1, 2]], [[1, 0], [0, 1]], [[1, 3], [3, 1]], []]) {
      let caught: unknown;
      try {
        ahpWeights(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as UsageError).code).toBe('OPTIONS_INVALID');
    }
  });

  it('uses Saaty’s random index table', () => {
    expect(SAATY_RANDOM_INDEX.slice(0, 10)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('recovers the weights of a perfectly consistent matrix with CR = 0', () => {
    // a_ij = w_i / w_j for w = (0.5, 0.3, 0.2): λmax = n = 3, CI = 0
    const w = [0.5, 0.3, 0.2];
    const r = ahpWeights(w.map((wi) => w.map((wj) => wi / wj)));
    r.weights.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 10));
    expect(r.lambdaMax).toBeCloseTo(3, 10);
    expect(r.cr).toBeCloseTo(0, 10);
  });

  it('reproduces the leader example (criteria: experience, education, charisma, age)', () => {
    // Wikipedia, "Analytic hierarchy process – leader example": published priorities .547 .127 .270 .056.
    // λmax = 4.1184, CI = (4.1184 − 4) / 3 = 0.0395, CR = 0.0395 / 0.90 = 0.0439 (checked with numpy.linalg.eig).
    const r = ahpWeights([
      [1, 4, 3, 7],
      [1 / 4, 1, 1 / 3, 3],
      [1 / 3, 3, 1, 5],
      [1 / 7, 1 / 3, 1 / 5, 1],
    ]);
    [0.547, 0.127, 0.27, 0.056].forEach((x, i) => expect(r.weights[i]).toBeCloseTo(x, 2));
    expect(r.lambdaMax).toBeCloseTo(4.1184, 4);
    expect(r.cr).toBeCloseTo(0.0439, 4);
  });

  it('rejects Saaty’s classic house example (CR 0.169 ≥ 0.1) with AHP_INCONSISTENT, carrying CR and the weights', () => {
    // Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48: 9–26, buying a house,
    // eight criteria (size, transportation, neighbourhood, age, yard, modern facilities, condition, financing).
    // Published: priorities .173 .054 .188 .018 .031 .036 .167 .333; λmax = 9.669; CI = 0.238; CR = 0.169.
    const house = [
      [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
      [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
      [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
      [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
      [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
      [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
      [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
      [4, 7, 5, 8, 6, 6, 2, 1],
    ];
    let caught: unknown;
    try {
      ahpWeights(house);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AhpInconsistentError);
    expect(caught).toBeInstanceOf(ChainTargetingError);
    const err = caught as AhpInconsistentError;
    expect(err.code).toBe('AHP_INCONSISTENT');
    expect(err.consistency.lambdaMax).toBeCloseTo(9.669, 3);
    expect(err.consistency.ci).toBeCloseTo(0.238, 3);
    expect(err.consistency.cr).toBeCloseTo(0.169, 3);
    [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333].forEach((x, i) => expect(err.weights[i]).toBeCloseTo(x, 2));
    // A looser threshold accepts the same matrix.
    expect(ahpWeights(house, 0.2).cr).toBeCloseTo(0.169, 3);
  });
});

describe('prepareTopsis (TOPSIS)', () => {
  it('rejects columns of different lengths and a wrong number of weights', () => {
    expect(() => prepareTopsis([[1, 2], [1]], [false, false])).toThrow(InvalidArgumentError);
    expect(() => prepareTopsis([[1, 2]], [false]).closeness([0.5, 0.5])).toThrow(InvalidArgumentError);
  });

  it('matches a small matrix with a cost column worked out by hand', () => {
    // A1 = (3, 4, cost 1), A2 = (4, 3, cost 2), A3 = (0, 0, cost 2); w = (0.4, 0.4, 0.2).
    // norms 5, 5, 3 → v: A1 (0.24, 0.32, 0.0667), A2 (0.32, 0.24, 0.1333), A3 (0, 0, 0.1333)
    // A⁺ = (0.32, 0.32, 0.0667), A⁻ = (0, 0, 0.1333)
    // A1: D⁺ = 0.08, D⁻ = √(0.0576 + 0.1024 + 0.004444) = 0.405518 → C = 0.405518 / 0.485518 = 0.835227
    // A2: D⁺ = √(0.0064 + 0.004444) = 0.104137, D⁻ = 0.4 → C = 0.4 / 0.504137 = 0.793435
    // A3: D⁻ = 0 → C = 0
    const c = prepareTopsis([[3, 4, 0], [4, 3, 0], [1, 2, 2]], [false, false, true]).closeness([0.4, 0.4, 0.2]);
    expect(c[0]).toBeCloseTo(0.835227, 5);
    expect(c[1]).toBeCloseTo(0.793435, 5);
    expect(c[2]).toBe(0);
  });

  it('gives 0.5 when every alternative is the same (at the ideal and the anti-ideal at once)', () => {
    expect(Array.from(prepareTopsis([[1, 1]], [false]).closeness([1]))).toEqual([0.5, 0.5]);
  });
});

describe('normalizeWeights and the presets', () => {
  it('throws OPTIONS_INVALID when no positive feature has weight', () => {
    expect(() => normalizeWeights({ risk: 0.5 })).toThrow(UsageError);
  });

  it('scales the positive weights to sum to 1 and keeps risk as given', () => {
    const w = normalizeWeights({ gapFit: 2, scale: 2, risk: 0.3 });
    expect(w.gapFit).toBe(0.5);
    expect(w.scale).toBe(0.5);
    expect(w.synergy).toBe(0);
    expect(w.risk).toBe(0.3);
    expect(Object.keys(w)).toEqual([...FEATURE_NAMES]);
  });

  test.prop([fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 7, maxLength: 7 }).filter((xs) => xs.some((x) => x > 1e-6))])(
    'the positive weights sum to at most 1 in floating point, in the scoring order',
    (xs) => {
      const raw = Object.fromEntries(POSITIVE_FEATURES.map((f, i) => [f, xs[i]!]));
      const w = normalizeWeights(raw);
      let total = 0;
      for (const f of POSITIVE_FEATURES) total += w[f];
      expect(total).toBeLessThanOrEqual(1);
      expect(total).toBeCloseTo(1, 9);
    },
  );

  it('every preset has zh/en names and explanations, positive weights summing to 1, and risk in [0, 1]', () => {
    expect(Object.keys(WEIGHT_PRESETS).sort()).toEqual(['balanced', 'build-first', 'fill-first', 'strengthen-first']);
    for (const p of Object.values(WEIGHT_PRESETS)) {
      expect(p.zh.length * p.en.length * p.explanationZh.length * p.explanationEn.length).toBeGreaterThan(0);
      expect(POSITIVE_FEATURES.reduce((t, f) => t + p.weights[f], 0)).toBeCloseTo(1, 12);
      expect(p.weights.risk).toBeGreaterThanOrEqual(0);
      expect(p.weights.risk).toBeLessThanOrEqual(1);
    }
    expect(WEIGHT_PRESETS['fill-first']!.weights.gapFit).toBeGreaterThan(WEIGHT_PRESETS.balanced!.weights.gapFit);
    expect(WEIGHT_PRESETS['strengthen-first']!.gapKinds.strengthen).toBe(1);
    expect(WEIGHT_PRESETS['build-first']!.gapKinds.build).toBe(1);
  });
});
