import { REVENUE_BANDS, type CompanyList, type RevenueBand } from '../schema/index.js';
import { gapFitFormula, industryOnlyFormula } from '../scoring/features/gapFit.js';
import { growthScoreFormula, MOMENTUM, momentumFormula, signalStrengthFormula } from '../scoring/features/momentum.js';
import { RISK, riskStrengthFormula } from '../scoring/features/risk.js';
import { BAND_SCORE, revenueScoreFormula, SCALE, scaleFormula } from '../scoring/features/scale.js';
import { ageYearsFormula, complementFormula, type Arithmetic } from '../scoring/formula.js';
import { TIE_WEIGHTS } from '../scoring/features/ties.js';
import { CHAIN_TIES, RELEVANCE } from '../scoring/relevance.js';
import { LIST_REVENUE_FLOORS, REVENUE_PER_CAPITAL, REVENUE_PER_EMPLOYEE } from '../scoring/sizeEstimate.js';
import { FEATURE_NAMES, type Weights } from '../scoring/types.js';
import { contributionFormula, riskPenaltyFormula, weightVector } from '../scoring/weightedSum.js';
import { requireCityScope, type ScoringTables } from './scoringTables.js';

/**
 * The columns of the normalised companies relation the generated SQL reads (see `sourceSql`): the fields of the
 * Company schema the fit score uses, flattened. Lists are arrays; signals, risks and ties arrays of structs.
 */
export const CANONICAL_COLUMNS = Object.freeze([
  'id', 'name', 'hq_country', 'hq_province', 'hq_city', 'segments', 'industries', 'placement_status', 'is_local', 'revenue', 'revenue_band',
  'employees', 'registered_capital', 'growth', 'lists', 'stock_code', 'signals', 'risks', 'ties',
] as const);

/** Why a company is not a candidate: the classes of `Ranking.excluded`, plus `industry` (outside the industry filter). */
export type SetApart = 'off-chain' | 'local' | 'industry' | 'unrelated';

/** The SQL dialect the scoring query is written in: DuckDB (run here), Spark SQL or Trino (emitted for a cluster). */
export type SqlDialect = 'duckdb' | 'spark' | 'trino';

/** Options of the generated scoring query (the candidate rules of `rankCompanies`, and the dialect). */
export interface ScoreSqlOptions {
  readonly includeOffChain?: boolean;
  readonly includeLocal?: boolean;
  readonly includeUnrelated?: boolean;
  /** The dialect (default 'duckdb'); see docs/scale.md for what differs. */
  readonly dialect?: SqlDialect;
}

/**
 * The functions that differ between DuckDB, Spark SQL and Trino, written once per dialect. Everything else in the
 * query is the common core of the three (CTEs, joins, CASE, `coalesce`, `greatest`/`least`, `power`, `log10`,
 * `floor`, `substr`, `TRY_CAST`, `bool_or`, lambdas with `->`, DOUBLE literals such as `4e-1`).
 */
/** @internal the per-dialect forms (see `DIALECTS`). */
export interface Dialect {
  readonly text: string;
  transform(list: string, v: string, body: string): string;
  /**
   * `transform` of a list whose body reads values computed once per element (`fields`, each an expression of `v`):
   * DuckDB computes them in an inner transform to a struct (an expression written twice is evaluated twice); the
   * other dialects inline them (`get` returns the expression itself).
   */
  bind(list: string, v: string, fields: Readonly<Record<string, string>>, body: (get: (f: string) => string) => string): string;
  filter(list: string, v: string, pred: string): string;
  /** Product of a list of DOUBLEs folded left to right from 1 (1 for NULL or empty). */
  product(list: string): string;
  /** Largest non-NULL element (NULL for none). */
  listMax(list: string): string;
  contains(list: string, x: string): string;
  distinct(list: string): string;
  /** A relation (id, col) with one row per element of the column `list` of the relation `table` (none for NULL or empty). */
  unnest(table: string, list: string, col: string): string;
  /** Aggregate: the second largest value of `x` in the group (repeats counted), NULL for fewer than two rows. */
  second(x: string): string;
  /**
   * Aggregate: the discrete quantile `q` (a DOUBLE literal) of the non-NULL values of `x` in the group — the value at
   * 1-based rank ⌈q·n⌉ ascending (SQL's `PERCENTILE_DISC(q)`; `lowerQuartile` in process for q = 0.25, where q·n is
   * exact); NULL for none. Exact in the three dialects: the answer is one of the values.
   */
  quantileDisc(x: string, q: string): string;
  /** Number of elements of a list (not NULL). */
  size(list: string): string;
  quote(name: string): string;
  /** Days since 1970-01-01 of the civil date y-m-day (integers). */
  days(y: string, m: string, day: string): string;
}

