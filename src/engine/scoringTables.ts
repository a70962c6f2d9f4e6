import { UsageError } from '../errors.js';
import type { ScoringContext } from '../scoring/buildScoringContext.js';

/** One in-scope segment: the per-segment parts of gap fit, synergy and policy (from the scoring context). */
export interface SegmentRow {
  readonly id: string;
  readonly gap: number;
  readonly synergy: number;
  readonly policy: number;
}

/** One industry: whether it is in scope (relevance) and its best in-scope gap value (industry-only gap fit). */
export interface IndustryRow {
  readonly id: string;
  readonly scoped: boolean;
  readonly best: number;
  /** Policy fit at industry level (`ctx.industryPolicy`; 0 out of scope), for companies placed on an industry only. */
  readonly policy: number;
}

/** One place of the places table with its proximity value. */
export interface PlaceRow {
  readonly country: string;
  readonly province: string;
  readonly city: string;
  readonly proximity: number;
}

/**
 * Everything of the fit score that depends on the city model only, computed once in process from the same
 * `ScoringContext` the in-process kernel reads, as small tables an engine joins against: per-segment values,
 * per-industry values, per-place proximity, local enterprises by parent company, and the local firms that make a
 * tie chain-relevant (and, with an industry filter, the city's whole chain for the unknown-size pool). The
 * per-company part is in `scoreSql`.
 */
export interface ScoringTables {
  readonly segments: readonly SegmentRow[];
  readonly industries: readonly IndustryRow[];
  readonly places: readonly PlaceRow[];
  /** Local enterprises (not closed) by the id of their parent company: [parentCompanyId, enterpriseId]. */
  readonly children: readonly (readonly [string, string])[];
  /** Local enterprises, not closed, on a segment in scope (a chain tie to one makes an unplaced company relevant). */
  readonly scopedFirms: readonly string[];
  /** Reference day number of momentum and risk decay (`ctx.asOfDay`). */
  readonly asOfDay: number;
  /** Industry filter, when one is set. */
  readonly industry: string | undefined;
  /**
   * The city's whole chain, present with an industry filter only (without one the tables above are the whole chain):
   * what makes a company chain-relevant to the city at all, so the unknown-size pool (`inUnknownScalePool`) is the
   * same set as the unfiltered ranking's — every segment and industry of the model, and the local enterprises (not
   * closed) on any of its segments. Required when `industry` is set: `scoreSql` and `manyCitiesSql` throw a
   * `UsageError` (code `OPTIONS_INVALID`) for tables with an industry filter and no `city`.
   */
  readonly city?: CityScopeRows;
}

/**
 * The whole-chain relevance parts of a city (`ScoringTables.city`): with an industry filter, what makes a company
 * chain-relevant to the city before the filter (the unknown-size pool, `inUnknownScalePool`).
 *
 * @example
 * const city: CityScopeRows | undefined = scoringModel(liaocheng(), { industry: 'textiles' }).tables.city;
 * city?.firms.length; // open local enterprises on a segment of the city's model
 */
export interface CityScopeRows {
  readonly segments: readonly string[];
  readonly industries: readonly string[];
  /** Local enterprises, not closed, on a segment of the city's model (a chain tie to one makes a company relevant). */
  readonly firms: readonly string[];
}

/**
 * Read the lookup tables off a scoring context (no formula of its own: every value is one the context holds).
 *
 * @param ctx - the scoring context of the ranking
 * @returns the tables
 * @example
 * scoringTables(ctx).segments.length; // number of in-scope segments
 */
