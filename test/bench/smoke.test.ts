// The benchmark harness at size S, once, in this process: checks the shape of the results, never speed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTopOrder } from '../../bench/cases/compareTopOrder.js';
import { CASES } from '../../bench/cases/index.js';
import { formatReport, type BenchReport } from '../../bench/harness/report.js';
import { localSlopes, logLogSlope, median, percentile } from '../../bench/harness/stats.js';
import { runBench } from '../../bench/runBench.js';

const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('benchmark harness at size S', () => {
  let dir = '';
  let report: BenchReport;
  const out = (): string => join(dir, 'results.json');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    report = await runBench({ sizes: ['S'], inProcess: true, plan: { warmup: 0, minRuns: 1, maxRuns: 1 }, out: out() });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every S case and writes the report as JSON', () => {
    expect(existsSync(out())).toBe(true);
    const written = JSON.parse(readFileSync(out(), 'utf8')) as BenchReport;
    expect(written.version).toBe(1);
    const sIds = CASES.filter((c) => c.size === 'S').map((c) => c.id);
    for (const id of sIds) expect(written.results.some((r) => r.id === id)).toBe(true);
  });

  it('describes the machine', () => {
    const m = report.machine;
    expect(m.cpuCount).toBeGreaterThan(0);
    expect(m.totalMemoryGb).toBeGreaterThan(0);
    expect(m.node).toMatch(/^v\d+/);
    expect(m.cpuModel.length).toBeGreaterThan(0);
  });

  it('gives finite, positive timings and memory for every measured row, and no errors', () => {
    const errors = report.results.filter((r) => r.status === 'error');
    expect(errors.map((r) => `${r.id}: ${r.note}`)).toEqual([]);
    const measured = report.results.filter((r) => r.status === 'ok');
    expect(measured.length).toBeGreaterThanOrEqual(5);
    for (const r of measured) {
      const m = r.measurement!;
      expect(m.samplesMs.length).toBeGreaterThanOrEqual(1);
      for (const x of [m.medianMs, m.p90Ms, m.minMs, m.peakRssMb, ...m.samplesMs]) expect(positive(x), `${r.id}: ${x}`).toBe(true);
      expect(m.p90Ms).toBeGreaterThanOrEqual(m.medianMs);
      expect(m.minMs).toBeLessThanOrEqual(m.medianMs);
    }
  });

  it('marks a missing stage as not available with a reason, never with a number', () => {
    for (const r of report.results.filter((x) => x.status === 'not available')) {
      expect(r.measurement).toBeUndefined();
      expect(r.note?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('checks every target it can and computes the ranking to kernel ratio', () => {
    for (const r of report.results) {
      if (r.target !== undefined && r.status === 'ok') expect(typeof r.met).toBe('boolean');
    }
    const rank = report.results.find((r) => r.id === 'rank.S');
    expect(positive(rank?.details?.ratioToKernel)).toBe(true);
    // The kernel's agreement with the library is reported (0 and true when the formulas match); the smoke
    // test only checks that it was measured, so a scoring change never fails npm test through the bench.
    const kernel = report.results.find((r) => r.id === 'kernel.S');
    expect(Number.isFinite(kernel?.details?.maxScoreDiff)).toBe(true);
    expect(typeof kernel?.details?.sameTop1000).toBe('boolean');
  });

  it('formats a table with a row per result', () => {
    const text = formatReport(report);
    const rows = text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Stage'));
    expect(rows.length).toBe(report.results.length);
  });
});

describe('benchmark statistics', () => {
  it('takes the median and the nearest-rank percentile', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5, 1, 3], 0.9)).toBe(5);
  });

  it('fits the growth exponent on a log-log scale', () => {
    expect(logLogSlope([[10, 1], [100, 10], [1000, 100]])).toBeCloseTo(1, 10);
    expect(logLogSlope([[10, 1], [100, 100], [1000, 10_000]])).toBeCloseTo(2, 10);
    // Linear then quadratic: the local slopes show the bend the fit averages away.
    expect(localSlopes([[10, 1], [100, 10], [1000, 1000]])).toEqual([1, 2]);
  });

  it('compares a top-k order with a reference', () => {
    // Same order: full overlap, no displacement, tau 1. Swapped pair in a top 2: tau −1.
    expect(compareTopOrder(['a', 'b', 'c'], ['a', 'b', 'c'], 3)).toEqual({ overlap: 1, meanDisplacement: 0, maxDisplacement: 0, kendallTau: 1 });
    expect(compareTopOrder(['a', 'b', 'c'], ['b', 'a', 'c'], 2)).toEqual({ overlap: 1, meanDisplacement: 1, maxDisplacement: 1, kendallTau: -1 });
    // 'c' falls from 3rd to 4th, 'd' enters the top 3: overlap 2/3.
    expect(compareTopOrder(['a', 'b', 'c', 'd'], ['a', 'b', 'd', 'c'], 3).overlap).toBeCloseTo(2 / 3, 3);
  });
});
