import { liaocheng } from '../../src/dataset/liaocheng.js';
import type { Dataset } from '../../src/schema/index.js';
import { generateCompanies } from '../generate/companies.js';
import { companiesToCsv } from '../generate/csv.js';
import { DEFAULT_SEED, generateDataset, generateTaxonomyFor, SIZES } from '../generate/dataset.js';
import { createRng } from '../generate/rng.js';
import { round } from '../harness/stats.js';
import { measureRow, optionalExport, timeOnce, unavailable, type BenchCase } from './common.js';

/** Rows of the import benchmark. */
export const IMPORT_ROWS = 100_000;

interface ImportResultLike {
  readonly companies: readonly unknown[];
  readonly rejected: readonly unknown[];
  readonly merged: readonly unknown[];
  readonly tags: readonly unknown[];
  readonly stats: { readonly rows: number; readonly accepted: number; readonly merged: number; readonly rejected: number };
}
type ImportCompanies = (source: Uint8Array, options: Record<string, unknown>) => Promise<ImportResultLike>;

function importCase(size: 'S' | 'M', rows: number): BenchCase {
  const id = `import.${size}`;
  const stage = 'import + tagging' as const;
  const label = `importCompanies: ${rows.toLocaleString('en')}-row 企查查-style CSV, tagging (挂链) + dedupe against the ${size} dataset`;
  const target = rows >= IMPORT_ROWS ? { maxMs: 15_000 } : undefined;
  return {
    id,
    size,
    stage,
    title: `import + tagging of ${rows} rows`,
    async execute() {
      const importCompanies = await optionalExport<ImportCompanies>('../../src/io/import/importCompanies.js', 'importCompanies');
      if (typeof importCompanies === 'string') return { results: [unavailable(id, stage, size, label, importCompanies, target)] };
      const [prepared, prepareMs] = timeOnce(() => {
        const ds: Dataset = size === 'S' ? liaocheng() : generateDataset(SIZES.M);
        const tax = size === 'S' ? { ...ds, baseIndustryOf: ds.segments.map((s) => s.industry) } : generateTaxonomyFor(SIZES.M);
        const generated = generateCompanies(tax, liaocheng(), rows, createRng(DEFAULT_SEED * 17 + rows), { idPrefix: 'im' });
        const csv = companiesToCsv(generated, ds.companies, createRng(DEFAULT_SEED * 19 + rows));
        return { ds, bytes: new TextEncoder().encode(csv.text), facts: csv.facts };
      });
      const { ds, bytes, facts } = prepared;
      const { result } = await measureRow(
        { id, stage, size: `${rows.toLocaleString('en')} rows`, label, ...(target ? { target } : {}) },
        () => importCompanies(bytes, { format: 'csv', fileName: `bench-${rows}.csv`, dataset: ds }),
        size === 'S' ? { warmup: 1, minRuns: 3, maxRuns: 5, budgetMs: 5_000 } : { warmup: 0, minRuns: 1, maxRuns: 2, budgetMs: 30_000 },
        (r) => ({
          csvMb: round(bytes.length / 1024 / 1024, 3),
          rows: r.stats.rows,
          accepted: r.stats.accepted,
          merged: r.stats.merged,
          rejected: r.stats.rejected,
          tagged: r.tags.length,
          duplicateRowsPlanted: facts.duplicateRows,
          datasetMatchesPlanted: facts.datasetMatches,
          badRowsPlanted: facts.badRows,
          closedRowsPlanted: facts.closedRows,
          datasetSegments: ds.segments.length,
          datasetCompanies: ds.companies.length,
          prepareMs: round(prepareMs),
        }),
      );
      return { results: [result] };
    },
  };
}

/** 100,000 rows against the M dataset (1,000 segments to tag on, 10,000 companies to merge into). */
export const importM = importCase('M', IMPORT_ROWS);
/** 2,000 rows against 聊城: the smoke-size variant. */
export const importS = importCase('S', 2_000);