/** @internal */
export const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = {
  duckdb: {
    text: 'VARCHAR',
    transform: (l, v, b) => `list_transform(${l}, ${v} -> ${b})`,
    // The struct keeps the element's own fields too (`v.type` …), the computed ones beside them.
    bind: (l, v, fields, body) =>
      `list_transform(list_transform(${l}, ${v} -> struct_insert(${v}, ${Object.entries(fields).map(([f, e]) => `${f} := ${e}`).join(', ')})), ${v} -> ${body((f) => `${v}.${f}`)})`,
    filter: (l, v, p) => `list_filter(${l}, ${v} -> ${p})`,
    product: (l) => `coalesce(list_reduce(${l}, (a, b) -> a * b, 1e0), 1e0)`,
    listMax: (l) => `list_max(${l})`,
    contains: (l, x) => `list_contains(${l}, ${x})`,
    distinct: (l) => `list_distinct(${l})`,
    // unnest in the select list: a lateral `CROSS JOIN unnest(…)` is a correlated join on DuckDB 1.5, 6× slower.
    unnest: (t, l, c) => `(SELECT id, unnest(${l}) AS ${c} FROM ${t})`,
    second: (x) => `max(${x}, 2)[2]`,
    quantileDisc: (x, q) => `quantile_disc(${x}, ${q})`,
    size: (l) => `len(${l})`,
    quote: (n) => `"${n}"`,
    // make_date + date_diff: measured 10× faster on DuckDB 1.5 than the shared arithmetic inside a list lambda.
    days: (y, m, day) => `date_diff('day', DATE '1970-01-01', make_date(${y}, ${m}, ${day}))`,
  },
  spark: {
    text: 'STRING',
    transform: (l, v, b) => `transform(${l}, ${v} -> ${b})`,
    bind: (l, v, fields, body) => `transform(${l}, ${v} -> ${body((f) => `(${fields[f]!})`)})`,
    filter: (l, v, p) => `filter(${l}, ${v} -> ${p})`,
    product: (l) => `coalesce(aggregate(${l}, 1e0, (a, b) -> a * b), 1e0)`,
    listMax: (l) => `array_max(${l})`,
    contains: (l, x) => `array_contains(${l}, ${x})`,
    distinct: (l) => `array_distinct(${l})`,
    unnest: (t, l, c) => `(SELECT x.id, u.${c} FROM ${t} x LATERAL VIEW explode(x.${l}) u AS ${c})`,
    second: (x) => `CASE WHEN count(${x}) >= 2 THEN element_at(sort_array(collect_list(${x}), false), 2) END`,
    // collect_list skips NULLs; element_at is guarded (out of range it fails under ANSI mode).
    quantileDisc: (x, q) => `CASE WHEN count(${x}) > 0 THEN element_at(array_sort(collect_list(${x})), CAST(greatest(1e0, ceil(count(${x}) * ${q})) AS INT)) END`,
    size: (l) => `size(${l})`,
    quote: (n) => `\`${n}\``,
    days: civilDay,
  },
  trino: {
    text: 'VARCHAR',
    transform: (l, v, b) => `transform(${l}, ${v} -> ${b})`,
    bind: (l, v, fields, body) => `transform(${l}, ${v} -> ${body((f) => `(${fields[f]!})`)})`,
    filter: (l, v, p) => `filter(${l}, ${v} -> ${p})`,
    product: (l) => `coalesce(reduce(${l}, 1e0, (a, b) -> a * b, a -> a), 1e0)`,
    listMax: (l) => `array_max(filter(${l}, x -> x IS NOT NULL))`,
    contains: (l, x) => `contains(${l}, ${x})`,
    distinct: (l) => `array_distinct(${l})`,
    unnest: (t, l, c) => `(SELECT x.id, u.${c} FROM ${t} x CROSS JOIN UNNEST(x.${l}) AS u(${c}))`,
    second: (x) => `element_at(array_agg(${x} ORDER BY ${x} DESC), 2)`,
    // Exact, not approx_percentile (a sketch: a value near the quantile's rank, not the disc value); see docs/scale.md.
    quantileDisc: (x, q) => `CASE WHEN count(${x}) > 0 THEN element_at(array_sort(array_agg(${x}) FILTER (WHERE ${x} IS NOT NULL)), CAST(greatest(1e0, ceil(count(${x}) * ${q})) AS INTEGER)) END`,
    size: (l) => `cardinality(${l})`,
    quote: (n) => `"${n}"`,
    days: civilDay,
  },
};

