import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Every test file shares one module graph per worker (isolate off): loading src/, zod, echarts, exceljs and the
// embedded dataset again for each of ~130 files was most of the suite's cost (docs/testing.md, shared machine:
// test/cli + test/handbook took 46.5 s CPU in a shared graph against 138.6 s isolated, import 33 s against 496 s).
// A shared graph is safe only while no file leaves global state changed; the one leak
// found (a handbook region named "__proto__" made ZRender's text-width cache write prev/next onto
// Object.prototype, which broke zod in every later file) is fixed in src/handbook/charts/regionBarSvg.ts, and
// test/setup/guardSharedState.ts now fails the file that changes Object.prototype, cwd, env or leaves fake
// timers on. To hunt a suspected leak, run with VITEST_ISOLATE=1 (one fresh module graph per file, slow).
// Workers: vitest's default is one fewer than the CPUs, i.e. ONE worker on a 2-core machine, leaving a core idle
// (the main vitest process mostly waits); all cores are used instead.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/failOnConsole.ts', 'test/setup/guardSharedState.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    isolate: process.env.VITEST_ISOLATE === '1',
  },
});
