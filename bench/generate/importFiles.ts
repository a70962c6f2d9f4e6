import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { liaocheng } from '../../src/dataset/liaocheng.js';
import { generateCompanies } from './companies.js';
import { companiesToCsv, type CsvFacts } from './csv.js';
import { DEFAULT_SEED } from './dataset.js';
import { createRng } from './rng.js';
import { CSV_HEADERS } from './vocabulary.js';

/** A 企查查-style export of `rows` firms placed on the 聊城 chains (the data the CLI imports against by default). */
export function importCsvText(rows: number, seed = DEFAULT_SEED): { text: string; facts: CsvFacts } {
  const ds = liaocheng();
  const tax = { ...ds, baseIndustryOf: ds.segments.map((s) => s.industry) };
  const generated = generateCompanies(tax, ds, rows, createRng(seed * 17 + rows), { idPrefix: 'im' });
  return companiesToCsv(generated, ds.companies, createRng(seed * 19 + rows));
}

/**
 * Write the CSV export to `path`.
 *
 * @returns its size in bytes, its cells (header included) and what it holds
 */
export function writeImportCsv(path: string, rows: number, seed = DEFAULT_SEED): { bytes: number; cells: number; facts: CsvFacts } {
  const { text, facts } = importCsvText(rows, seed);
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, bytes);
  return { bytes: bytes.length, cells: (rows + 1) * CSV_HEADERS.length, facts };
}

/**
 * Write the same export as an XLSX workbook, streamed with exceljs's `WorkbookWriter` (shared strings, as Excel and
 * the vendors write them): a title row above the header, the data sheet "企业名单", and a small summary sheet "汇总"
 * with a 名称 column before it (so the importer has to pick the sheet with the most rows).
 *
 * @returns cells of the data sheet (rows × columns, title and header included) and the facts of the rows
 */
export async function writeImportXlsx(path: string, rows: number, seed = DEFAULT_SEED): Promise<{ cells: number; facts: CsvFacts }> {
  const { text, facts } = importCsvText(rows, seed);
  const table = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const summary = wb.addWorksheet('汇总');
  summary.addRow(['名称', '数量']).commit();
  summary.addRow(['企业', rows]).commit();
  summary.commit();
  const ws = wb.addWorksheet('企业名单');
  const width = table[0]!.length;
  ws.addRow([`企业名单（导出 ${rows} 条）`]).commit();
  for (const r of table) {
    // Numbers as numbers (序号, 注册资本, 营业收入, 参保人数), as an export holds them.
    ws.addRow(r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) && c.length < 12 ? Number(c) : c))).commit();
  }
  ws.commit();
  await wb.commit();
  return { cells: (table.length + 1) * width, facts };
}

// `node --import tsx bench/generate/importFiles.ts DIR [CSV_ROWS] [XLSX_ROWS]`: write DIR/import-<n>.csv and .xlsx.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dir = process.argv[2] ?? '/tmp';
  const csvRows = Number(process.argv[3] ?? 100_000);
  const xlsxRows = Number(process.argv[4] ?? 110_000);
  const c = writeImportCsv(`${dir}/import-${csvRows}.csv`, csvRows);
  process.stdout.write(`${dir}/import-${csvRows}.csv: ${(c.bytes / 1e6).toFixed(1)} MB\n`);
  const x = await writeImportXlsx(`${dir}/import-${xlsxRows}.xlsx`, xlsxRows);
  process.stdout.write(`${dir}/import-${xlsxRows}.xlsx: ${x.cells} cells\n`);
}
