import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/dataset/indexDataset.js';
import { buildScoringContext } from '../../src/scoring/buildScoringContext.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import { explainRelevance, RELEVANCE, relevanceValue } from '../../src/scoring/relevance.js';
import { WEIGHT_PRESETS } from '../../src/scoring/presets.js';
import type { Company } from '../../src/schema/index.js';
import { company, miniDataset, miniGaps } from './helpers.js';

const ds = miniDataset();
const ctx = buildScoringContext(indexDataset(ds), miniGaps(ds), { asOf: '2026-01', gapKinds: WEIGHT_PRESETS.balanced!.gapKinds, priorities: {}, regions: [] });
const placed = (status: 'confirmed' | 'uncertain' | 'off-chain'): Company['placement'] => ({ status, score: 0.5, evidence: [] });

describe('relevanceValue: the gate of the fit score', () => {
  it('gives each placement its level', () => {
    expect(relevanceValue(company('curated', { segments: ['gap'] }), ctx)).toBe(RELEVANCE.segment);
    expect(relevanceValue(company('sure', { segments: ['gap'], placement: placed('confirmed') }), ctx)).toBe(1);
    expect(relevanceValue(company('weak', { segments: ['gap'], placement: placed('uncertain') }), ctx)).toBe(0.6);
    expect(relevanceValue(company('ind', { industries: ['ind'] }), ctx)).toBe(0.5);
    expect(relevanceValue(company('tied', { ties: [{ type: 'supplier-of-local', enterprise: 'ok-co', text: '供货', source: 't' }] }), ctx)).toBe(0.5);
    expect(relevanceValue(company('bank'), ctx)).toBe(0);
    expect(relevanceValue(company('unknown-seg', { segments: ['nowhere'] }), ctx)).toBe(0);
    expect(relevanceValue(company('off', { segments: ['gap'], placement: placed('off-chain') }), ctx)).toBe(0);
    // A partnership tie alone is no supply, ownership or investment relation.
    expect(relevanceValue(company('partner', { ties: [{ type: 'partner-of-local', enterprise: 'ok-co', text: '合作', source: 't' }] }), ctx)).toBe(0);
  });

  it('explains itself below 1 and says nothing at 1', () => {
    expect(explainRelevance(company('curated', { segments: ['gap'] }), ctx).reasons).toEqual([]);
    expect(explainRelevance(company('weak', { segments: ['gap'], placement: placed('uncertain') }), ctx).reasons[0]!.zh).toBe('挂链证据较弱（待核实），总分按 60% 计');
    expect(explainRelevance(company('bank'), ctx).reasons[0]!.zh).toBe('与本市产业链无关：未挂上任何环节或产业，也无本地企业关系，总分记 0');
  });
});

describe('rankCompanies with the relevance gate', () => {
  it('an unrelated giant scores 0, and a small firm on a 补链 gap outranks it', () => {
    const giant = company('giant', { name: '某国有大型银行', lists: ['fortune-global-500', 'china-500', 'listed'], revenue: 8000, stockCode: '601398.SH', hq: { province: '上海市', city: '上海市' } });
    const small = company('small', { segments: ['gap'], revenue: 0.5, hq: { province: '远方省', city: '远方市' } });
    const data = miniDataset([giant, small]);
    const r = rankCompanies(data, { gaps: miniGaps(data), includeUnrelated: true });
    expect(r.items.map((i) => i.id)).toEqual(['small', 'giant']);
    const g = r.items[1]!;
    expect(g.score).toBe(0);
    expect(g.features.scale).toBeGreaterThan(0.9); // the size is there, the relevance is not
    expect(r.items[0]!.score).toBeGreaterThan(0);
    // By default the giant is not ranked at all, only counted.
    expect(rankCompanies(data, { gaps: miniGaps(data) }).excluded!.unrelated).toBe(1);
  });

  it('includeOffChain lists an off-chain company (score 0, last), instead of moving it to the unrelated count', () => {
    const bank = company('bank', { revenue: 8000, placement: placed('off-chain') });
    const small = company('small', { segments: ['gap'], revenue: 0.5 });
    const data = miniDataset([bank, small]);
    const def = rankCompanies(data, { gaps: miniGaps(data) });
    expect(def.items.map((i) => i.id)).toEqual(['small']);
    expect(def.excluded).toMatchObject({ offChain: 1, unrelated: 0 });
    const asked = rankCompanies(data, { gaps: miniGaps(data), includeOffChain: true });
    expect(asked.items.map((i) => [i.id, i.score === 0])).toEqual([['small', false], ['bank', true]]);
    expect(asked.excluded).toMatchObject({ offChain: 0, unrelated: 0 });
  });

  it('an uncertain placement keeps 60% of the score, contributions still adding up to it', () => {
    const sure = company('sure', { segments: ['gap'] });
    const weak = company('weak', { segments: ['gap'], placement: placed('uncertain') });
    const data = miniDataset([sure, weak]);
    const r = rankCompanies(data, { gaps: miniGaps(data) });
    const [a, b] = [r.items.find((i) => i.id === 'sure')!, r.items.find((i) => i.id === 'weak')!];
    expect(b.score).toBeCloseTo(0.6 * a.score, 12);
    expect(Object.values(b.contributions).reduce((x, y) => x + y, 0)).toBe(b.score);
    expect(b.reasons[0]!.code).toBe('relevance.uncertain');
  });

  it('TOPSIS is gated too', () => {
    const data = miniDataset([company('bank', { revenue: 8000 }), company('on', { segments: ['gap'] })]);
    const r = rankCompanies(data, { gaps: miniGaps(data), method: 'topsis', includeUnrelated: true });
    expect(r.items.find((i) => i.id === 'bank')!.score).toBe(0);
  });
});
