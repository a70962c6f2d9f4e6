import { REVENUE_BANDS, type Company, type RevenueBand } from '../../src/schema/index.js';
import type { GeneratedCompany } from './companies.js';
import type { Rng } from './rng.js';
import { CSV_HEADERS, GIVEN_CHARS, SURNAMES } from './vocabulary.js';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A 统一社会信用代码 with a valid GB 32100-2015 check character. */
export function creditCode(rng: Rng): string {
  let code = '91' + String(rng.int(110000, 659000));
  for (let i = 0; i < 9; i++) code += USCC_CHARS[rng.int(0, 30)]!;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  return code + USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

const COMPANY_TYPE: Readonly<Record<Company['ownership'], string>> = {
  private: '有限责任公司(自然人投资或控股)',
  'central-soe': '有限责任公司(国有独资)',
  'local-soe': '有限责任公司(国有控股)',
  foreign: '有限责任公司(外国法人独资)',
  mixed: '股份有限公司(上市、国有控股)',
};

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function revenueWan(c: Company): string {
  const yi = c.revenue ?? (c.revenueBand !== undefined ? Math.sqrt(Math.max(REVENUE_BANDS[c.revenueBand as RevenueBand].min, 0.5) * Math.min(REVENUE_BANDS[c.revenueBand as RevenueBand].max, 20000)) : undefined);
  return yi === undefined ? '-' : (Math.round(yi * 10000 * 100) / 100).toFixed(2);
}

/** What the generated file holds besides plain rows. */
export interface CsvFacts {
  readonly rows: number;
  readonly duplicateRows: number;
  readonly datasetMatches: number;
  readonly badRows: number;
  readonly closedRows: number;
}

/**
 * A 企查查-style CSV export (UTF-8 with BOM): 序号, 企业名称, 统一社会信用代码, 登记状态, 法定代表人, 注册资本, 成立日期,
 * 省/市/区县, 企业类型, 行业, 营业收入(万元), 参保人数, 主营产品, 经营范围, 电话. No segment column, so every row
 * is tagged from its products and scope. About 2% of rows repeat an earlier firm (another legal form),
 * (same credit code), 1% name a company of `known`, 0.5% are bad (no name, negative revenue), 1% are 注销 (closed).
 *
 * @param companies - generated companies (their segments are not written)
 * @param known - dataset companies some rows should merge into
 * @param rng - the draws
 * @returns the CSV text and what it holds
 */
export function companiesToCsv(companies: readonly GeneratedCompany[], known: readonly Company[], rng: Rng): { text: string; facts: CsvFacts } {
  const lines: string[] = [CSV_HEADERS.join(',')];
  let duplicateRows = 0;
  let datasetMatches = 0;
  let badRows = 0;
  let closedRows = 0;
  const codes: string[] = [];
  companies.forEach(({ company: c, parts }, i) => {
    let name = c.name;
    let hq = c.hq;
    let code = creditCode(rng);
    const r = rng.next();
    if (r < 0.02 && i > 10) {
      // The same firm again, under another legal form (a typical export duplicate).
      const at = rng.int(0, i - 1);
      const prev = companies[at]!;
      const p = prev.parts;
      code = codes[at]!;
      name = `${p.place}${p.tradeName}${p.industryWord}${p.legalForm === '有限公司' ? '股份有限公司' : '有限公司'}`;
      hq = prev.company.hq;
      duplicateRows++;
    } else if (r < 0.03 && known.length > 0) {
      const k = rng.pick(known);
      name = k.name;
      hq = k.hq;
      datasetMatches++;
    }
    let revenue = revenueWan(c);
    const bad = rng.next();
    if (bad < 0.003) {
      name = '';
      badRows++;
    } else if (bad < 0.005) {
      revenue = '-5000';
      badRows++;
    }
    codes.push(code);
    const closed = rng.chance(0.01);
    if (closed) closedRows++;
    const row = [
      String(i + 1),
      name,
      code,
      closed ? '注销' : rng.chance(0.9) ? '存续' : '在业',
      `${rng.pick(SURNAMES)}${rng.pick(GIVEN_CHARS)}${rng.chance(0.6) ? rng.pick(GIVEN_CHARS) : ''}`,
      String(rng.int(50, 500000)),
      `${rng.int(1990, 2023)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      hq.province,
      hq.city,
      '',
      COMPANY_TYPE[c.ownership],
      `制造业-${parts.industryWord}`,
      revenue,
      String(rng.int(5, 20000)),
      (c.products ?? []).join('、'),
      c.businessScope ?? '',
      `0${rng.int(10, 999)}-${rng.int(1000000, 9999999)}`,
    ];
    lines.push(row.map(cell).join(','));
  });
  return { text: `\uFEFF${lines.join('\r\n')}\r\n`, facts: { rows: companies.length, duplicateRows, datasetMatches, badRows, closedRows } };
}
