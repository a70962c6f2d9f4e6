// Shapes of the benchmark results (bench/results.json). Kept flat and JSON-friendly.

/** The stages of issue 9, plus the baseline kernel and the CLI start. */
export type StageName =
  | 'load + validate'
  | 'gap analysis'
  | 'ranking (top 1,000 with reasons)'
  | 'baseline kernel'
  | 'import + tagging'
  | 'name matching'
  | 'what-if re-run'
  | 'opportunity gain (all candidates)'
  | 'handbook'
  | 'npm start';

/** How many times a stage runs: warm-up runs (not counted), then between minRuns and maxRuns within budgetMs. */
export interface RunPlan {
  readonly warmup: number;
  readonly minRuns: number;
  readonly maxRuns: number;
  readonly budgetMs: number;
}

/** Timings and memory of one measured stage. */
export interface Measurement {
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
  /**
   * Median CPU time of the process during a run (user + system, all threads: GC helpers included), ms.
   * Close to the wall time on an idle machine; on a busy one, the better estimate of the stage's own cost.
   */
  readonly cpuMs?: number;
  readonly warmup: number;
  /** Peak RSS of the process during the runs (VmHWM, reset before each run), MB. Includes the inputs held in memory. */
  readonly peakRssMb: number;
  /** RSS just before a run (inputs loaded, after a GC), MB: peak − base is what the stage itself added. */
  readonly baseRssMb: number;
  /** Largest JS heap in use seen at the end of a run (before GC), MB. */
  readonly heapUsedMb: number;
  /** Largest committed JS heap seen at the end of a run, MB (≥ the heap's peak use during the run, in practice). */
  readonly heapTotalMb: number;
}

/** A speed/memory target of the issue. */
export interface Target {
  readonly maxMs?: number;
  readonly maxPeakMb?: number;
  /** Largest allowed ratio of this stage's median to the baseline kernel's. */
  readonly maxKernelRatio?: number;
}

/** One row of the results table. */
export interface BenchResult {
  readonly id: string;
  readonly stage: StageName;
  readonly size: string;
  readonly label: string;
  /** ok: measured; not available: the stage's API is missing; skipped: not run at full size (see note); error: it threw. */
  readonly status: 'ok' | 'not available' | 'skipped' | 'error';
  readonly measurement?: Measurement;
  readonly target?: Target;
  /** True/false once targets are checked; absent when the row has no target or was not measured. */
  readonly met?: boolean;
  readonly note?: string;
  /** Stage-specific facts (counts, sub-timings, ratios, error measures). */
  readonly details?: Readonly<Record<string, number | string | boolean>>;
}

/** Growth of a stage's cost with input size: y ≈ c · n^slope. */
export interface ScalingSeries {
  readonly stage: StageName;
  readonly variable: string;
  readonly points: readonly { readonly n: number; readonly medianMs: number; readonly peakRssMb?: number }[];
  readonly slope: number;
  /** Slope between consecutive points: where the growth bends. */
  readonly localSlopes?: readonly number[];
  readonly note: string;
}

/** What one case produced: rows, scaling series and free-form facts. */
export interface CaseOutput {
  readonly results: readonly BenchResult[];
  readonly scaling?: readonly ScalingSeries[];
  readonly facts?: Readonly<Record<string, unknown>>;
}
