import { UsageError } from '../errors.js';
import type { Weights } from '../scoring/types.js';
import { DIALECTS, rowLocalColumns, scoreLayers, sqlNumber, sqlString, valuesCte, type ScoreSqlOptions } from './scoreSql.js';
import { requireCityScope, type ScoringTables } from './scoringTables.js';

/**
 * The many-city scoring (issue 19 item 4) in two DuckDB statements over one companies relation:
 *
 * - `companies`: every company once, with the row-local features of `scoreSql` (signals and risks once per
 *   reference day of the cities), a row key `k`, its in-scope segments and industries as integer slots of the
 *   union of the cities' segments and industries, and its HQ as a place slot. The file is read once, the segment and
 *   industry lists unnested and joined once, whatever the number of cities.
 * - `scored`: companies × cities. Each city is one row of small vectors indexed by those slots (gap, synergy and
 *   policy per segment, best gap and scope per industry, proximity per place): a company's values in a city are
 *   `list_select(vector, slots)`, a vectorised lookup with no join or grouping per city, computed once per
 *   distinct set of slots (`prof`: companies of one registry share few segment sets) and joined to the companies
 *   by the set's number. What is city-specific
 *   and sparse (local enterprises by parent company, chain ties to the city's firms) is one small table keyed by
 *   (city, company). The layers after the lookups are those of `scoreSql` (`scoreLayers`), so every formula is
 *   written once for one city and for many.
 *
 * DuckDB only (`list_select`, `list_sort`, `list_bool_or`); the emitted portable SQL stays one city per query.
 */
export interface ManyCitiesSql {
  /** Statements to run in order: the temp tables `mc0` (companies with slots), `prof` (distinct segment and industry slot sets) and `mc` (companies with their set's number). */
  readonly prepare: readonly string[];
  /** SELECT of the scored table over `mc` and `prof`: `city_no, k, id, name, set_apart, score, relevance`, the eight features, `size_known` and `in_pool` (the unknown-size scale taken per city, over its pool). */
  readonly scored: string;
}

/** @internal slots of a set of keys, 1-based, in sorted key order. */
function slotsOf(keys: Iterable<string>): Map<string, number> {
  return new Map([...new Set(keys)].sort().map((k, i) => [k, i + 1]));
}

/**
 * Build the two statements of a many-city pass.
 *
 * @param cities - the lookup tables of each city (same rank options: one industry filter)
 * @param weights - the normalised weights (the same for every city: they come from the rank options)
 * @param source - the companies relation (`CANONICAL_COLUMNS`)
 * @param options - candidate rules
 * @returns the companies and scored SELECTs
 * @throws {UsageError} code `OPTIONS_INVALID` for no city, cities with different industry filters, or a city's tables
 *   with an industry filter and no `city` (`ScoringTables.city`)
 * @example
 * const { companies, scored } = manyCitiesSql([t1, t2], WEIGHT_PRESETS.balanced.weights, 'src');
 */
