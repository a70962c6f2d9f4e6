import { defineConfig } from 'tsup';

// Only options that tsdown shares (entry, format, dts, sourcemap, clean, target), so a later
// move away from tsup (marked unmaintained) stays mechanical. See ../shared/STYLE.md §1.6.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    // DuckDB (issue 19) is loaded with a dynamic import on the DuckDB path only; never bundled.
    external: ['@duckdb/node-api'],
  },
  {
    // The CJS entry bundles echarts (and its zrender): they ship as ES modules only, and require() of an ES module
    // works only from Node 20.19, while `engines` admits every Node 20 (checked on 20.18.0: ERR_REQUIRE_ESM).
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    noExternal: [/^echarts(\/|$)/, /^zrender(\/|$)/],
    external: ['@duckdb/node-api'],
  },
  {
    // Declarations once for both formats (index.d.ts and index.d.cts from one rollup pass): with `dts` on each JS
    // config above tsup built them twice, about a third of `npm run build` (docs/testing.md).
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { only: true },
    clean: false,
    target: 'es2022',
    external: ['@duckdb/node-api'],
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    // Split chunks so the CLI loads the handbook (echarts, exceljs) and importer only when a command needs them.
    splitting: true,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    banner: { js: '#!/usr/bin/env node' },
    external: ['@duckdb/node-api'],
  },
]);
