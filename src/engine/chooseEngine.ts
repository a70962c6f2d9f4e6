import { UsageError } from '../errors.js';

/** The engine of a ranking: in process (`memory`) or DuckDB out of core (`duckdb`); `auto` chooses by file size. */
export type Engine = 'memory' | 'duckdb' | 'auto';

/**
 * Files at least this large (32 MiB, about 60,000 companies as JSON Lines with signals and ties, 300,000 as
 * Parquet) are ranked with DuckDB under `--engine auto`: below it the in-process ranking answers in about a second
 * and the DuckDB start (≈ 0.5 s) does not pay; above it validating every record in memory costs more than scoring
 * it in SQL (1M companies: ≈ 31 s and 2.3 GB in memory, see docs/scale.md).
 */
export const DUCKDB_THRESHOLD_BYTES = 32 * 1024 * 1024;

/**
 * Which engine ranks a companies file.
 *
 * @param engine - the engine asked for
 * @param format - the file's format (see `formatOf`), undefined when unknown
 * @param bytes - the file's size
 * @returns `memory` or `duckdb`
 * @throws {UsageError} code `OPTIONS_INVALID` when DuckDB is asked for a format it cannot read (XLSX, unknown)
 * @example
 * chooseEngine('auto', 'parquet', 200 * 2 ** 20); // 'duckdb'
 */
export function chooseEngine(engine: Engine, format: string | undefined, bytes: number): 'memory' | 'duckdb' {
  if (engine === 'duckdb' && format === undefined) {
    throw new UsageError('--engine duckdb reads .parquet, .csv (UTF-8), .jsonl and .json files; convert XLSX or GBK CSV with `import FILE --out FILE.json` first', '--engine duckdb 只读 .parquet、.csv（UTF-8）、.jsonl 和 .json 文件；XLSX 或 GBK 编码的 CSV 请先用 `import 文件 --out 文件.json` 转换', [], 'OPTIONS_INVALID');
  }
  if (engine !== 'auto') return engine;
  return format !== undefined && bytes >= DUCKDB_THRESHOLD_BYTES ? 'duckdb' : 'memory';
}
