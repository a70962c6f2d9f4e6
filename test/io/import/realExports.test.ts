import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { liaocheng } from '../../../src/dataset/liaocheng.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import type { ImportResult } from '../../../src/io/import/types.js';
import { Company } from '../../../src/schema/company.js';

// The shapes analysts really bring (issue 13), each with its exact expected counts, against the embedded 聊城 data.

const QCC_HEADER = ['序号', '企业名称', '登记状态', '注册资本', '成立日期', '统一社会信用代码', '所属省份', '所属城市', '所属区县', '国标行业门类', '国标行业大类', '国标行业中类', '国标行业小类', '参保人数', '企业(机构)类型'];
// Rows as 企查查 exports them: '-' in every empty cell, 4 levels of 国标行业 with codes.
const QCC_ROWS: readonly (readonly string[])[] = [
  ['1', '山东鑫源铝箔有限公司', '存续', '5000万元人民币', '2010-03-01', '-', '山东省', '滨州市', '邹平市', 'C 制造业', 'C32 有色金属冶炼和压延加工业', 'C325 有色金属压延加工', 'C3252 铝压延加工', '320', '有限责任公司(自然人投资或控股)'],
  ['2', '江苏华力钢球有限公司', '在业', '2000万元人民币', '2012-05-05', '-', '江苏省', '常州市', '-', 'C 制造业', 'C34 通用设备制造业', 'C345 轴承、齿轮和传动部件制造', 'C3451 滚动轴承制造', '150', '有限责任公司'],
  ['3', '某某农村商业银行股份有限公司', '存续', '100000万元人民币', '2005-01-01', '-', '山东省', '济南市', '-', 'J 金融业', 'J66 货币金融服务', 'J662 货币银行服务', 'J6621 商业银行服务', '2000', '股份有限公司(非上市)'],
  ['4', '济南某某置业有限公司', '存续', '10000万元人民币', '2015-01-01', '-', '山东省', '济南市', '-', 'K 房地产业', 'K70 房地产业', 'K701 房地产开发经营', 'K7010 房地产开发经营', '40', '有限责任公司'],
  ['5', '临清某某轴承有限公司', '存续', '500万元人民币', '2008-01-01', '-', '山东省', '聊城市', '临清市', 'C 制造业', 'C34 通用设备制造业', 'C345 轴承、齿轮和传动部件制造', 'C3451 滚动轴承制造', '80', '有限责任公司'],
  ['6', '某某已注销铝业有限公司', '注销', '100万元人民币', '2001-01-01', '-', '山东省', '滨州市', '-', 'C 制造业', 'C32 有色金属冶炼和压延加工业', '-', '-', '-', '有限责任公司'],
  ['7', '山东某某电池科技有限公司', '存续', '3000万元人民币', '2019-01-01', '-', '山东省', '-', '-', 'C 制造业', 'C38 电气机械和器材制造业', 'C384 电池制造', 'C3841 锂离子电池制造', '260', '有限责任公司'],
  ['8', '宁波某某精密压铸股份有限公司', '存续', '93000万元人民币', '2003-07-01', '-', '浙江省', '宁波市', '北仑区', 'C 制造业', 'C36 汽车制造业', 'C367 汽车零部件及配件制造', 'C3670 汽车零部件及配件制造', '6000', '股份有限公司(上市)'],
  ['9', '宁波某某精密压铸股份有限公司（本部）', '存续', '-', '-', '-', '浙江省', '宁波市', '-', 'C 制造业', 'C36 汽车制造业', '-', '-', '-', '-'],
  ['10', '某某汽车零部件有限公司', '存续', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-'],
];

async function qccWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // A small summary sheet first, with a 名称 column: the data sheet beside it has more rows and must win.
  const sum = wb.addWorksheet('汇总');
  sum.addRow(['名称', '数量']);
  sum.addRow(['有色金属', 1]);
  sum.addRow(['高端轴承', 2]);
  const ws = wb.addWorksheet('企业列表');
  ws.addRow(['企查查 · 企业查询结果（导出时间 2026-11-30）']);
  ws.addRow([...QCC_HEADER]);
  for (const r of QCC_ROWS) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a 企查查-shaped XLSX: summary sheet, title row, \'-\' in empty cells, 国标行业 in four levels', () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importCompanies(await qccWorkbook(), { dataset: liaocheng(), fileName: 'qcc.xlsx' });
  });

  it('reads the data sheet, not the summary, and says so', () => {
    expect(r.meta.sheet).toBe('企业列表');
    expect(r.meta.headerRow).toBe(2);
    expect(r.warnings.find((w) => w.code === 'sheet-picked')?.messageZh).toContain('企业列表');
    expect(r.meta.columns.filter((c) => c.field.startsWith('gb')).map((c) => c.field)).toEqual(['gbSection', 'gbDivision', 'gbGroup', 'gbClass']);
  });

  // Rows 3–12: 3 aluminium (accepted), 4 steel balls (accepted), 5 bank (off-chain), 6 developer (off-chain),
  // 7 临清 bearings (local, within accepted), 8 注销 (rejected), 9 province-only battery maker (accepted),
  // 10 a die-caster (accepted), 11 the same（本部）(merged into row 10), 12 no place at all (rejected).
  it('accounts for every row: accepted 5 (1 local) + merged 1 + rejected 2 + off-chain 2', () => {
    expect(r.stats).toEqual({ rows: 10, accepted: 5, merged: 1, rejected: 2, offChain: 2, local: 1 });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([
      [8, 'inactive-company'],
      [12, 'missing-location'],
    ]);
    expect(r.merged).toMatchObject([{ row: 11, intoRow: 10, reason: 'same-key' }]);
    for (const c of r.companies) expect(Company.safeParse(c).success).toBe(true);
  });

  it('never merges rows on the placeholder credit code', () => {
    expect(r.merged.every((m) => m.reason !== 'credit-code')).toBe(true);
  });

  it('places each company on the chain from its 国标行业, with the code as evidence', () => {
    const by = new Map(r.companies.map((c) => [c.name, c]));
    expect(by.get('山东鑫源铝箔有限公司')).toMatchObject({ industries: ['nonferrous'], placement: { status: 'confirmed' } });
    expect(by.get('山东鑫源铝箔有限公司')!.segments).toEqual(['nf-al-sheet-foil']);
    expect(by.get('江苏华力钢球有限公司')).toMatchObject({ industries: ['bearings'], segments: ['br-steel-ball'] });
    expect(by.get('某某农村商业银行股份有限公司')!.placement).toMatchObject({ status: 'off-chain' });
    expect(by.get('济南某某置业有限公司')!.placement).toMatchObject({ status: 'off-chain' });
    expect(by.get('临清某某轴承有限公司')).toMatchObject({ local: true, industries: ['bearings'], hq: { city: '聊城市' } });
    expect(by.get('山东某某电池科技有限公司')).toMatchObject({ hq: { province: '山东省', city: '山东省' }, industries: ['new-energy'] });
    expect(by.get('宁波某某精密压铸股份有限公司')!.industries?.[0]).toBe('auto');
    expect(by.get('山东鑫源铝箔有限公司')!.placement!.evidence[0]).toMatchObject({ field: 'industryLabels.gb4754.4', matched: 'GB/T 3252' });
  });

  it('estimates the size band from 参保人数 when revenue is missing, marked as an estimate', () => {
    const c = r.companies.find((x) => x.name === '宁波某某精密压铸股份有限公司')!;
    expect(c).toMatchObject({ employees: 6000, revenueBand: '50-100', revenueEstimated: true, registeredCapital: 9.3 });
    expect(c.note).toContain('按参保/员工人数 6000 人估算');
    expect(c.revenue).toBeUndefined();
  });

  it('the bank and the developer stay out of rank; the local firm too', async () => {
    const { rankCompanies } = await import('../../../src/scoring/rankCompanies.js');
    const ranking = rankCompanies(liaocheng(), { companies: r.companies });
    expect(ranking.excluded).toEqual({ offChain: 2, local: 1, unrelated: 0 });
    expect(ranking.items.map((i) => i.name)).not.toContain('某某农村商业银行股份有限公司');
    // A firm placed on an industry only still fits that industry's gaps, discounted, and says so.
    const battery = ranking.items.find((i) => i.name === '山东某某电池科技有限公司')!;
    expect(battery.contributions.gapFit).toBeGreaterThan(0);
  });
});