/**
 * A number as a SQL DOUBLE literal that parses back to the same IEEE double: scientific notation (`4e-1`), which
 * DuckDB, Spark SQL and Trino all read as DOUBLE (a plain `0.4` would be a DECIMAL in DuckDB and Trino).
 */
export function sqlNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`sqlNumber: ${x} is not finite`);
  return Object.is(x, -0) ? '0e0' : x.toExponential();
}

/**
 * The shared formulas' arithmetic as SQL text (see `Arithmetic`): every operation parenthesised, constants as DOUBLE
 * literals (`sqlNumber`), `least`/`greatest`, `log10`, `power(2e0, x)`; the same text in the three dialects. An
 * operand written twice (`positive`) is evaluated twice: give it a column.
 *
 * @internal
 */
export const SQL_ARITHMETIC: Arithmetic<string> = Object.freeze({
  num: (x: number) => sqlNumber(x),
  add: (a: string, b: string) => `(${a} + ${b})`,
  sub: (a: string, b: string) => `(${a} - ${b})`,
  mul: (a: string, b: string) => `(${a} * ${b})`,
  div: (a: string, b: string) => `(${a} / ${b})`,
  neg: (a: string) => `(-${a})`,
  min: (a: string, b: string) => `least(${a}, ${b})`,
  max: (a: string, b: string) => `greatest(${a}, ${b})`,
  log10: (a: string) => `log10(${a})`,
  exp2: (a: string) => `power(2e0, ${a})`,
  positive: (a: string) => `(CASE WHEN ${a} > 0e0 THEN ${a} ELSE 0e0 END)`,
});

/** A string as a SQL literal. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** @internal a CTE of literal rows (typed NULL row when empty). */
export function valuesCte(d: Dialect, name: string, columns: readonly (readonly [string, 'TEXT' | 'DOUBLE' | 'BOOLEAN'])[], rows: readonly (readonly string[])[]): string {
  const type = (t: string): string => (t === 'TEXT' ? d.text : t);
  if (rows.length === 0) return `${name} AS (SELECT ${columns.map(([c, t]) => `CAST(NULL AS ${type(t)}) AS ${c}`).join(', ')} WHERE 1 = 0)`;
  return `${name} AS (SELECT * FROM (VALUES\n  ${rows.map((r) => `(${r.join(', ')})`).join(',\n  ')}) AS t(${columns.map(([c]) => c).join(', ')}))`;
}

function caseOf(expr: string, table: Readonly<Record<string, number>>, otherwise: string): string {
  return `CASE ${expr} ${Object.entries(table).map(([k, v]) => `WHEN ${sqlString(k)} THEN ${sqlNumber(v)}`).join(' ')} ELSE ${otherwise} END`;
}

/** unit(v) of `companyFeatures`: v when in (0, 1), 1 above, 0 below (`v` a column: it is read three times). */
function unit(v: string): string {
  return `CASE WHEN ${v} > 0e0 THEN CASE WHEN ${v} < 1e0 THEN ${v} ELSE 1e0 END ELSE 0e0 END`;
}

/**
 * Days since 1970-01-01 of a civil date, in arithmetic the three dialects share (no `make_date`/`date_diff`, whose
 * names and argument orders differ): the days-from-civil algorithm (H. Hinnant) on DOUBLEs, exact for these integers.
 */
function civilDay(y: string, m: string, day: string): string {
  const yy = `(${y} * 1e0 - CASE WHEN ${m} <= 2 THEN 1e0 ELSE 0e0 END)`;
  const era = `floor(${yy} / 4e2)`;
  const yoe = `(${yy} - ${era} * 4e2)`;
  const doy = `(floor((153e0 * (${m} + CASE WHEN ${m} > 2 THEN -3e0 ELSE 9e0 END) + 2e0) / 5e0) + ${day} - 1e0)`;
  return `(${era} * 146097e0 + ${yoe} * 365e0 + floor(${yoe} / 4e0) - floor(${yoe} / 1e2) + ${doy} - 719468e0)`;
}

