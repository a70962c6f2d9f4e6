import { InvalidArgumentError } from '../errors.js';
/** A fitted L2-regularised logistic regression. */
export interface LogisticFit {
  /** Intercept (not penalised). */
  readonly intercept: number;
  /** One coefficient per column of X. */
  readonly coefficients: readonly number[];
  /** Standard errors [intercept, ...coefficients] from the inverse of the penalised Hessian at the optimum. */
  readonly standardErrors: readonly number[];
  /** The L2 penalty λ used (objective: −log-likelihood + λ/2·Σβ²). */
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Number of rows and of positive rows it was fitted on. */
  readonly n: number;
  readonly positives: number;
}

/** Options of `fitLogistic`. */
export interface LogisticOptions {
  /** L2 penalty λ ≥ 0 on the coefficients (not the intercept); default 1. */
  readonly lambda?: number;
  /** Newton iterations at most; default 100. */
  readonly maxIterations?: number;
  /** Stop when the largest step is below this; default 1e-10. */
  readonly tolerance?: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solve A·x = b for a symmetric positive definite A (Cholesky); returns undefined when A is not SPD. */
function choleskySolve(a: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k += 1) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    let s = b[i]!;
    for (let k = 0; k < i; k += 1) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k += 1) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** Inverse of an SPD matrix, column by column. */
