import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import type { Dataset } from '../../src/schema/index.js';
import { sqlString } from '../../src/engine/scoreSql.js';
import { DEFAULT_SEED } from '../generate/dataset.js';
import { COMPANY_BANDS, OWNERSHIP, RISK_TYPES, SEGMENTS_PER_COMPANY, SIGNAL_TYPES, SOURCES, TIE_TYPES } from '../generate/vocabulary.js';

/**
 * Companies generated inside DuckDB, row by row from hash-based pseudo-random draws (`hash(i, k, seed)`: the
 * draw k of row i), so 10 million rows are written as Parquet in seconds and the same seed gives the same file.
 * The shape follows `generateCompanies` (the L companies): HQ places weighted like the 聊城 companies', 1–9
 * segments mostly in one industry, revenue bands, lists and stock codes, signals, ties to local enterprises and
 * risks at the same rates. Names are plain (企业 + number): no name matching reads them.
 */

const U = 1_000_000;

/** A weighted draw: CASE over cumulative shares of `pairs`. */
function weighted(draw: string, pairs: readonly (readonly [string | number, number])[]): string {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  const whens = pairs.slice(0, -1).map(([v, w]) => {
    acc += w;
    return `WHEN ${draw} < ${acc / total} THEN ${typeof v === 'number' ? v : sqlString(v)}`;
  });
  const last = pairs[pairs.length - 1]![0];
  return `CASE ${whens.join(' ')} ELSE ${typeof last === 'number' ? last : sqlString(last)} END`;
}

const LIST_RATES: readonly (readonly [string, number])[] = [
  ['fortune-global-500', 39 / 523], ['china-500', 52 / 523], ['china-private-500', 32 / 523], ['specialized-little-giant', 0.02], ['china-manufacturing-500', 0.03],
];

/**
 * The SELECT that generates `count` companies on the model of `base` (default 聊城) with `seed`.
 *
 * @example
 * await con.run(`COPY (${generateCompaniesSql(1_000_000)}) TO 'c.parquet' (FORMAT parquet)`);
 */
