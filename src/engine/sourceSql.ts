import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { sqlString } from './scoreSql.js';

/** File formats DuckDB reads without an extension download. */
export type CompaniesFormat = 'parquet' | 'csv' | 'jsonl' | 'json';

/**
 * The format of a companies file from its extension (.parquet, .csv, .jsonl or .ndjson, .json for a JSON array); undefined otherwise.
 *
 * @example
 * formatOf('firms.parquet'); // 'parquet'
 */
export function formatOf(path: string): CompaniesFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  return undefined;
}

/**
 * The DuckDB table function reading a companies file: Parquet as it is, CSV with a header row (UTF-8), JSON Lines
 * (one Company object a line).
 */
export function readFileSql(path: string, format: CompaniesFormat): string {
  if (format === 'parquet') return `read_parquet(${sqlString(path)})`;
  if (format === 'csv') return `read_csv(${sqlString(path)}, header = true, all_varchar = true)`;
  return `read_json(${sqlString(path)}, format = '${format === 'json' ? 'array' : 'newline_delimited'}', maximum_object_size = 16777216)`;
}

/** A column of the file as DESCRIBE lists it. */
export interface FileColumn {
  readonly name: string;
  readonly type: string;
}

const SIGNAL = `STRUCT("type" VARCHAR, "date" VARCHAR)[]`;
const RISK = `STRUCT("type" VARCHAR, severity VARCHAR, "date" VARCHAR)[]`;
const TIE = `STRUCT("type" VARCHAR, enterprise VARCHAR)[]`;
/** The same structures for `json_transform` (which ignores the other keys of each object: text, source …). */
const JSON_SHAPE: Readonly<Record<string, string>> = {
  [SIGNAL]: '[{"type":"VARCHAR","date":"VARCHAR"}]',
  [RISK]: '[{"type":"VARCHAR","severity":"VARCHAR","date":"VARCHAR"}]',
  [TIE]: '[{"type":"VARCHAR","enterprise":"VARCHAR"}]',
};

function q(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The SELECT that turns a companies file into the relation the scoring query reads (`CANONICAL_COLUMNS`). Columns
 * take their Company-schema names (`id`, `name`, `segments`, `revenueBand` …); HQ is a struct `hq` or flat
 * `hqProvince` / `hqCity` / `hqCountry` (also `province` / `city` / `country`); placement a struct `placement`
 * or `placementStatus`. A list is an array, or a text with entries separated by ';' (CSV); signals, risks and ties
 * an array of structs or a JSON text. A column that is absent is NULL.
 *
 * @param columns - the file's columns (DESCRIBE)
 * @param from - the table function or relation to read
 * @returns the SELECT statement
 * @throws {UsageError} code `OPTIONS_INVALID` when `id`, `name` or the HQ province and city are missing
 * @example
 * sourceSql([{ name: 'id', type: 'VARCHAR' }, …], "read_parquet('firms.parquet')");
 */
export function sourceSql(columns: readonly FileColumn[], from: string): string {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const col = (...names: string[]): FileColumn | undefined => names.map((n) => byName.get(n)).find((c) => c !== undefined);
  const need = (label: string, ...names: string[]): FileColumn => {
    const c = col(...names);
    if (c === undefined) throw new UsageError(`companies file: column ${label} is missing`, `企业文件缺少列 ${label}`, [], 'OPTIONS_INVALID');
    return c;
  };
  const hq = byName.get('hq');
  const hqField = (field: string, ...flat: string[]): string | undefined => {
    if (hq !== undefined && hq.type.startsWith('STRUCT') && new RegExp(`\\b${field}\\b`).test(hq.type)) return `CAST(${q('hq')}.${field} AS VARCHAR)`;
    const c = col(...flat);
    return c === undefined ? undefined : `CAST(${q(c.name)} AS VARCHAR)`;
  };
  const province = hqField('province', 'hqProvince', 'province');
  const city = hqField('city', 'hqCity', 'city');
  if (province === undefined || city === undefined) throw new UsageError('companies file: HQ columns (hq.province and hq.city, or hqProvince and hqCity) are missing', '企业文件缺少总部列（hq.province 与 hq.city，或 hqProvince 与 hqCity）', [], 'OPTIONS_INVALID');
  const text = (...names: string[]): string => {
    const c = col(...names);
    return c === undefined ? 'CAST(NULL AS VARCHAR)' : `nullif(trim(CAST(${q(c.name)} AS VARCHAR)), '')`;
  };
  const number = (...names: string[]): string => {
    const c = col(...names);
    return c === undefined ? 'CAST(NULL AS DOUBLE)' : c.type === 'VARCHAR' ? `TRY_CAST(nullif(trim(${q(c.name)}), '') AS DOUBLE)` : `CAST(${q(c.name)} AS DOUBLE)`;
  };
  const list = (...names: string[]): string => {
    const c = col(...names);
    if (c === undefined) return 'CAST(NULL AS VARCHAR[])';
    if (c.type.endsWith('[]')) return `CAST(${q(c.name)} AS VARCHAR[])`;
    // 'a;b' (also '；' and ','): split, trim, drop empty entries; an empty cell is NULL (no list), as an absent field.
    const parts = `list_filter(list_transform(string_split_regex(CAST(${q(c.name)} AS VARCHAR), '[;；,]'), x -> trim(x)), x -> x <> '')`;
    return `CASE WHEN ${q(c.name)} IS NULL OR len(${parts}) = 0 THEN NULL ELSE ${parts} END`;
  };
  const nested = (type: string, ...names: string[]): string => {
    const c = col(...names);
    if (c === undefined) return `CAST(NULL AS ${type})`;
    if (c.type === 'VARCHAR' || c.type === 'JSON') return `CAST(json_transform(nullif(trim(CAST(${q(c.name)} AS VARCHAR)), ''), '${JSON_SHAPE[type]!}') AS ${type})`;
    return `CAST(${q(c.name)} AS ${type})`;
  };
  const placement = byName.get('placement');
  const status = placement !== undefined && placement.type.startsWith('STRUCT') ? `CAST(${q('placement')}.status AS VARCHAR)` : text('placementStatus', 'placement_status');
  const local = col('local', 'is_local');
  const isLocal = local === undefined ? 'CAST(NULL AS BOOLEAN)' : local.type === 'BOOLEAN' ? q(local.name) : `lower(trim(CAST(${q(local.name)} AS VARCHAR))) IN ('true', '1', 'yes', '是')`;
  const country = hqField('country', 'hqCountry', 'country');
  return `SELECT CAST(${q(need('id', 'id').name)} AS VARCHAR) AS id, CAST(${q(need('name', 'name').name)} AS VARCHAR) AS name,
  ${country === undefined ? 'CAST(NULL AS VARCHAR)' : `nullif(${country}, '')`} AS hq_country, ${province} AS hq_province, ${city} AS hq_city,
  ${list('segments')} AS segments, ${list('industries')} AS industries, ${status} AS placement_status, ${isLocal} AS is_local,
  ${number('revenue')} AS revenue, ${text('revenueBand', 'revenue_band')} AS revenue_band, ${number('employees')} AS employees,
  ${number('registeredCapital', 'registered_capital')} AS registered_capital, ${number('growth')} AS growth, ${list('lists')} AS lists,
  ${text('stockCode', 'stock_code')} AS stock_code, ${nested(SIGNAL, 'signals')} AS signals, ${nested(RISK, 'risks')} AS risks, ${nested(TIE, 'ties')} AS ties
FROM ${from}`;
}
