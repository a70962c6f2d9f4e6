import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { Ranking } from '../../src/scoring/types.js';
import { haversineKm } from '../../src/stats/haversineKm.js';
import { planVisits } from '../../src/whatif/planVisits.js';
import type { VisitPlan } from '../../src/whatif/types.js';
import { whatifFixture } from './fixture.js';

const ds = whatifFixture();
const ranking = rankCompanies(ds);

/** Check every limit of a plan; returns the ids in the itinerary. */
function expectWithinLimits(plan: VisitPlan, o: { companies: number; days: number; citiesPerDay: number; maxPerDay?: number }): string[] {
  const ids = plan.itinerary.flatMap((d) => d.stops.flatMap((s) => s.companies.map((c) => c.id)));
  expect(new Set(ids).size).toBe(ids.length); // never repeats a company
  expect([...ids].sort()).toEqual(plan.chosen.map((c) => c.id).sort()); // every chosen company is visited once
  expect(plan.chosen.length).toBeLessThanOrEqual(o.companies);
  // Travel days count: visit days + travel days never exceed the days given, and day numbers leave room for them.
  expect(plan.itinerary.length + plan.travelDays).toBeLessThanOrEqual(o.days);
  expect(plan.itinerary.at(-1)?.day ?? 0).toBe(plan.itinerary.length + plan.travelDays);
  for (const d of plan.itinerary) {
    expect(d.stops.length).toBeLessThanOrEqual(o.citiesPerDay);
    // No day over the visit cap (default 3), and no day spanning two places farther apart than clusterKm.
    expect(d.stops.reduce((n, s) => n + s.companies.length, 0)).toBeLessThanOrEqual(o.maxPerDay ?? 3);
    for (let k = 1; k < d.stops.length; k++) expect(d.stops[k]!.km).toBeLessThanOrEqual(plan.settings.clusterKm);
  }
  const cities = plan.itinerary.flatMap((d) => d.stops.map((s) => `${s.province}|${s.city}`));
  expect(new Set(cities).size).toBe(cities.length); // a city is visited on one day only
  expect(plan.coverage.achieved).toBeGreaterThanOrEqual(plan.coverage.topK);
  expect(plan.coverage.achieved).toBeLessThanOrEqual(plan.coverage.allCandidates + 1e-9);
  return ids;
}

