import { basename } from 'node:path';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { Company, type Dataset } from '../schema/index.js';
import { rankCompanies, CLUSTER_WINDOW } from '../scoring/rankCompanies.js';
import type { RankOptions } from '../scoring/rankOptions.js';
import { FEATURE_NAMES, type Ranking } from '../scoring/types.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import { knownScale, SCALE, sizeUnknown } from '../scoring/features/scale.js';
import { unknownScaleFromQuartile, type UnknownScale } from '../scoring/unknownScale.js';
import { scoreSql, sqlNumber, sqlString, type SetApart } from './scoreSql.js';
import { scoringModel } from './scoringModel.js';
import { formatOf, readFileSql, sourceSql, type CompaniesFormat, type FileColumn } from './sourceSql.js';

/** Options of `rankWithDuckDb`: those of `rankCompanies` (weighted sum; no entropy weights, TOPSIS or stability), and the engine's own. */
export interface DuckDbRankOptions extends Omit<RankOptions, 'companies' | 'method' | 'stability' | 'lazyReasons' | 'unknownScale'> {
  /** Write every company's features, relevance, score and `set_apart` to this file (.parquet, else CSV). */
  readonly scoredOut?: string;
  /** DuckDB memory limit, e.g. '1GB' (default '1GB': DuckDB spills to `tempDirectory` past it). */
  readonly memoryLimit?: string;
  /** DuckDB threads (default: DuckDB's own, one per core). */
  readonly threads?: number;
  /** Where DuckDB spills (default: DuckDB's own, `.tmp` beside the database, here in the working directory). */
  readonly tempDirectory?: string;
  /** Format of the file when its extension does not say. */
  readonly format?: CompaniesFormat;
  /** Provenance given to a top company whose row has none: `source` (default the file name), `confidence` (default 'low'), `asOf` (default the dataset's). */
  readonly provenance?: { readonly source?: string; readonly confidence?: 'high' | 'medium' | 'low'; readonly asOf?: string };
}

/** A ranking from DuckDB: the ranking of `rankCompanies` (top items with reasons) and the engine's figures. */
export interface DuckDbRanking extends Ranking {
  /** Companies read from the file. */
  readonly rows: number;
  /** Milliseconds spent in DuckDB (scoring, counts, top selection) and in process (reasons for the top items). */
  readonly timings: { readonly engineMs: number; readonly reasonsMs: number; readonly phases: Readonly<Record<string, { readonly ms: number; readonly cpuMs: number }>> };
  /** The companies behind the items (read back from the file), in rank order. */
  readonly topCompanies: readonly Company[];
}

type DuckDbModule = typeof import('@duckdb/node-api');

/** The DuckDB bindings, loaded on first use only (so `import 'chain-targeting'` never loads the native library). */
/** @internal */
export async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    throw new UsageError(`the DuckDB engine needs the package @duckdb/node-api: ${(error as Error).message}`, `DuckDB 引擎需要安装 @duckdb/node-api：${(error as Error).message}`, [], 'OPTIONS_INVALID');
  }
}

/** Wall and CPU milliseconds of each step (CPU of the whole process: DuckDB's threads included). @internal */
export type Phases = Record<string, { readonly ms: number; readonly cpuMs: number }>;

/**
 * A phase timer: `phase(name)` records the wall and CPU time since the previous call (or since the timer started).
 * @internal
 */
export function phaseTimer(): { readonly phases: Phases; readonly phase: (name: string) => void } {
  const phases: Phases = {};
  let tp = performance.now();
  let cp = process.cpuUsage();
  const phase = (name: string): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(cp);
    phases[name] = { ms: Math.round(now - tp), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
    tp = now;
    cp = process.cpuUsage();
  };
  return { phases, phase };
}

/**
 * An in-memory DuckDB instance and connection with the engine's settings: the memory limit (default given by the
 * caller), threads, spill directory, and no insertion order (row order is never read: the top comes from
 * ORDER BY … LIMIT, so DuckDB may write tables and files in any order).
 * @internal
 */