/** Day number (days since 1970-01-01) of a partial date, as `partialDateToDay` computes it; NULL when not one. */
function dayOf(dl: Dialect, d: string): string {
  const y = `TRY_CAST(substr(${d}, 1, 4) AS INTEGER)`;
  const m = `TRY_CAST(substr(${d}, 6, 2) AS INTEGER)`;
  const dd = `TRY_CAST(substr(${d}, 9, 2) AS INTEGER)`;
  return `(CASE WHEN ${d} IS NULL OR ${y} IS NULL THEN NULL
    WHEN length(${d}) = 4 THEN ${dl.days(y, '7', '1')}
    WHEN length(${d}) = 7 AND substr(${d}, 5, 1) = '-' AND ${m} BETWEEN 1 AND 12 THEN ${dl.days(y, m, '15')}
    WHEN length(${d}) = 10 AND substr(${d}, 5, 1) = '-' AND substr(${d}, 8, 1) = '-' AND ${m} BETWEEN 1 AND 12 AND ${dd} BETWEEN 1 AND 31 THEN ${dl.days(y, m, '1')} + ${dd} - 1
    ELSE NULL END)`;
}

/**
 * The scoring query: one row per company of `source` (a relation with `CANONICAL_COLUMNS`) with its eight feature
 * values, relevance, weighted-sum score and, for a company that is no candidate, why (`set_apart`). The
 * city-dependent parts are the lookup tables (`scoringTables`), inlined as VALUES; the per-company formulas use
 * the constants of the in-process features (gap-fit shares, scale, momentum, risk and tie weights, list floors,
 * relevance levels), the shared formulas (`…Formula` of the features, rendered with `SQL_ARITHMETIC`) and the
 * kernel's order of operations, so the scores equal the in-process ones (tested to 1e-9, top order identical).
 *
 * The segment and industry lookups are computed once per distinct segment (industry) list and joined back on the
 * list; the local-children and chain-tie lookups read the source's `id` and `ties` on their own; the companies are
 * then read once in a streaming pass whose joins all have small build sides (no grouping or join of every company
 * on its text id, no materialised CTE). Every feature is computed once in one projection and clamped in the next
 * (an expression repeated in SQL text is evaluated again for every row).
 *
 * @param tables - the lookup tables of the ranking
 * @param weights - normalised weights (as `rankCompanies` resolves them)
 * @param source - the companies relation (a table or view name, or a parenthesised query)
 * @param options - the candidate rules and the dialect
 * @returns a SELECT statement in the dialect asked for (DuckDB by default)
 * @throws {UsageError} code `OPTIONS_INVALID` for tables with an industry filter and no `city` (`ScoringTables.city`)
 * @example
 * const sql = scoreSql(scoringTables(ctx), WEIGHT_PRESETS.balanced.weights, 'companies');
 */
