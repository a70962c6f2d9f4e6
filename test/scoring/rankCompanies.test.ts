import { describe, expect, it } from 'vitest';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { AhpInconsistentError } from '../../src/scoring/AhpInconsistentError.js';
import { combineFeatures } from '../../src/scoring/weightedSum.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGaps } from '../../src/gaps/analyzeGaps.js';
import { chainModel } from '../../src/model/chainModel.js';
import { FEATURE_NAMES } from '../../src/scoring/types.js';
import type { Company } from '../../src/schema/index.js';
import { company, goodDataset, handGaps, miniDataset, miniGaps } from './helpers.js';
import { STRENGTH_FIT_SHARE } from '../../src/scoring/buildScoringContext.js';

const same: Partial<Company> = { revenue: 50, lists: ['listed'], hq: { province: '上海市', city: '上海市' } };

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('rankCompanies: bad input', () => {
  it('throws OPTIONS_INVALID for bad options, an unknown preset and duplicate candidate ids', () => {
    const on = { segments: ['ok'] };
    const ds = miniDataset([company('a', on)]);
    for (const bad of [{ top: 0 }, { method: 'sum' }, { weights: 'nope' }, { weights: { gapFit: -1 } }, { extra: 1 }, { companies: [company('a', on), company('a', on)] }]) {
      const e = catchError(() => rankCompanies(ds, { gaps: miniGaps(ds), ...(bad as object) }));
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).code).toBe('OPTIONS_INVALID');
    }
  });

  it('reports duplicate candidate ids before bad weights, whether few or all candidates are shown', () => {
    const on = { segments: ['ok'] };
    const ds = miniDataset([company('a', on)]);
    const ahp = { method: 'ahp', criteria: ['gapFit', 'synergy', 'scale'], matrix: [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]] };
    const many = ['a', 'b', 'c', 'd', 'a'].map((id) => company(id, on));
    for (const top of [1, 5]) {
      const e = catchError(() => rankCompanies(ds, { gaps: miniGaps(ds), companies: many, top, weights: ahp as never }));
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).code).toBe('OPTIONS_INVALID');
    }
    // With few shown and valid weights, the duplicate is found in the scoring pass.
    const e = catchError(() => rankCompanies(ds, { gaps: miniGaps(ds), companies: many, top: 1 }));
    expect((e as UsageError).code).toBe('OPTIONS_INVALID');
  });

  it('throws NotFoundError for an unknown industry', () => {
    const ds = miniDataset([company('a')]);
    const e = catchError(() => rankCompanies(ds, { gaps: miniGaps(ds), industry: 'nope' }));
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as NotFoundError).code).toBe('NOT_FOUND');
  });

  it('throws AHP_INCONSISTENT for an inconsistent AHP matrix and returns an empty ranking for no candidates', () => {
    const ds = miniDataset([company('a', { segments: ['gap'] })]);
    const matrix = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]];
    const e = catchError(() => rankCompanies(ds, { gaps: miniGaps(ds), weights: { method: 'ahp', criteria: ['gapFit', 'synergy', 'scale'], matrix } }));
    expect(e).toBeInstanceOf(AhpInconsistentError);
    expect((e as AhpInconsistentError).code).toBe('AHP_INCONSISTENT');
    expect(rankCompanies(miniDataset(), { gaps: miniGaps(ds) }).items).toEqual([]);
  });
});

