// runScenario formats reasons (of segments and of ranked items) on first read (runGapAnalysis' lazyReasons and
// rankCompanies' lazyReasons option). These tests pin that the results are the eager ones, value for value and key
// for key (JSON).
import { describe, expect, test } from 'vitest';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { analyzeGapsWithContext } from '../../src/gaps/analyzeGapsWithContext.js';
import { buildGapContext } from '../../src/gaps/buildGapContext.js';
import { rankCompanies } from '../../src/scoring/rankCompanies.js';
import type { RankOptions } from '../../src/scoring/rankOptions.js';
import { land } from '../../src/whatif/land.js';
import { runScenario } from '../../src/whatif/runScenario.js';
import { whatifFixture } from './fixture.js';

const lc = liaocheng();
const lcContext = buildGapContext(lc);
const lcGaps = analyzeGapsWithContext(lcContext, lc);
const firstIndustry = lc.industries[0]!.id;

const OPTIONS: readonly (Omit<RankOptions, 'gaps'> & { label: string })[] = [
  { label: 'defaults' },
  { label: 'top 20', top: 20 },
  { label: 'top 40 (past the cluster window)', top: 40 },
  { label: 'fill-first', weights: 'fill-first' },
  { label: 'entropy weights', weights: 'entropy' },
  { label: 'topsis', method: 'topsis', top: 60 },
  { label: 'one industry', industry: firstIndustry },
  { label: 'a subset of candidates', companies: lc.companies.slice(100, 160) },
  { label: 'custom gap kinds and regions', gapKinds: { build: 0.2 }, regions: ['长三角'] },
];

describe('rankCompanies with lazyReasons', () => {
  test.each(OPTIONS)('equals rankCompanies on the 聊城 data, key for key ($label)', ({ label: _label, ...options }) => {
    const lazy = rankCompanies(lc, { ...options, gaps: lcGaps, lazyReasons: true });
    const eager = rankCompanies(lc, { ...options, gaps: lcGaps });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(lazy).toEqual(eager);
  });

  test('a read reason is computed once and kept (the same array on every read)', () => {
    const item = rankCompanies(lc, { gaps: lcGaps, top: 3, lazyReasons: true }).items[0]!;
    expect(item.reasons).toBe(item.reasons);
    expect(item.approach).toBe(item.approach);
    expect(item.matchedGaps).toBe(item.matchedGaps);
  });

  test('with stability the lazy items equal the eager ones, knife-edge reasons and stability included', () => {
    const ds = whatifFixture();
    const gaps = analyzeGapsWithContext(buildGapContext(ds), ds);
    const lazy = rankCompanies(ds, { gaps, stability: { runs: 20, seed: 3 }, lazyReasons: true });
    const eager = rankCompanies(ds, { gaps, stability: { runs: 20, seed: 3 } });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(lazy).toEqual(eager);
  });

  test('a spread of a lazy item reads its details (the same values as the eager item)', () => {
    const lazy = rankCompanies(lc, { gaps: lcGaps, top: 5, lazyReasons: true }).items.map((i) => ({ ...i }));
    const eager = rankCompanies(lc, { gaps: lcGaps, top: 5 }).items;
    expect(lazy).toEqual(eager);
    expect(Object.keys(lazy[0]!)).toEqual(Object.keys(eager[0]!));
  });

  test('bad options give the errors of the eager ranking', () => {
    const ds = whatifFixture();
    const gaps = analyzeGapsWithContext(buildGapContext(ds), ds);
    expect(() => rankCompanies(ds, { gaps, top: -1, lazyReasons: true })).toThrowError(expect.objectContaining({ code: 'OPTIONS_INVALID' }) as Error);
    expect(() => rankCompanies(ds, { gaps, industry: 'nowhere', lazyReasons: true })).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }) as Error);
  });
});

describe('runScenario results with lazy reasons', () => {
  const scenario = { changes: [land('harbin-bearing', { segments: ['br-robot-bearing', 'br-auto-bearing'], county: '临清市', size: 20 })] };

  test('the gap analysis is analyzeGapsWithContext’s, reasons included, in the same key order', () => {
    const run = runScenario(lc, scenario, { context: lcContext });
    const eager = analyzeGapsWithContext(lcContext, run.dataset);
    expect(JSON.stringify(run.gaps)).toBe(JSON.stringify(eager));
    expect(run.gaps).toEqual(eager);
  });

  test('the ranking is rankCompanies’ over the remaining candidates, reasons and 招商方式 included', () => {
    const run = runScenario(lc, scenario, { context: lcContext });
    const eager = rankCompanies(run.dataset, { gaps: analyzeGapsWithContext(lcContext, run.dataset), companies: lc.companies.filter((c) => c.id !== 'harbin-bearing') });
    expect(JSON.stringify(run.ranking)).toBe(JSON.stringify(eager));
  });

  test('a lazy result frozen before its reasons are read still gives them (the same as the eager ones)', () => {
    const run = runScenario(lc, scenario, { context: lcContext, rank: { top: 3 } });
    const eagerGaps = analyzeGapsWithContext(lcContext, run.dataset);
    const gap = Object.freeze(run.gaps.segments[0]!);
    const item = Object.freeze(run.ranking.items[0]!);
    expect(gap.reasons).toEqual(eagerGaps.segments[0]!.reasons);
    expect(gap.reasons).toBe(gap.reasons);
    expect(item.reasons.length).toBeGreaterThan(0);
    expect(item.reasons).toBe(item.reasons);
  });

  test('a structured clone or a spread of a lazy result holds the computed reasons', () => {
    const run = runScenario(lc, scenario, { context: lcContext, rank: { top: 5 } });
    const clone = structuredClone({ gaps: run.gaps.segments.slice(0, 5), items: run.ranking.items });
    expect(clone.gaps.map((g) => g.reasons)).toEqual(run.gaps.segments.slice(0, 5).map((g) => g.reasons));
    expect(clone.items.map((i) => ({ ...i }).reasons.length)).toEqual(run.ranking.items.map((i) => i.reasons.length));
    expect(clone.items[0]!.reasons.length).toBeGreaterThan(0);
  });
});