export function scoreSql(tables: ScoringTables, weights: Weights, source: string, options: ScoreSqlOptions = {}): string {
  requireCityScope(tables, 'scoreSql');
  const d = DIALECTS[options.dialect ?? 'duckdb'];
  const n = sqlNumber;
  const ctes = [
    valuesCte(d, 'p_seg', [['seg_id', 'TEXT'], ['gap', 'DOUBLE'], ['syn', 'DOUBLE'], ['pol', 'DOUBLE']], tables.segments.map((s) => [sqlString(s.id), n(s.gap), n(s.synergy), n(s.policy)])),
    valuesCte(d, 'p_ind', [['ind_id', 'TEXT'], ['scoped', 'BOOLEAN'], ['best', 'DOUBLE'], ['pol', 'DOUBLE']], tables.industries.map((i) => [sqlString(i.id), i.scoped ? 'TRUE' : 'FALSE', n(i.best), n(i.policy)])),
    valuesCte(d, 'p_place', [['country', 'TEXT'], ['province', 'TEXT'], ['city', 'TEXT'], ['prox', 'DOUBLE']], tables.places.map((p) => [sqlString(p.country), sqlString(p.province), sqlString(p.city), n(p.proximity)])),
    valuesCte(d, 'p_kid', [['parent_id', 'TEXT'], ['ent_id', 'TEXT']], tables.children.map(([p, e]) => [sqlString(p), sqlString(e)])),
    valuesCte(d, 'p_firm', [['ent_id', 'TEXT']], tables.scopedFirms.map((e) => [sqlString(e)])),
    // Gap fit (best two distinct in-scope segments), synergy and policy (best in-scope segment), per distinct
    // segment list of the companies (registries repeat few lists), keyed by the list itself; likewise industries.
    `c_seg AS (SELECT u.id AS seg_key, max(s.gap) AS g1, ${d.second('s.gap')} AS g2, max(s.syn) AS syn, max(s.pol) AS pol
  FROM ${d.unnest(`(SELECT k AS id, ${d.distinct('k')} AS segs FROM (SELECT DISTINCT segments AS k FROM ${source} WHERE segments IS NOT NULL) x)`, 'segs', 'seg')} u JOIN p_seg s ON s.seg_id = u.seg GROUP BY u.id)`,
    `c_ind AS (SELECT u.id AS ind_key, max(i.best) AS best, bool_or(i.scoped) AS scoped, max(i.pol) AS pol
  FROM ${d.unnest(`(SELECT DISTINCT industries AS id FROM ${source} WHERE industries IS NOT NULL)`, 'id', 'ind')} u JOIN p_ind i ON i.ind_id = u.ind GROUP BY u.id)`,
    // Local enterprises naming the company as parent that none of its declared parent-of-local ties names.
    `c_kid AS (SELECT c.id, count(*) AS k FROM ${source} c JOIN p_kid k ON k.parent_id = c.id
  WHERE NOT coalesce(${d.contains(parentEnts(d, 'c.ties'), 'k.ent_id')}, FALSE) GROUP BY c.id)`,
    `c_tie AS (SELECT DISTINCT u.id FROM ${d.unnest(`(SELECT c.id, ${chainEnts(d, 'c.ties')} AS chain_ents FROM ${source} c WHERE c.ties IS NOT NULL)`, 'chain_ents', 'e')} u JOIN p_firm f ON f.ent_id = u.e)`,
    ...cityScopeCtes(d, tables, source),
    // The companies with their row-local columns, read once in the pass below (the lookups above are small).
    `c AS (SELECT c.id, c.name, c.hq_country, c.hq_province, c.hq_city, c.segments, c.industries, c.placement_status, c.is_local, c.revenue, c.revenue_band, c.growth,
    ${rowLocalColumns(d, [tables.asOfDay])}
  FROM ${source} c)`,
  ];
  const offChain = "coalesce(c.placement_status = 'off-chain', FALSE)";
  const scoped = 'cs.seg_key IS NOT NULL';
  // Layer 1: the joins to the lookup tables (every build side small: lists, sparse ties, places).
  // With an industry filter, `city_rel`: whether the company is chain-relevant to the city at all (before the
  // filter), for the unknown-size pool (`scoreLayers`).
  const city = tables.city === undefined ? { column: '', joins: '' } : {
    column: ', (ccs.seg_key IS NOT NULL OR cci.ind_key IS NOT NULL OR cct.id IS NOT NULL) AS city_rel',
    joins: '\n    LEFT JOIN c_cseg ccs ON ccs.seg_key = c.segments LEFT JOIN c_cind cci ON cci.ind_key = c.industries LEFT JOIN c_ctie cct ON cct.id = c.id',
  };
  ctes.push(`l1 AS (SELECT c.id, c.name, c.is_local, c.revenue, c.revenue_band, c.industries, c.growth, c.no_size, c.estimate, c.list_part, c.signal_miss, c.tie_miss, c.risk_miss,
    ${offChain} AS off_chain, ${scoped} AS scoped, c.placement_status, cs.g1, cs.g2, cs.syn, cs.pol, ci.best AS ind_best, ci.scoped AS ind_scoped, ci.pol AS ind_pol, ct.id IS NOT NULL AS tied, ck.k AS kids, pl.prox${city.column}
  FROM c LEFT JOIN c_seg cs ON cs.seg_key = c.segments LEFT JOIN c_ind ci ON ci.ind_key = c.industries LEFT JOIN c_kid ck ON ck.id = c.id LEFT JOIN c_tie ct ON ct.id = c.id
    LEFT JOIN p_place pl ON pl.country = coalesce(c.hq_country, '中国') AND pl.province = c.hq_province AND pl.city = c.hq_city${city.joins})`);
  const layers = scoreLayers(d, weights, tables.industry, options);
  ctes.push(...layers.ctes);
  return `WITH ${ctes.join(',\n')}
SELECT ${layers.select} FROM g`;
}

/**
 * With an industry filter (`tables.city` set), the lookups of the city's whole chain: the distinct segment lists and
 * industry lists of `source` with a segment (an industry) of the city's model, and the companies with a chain tie to a
 * local firm on any of its segments — what `relevanceValue` reads in `cityScope`. None without a filter.
 */