export function generateCompaniesSql(count: number, seed = DEFAULT_SEED, base: Dataset = liaocheng()): string {
  const seen = new Map<string, number>();
  for (const c of base.companies) seen.set(`${c.hq.province}|${c.hq.city}`, (seen.get(`${c.hq.province}|${c.hq.city}`) ?? 0) + 1);
  const places = base.cities.filter((c) => c.level === 'city' && (c.country === undefined || c.country === '中国'));
  // Places repeated by weight (1 + 4 × 聊城 companies there): a uniform slot in this list is a weighted draw.
  const placeSlots: number[] = [];
  places.forEach((c, k) => {
    for (let w = 1 + 4 * (seen.get(`${c.province}|${c.name}`) ?? 0); w > 0; w--) placeSlots.push(k + 1);
  });
  const segs = base.segments;
  const industries = [...new Set(segs.map((s) => s.industry))];
  const byIndustry = industries.map((ind) => segs.map((s, k) => (s.industry === ind ? k : -1)).filter((k) => k >= 0));
  const list = (xs: readonly (string | number)[]): string => `[${xs.map((x) => (typeof x === 'number' ? String(x) : sqlString(x))).join(', ')}]`;
  const segIds = list(segs.map((s) => s.id));
  const industryOf = list(segs.map((s) => industries.indexOf(s.industry) + 1));
  const sameIndustry = `[${byIndustry.map((ks) => list(ks.map((k) => k + 1))).join(', ')}]`;
  const ents = base.enterprises.map((e) => e.id);
  // Every draw is computed once per row as a column (d<k>), then read by the expressions below.
  const draws = new Set<number>();
  const d = (k: number): string => {
    draws.add(k);
    return `d${k}`;
  };
  const h = (k: number): string => `CAST(hash(i, ${k}, ${seed}) >> 1 AS BIGINT)`;
  const date = (k: number): string => `CASE WHEN ${d(k)} < 0.3 THEN CAST(2018 + ${h(k + 1)} % 9 AS VARCHAR) ELSE CAST(2018 + ${h(k + 1)} % 9 AS VARCHAR) || '-' || lpad(CAST(1 + ${h(k + 2)} % 10 AS VARCHAR), 2, '0') END`;
  const signal = (k: number): string => `{'type': ${weighted(d(k), SIGNAL_TYPES)}, 'date': ${date(k + 1)}, 'text': '扩产项目', 'source': ${sqlString(SOURCES[k % SOURCES.length]!)}}`;
  const tie = (k: number): string =>
    `{'type': ${weighted(d(20 + 2 * k), TIE_TYPES)}, 'enterprise': CASE WHEN ${d(21 + 2 * k)} < 0.5 THEN ${list(ents)}[1 + ${h(24 + k)} % ${ents.length}] END, 'text': '与本地企业有业务往来', 'source': ${sqlString(SOURCES[(k + 1) % SOURCES.length]!)}}`;
  const risk = `{'type': ${weighted(d(40), RISK_TYPES)}, 'severity': ${weighted(d(41), [['low', 6], ['medium', 3], ['high', 1]])}, 'date': ${date(42)}, 'text': '行业产能过剩，盈利承压', 'source': '企查查导出'}`;
  const lists = `list_filter([${LIST_RATES.map(([l, r], k) => `CASE WHEN ${d(50 + k)} < ${r} THEN ${sqlString(l)} END`).join(', ')}, CASE WHEN ${d(4)} < ${427 / 523} THEN 'listed' END], x -> x IS NOT NULL)`;
  // Segments: the first uniform, each next from the same industry (75 %) or anywhere; repeats dropped (list_distinct: its order is DuckDB's, fixed for a version).
  const maxSegs = SEGMENTS_PER_COMPANY.reduce((a, [n]) => Math.max(a, n), 1);
  const s0 = `(1 + ${h(3)} % ${segs.length})`;
  const pick = (m: number): string =>
    `CASE WHEN ${d(100 + m)} < 0.75 THEN ${sameIndustry}[${industryOf}[${s0}]][1 + ${h(120 + m)} % len(${sameIndustry}[${industryOf}[${s0}]])] ELSE 1 + ${h(140 + m)} % ${segs.length} END`;
  // Ids looked up outside any lambda: DuckDB 1.5 rebuilds a constant list inside a lambda for every row.
  const slots = `[${[s0, ...Array.from({ length: maxSegs - 1 }, (_, m) => pick(m + 1))].map((k) => `${segIds}[${k}]`).join(', ')}]`;
  const body = `SELECT 'co-' || lpad(CAST(i AS VARCHAR), 8, '0') AS id, '生成企业' || CAST(i AS VARCHAR) || '有限公司' AS name,
  {'province': ${list(places.map((c) => c.province))}[pl], 'city': ${list(places.map((c) => c.name))}[pl]} AS hq,
  ${weighted(d(8), OWNERSHIP)} AS ownership,
  list_distinct(list_slice(${slots}, 1, nseg)) AS segments,
  CASE WHEN band <> 'none' THEN band END AS revenueBand,
  CASE WHEN band <> 'none' THEN 2023 END AS revenueYear,
  CASE WHEN band <> 'none' AND ${d(9)} < ${18 / 523} THEN round(1 + ${d(30)} * 1000, 2) END AS revenue,
  CASE WHEN ${d(31)} < 0.2 THEN round(${d(32)} * 0.8 - 0.2, 2) END AS growth,
  nullif(${lists}, []) AS lists,
  CASE WHEN ${d(4)} < ${427 / 523} AND ${d(33)} < 0.99 THEN '600' || lpad(CAST(${h(34)} % 1000 AS VARCHAR), 3, '0') || CASE WHEN ${d(35)} < 0.5 THEN '.SH' ELSE '.SZ' END END AS stockCode,
  CASE nsig WHEN 0 THEN NULL WHEN 1 THEN [${signal(60)}] ELSE [${signal(60)}, ${signal(70)}] END AS signals,
  CASE ntie WHEN 0 THEN NULL WHEN 1 THEN [${tie(0)}] ELSE [${tie(0)}, ${tie(1)}] END AS ties,
  CASE WHEN ${d(39)} < ${27 / 523} THEN [${risk}] END AS risks,
  ${sqlString(SOURCES[1]!)} AS source, 'medium' AS confidence, '2025' AS asOf`;
  const derived = `${list(placeSlots)}[1 + ${h(1)} % ${placeSlots.length}] AS pl, ${weighted(d(2), SEGMENTS_PER_COMPANY)} AS nseg,
  ${weighted(d(5), COMPANY_BANDS)} AS band, ${weighted(d(6), [[0, 396], [1, 116], [2, 11]])} AS nsig, ${weighted(d(7), [[0, 494], [1, 27], [2, 2]])} AS ntie`;
  const drawCols = [...draws].sort((a, b) => a - b).map((k) => `(${h(k)} % ${U}) / ${U}.0 AS d${k}`);
  return `${body}
FROM (SELECT *, ${derived} FROM (SELECT i, ${drawCols.join(', ')} FROM range(${count}) r(i)))`;
}

/**
 * A generated companies Parquet file of `count` rows with `seed`, cached under the temp directory by count and seed
 * (`chain-targeting-bench/companies-<count>-<seed>.parquet`): written once, by DuckDB, then reused.
 *
 * @returns the file's path and the milliseconds spent writing it (0 when cached)
 */
export async function generatedCompaniesParquet(count: number, seed = DEFAULT_SEED, dir = join(tmpdir(), 'chain-targeting-bench')): Promise<{ path: string; ms: number }> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `companies-${count}-${seed}.parquet`);
  if (existsSync(path)) return { path, ms: 0 };
  const t0 = performance.now();
  const tmp = `${path}.${process.pid}.tmp`;
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '2GB', temp_directory: join(dir, 'spill') });
  const con = await instance.connect();
  try {
    await con.run(`COPY (${generateCompaniesSql(count, seed)}) TO ${sqlString(tmp)} (FORMAT parquet, ROW_GROUP_SIZE 122880)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  renameSync(tmp, path);
  return { path, ms: performance.now() - t0 };
}
