import { defineConfig } from 'vitest/config';

// Pure, in-process tests (library functions on data) share one module graph per worker: loading the modules
// again for every file cost about three quarters of the suite's time (`--no-isolate` took test/scoring, gaps,
// graph and stats from 3 min 9 s to 39 s on a shared machine). Tests that spawn the CLI, write files, fuzz the
// importer or fake the clock keep the default isolation (one fresh module graph per file): in a shared graph, one
// of them corrupts state the others read. A new pure directory goes in PURE; anything else is isolated.
const PURE = ['architecture', 'scoring', 'gaps', 'graph', 'model', 'stats', 'dataset', 'match', 'schema', 'data', 'internal', 'whatif', 'messages', 'backtest'];

const shared = {
  setupFiles: ['test/setup/failOnConsole.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'pure', include: PURE.map((d) => `test/${d}/**/*.test.ts`), isolate: false } },
      { test: { ...shared, name: 'isolated', include: ['test/**/*.test.ts'], exclude: PURE.map((d) => `test/${d}/**`) } },
    ],
  },
});