export function scoringTables(ctx: ScoringContext): ScoringTables {
  const segments: SegmentRow[] = [];
  ctx.segments.forEach((s, i) => {
    // Duplicate ids (never in a validated dataset) resolve to the slot `segmentSlot` gives them.
    const slot = ctx.segmentSlot.get(s.id);
    if (slot !== i || ctx.inScope[i] === 0) return;
    segments.push({ id: s.id, gap: ctx.gapValue[i]!, synergy: ctx.synergyValue[i]!, policy: ctx.policyValue[i]! });
  });
  const industryIds = new Set<string>(ctx.industry === undefined ? ctx.index.industryById.keys() : [ctx.industry]);
  for (const k of ctx.industryBestGap.keys()) industryIds.add(k);
  const industries = [...industryIds].sort().map((id) => ({
    id,
    scoped: ctx.industry === undefined ? ctx.index.industryById.has(id) : id === ctx.industry,
    best: ctx.industryBestGap.get(id)?.value ?? 0,
    policy: ctx.industryPolicy.get(id) ?? 0,
  }));
  // One row per (country, province, city), the later place winning as in `ctx.placeOf`.
  const byKey = new Map<string, PlaceRow>();
  for (const c of ctx.index.dataset.cities) {
    const f = ctx.placeOf({ country: c.country ?? '中国', province: c.province, city: c.name });
    if (f !== undefined) byKey.set(JSON.stringify([c.country ?? '中国', c.province, c.name]), { country: c.country ?? '中国', province: c.province, city: c.name, proximity: f.value });
  }
  // Province-level places (an HQ known only by its province: city = province), as `ctx.placeOf` has them.
  for (const c of ctx.index.dataset.cities) {
    const country = c.country ?? '中国';
    const key = JSON.stringify([country, c.province, c.province]);
    if (byKey.has(key)) continue;
    const f = ctx.placeOf({ country, province: c.province, city: c.province });
    if (f !== undefined) byKey.set(key, { country, province: c.province, city: c.province, proximity: f.value });
  }
  const places = [...byKey.values()];
  const children: [string, string][] = [];
  for (const [parent, list] of ctx.childrenOf) for (const e of list) children.push([parent, e.id]);
  const scopedFirms = ctx.index.dataset.enterprises
    .filter((e) => e.status !== 'closed' && e.segments.some((s) => {
      const slot = ctx.segmentSlot.get(s);
      return slot !== undefined && ctx.inScope[slot] === 1;
    }))
    .map((e) => e.id);
  const tables = { segments, industries, places, children, scopedFirms, asOfDay: ctx.asOfDay, industry: ctx.industry };
  if (ctx.industry === undefined) return tables;
  // The whole chain, as `cityScope` reads it: every slot in scope, every industry of the index.
  const city: CityScopeRows = {
    segments: ctx.segments.filter((s, i) => ctx.segmentSlot.get(s.id) === i).map((s) => s.id),
    industries: [...ctx.index.industryById.keys()].sort(),
    firms: ctx.index.dataset.enterprises.filter((e) => e.status !== 'closed' && e.segments.some((s) => ctx.segmentSlot.has(s))).map((e) => e.id),
  };
  return { ...tables, city };
}

/**
 * Check that tables with an industry filter carry the city's whole chain (`ScoringTables.city`), which the SQL's
 * unknown-size pool (`city_rel`) reads: without it the query would name a column nothing defines.
 *
 * @internal shared by `scoreSql` and `manyCitiesSql`
 * @param tables - the lookup tables given
 * @param caller - the function named in the message
 * @throws {UsageError} code `OPTIONS_INVALID` when `industry` is set and `city` is missing
 */
export function requireCityScope(tables: ScoringTables, caller: string): void {
  if (tables.industry === undefined || tables.city !== undefined) return;
  throw new UsageError(
    `${caller}: the scoring tables have an industry filter ("${tables.industry}") but no \`city\` (the city's whole chain, for the unknown-size pool); take the tables from scoringTables or scoringModel`,
    `${caller}：评分查找表设有产业筛选（“${tables.industry}”），却缺少 \`city\`（本市全产业链，用于未知规模企业的参照池）；请用 scoringTables 或 scoringModel 生成查找表`,
    ['city'],
    'OPTIONS_INVALID',
  );
}
