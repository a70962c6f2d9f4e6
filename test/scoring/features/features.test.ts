import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/dataset/indexDataset.js';
import { buildScoringContext, DEFAULT_PRIORITY_REGIONS, STRENGTH_FIT_SHARE, type ScoringContext } from '../../../src/scoring/buildScoringContext.js';
import { ALL_FEATURES } from '../../../src/scoring/features/allFeatures.js';
import { gapFit } from '../../../src/scoring/features/gapFit.js';
import { momentum } from '../../../src/scoring/features/momentum.js';
import { policyFit } from '../../../src/scoring/features/policyFit.js';
import { proximity } from '../../../src/scoring/features/proximity.js';
import { risk } from '../../../src/scoring/features/risk.js';
import { scale, SCALE } from '../../../src/scoring/features/scale.js';
import { synergy } from '../../../src/scoring/features/synergy.js';
import { ties } from '../../../src/scoring/features/ties.js';
import { WEIGHT_PRESETS } from '../../../src/scoring/presets.js';
import { FEATURE_NAMES, type GapKindFactors } from '../../../src/scoring/types.js';
import type { Dataset } from '../../../src/schema/index.js';
import { companyBody } from '../arbitraries.js';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { company, goodDataset, handGaps, miniDataset, miniGaps } from '../helpers.js';

function contextOf(ds: Dataset, over: { industry?: string; gapKinds?: GapKindFactors } = {}): ScoringContext {
  return buildScoringContext(indexDataset(ds), miniGaps(ds), {
    industry: over.industry,
    asOf: ds.meta.asOf,
    gapKinds: over.gapKinds ?? WEIGHT_PRESETS.balanced!.gapKinds,
    priorities: ds.meta.priorities ?? {},
    regions: DEFAULT_PRIORITY_REGIONS,
  });
}

const ds = miniDataset();
const ctx = contextOf(ds);