export function manyCitiesSql(cities: readonly ScoringTables[], weights: Weights, source: string, options: Omit<ScoreSqlOptions, 'dialect'> = {}): ManyCitiesSql {
  if (cities.length === 0) throw new UsageError('many cities: no city given', '多城市排序：未给出城市', [], 'OPTIONS_INVALID');
  const industry = cities[0]!.industry;
  if (cities.some((t) => t.industry !== industry)) throw new UsageError('many cities: one industry filter for all cities', '多城市排序：所有城市须使用同一产业筛选', [], 'OPTIONS_INVALID');
  for (const t of cities) requireCityScope(t, 'manyCitiesSql');
  const d = DIALECTS.duckdb;
  const n = sqlNumber;
  const days = [...new Set(cities.map((t) => t.asOfDay))].sort((a, b) => a - b);
  // With an industry filter, the slots cover every city's whole chain too (`ScoringTables.city`: the unknown-size pool
  // is taken over the companies relevant to the city before the filter); the filtered values are NULL beyond the filter.
  const segSlot = slotsOf(cities.flatMap((t) => [...t.segments.map((s) => s.id), ...(t.city?.segments ?? [])]));
  const indSlot = slotsOf(cities.flatMap((t) => [...t.industries.map((i) => i.id), ...(t.city?.industries ?? [])]));
  const filtered = industry !== undefined;
  const placeKey = (p: { country: string; province: string; city: string }): string => JSON.stringify([p.country, p.province, p.city]);
  const placeSlot = slotsOf(cities.flatMap((t) => t.places.map(placeKey)));
  const universe = [
    valuesCte(d, 'u_seg', [['seg_id', 'TEXT'], ['slot', 'DOUBLE']], [...segSlot].map(([id, s]) => [sqlString(id), String(s)])),
    valuesCte(d, 'u_ind', [['ind_id', 'TEXT'], ['slot', 'DOUBLE']], [...indSlot].map(([id, s]) => [sqlString(id), String(s)])),
    valuesCte(d, 'u_place', [['country', 'TEXT'], ['province', 'TEXT'], ['city', 'TEXT'], ['slot', 'DOUBLE']], [...placeSlot].map(([key, s]) => {
      const [country, province, city] = JSON.parse(key) as [string, string, string];
      return [sqlString(country), sqlString(province), sqlString(city), String(s)];
    })),
  ];
  // Integer slots (the VALUES above are DOUBLE-typed by valuesCte's column kinds; cast once here).
  // Slot lists sorted, so one set of segments is one key whatever the order the grouping gave.
  const companies = `WITH ${universe.join(',\n')},
c0 AS (SELECT row_number() OVER () AS k, c.id, c.name, c.hq_country, c.hq_province, c.hq_city, ${d.distinct('c.segments')} AS segs, c.industries, c.placement_status, c.is_local, c.revenue, c.revenue_band, c.growth,
    ${rowLocalColumns(d, days)}
  FROM ${source} c),
cs AS (SELECT u.k, list_sort(list(CAST(s.slot AS INTEGER))) AS seg_slots FROM (SELECT k, unnest(segs) AS seg FROM c0 WHERE segs IS NOT NULL) u JOIN u_seg s ON s.seg_id = u.seg GROUP BY u.k),
ci AS (SELECT u.k, list_sort(list(DISTINCT CAST(s.slot AS INTEGER))) AS ind_slots FROM (SELECT k, unnest(industries) AS ind FROM c0 WHERE industries IS NOT NULL) u JOIN u_ind s ON s.ind_id = u.ind GROUP BY u.k)
SELECT c0.* EXCLUDE (segs, hq_country, hq_province, hq_city), cs.seg_slots, ci.ind_slots, CAST(pl.slot AS INTEGER) AS place_no
FROM c0 LEFT JOIN cs ON cs.k = c0.k LEFT JOIN ci ON ci.k = c0.k
  LEFT JOIN u_place pl ON pl.country = coalesce(c0.hq_country, '中国') AND pl.province = c0.hq_province AND pl.city = c0.hq_city`;
  const prepare = [
    `CREATE TEMP TABLE mc0 AS ${companies}`,
    'CREATE TEMP TABLE prof AS SELECT row_number() OVER () AS prof_no, seg_slots, ind_slots FROM (SELECT DISTINCT seg_slots, ind_slots FROM mc0)',
    `CREATE TEMP TABLE mc AS SELECT m.* EXCLUDE (seg_slots, ind_slots), p.prof_no FROM mc0 m JOIN prof p ON p.seg_slots IS NOT DISTINCT FROM m.seg_slots AND p.ind_slots IS NOT DISTINCT FROM m.ind_slots`,
    'DROP TABLE mc0',
  ];

  const doubles = (size: number, values: ReadonlyMap<number, number>): string => `CAST([${Array.from({ length: size }, (_, i) => (values.has(i + 1) ? n(values.get(i + 1)!) : 'NULL')).join(', ')}] AS DOUBLE[])`;
  const booleans = (size: number, values: ReadonlyMap<number, boolean>): string => `CAST([${Array.from({ length: size }, (_, i) => (values.has(i + 1) ? (values.get(i + 1)! ? 'TRUE' : 'FALSE') : 'NULL')).join(', ')}] AS BOOLEAN[])`;
  const cityRows = cities.map((t, c) => {
    const bySeg = (f: (s: ScoringTables['segments'][number]) => number): Map<number, number> => new Map(t.segments.map((s) => [segSlot.get(s.id)!, f(s)]));
    return [
      String(c + 1),
      String(days.indexOf(t.asOfDay)),
      doubles(segSlot.size, bySeg((s) => s.gap)),
      doubles(segSlot.size, bySeg((s) => s.synergy)),
      doubles(segSlot.size, bySeg((s) => s.policy)),
      doubles(indSlot.size, new Map(t.industries.map((i) => [indSlot.get(i.id)!, i.best]))),
      booleans(indSlot.size, new Map(t.industries.map((i) => [indSlot.get(i.id)!, i.scoped]))),
      doubles(indSlot.size, new Map(t.industries.map((i) => [indSlot.get(i.id)!, i.policy]))),
      doubles(placeSlot.size, new Map(t.places.map((p) => [placeSlot.get(placeKey(p))!, p.proximity]))),
      ...(filtered ? [
        booleans(segSlot.size, new Map((t.city?.segments ?? []).map((id) => [segSlot.get(id)!, true]))),
        booleans(indSlot.size, new Map((t.city?.industries ?? []).map((id) => [indSlot.get(id)!, true]))),
      ] : []),
    ];
  });
  const lookups = [
    `p_city AS (SELECT * FROM (VALUES\n  ${cityRows.map((r) => `(${r.join(', ')})`).join(',\n  ')}) AS t(city_no, asof_no, gap_v, syn_v, pol_v, ib_v, is_v, ip_v, prox_v${filtered ? ', cs_v, ci_v' : ''}))`,
    // Proximity by (city, place slot): a small table joined, not a vector carried on every pair.
    'pp AS (SELECT city_no, CAST(generate_subscripts(prox_v, 1) AS INTEGER) AS place_no, unnest(prox_v) AS prox FROM p_city)',
    // Per city and distinct slot set: the segment and industry parts, one SELECT per city with its vectors as
    // constants (a vector read from a joined row would be copied onto every row). Values of the segments out of a
    // city's scope are NULL in its vectors: list_max and list_sort skip them, as the inner join to p_seg leaves them out.
    `pv AS (${cityRows.map((r) => `SELECT ${r[0]!} AS city_no, ${r[1]!} AS asof_no, prof_no, list_select(${r[2]!}, seg_slots) AS gaps, list_select(${r[3]!}, seg_slots) AS syns,
    list_select(${r[4]!}, seg_slots) AS pols, list_select(${r[5]!}, ind_slots) AS ibs, list_select(${r[6]!}, ind_slots) AS iss, list_select(${r[7]!}, ind_slots) AS ips${
      filtered ? `, list_select(${r[9]!}, seg_slots) AS css, list_select(${r[10]!}, ind_slots) AS cis` : ''} FROM prof`).join('\n  UNION ALL ')})`,
    // With a filter, `city_part`: a segment or industry of the city's whole chain (NULLs out of it: list_bool_or skips them).
    `pc AS (SELECT city_no, asof_no, prof_no, list_max(gaps) AS g1, list_sort(gaps, 'DESC', 'NULLS LAST')[2] AS g2, list_max(syns) AS syn, list_max(pols) AS pol,
    list_max(ibs) AS ind_best, list_bool_or(iss) AS ind_scoped, list_max(ips) AS ind_pol${filtered ? ', coalesce(list_bool_or(css), FALSE) OR coalesce(list_bool_or(cis), FALSE) AS city_part' : ''} FROM pv)`,
    valuesCte(d, 'p_kid', [['city_no', 'DOUBLE'], ['parent_id', 'TEXT'], ['ent_id', 'TEXT']], cities.flatMap((t, c) => t.children.map(([p, e]) => [String(c + 1), sqlString(p), sqlString(e)]))),
    valuesCte(d, 'p_firm', [['city_no', 'DOUBLE'], ['ent_id', 'TEXT']], cities.flatMap((t, c) => t.scopedFirms.map((e) => [String(c + 1), sqlString(e)]))),
    // Sparse, per (city, company): local enterprises naming the company as parent that none of its parent-of-local
    // ties names, and a chain tie to one of the city's in-scope firms.
    `kid AS (SELECT CAST(p.city_no AS INTEGER) AS city_no, m.k, count(*) AS kids FROM mc m JOIN p_kid p ON p.parent_id = m.id
  WHERE NOT coalesce(${d.contains('m.parent_ents', 'p.ent_id')}, FALSE) GROUP BY ALL)`,
    `tie AS (SELECT DISTINCT CAST(f.city_no AS INTEGER) AS city_no, u.k FROM (SELECT k, unnest(chain_ents) AS e FROM mc WHERE chain_ents IS NOT NULL) u JOIN p_firm f ON f.ent_id = u.e)`,
    `sp AS (SELECT coalesce(a.city_no, b.city_no) AS city_no, coalesce(a.k, b.k) AS k, a.kids, b.k IS NOT NULL AS tied FROM kid a FULL JOIN tie b ON a.city_no = b.city_no AND a.k = b.k)`,
    // With a filter: a chain tie to a local firm on any segment of the city's whole chain (the unknown-size pool).
    ...(filtered ? [
      valuesCte(d, 'p_cfirm', [['city_no', 'DOUBLE'], ['ent_id', 'TEXT']], cities.flatMap((t, c) => (t.city?.firms ?? []).map((e) => [String(c + 1), sqlString(e)]))),
      `ctie AS (SELECT DISTINCT CAST(f.city_no AS INTEGER) AS city_no, u.k FROM (SELECT k, unnest(chain_ents) AS e FROM mc WHERE chain_ents IS NOT NULL) u JOIN p_cfirm f ON f.ent_id = u.e)`,
    ] : []),
  ];
  const pick = (col: string): string => (days.length === 1 ? `m.${col}` : `CASE pc.asof_no ${days.map((_, j) => `WHEN ${j} THEN m.${col}_${j}`).join(' ')} END`);
  // Layer 1 of `scoreSql`: the per-set values by the company's set number, proximity by place, the sparse ties.
  const l1 = `l1 AS (SELECT pc.city_no, m.k, m.id, m.name, m.is_local, m.revenue, m.revenue_band, m.industries, m.growth, m.no_size, m.estimate, m.list_part,
    ${pick('signal_miss')} AS signal_miss, m.tie_miss, ${pick('risk_miss')} AS risk_miss,
    coalesce(m.placement_status = 'off-chain', FALSE) AS off_chain, m.placement_status,
    pc.g1 IS NOT NULL AS scoped, pc.g1, pc.g2, pc.syn, pc.pol, pc.ind_best, pc.ind_scoped, pc.ind_pol, coalesce(sp.tied, FALSE) AS tied, sp.kids, pp.prox${filtered ? ', pc.city_part OR ct.k IS NOT NULL AS city_rel' : ''}
  FROM mc m JOIN pc ON pc.prof_no = m.prof_no
    LEFT JOIN pp ON pp.city_no = pc.city_no AND pp.place_no = m.place_no
    LEFT JOIN sp ON sp.city_no = pc.city_no AND sp.k = m.k${filtered ? '\n    LEFT JOIN ctie ct ON ct.city_no = pc.city_no AND ct.k = m.k' : ''})`;
  const layers = scoreLayers(d, weights, industry, options, ['city_no', 'k'], 'city_no');
  const scored = `WITH ${[...lookups, l1, ...layers.ctes].join(',\n')}
SELECT ${layers.select} FROM g`;
  return { prepare, scored };
}
