import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { buildScoringContext, withUnknownScale } from '../../src/scoring/buildScoringContext.js';
import { knownScale, scale, SCALE, sizeUnknown } from '../../src/scoring/features/scale.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { FALLBACK_UNKNOWN_SCALE, inUnknownScalePool, lowerQuartile, unknownScaleFromQuartile, unknownScaleOf } from '../../src/scoring/unknownScale.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { chainModel } from '../../src/model/chainModel.js';
import { cityScope } from '../../src/scoring/relevance.js';
import type { Ranking } from '../../src/scoring/types.js';
import type { Company } from '../../src/schema/index.js';
import { company, goodDataset, miniDataset, miniGaps } from './helpers.js';

const ds = miniDataset();
const gaps = miniGaps(ds);

/**
 * A 企查查-style import of small firms on one gap segment: 注册资本 (亿元) and 参保人数, no revenue, no list. Each firm's
 * size differs, everything else is the same, so the ranking is the order of their scale.
 */
function smallFirms(n: number): Company[] {
  return Array.from({ length: n }, (_, i) =>
    company(`s${String(i).padStart(2, '0')}`, { segments: ['gap'], registeredCapital: 0.05 * (i + 1), employees: 3 + 2 * i }),
  );
}

describe('lowerQuartile: the discrete lower quartile (rank ⌈0.25·n⌉ ascending, DuckDB quantile_disc)', () => {
  it('gives known answers', () => {
    expect(lowerQuartile([])).toBeUndefined();
    expect(lowerQuartile([0.7])).toBe(0.7);
    expect(lowerQuartile([0.4, 0.1, 0.3, 0.2])).toBe(0.1); // ⌈1⌉ = 1
    expect(lowerQuartile([0.4, 0.1, 0.3, 0.2, 0.5])).toBe(0.2); // ⌈1.25⌉ = 2
    expect(lowerQuartile([8, 7, 6, 5, 4, 3, 2, 1])).toBe(2); // ⌈2⌉ = 2
    expect(lowerQuartile([9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(3); // ⌈2.25⌉ = 3
    expect(lowerQuartile([0.2, 0.2, 0.2, 0.9, 0.9])).toBe(0.2);
  });

  test.prop([fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.integer()])('depends on the values only, never on their order, and is one of them', (xs, seed) => {
    const shuffled = fc.sample(fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }), { numRuns: 1, seed })[0]!;
    const q = lowerQuartile(xs)!;
    expect(lowerQuartile(shuffled)).toBe(q);
    expect(xs).toContain(q);
    // At least a quarter of the values lie at or below it, and at least three quarters at or above it.
    expect(xs.filter((x) => x <= q).length).toBeGreaterThanOrEqual(Math.ceil(xs.length / 4));
    expect(xs.filter((x) => x >= q).length).toBeGreaterThanOrEqual(xs.length - Math.ceil(xs.length / 4) + 1);
  });
});

describe('unknownScaleOf: the pool quartile, or the fallback below SCALE.minKnown known-size candidates', () => {
  it('takes the quartile from 20 known-size candidates on, the fallback 0.42 below', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) / 100);
    expect(SCALE.minKnown).toBe(20);
    expect(unknownScaleOf(twenty)).toEqual({ value: 0.05, known: 20, basis: 'pool' });
    expect(unknownScaleOf(twenty.slice(1))).toEqual({ value: SCALE.unknown, known: 19, basis: 'fallback' });
    expect(unknownScaleOf([])).toBe(FALLBACK_UNKNOWN_SCALE);
    expect(unknownScaleFromQuartile(20, 0.05)).toEqual(unknownScaleOf(twenty));
    expect(unknownScaleFromQuartile(19, 0.05)).toEqual(unknownScaleOf(twenty.slice(1)));
  });
});