describe('rankCompanies: hand-made cases', () => {
  it('a company on a top 补链 gap outranks an otherwise identical one on a healthy segment', () => {
    // Both buy from `up` (0.5 × 1), same HQ, revenue, lists, policy; only gap fit differs (0.9 vs 0).
    const ds = miniDataset([company('on-gap', { ...same, segments: ['gap'] }), company('on-healthy', { ...same, segments: ['ok'] })]);
    for (const method of ['weighted', 'topsis'] as const) {
      const r = rankCompanies(ds, { gaps: miniGaps(ds), method });
      expect(r.items.map((i) => i.id)).toEqual(['on-gap', 'on-healthy']);
    }
    const r = rankCompanies(ds, { gaps: miniGaps(ds) });
    expect(r.items[0]!.matchedGaps).toEqual([{ segment: 'gap', kind: 'fill', priority: 0.9 }]);
    expect(r.items[0]!.reasons[0]!.code).toBe('gap-fit.fill');
    // gap fit contributes w · (0.9 − 0.3) = 0.25 · 0.6 = 0.15 more under the balanced preset (the healthy segment,
    // where the city is strong, gets the 强链 credit STRENGTH_FIT_SHARE × policy 1 = 0.3)
    expect(r.items[0]!.score - r.items[1]!.score).toBeCloseTo(0.25 * (0.9 - STRENGTH_FIT_SHARE), 12);
  });

  it('a subsidiary of a local firm gets 以商招商 with the rule quoted', () => {
    const sub = company('sub', { ...same, segments: ['ok'], ties: [{ type: 'subsidiary-of-local', enterprise: 'ok-co', text: '健康公司的子公司', source: 't' }] });
    const ds = miniDataset([sub]);
    const item = rankCompanies(ds, { gaps: miniGaps(ds) }).items[0]!;
    expect(item.approach.method).toBe('via-local-firm');
    expect(item.approach.zh).toBe('以商招商');
    expect(item.approach.rule.code).toBe('approach.local-tie');
    expect(item.approach.rule.zh).toContain('健康公司的子公司');
  });

  it('a company without segments is unrelated: counted apart, or with includeUnrelated ranked last at score 0 with the reason', () => {
    const ds = miniDataset([company('loose', same), company('placed', { ...same, segments: ['gap'] })]);
    const r = rankCompanies(ds, { gaps: miniGaps(ds) });
    expect(r.items.map((i) => i.id)).toEqual(['placed']);
    expect(r.excluded).toEqual({ offChain: 0, local: 0, unrelated: 1 });
    const all = rankCompanies(ds, { gaps: miniGaps(ds), includeUnrelated: true });
    expect(all.items.map((i) => i.id)).toEqual(['placed', 'loose']);
    const loose = all.items[1]!;
    expect(loose.relevance).toBe(0);
    expect(loose.score).toBe(0);
    expect(Object.values(loose.contributions).every((c) => c === 0)).toBe(true);
    expect(loose.features.gapFit).toBe(0);
    expect(loose.reasons[0]!.code).toBe('relevance.none');
    expect(loose.reasons.some((x) => x.code === 'gap-fit.unplaced')).toBe(true);
  });

  it('ranks a companies list passed in instead of dataset.companies, and filters by industry', () => {
    const ds = goodDataset();
    const gaps = handGaps(ds, { 'm-profile': { kind: 'fill', priority: 0.8 }, 'm-ingot': { presence: 1, localFirms: ['ingot-co'] } });
    const imported = [company('imp', { segments: ['m-profile'] })];
    expect(rankCompanies(ds, { gaps, companies: imported }).items.map((i) => i.id)).toEqual(['imp']);
    const metal = rankCompanies(ds, { gaps, industry: 'metal' });
    expect(metal.items.map((i) => i.id).sort()).toEqual(['parent-co', 'profile-co']);
    expect(metal.industry).toBe('metal');
    expect(metal.candidates).toBe(2);
  });

  it('returns only the top N, ranked 1..N, and says which weights and method it used', () => {
    const ds = goodDataset();
    const r = rankCompanies(ds, { gaps: handGaps(ds, {}), top: 2, weights: 'fill-first', method: 'topsis' });
    expect(r.items.map((i) => i.rank)).toEqual([1, 2]);
    expect(r.preset).toBe('fill-first');
    expect(r.weightSource).toBe('preset');
    expect(r.method).toBe('topsis');
    expect(r.candidates).toBe(3);
    expect(r.gapKinds).toEqual({ fill: 1, extend: 0.8, strengthen: 0.5, build: 0.4 });
  });

  it('the weighted-sum contributions add up to the score exactly, and risk contributes ≤ 0', () => {
    const ds = miniDataset([company('r', { ...same, segments: ['gap'], risks: [{ type: 'distress', severity: 'high', text: '重整', source: 't' }] })]);
    const r = rankCompanies(ds, { gaps: miniGaps(ds) });
    const item = r.items[0]!;
    let sum = 0;
    for (const f of FEATURE_NAMES) sum += item.contributions[f];
    expect(sum).toBe(item.score);
    expect(item.contributions.risk).toBeLessThan(0);
    // risk 1 × weight 0.5 halves the positive part
    expect(item.contributions.risk).toBeCloseTo(-item.score, 12);
    expect(combineFeatures(item.features, item.relevance, r.weights).score).toBe(item.score);
  });

  it('accepts custom, entropy and AHP weights and reports where they came from', () => {
    const ds = goodDataset();
    const gaps = handGaps(ds, { 'm-profile': { kind: 'fill', priority: 0.8 } });
    const custom = rankCompanies(ds, { gaps, weights: { gapFit: 3, synergy: 1 } });
    expect(custom.weightSource).toBe('custom');
    expect(custom.weights.gapFit).toBe(0.75);
    expect(custom.weights.risk).toBe(0.5);
    const entropy = rankCompanies(ds, { gaps, weights: 'entropy' });
    expect(entropy.weightSource).toBe('entropy');
    const ahp = rankCompanies(ds, { gaps, weights: { method: 'ahp', criteria: ['gapFit', 'scale'], matrix: [[1, 3], [1 / 3, 1]] } });
    expect(ahp.weightSource).toBe('ahp');
    expect(ahp.weights.gapFit).toBeCloseTo(0.75, 12);
    expect(ahp.ahp?.cr).toBe(0);
  });

  it('reports rank intervals under perturbed weights, the same for the same seed', () => {
    const ds = goodDataset();
    const gaps = handGaps(ds, { 'm-profile': { kind: 'fill', priority: 0.8 } });
    const a = rankCompanies(ds, { gaps, stability: { runs: 50, seed: 7 } });
    const b = rankCompanies(ds, { gaps, stability: { runs: 50, seed: 7 } });
    expect(a.items.map((i) => i.stability)).toEqual(b.items.map((i) => i.stability));
    expect(a.stabilitySettings).toEqual({ runs: 50, spread: 0.2, seed: 7 });
    for (const i of a.items) {
      expect(i.stability!.p10).toBeLessThanOrEqual(i.stability!.median);
      expect(i.stability!.median).toBeLessThanOrEqual(i.stability!.p90);
    }
  });
});

describe('rankCompanies: given the chain model', () => {
  it('ranks as from the dataset (value for value), reading the one model for many rankings', () => {
    const ds = liaocheng();
    const model = chainModel(ds);
    const gaps = analyzeGaps(model);
    for (const options of [{ top: 15 }, { industry: 'textiles', top: 5, method: 'topsis' as const }, { industry: 'nonferrous', weights: 'fill-first' as const, stability: true }]) {
      expect(rankCompanies(model, { ...options, gaps })).toEqual(rankCompanies(ds, options));
    }
  });
});