function cityScopeCtes(d: Dialect, tables: ScoringTables, source: string): string[] {
  const city = tables.city;
  if (city === undefined) return [];
  return [
    valuesCte(d, 'p_cseg', [['seg_id', 'TEXT']], city.segments.map((x) => [sqlString(x)])),
    valuesCte(d, 'p_cind', [['ind_id', 'TEXT']], city.industries.map((x) => [sqlString(x)])),
    valuesCte(d, 'p_cfirm', [['ent_id', 'TEXT']], city.firms.map((x) => [sqlString(x)])),
    `c_cseg AS (SELECT DISTINCT u.id AS seg_key FROM ${d.unnest(`(SELECT DISTINCT segments AS id FROM ${source} WHERE segments IS NOT NULL)`, 'id', 'seg')} u JOIN p_cseg s ON s.seg_id = u.seg)`,
    `c_cind AS (SELECT DISTINCT u.id AS ind_key FROM ${d.unnest(`(SELECT DISTINCT industries AS id FROM ${source} WHERE industries IS NOT NULL)`, 'id', 'ind')} u JOIN p_cind i ON i.ind_id = u.ind)`,
    `c_ctie AS (SELECT DISTINCT u.id FROM ${d.unnest(`(SELECT c.id, ${chainEnts(d, 'c.ties')} AS chain_ents FROM ${source} c WHERE c.ties IS NOT NULL)`, 'chain_ents', 'e')} u JOIN p_cfirm f ON f.ent_id = u.e)`,
  ];
}

/**
 * The row-local columns of the companies relation `c` (read as the file is read; no lookup table): `no_size`,
 * `estimate`, `list_part`, `signal_miss`, `tie_miss`, `risk_miss`, `parent_ents`, `chain_ents`. Signals and
 * risks decay from a reference day: with several (`asOfDays`, one per city model in a many-city pass) the two
 * columns are written once per day, suffixed `_0`, `_1` …; with one, unsuffixed.
 *
 * @internal shared by `scoreSql` and `manyCitiesSql`
 */
export function rowLocalColumns(d: Dialect, asOfDays: readonly number[]): string {
  const n = sqlNumber;
  const S = SQL_ARITHMETIC;
  const revenueScoreless = (floors: Readonly<Record<CompanyList, number>>): string => `coalesce(${d.listMax(d.transform('c.lists', 'l', caseOf('l', floors, 'NULL')))}, 0e0)`;
  const decayed = asOfDays.map((asOfDay, j) => {
    const asOf = n(asOfDay);
    const sfx = asOfDays.length === 1 ? '' : `_${j}`;
    const age = (day: string): string => ageYearsFormula(S, asOf, day);
    // The day number of a signal's or risk's date, computed once per element (`bind`), read twice below.
    // An undated signal counts 0 (the kernel's infinite age); an undated risk does not decay (age 0).
    const signalStrength = (day: string): string => `(CASE WHEN ${day} IS NULL THEN 0e0 ELSE ${signalStrengthFormula(S, caseOf('s.type', MOMENTUM.signalWeights, 'NULL'), age(day))} END)`;
    const riskAge = (day: string): string => `(CASE WHEN ${day} IS NULL THEN 0e0 ELSE ${age(day)} END)`;
    const riskStrength = (day: string): string => riskStrengthFormula(S, caseOf('r.severity', RISK.severity, 'NULL'), caseOf('r.type', RISK.type, 'NULL'), riskAge(day));
    return `${d.product(d.bind('c.signals', 's', { day: dayOf(d, 's.date') }, (get) => complementFormula(S, signalStrength(get('day')))))} AS signal_miss${sfx},
    ${d.product(d.bind('c.risks', 'r', { day: dayOf(d, 'r.date') }, (get) => complementFormula(S, riskStrength(get('day')))))} AS risk_miss${sfx}`;
  });
  return `(c.lists IS NULL OR ${d.size('c.lists')} = 0) AND c.stock_code IS NULL AND c.employees IS NULL AND c.registered_capital IS NULL AS no_size,
    greatest(${revenueScoreless(LIST_REVENUE_FLOORS)}, CASE WHEN c.stock_code IS NOT NULL THEN ${n(LIST_REVENUE_FLOORS.listed)} ELSE 0e0 END,
      coalesce(c.employees * ${n(REVENUE_PER_EMPLOYEE)}, 0e0), coalesce(c.registered_capital * ${n(REVENUE_PER_CAPITAL)}, 0e0)) AS estimate,
    greatest(CASE WHEN c.stock_code IS NOT NULL THEN ${n(SCALE.lists.listed)} ELSE 0e0 END, ${revenueScoreless(SCALE.lists)}) AS list_part,
    ${decayed.join(',\n    ')},
    ${d.product(d.transform('c.ties', 't', complementFormula(S, caseOf('t.type', TIE_WEIGHTS, 'NULL'))))} AS tie_miss,
    ${parentEnts(d, 'c.ties')} AS parent_ents,
    ${chainEnts(d, 'c.ties')} AS chain_ents`;
}