export async function openDuckDb(settings: Pick<DuckDbRankOptions, 'memoryLimit' | 'threads' | 'tempDirectory'>, defaultMemoryLimit: string) {
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: settings.memoryLimit ?? defaultMemoryLimit,
    preserve_insertion_order: 'false',
    ...(settings.threads !== undefined ? { threads: String(settings.threads) } : {}),
    ...(settings.tempDirectory !== undefined ? { temp_directory: settings.tempDirectory } : {}),
  });
  return { instance, con: await instance.connect() };
}

function splitList(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.length === 0 ? [] : v.map(String);
  const parts = String(v).split(/[;；,]/).map((x) => x.trim()).filter((x) => x !== '');
  return parts.length === 0 ? undefined : parts;
}

function nestedOf(v: unknown): unknown {
  if (typeof v === 'string') return v.trim() === '' ? undefined : JSON.parse(v);
  return v ?? undefined;
}

/** Plain JSON values from DuckDB's JS values: nulls dropped, BIGINT as number, a DATE (auto-detected in JSON) as its 'YYYY-MM-DD' text. */
function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  // getRowObjectsJS turns a DATE into a JS Date (midnight UTC): back to the 'YYYY-MM-DD' text the file held.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v !== null && typeof v === 'object' && v.constructor.name.startsWith('DuckDB')) return String(v);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, dropNulls(x)]));
  return typeof v === 'bigint' ? Number(v) : v;
}

/** A Company from a row of the file (nested as in the schema, or flat as in a CSV), validated with the Company schema. */
/** @internal */
export function companyOfRow(raw: Record<string, unknown>, defaults: { source: string; confidence: 'high' | 'medium' | 'low'; asOf: string }): Company {
  const r = dropNulls(raw) as Record<string, unknown>;
  const hq = (r['hq'] as Record<string, unknown> | undefined) ?? {
    ...(r['hqCountry'] ?? r['country'] ? { country: r['hqCountry'] ?? r['country'] } : {}),
    province: r['hqProvince'] ?? r['province'],
    city: r['hqCity'] ?? r['city'],
  };
  const numberOf = (k: string): number | undefined => (r[k] === undefined || r[k] === '' ? undefined : Number(r[k]));
  const c: Record<string, unknown> = {
    ...r,
    hq,
    ownership: r['ownership'] ?? 'private',
    source: r['source'] ?? defaults.source,
    confidence: r['confidence'] ?? defaults.confidence,
    asOf: r['asOf'] ?? defaults.asOf,
    segments: splitList(r['segments']),
    industries: splitList(r['industries']),
    lists: splitList(r['lists']),
    aliases: splitList(r['aliases']),
    products: splitList(r['products']),
    signals: nestedOf(r['signals']),
    risks: nestedOf(r['risks']),
    ties: nestedOf(r['ties']),
    placement: r['placement'] ?? (r['placementStatus'] !== undefined ? { status: r['placementStatus'], score: 0, evidence: [] } : undefined),
    local: r['local'] === undefined ? undefined : r['local'] === true || ['true', '1', 'yes', '是'].includes(String(r['local']).toLowerCase()),
    revenue: numberOf('revenue'),
    employees: numberOf('employees'),
    registeredCapital: numberOf('registeredCapital'),
    growth: numberOf('growth'),
    revenueYear: numberOf('revenueYear'),
  };
  for (const k of ['hqProvince', 'hqCity', 'hqCountry', 'province', 'city', 'country', 'placementStatus']) delete c[k];
  const parsed = Company.safeParse(dropNulls(c));
  if (!parsed.success) {
    const detail = z.prettifyError(parsed.error);
    throw new UsageError(`companies file: row of id "${String(r['id'])}" is not a valid company: ${detail}`, `企业文件：id 为“${String(r['id'])}”的行不是有效的企业记录：${detail}`, [], 'OPTIONS_INVALID');
  }
  return parsed.data;
}

