import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ChainTargetingError } from '../../../src/errors.js';
import { importCompanies } from '../../../src/io/import/importCompanies.js';
import { resolveImportOptions } from '../../../src/io/import/importOptions.js';
import { ImportLimitError } from '../../../src/io/import/importLimitError.js';
import { readXlsx } from '../../../src/io/import/readXlsx.js';
import { summarizeSheet } from '../../../src/io/import/selectTable.js';
import { importDataset } from './helpers.js';

// The streaming XLSX reader (saxes over each inflated sheet, no exceljs object model): row numbers as the
// spreadsheet shows them, the sheet with most rows chosen while only that sheet keeps its rows, and caps that end in
// a typed error naming file, row and field. Memory itself is measured in bench/ (import-memory.*), not here.

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Drop every <dimension> element, so only the streaming check can see a sheet's extent. */
async function withoutDimension(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) zip.file(name, (await zip.file(name)!.async('string')).replace(/<dimension\b[^>]*\/>/, ''));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const rows = (ws: ExcelJS.Worksheet, n: number, city = '聊城'): void => {
  for (let i = 1; i <= n; i++) ws.addRow([`${ws.name}测试${i}有限公司`, city]);
};

describe('streaming XLSX reader', () => {
  it('gives every row its spreadsheet number: title rows, gaps of missing <row> elements, a bad row far down', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.getCell('A1').value = '2024 年企业名单';
    ws.getRow(3).values = ['企业名称', '所属城市'];
    ws.getRow(4).values = ['聊城甲铝业有限公司', '聊城'];
    ws.getRow(5).values = ['聊城乙铝业有限公司', '聊城'];
    // rows 6–9 absent from the XML; row 10 has no name; row 12 is fine
    ws.getRow(10).values = ['', '聊城'];
    ws.getRow(12).values = ['聊城丙铝业有限公司', '聊城'];
    const r = await importCompanies(await bytesOf(wb), { fileName: 'gaps.xlsx', dataset: await importDataset() });
    expect(r.meta.headerRow).toBe(3);
    expect(r.stats.rows).toBe(9); // rows 4–12: blank rows inside the table count, trailing ones would not
    expect(r.rejected.filter((x) => x.code !== 'empty-row').map((x) => [x.row, x.code])).toEqual([[10, 'missing-name']]);
    expect([...new Set(r.report.filter((x) => x.outcome !== 'rejected').map((x) => x.row))]).toEqual([4, 5, 12]);
  });

  it('picks the sheet with most rows under a header and keeps only its rows; the others keep a summary', async () => {
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('汇总');
    summary.addRow(['名称', '数量']);
    summary.addRow(['企业', 8]);
    const old = wb.addWorksheet('旧名单');
    old.addRow(['企业名称', '所属城市']);
    rows(old, 3);
    const data = wb.addWorksheet('新名单');
    data.addRow(['企业名称', '所属城市']);
    rows(data, 5);
    const same = wb.addWorksheet('副本');
    same.addRow(['企业名称', '所属城市']);
    rows(same, 5);
    const bytes = await bytesOf(wb);
    const o = resolveImportOptions({ asOf: '2024' });
    const sheets = await readXlsx(bytes, undefined, { wanted: () => true, summarize: (s) => summarizeSheet(s, o) });
    expect(sheets.map((s) => [s.name, s.rows.length, s.summary?.rows ?? null])).toEqual([
      ['汇总', 0, 1],
      ['旧名单', 0, 3],
      ['新名单', 6, null], // kept whole; 副本 ties with it and loses, as the earlier sheet wins a tie
      ['副本', 0, 5],
    ]);
    const r = await importCompanies(bytes, { fileName: 'sheets.xlsx', dataset: await importDataset() });
    expect(r.meta.sheet).toBe('新名单');
    expect(r.stats.rows).toBe(5);
    expect(r.companies[0]!.name).toBe('新名单测试1有限公司');
    expect(r.warnings.find((w) => w.code === 'sheet-picked')?.message).toBe('read sheet “新名单” (新名单: 5, 副本: 5, 旧名单: 3, 汇总: 1 rows / 行（选行数最多的表；可用 --sheet 指定）)');
    expect(r.warnings.find((w) => w.code === 'other-sheets')?.message).toContain('汇总, 旧名单, 副本');
  });

  it('reads the sheet asked for by number or name even when another has more rows', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('大表');
    a.addRow(['企业名称']);
    rows(a, 6);
    const b = wb.addWorksheet('小表');
    b.addRow(['企业名称']);
    rows(b, 2);
    const bytes = await bytesOf(wb);
    for (const sheet of [2, '小表'] as const) {
      const r = await importCompanies(bytes, { fileName: 'two.xlsx', asOf: '2024', sheet });
      expect([r.meta.sheet, r.stats.rows]).toEqual(['小表', 2]);
    }
  });

  it('a sheet without <dimension> that passes maxCells while read: IMPORT_FAILED with the row and column reached', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['企业名称', '所属城市', '行业']);
    for (let i = 1; i <= 30; i++) ws.addRow([`测试${i}有限公司`, '聊城', '铝']);
    const bytes = await withoutDimension(await bytesOf(wb));
    await expect(importCompanies(bytes, { fileName: 'w.xlsx', asOf: '2024', maxCells: 50 })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: 'importCompanies: "w.xlsx": sheet "名单" reaches row 17 and column 3, over the limit of 50 cells (maxCells)',
    });
    expect((await importCompanies(bytes, { fileName: 'w.xlsx', asOf: '2024', maxCells: 93 })).stats.rows).toBe(30);
  });
});

describe('CSV cell cap (maxCells)', () => {
  const csv = `企业名称,所属城市,经营范围\n${Array.from({ length: 50 }, (_, i) => `测试${i}有限公司,聊城,铝材`).join('\n')}\n`;

  it('refuses a CSV past maxCells with IMPORT_FAILED naming file, row and field, and an ImportLimitError cause', async () => {
    const error = await importCompanies(new TextEncoder().encode(csv), { fileName: 'big.csv', asOf: '2024', maxCells: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainTargetingError);
    expect(error).toMatchObject({
      code: 'IMPORT_FAILED',
      message: 'importCompanies: "big.csv" row 34, field "所属城市" (column 2): more than 100 cells (rows × columns), over the limit (maxCells); split the file or raise maxCells',
      messageZh: 'importCompanies：“big.csv”第 34 行，字段“所属城市”（第 2 列）：单元格超过 100 个（行 × 列），超过上限（maxCells）；请拆分文件或调高 maxCells',
    });
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(ImportLimitError);
    expect(cause).toMatchObject({ file: 'big.csv', row: 34, field: '所属城市', limitName: 'maxCells', limit: 100 });
  });

  it('reads a CSV of exactly maxCells cells, every row accounted for', async () => {
    const r = await importCompanies(new TextEncoder().encode(csv), { fileName: 'big.csv', asOf: '2024', maxCells: 153 });
    expect(r.stats.rows).toBe(50);
    expect(r.stats.accepted + r.stats.merged + r.stats.rejected + r.stats.offChain).toBe(50);
  });

  it('names the column by number when the first row has no header there', async () => {
    const wide = `企业名称\n${Array.from({ length: 10 }, (_, i) => `测试${i}有限公司,x,y`).join('\n')}\n`;
    await expect(importCompanies(new TextEncoder().encode(wide), { fileName: 'wide.csv', asOf: '2024', maxCells: 20 })).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringContaining('"wide.csv" row 8, field column 2:'),
    });
  });
});
