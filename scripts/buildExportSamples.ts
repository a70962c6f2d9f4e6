/**
 * Issue 13 "done when", by hand: writes a 企查查-shaped XLSX (a summary sheet first, a title row, `-` in empty cells)
 * of the first 3,000 A-share companies and a GBK CSV of the rest (3,018), from ../shared/data/external/
 * a_share_companies_merged.csv (name, province, city, Tushare industry as 所属行业, registered capital, staff). Then:
 *
 *   npx tsx scripts/buildExportSamples.ts /tmp/e2e
 *   node dist/cli/main.js import /tmp/e2e/qcc.xlsx --out /tmp/e2e/qcc.json --report /tmp/e2e/qcc-report.csv
 *   node dist/cli/main.js rank --companies /tmp/e2e/qcc.json --out /tmp/e2e/qcc-rank.xlsx
 *
 * The files are not stored in the repository (the shared file's terms govern its rows).
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const SHARED = fileURLToPath(new URL('../../shared/data/external/a_share_companies_merged.csv', import.meta.url));
const out = process.argv[2] ?? '/tmp/e2e';
mkdirSync(out, { recursive: true });
const rows = Papa.parse<Record<string, string>>(readFileSync(SHARED, 'utf8'), { header: true, skipEmptyLines: true }).data;
const dash = (x: string | undefined): string => (x === undefined || x === '' ? '-' : x);
const date = (d: string | undefined): string => (d !== undefined && d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : '-');
const HEADER = ['序号', '企业名称', '登记状态', '注册资本', '成立日期', '统一社会信用代码', '所属省份', '所属城市', '所属区县', '所属行业', '国标行业门类', '国标行业大类', '国标行业中类', '国标行业小类', '参保人数', '企业(机构)类型'];
const toRow = (r: Record<string, string>, i: number): string[] => [
  String(i + 1), r.fullname!, '存续', r.reg_capital_10k_cny ? `${Number(r.reg_capital_10k_cny).toFixed(2)}万元人民币` : '-', date(r.setup_date), '-',
  dash(r.province_area), dash(r.city), '-', dash(r.tushare_industry), '-', '-', '-', '-', dash(r.employees), '股份有限公司(上市)',
];
const xlsxRows = rows.slice(0, 3000);
const csvRows = rows.slice(2400);
const wb = new ExcelJS.Workbook();
const summary = wb.addWorksheet('汇总');
summary.addRow(['名称', '数量']);
summary.addRow(['上市公司', xlsxRows.length]);
const sheet = wb.addWorksheet('企业列表');
sheet.addRow(['企查查 · 企业查询结果（导出时间 2026-12-04）']);
sheet.addRow(HEADER);
xlsxRows.forEach((r, i) => sheet.addRow(toRow(r, i)));
await wb.xlsx.writeFile(join(out, 'qcc.xlsx'));
writeFileSync(join(out, 'gbk.csv'), iconv.encode(Papa.unparse([HEADER, ...csvRows.map(toRow)]), 'gbk'));
console.log(`${join(out, 'qcc.xlsx')}: ${xlsxRows.length} rows; ${join(out, 'gbk.csv')}: ${csvRows.length} rows`);