describe('a firm of unknown size in a ranking', () => {
  it('scores the lower quartile of the known small firms it is ranked with: it no longer outranks them all', () => {
    const pool = smallFirms(30);
    const unknown = company('u-none', { segments: ['gap'] });
    const r = rankCompanies({ ...ds, companies: [] }, { companies: [unknown, ...pool], gaps });
    const scales = pool.map(knownScale);
    const quartile = [...scales].sort((a, b) => a - b)[Math.ceil(30 * 0.25) - 1]!; // the 8th smallest
    const item = r.items.find((i) => i.id === 'u-none')!;
    expect(item.features.scale).toBe(quartile);
    expect(quartile).toBeLessThan(0.15); // small firms: far below the fallback 0.42 the firm used to get
    // 22 known firms are larger (scores strictly above), 7 smaller; the unknown firm ties the 8th smallest and its
    // id ('u-none' > 's07') puts it after it.
    expect(r.items.filter((i) => i.score > item.score).length).toBe(22);
    expect(item.rank).toBe(24);
    const reason = item.reasons.find((x) => x.code === 'scale.unknown')!;
    expect(reason.zh).toBe(`规模未知（无营收、名单、上市、员工或注册资本记录）：按本市候选池（名单中与本市产业链相关的非本地企业，不因产业筛选而变）中已知规模企业（30 家）的下四分位 ${Math.round(quartile * 100) / 100} 计，待核实`);
    expect(reason.en).toBe(`size unknown (no revenue, list, listing, staff or registered capital on record): counted at the lower quartile ${Math.round(quartile * 100) / 100} of the 30 known-size firms in the city's pool (the list's non-local firms relevant to the city's chains, the same under any industry filter); to be verified`);
  });

  it('falls back to SCALE.unknown (0.42) with fewer than 20 known-size candidates, and says how many there were', () => {
    const r = rankCompanies({ ...ds, companies: [] }, { companies: [company('u-none', { segments: ['gap'] }), ...smallFirms(19)], gaps });
    const item = r.items.find((i) => i.id === 'u-none')!;
    expect(item.features.scale).toBe(SCALE.unknown);
    expect(item.rank).toBe(1);
    expect(item.reasons.find((x) => x.code === 'scale.unknown')!.zh).toBe('规模未知（无营收、名单、上市、员工或注册资本记录）：本市候选池（名单中与本市产业链相关的非本地企业，不因产业筛选而变）中已知规模企业不足 20 家（19 家），按内置聊城目标名单的下四分位 0.42 计，待核实');
  });

  it('counts only the city\'s chain-relevant, non-local firms: the include flags list more firms but never move the pool', () => {
    const offChain = { status: 'off-chain' as const, score: 0, evidence: [] };
    const apart = [
      ...smallFirms(10).map((c) => ({ ...c, id: `x${c.id}`, name: `x${c.name}`, placement: offChain })),
      ...smallFirms(4).map((c) => ({ ...c, id: `l${c.id}`, name: `l${c.name}`, local: true })),
      ...smallFirms(4).map((c) => ({ ...c, id: `n${c.id}`, name: `n${c.name}`, segments: ['nowhere'] })),
    ];
    const cs = [company('u-none', { segments: ['gap'] }), ...smallFirms(15), ...apart];
    const scaleOf = (flags: { includeOffChain?: boolean; includeLocal?: boolean; includeUnrelated?: boolean }): number =>
      rankCompanies({ ...ds, companies: [] }, { companies: cs, gaps, ...flags }).items.find((i) => i.id === 'u-none')!.features.scale;
    // 15 known-size firms in the pool: the fallback, with every flag (the off-chain, local and unrelated firms are listed, not pooled).
    expect(scaleOf({})).toBe(SCALE.unknown);
    for (const flags of [{ includeOffChain: true }, { includeLocal: true }, { includeUnrelated: true }, { includeOffChain: true, includeLocal: true, includeUnrelated: true }]) {
      const r = rankCompanies({ ...ds, companies: [] }, { companies: cs, gaps, ...flags });
      expect(r.items.length).toBeGreaterThan(16);
      expect(scaleOf(flags)).toBe(SCALE.unknown);
    }
    // With 20 in the pool the quartile is theirs alone, again under every flag.
    const cs20 = [company('u-none', { segments: ['gap'] }), ...smallFirms(20), ...apart];
    const pooled = lowerQuartile(smallFirms(20).map(knownScale));
    for (const flags of [{}, { includeOffChain: true, includeLocal: true, includeUnrelated: true }]) {
      expect(rankCompanies({ ...ds, companies: [] }, { companies: cs20, gaps, ...flags }).items.find((i) => i.id === 'u-none')!.features.scale).toBe(pooled);
    }
  });

  it('takes the value given (the pool of an engine that ranks only the top rows in process) over its own candidates', () => {
    const r = rankCompanies({ ...ds, companies: [] }, { companies: [company('u-none', { segments: ['gap'] })], gaps, unknownScale: { value: 0.1, known: 500, basis: 'pool' } });
    expect(r.items[0]!.features.scale).toBe(0.1);
    expect(r.items[0]!.reasons.find((x) => x.code === 'scale.unknown')!.zh).toContain('（500 家）的下四分位 0.1 计');
  });

  it('treats `lists: []` with nothing else as unknown size, with the reason (it scored 0 with no scale reason)', () => {
    const empty = company('e-empty', { segments: ['gap'], lists: [] });
    expect(sizeUnknown(empty)).toBe(true);
    const r = rankCompanies({ ...ds, companies: [] }, { companies: [empty, ...smallFirms(30)], gaps });
    const item = r.items.find((i) => i.id === 'e-empty')!;
    const none = rankCompanies({ ...ds, companies: [] }, { companies: [company('e-empty', { segments: ['gap'] }), ...smallFirms(30)], gaps }).items.find((i) => i.id === 'e-empty')!;
    expect(item.features.scale).toBe(none.features.scale);
    expect(item.features.scale).toBeGreaterThan(0);
    expect(item.reasons.filter((x) => x.code.startsWith('scale.')).map((x) => x.code)).toEqual(['scale.unknown']);
    // A non-empty list is a size fact: no unknown-size rule.
    expect(sizeUnknown(company('l', { lists: ['listed'] }))).toBe(false);
  });

  test.prop([fc.array(fc.record({ kind: fc.constantFrom('none', 'empty-lists', 'capital', 'staff', 'revenue'), x: fc.double({ min: 0.01, max: 50, noNaN: true }) }), { minLength: 1, maxLength: 60 }), fc.integer()], { numRuns: 30 })(
    'the value depends on the pool, never on its order; value and explain agree',
    (rows, seed) => {
      const cs = rows.map(({ kind, x }, i): Company => {
        const id = `p${String(i).padStart(2, '0')}`;
        if (kind === 'none') return company(id, { segments: ['gap'] });
        if (kind === 'empty-lists') return company(id, { segments: ['gap'], lists: [] });
        if (kind === 'capital') return company(id, { segments: ['gap'], registeredCapital: x });
        if (kind === 'staff') return company(id, { segments: ['gap'], employees: Math.round(x * 100) });
        return company(id, { segments: ['gap'], revenue: x });
      });
      const shuffled = fc.sample(fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }), { numRuns: 1, seed })[0]!;
      const a = rankCompanies({ ...ds, companies: [] }, { companies: cs, gaps });
      const b = rankCompanies({ ...ds, companies: [] }, { companies: shuffled, gaps });
      expect(b.items).toEqual(a.items);
      const expected = unknownScaleOf(cs.filter((c) => !sizeUnknown(c)).map(knownScale));
      for (const it of a.items) {
        const c = cs.find((x) => x.id === it.id)!;
        if (sizeUnknown(c)) expect(it.features.scale).toBe(expected.value);
      }
    },
  );
});

