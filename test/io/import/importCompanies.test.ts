import { beforeAll, describe, expect, it } from 'vitest';
import { ChainTargetingError, UsageError } from '../../../src/errors.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { ImportResult } from '../../../src/io/import/types.js';
import { Company } from '../../../src/schema/company.js';
import type { Dataset } from '../../../src/schema/dataset.js';
import { fixture, importDataset } from './helpers.js';

let ds: Dataset;
beforeAll(async () => {
  ds = await importDataset();
});

describe('importCompanies: options and unreadable input', () => {
  it('requires asOf or a dataset (no clock is read)', async () => {
    await expect(importCompanies([{ 企业名称: '甲有限公司' }])).rejects.toBeInstanceOf(UsageError);
    await expect(importCompanies([{ 企业名称: '甲有限公司' }])).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
  });

  it('rejects a bad default unit, a bad mapping unit and an unknown encoding', async () => {
    await expect(importCompanies([], { asOf: '2026', defaultUnit: '斤' })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
    await expect(importCompanies([], { asOf: '2026', mapping: { 营收: { field: 'revenue', unit: 'xx' } } })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
    await expect(importCompanies(new Uint8Array([0x61]), { asOf: '2026', encoding: 'no-such' })).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
  });

  it('fails with IMPORT_FAILED on a missing file, a legacy .xls, bad JSON and a table without a name column', async () => {
    const failed = { code: 'IMPORT_FAILED' };
    await expect(importCompanies(fixture('no-such.csv'), { asOf: '2026' })).rejects.toMatchObject(failed);
    await expect(importCompanies(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { asOf: '2026' })).rejects.toMatchObject(failed);
    await expect(importCompanies(new TextEncoder().encode('[{"a": 1'), { asOf: '2026' })).rejects.toMatchObject(failed);
    await expect(importCompanies(new TextEncoder().encode('{"x": 1}'), { asOf: '2026' })).rejects.toMatchObject(failed);
    const noName = importCompanies(new TextEncoder().encode('a,b\n1,2\n'), { asOf: '2026' });
    await expect(noName).rejects.toBeInstanceOf(ChainTargetingError);
    await expect(noName).rejects.toMatchObject(failed);
  });
});

describe('importCompanies: mixed.csv (legal forms, traditional names, full-width digits, units, bad rows)', () => {
  // mixed.csv, worked out by hand (row = spreadsheet row, header = row 1):
  //  2 聊城铝业科技有限公司  accepted: revenue １２０００ (万元 from the header) = 1.2亿; capital 5,000万元 = 0.5亿
  //  3 聊城铝业科技股份有限公司  merged into row 2 (same key 聊城铝业科技, same city) → medium
  //  4 寧德時代…股份有限公司 in 寧德  merged into the dataset's catl (same name once simplified) → high
  //  5 深圳市格林美…  accepted: '3000 万' = 0.3亿
  //  6 empty → empty-row; 7 =HYPERLINK(…) → formula-in-cell; 8 revenue -500 → kept, the value dropped (warning)
  //  9 revenue 999999999999万元 → kept, the value dropped (warning); 10 no place at all → missing-location
  // 11 15 cells for 13 headers → malformed-row; 12 ＡＢＣ１２３科技 in 上海: accepted, 约5亿 = 5 (estimated); 13 合计 → total-row
  // Row 2 is in 聊城, the dataset's home city: a local enterprise (counted within accepted).
  // rows 12 = accepted 5 (1 local) + merged 2 + rejected 5 + off-chain 0.
  let r: ImportResult;
  beforeAll(async () => {
    r = await importCompanies(fixture('mixed.csv'), { dataset: ds });
  });

  it('accounts for every row', () => {
    expect(r.stats).toEqual({ rows: 12, accepted: 5, merged: 2, rejected: 5, offChain: 0, local: 1 });
    expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(r.stats.rows);
    // The report lists every data row at least once, with its outcome.
    expect([...new Set(r.report.map((x) => x.row))]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(r.report.filter((x) => x.code === 'placed' || x.code === 'unplaced' || x.code === 'placed-industry').map((x) => [x.row, x.outcome])).toEqual([
      [2, 'local'],
      [5, 'accepted'],
      [8, 'accepted'],
      [9, 'accepted'],
      [12, 'accepted'],
    ]);
  });

  it('rejects each bad row with its code, column and value', () => {
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([
      [6, 'empty-row'],
      [7, 'formula-in-cell'],
      [10, 'missing-location'],
      [11, 'malformed-row'],
      [13, 'total-row'],
    ]);
    expect(r.rejected[1]).toMatchObject({ column: '企业名称', value: '=HYPERLINK("http://evil.example","点我")' });
    expect(r.rejected[2]).toMatchObject({ name: '无地址科技有限公司' });
    // A bad optional cell drops the value, never the company: the report says which column and value.
    expect(r.report.filter((x) => x.code === 'invalid-value-dropped').map((x) => [x.row, x.column, x.value])).toEqual([
      [8, '营业收入(万元)', '-500'],
      [9, '营业收入(万元)', '999999999999'],
    ]);
    for (const x of r.rejected) expect(x.messageZh.length).toBeGreaterThan(0);
  });

  it('merges duplicates within the file and into the dataset, keeping every source', () => {
    const own = r.companies.find((c) => c.name === '聊城铝业科技有限公司')!;
    expect(r.merged).toEqual([
      { row: 3, name: '聊城铝业科技股份有限公司', into: own.id, intoRow: 2, confidence: 'medium', reason: 'same-key' },
      { row: 4, name: '寧德時代新能源科技股份有限公司', into: 'catl', intoRow: undefined, confidence: 'high', reason: 'same-name' },
    ]);
    expect(own.source).toBe('import:mixed.csv row 2; import:mixed.csv row 3');
    const catl = r.companies.find((c) => c.id === 'catl')!;
    expect(catl.source).toBe('test fixture; import:mixed.csv row 4');
    expect(catl.aliases).toContain('寧德時代新能源科技股份有限公司');
  });

  it('reads amounts into 亿元 from full-width digits and mixed units, and records the unit', () => {
    const byName = new Map(r.companies.map((c) => [c.name, c]));
    expect(byName.get('聊城铝业科技有限公司')).toMatchObject({ revenue: 1.2, revenueBand: '1-10' });
    expect(byName.get('聊城铝业科技有限公司')!.note).toContain('注册资本 0.5亿元');
    expect(byName.get('深圳市格林美高新技术股份有限公司')).toMatchObject({ revenue: 0.3, revenueBand: '<1', hq: { province: '广东省', city: '深圳市' } });
    const abc = byName.get('ABC123科技有限公司')!;
    expect(abc).toMatchObject({ revenue: 5, revenueEstimated: true, ownership: 'foreign', hq: { province: '上海市', city: '上海市' } });
    expect(abc.note).toContain('单位 亿元');
  });

  it('outputs valid Company records with provenance, stable ids and tags from products', () => {
    expect(r.companies).toHaveLength(6);
    for (const c of r.companies) expect(Company.safeParse(c).success).toBe(true);
    const own = r.companies.find((c) => c.name === '聊城铝业科技有限公司')!;
    expect(own).toMatchObject({ confidence: 'medium', asOf: '2026-01', lists: ['specialized-little-giant'], segments: ['al-extrusion', 'al-sheet'], industries: ['metal'], local: true });
    expect(own.placement).toMatchObject({ status: 'confirmed' });
    // 铝业科技 is generic, so the key keeps 聊城 (聊城铝业科技) and the id its pinyin.
    expect(own.id).toMatch(/^liaochenglvyekeji-[0-9a-z]{7}$/);
    expect(r.tags.find((t) => t.id === own.id)?.candidates[0]).toMatchObject({ segment: 'al-extrusion', status: 'confirmed' });
  });

  it('warns about unknown columns, assumed ownership, trailing blank rows and untagged companies', () => {
    const codes = new Map(r.warnings.map((w) => [w.code, w]));
    expect(codes.get('unknown-column')?.message).toContain('奇怪列');
    expect(codes.get('trailing-empty-rows')?.count).toBe(2);
    expect(codes.get('ownership-assumed')?.rows).toEqual([3, 4, 5, 8, 9]);
    expect(codes.get('untagged')?.rows).toEqual([5, 9]);
    expect(codes.get('local-enterprise')?.rows).toEqual([2, 3]);
    expect(codes.get('merged-newer-values')?.rows).toEqual([4]);
  });

  it('gives the same result on every run', async () => {
    expect(await importCompanies(fixture('mixed.csv'), { dataset: ds })).toEqual(r);
  });
});

describe('importCompanies: rows, JSON and options', () => {
  it('imports rows (objects) with English headers, and places HQs without a dataset', async () => {
    const r = await importCompanies([{ company: 'Acme Aluminium Co., Ltd.', province: '山东', city: '聊城', revenue: 'US$95m', products: 'aluminium extrusion' }], { asOf: '2025-06' });
    expect(r.stats).toEqual({ rows: 1, accepted: 1, merged: 0, rejected: 0, offChain: 0, local: 0 });
    expect(r.companies[0]).toMatchObject({ name: 'Acme Aluminium Co., Ltd.', hq: { province: '山东省', city: '聊城市' }, revenue: 6.84, asOf: '2025-06', source: 'import:rows row 1' });
    expect(r.meta.exchangeRates.USD).toBe(7.2);
    expect(r.tags).toEqual([]);
  });

  it('uses the stated exchange rate and a user mapping that overrides the built-in one', async () => {
    const rows = [{ 名称: '甲铝业有限公司', 简称: '甲铝', 地区: '山东', 城市: '济南', 营收: '10', 备注: '=cmd|x' }];
    const r = await importCompanies(rows, { dataset: ds, mapping: { 简称: 'name', 名称: 'aliases', 营收: { field: 'revenue', unit: '百万美元' } }, exchangeRates: { USD: 7, HKD: 0.9, EUR: 8 } });
    expect(r.companies[0]).toMatchObject({ name: '甲铝', aliases: ['甲铝业有限公司'], revenue: 0.7, hq: { city: '济南市' } });
    // Without 企业类型 the assumed ownership is said on the record too.
    expect(r.companies[0]!.note).toBe('营业收入 0.7亿元（原文“10”，单位 百万美元，按 1 USD = 7 元人民币折算）；企业类型未知，所有制暂按民营企业计（待核实）');
    expect(r.warnings.map((w) => w.code)).toContain('formula-ignored');
  });

  it('imports a JSON file of records, flattening nested hq and joining arrays', async () => {
    const json = JSON.stringify({ rows: [{ name: '乙轮胎有限公司', hq: { province: '山东省', city: '烟台市' }, products: ['子午线轮胎', '农用轮胎'], lists: ['china-500'] }, 'not a record'] });
    const r = await importCompanies(new TextEncoder().encode(json), { dataset: ds, fileName: 'list.json' });
    expect(r.stats).toEqual({ rows: 2, accepted: 1, merged: 0, rejected: 1, offChain: 0, local: 0 });
    expect(r.rejected[0]).toMatchObject({ row: 2, code: 'malformed-row' });
    expect(r.companies[0]).toMatchObject({ hq: { city: '烟台市' }, products: ['子午线轮胎', '农用轮胎'], lists: ['china-500'], segments: ['tyres'], source: 'import:list.json row 1' });
  });

  it('keeps rows with impossible values by default, dropping the value; rejects them when invalidValues is reject', async () => {
    const rows = [{ 企业名称: '丙午有限公司', 城市: '上海', 营业收入: '-3亿' }, { 企业名称: '丁未有限公司', 城市: '上海', 营业收入: '一些' }];
    const r = await importCompanies(rows, { asOf: '2026' });
    expect(r.stats.accepted).toBe(2);
    expect(r.companies[0]!.revenue).toBeUndefined();
    expect(r.warnings.find((w) => w.code === 'invalid-value-dropped')).toMatchObject({ rows: [1, 2], count: 2 });
    const strict = await importCompanies(rows, { asOf: '2026', invalidValues: 'reject' });
    expect(strict.rejected.map((x) => [x.row, x.code])).toEqual([
      [1, 'negative-amount'],
      [2, 'invalid-amount'],
    ]);
  });

  it('rejects inactive companies, bare legal forms and one-character trade names, and renames ids when keys collide across cities', async () => {
    const rows = [
      { 企业名称: '丁丑储能科技有限公司', 城市: '济南' },
      { 企业名称: '深圳市丁丑储能科技有限公司', 城市: '深圳' },
      { 企业名称: '有限公司', 城市: '济南' },
      { 企业名称: '戊戌有限公司', 城市: '济南', 登记状态: '注销' },
      // A trade name (字号) has at least two characters by the registration rules.
      { 企业名称: '甲有限公司', 城市: '济南' },
    ];
    const r = await importCompanies(rows, { dataset: ds });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([
      [3, 'invalid-name'],
      [4, 'inactive-company'],
      [5, 'invalid-name'],
    ]);
    const [a, b] = r.companies;
    expect(b!.id).toBe(`${a!.id}-2`);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['possible-duplicate', 'id-renamed']));
  });

  it('finds the HQ from a county, an address or the start of the name, and foreign places by name', async () => {
    const rows = [
      { 企业名称: '己亥有限公司', 区县: '东昌府区' },
      { 企业名称: '庚子有限公司', 注册地址: '山东省济南市历下区某路1号' },
      { 企业名称: '烟台辛丑有限公司' },
      { 企业名称: 'Houston Drilling Inc.', 城市: '休斯敦' },
      { 企业名称: '壬寅有限公司', 省份: '山东', 城市: '潍坊' },
    ];
    const r = await importCompanies(rows, { dataset: ds });
    expect(r.companies.map((c) => c.hq)).toEqual([
      { province: '山东省', city: '聊城市' },
      { province: '山东省', city: '济南市' },
      { province: '山东省', city: '烟台市' },
      { country: '美国', province: '美国', city: '休斯敦' },
      { province: '山东省', city: '潍坊市' },
    ]);
    expect(r.warnings.find((w) => w.code === 'unknown-city')?.rows).toEqual([5]);
  });
});
