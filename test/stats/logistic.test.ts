import { InvalidArgumentError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { crossValidatedPredictions, fitLogistic, predictLogistic, stratifiedFolds } from '../../src/stats/logistic.js';

describe('fitLogistic', () => {
  // One binary predictor: the MLE has a closed form. Group x=0: 1 of 4 positive; group x=1: 2 of 4.
  // intercept = logit(1/4) = −ln 3; slope = logit(1/2) − logit(1/4) = ln 3 (a log odds ratio).
  // Wald SEs: intercept √(1/1 + 1/3); slope √(1/1 + 1/3 + 1/2 + 1/2) (Woolf's formula for a 2×2 table).
  const x = [[0], [0], [0], [0], [1], [1], [1], [1]];
  const y = [1, 0, 0, 0, 1, 1, 0, 0];

  it('matches the closed-form maximum-likelihood answer of a 2×2 table with λ = 0', () => {
    const fit = fitLogistic(x, y, { lambda: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 8);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(3), 8);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 + 1 / 3), 6);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 + 1 / 3 + 1 / 2 + 1 / 2), 6);
    expect(predictLogistic(fit, [[0], [1]])[0]).toBeCloseTo(0.25, 8);
    expect(predictLogistic(fit, [[0], [1]])[1]).toBeCloseTo(0.5, 8);
  });

  it('matches a non-separable continuous example (slope 0.908, found independently by grid search)', () => {
    const fit = fitLogistic([[0], [1], [2], [3]], [0, 1, 0, 1], { lambda: 0 });
    expect(fit.coefficients[0]).toBeCloseTo(0.9082, 3);
    expect(fit.intercept).toBeCloseTo(-1.3623, 3);
  });

  it('stays finite on separable data with λ > 0 and satisfies the ridge stationarity condition Σ(y−μ)x = λβ', () => {
    const xs = [[0], [1], [2], [3]];
    const ys = [0, 0, 1, 1];
    const lambda = 0.5;
    const fit = fitLogistic(xs, ys, { lambda });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    const mu = predictLogistic(fit, xs);
    const gradSlope = xs.reduce((s, r, i) => s + (ys[i]! - mu[i]!) * r[0]!, 0);
    const gradIntercept = xs.reduce((s, _, i) => s + (ys[i]! - mu[i]!), 0);
    expect(gradSlope).toBeCloseTo(lambda * fit.coefficients[0]!, 8);
    expect(gradIntercept).toBeCloseTo(0, 8);
  });

  it('shrinks the slope as λ grows', () => {
    const a = fitLogistic(x, y, { lambda: 0.1 }).coefficients[0]!;
    const b = fitLogistic(x, y, { lambda: 10 }).coefficients[0]!;
    expect(Math.abs(b)).toBeLessThan(Math.abs(a));
  });

  it('refuses bad input', () => {
    expect(() => fitLogistic([[0]], [2])).toThrow(InvalidArgumentError);
    expect(() => fitLogistic([[0], [1]], [0])).toThrow(InvalidArgumentError);
    expect(() => fitLogistic([[Number.NaN]], [0])).toThrow(InvalidArgumentError);
    expect(() => fitLogistic([[0]], [0], { lambda: -1 })).toThrow(InvalidArgumentError);
  });
});

describe('stratifiedFolds and crossValidatedPredictions', () => {
  it('deals positives and negatives round-robin', () => {
    expect(stratifiedFolds([1, 0, 1, 0, 1, 0], 2)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(() => stratifiedFolds([1], 1)).toThrow(InvalidArgumentError);
  });

  it('predicts every row out of fold, with a model that never saw it', () => {
    const xs = [[0], [1], [2], [3], [4], [5]];
    const ys = [0, 0, 0, 1, 1, 1];
    const folds = stratifiedFolds(ys, 3);
    const p = crossValidatedPredictions(xs, ys, folds, { lambda: 1 });
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    const heldFit = fitLogistic(xs.filter((_, i) => folds[i] !== 0), ys.filter((_, i) => folds[i] !== 0), { lambda: 1 });
    expect(p[0]).toBeCloseTo(predictLogistic(heldFit, [xs[0]!])[0]!, 12);
  });
});