describe('a GB18030 CSV with 繁体 headers, full-width digits and traditional magnitudes', () => {
  const text = ['企業名稱,省份,城市,營業收入,主營產品', '寧波甲乙鋁業有限公司,浙江,寧波,４７．１５億元,鋁型材', '寧波丙丁科技有限公司,浙江,寧波,一些,鋰電池', '寧波戊己科技有限公司,浙江,寧波,3萬5千,'].join('\r\n');
  let r: ImportResult;
  beforeAll(async () => {
    r = await importCompanies(iconv.encode(text, 'gb18030'), { dataset: liaocheng(), fileName: 'gbk.csv' });
  });

  it('recognises the traditional headers and reads 47.15 亿元', () => {
    expect(r.meta.columns.map((c) => c.field)).toEqual(['name', 'province', 'city', 'revenue', 'products']);
    expect(r.companies[0]).toMatchObject({ name: '寧波甲乙鋁業有限公司', revenue: 47.15, hq: { city: '宁波市' } });
  });

  it('keeps the row whose revenue reads 一些, with the field flagged', () => {
    expect(r.stats).toMatchObject({ rows: 3, rejected: 0 });
    expect(r.companies[1]!.revenue).toBeUndefined();
    expect(r.report.find((x) => x.row === 3 && x.code === 'invalid-value-dropped')).toMatchObject({ column: '營業收入', value: '一些' });
  });
});

