import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeImportCsv, writeImportXlsx } from '../generate/importFiles.js';
import { childMeasurement, effectivePlan } from '../harness/measure.js';
import { round } from '../harness/stats.js';
import { failed, measured, timeOnce, unavailable, type BenchCase } from './common.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const PRELOAD = join(ROOT, 'bench', 'harness', 'reportPeakRss.cjs');

/** Rows of the memory benchmark's CSV (about 48 MB) and XLSX (17 columns: 1.87 million cells, about 20 MB). */
export const MEMORY_CSV_ROWS = 100_000;
export const MEMORY_XLSX_ROWS = 110_000;

/**
 * Peak memory of a whole `chain-targeting import FILE --out companies.json` (the built CLI as a child process,
 * against the embedded 聊城 data): issue 21's bound is under 1 GB for any input under 50 MB. The peak is the child's
 * VmHWM, reported on exit by `reportPeakRss.cjs`; the wall time is from spawn to exit.
 */
function importMemoryCase(kind: 'csv' | 'xlsx'): BenchCase {
  const id = `import-memory.${kind}`;
  const stage = 'import + tagging' as const;
  const rows = kind === 'csv' ? MEMORY_CSV_ROWS : MEMORY_XLSX_ROWS;
  const label = `node dist/cli/main.js import ${rows.toLocaleString('en')}-row 企查查-style ${kind.toUpperCase()} --out (child process; peak RSS of the whole command, 聊城 data)`;
  const target = { maxPeakMb: 1024 };
  return {
    id,
    size: 'M',
    stage,
    title: `peak memory of import (${kind})`,
    async execute() {
      if (!existsSync(CLI)) return { results: [unavailable(id, stage, 'M', label, 'dist/cli/main.js is missing: run `npm run build` first (npm run bench does)', target)] };
      const dir = mkdtempSync(join(tmpdir(), 'chain-targeting-import-memory-'));
      try {
        const file = join(dir, `import.${kind}`);
        const [made, prepareMs] = await (async () => {
          const t0 = performance.now();
          const r = kind === 'csv' ? writeImportCsv(file, rows) : await writeImportXlsx(file, rows);
          return [r, performance.now() - t0] as const;
        })();
        const inputMb = statSync(file).size / 1e6;
        const peakFile = join(dir, 'peak.json');
        const samples: number[] = [];
        const peaks: number[] = [];
        const cpu: number[] = [];
        let outMb = 0;
        let summary = '';
        const plan = effectivePlan({ warmup: 0, minRuns: 1, maxRuns: 1 });
        for (let i = 0; i < Math.max(1, plan.minRuns); i++) {
          const out = join(dir, `out-${i}.json`);
          const [r, ms] = timeOnce(() =>
            spawnSync(process.execPath, ['-r', PRELOAD, CLI, 'import', file, '--out', out], { cwd: dir, encoding: 'utf8', timeout: 600_000, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1', BENCH_PEAK_FILE: peakFile } }),
          );
          if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout).slice(-400)}`);
          samples.push(ms);
          const report = JSON.parse(readFileSync(peakFile, 'utf8')) as { peakKb: number; cpuUs: number };
          if (report.peakKb > 0) peaks.push(report.peakKb / 1024);
          cpu.push(report.cpuUs / 1000);
          outMb = statSync(out).size / 1e6;
          summary = r.stdout.split('\n')[0] ?? '';
          rmSync(out, { force: true });
        }
        const m = childMeasurement(samples, cpu, peaks, 0);
        return {
          results: [
            measured(id, stage, `${rows.toLocaleString('en')} rows, ${round(inputMb, 3)} MB ${kind.toUpperCase()}`, label, m, {
              target,
              details: { inputMb: round(inputMb, 4), outMb: round(outMb, 4), rows: made.facts.rows, cells: made.cells, prepareMs: round(prepareMs), summary: summary.slice(0, 200) },
            }),
          ],
        };
      } catch (e) {
        return { results: [failed(id, stage, 'M', label, e, target)] };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** 100,000-row CSV (48 MB). */
export const importMemoryCsv = importMemoryCase('csv');
/** 110,000-row XLSX (1.87 million cells, 20 MB). */
export const importMemoryXlsx = importMemoryCase('xlsx');
