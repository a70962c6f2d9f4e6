import { beforeAll, describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/backtest/runBacktest.js';
import { formatBacktest } from '../../src/backtest/formatReport.js';
import { ReconstructionSpec } from '../../src/backtest/reconstructionSpec.js';
import { liaocheng, OutcomesFile, safeLoadDataset, type Dataset } from '../../src/index.js';
import { LANDED_STATUSES } from '../../src/schema/outcome.js';
import { loadBacktestCity, readJson, type CityBacktestConfig } from '../helpers/backtestCity.js';

// The 济南 backtest dataset (eval/backtest/cities/jinan, issue 15): it validates on its own, its referenced target
// list (data/liaocheng/companies.json) is adopted for 济南, and the backtest rebuilds 济南 as it stood.
const DIR = 'eval/backtest/cities/jinan';

let own: Dataset;
let ds: Dataset;
let cfg: CityBacktestConfig;
beforeAll(async () => {
  ({ own, cfg, ds } = await loadBacktestCity(DIR));
});

describe('济南 backtest dataset', () => {
  it('validates on its own, with 济南市 as home city and the four pillar industries 济南 names', async () => {
    const r = await safeLoadDataset(DIR);
    expect(r.success).toBe(true);
    expect(r.warnings ?? []).toEqual([]);
    expect(own.meta.home.city).toBe('济南市');
    const names = own.industries.map((i) => i.name).join(' ');
    for (const chain of ['大数据与新一代信息技术', '智能制造与高端装备', '精品钢与先进材料', '生物医药与大健康', '新能源汽车', '空天信息']) expect(names).toContain(chain);
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
    expect(own.segments.find((s) => s.id === 'au-heavy-trucks')?.industryCodes).toEqual(['3611']);
  });

  it('has local enterprises with a source and a county of 济南, sizes from estimates marked as such', () => {
    const counties = new Set(own.cities.filter((c) => c.parent === '济南市').map((c) => c.name));
    expect(counties.has('莱芜区') && counties.has('章丘区') && counties.has('济南新旧动能转换起步区')).toBe(true);
    expect(own.enterprises.length).toBeGreaterThanOrEqual(40);
    for (const e of own.enterprises) {
      expect(e.source.length).toBeGreaterThan(0);
      expect(counties.has(e.county)).toBe(true);
    }
    expect(own.enterprises.find((e) => e.id === 'sinotruk-jinan-truck')).toMatchObject({ listed: '000951.SZ', chainLeader: true });
    expect(own.enterprises.find((e) => e.id === 'zhanggu')?.sources?.revenueBand).toMatchObject({ estimate: true });
  });
});

describe('the referenced target list fitted to 济南', () => {
  it('marks firms headquartered in 济南 as local (浪潮, 重汽, 齐鲁制药) and drops every tie', () => {
    const local = ds.companies.filter((c) => c.local === true).map((c) => c.id);
    expect(local).toEqual(expect.arrayContaining(['inspur-group', 'sinotruk-group', 'qilu-pharma']));
    expect(ds.companies.filter((c) => c.local === true).every((c) => c.hq.city === '济南市')).toBe(true);
    expect(ds.companies.every((c) => c.ties === undefined)).toBe(true);
    expect(ds.companies.find((c) => c.id === 'byd')?.local).toBeUndefined();
  });
});

describe('济南 landings and the backtest on them', () => {
  it('are 2018–2025 landings in 济南市, each with a source and a reconstruction entry; the 2 济南 records of eval/backtest/outcomes.json are reused', async () => {
    const outcomes = OutcomesFile.parse(await readJson(cfg.outcomes!));
    const rec = ReconstructionSpec.parse(await readJson(cfg.reconstruction!));
    expect(outcomes.length).toBeGreaterThanOrEqual(15);
    for (const o of outcomes) {
      expect(o.city).toBe('济南市');
      expect((LANDED_STATUSES as readonly string[]).includes(o.status)).toBe(true);
      expect(Number(o.date.slice(0, 4))).toBeGreaterThanOrEqual(2018);
      expect(Number(o.date.slice(0, 4))).toBeLessThanOrEqual(2025);
      expect(o.source.length).toBeGreaterThan(0);
      expect(rec[o.companyId ?? ''] ?? rec[o.company]).toBeDefined();
    }
    const shared = OutcomesFile.parse(await readJson('eval/backtest/outcomes.json')).filter((o) => o.city === '济南市');
    for (const s of shared) expect(outcomes.find((o) => o.companyId === s.companyId)).toMatchObject({ date: s.date, status: s.status, source: s.source });
  });

  it('rebuilds 济南 as it stood: the BYD plant is removed before the BYD landing, 盛迪医药 (2018) is kept for 恒瑞 (2024)', async () => {
    const other = OutcomesFile.parse(await readJson('eval/backtest/outcomes.json')).filter((o) => o.city === '潍坊市');
    const outcomes = [...OutcomesFile.parse(await readJson(cfg.outcomes!)).filter((o) => o.companyId === 'byd' || o.companyId === 'hengrui'), ...other];
    const rec = ReconstructionSpec.parse(await readJson(cfg.reconstruction!));
    // Auto and health firms only (fast).
    const inds = new Set(own.segments.filter((s) => s.industry === 'auto' || s.industry === 'health').map((s) => s.id));
    const small = { ...ds, companies: ds.companies.filter((c) => (c.segments ?? []).some((s) => inds.has(s))) };
    const report = runBacktest({ dataset: small, outcomes, reconstruction: rec });
    const byd = report.landings.find((l) => l.companyId === 'byd')!;
    const hr = report.landings.find((l) => l.companyId === 'hengrui')!;
    expect(report.city).toBe('济南市');
    expect(byd.evaluable && hr.evaluable).toBe(true);
    expect(byd.removed?.enterprises).toEqual(['byd-jinan']);
    expect(hr.removed?.enterprises).toEqual([]);
    expect(byd.aucAll).toBeGreaterThanOrEqual(0);
    expect(byd.aucAll).toBeLessThanOrEqual(1);
    // Another city's records are not evaluable here; when that city has its own dataset the report says where.
    expect(report.otherCities.map((o) => o.city)).toEqual(['潍坊市']);
    const plain = formatBacktest(report, 'zh').join('\n');
    const told = formatBacktest(report, 'zh', undefined, { 潍坊市: 'eval/backtest/cities/weifang' }).join('\n');
    expect(plain).toContain('潍坊市: 4 个落地记录，不可评估');
    expect(told).toContain('eval/backtest/cities/weifang');
    expect(told).not.toContain('不可评估');
  });
});
