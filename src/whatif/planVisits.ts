import * as z from 'zod';
import { NotFoundError, UsageError } from '../errors.js';
import type { Reason } from '../gaps/types.js';
import { chainModel, type ChainModel } from '../model/chainModel.js';
import type { Dataset } from '../schema/dataset.js';
import type { Ranking } from '../scoring/types.js';
import { round4 } from './internal/format.js';
import { planCandidates, type PlanCandidate } from './internal/planCandidates.js';
import { DEFAULT_TRAVEL, railHoursOf, type TravelModel } from './internal/packDays.js';
import { coverageOfAll, greedySelect, pack, scoreOrderSelect, stopsOf, type PlanLimits, type Selection } from './internal/selectTargets.js';
import type { PlanDay, PlannedCompany, PlanStop, VisitPlan } from './types.js';
import { parseOptions as parseOptionsOrThrow } from '../schema/parseOptions.js';

/**
 * Options of `planVisits`: `companies` (K, how many to visit), `days` (travel days included), `citiesPerDay`
 * (default 2), `maxPerDay` (companies per day, default 3), `clusterKm` (most km between two cities of one day,
 * default 150), `travelDayKm` (a longer leg takes a day of its own, default 800), `railKmPerHour` (the stated
 * speed model, default 250 km/h + 0.5 h a leg), `mustInclude` and `exclude` (company ids), and
 * `landProbability` q (default 0.5): each visit is taken as a chance q of closing each gap the company
 * matches, so a second company on a covered gap adds less (diminishing returns).
 */
export const PlanOptions = z.strictObject({
  companies: z.number().int().positive().max(10_000),
  days: z.number().int().positive().max(365),
  citiesPerDay: z.number().int().positive().max(50).default(2),
  /** Companies a day at most (default 3: a morning, an afternoon and a dinner meeting). */
  maxPerDay: z.number().int().positive().max(20).default(3),
  /** Most km between two cities of one day (default 150: one city or one tight cluster a day). */
  clusterKm: z.number().positive().max(2000).default(DEFAULT_TRAVEL.clusterKm),
  /** A leg longer than this takes a travel day of its own, counted in `days` (default 800 km ≈ 4 h by rail). */
  travelDayKm: z.number().positive().max(20_000).default(DEFAULT_TRAVEL.travelDayKm),
  /** Speed of the rail model in km/h (rail hours = 0.5 h + km / speed). */
  railKmPerHour: z.number().positive().max(1000).default(DEFAULT_TRAVEL.railKmPerHour),
  mustInclude: z.array(z.string().min(1)).default([]),
  exclude: z.array(z.string().min(1)).default([]),
  landProbability: z.number().gt(0).max(1).default(0.5),
});
export type PlanOptions = z.input<typeof PlanOptions>;

/** The stated guarantee of the selection (Nemhauser, Wolsey & Fisher 1978). */
export const PLAN_GUARANTEE: Reason = Object.freeze({
  code: 'plan.guarantee',
  zh: '选择方法：贪心算法，每一步加入边际覆盖增益最大的企业。覆盖目标 Σ缺口优先级×(1−Π(1−q)) 单调且次模，只受家数约束时贪心解不低于最优解的 (1−1/e)≈63%（Nemhauser、Wolsey、Fisher，1978）；城市数与日程上限作为可行性条件逐步检查，此时该下界不再严格成立。结果再与按得分取前 K 家（同样受限）比较，取覆盖较高者，因此不会低于得分前 K 家。',
  en: 'Selection: greedy, adding at each step the company with the largest marginal coverage gain. The objective Σ gap priority × (1 − Π(1 − q)) is monotone submodular, so under the cardinality limit alone the greedy set covers at least (1 − 1/e) ≈ 63% of the optimum (Nemhauser, Wolsey & Fisher 1978); the city and day limits are checked as feasibility at each step, under which that bound no longer strictly holds. The result is compared with the top K by score (under the same limits) and the better is kept, so it never covers less than the top K.',
});

function parseOptions(options: PlanOptions): z.output<typeof PlanOptions> {
  return parseOptionsOrThrow(PlanOptions, options, { en: 'planVisits', zh: 'planVisits' });
}