/** The enterprises a company's parent-of-local ties name (`ties` an array of tie structs). */
function parentEnts(d: Dialect, ties: string): string {
  return d.transform(d.filter(ties, 't', "t.type = 'parent-of-local'"), 't', 't.enterprise');
}

/** The enterprises a company's chain ties (`CHAIN_TIES`) name. */
function chainEnts(d: Dialect, ties: string): string {
  return d.transform(d.filter(ties, 't', `t.type IN (${[...CHAIN_TIES].map(sqlString).join(', ')}) AND t.enterprise IS NOT NULL`), 't', 't.enterprise');
}

/**
 * The layers after the lookups, from a relation `l1` with the columns `id, name, is_local, revenue, revenue_band,
 * industries, growth, no_size, estimate, list_part, signal_miss, tie_miss, risk_miss, off_chain, scoped,
 * placement_status, g1, g2, syn, pol, ind_best, ind_scoped, ind_pol, tied, kids, prox` (and `carry`; with an industry
 * filter also `city_rel`, chain relevance to the city before the filter): the raw features and relevance (`l2`),
 * clamped (`f0`), the unknown-size scale of each pool (`pool`: one row, or one per value of the carried column
 * `pool`, e.g. `city_no`), the features with it (`f`), the weighted sum (`g`), and the final select list (`size_known`:
 * false for a company with nothing about its size on record; `in_pool` last: the company is in the city's
 * unknown-size pool, `inUnknownScalePool` — chain-relevant to the city and not local, whatever the filter and flags).
 *
 * @internal shared by `scoreSql` and `manyCitiesSql`
 */
