import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import type { Company, Dataset } from '../schema/index.js';
import { CLUSTER_WINDOW, rankCompanies } from '../scoring/rankCompanies.js';
import type { Ranking } from '../scoring/types.js';
import { manyCitiesSql } from './manyCitiesSql.js';
import { companyOfRow, openDuckDb, phaseTimer, poolOf, poolQuartiles, unknownScaleOfPool, type DuckDbRankOptions } from './rankWithDuckDb.js';
import { sqlString, type SetApart } from './scoreSql.js';
import { scoringModel } from './scoringModel.js';
import { formatOf, readFileSql, sourceSql, type FileColumn } from './sourceSql.js';

/** Options of `rankCitiesWithDuckDb`: those of `rankWithDuckDb`; `top` is the number kept per city, `scoredOut` the city × company table. */
export type ManyCitiesOptions = DuckDbRankOptions;

/** One city's part of a many-city ranking: the dataset it was scored against and its ranking (top N with reasons). */
export interface CityRanking {
  readonly dataset: { readonly id: string; readonly name: string; readonly nameEn: string };
  readonly ranking: Ranking;
  /** The companies behind the items, in rank order. */
  readonly topCompanies: readonly Company[];
}

/** A many-city ranking: one ranking per city, in the order of the datasets given, with the engine's figures. */
export interface ManyCitiesRanking {
  readonly cities: readonly CityRanking[];
  /** Companies read from the file. */
  readonly rows: number;
  readonly timings: { readonly phases: Readonly<Record<string, { readonly ms: number; readonly cpuMs: number }>> };
}

/**
 * Rank one companies file against several city models in one DuckDB pass (issue 19 item 4: the shape a
 * provincial platform needs): the companies are read, normalised and looked up once (`manyCitiesSql`), every
 * company is scored in every city, and each city's top N (with the first `CLUSTER_WINDOW`) is read back and
 * explained in process by `rankCompanies` against that city's dataset. Each city's ranking equals the one
 * `rankWithDuckDb` gives for that city alone (tested): scores, order, tie-break, counts of companies set apart.
 *
 * @param datasets - the city models (same taxonomy not required: segments are matched by id)
 * @param file - the companies file (.parquet, .csv, .jsonl, .json)
 * @param options - rank options shared by all cities (`top` per city), engine settings
 * @returns one ranking per city
 * @throws {UsageError} code `OPTIONS_INVALID` for no dataset, an unknown format, entropy weights, a duplicate candidate id
 * @example
 * const r = await rankCitiesWithDuckDb([jinan, qingdao], 'registry.parquet', { top: 50 });
 * r.cities[1]?.ranking.items[0]?.name;
 */
