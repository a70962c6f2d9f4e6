import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childMeasurement, effectivePlan } from '../harness/measure.js';
import { failed, measured, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'evalPlacement.ts');
const SHARED = join(ROOT, '..', 'shared', 'data', 'external', 'a_share_companies_merged.csv');
const PRELOAD = join(ROOT, 'bench', 'harness', 'reportPeakRss.cjs');

/** The counts of one set and split in `eval:placement --json` (the accuracy figures are not read here). */
interface SplitCounts {
  readonly chain: number;
  readonly offChain: number;
  readonly otherManufacturing: number;
}

/**
 * The held-out placement evaluation (issue 13, "the held-out evaluation runs in the bench"): `tsx
 * scripts/evalPlacement.ts --split holdout --json` as a child process — it imports the held-out listed companies
 * twice (申万三级 label, vendor label) and the held-out products-and-scope set through `importCompanies` with 挂链 —
 * wall time from spawn to exit, tsx start-up included. Only the row counts are recorded: the accuracy figures belong
 * to `npm run eval:placement` and eval/placement/README.md, and a benchmark is no place to tune on them.
 */
export const placementEvalHoldout: BenchCase = {
  id: 'eval-placement.holdout',
  size: 'S',
  stage: 'import + tagging',
  title: 'the held-out placement evaluation (eval:placement --split holdout)',
  async execute() {
    const stage = 'import + tagging' as const;
    const label = 'tsx scripts/evalPlacement.ts --split holdout --json (child process, wall time; 3 sets)';
    if (!existsSync(SHARED)) return { results: [unavailable('eval-placement.holdout', stage, 'S', label, `needs ${SHARED} (the shared reference data)`)] };
    const cwd = mkdtempSync(join(tmpdir(), 'chain-targeting-bench-'));
    const peakFile = join(cwd, 'peak.txt');
    const samples: number[] = [];
    const peaks: number[] = [];
    const cpu: number[] = [];
    const details: Record<string, number> = {};
    const plan = effectivePlan({ warmup: 1, minRuns: 3, maxRuns: 3 });
    try {
      for (let i = 0; i < plan.warmup + plan.minRuns; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['-r', PRELOAD, '--import', 'tsx', SCRIPT, '--split', 'holdout', '--json'], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 300_000,
          maxBuffer: 64 << 20,
          env: { ...process.env, NO_COLOR: '1', BENCH_PEAK_FILE: peakFile },
        });
        const ms = performance.now() - t0;
        if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).slice(-300)}`);
        const out = JSON.parse(r.stdout) as Record<string, Record<string, SplitCounts>>;
        let rows = 0;
        Object.values(out).forEach((bySplit, k) => {
          const h = bySplit['holdout'];
          if (h === undefined) throw new Error('no holdout split in the output');
          const n = h.chain + h.offChain + h.otherManufacturing;
          details[`set${k + 1}Rows`] = n;
          rows += n;
        });
        details.rowsEvaluated = rows;
        if (i < plan.warmup) continue;
        samples.push(ms);
        const report = JSON.parse(readFileSync(peakFile, 'utf8')) as { peakKb: number; cpuUs: number };
        if (report.peakKb > 0) peaks.push(report.peakKb / 1024);
        cpu.push(report.cpuUs / 1000);
      }
    } catch (e) {
      return { results: [failed('eval-placement.holdout', stage, 'S', label, e)] };
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
    const m = childMeasurement(samples, cpu, peaks, plan.warmup);
    return { results: [measured('eval-placement.holdout', stage, 'S', label, m, { details })] };
  },
};