function spdInverse(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const cols: number[][] = [];
  for (let j = 0; j < n; j += 1) {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const c = choleskySolve(a, e);
    if (c === undefined) return undefined;
    cols.push(c);
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/**
 * Fit P(y=1|x) = σ(b₀ + x·β) by Newton–Raphson on the penalised log-likelihood
 * ℓ(b₀, β) − λ/2·‖β‖² (ridge; the intercept is not penalised). With λ > 0 the optimum exists even for
 * separable data. Standard errors come from the inverse penalised Hessian (a Laplace / Bayesian ridge
 * approximation; with λ = 0 they are the usual Wald SEs). Deterministic; pure.
 *
 * @param x - rows of features (all rows the same length)
 * @param y - labels 0 or 1, one per row
 * @throws {InvalidArgumentError} on mismatched lengths, non-finite values, labels other than 0/1, or a singular Hessian
 * @example
 * const fit = fitLogistic([[0], [1], [2], [3]], [0, 1, 0, 1], { lambda: 0 });
 * fit.coefficients[0]; // ≈ 0.908 (the maximum-likelihood slope)
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], options: LogisticOptions = {}): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new InvalidArgumentError('fitLogistic: lambda must be a finite number ≥ 0', 'fitLogistic：lambda 须为不小于 0 的有限数');
  if (x.length !== y.length) throw new InvalidArgumentError('fitLogistic: x and y differ in length', 'fitLogistic：x 与 y 长度不同');
  if (x.length === 0) throw new InvalidArgumentError('fitLogistic: no rows', 'fitLogistic：没有数据行');
  const p = x[0]!.length;
  for (const row of x) {
    if (row.length !== p) throw new InvalidArgumentError('fitLogistic: rows differ in length', 'fitLogistic：各行长度不同');
    for (const v of row) if (!Number.isFinite(v)) throw new InvalidArgumentError('fitLogistic: non-finite feature', 'fitLogistic：特征值不是有限数');
  }
  for (const v of y) if (v !== 0 && v !== 1) throw new InvalidArgumentError('fitLogistic: labels must be 0 or 1', 'fitLogistic：标签只能是 0 或 1');
  const d = p + 1;
  const w = new Array<number>(d).fill(0); // w[0] intercept
  let iterations = 0;
  let converged = false;
  let hessian: number[][] = [];
  for (; iterations < maxIterations; iterations += 1) {
    const grad = new Array<number>(d).fill(0);
    hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i += 1) {
      const row = x[i]!;
      let z = w[0]!;
      for (let j = 0; j < p; j += 1) z += w[j + 1]! * row[j]!;
      const mu = sigmoid(z);
      const r = y[i]! - mu;
      const v = mu * (1 - mu);
      const xi = [1, ...row];
      for (let a = 0; a < d; a += 1) {
        grad[a]! += r * xi[a]!;
        for (let b = 0; b <= a; b += 1) hessian[a]![b]! += v * xi[a]! * xi[b]!;
      }
    }
    for (let a = 0; a < d; a += 1) for (let b = a + 1; b < d; b += 1) hessian[a]![b] = hessian[b]![a]!;
    for (let j = 1; j < d; j += 1) {
      grad[j]! -= lambda * w[j]!;
      hessian[j]![j]! += lambda;
    }
    // A tiny ridge on the intercept keeps the Newton step defined when every label is equal.
    hessian[0]![0]! += 1e-12;
    const step = choleskySolve(hessian, grad);
    if (step === undefined) throw new InvalidArgumentError('fitLogistic: singular Hessian (use lambda > 0)', 'fitLogistic：Hessian 矩阵奇异（请用 lambda > 0）');
    let maxStep = 0;
    for (let j = 0; j < d; j += 1) {
      w[j]! += step[j]!;
      maxStep = Math.max(maxStep, Math.abs(step[j]!));
    }
    if (maxStep < tolerance) {
      converged = true;
      iterations += 1;
      break;
    }
  }
  const inv = spdInverse(hessian);
  const standardErrors = inv === undefined ? new Array<number>(d).fill(Number.NaN) : inv.map((r, i) => Math.sqrt(Math.max(0, r[i]!)));
  return {
    intercept: w[0]!,
    coefficients: w.slice(1),
    standardErrors,
    lambda,
    iterations,
    converged,
    n: x.length,
    positives: y.filter((v) => v === 1).length,
  };
}

/**
 * Predicted probabilities of a fit for rows of features.
 *
 * @example
 * predictLogistic({ intercept: 0, coefficients: [1] } as LogisticFit, [[0]]); // [0.5]
 */
export function predictLogistic(fit: Pick<LogisticFit, 'intercept' | 'coefficients'>, x: readonly (readonly number[])[]): number[] {
  return x.map((row) => sigmoid(row.reduce((s, v, j) => s + v * (fit.coefficients[j] ?? 0), fit.intercept)));
}

/**
 * Deterministic stratified k-fold assignment: positives and negatives are dealt round-robin in their given order,
 * so every fold gets its share of both. Returns the fold (0 … k−1) of each row.
 *
 * @example
 * stratifiedFolds([1, 0, 1, 0], 2); // [0, 0, 1, 1]
 */
export function stratifiedFolds(y: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new InvalidArgumentError('stratifiedFolds: k must be an integer ≥ 2', 'stratifiedFolds：k 须为不小于 2 的整数');
  let pos = 0;
  let neg = 0;
  return y.map((v) => (v === 1 ? pos++ % k : neg++ % k));
}

/**
 * Out-of-fold predictions: for each fold, fit on the other folds and predict the held rows.
 *
 * @example
 * crossValidatedPredictions([[0], [1], [2], [3]], [0, 0, 1, 1], [0, 1, 0, 1], { lambda: 1 }).length; // 4
 */
export function crossValidatedPredictions(x: readonly (readonly number[])[], y: readonly number[], folds: readonly number[], options: LogisticOptions = {}): number[] {
  const out = new Array<number>(x.length).fill(Number.NaN);
  const ks = [...new Set(folds)].sort((a, b) => a - b);
  for (const k of ks) {
    const trainX = x.filter((_, i) => folds[i] !== k);
    const trainY = y.filter((_, i) => folds[i] !== k);
    const fit = fitLogistic(trainX, trainY, options);
    x.forEach((row, i) => {
      if (folds[i] === k) out[i] = predictLogistic(fit, [row])[0]!;
    });
  }
  return out;
}
