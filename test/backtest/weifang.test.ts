import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/backtest/runBacktest.js';
import { ReconstructionSpec } from '../../src/backtest/reconstructionSpec.js';
import { importCompanies, liaocheng, OutcomesFile, safeLoadDataset, type Dataset } from '../../src/index.js';
import { LANDED_STATUSES } from '../../src/schema/outcome.js';
import { adoptTargets } from '../../scripts/backtestCity.js';
import { loadBacktestCity, readJson, type CityBacktestConfig } from '../helpers/backtestCity.js';

// The 潍坊 backtest dataset (eval/backtest/cities/weifang, issue 15): it validates on its own, its referenced target
// list (data/liaocheng/companies.json) is adopted for 潍坊, and the backtest runs on it.
const DIR = 'eval/backtest/cities/weifang';

let own: Dataset;
let ds: Dataset;
let cfg: CityBacktestConfig;
beforeAll(async () => {
  ({ own, cfg, ds } = await loadBacktestCity(DIR));
});

describe('潍坊 backtest dataset', () => {
  it('validates on its own, with 潍坊市 as home city and the 12 chains 潍坊 names', async () => {
    const r = await safeLoadDataset(DIR);
    expect(r.success).toBe(true);
    expect(r.warnings ?? []).toEqual([]);
    expect(own.meta.home.city).toBe('潍坊市');
    const names = own.industries.map((i) => i.name).join(' ');
    for (const chain of ['动力装备', '高端化工', '新一代信息技术', '食品加工', '汽车制造', '高端铝材', '纺织服装', '智能农机', '现代医药', '工业母机', '磁技术', '新型储能']) expect(names).toContain(chain);
  });

  it('keeps 聊城’s segment ids, codes and keywords where the industry is the same, and gives every segment GB/T codes', () => {
    const lc = new Map(liaocheng().segments.map((s) => [s.id, s]));
    const shared = own.segments.filter((s) => lc.has(s.id));
    expect(shared.length).toBeGreaterThan(50);
    for (const s of shared) {
      expect(s.industryCodes).toEqual(lc.get(s.id)!.industryCodes);
      expect(s.keywords).toEqual(lc.get(s.id)!.keywords);
    }
    expect(own.segments.every((s) => (s.industryCodes ?? []).length > 0)).toBe(true);
  });

  it('has local enterprises with a source, a confidence and a county of 潍坊', () => {
    const counties = new Set(own.cities.filter((c) => c.parent === '潍坊市').map((c) => c.name));
    expect(own.enterprises.length).toBeGreaterThanOrEqual(50);
    for (const e of own.enterprises) {
      expect(e.source.length).toBeGreaterThan(0);
      expect(counties.has(e.county)).toBe(true);
    }
    expect(own.enterprises.find((e) => e.id === 'sibo-precision')).toMatchObject({ revenue: 4.6, revenueYear: 2024, confidence: 'high' });
  });
});

describe('adoptTargets (a referenced national target list fitted to 潍坊)', () => {
  it('marks firms headquartered in 潍坊 as local and no other firm', () => {
    const local = ds.companies.filter((c) => c.local === true);
    expect(local.map((c) => c.id)).toEqual(expect.arrayContaining(['weichai-power', 'goertek', 'chenming-paper', 'himile']));
    expect(local.every((c) => c.hq.city === '潍坊市')).toBe(true);
  });

  it('drops every tie (they are relations with 聊城) and keeps only segments 潍坊’s dataset has', () => {
    const lc = liaocheng();
    expect(lc.companies.some((c) => (c.ties ?? []).length > 0)).toBe(true);
    expect(ds.companies.every((c) => c.ties === undefined)).toBe(true);
    const segs = new Set(own.segments.map((s) => s.id));
    expect(ds.companies.every((c) => (c.segments ?? []).every((s) => segs.has(s)))).toBe(true);
    const spic = ds.companies.find((c) => c.id === 'spic')!;
    expect(spic.segments).toContain('ne-pv-plant');
    expect(ds.companies).toHaveLength(lc.companies.length);
  });

  it('is pure: the input list is unchanged', () => {
    const lc = liaocheng();
    const before = JSON.stringify(lc.companies);
    adoptTargets(lc.companies, own);
    expect(JSON.stringify(lc.companies)).toBe(before);
  });
});

describe('潍坊 landings and the backtest on them', () => {
  it('are 2018–2025 landings in 潍坊市, each with a source and a reconstruction entry', async () => {
    const outcomes = OutcomesFile.parse(await readJson(cfg.outcomes!));
    const rec = ReconstructionSpec.parse(await readJson(cfg.reconstruction!));
    expect(outcomes.length).toBeGreaterThanOrEqual(15);
    for (const o of outcomes) {
      expect(o.city).toBe('潍坊市');
      expect((LANDED_STATUSES as readonly string[]).includes(o.status)).toBe(true);
      expect(Number(o.date.slice(0, 4))).toBeGreaterThanOrEqual(2018);
      expect(Number(o.date.slice(0, 4))).toBeLessThanOrEqual(2025);
      expect(rec[o.companyId ?? ''] ?? rec[o.company]).toBeDefined();
    }
  });

  it('rebuilds 潍坊 as it stood: the 京新 plant is removed before its landing, 寿光富康 (2015) is kept for 上药', async () => {
    const outcomes = OutcomesFile.parse(await readJson(cfg.outcomes!)).filter((o) => o.company === '浙江京新药业股份有限公司' || o.companyId === 'shanghai-pharma');
    const rec = ReconstructionSpec.parse(await readJson(cfg.reconstruction!));
    // Health firms only (fast); 京新 comes from the city's import file.
    const health = new Set(own.segments.filter((s) => s.industry === 'health').map((s) => s.id));
    const small = { ...ds, companies: ds.companies.filter((c) => (c.segments ?? []).some((s) => health.has(s))) };
    const imported = await importCompanies(cfg.imports!.at(-1)!, { dataset: small });
    const extra = imported.companies.filter((c) => c.name === '浙江京新药业股份有限公司');
    expect(extra).toHaveLength(1);
    const report = runBacktest({ dataset: small, extraCandidates: extra, outcomes, reconstruction: rec });
    const jx = report.landings.find((l) => l.company === '浙江京新药业股份有限公司')!;
    const sp = report.landings.find((l) => l.companyId === 'shanghai-pharma')!;
    expect(report.city).toBe('潍坊市');
    expect(jx.evaluable && sp.evaluable).toBe(true);
    expect(jx.removed?.enterprises).toEqual(['jingxin-weifang']);
    expect(sp.removed?.enterprises).toEqual([]);
    expect(jx.aucAll).toBeGreaterThanOrEqual(0);
    expect(jx.aucAll).toBeLessThanOrEqual(1);
  });
});
