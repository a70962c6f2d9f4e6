import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import type { handbookResults as HandbookResults } from '../../src/handbook/buildHandbook.js';
import { chainModel } from '../../src/model/chainModel.js';
import { sizeUnknown } from '../../src/scoring/features/scale.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { RankOptions } from '../../src/scoring/rankOptions.js';
import type { topTargetsByIndustry as TopTargetsByIndustry } from '../../src/scoring/topTargetsByIndustry.js';
import { cityUnknownScale } from '../../src/scoring/unknownScale.js';
import type { Company } from '../../src/schema/index.js';

// Every ranking of one list (the city's, each industry's) shares one unknown-size scale, the city pool's: the handbook
// and `start` (topTargetsByIndustry) compute it once and pass it (`unknownScale`) to each industry ranking instead of
// each ranking taking its own pass over the list. A spy on rankCompanies records what each ranking was given; the
// scores are the same. Test files share one module graph (vitest.config.ts: isolate off), so a hoisted vi.mock would
// not reach modules already loaded: the two callers are loaded afresh here with the spy in place (vi.doMock after
// vi.resetModules), and the registry is reset again afterwards so later files load the real modules.
let spy: MockInstance<typeof rankCompanies>;
let topTargetsByIndustry: typeof TopTargetsByIndustry;
let handbookResults: typeof HandbookResults;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('../../src/scoring/rankCompanies.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/scoring/rankCompanies.js')>();
    spy = vi.fn(original.rankCompanies);
    return { ...original, rankCompanies: spy };
  });
  ({ topTargetsByIndustry } = await import('../../src/scoring/topTargetsByIndustry.js'));
  ({ handbookResults } = await import('../../src/handbook/buildHandbook.js'));
});
afterAll(() => {
  vi.doUnmock('../../src/scoring/rankCompanies.js');
  vi.resetModules();
});

const unsized = (c: Company): Company => {
  const { revenue: _r, revenueBand: _b, lists: _l, stockCode: _s, employees: _e, registeredCapital: _k, ...rest } = c;
  return rest as Company;
};
const lc = liaocheng();
const ds = { ...lc, companies: lc.companies.map((c, i) => (i % 9 === 4 ? unsized(c) : c)) };
const model = chainModel(ds);
const gaps = analyzeGaps(model);
const expected = cityUnknownScale(model, ds.companies);

/** The `unknownScale` option of every industry ranking made while `f` runs. */
function industryScales(f: () => unknown): RankOptions['unknownScale'][] {
  spy.mockClear();
  f();
  return spy.mock.calls.filter(([, o]) => o?.industry !== undefined).map(([, o]) => o!.unknownScale);
}

describe('one unknown-size scale for every ranking of a list', () => {
  it('has unknown-size firms and a pool quartile to share (the test can fail)', () => {
    expect(ds.companies.filter(sizeUnknown).length).toBeGreaterThan(10);
    expect(expected.basis).toBe('pool');
  });

  it('topTargetsByIndustry passes the city value, computed once, to every industry ranking; the rankings are unchanged', () => {
    let targets: ReturnType<typeof TopTargetsByIndustry> = [];
    const scales = industryScales(() => (targets = topTargetsByIndustry(model, 8, { gaps })));
    expect(scales).toHaveLength(ds.industries.length);
    expect(new Set(scales).size).toBe(1); // one object: computed once
    expect(scales[0]).toEqual(expected);
    for (const t of targets) {
      // Each ranking on its own (its own pass over the list) gives the same items and counts.
      expect(t.ranking).toEqual(rankCompanies(model, { gaps, industry: t.industry, top: 8 }));
    }
  });

  it('a given unknownScale or companies list is honoured', () => {
    const given = { value: 0.3, known: 25, basis: 'pool' as const };
    expect(new Set(industryScales(() => topTargetsByIndustry(model, 3, { gaps, unknownScale: given })))).toEqual(new Set([given]));
    const list = ds.companies.slice(0, 120);
    expect(industryScales(() => topTargetsByIndustry(model, 3, { gaps, companies: list }))[0]).toEqual(cityUnknownScale(model, list));
    // Nothing of unknown size: nothing computed or passed (each ranking takes no pass for it either).
    expect(new Set(industryScales(() => topTargetsByIndustry(lc, 3)))).toEqual(new Set([undefined]));
  });

  it('handbookResults passes it to every industry ranking; the rankings are unchanged', () => {
    let results: ReturnType<typeof HandbookResults> | undefined;
    const scales = industryScales(() => (results = handbookResults(model, {}, gaps)));
    expect(scales).toHaveLength(ds.industries.length);
    expect(new Set(scales).size).toBe(1);
    expect(scales[0]).toEqual(expected);
    const industryRankings = results!.industryRankings ?? {};
    expect(Object.keys(industryRankings)).toHaveLength(ds.industries.length);
    for (const [industry, ranking] of Object.entries(industryRankings)) {
      expect(ranking).toEqual(rankCompanies(model, { gaps, industry }));
    }
    expect(results!.ranking).toEqual(rankCompanies(model, { gaps, top: 10 }));
  });
});