describe('planVisits', () => {
  test('bad options, unknown or conflicting required companies are typed errors', () => {
    expect(() => planVisits(ds, ranking, { companies: 0, days: 1 })).toThrow(UsageError);
    expect(() => planVisits(ds, ranking, { companies: 2, days: 1, mustInclude: ['ghost'] })).toThrow(NotFoundError);
    expect(() => planVisits(ds, ranking, { companies: 2, days: 1, mustInclude: ['sheet-co'], exclude: ['sheet-co'] })).toThrow(UsageError);
    // 上海 and 深圳 cannot both fit one day with one city a day
    expect(() => planVisits(ds, ranking, { companies: 2, days: 1, citiesPerDay: 1, mustInclude: ['sheet-co', 'cell-co'] })).toThrow(UsageError);
  });

  test('greedy coverage with diminishing returns, worked out by hand', () => {
    // Gaps (priorities from the analysis): sheet 补链 0.60, cell 建链 0.30, pack 建链 0.25; q = 0.5.
    // Pick 1: a sheet company, gain 0.5·0.60 = 0.30 > cellpack-co's 0.5·(0.30 + 0.25) = 0.27 (tie between
    // sheet-co and sheet2-co broken by rank). Pick 2: cellpack-co (0.27) beats the other sheet company, whose
    // gain is halved by diminishing returns: 0.5·0.5·0.60 = 0.15.
    const p = new Map(ranking.items.flatMap((i) => i.matchedGaps.map((g) => [g.segment, g.priority] as const)));
    const [sheet, cell, pack] = [p.get('sheet')!, p.get('cell')!, p.get('pack')!];
    expect(0.5 * sheet).toBeGreaterThan(0.5 * (cell + pack));
    expect(0.5 * (cell + pack)).toBeGreaterThan(0.25 * sheet);
    const plan = planVisits(ds, ranking, { companies: 2, days: 3, citiesPerDay: 2 });
    const firstSheet = ranking.items.find((i) => i.id === 'sheet-co' || i.id === 'sheet2-co')!.id;
    expect(plan.chosen.map((c) => c.id)).toEqual([firstSheet, 'cellpack-co']);
    expect(plan.chosen.map((c) => c.marginalGain)).toEqual([0.5 * sheet, 0.5 * (cell + pack)].map((x) => Math.round(x * 1e4) / 1e4));
    expect(plan.coverage.achieved).toBeCloseTo(0.5 * (cell + pack + sheet), 3);
    expect(plan.coverage.method).toBe('greedy');
  });

  test('required companies come first; excluded ones never appear', () => {
    const plan = planVisits(ds, ranking, { companies: 3, days: 3, mustInclude: ['parts2-co'], exclude: ['cellpack-co'] });
    expect(plan.chosen[0]).toMatchObject({ id: 'parts2-co', required: true });
    expect(plan.chosen.map((c) => c.id)).not.toContain('cellpack-co');
  });

  test('the itinerary starts at the nearest city and sums its legs', () => {
    const plan = planVisits(ds, ranking, { companies: 7, days: 7, citiesPerDay: 1 });
    // 北京 (≈380 km from 测试市) is nearer than 上海, 苏州, 深圳, 广州
    expect(plan.itinerary[0]?.stops[0]?.city).toBe('北京市');
    const legs = plan.itinerary.reduce((t, d) => t + d.km, 0);
    expect(plan.totalKm).toBeGreaterThan(legs - 1);
  });

  const limits = fc.record({
    companies: fc.integer({ min: 1, max: 8 }),
    days: fc.integer({ min: 1, max: 4 }),
    citiesPerDay: fc.integer({ min: 1, max: 3 }),
    maxPerDay: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    q: fc.double({ min: 0.05, max: 1, noNaN: true }),
  });
  propTest.prop([limits], { numRuns: 60 })('the plan respects the day and city limits, never repeats a company and covers at least the top K', (l) => {
    const o = { companies: l.companies, days: l.days, citiesPerDay: l.citiesPerDay, landProbability: l.q, ...(l.maxPerDay !== undefined ? { maxPerDay: l.maxPerDay } : {}) };
    expectWithinLimits(planVisits(ds, ranking, o), o);
  });

  propTest.prop([fc.shuffledSubarray(['sheet-co', 'sheet2-co', 'cell-co', 'pack-co', 'cellpack-co', 'parts2-co', 'ingot2-co'], { minLength: 1 })], { numRuns: 30 })(
    'the plan is deterministic and independent of which companies the ranking lists after the chosen ones',
    (keep) => {
      const subset: Ranking = { ...ranking, items: ranking.items.filter((i) => keep.includes(i.id)) };
      const a = planVisits(ds, subset, { companies: 3, days: 2 });
      expect(planVisits(ds, subset, { companies: 3, days: 2 })).toEqual(a);
    },
  );
});

describe('planVisits on the embedded 聊城 data', () => {
  test('30 companies in 7 days (the README example): a plan a person can travel, which says what it traded', () => {
    const lc = liaocheng();
    const plan = planVisits(lc, rankCompanies(lc), { companies: 30, days: 7 });
    const ids = expectWithinLimits(plan, { companies: 30, days: 7, citiesPerDay: 2 });
    // At most 3 visits a day over 7 days: 30 do not fit, and the trade-off says so instead of packing 9 into a day.
    expect(ids.length).toBeLessThanOrEqual(21);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(plan.tradeoff.zh).toContain('只排进');
    expect(plan.coverage.achieved).toBeGreaterThan(plan.coverage.topK);
    expect(plan.guarantee.code).toBe('plan.guarantee');
    // v0.1 covered 12,002 km with 成都 and 北京 on one day; each day now stays within one cluster.
    expect(plan.totalKm).toBeLessThan(8000);
    expect(plan.railHours).toBeGreaterThan(0);
    for (const d of plan.itinerary) {
      const places = d.stops.map((s) => lc.cities.find((c) => c.name === s.city && c.province === s.province)!);
      for (const a of places) for (const b of places) expect(haversineKm(a.lon, a.lat, b.lon, b.lat)).toBeLessThanOrEqual(2 * plan.settings.clusterKm);
    }
  });

  test('a leg longer than travelDayKm takes a travel day, counted in the days', () => {
    const lc = liaocheng();
    const plan = planVisits(lc, rankCompanies(lc), { companies: 12, days: 10, travelDayKm: 500 });
    expect(plan.travelDays).toBeGreaterThan(0);
    expect(plan.itinerary.some((d) => d.travelDayBefore)).toBe(true);
    expectWithinLimits(plan, { companies: 12, days: 10, citiesPerDay: 2 });
  });
});