function requiredIndices(pool: readonly PlanCandidate[], ids: readonly string[], exclude: ReadonlySet<string>, datasetId: string): number[] {
  const at = new Map(pool.map((c, i) => [c.item.id, i]));
  return [...new Set(ids)].map((id) => {
    if (exclude.has(id)) throw new UsageError(`planVisits: company "${id}" is both required and excluded`, `planVisits：企业“${id}”同时在必访和排除名单中`, [], 'OPTIONS_INVALID');
    const i = at.get(id);
    if (i === undefined) {
      throw new NotFoundError('company', id, `planVisits: required company "${id}" is not among the ranked candidates with a known HQ in dataset "${datasetId}"`, `planVisits：必访企业“${id}”不在数据集“${datasetId}”的排序候选中（或总部地点未知）`);
    }
    return i;
  });
}

function itinerary(sel: Selection, pool: readonly PlanCandidate[], l: PlanLimits): { days: PlanDay[]; totalKm: number; railHours: number; travelDays: number } {
  const packed = pack(sel.picked, pool, l);
  if (packed === null) return { days: [], totalKm: 0, railHours: 0, travelDays: 0 };
  const { members } = stopsOf(sel.picked, pool);
  let total = packed.returnKm;
  let rail = railHoursOf(packed.returnKm, l.travel);
  let dayNumber = 0;
  const days = packed.days.map((cities, d): PlanDay => {
    const travelBefore = packed.travelBefore[d] === true;
    dayNumber += travelBefore ? 2 : 1;
    const stops = cities.map((k): PlanStop => {
      const first = pool[members[k]![0]!]!;
      const km = round4(packed.legKm.get(k) ?? 0);
      total += packed.legKm.get(k) ?? 0;
      const companies = members[k]!.map((i) => pool[i]!.item).sort((a, b) => a.rank - b.rank).map((it) => ({ id: it.id, name: it.name }));
      return { city: first.place.name, province: first.place.province, ...(first.place.country !== undefined ? { country: first.place.country } : {}), km: Math.round(km), companies };
    });
    const regions = [...new Set(cities.flatMap((k) => pool[members[k]![0]!]!.place.regions))].sort();
    const railHours = Math.round(cities.reduce((t, k) => t + railHoursOf(packed.legKm.get(k) ?? 0, l.travel), 0) * 10) / 10;
    rail += railHours;
    return { day: dayNumber, stops, regions, km: stops.reduce((t, s) => t + s.km, 0), railHours, travelDayBefore: travelBefore };
  });
  return { days, totalKm: Math.round(total), railHours: Math.round(rail * 10) / 10, travelDays: packed.travelBefore.filter(Boolean).length };
}

/**
 * Plan visits (登门招商 / 小团组招商): choose K companies that cover the most gap priority with
 * diminishing returns for gaps already covered — greedy maximisation of the monotone submodular
 * f(S) = Σ_gap priority·(1 − Π_{c∈S matching gap}(1 − q)), which under a cardinality limit is within
 * (1 − 1/e) of the optimum (Nemhauser, Wolsey & Fisher 1978), and never below the top K by score (the
 * better of the two is kept) — then group them by HQ city and cut a nearest-neighbour tour from the home
 * city (haversine distance) into days of at most `citiesPerDay` cities. Deterministic.
 *
 * @param source - the dataset the ranking came from (HQ places, home city, segment names), or its chain model (then
 *   its index is read, not built again)
 * @param ranking - a ranking (its items are the candidates, in rank order; use all items for the best plan)
 * @param options - `{ companies, days, citiesPerDay?, maxPerDay?, mustInclude?, exclude?, landProbability? }`
 * @returns chosen companies with the gaps each covers, coverage vs the top K by score, and the itinerary
 * @throws {UsageError} code `OPTIONS_INVALID` for bad options, or when the required companies do not fit the limits
 * @throws {NotFoundError} when a required company is not among the ranked candidates
 * @example
 * const plan = planVisits(ds, rankCompanies(ds), { companies: 30, days: 7 });
 * plan.itinerary[0]?.stops.map((s) => s.city);
 */