/**
 * Rank the companies of a file (Parquet, CSV or JSON Lines) with DuckDB, out of core: every company is scored in
 * SQL generated from the same model as `rankCompanies` (`scoringTables` + `scoreSql`), the full scored table is
 * written when asked, and the top N (with the first `CLUSTER_WINDOW`, for 小团组招商) are read back and explained
 * in process by `rankCompanies` itself, so their features, contributions, reasons and 招商方式 are those of the
 * in-process ranking. Counts of the companies set apart come from DuckDB.
 *
 * @param dataset - the city's dataset (the model)
 * @param file - path of the companies file
 * @param options - see `DuckDbRankOptions`
 * @returns the ranking of the top N, with the number of rows read and timings
 * @throws {UsageError} code `OPTIONS_INVALID` for entropy weights (they need every candidate's features in process), a duplicate candidate id, a missing column or a bad row among the top
 * @throws {NotFoundError} for an unknown industry
 * @example
 * const r = await rankWithDuckDb(liaocheng(), 'registry.parquet', { top: 1000, scoredOut: 'scored.parquet' });
 * r.items[0]?.reasons[0]?.zh;
 */
export async function rankWithDuckDb(dataset: Dataset, file: string, options: DuckDbRankOptions = {}): Promise<DuckDbRanking> {
  const { scoredOut, memoryLimit, threads, tempDirectory, format: givenFormat, provenance, ...rankOptions } = options;
  const format = givenFormat ?? formatOf(file);
  if (format === undefined) throw new UsageError(`rankWithDuckDb: "${file}" is not .parquet, .csv or .jsonl`, `rankWithDuckDb：“${file}”不是 .parquet、.csv 或 .jsonl 文件`, [], 'OPTIONS_INVALID');
  // The settings rankCompanies resolves (same defaults), so both engines read one scoring context.
  const { tables, weights, gaps, asOf, options: o } = scoringModel(dataset, rankOptions);

  const t0 = performance.now();
  const { instance, con } = await openDuckDb(options, '1GB');
  const { phases, phase } = phaseTimer();
  try {
    const read = readFileSql(file, format);
    const described = (await (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`)).getRowObjectsJS()) as { column_name: string; column_type: string }[];
    const columns: FileColumn[] = described.map((d) => ({ name: d.column_name, type: d.column_type }));
    await con.run(`CREATE TEMP VIEW src AS ${sourceSql(columns, read)}`);
    phase('open');
    const scoring = scoreSql(tables, weights, 'src', { includeOffChain: o.includeOffChain, includeLocal: o.includeLocal, includeUnrelated: o.includeUnrelated });
    // One scoring pass into a table (kept in memory, spilled past the limit); the file written from it.
    await con.run(`CREATE TEMP TABLE scored AS ${scoring}`);
    phase('score');
    if (scoredOut !== undefined) {
      const fmt = scoredOut.toLowerCase().endsWith('.parquet') ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
      await con.run(`COPY scored TO ${sqlString(scoredOut)} ${fmt}`);
      phase('write');
    }
    const counts = (await (await con.runAndReadAll('SELECT set_apart, count(*) AS n FROM scored GROUP BY set_apart')).getRowObjectsJS()) as { set_apart: SetApart | null; n: bigint }[];
    const count = (k: SetApart | null): number => Number(counts.find((c) => c.set_apart === k)?.n ?? 0n);
    const rows = counts.reduce((a, c) => a + Number(c.n), 0);
    const candidates = count(null);
    const dup = (await (await con.runAndReadAll('SELECT id FROM scored WHERE set_apart IS NULL GROUP BY id HAVING count(*) > 1 ORDER BY id LIMIT 1')).getRowObjectsJS()) as { id: string }[];
    if (dup.length > 0) {
      throw new UsageError(`rankCompanies: company id "${dup[0]!.id}" appears twice among the candidates; ids must be unique`, `rankCompanies：候选企业 id“${dup[0]!.id}”重复；id 须唯一`, [], 'OPTIONS_INVALID');
    }
    // The unknown-size scale the query gave (`unknownScaleOf` over the city's pool, `in_pool`): the in-process re-rank
    // of the top rows below reads it, not the quartile of those rows alone.
    const pool = poolOf(await poolQuartiles(con, false), 1);
    phase('counts');
    const top = Math.min(o.top ?? candidates, candidates);
    const take = Math.min(candidates, Math.max(top, CLUSTER_WINDOW));
    const topIds = ((await (await con.runAndReadAll(`SELECT id FROM scored WHERE set_apart IS NULL ORDER BY score DESC, id ASC LIMIT ${take}`)).getRowObjectsJS()) as { id: string }[]).map((r) => r.id);
    phase('top ids');
    // The top rows read back from the file (every column, for the Company records), put in rank order here.
    // A constant IN list on the file's own id column (no cast when it is text): DuckDB pushes it into the scan, which
    // reads the other columns only for the rows that pass (a semi-join read every column of every row).
    const idColumn = columns.find((c) => c.name === 'id');
    const idExpr = idColumn?.type === 'VARCHAR' ? '"id"' : 'CAST("id" AS VARCHAR)';
    const rowsById = new Map<string, Record<string, unknown>>();
    const readIds = pool.id !== undefined && !topIds.includes(pool.id) ? [...topIds, pool.id] : topIds;
    const inList = readIds.length === 0 ? "''" : readIds.map(sqlString).join(', ');
    for (const r of (await (await con.runAndReadAll(`SELECT * FROM ${read} WHERE ${idExpr} IN (${inList})`)).getRowObjectsJS()) as Record<string, unknown>[]) rowsById.set(String(r['id']), r);
    const raw = topIds.map((id) => rowsById.get(id)!);
    phase('top rows');
    const engineMs = performance.now() - t0;
    const t1 = performance.now();
    const defaults = { source: provenance?.source ?? basename(file), confidence: provenance?.confidence ?? ('low' as const), asOf: provenance?.asOf ?? asOf };
    const companies = raw.map((r) => companyOfRow(r, defaults));
    const unknownScale = unknownScaleOfPool(pool, pool.id === undefined ? undefined : rowsById.get(pool.id), defaults);
    const inProcess = rankCompanies(dataset, {
      ...rankOptions,
      gaps,
      companies,
      unknownScale,
      top: Math.max(1, top),
      includeOffChain: true,
      includeLocal: true,
      includeUnrelated: true,
    });
    const items = top === 0 ? [] : inProcess.items;
    const reasonsMs = performance.now() - t1;
    phase('reasons');
    return {
      ...inProcess,
      items,
      candidates,
      excluded: { offChain: count('off-chain'), local: count('local'), unrelated: count('unrelated') },
      rows,
      timings: { engineMs, reasonsMs, phases },
      topCompanies: companies.slice(0, items.length),
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * The columns of the scored table, in output order (for readers of `scoredOut`); `size_known` is false for a company
 * with nothing about its size on record; `in_pool` is true for a company of the city's unknown-size pool
 * (`inUnknownScalePool`: chain-relevant to the city before any industry filter, not local, not off-chain).
 */
export const SCORED_COLUMNS: readonly string[] = Object.freeze(['id', 'name', 'set_apart', 'score', 'relevance', ...FEATURE_NAMES, 'size_known', 'in_pool']);

/** The known-size firms of a scored pool as DuckDB counted them, their lower quartile, and a firm at it. @internal */
export interface PoolQuartile {
  readonly known: number;
  /** `quantile_disc(scale, 0.25)` over them (NULL for none). */
  readonly q: number | undefined;
  /** The smallest id among the pool's known-size firms whose scale is `q`: the firm the quartile is the scale of. */
  readonly id: string | undefined;
}

/**
 * The pools of the unknown-size scale in a scored table (columns `in_pool`, `size_known`, `scale`, and `id` or a
 * row key `k` into `mc` for the many-city table; one pool per `city_no` when `byCity`): the count of the pool's
 * known-size firms, their discrete lower quartile as the scoring query took it, and the firm at it. Two grouped scans.
 *
 * @returns the pools by city number (1 … cities), or the one pool under 1
 * @internal shared by `rankWithDuckDb` and `rankCitiesWithDuckDb`
 */
export async function poolQuartiles(con: DuckDBConnection, byCity: boolean): Promise<Map<number, PoolQuartile>> {
  const city = byCity ? 's.city_no' : '1';
  const all = async <T>(sql: string): Promise<T[]> => (await (await con.runAndReadAll(sql)).getRowObjectsJS()) as T[];
  const inPool = 's.in_pool AND s.size_known';
  const quartiles = await all<{ city: number | bigint; known: bigint; q: number | null }>(
    `SELECT ${city} AS city, count(*) AS known, quantile_disc(s."scale", ${sqlNumber(SCALE.unknownQuantile)}) AS q FROM scored s WHERE ${inPool} GROUP BY ALL`,
  );
  const at = await all<{ city: number | bigint; id: string }>(
    `WITH p AS (SELECT ${city} AS city, quantile_disc(s."scale", ${sqlNumber(SCALE.unknownQuantile)}) AS q FROM scored s WHERE ${inPool} GROUP BY ALL)
SELECT p.city, min(${byCity ? 'm.id' : 's.id'}) AS id FROM scored s JOIN p ON p.city = ${city} AND s."scale" = p.q${byCity ? ' JOIN mc m ON m.k = s.k' : ''} WHERE ${inPool} GROUP BY p.city`,
  );
  const idOf = new Map(at.map((r) => [Number(r.city), r.id]));
  return new Map(quartiles.map((r) => [Number(r.city), { known: Number(r.known), q: r.q ?? undefined, id: Number(r.known) >= SCALE.minKnown ? idOf.get(Number(r.city)) : undefined }]));
}

const NO_POOL: PoolQuartile = Object.freeze({ known: 0, q: undefined, id: undefined });

/** The pool of one city (1 for a single-city table), or an empty pool when it has no known-size candidate. @internal */
export function poolOf(pools: ReadonlyMap<number, PoolQuartile>, city: number): PoolQuartile {
  return pools.get(city) ?? NO_POOL;
}

/**
 * The unknown-size scale for the in-process re-rank of the top rows: the pool's count and quartile from DuckDB, the
 * value the kernel's own scale of the firm at the quartile (`knownScale` of its row), so the items equal those of
 * `rankCompanies` over every candidate even where DuckDB's `log10` and V8's differ in the last bit (the quartile
 * firm is then the same; DuckDB's value is kept when its row does not read back as a company).
 *
 * @internal
 */
export function unknownScaleOfPool(pool: PoolQuartile, row: Record<string, unknown> | undefined, defaults: Parameters<typeof companyOfRow>[1]): UnknownScale {
  const u = unknownScaleFromQuartile(pool.known, pool.q);
  if (u.basis !== 'pool' || row === undefined) return u;
  let value = u.value;
  try {
    const c = companyOfRow(row, defaults);
    if (!sizeUnknown(c)) value = Math.min(1, Math.max(0, knownScale(c)));
  } catch {
    // keep DuckDB's value
  }
  return unknownScaleFromQuartile(pool.known, value);
}

/**
 * Every company of a Parquet, CSV or JSON Lines file as Company records, read through DuckDB and validated (the
 * in-process engine's reader for those formats; rows as `rankWithDuckDb` reads them).
 *
 * @param file - the companies file
 * @param options - format when the extension does not say; provenance defaults for rows without any
 * @returns the companies in file order
 * @throws {UsageError} code `OPTIONS_INVALID` for an unknown format or an invalid row
 * @example
 * const companies = await readCompaniesFile('firms.parquet', { provenance: { asOf: '2025' } });
 */
export async function readCompaniesFile(file: string, options: Pick<DuckDbRankOptions, 'format' | 'provenance'> & { readonly asOf: string }): Promise<Company[]> {
  const format = options.format ?? formatOf(file);
  if (format === undefined) throw new UsageError(`readCompaniesFile: "${file}" is not .parquet, .csv, .jsonl or .json`, `readCompaniesFile：“${file}”不是 .parquet、.csv、.jsonl 或 .json 文件`, [], 'OPTIONS_INVALID');
  const { DuckDBInstance } = await loadDuckDb();
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const raw = (await (await con.runAndReadAll(`SELECT * FROM ${readFileSql(file, format)}`)).getRowObjectsJS()) as Record<string, unknown>[];
    const p = options.provenance;
    const defaults = { source: p?.source ?? basename(file), confidence: p?.confidence ?? ('low' as const), asOf: p?.asOf ?? options.asOf };
    return raw.map((r) => companyOfRow(r, defaults));
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
