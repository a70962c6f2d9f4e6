import { InvalidArgumentError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { datasetBefore } from '../../src/backtest/asItStood.js';
import { clippedFeatures, fitLearnedWeights, weightsFromFit } from '../../src/backtest/learnedWeights.js';
import { featureContrast, runBacktest, splitTargets, type FeatureRow } from '../../src/backtest/runBacktest.js';
import { splitOf } from '../../src/backtest/split.js';
import { Company, liaocheng, Outcome, rankCompanies } from '../../src/index.js';

const base = liaocheng();
// Bearing firms only (fast), with 哈轴's group 建龙 among them.
const bearingIds = new Set(['harbin-bearing', 'jianlong-group', 'zwz-bearing', 'lyc-bearing', 'xiangyang-auto-bearing', 'sinomach-precision', 'nanfang-precision', 'guangyang-bearing', 'renben-group', 'xcc-group', 'csb-bearing']);
const ds = { ...base, companies: base.companies.filter((c) => bearingIds.has(c.id)) };
const outcomes = [
  Outcome.parse({ company: '哈尔滨轴承集团有限公司', companyId: 'harbin-bearing', city: '聊城市', status: '签约', date: '2023', segments: ['br-precision-bearing'], source: 'lcrb content_43603', confidence: 'high' }),
  Outcome.parse({ company: '瓦房店轴承集团有限责任公司', companyId: 'zwz-bearing', city: '聊城市', status: '洽谈', date: '2024', source: 'test (hand-made)' }),
  Outcome.parse({ company: '比亚迪股份有限公司', companyId: 'byd', city: '济南市', status: '签约', date: '2021-08', source: 'test (hand-made)' }),
  Outcome.parse({ company: '不存在的公司', city: '聊城市', status: '投产', date: '2022', source: 'test (hand-made)' }),
];
const reconstruction = { 'harbin-bearing': { keys: ['哈轴', '哈尔滨轴承'], keepEnterprises: [], group: ['jianlong-group'] } };

describe('runBacktest', () => {
  const report = runBacktest({ dataset: ds, outcomes, reconstruction, heldOutPercent: 0 });
  const hrb = report.landings.find((l) => l.companyId === 'harbin-bearing')!;

  it('evaluates home-city landings only; 洽谈 is not a landing; a firm not among the candidates is not evaluable', () => {
    expect(report.landings.map((l) => [l.company, l.evaluable])).toEqual([
      ['哈尔滨轴承集团有限公司', true],
      ['不存在的公司', false],
    ]);
    expect(report.otherCities.map((o) => [o.city, o.landings])).toEqual([['济南市', 1]]);
  });

  it('rebuilds the dataset before the landing: 哈轴临清基地 and the ties it created are gone', () => {
    expect(hrb.removed?.enterprises).toEqual(['hrb-linqing']);
    expect(hrb.removed?.ties).toContain('harbin-bearing: existing-investment');
  });

  it('matches the company’s own core name when no reconstruction entry is given (哈尔滨轴承 → 哈尔滨轴承集团临清生产基地)', () => {
    const r = runBacktest({ dataset: ds, outcomes: [outcomes[0]!], reconstruction: {}, heldOutPercent: 0 });
    expect(r.landings[0]?.removed?.enterprises).toEqual(['hrb-linqing']);
  });

  it('leaves the group (建龙), the 洽谈 firm and the landed firm out of the negatives', () => {
    // 11 firms − 哈轴 − 建龙 (group) − 瓦轴 (洽谈) = 8
    expect(hrb.negatives).toBe(8);
  });

  it('ranks exactly as rankCompanies does on the rebuilt dataset (public API, asOf = landing date)', () => {
    const { dataset: before } = datasetBefore(ds, { date: '2023', keys: ['哈轴', '哈尔滨轴承'] });
    const r = rankCompanies(before, { asOf: '2023' });
    expect(hrb.rank).toBe(r.items.find((i) => i.id === 'harbin-bearing')!.rank);
    const s = r.items.find((i) => i.id === 'harbin-bearing')!.score;
    const negs = r.items.filter((i) => !['harbin-bearing', 'jianlong-group', 'zwz-bearing'].includes(i.id));
    const expected = negs.reduce((a, i) => a + (s > i.score ? 1 : s === i.score ? 0.5 : 0), 0) / negs.length;
    expect(hrb.aucAll).toBeCloseTo(expected, 12);
  });

  it('puts everything in dev with heldOutPercent 0, and the landing is a positive feature row', () => {
    expect(report.heldout.landings).toBe(0);
    expect(report.rows.filter((r) => r.landed).map((r) => r.id)).toEqual(['harbin-bearing']);
  });
});

describe('runBacktest with a lost firm', () => {
  it('keeps a 流失 firm among the non-landed firms (a 洽谈 firm is left out)', () => {
    const lost = Outcome.parse({ company: '瓦房店轴承集团有限责任公司', companyId: 'zwz-bearing', city: '聊城市', status: '流失', date: '2024', source: 'test (hand-made)' });
    const r = runBacktest({ dataset: ds, outcomes: [outcomes[0]!, lost], reconstruction, heldOutPercent: 0 });
    expect(r.landings[0]?.negatives).toBe(9);
  });
});

describe('runBacktest: unrelated firms', () => {
  it('reports an off-chain firm as not ranked, and counts the chain firms below an unrelated firm that is ranked', () => {
    const bank = Company.parse({ id: 'bank', name: '某银行', hq: { province: '北京市', city: '北京市' }, ownership: 'central-soe', revenue: 5000,
      placement: { status: 'off-chain', score: 0.9, evidence: [] }, source: 'test', confidence: 'high', asOf: '2025' });
    const misplaced = Company.parse({ id: 'airline', name: '某航空', hq: { province: '北京市', city: '北京市' }, ownership: 'central-soe', revenue: 1500,
      segments: ['br-general-bearing'], source: 'test', confidence: 'high', asOf: '2025' });
    const r = runBacktest({ dataset: ds, extraCandidates: [bank, misplaced], outcomes: [outcomes[0]!], reconstruction, unrelatedIds: ['bank', 'airline'], heldOutPercent: 0 });
    const byId = new Map(r.unrelated.map((u) => [u.id, u]));
    expect(byId.get('bank')).toEqual({ id: 'bank', name: '某银行', placement: 'off-chain', chainFirmsBelow: 0 });
    const a = byId.get('airline')!;
    expect(a.rank).toBeGreaterThan(0);
    // 12 ranked: the 11 bearing firms and 某航空 (the bank is off-chain); every firm ranked below it is a chain firm.
    expect(a.chainFirmsBelow).toBe(12 - a.rank!);
  });
});

describe('splitOf', () => {
  it('is fixed by the name (these are the committed assignments of the 聊城 records)', () => {
    expect(splitOf('中国中化控股有限责任公司')).toBe('heldout');
    expect(splitOf('哈尔滨轴承集团有限公司')).toBe('dev');
  });
});

describe('learned weights', () => {
  const rows = (flipHeld: boolean): FeatureRow[] =>
    Array.from({ length: 40 }, (_, i) => {
      const part = i % 4 === 0 ? ('heldout' as const) : ('dev' as const);
      const landed = i % 5 === 0 ? !(flipHeld && part === 'heldout') : flipHeld && part === 'heldout';
      return { id: `c${i}`, name: `c${i}`, part, landed, features: { gapFit: (i % 7) / 7 + (landed ? 0.3 : 0), scale: (i % 3) / 3, risk: (i % 2) / 2 } };
    });

  it('never uses held-out rows: flipping their labels leaves the fit unchanged', () => {
    const a = fitLearnedWeights(rows(false));
    const b = fitLearnedWeights(rows(true));
    expect(b.fit.coefficients).toEqual(a.fit.coefficients);
    expect(b.lambda).toBe(a.lambda);
    expect(b.heldoutAuc).not.toBe(a.heldoutAuc);
  });

  it('uses only the features asked for', () => {
    const m = fitLearnedWeights(rows(false), { features: ['gapFit'] });
    expect(m.featureNames).toEqual(['gapFit']);
    expect(m.fit.coefficients).toHaveLength(1);
    expect(m.fit.coefficients[0]).toBeGreaterThan(0);
  });

  it('turns coefficients into custom weights: positives normalised, negatives clipped, risk as a penalty', () => {
    const model = { featureNames: ['gapFit', 'synergy', 'scale', 'risk'], fit: { coefficients: [3, 1, -2, -2] } };
    expect(weightsFromFit(model)).toEqual({ gapFit: 0.75, synergy: 0.25, scale: 0, risk: 0.5 });
    expect(clippedFeatures(model)).toEqual(['scale']);
    expect(() => weightsFromFit({ featureNames: ['gapFit'], fit: { coefficients: [-1] } })).toThrow(InvalidArgumentError);
  });

  it('the weights are accepted by rankCompanies as custom weights', () => {
    const w = weightsFromFit({ featureNames: ['gapFit', 'synergy', 'risk'], fit: { coefficients: [2, 1, -0.3] } });
    const r = rankCompanies(ds, { weights: w, top: 3 });
    expect(r.weightSource).toBe('custom');
    expect(r.weights.gapFit).toBeCloseTo(2 / 3, 5);
  });
});

describe('runBacktest: imported candidates and dev only', () => {
  it('rebuilds imported candidates too: a tie the landing created is removed, and the result equals the in-dataset one', () => {
    const hrbCompany = ds.companies.find((c) => c.id === 'harbin-bearing')!;
    const without = { ...ds, companies: ds.companies.filter((c) => c.id !== 'harbin-bearing') };
    const inData = runBacktest({ dataset: ds, outcomes: [outcomes[0]!], reconstruction, heldOutPercent: 0 }).landings[0]!;
    const imported = runBacktest({ dataset: without, extraCandidates: [hrbCompany], outcomes: [outcomes[0]!], reconstruction, heldOutPercent: 0 }).landings[0]!;
    expect(imported.removed?.ties).toContain('harbin-bearing: existing-investment');
    expect(imported.contrast?.landed.ties).toBe(inData.contrast?.landed.ties);
    expect([imported.rank, imported.score, imported.aucAll]).toEqual([inData.rank, inData.score, inData.aucAll]);
  });

  it('tells targets from imported candidates by id, not by position (splitTargets)', () => {
    const [a, b, c] = ds.companies;
    const targetIds = new Set([a!.id, b!.id]);
    // An imported firm first, a target dropped from the rebuilt list: a split by position (slice(0, 2)) would count the
    // imported firm as a target and the second target as imported.
    expect(splitTargets([c!, b!], targetIds)).toEqual({ targets: [b], imported: [c] });
    expect(splitTargets([a!, c!, b!], targetIds)).toEqual({ targets: [a, b], imported: [c] });
    expect(splitTargets([], targetIds)).toEqual({ targets: [], imported: [] });
  });

  it('refuses an imported candidate with the id of a dataset company (the split by id would be ambiguous)', () => {
    const twin = { ...ds.companies[0]!, name: '另一家公司' };
    expect(() => runBacktest({ dataset: ds, extraCandidates: [twin], outcomes, reconstruction, heldOutPercent: 0 })).toThrow(/ids must be unique/);
  });

  it('with devOnly, held-out landings are neither ranked nor listed and held-out firms give no rows', () => {
    const r = runBacktest({ dataset: ds, outcomes, reconstruction, heldOutPercent: 100, devOnly: true });
    expect(r.landings).toEqual([]);
    expect(r.heldout).toEqual({ part: 'heldout', landings: 0, negatives: 0, precisionAtK: [], hitRate: [], byIndustry: [] });
    expect(r.rows.filter((x) => x.part === 'heldout')).toEqual([]);
  });

  it('featureContrast compares each feature of dev landings with their peers (a one-feature AUC)', () => {
    const r = runBacktest({ dataset: ds, outcomes: [outcomes[0]!], reconstruction, heldOutPercent: 0 });
    const rows = featureContrast(r, 'dev');
    expect(rows.map((x) => x.feature)).toContain('scale');
    const l = r.landings[0]!;
    const scale = rows.find((x) => x.feature === 'scale')!;
    const peers = l.contrast!.peers.map((p) => p.scale!);
    expect(scale.landedMean).toBe(l.contrast!.landed.scale);
    expect(scale.auc).toBeCloseTo(peers.reduce((a, p) => a + (l.contrast!.landed.scale! > p ? 1 : l.contrast!.landed.scale === p ? 0.5 : 0), 0) / peers.length, 12);
  });
});
