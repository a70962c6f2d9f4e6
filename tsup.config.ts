import { defineConfig } from 'tsup';

// Only options that tsdown shares (entry, format, dts, sourcemap, clean, target), so a later
// move away from tsup (marked unmaintained) stays mechanical. See ../shared/STYLE.md §1.6.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
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
  },
]);
