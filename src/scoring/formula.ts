/**
 * The arithmetic the per-company scoring formulas are written in, once, for both engines (issue 19 item 1): each
 * formula is a function of an `Arithmetic<T>` and its inputs (`gapFitFormula`, `scaleFormula`,
 * `momentumFormula` … next to their constants in `features/`). The in-process kernel calls it with `NUMBERS`
 * (T = number: the operations themselves); the SQL builders of `src/engine` call it with a SQL arithmetic
 * (T = SQL text: `sqlArithmetic`), which renders the same operations in the same order for DuckDB, Spark SQL and
 * Trino. A formula is therefore never written twice: changing it changes both engines.
 *
 * Only the arithmetic is shared this way. What differs by nature between a loop over objects and a query over
 * columns (absent fields and NULLs, folds over lists, lookups by id) stays with each engine.
 */
export interface Arithmetic<T> {
  /** A constant. */
  num(x: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  /** −a. */
  neg(a: T): T;
  /** The smaller of a and b. */
  min(a: T, b: T): T;
  /** The larger of a and b. */
  max(a: T, b: T): T;
  /** log10(a). */
  log10(a: T): T;
  /** 2^a. */
  exp2(a: T): T;
  /** a when a > 0, else 0 (also for NaN, and NULL in SQL). */
  positive(a: T): T;
}

/**
 * The arithmetic of numbers: what the in-process kernel evaluates a formula with (JavaScript's own operators, so
 * the kernel's values are those of the formula written out by hand).
 *
 * @example
 * NUMBERS.add(NUMBERS.num(1), 2); // 3
 */
export const NUMBERS: Arithmetic<number> = Object.freeze({
  num: (x: number) => x,
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  neg: (a: number) => -a,
  min: (a: number, b: number) => Math.min(a, b),
  max: (a: number, b: number) => Math.max(a, b),
  log10: (a: number) => Math.log10(a),
  exp2: (a: number) => 2 ** a,
  positive: (a: number) => (a > 0 ? a : 0),
});

/** Days in a year, for ages in years from day numbers. */
export const DAYS_PER_YEAR = 365.25;

/**
 * Age in years of a dated record at the reference day (never negative): max(0, (asOfDay − day) / 365.25).
 * Momentum (signals) and risk decay with it.
 *
 * @example
 * ageYearsFormula(NUMBERS, 20_089, 19_724); // 0.999…
 */
export function ageYearsFormula<T>(A: Arithmetic<T>, asOfDay: T, day: T): T {
  return A.max(A.num(0), A.div(A.sub(asOfDay, day), A.num(DAYS_PER_YEAR)));
}

/**
 * Exponential decay: weight × 2^(−age / halfLife).
 *
 * @example
 * decayFormula(NUMBERS, 1, 2, 2); // 0.5
 */
export function decayFormula<T>(A: Arithmetic<T>, weight: T, age: T, halfLifeYears: number): T {
  return A.mul(weight, A.exp2(A.div(A.neg(age), A.num(halfLifeYears))));
}

/**
 * 1 − x: the miss of a strength (1 − s), and "at least one of several" from the product of their misses (1 − Π(1 − s)).
 *
 * @example
 * complementFormula(NUMBERS, 0.25); // 0.75
 */
export function complementFormula<T>(A: Arithmetic<T>, x: T): T {
  return A.sub(A.num(1), x);
}