export function scoreLayers(d: Dialect, weights: Weights, industry: string | undefined, options: ScoreSqlOptions, carry: readonly string[] = [], pool?: string): { ctes: string[]; select: string } {
  const w = weightVector(weights);
  const n = sqlNumber;
  const S = SQL_ARITHMETIC;
  const keep = carry.map((x) => `${x}, `).join('');
  const revenueScore = (r: string): string => revenueScoreFormula(S, r);
  const bandScores = Object.fromEntries((Object.keys(REVENUE_BANDS) as RevenueBand[]).map((b) => [b, BAND_SCORE[b]!]));
  const ctes: string[] = [];
  const revenuePart = `CASE WHEN revenue IS NOT NULL THEN ${revenueScore('revenue')}
      WHEN revenue_band IS NOT NULL THEN ${caseOf('revenue_band', bandScores, 'NULL')}
      WHEN no_size THEN 0e0
      ELSE (CASE WHEN estimate > 0e0 THEN ${revenueScore('estimate')} ELSE 0e0 END) END`;
  const sizeUnknown = 'no_size AND revenue IS NULL AND revenue_band IS NULL';
  const relevanceRaw = `CASE WHEN off_chain THEN 0e0
      WHEN scoped THEN (CASE WHEN placement_status = 'uncertain' THEN ${n(RELEVANCE.uncertain)} ELSE ${n(RELEVANCE.segment)} END)
      WHEN coalesce(ind_scoped, FALSE) THEN ${n(RELEVANCE.industry)}
      WHEN tied THEN ${n(RELEVANCE.tie)} ELSE 0e0 END`;
  const features = [
    // gapFit
    `CASE WHEN scoped THEN ${gapFitFormula(S, 'g1', 'coalesce(g2, 0e0)')}
      WHEN industries IS NOT NULL AND NOT off_chain THEN ${industryOnlyFormula(S, 'coalesce(ind_best, 0e0)')} ELSE 0e0 END`,
    'coalesce(syn, 0e0)',
    `CASE WHEN ${sizeUnknown} THEN NULL ELSE ${scaleFormula(S, `(${revenuePart})`, 'list_part')} END`,
    momentumFormula(S, growthScoreFormula(S, 'growth'), 'signal_miss'),
    'coalesce(prox, 0e0)',
    `CASE WHEN scoped THEN coalesce(pol, 0e0) WHEN industries IS NOT NULL AND NOT off_chain THEN coalesce(ind_pol, 0e0) ELSE 0e0 END`,
    // The kernel multiplies the miss of each unnamed local child in turn; here one power (equal to 1e-9).
    complementFormula(S, `tie_miss * (CASE WHEN kids IS NULL THEN 1e0 ELSE power(${complementFormula(S, n(TIE_WEIGHTS['parent-of-local']))}, kids) END)`),
    complementFormula(S, 'risk_miss'),
  ];
  const industryFilter = industry === undefined ? 'TRUE' : `(scoped OR coalesce(${d.contains('industries', sqlString(industry))}, FALSE))`;
  // Layer 2: the raw feature values and relevance; scale of a company of unknown size is filled in after layer 3.
  // The city's unknown-size pool (`inUnknownScalePool`): relevant to the city's whole chain, not local, not off-chain.
  const cityRelevant = industry === undefined ? `(${relevanceRaw}) > 0e0` : 'city_rel';
  ctes.push(`l2 AS (SELECT ${keep}id, name, ${FEATURE_NAMES.map((f, k) => `${features[k]!} AS r_${f}`).join(',\n    ')},
    ${relevanceRaw} AS r_relevance, NOT (${sizeUnknown}) AS size_known,
    NOT off_chain AND NOT coalesce(is_local, FALSE) AND ${cityRelevant} AS in_pool,
    CASE
      ${options.includeOffChain === true ? '' : "WHEN off_chain THEN 'off-chain'"}
      ${options.includeLocal === true ? '' : "WHEN coalesce(is_local, FALSE) THEN 'local'"}
      WHEN NOT ${industryFilter} THEN 'industry'
      ${options.includeUnrelated === true ? '' : `WHEN (${relevanceRaw}) = 0e0${options.includeOffChain === true ? ' AND NOT coalesce(off_chain, FALSE)' : ''} THEN 'unrelated'`}
      ELSE NULL END AS set_apart
  FROM l1)`);
  // Layer 3: clamped to [0, 1] as the kernel's unit() (scale NULL → 0 for unknown size, replaced below).
  ctes.push(`f0 AS (SELECT ${keep}id, name, set_apart, size_known, in_pool, ${FEATURE_NAMES.map((f) => `${unit(`r_${f}`)} AS x_${f}`).join(',\n    ')}, ${unit('r_relevance')} AS relevance FROM l2)`);
  // The unknown-size scale of the ranking (`unknownScaleOf`): the lower quartile (discrete) of the scale of the
  // pool's known-size firms when there are at least SCALE.minKnown of them, else SCALE.unknown; one pool per `pool` key.
  const inPool = 'in_pool AND size_known';
  const by = pool === undefined ? '' : ` GROUP BY ${pool}`;
  ctes.push(`pool AS (SELECT ${pool === undefined ? '' : `${pool}, `}count(CASE WHEN ${inPool} THEN 1 END) AS known, ${d.quantileDisc(`CASE WHEN ${inPool} THEN x_scale END`, n(SCALE.unknownQuantile))} AS q FROM f0${by})`);
  const unknownScale = `CASE WHEN pool.known >= ${SCALE.minKnown} THEN pool.q ELSE ${n(SCALE.unknown)} END`;
  const qualified = carry.map((x) => `f0.${x}, `).join('');
  ctes.push(`f AS (SELECT ${qualified}f0.id, f0.name, f0.set_apart, f0.size_known, f0.in_pool, ${FEATURE_NAMES.map((f) => (f === 'scale' ? `CASE WHEN f0.size_known THEN f0.x_scale ELSE ${unknownScale} END AS x_scale` : `f0.x_${f}`)).join(', ')}, f0.relevance
  FROM f0 ${pool === undefined ? 'CROSS JOIN pool' : `JOIN pool ON pool.${pool} = f0.${pool}`})`);
  // The weighted sum of `weightedSum`, same operations in the same order.
  const contrib = FEATURE_NAMES.slice(0, 7).map((f, k) => contributionFormula(S, 'relevance', n(w[k]!), `x_${f}`));
  ctes.push(`g AS (SELECT *, 0e0 + ${contrib.join(' + ')} AS p FROM f)`);
  return { ctes, select: `${keep}id, name, set_apart, p + ${riskPenaltyFormula(S, n(w[7]!), 'x_risk', 'p')} AS score, relevance, ${FEATURE_NAMES.map((f) => `x_${f} AS ${d.quote(f)}`).join(', ')}, size_known, in_pool` };
}
