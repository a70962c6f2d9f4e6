import { InvalidArgumentError } from '../errors.js';
import { auc } from '../stats/auc.js';
import { crossValidatedPredictions, fitLogistic, predictLogistic, stratifiedFolds, type LogisticFit } from '../stats/logistic.js';
import type { FeatureRow } from './runBacktest.js';

/** Options of `fitLearnedWeights`. */
export interface LearnOptions {
  /** Penalties tried; the one with the best cross-validated AUC on dev is kept (default [0.01, 0.1, 1, 10]). */
  readonly lambdas?: readonly number[];
  /** Folds of the cross-validation (default: min(5, positives), at least 2). */
  readonly folds?: number;
  /** Features to use (default: every key of `item.features` of the first dev row), e.g. only those the weights accept. */
  readonly features?: readonly string[];
}

/** A learned model: the fit, how it was chosen, and the figures to judge it by. */
export interface LearnedModel {
  readonly featureNames: readonly string[];
  readonly fit: LogisticFit;
  /** Cross-validated (out-of-fold) AUC on dev for each λ tried. */
  readonly cv: readonly { readonly lambda: number; readonly auc?: number }[];
  readonly lambda: number;
  readonly cvAuc?: number;
  /** AUC of the fitted model's probabilities on held-out rows (never used to fit or choose λ). */
  readonly heldoutAuc?: number;
  readonly positives: number;
  readonly negatives: number;
  readonly heldoutPositives: number;
  readonly heldoutNegatives: number;
}

const matrix = (rows: readonly FeatureRow[], names: readonly string[]): number[][] => rows.map((r) => names.map((n) => r.features[n] ?? 0));

/**
 * Fit an L2-regularised logistic model P(landed | features) on the dev rows of a backtest (features as the ranking
 * returns them per item), choosing λ by stratified k-fold cross-validated AUC on dev only, then report the
 * held-out AUC of the final fit. Held-out rows are never used to fit or to choose. Pure; deterministic.
 *
 * @throws {InvalidArgumentError} when dev has no positive or no negative row
 * @example
 * const model = fitLearnedWeights(report.rows);
 * model.fit.coefficients; // one per feature name
 */
export function fitLearnedWeights(rows: readonly FeatureRow[], options: LearnOptions = {}): LearnedModel {
  const dev = rows.filter((r) => r.part === 'dev');
  const held = rows.filter((r) => r.part === 'heldout');
  const positives = dev.filter((r) => r.landed).length;
  const negatives = dev.length - positives;
  if (positives === 0 || negatives === 0) throw new InvalidArgumentError('fitLearnedWeights: dev needs landed and non-landed rows', 'fitLearnedWeights：开发集需要同时有落地和未落地的记录');
  const featureNames = [...(options.features ?? Object.keys(dev[0]!.features))];
  const x = matrix(dev, featureNames);
  const y = dev.map((r) => (r.landed ? 1 : 0));
  const k = Math.max(2, Math.min(options.folds ?? 5, positives));
  const folds = stratifiedFolds(y, k);
  const lambdas = options.lambdas ?? [0.01, 0.1, 1, 10];
  const cv = lambdas.map((lambda) => {
    const p = crossValidatedPredictions(x, y, folds, { lambda });
    const a = auc(p.filter((_, i) => y[i] === 1), p.filter((_, i) => y[i] === 0));
    return { lambda, ...(a !== undefined ? { auc: a } : {}) };
  });
  const best = cv.reduce((b, c) => ((c.auc ?? -1) > (b.auc ?? -1) ? c : b));
  const fit = fitLogistic(x, y, { lambda: best.lambda });
  const hp = predictLogistic(fit, matrix(held, featureNames));
  const heldoutAuc = auc(hp.filter((_, i) => held[i]!.landed), hp.filter((_, i) => !held[i]!.landed));
  return {
    featureNames,
    fit,
    cv,
    lambda: best.lambda,
    ...(best.auc !== undefined ? { cvAuc: best.auc } : {}),
    ...(heldoutAuc !== undefined ? { heldoutAuc } : {}),
    positives,
    negatives,
    heldoutPositives: held.filter((r) => r.landed).length,
    heldoutNegatives: held.filter((r) => !r.landed).length,
  };
}

/**
 * Turn a learned model into custom weights for `rankCompanies(ds, { weights })` (the `learned` weights, offered only
 * through an explicit file or option, never replacing the expert presets). Positive features get max(β, 0) (the
 * ranking normalises them to sum 1); the penalty feature gets max(−β, 0) divided by the sum of the positive
 * weights, capped at 1, so the weighted score is the fitted logit up to scale wherever no coefficient was clipped.
 * A negative coefficient of a positive feature is clipped to 0 (the ranking allows no negative weight): say so.
 *
 * @throws {InvalidArgumentError} when no positive feature has a positive coefficient (no usable weights)
 * @example
 * weightsFromFit({ featureNames: ['gapFit', 'risk'], fit: { coefficients: [2, -1] } }); // { gapFit: 1, risk: 0.5 }
 */
export function weightsFromFit(
  model: { readonly featureNames: readonly string[]; readonly fit: Pick<LogisticFit, 'coefficients'> },
  penaltyFeature = 'risk',
): Record<string, number> {
  const out: Record<string, number> = {};
  let sum = 0;
  model.featureNames.forEach((n, j) => {
    if (n === penaltyFeature) return;
    const w = Math.max(0, model.fit.coefficients[j] ?? 0);
    out[n] = w;
    sum += w;
  });
  if (!(sum > 0)) throw new InvalidArgumentError('weightsFromFit: no feature has a positive coefficient; the fit gives no usable weights', 'weightsFromFit：没有系数为正的特征，拟合结果给不出可用的权重');
  for (const n of Object.keys(out)) out[n] = Number((out[n]! / sum).toFixed(6));
  const j = model.featureNames.indexOf(penaltyFeature);
  if (j >= 0) out[penaltyFeature] = Number(Math.min(1, Math.max(0, -(model.fit.coefficients[j] ?? 0)) / sum).toFixed(6));
  return out;
}

/** Coefficients of a positive feature clipped to 0 by `weightsFromFit`. */
export function clippedFeatures(model: { readonly featureNames: readonly string[]; readonly fit: Pick<LogisticFit, 'coefficients'> }, penaltyFeature = 'risk'): string[] {
  return model.featureNames.filter((n, j) => n !== penaltyFeature && (model.fit.coefficients[j] ?? 0) < 0);
}