describe('withUnknownScale', () => {
  it('gives a new context with the value and leaves the one given unchanged (lazy parts still work)', () => {
    const ctx = buildScoringContext(indexDataset(ds), gaps, { asOf: ds.meta.asOf, gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
    expect(ctx.unknownScale).toBe(FALLBACK_UNKNOWN_SCALE);
    const u = unknownScaleOf(Array.from({ length: 40 }, (_, i) => i / 100));
    const next = withUnknownScale(ctx, u);
    expect(next.unknownScale).toEqual({ value: 0.09, known: 40, basis: 'pool' });
    expect(ctx.unknownScale).toBe(FALLBACK_UNKNOWN_SCALE);
    expect(next.gapBySegment.get('gap')?.kind).toBe('fill');
    expect(next.segments).toBe(ctx.segments);
    expect(scale.value(company('u'), next)).toBe(0.09);
    expect(scale.value(company('u'), ctx)).toBe(SCALE.unknown);
  });
});

describe('the pool is the city\'s, before the industry filter (issue 15 item 3: one scale per firm in every ranking)', () => {
  // Two industries (good fixture: metal m-ore → m-ingot → m-profile, energy e-cell → e-system): 30 small metal firms
  // (注册资本 and 参保人数), 30 large energy firms (revenue 200–490亿元), one firm of unknown size in each industry.
  const city = goodDataset(); // its own three companies are replaced by `companies` below
  const cityGaps = analyzeGaps(city);
  const small = smallFirms(30).map((c) => ({ ...c, segments: ['m-profile'] }));
  const large = Array.from({ length: 30 }, (_, i) => company(`e${String(i).padStart(2, '0')}`, { segments: ['e-cell'], revenue: 200 + 10 * i }));
  const cs = [company('u-metal', { segments: ['m-profile'] }), company('u-energy', { segments: ['e-system'] }), ...small, ...large];
  const item = (r: Ranking, id: string) => r.items.find((i) => i.id === id)!;
  const reasonOf = (r: Ranking, id: string) => item(r, id).reasons.find((x) => x.code === 'scale.unknown')!;

  it('known answer: a firm of unknown size scores the 15th smallest of the city\'s 60 known-size firms, with or without an industry filter', () => {
    const whole = rankCompanies(city, { companies: cs, gaps: cityGaps });
    const metal = rankCompanies(city, { companies: cs, gaps: cityGaps, industry: 'metal' });
    const energy = rankCompanies(city, { companies: cs, gaps: cityGaps, industry: 'energy' });
    expect(metal.candidates).toBe(31);
    expect(energy.candidates).toBe(31);
    // ⌈0.25 × 60⌉ = 15: the 15th smallest scale of the city's pool, a small metal firm's (all 30 are below every large one).
    const expected = [...[...small, ...large].map(knownScale)].sort((a, b) => a - b)[14]!;
    expect(expected).toBe(knownScale(small[14]!));
    for (const [r, id] of [[whole, 'u-metal'], [whole, 'u-energy'], [metal, 'u-metal'], [energy, 'u-energy']] as const) {
      expect(item(r, id).features.scale).toBe(expected);
      expect(reasonOf(r, id).zh).toContain('（60 家）的下四分位');
    }
    // The same words in the industry ranking as in the city's: what the handbook prints twice says one thing.
    expect(reasonOf(metal, 'u-metal')).toEqual(reasonOf(whole, 'u-metal'));
    expect(reasonOf(energy, 'u-energy')).toEqual(reasonOf(whole, 'u-energy'));
    // The quartile of each industry's own candidates, which the firm used to get, is far from it on either side.
    expect(lowerQuartile(small.map(knownScale))).toBeLessThan(expected);
    expect(lowerQuartile(large.map(knownScale))).toBeGreaterThan(expected + 0.2);
  });

  it('the pool keeps out what the city\'s ranking sets apart: off-chain, local and unrelated firms, and a tie-only firm counts', () => {
    const offChain = { status: 'off-chain' as const, score: 0, evidence: [] };
    // 19 known-size firms in the pool: the fallback. Large firms set apart must not lift it to a quartile.
    const apart = [
      ...large.slice(0, 5).map((c) => ({ ...c, placement: offChain })),
      ...large.slice(5, 10).map((c) => ({ ...c, local: true })),
      ...large.slice(10, 15).map((c) => ({ ...c, segments: ['nowhere'] })),
    ];
    const base = [company('u-metal', { segments: ['m-profile'] }), ...small.slice(0, 19), ...apart];
    for (const industry of [undefined, 'metal'] as const) {
      for (const flags of [{}, { includeOffChain: true, includeLocal: true, includeUnrelated: true }]) {
        const r = rankCompanies(city, { companies: base, gaps: cityGaps, ...(industry !== undefined ? { industry } : {}), ...flags });
        expect(item(r, 'u-metal').features.scale).toBe(SCALE.unknown);
        expect(reasonOf(r, 'u-metal').zh).toContain('不足 20 家（19 家）');
      }
    }
    // An unplaced energy firm tied to the metal firm ingot-co is relevant to the city (not to energy): it is the 20th.
    const tied = company('t-tied', { registeredCapital: 1000, ties: [{ type: 'supplier-of-local', enterprise: 'ingot-co', text: '供货', source: 't' }] });
    const energyFirm = company('u-energy', { segments: ['e-cell'] });
    for (const industry of [undefined, 'metal', 'energy'] as const) {
      const r = rankCompanies(city, { companies: [...base, tied, energyFirm], gaps: cityGaps, ...(industry !== undefined ? { industry } : {}) });
      const id = industry === 'energy' ? 'u-energy' : 'u-metal';
      expect(reasonOf(r, id).zh).toContain('（20 家）的下四分位');
      expect(item(r, id).features.scale).toBe(lowerQuartile([...small.slice(0, 19), tied].map(knownScale)));
    }
  });

  test.prop(
    [
      fc.array(
        fc.record({
          kind: fc.constantFrom('none', 'none', 'capital', 'staff', 'revenue', 'band'),
          x: fc.double({ min: 0, max: 80, noNaN: true }),
          segments: fc.subarray(['m-ore', 'm-profile', 'e-cell', 'e-system', 'nowhere']),
          industries: fc.subarray(['metal', 'energy']),
          placement: fc.constantFrom('confirmed', 'uncertain', 'off-chain'),
          local: fc.boolean(),
          tie: fc.constantFrom(undefined, 'ore-co', 'nope'),
        }),
        { minLength: 1, maxLength: 70 },
      ),
      fc.constantFrom(undefined, 'metal', 'energy'),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
    ],
    { numRuns: 40 },
  )('every firm of unknown size scores the unfiltered default ranking\'s value, whatever the filter and flags', (rows, industry, off, local, unrelated) => {
    const list = rows.map(({ kind, x, segments, industries, placement, local: isLocal, tie }, i): Company => {
      const size: Partial<Company> = kind === 'none' ? {} : kind === 'capital' ? { registeredCapital: x / 10 } : kind === 'staff' ? { employees: Math.round(x * 3) } : kind === 'revenue' ? { revenue: x } : { revenueBand: x < 40 ? '<1' : '1-10' };
      return company(`p${String(i).padStart(2, '0')}`, {
        segments,
        ...(industries.length > 0 ? { industries } : {}),
        placement: { status: placement, score: 0.5, evidence: [] },
        ...(isLocal && i % 5 === 0 ? { local: true } : {}),
        ...(tie !== undefined ? { ties: [{ type: 'customer-of-local', enterprise: tie, text: '采购', source: 't' }] } : {}),
        ...size,
      } as Partial<Company>);
    });
    const expected = unknownScaleOf(list.filter((c) => !sizeUnknown(c) && inUnknownScalePool(c, cityScope(chainModel(city)))).map((c) => Math.min(1, knownScale(c))));
    const whole = rankCompanies(city, { companies: list, gaps: cityGaps });
    const r = rankCompanies(city, { companies: list, gaps: cityGaps, includeOffChain: off, includeLocal: local, includeUnrelated: unrelated, ...(industry !== undefined ? { industry } : {}) });
    for (const it of [...whole.items, ...r.items]) {
      if (!sizeUnknown(list.find((c) => c.id === it.id)!)) continue;
      expect(it.features.scale).toBe(expected.value);
      expect(it.reasons.find((x) => x.code === 'scale.unknown')!.zh).toContain(`（${expected.known} 家）`);
    }
  });
});
