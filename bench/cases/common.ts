import { measure } from '../harness/measure.js';
import type { BenchResult, CaseOutput, Measurement, RunPlan, StageName, Target } from '../harness/types.js';

/** A benchmark case: one or more rows measured in one process (a child per case when the harness forks). */
export interface BenchCase {
  readonly id: string;
  /** Size tag used by `--sizes` (S, M, L, or 'scaling'). */
  readonly size: 'S' | 'M' | 'L' | 'scaling';
  /** The stage of its main row (used for the error row when the case crashes). */
  readonly stage: StageName;
  readonly title: string;
  execute(): Promise<CaseOutput>;
}

/**
 * Load an export of a module that may not exist yet (stages written in parallel): the function, or the
 * reason it is not available. Never throws.
 *
 * @param modulePath - path relative to this file's folder (bench/cases), with `.js`
 * @param name - the export's name
 */
export async function optionalExport<F>(modulePath: string, name: string): Promise<F | string> {
  try {
    const mod = (await import(modulePath)) as Record<string, unknown>;
    const f = mod[name];
    return typeof f === 'function' ? (f as F) : `${name} is not exported by ${modulePath}`;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return `${modulePath} could not be loaded (${msg.slice(0, 160)})`;
  }
}

/** A row for a stage that could not be measured because its API is missing. */
export function unavailable(id: string, stage: StageName, size: string, label: string, reason: string, target?: Target): BenchResult {
  return { id, stage, size, label, status: 'not available', note: reason, ...(target ? { target } : {}) };
}

/** A row for a stage that threw. */
export function failed(id: string, stage: StageName, size: string, label: string, error: unknown, target?: Target): BenchResult {
  const msg = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { id, stage, size, label, status: 'error', note: msg.slice(0, 400), ...(target ? { target } : {}) };
}

/** A measured row. */
export function measured(
  id: string,
  stage: StageName,
  size: string,
  label: string,
  measurement: Measurement,
  extra: { target?: Target; note?: string; details?: Record<string, number | string | boolean> } = {},
): BenchResult {
  return { id, stage, size, label, status: 'ok', measurement, ...extra };
}

/**
 * Measure a stage into a row, turning an exception into an error row.
 *
 * @returns the row and the last output (undefined on error)
 */
export async function measureRow<T>(
  row: { id: string; stage: StageName; size: string; label: string; target?: Target; note?: string },
  fn: () => T | Promise<T>,
  plan: Partial<RunPlan>,
  details?: (output: T, m: Measurement) => Record<string, number | string | boolean>,
): Promise<{ result: BenchResult; output: T | undefined }> {
  try {
    const { measurement, output } = await measure(fn, plan);
    const d = details?.(output, measurement);
    return {
      result: measured(row.id, row.stage, row.size, row.label, measurement, {
        ...(row.target ? { target: row.target } : {}),
        ...(row.note ? { note: row.note } : {}),
        ...(d ? { details: d } : {}),
      }),
      output,
    };
  } catch (e) {
    return { result: failed(row.id, row.stage, row.size, row.label, e, row.target), output: undefined };
  }
}

/** Time one call (ms), for sub-step breakdowns. */
export function timeOnce<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}