describe('local enterprises: anywhere under the home city, county-level cities included', () => {
  it('临清市 (a county-level city under 聊城) in 城市 or 区县, with or without 市, is local; 济南 is not', async () => {
    const csv = ['企业名称,所属省份,所属城市,所属区县,主营产品', '甲某钢球有限公司,山东省,临清市,-,钢球', '乙某钢球有限公司,山东省,-,临清市,钢球', '丙某钢球有限公司,-,-,临清市,钢球', '丁某钢球有限公司,山东,聊城,-,钢球', '戊某钢球有限公司,-,临清,-,钢球', '己某钢球有限公司,山东省,东昌府区,-,钢球', '庚某钢球有限公司,山东省,济南市,-,钢球'].join('\n');
    const r = await importCompanies(Buffer.from(csv), { dataset: liaocheng(), fileName: 'local.csv' });
    expect(r.companies.map((c) => [c.name.slice(0, 1), c.hq.city, c.local === true])).toEqual([
      ['甲', '临清市', true],
      ['乙', '临清市', true],
      ['丙', '临清市', true],
      ['丁', '聊城市', true],
      ['戊', '临清市', true],
      ['己', '聊城市', true],
      ['庚', '济南市', false],
    ]);
    expect(r.stats.local).toBe(6);
  });
});

describe('two exports pasted one under another: the second header is not a company', () => {
  it('rows 6 = accepted 2 + rejected 4 (header again, empty, 合计, source line), each with its reason', async () => {
    const csv = ['企查查企业名单导出,,,', '企业名称,所属省份,所属城市,主营产品', '甲丁铝业有限公司,江苏省,苏州市,铝板带箔', '企业名称,所属省份,所属城市,主营产品', '乙丁铝业有限公司,江苏省,苏州市,铝板带箔', ',,,', '合计：2家,,,', '数据来源：企查查,,,'].join('\n');
    const r = await importCompanies(Buffer.from(csv), { dataset: liaocheng(), fileName: 'pasted.csv' });
    expect(r.companies.map((c) => c.name)).toEqual(['甲丁铝业有限公司', '乙丁铝业有限公司']);
    expect(r.stats).toMatchObject({ rows: 6, accepted: 2, merged: 0, rejected: 4, offChain: 0 });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([
      [4, 'header-row'],
      [6, 'empty-row'],
      [7, 'total-row'],
      [8, 'missing-location'],
    ]);
  });
});

describe('a rejected row says only why it was rejected', () => {
  it('a 吊销 firm with 城市 "-" is rejected as no longer operating, without the kept-row note 按省级保留', async () => {
    const csv = ['企业名称,登记状态,所属省份,所属城市', '某某吊销铝业有限公司,吊销,山东省,-', '某某在业铝业有限公司,存续,山东省,-'].join('\n');
    const r = await importCompanies(Buffer.from(csv), { dataset: liaocheng(), fileName: 'revoked.csv' });
    expect(r.rejected.map((x) => [x.row, x.code])).toEqual([[2, 'inactive-company']]);
    const rowsOfWarnings = r.warnings.flatMap((w) => [...w.rows]);
    expect(rowsOfWarnings).not.toContain(2);
    expect(rowsOfWarnings).toContain(3);
  });
});

describe('placeholders never merge rows', () => {
  const PLACEHOLDER = fc.constantFrom('-', '—', '--', '/', '无', '暂无', 'null', 'NULL', 'N/A', '');
  it('rows differing only in name, with random placeholders in every other cell, each become their own company', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(PLACEHOLDER, { minLength: 6, maxLength: 6 }), fc.integer({ min: 2, max: 8 }), async (cells, n) => {
        const names = ['甲乙', '丙丁', '戊己', '庚辛', '壬癸', '子丑', '寅卯', '辰巳'].slice(0, n).map((x) => `${x}精密机械有限公司`);
        const rows = names.map((name) => ({ 企业名称: name, 统一社会信用代码: cells[0], 所属省份: '山东省', 所属城市: cells[1] === '' ? '济南市' : cells[1], 注册资本: cells[2], 参保人数: cells[3], 国标行业小类: cells[4], 登记状态: cells[5] }));
        const r = await importCompanies(rows, { dataset: liaocheng() });
        expect(r.stats.merged).toBe(0);
        expect(r.stats.accepted + r.stats.offChain).toBe(n);
        expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(r.stats.rows);
      }),
      { numRuns: 15 },
    );
  });
});

describe('regression (issue 21): 1,799 rows with "-" in every 统一社会信用代码 cell', () => {
  it('are 1,799 companies, not one', async () => {
    const header = '企业名称,统一社会信用代码,所属省份,所属城市,国标行业小类';
    const digits = '零一二三四五六七八九';
    const name = (i: number): string => `${[...String(i).padStart(4, '0')].map((d) => digits[Number(d)]).join('')}号精密机械有限公司`;
    const lines = Array.from({ length: 1799 }, (_, i) => `${name(i)},-,江苏省,苏州市,C3451 滚动轴承制造`);
    const r = await importCompanies(new TextEncoder().encode([header, ...lines].join('\n')), { dataset: liaocheng(), fileName: 'qcc.csv' });
    expect(r.stats).toMatchObject({ rows: 1799, merged: 0, rejected: 0 });
    expect(r.stats.accepted + r.stats.offChain).toBe(1799);
    expect(new Set(r.companies.map((c) => c.id)).size).toBe(1799);
  });
});