export function planVisits(source: Dataset | ChainModel, ranking: Ranking, options: PlanOptions): VisitPlan {
  const o = parseOptions(options);
  const { index, dataset } = chainModel(source);
  const exclude = new Set(o.exclude);
  const pool = planCandidates(ranking, index, exclude);
  const travel: TravelModel = { clusterKm: o.clusterKm, travelDayKm: o.travelDayKm, railKmPerHour: o.railKmPerHour, railOverheadHours: DEFAULT_TRAVEL.railOverheadHours };
  const limits: PlanLimits = { k: o.companies, days: o.days, citiesPerDay: o.citiesPerDay, maxPerDay: o.maxPerDay, q: o.landProbability, home: dataset.meta.home, travel };
  const required = requiredIndices(pool.candidates, o.mustInclude, exclude, dataset.meta.id);
  if (required.length > o.companies || (required.length > 0 && pack(required, pool.candidates, limits) === null)) {
    throw new UsageError(
      `planVisits: the ${required.length} required companies do not fit ${o.companies} companies, ${o.days} days and ${o.citiesPerDay} cities a day`,
      `planVisits：${required.length} 家必访企业超出限制（${o.companies} 家、${o.days} 天、每天 ${o.citiesPerDay} 个城市）`,
      [],
      'OPTIONS_INVALID',
    );
  }
  const priority = pool.gaps.map((g) => g.priority);
  const greedy = greedySelect(pool.candidates, required, priority, limits);
  const byScore = scoreOrderSelect(pool.candidates, required, priority, limits);
  const useScore = byScore.coverage > greedy.coverage + 1e-12;
  const sel = useScore ? byScore : greedy;
  const requiredSet = new Set(required);
  const chosen = sel.picked.map((i, k): PlannedCompany => {
    const c = pool.candidates[i]!;
    return { id: c.item.id, name: c.item.name, rank: c.item.rank, score: c.item.score, hq: c.hq, gaps: c.gaps.map((g) => pool.gaps[g]!), marginalGain: round4(sel.gains[k]!), required: requiredSet.has(i) };
  });
  const { days, totalKm, railHours, travelDays } = itinerary(sel, pool.candidates, limits);
  const visitDays = days.length;
  const usedDays = visitDays + travelDays;
  const tradeoff: Reason = {
    code: 'plan.tradeoff',
    zh: `取舍：每天只在一个城市或相距 ${o.clusterKm} 公里内的城市群拜访，每天最多 ${o.maxPerDay} 家；超过 ${o.travelDayKm} 公里的路程单独算一个路途日。共 ${usedDays} 天（拜访 ${visitDays} 天、路途 ${travelDays} 天），约 ${totalKm} 公里、铁路约 ${railHours} 小时（按 ${o.railKmPerHour} 公里/小时另加每段 0.5 小时估算）。缺口覆盖 ${round4(sel.coverage)}，按得分前 ${o.companies} 家在同样限制下为 ${round4(byScore.coverage)}${sel.picked.length < o.companies ? `；只排进 ${sel.picked.length} 家——其余候选在 ${o.days} 天内去不了，放宽 --days 或 --max-per-day 可多排` : ''}。`,
    en: `Trade-off: each day stays in one city or cities within ${o.clusterKm} km, at most ${o.maxPerDay} visits a day; a leg over ${o.travelDayKm} km takes a travel day. ${usedDays} days in all (${visitDays} visiting, ${travelDays} travelling), about ${totalKm} km and ${railHours} h by rail (${o.railKmPerHour} km/h plus 0.5 h a leg). Gap coverage ${round4(sel.coverage)}; the top ${o.companies} by score under the same limits: ${round4(byScore.coverage)}${sel.picked.length < o.companies ? `; only ${sel.picked.length} fit — the other candidates cannot be reached within ${o.days} days; raise --days or --max-per-day for more` : ''}.`,
  };
  return {
    chosen,
    coverage: {
      achieved: round4(sel.coverage),
      topK: round4(byScore.coverage),
      topKIds: byScore.picked.map((i) => pool.candidates[i]!.item.id),
      allCandidates: round4(coverageOfAll(pool.candidates, priority, o.landProbability)),
      method: useScore ? 'score-order' : 'greedy',
    },
    itinerary: days,
    totalKm,
    railHours,
    travelDays,
    tradeoff,
    guarantee: PLAN_GUARANTEE,
    unlocated: pool.unlocated,
    settings: { companies: o.companies, days: o.days, citiesPerDay: o.citiesPerDay, maxPerDay: o.maxPerDay, landProbability: o.landProbability, clusterKm: o.clusterKm, travelDayKm: o.travelDayKm, railKmPerHour: o.railKmPerHour },
  };
}