export async function rankCitiesWithDuckDb(datasets: readonly Dataset[], file: string, options: ManyCitiesOptions = {}): Promise<ManyCitiesRanking> {
  const { scoredOut, memoryLimit, threads, tempDirectory, format: givenFormat, provenance, ...rankOptions } = options;
  if (datasets.length === 0) throw new UsageError('rankCitiesWithDuckDb: no dataset given', 'rankCitiesWithDuckDb：未给出数据集', [], 'OPTIONS_INVALID');
  const format = givenFormat ?? formatOf(file);
  if (format === undefined) throw new UsageError(`rankCitiesWithDuckDb: "${file}" is not .parquet, .csv or .jsonl`, `rankCitiesWithDuckDb：“${file}”不是 .parquet、.csv 或 .jsonl 文件`, [], 'OPTIONS_INVALID');
  const models = datasets.map((ds) => scoringModel(ds, rankOptions));
  const o = models[0]!.options;
  const weights = models[0]!.weights;
  const { instance, con } = await openDuckDb(options, '2GB');
  const { phases, phase } = phaseTimer();
  const all = async <T>(sql: string): Promise<T[]> => (await (await con.runAndReadAll(sql)).getRowObjectsJS()) as T[];
  try {
    const read = readFileSql(file, format);
    const described = await all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${read}`);
    const columns: FileColumn[] = described.map((d) => ({ name: d.column_name, type: d.column_type }));
    await con.run(`CREATE TEMP VIEW src AS ${sourceSql(columns, read)}`);
    const sql = manyCitiesSql(models.map((m) => m.tables), weights, 'src', { includeOffChain: o.includeOffChain, includeLocal: o.includeLocal, includeUnrelated: o.includeUnrelated });
    for (const statement of sql.prepare) await con.run(statement);
    phase('companies');
    await con.run(`CREATE TEMP TABLE scored AS SELECT city_no, k, set_apart, score, "scale", size_known, in_pool FROM (${sql.scored})`);
    phase('score');
    if (scoredOut !== undefined) {
      const fmt = scoredOut.toLowerCase().endsWith('.parquet') ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
      const ids = `(VALUES ${datasets.map((ds, i) => `(${i + 1}, ${sqlString(ds.meta.id)})`).join(', ')}) AS d(city_no, dataset)`;
      await con.run(`COPY (SELECT d.dataset, s.* FROM (${sql.scored}) s JOIN ${ids} ON d.city_no = s.city_no) TO ${sqlString(scoredOut)} ${fmt}`);
      phase('write');
    }
    const counts = await all<{ city_no: number | bigint; set_apart: SetApart | null; n: bigint }>('SELECT city_no, set_apart, count(*) AS n FROM scored GROUP BY ALL');
    const countOf = (city: number, k: SetApart | null): number => Number(counts.find((c) => Number(c.city_no) === city && c.set_apart === k)?.n ?? 0n);
    const rows = Number((await all<{ n: bigint }>('SELECT count(*) AS n FROM mc'))[0]!.n);
    // A candidate id twice in one city (ids are unique per file in a valid list): the error rankCompanies gives.
    const dup = await all<{ id: string }>(`SELECT m.id FROM mc m JOIN (SELECT id FROM mc GROUP BY id HAVING count(*) > 1) d ON d.id = m.id
      JOIN scored s ON s.k = m.k WHERE s.set_apart IS NULL GROUP BY s.city_no, m.id HAVING count(*) > 1 ORDER BY m.id LIMIT 1`);
    if (dup.length > 0) throw new UsageError(`rankCompanies: company id "${dup[0]!.id}" appears twice among the candidates; ids must be unique`, `rankCompanies：候选企业 id“${dup[0]!.id}”重复；id 须唯一`, [], 'OPTIONS_INVALID');
    phase('counts');
    const tops = datasets.map((_, i) => {
      const candidates = countOf(i + 1, null);
      const top = Math.min(o.top ?? candidates, candidates);
      return { candidates, top, take: Math.min(candidates, Math.max(top, CLUSTER_WINDOW)) };
    });
    // Top N per city without sorting every pair: each city's N-th best score (top-N aggregate) bounds the rows the window then orders by score and id.
    const takes = `(VALUES ${tops.map((t, i) => `(${i + 1}, ${t.take})`).join(', ')}) AS t(city_no, take)`;
    const maxTake = Math.max(1, ...tops.map((t) => t.take));
    const best = await all<{ city_no: number; id: string }>(`WITH t AS (SELECT * FROM ${takes} WHERE take > 0),
  l AS (SELECT city_no, max(score, ${maxTake}) AS l FROM scored WHERE set_apart IS NULL GROUP BY city_no),
  th AS (SELECT t.city_no, t.take, CASE WHEN len(l.l) >= t.take THEN l.l[t.take] ELSE list_min(l.l) END AS th FROM l JOIN t ON t.city_no = l.city_no)
SELECT CAST(s.city_no AS INTEGER) AS city_no, m.id FROM scored s JOIN th ON th.city_no = s.city_no JOIN mc m ON m.k = s.k
WHERE s.set_apart IS NULL AND s.score >= th.th
QUALIFY row_number() OVER (PARTITION BY s.city_no ORDER BY s.score DESC, m.id ASC) <= th.take
ORDER BY s.city_no, s.score DESC, m.id ASC`);
    phase('top ids');
    // Each city's unknown-size pool as the query took it (its chain-relevant firms, `in_pool`), and the firm at its quartile.
    const byCity = await poolQuartiles(con, true);
    const pools = datasets.map((_, i) => poolOf(byCity, i + 1));
    const wanted = [...new Set([...best.map((b) => b.id), ...pools.flatMap((p) => (p.id === undefined ? [] : [p.id]))])];
    const idColumn = columns.find((c) => c.name === 'id');
    const idExpr = idColumn?.type === 'VARCHAR' ? '"id"' : 'CAST("id" AS VARCHAR)';
    const rawById = new Map<string, Record<string, unknown>>();
    if (wanted.length > 0) for (const r of await all<Record<string, unknown>>(`SELECT * FROM ${read} WHERE ${idExpr} IN (${wanted.map(sqlString).join(', ')})`)) rawById.set(String(r['id']), r);
    phase('top rows');
    const companyById = new Map<string, Company>();
    const defaults = { source: provenance?.source ?? basename(file), confidence: provenance?.confidence ?? ('low' as const) };
    const cities = datasets.map((ds, i): CityRanking => {
      const m = models[i]!;
      const ids = best.filter((b) => Number(b.city_no) === i + 1).map((b) => b.id);
      const companies = ids.map((id) => {
        const key = `${m.asOf}|${id}`;
        let c = companyById.get(key);
        if (c === undefined) companyById.set(key, (c = companyOfRow(rawById.get(id)!, { ...defaults, asOf: provenance?.asOf ?? m.asOf })));
        return c;
      });
      const { top, candidates } = tops[i]!;
      const pool = pools[i]!;
      const unknownScale = unknownScaleOfPool(pool, pool.id === undefined ? undefined : rawById.get(pool.id), { ...defaults, asOf: provenance?.asOf ?? m.asOf });
      const inProcess = rankCompanies(ds, { ...rankOptions, gaps: m.gaps, companies, unknownScale, top: Math.max(1, top), includeOffChain: true, includeLocal: true, includeUnrelated: true });
      const items = top === 0 ? [] : inProcess.items;
      return {
        dataset: { id: ds.meta.id, name: ds.meta.name, nameEn: ds.meta.nameEn },
        ranking: { ...inProcess, items, candidates, excluded: { offChain: countOf(i + 1, 'off-chain'), local: countOf(i + 1, 'local'), unrelated: countOf(i + 1, 'unrelated') } },
        topCompanies: companies.slice(0, items.length),
      };
    });
    phase('reasons');
    return { cities, rows, timings: { phases } };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
