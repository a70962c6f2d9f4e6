import type { Dataset } from '../schema/index.js';
import type { RankOptions } from '../scoring/rankOptions.js';
import { SCALE } from '../scoring/features/scale.js';
import { scoreSql, type SqlDialect } from './scoreSql.js';
import { scoringModel } from './scoringModel.js';

/** Options of `emitScoringSql`: those of `rankCompanies` (weighted sum), the dialect and the companies table's name. */
export interface EmitSqlOptions extends Omit<RankOptions, 'companies' | 'method' | 'stability' | 'lazyReasons' | 'unknownScale'> {
  /** 'spark' (default), 'trino' or 'duckdb'. */
  readonly dialect?: SqlDialect;
  /** The companies table (columns `CANONICAL_COLUMNS`); default `companies`. */
  readonly table?: string;
}

/**
 * The scoring query of a city's model as SQL text for a cluster (Spark SQL or Trino) or for DuckDB: the same query
 * `rankWithDuckDb` runs (lookup tables inlined as VALUES, per-company formulas with the kernel's constants), over a
 * table of companies with the columns `CANONICAL_COLUMNS`, one row per company: `id, name, set_apart, score,
 * relevance`, the eight features, `size_known` and `in_pool`. A platform ranks with `… WHERE set_apart IS NULL ORDER BY score DESC, id`.
 *
 * @param dataset - the city's dataset
 * @param options - rank options, dialect and table name
 * @returns the SQL text, with a header comment naming the dataset, dialect and input columns
 * @throws {UsageError} code `OPTIONS_INVALID` for invalid options or entropy weights
 * @example
 * writeFileSync('score.sql', emitScoringSql(liaocheng(), { dialect: 'spark', table: 'registry.companies' }));
 */
export function emitScoringSql(dataset: Dataset, options: EmitSqlOptions = {}): string {
  const { dialect = 'spark', table = 'companies', ...rankOptions } = options;
  const { tables, weights, asOf, options: o } = scoringModel(dataset, rankOptions);
  const header = [
    `-- chain-targeting scoring query (issue 19): dataset ${dataset.meta.id} (${dataset.meta.name}), as of ${asOf}, dialect ${dialect}`,
    `-- input: table ${table} with columns id, name, hq_country, hq_province, hq_city, segments (array of text), industries (array),`,
    '--   placement_status, is_local, revenue, revenue_band, employees, registered_capital, growth, lists (array), stock_code,',
    '--   signals (array of struct type, date), risks (array of struct type, severity, date), ties (array of struct type, enterprise)',
    '-- output: one row per company: id, name, set_apart (NULL for a candidate), score, relevance, eight features, size_known, in_pool',
    '--   (a company with nothing about its size on record scores the lower quartile of the scale of the known-size firms',
    '--   of the city\'s pool, in_pool: chain-relevant to the city before any industry filter, not local, not off-chain;',
    `--   or ${SCALE.unknown} with fewer than ${SCALE.minKnown} of them: size_known is false for it)`,
    `-- weights: ${JSON.stringify(weights)}`,
  ].join('\n');
  return `${header}\n${scoreSql(tables, weights, table, { includeOffChain: o.includeOffChain, includeLocal: o.includeLocal, includeUnrelated: o.includeUnrelated, dialect })}\n`;
}