describe('gap fit', () => {
  it('scores 0 and says "could not be placed" for a company without segments or with unknown ones', () => {
    for (const c of [company('a'), company('b', { segments: ['nowhere'] })]) {
      const r = gapFit.explain(c, ctx);
      expect(r.value).toBe(0);
      expect(r.reasons.map((x) => x.code)).toEqual(['gap-fit.unplaced']);
    }
  });

  it('takes the gap priority of a company on a 补链 gap, and the 强链 credit on a segment where the city is strong', () => {
    // `ok` has no gap (the city is present) and policy priority 1 (industry `ind`): 0.3 × 1 = 0.3, the second value.
    const r = gapFit.explain(company('a', { segments: ['gap', 'ok'] }), ctx);
    expect(r.value).toBeCloseTo(0.9 + 0.5 * STRENGTH_FIT_SHARE * 1 * (1 - 0.9), 12);
    expect(r.reasons[0]?.code).toBe('gap-fit.fill');
    expect(r.reasons[0]?.zh).toContain('（优先级 0.90）');
    const strong = gapFit.explain(company('b', { segments: ['ok'] }), ctx);
    expect(strong.value).toBeCloseTo(STRENGTH_FIT_SHARE, 12);
    expect(strong.reasons[0]?.code).toBe('gap-fit.strength');
    expect(strong.reasons[0]?.zh).toContain('强链：本市已有优势环节');
  });

  it('gives no 强链 credit where the policy priority is 0, and says there is no gap', () => {
    const c0 = buildScoringContext(indexDataset(ds), miniGaps(ds), { asOf: '2026-01', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: { industries: { ind: 0 } }, regions: [] });
    const r = gapFit.explain(company('b', { segments: ['ok'] }), c0);
    expect(r.value).toBe(0);
    expect(r.reasons[0]?.code).toBe('gap-fit.none');
  });

  it('adds half of the second gap’s priority to the headroom: 0.9 + 0.5 · 0.4 · 0.1 = 0.92', () => {
    const gaps = handGaps(ds, { gap: { kind: 'fill', priority: 0.9 }, ok: { kind: 'strengthen', priority: 0.4, presence: 0.3 } });
    const c2 = buildScoringContext(indexDataset(ds), gaps, { asOf: '2026-01', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
    expect(gapFit.value(company('a', { segments: ['gap', 'ok', 'gap'] }), c2)).toBeCloseTo(0.92, 12);
  });

  it('multiplies the priority by the preset’s gap-kind factor (fill-first: strengthen × 0.5)', () => {
    const gaps = handGaps(ds, { ok: { kind: 'strengthen', priority: 0.4 } });
    const c2 = buildScoringContext(indexDataset(ds), gaps, { asOf: '2026-01', gapKinds: WEIGHT_PRESETS['fill-first']!.gapKinds, priorities: {}, regions: [] });
    expect(gapFit.value(company('a', { segments: ['ok'] }), c2)).toBeCloseTo(0.2, 12);
  });
});

describe('chain synergy', () => {
  it('is the strongest link weight × local presence, naming the local firm: gap buys from up (0.5 × 1)', () => {
    const r = synergy.explain(company('a', { segments: ['gap'] }), ctx);
    expect(r.value).toBe(0.5);
    expect(r.reasons[0]?.code).toBe('synergy.buys');
    expect(r.reasons[0]?.zh).toContain('上游集团');
  });

  it('adds half of the second link: up supplies ok (0.5) and gap (presence 0 → no link) → 0.5', () => {
    expect(synergy.value(company('a', { segments: ['up'] }), ctx)).toBe(0.5);
    expect(synergy.value(company('b'), ctx)).toBe(0);
  });
});

describe('scale', () => {
  it('mixes log revenue (60%) and the best list (40%): 100亿元 and 世界500强 → 0.7251', () => {
    // log10(101) / log10(5001) = 2.004321 / 3.699057 = 0.541847; 0.6 · 0.541847 + 0.4 · 1 = 0.725108
    const r = scale.explain(company('a', { revenue: 100, lists: ['fortune-global-500', 'listed'] }), ctx);
    expect(r.value).toBeCloseTo(0.725108, 5);
    expect(r.reasons.map((x) => x.zh)).toEqual(['营收 100亿元', '世界500强、上市公司']);
  });

  it('uses a band’s geometric midpoint and caps revenue at 1', () => {
    // band 10–50 → √500 = 22.3607; log10(23.3607) = 1.368487; / log10(5001) = 3.699057 → 0.369958; · 0.6 = 0.221975
    expect(scale.value(company('a', { revenueBand: '10-50' }), ctx)).toBeCloseTo(0.221975, 5);
    expect(scale.value(company('b', { revenue: 1e6 }), ctx)).toBeCloseTo(0.6, 12);
  });

  it('says a band’s year and marks an estimated band (issue 17)', () => {
    expect(scale.explain(company('a', { revenueBand: '10-50' }), ctx).reasons[0]!.zh).toBe('营收 10–50亿元');
    const est = scale.explain(company('b', { revenueBand: '50-100', revenueYear: 2023, revenueEstimated: true }), ctx).reasons[0]!;
    expect(est.zh).toBe('营收约 50–100亿元（2023）（估计）');
    expect(est.en).toMatch(/^revenue ≈ .+ \(2023\) \(estimate\)$/);
  });

  it('counts a firm of unknown size at SCALE.unknown (0.42), not 0, and says it is to be verified', () => {
    const r = scale.explain(company('a'), ctx);
    expect(r.value).toBe(SCALE.unknown);
    expect(SCALE.unknown).toBe(0.42);
    expect(r.reasons.map((x) => x.code)).toEqual(['scale.unknown']);
    expect(r.reasons[0]!.zh).toContain('待核实');
    // Any size fact replaces the default: a listed firm with no revenue is estimated from the listing floor.
    expect(scale.explain(company('b', { stockCode: '600000' }), ctx).reasons[0]!.code).toBe('scale.estimate');
    // A small known firm may score below an unknown one: 1亿元, no list → 0.6 · log10(2) / log10(5001) = 0.0488.
    expect(scale.value(company('c', { revenue: 1 }), ctx)).toBeCloseTo(0.048826, 5);
  });
});

describe('momentum', () => {
  it('decays a signal by its age before asOf and adds growth: 0.7951', () => {
    // asOf 2026-01 (15 Jan); new plant 2025-01 (15 Jan): age 365 / 365.25 = 0.999316 y → 2^(−0.499658) = 0.707275
    // growth 15% → 0.5 → 0.6 · 0.5 = 0.3; momentum = 1 − (1 − 0.3)(1 − 0.707275) = 0.795092
    const c = company('a', { growth: 0.15, signals: [{ type: 'new-plant', date: '2025-01', text: '新工厂', source: 't' }] });
    const r = momentum.explain(c, ctx);
    expect(r.value).toBeCloseTo(0.795092, 5);
    expect(r.reasons.map((x) => x.code)).toEqual(['momentum.growth', 'momentum.signal']);
  });

  it('depends on asOf, never on the clock: a later asOf gives an older, weaker signal', () => {
    const c = company('a', { signals: [{ type: 'capex', date: '2020', text: '投资', source: 't' }] });
    const later = buildScoringContext(indexDataset(ds), miniGaps(ds), { asOf: '2030-07', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
    expect(momentum.value(c, later)).toBeLessThan(momentum.value(c, ctx));
    expect(momentum.explain(c, later).reasons[0]?.code).toBe('momentum.stale-signal');
  });
});

describe('policy fit at industry level', () => {
  it('a company placed on an industry only takes the industry\'s policy fit (mini: priority 1 → 1), said so; off-chain 0', () => {
    const c = company('i', { segments: [], industries: ['ind'] });
    expect(policyFit.value(c, ctx)).toBe(1);
    const r = policyFit.explain(c, ctx);
    expect(r.value).toBe(1);
    expect(r.reasons.map((x) => x.zh)).toEqual(['只挂到产业：“产业”为城市重点产业（权重 1.00）']);
    expect(policyFit.value({ ...c, placement: { status: 'off-chain', score: 0.5, evidence: [] } }, ctx)).toBe(0);
    // An industry without priority or strategic flag: 0, no reason.
    const none = contextOf({ ...ds, meta: { ...ds.meta, priorities: {} } });
    expect(policyFit.explain(c, none)).toEqual({ value: 0, reasons: [] });
  });
});

describe('gapFit at industry level', () => {
  it('names the industry in the reason, not its id', () => {
    const r = gapFit.explain(company('i', { segments: [], industries: ['ind'] }), ctx);
    const reason = r.reasons.find((x) => x.code === 'gap-fit.industry-only');
    expect(reason?.zh).toMatch(/^只挂到产业“产业”、未确认具体环节/);
    expect(reason?.en).toMatch(/^placed on industry "Industry" but/);
  });
});

describe('proximity', () => {
  it('scores 0 with a reason for an HQ not in the places table', () => {
    const r = proximity.explain(company('a', { hq: { province: '无名省', city: '无名市' } }), ctx);
    expect(r.value).toBe(0);
    expect(r.reasons[0]?.code).toBe('proximity.unknown-place');
  });

  it('an HQ known only by its province (城市 "-" in an export) is placed at the mean of its cities, said so', () => {
    const lc = liaocheng();
    const lctx = contextOf(lc);
    const sd = proximity.explain(company('a', { hq: { province: '山东省', city: '山东省' } }), lctx);
    const shandong = lc.cities.filter((c) => c.province === '山东省' && c.level === 'city').map((c) => proximity.value(company('x', { hq: { province: '山东省', city: c.name } }), lctx));
    expect(sd.value).toBeGreaterThan(Math.min(...shandong));
    expect(sd.value).toBeLessThan(Math.max(...shandong));
    expect(sd.reasons.map((r) => r.code)).toContain('proximity.province-only');
    expect(sd.reasons.at(-1)?.zh).toMatch(/^总部只知省份（山东省），按省内各地级市的平均位置估算：距聊城市约 \d+ km（待核实）$/);
    // A region every city of the province shares is kept (长三角 for 江苏省).
    const js = proximity.explain(company('b', { hq: { province: '江苏省', city: '江苏省' } }), lctx);
    expect(js.reasons[0]?.zh).toBe('总部位于长三角（江苏省）');
    // A province with no city in the table stays unknown.
    expect(proximity.explain(company('c', { hq: { province: '无名省', city: '无名省' } }), lctx).reasons[0]?.code).toBe('proximity.unknown-place');
  });

  it('uses rail hours and priority regions: 上海 (4.5 h, 长三角) → 0.6 · e^(−4.5/4) + 0.4 = 0.5948', () => {
    const r = proximity.explain(company('a'), ctx);
    expect(r.value).toBeCloseTo(0.6 * Math.exp(-1.125) + 0.4, 12);
    expect(r.reasons[0]?.zh).toBe('总部位于长三角（上海市）');
  });

  it('gives 1 at home in a priority region and little far away outside one', () => {
    expect(proximity.value(company('a', { hq: { province: '山东省', city: '测试市' } }), ctx)).toBeCloseTo(1, 12);
    expect(proximity.value(company('b', { hq: { province: '远方省', city: '远方市' } }), ctx)).toBeLessThan(0.05);
  });
});

describe('policy fit', () => {
  it('takes the city priority of the industry (1) and names it', () => {
    const r = policyFit.explain(company('a', { segments: ['gap'] }), ctx);
    expect(r.value).toBe(1);
    expect(r.reasons[0]?.code).toBe('policy.priority');
  });

  it('gives half credit for a strategic segment without a stated priority: 1 − (1 − 0)(1 − 0.5) = 0.5', () => {
    const good = goodDataset();
    const c2 = buildScoringContext(indexDataset(good), handGaps(good, {}), { asOf: '2026-01', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
    expect(policyFit.value(company('a', { segments: ['e-cell'] }), c2)).toBe(0.5);
    expect(policyFit.value(company('b', { segments: ['m-ore'] }), c2)).toBe(0);
  });
});

describe('ties', () => {
  it('combines ties as 1 − Π(1 − w): subsidiary (0.9) and native (0.8) → 0.98', () => {
    const c = company('a', { ties: [{ type: 'subsidiary-of-local', text: '子公司', source: 't' }, { type: 'native-entrepreneur', text: '聊城籍', source: 't' }] });
    expect(ties.value(c, ctx)).toBeCloseTo(0.98, 12);
  });

  it('derives a parent tie from an enterprise’s parentCompanyId without counting a declared one twice', () => {
    const good = goodDataset();
    const c2 = buildScoringContext(indexDataset(good), handGaps(good, {}), { asOf: '2026-01', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
    const parent = good.companies.find((c) => c.id === 'parent-co')!;
    expect(ties.explain(parent, c2)).toMatchObject({ value: 1, reasons: [{ code: 'ties.parent-of-local' }] });
    const undeclared = { ...parent, ties: [] };
    expect(ties.explain(undeclared, c2).value).toBe(1);
    expect(ties.explain(undeclared, c2).reasons[0]?.zh).toContain('测试金属集团');
  });
});

describe('risk', () => {
  it('weighs severity × type, decaying dated flags: high distress → 1; medium litigation 3 years old → 0.18', () => {
    expect(risk.value(company('a', { risks: [{ type: 'distress', severity: 'high', text: '重整', source: 't' }] }), ctx)).toBe(1);
    // 0.6 · 0.6 · 2^(−3.0007/3) = 0.36 · 0.49992 = 0.17997
    const r = risk.explain(company('b', { risks: [{ type: 'litigation', severity: 'medium', date: '2023-01', text: '诉讼', source: 't' }] }), ctx);
    expect(r.value).toBeCloseTo(0.17997, 4);
    expect(r.reasons[0]?.code).toBe('risk.litigation');
  });
});

describe('every feature', () => {
  test.prop([companyBody])('explain() gives the same value as value(), and both lie in [0, 1]', (body) => {
    const c = company('x', body as never);
    for (const f of FEATURE_NAMES) {
      const v = ALL_FEATURES[f].value(c, ctx);
      expect(ALL_FEATURES[f].explain(c, ctx).value).toBe(v);
      expect(v >= 0 && v <= 1).toBe(true);
    }
  });

  it('looks only at segments of the industry filter', () => {
    const good = goodDataset();
    const c2 = buildScoringContext(indexDataset(good), handGaps(good, { 'e-cell': { kind: 'build', priority: 0.7 } }), { industry: 'metal', asOf: '2026-01', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
    expect(gapFit.value(company('a', { segments: ['e-cell', 'm-ore'] }), c2)).toBe(0);
  });

  it('the features object lists all eight, in output order', () => {
    expect(Object.keys(ALL_FEATURES)).toEqual([...FEATURE_NAMES]);
  });
});
